//! Plain-language notices about saved data and links, each dismissable.



use yew::prelude::*;

use crate::core::app_state::{Action, Notice};
use crate::ui::app::StateHandle;
use crate::web::storage::StorageNotice;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(Notices)]
pub fn notices(props: &Props) -> Html {
    let state = &props.state;
    let t = state.lang.texts();
    if state.notices.is_empty() {
        return html! {};
    }
    let items = state.notices.iter().enumerate().map(|(i, notice)| {
        let text = match notice {
            Notice::Storage(StorageNotice::Unavailable) => t.storage_unavailable.to_string(),
            Notice::Storage(StorageNotice::WriteFailed) => t.storage_write_failed.to_string(),
            Notice::Storage(StorageNotice::Recovered) => t.storage_recovered.to_string(),
            Notice::AttemptStale => t.attempt_stale.to_string(),
            Notice::UnknownSet(id) => format!("{} {id}", t.unknown_set),
        };
        let dispatch = state.dispatcher();
        let dismiss = Callback::from(move |_| dispatch.dispatch(Action::Dismiss(i)));
        html! {
            <li class="notice">
                <span>{ text }</span>
                <button type="button" class="link-button" onclick={dismiss}>{ t.dismiss }</button>
            </li>
        }
    });
    html! { <div class="notices" role="status"><ul>{ for items }</ul></div> }
}
