//! A set's principles to read, before or after a quiz: each label and summary, the passages of the source its questions quote for it, and the document cited.

use yew::prelude::*;

use credo_core::i18n::Lang;
use credo_core::model::QuestionSet;

use crate::hooks::use_focus_on_mount;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub set: QuestionSet,
    pub embed: bool,
    pub on_start: Callback<()>,
    pub on_back: Callback<()>,
}

#[function_component(StudyView)]
pub fn study_view(props: &Props) -> Html {
    let (set, t) = (&props.set, props.lang.texts());
    let heading = use_focus_on_mount();
    let source = set.source();
    let date = source.date.as_deref().map(|d| format!("({d})")).unwrap_or_default();
    let cite = format!("— {} {}{date}", source.office, source.title);
    let content = props.lang.for_content(set.lang());
    let principles = set.principles().iter().map(|p| {
        // The passages its questions quote, each once, in the set's order.
        let mut passages: Vec<&str> = Vec::new();
        for q in set.questions().iter().filter(|q| q.principle.as_deref() == Some(p.id.as_str())) {
            if !passages.contains(&q.quote.as_str()) {
                passages.push(&q.quote);
            }
        }
        let heading_id = format!("study-{}", p.id);
        html! {
            <section class="study-principle" aria-labelledby={heading_id.clone()}>
                <h2 id={heading_id} lang={content}>{ &p.label }</h2>
                <p lang={content}>{ &p.summary }</p>
                if !passages.is_empty() {
                    <h3>{ t.study_passages }</h3>
                    { for passages.iter().map(|q| html! { <blockquote class="quote" lang={content}>{ *q }</blockquote> }) }
                    <p class="cite" lang={content}>{ cite.clone() }</p>
                }
            </section>
        }
    });
    html! {
        <section class="study" aria-labelledby="study-heading">
            <h1 id="study-heading" tabindex="-1" ref={heading}>{ t.study_heading }{ " — " }<span lang={content}>{ set.title() }</span></h1>
            <p class="meta">{ t.study_intro }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={props.on_start.reform(|_: MouseEvent| ())}>{ t.start }</button>
                if !props.embed {
                    <button type="button" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ t.back_to_sets }</button>
                }
            </div>
            { for principles }
        </section>
    }
}
