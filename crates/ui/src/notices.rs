//! Plain-language notices about saved data and links, each dismissable.

use yew::prelude::*;

use credo_core::app_state::Notice;
use credo_core::history::StorageNotice;
use credo_core::i18n::Lang;

pub struct Props<'a> {
    pub lang: Lang,
    pub notices: &'a [Notice],
    /// The position of the notice dismissed.
    pub on_dismiss: Callback<usize>,
    /// Another tab's attempt: continue it, or keep this tab's (by the notice's position).
    pub on_continue_other_tab: Callback<usize>,
    pub on_keep_this_tab: Callback<usize>,
}

pub fn notices(props: &Props) -> Html {
    let t = props.lang.texts();
    if props.notices.is_empty() {
        return html! {};
    }
    let items = props.notices.iter().enumerate().map(|(i, notice)| {
        let text = match notice {
            Notice::Storage(StorageNotice::Unavailable) => t.storage_unavailable.to_string(),
            Notice::Storage(StorageNotice::WriteFailed) => t.storage_write_failed.to_string(),
            Notice::Storage(StorageNotice::Recovered) => t.storage_recovered.to_string(),
            Notice::Storage(StorageNotice::UnreadableKept) => t.storage_unreadable_kept.to_string(),
            Notice::Storage(StorageNotice::FinishNotKept) => t.finish_not_kept.to_string(),
            Notice::Storage(StorageNotice::OtherTab) => {
                // A choice, not a dismissal: nothing is saved over the other tab until it is made.
                let theirs = props.on_continue_other_tab.reform(move |_: MouseEvent| i);
                let mine = props.on_keep_this_tab.reform(move |_: MouseEvent| i);
                return html! {
                    <li class="notice other-tab">
                        <div role="alert">
                            <span>{ t.other_tab }</span>
                            <button type="button" class="primary" onclick={theirs}>{ t.other_tab_continue_theirs }</button>
                            <button type="button" onclick={mine}>{ t.other_tab_keep_mine }</button>
                        </div>
                    </li>
                };
            }
            Notice::AttemptStale => t.attempt_stale.to_string(),
            Notice::UnknownSet(id) => format!("{} {id}", t.unknown_set),
            Notice::SetUnusable(id) => format!("{} {id}", t.set_unusable),
            Notice::FromCache => t.from_cache.to_string(),
            Notice::Config(problems) => format!("{} {problems}", t.config_problem),
        };
        let dismiss = props.on_dismiss.reform(move |_: MouseEvent| i);
        html! {
            <li class="notice">
                <span>{ text }</span>
                <button type="button" class="link-button" onclick={dismiss}>{ t.dismiss }</button>
            </li>
        }
    });
    html! { <div class="notices" role="status"><ul>{ for items }</ul></div> }
}
