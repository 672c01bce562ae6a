//! The completion certificate of a passed attempt: the employee's name, the set and its source, the date, the score and a code that tells which version was passed; printed on A4 or saved as PDF.

use yew::prelude::*;

use credo_core::certificate::certificate_code;
use credo_core::engine::Outcome;
use credo_core::history::format_date;
use credo_core::i18n::Lang;
use credo_core::model::QuestionSet;

use crate::hooks::use_focus_on_mount;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub set: QuestionSet,
    pub outcome: Outcome,
    /// When the attempt finished (ms since the epoch, minutes east of UTC).
    pub finished_at: (f64, i32),
    /// The name last typed here, kept in this browser only.
    pub name: String,
    pub on_name: Callback<String>,
    pub on_print: Callback<()>,
    pub on_back: Callback<()>,
}

#[function_component(CertificateView)]
pub fn certificate_view(props: &Props) -> Html {
    let (set, o, t) = (&props.set, &props.outcome, props.lang.texts());
    let heading = use_focus_on_mount();
    let (ms, offset) = props.finished_at;
    let date = format_date(ms, offset);
    let date = date.split(' ').next().unwrap_or_default().to_string();
    let source = set.source();
    let code = certificate_code(set, o, ms);
    // The sheet follows the typing; the name is kept for next time as it is typed.
    let name = use_state(|| props.name.clone());
    let on_input = {
        let (name, keep) = (name.clone(), props.on_name.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            keep.emit(value.clone());
            name.set(value);
        })
    };
    html! {
        <section class="certificate" aria-labelledby="certificate-heading">
            <div class="certificate-controls">
                <label for="certificate-name">{ t.certificate_name }</label>
                <input id="certificate-name" type="text" autocomplete="name" value={(*name).clone()} oninput={on_input} />
                <div class="actions">
                    <button type="button" class="primary" onclick={props.on_print.reform(|_: MouseEvent| ())}>{ t.print }</button>
                    <button type="button" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ t.back_to_result }</button>
                </div>
            </div>
            <div class="certificate-sheet">
                <h1 id="certificate-heading" tabindex="-1" ref={heading}>{ t.certificate_heading }</h1>
                <p class="certificate-name">{ (*name).clone() }</p>
                <p>{ t.certificate_body }</p>
                <dl>
                    <dt>{ t.certificate_set }</dt>
                    <dd>{ set.title() }</dd>
                    <dt>{ t.certificate_source }</dt>
                    <dd>{ format!("{} {}", source.office, source.title) }</dd>
                    <dt>{ t.certificate_date }</dt>
                    <dd>{ date }</dd>
                    <dt>{ t.score }</dt>
                    <dd>{ format!("{} / {} ({}%)", o.score, o.max, o.percent) }</dd>
                    <dt>{ t.certificate_code }</dt>
                    <dd class="certificate-code">{ code }</dd>
                </dl>
                <p class="meta">{ t.certificate_code_hint }</p>
            </div>
        </section>
    }
}
