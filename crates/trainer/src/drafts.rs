//! The trainer's drafts kept in this browser, apart from any employee data: restored when the page opens, kept as the trainer types, listed, opened and deleted only on request.

use yew::prelude::*;

use credo_authoring::draft::Format;
use credo_authoring::i18n::FormTexts;
use credo_authoring::kept_draft::KeptDraft;
use credo_authoring::trainer_state::{Action, Draft, DraftListing, DraftNote, STARTER};
use credo_core::history::format_date;
use credo_core::i18n::Lang;
use credo_web::storage;

/// Every key of the trainer page's drafts starts so; the employee's records never do.
const PREFIX: &str = "credo-trainer.draft.";

/// How long typing must pause before the draft is kept (the check waits 300 ms; a kept draft
/// need not be newer than that).
const KEEP_DELAY_MS: u32 = 800;

/// Reads the kept drafts once (an unreadable one is set aside, with a note), and keeps the draft
/// as it is typed: a new slot for a draft not kept before. The page's opening draft is not kept
/// until something is typed or opened.
#[hook]
pub fn use_kept_drafts(draft: &Draft, slot: &str, dispatch: Callback<Action>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let mut notes = Vec::new();
            if storage::availability().is_some() {
                notes.push(DraftNote::NotKept);
            }
            let mut drafts = Vec::new();
            for (key, record) in storage::records_under(PREFIX) {
                let slot = &key[PREFIX.len()..];
                if slot.contains('.') {
                    continue; // a backup of an unreadable draft
                }
                match KeptDraft::decode(slot, &record) {
                    Some(kept) => drafts.push(kept),
                    None => {
                        storage::set_aside_record(&key);
                        notes.push(DraftNote::SetAside);
                    }
                }
            }
            dispatch.emit(Action::DraftsFound { drafts, notes });
        });
    }
    let worth_keeping = *draft.text != *STARTER;
    let (file, format, text, slot) = (draft.file.clone(), draft.format, draft.text.clone(), slot.to_string());
    use_effect_with((draft.text.clone(), draft.file.clone()), move |_| {
        let timer = worth_keeping.then(|| {
            gloo_timers::callback::Timeout::new(KEEP_DELAY_MS, move || keep(&slot, &file, format, &text, &dispatch))
        });
        move || drop(timer)
    });
}

fn keep(slot: &str, file: &str, format: Format, text: &str, dispatch: &Callback<Action>) {
    let slot = if slot.is_empty() { format!("{:x}", storage::random_seed()) } else { slot.to_string() };
    let kept = KeptDraft::of(&slot, file, format, text, storage::now_ms());
    match storage::keep_record(&format!("{PREFIX}{slot}"), kept.encode()) {
        Ok(()) if storage::availability().is_none() => dispatch.emit(Action::DraftKept(DraftListing::of(&kept))),
        _ => dispatch.emit(Action::DraftNotKept),
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub drafts: Vec<DraftListing>,
    pub notes: Vec<DraftNote>,
    /// The slot of the draft being edited.
    pub current: String,
    pub on_action: Callback<Action>,
}

/// The kept drafts with their titles and dates, and what the page says about them.
#[function_component(DraftList)]
pub fn draft_list(props: &Props) -> Html {
    let t = FormTexts::get(props.lang);
    let when = |ms: f64| format_date(ms, storage::utc_offset_min());
    let notes = props.notes.iter().enumerate().map(|(i, note)| {
        let text = match note {
            DraftNote::Restored { title, saved_ms } => format!("{} {title}({})", t.restored, when(*saved_ms)),
            DraftNote::NotKept => t.drafts_not_kept.to_string(),
            DraftNote::SetAside => t.draft_set_aside.to_string(),
        };
        let dismiss = props.on_action.reform(move |_: MouseEvent| Action::DismissDraftNote(i));
        html! {
            <li class="notice">
                <span>{ text }</span>
                <button type="button" class="link-button" onclick={dismiss}>{ props.lang.texts().dismiss }</button>
            </li>
        }
    });
    let items = props.drafts.iter().map(|d| {
        let slot = d.slot.clone();
        let current = d.slot == props.current;
        let open = props.on_action.reform({
            let slot = slot.clone();
            // Read at click time: another tab may have changed or deleted it.
            move |_: MouseEvent| match storage::record(&format!("{PREFIX}{slot}")) {
                Some(record) => KeptDraft::decode(&slot, &record).map_or(Action::DraftNotKept, Action::OpenDraft),
                None => Action::DraftDeleted(slot.clone()),
            }
        });
        let delete = props.on_action.reform(move |_: MouseEvent| {
            storage::remove_record(&format!("{PREFIX}{slot}"));
            Action::DraftDeleted(slot.clone())
        });
        let label = t.draft_delete;
        html! {
            <li>
                <span class="draft-title">{ &d.title }</span>
                <span class="meta">{ when(d.saved_ms) }</span>
                if current {
                    <span class="meta">{ format!("({})", t.draft_current) }</span>
                } else {
                    <button type="button" onclick={open}>{ t.draft_open }</button>
                }
                <button type="button" onclick={delete} aria-label={format!("{label}: {}", d.title)}>{ label }</button>
            </li>
        }
    });
    html! {
        <section aria-labelledby="drafts-heading" class="drafts">
            <h2 id="drafts-heading">{ t.drafts_heading }</h2>
            if !props.notes.is_empty() {
                <div class="notices" role="status"><ul>{ for notes }</ul></div>
            }
            if !props.drafts.is_empty() {
                <ul class="draft-list">{ for items }</ul>
            }
        </section>
    }
}
