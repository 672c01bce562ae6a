//! The trainer's drafts kept in this browser, apart from any employee data: restored when the page opens, kept as the trainer types, listed, opened and deleted only on request.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use credo_authoring::draft::Format;
use credo_authoring::i18n::FormTexts;
use credo_authoring::kept_draft::KeptDraft;
use credo_authoring::trainer_state::{Action, Draft, DraftListing, DraftNote};
use credo_core::history::format_date;
use credo_core::i18n::Lang;
use credo_web::storage;

/// Every key of the trainer page's drafts starts so; the employee's records never do.
const PREFIX: &str = "credo-trainer.draft.";

/// How long typing must pause before the draft is kept: after the check (300 ms), so a keystroke
/// costs no storage write. What is typed in this pause is kept at once when the trainer turns to
/// another draft or leaves the page (`flush`).
const KEEP_DELAY_MS: u32 = 800;

/// The draft typed but not yet kept (what the pause, a draft change or leaving the page keeps).
struct Unkept {
    slot: String,
    file: String,
    format: Format,
    text: Rc<str>,
}

thread_local! {
    static UNKEPT: RefCell<Option<Unkept>> = const { RefCell::new(None) };
    /// Each slot's record as this tab last read or wrote it: a stored record that differs was
    /// written by another tab, and is not overwritten.
    static SEEN: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    static DISPATCH: RefCell<Option<Callback<Action>>> = const { RefCell::new(None) };
}

/// Reads the kept drafts once (an unreadable one is set aside, with a note), and keeps the draft
/// as the trainer edits it. A draft only opened (the starting set, a file, a kept draft) is not
/// written again until something in it changes.
#[hook]
pub fn use_kept_drafts(draft: &Draft, slot: &str, dispatch: Callback<Action>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            DISPATCH.with(|d| *d.borrow_mut() = Some(dispatch.clone()));
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
                    Some(kept) => {
                        SEEN.with(|s| s.borrow_mut().insert(slot.to_string(), record));
                        drafts.push(kept);
                    }
                    None => {
                        storage::set_aside_record(&key);
                        notes.push(DraftNote::SetAside);
                    }
                }
            }
            dispatch.emit(Action::DraftsFound { drafts, notes });
            // Leaving the page keeps what the pause has not kept yet.
            let listener = web_sys::window().map(|w| gloo_events::EventListener::new(&w, "pagehide", |_| flush(true)));
            move || drop(listener)
        });
    }
    let edited = draft.edits > 0;
    let now =
        Unkept { slot: slot.to_string(), file: draft.file.clone(), format: draft.format, text: draft.text.clone() };
    let deps =
        (Rc::as_ptr(&draft.text) as *const u8 as usize, draft.file.clone(), draft.format, slot.to_string(), edited);
    use_effect_with(deps, move |_| {
        // Another draft now on screen: the last one's unkept typing is kept first.
        let other = UNKEPT.with(|u| u.borrow().as_ref().is_some_and(|u| u.slot != now.slot || u.file != now.file));
        if other {
            flush(false);
        }
        let timer = edited.then(|| {
            UNKEPT.with(|u| *u.borrow_mut() = Some(now));
            gloo_timers::callback::Timeout::new(KEEP_DELAY_MS, || flush(true))
        });
        move || drop(timer)
    });
}

/// Keeps the unkept draft now: the one on screen (`shown`), or the one just left for another.
/// Storage that is blocked keeps nothing (the page said so once): copies in memory would only
/// pile up.
fn flush(shown: bool) {
    let Some(unkept) = UNKEPT.with(|u| u.borrow_mut().take()) else { return };
    let Some(dispatch) = DISPATCH.with(|d| d.borrow().clone()) else { return };
    if storage::availability().is_some() {
        return dispatch.emit(Action::DraftNotKept);
    }
    // Another tab changed this slot since this tab last saw it: this tab's work goes on as a new
    // draft, and neither overwrites the other.
    let stored = (!unkept.slot.is_empty()).then(|| storage::record(&key(&unkept.slot))).flatten();
    let forked = stored.is_some() && stored != SEEN.with(|s| s.borrow().get(&unkept.slot).cloned());
    let slot = if unkept.slot.is_empty() || forked { new_slot() } else { unkept.slot };
    let kept = KeptDraft::of(&slot, &unkept.file, unkept.format, &unkept.text, storage::now_ms());
    let record = kept.encode();
    match storage::keep_record(&key(&slot), record.clone()) {
        Ok(()) => {
            SEEN.with(|s| s.borrow_mut().insert(slot, record));
            dispatch.emit(Action::DraftKept { listing: DraftListing::of(&kept), forked, shown });
        }
        Err(_) => dispatch.emit(Action::DraftNotKept),
    }
}

/// A name for a new kept draft.
pub fn new_slot() -> String {
    format!("{:x}", storage::random_seed())
}

fn key(slot: &str) -> String {
    format!("{PREFIX}{slot}")
}

/// Forgets a deleted draft: its unkept typing too, so nothing writes it back.
fn delete(slot: &str) {
    UNKEPT.with(|u| {
        let mut u = u.borrow_mut();
        if u.as_ref().is_some_and(|u| u.slot == slot) {
            *u = None;
        }
    });
    SEEN.with(|s| s.borrow_mut().remove(slot));
    storage::remove_record(&key(slot));
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
            DraftNote::Forked => t.draft_forked.to_string(),
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
            move |_: MouseEvent| {
                let key = key(&slot);
                match storage::record(&key).map(|record| (KeptDraft::decode(&slot, &record), record)) {
                    Some((Some(kept), record)) => {
                        SEEN.with(|s| s.borrow_mut().insert(slot.clone(), record));
                        Action::OpenDraft(kept)
                    }
                    Some((None, _)) => {
                        storage::set_aside_record(&key);
                        Action::DraftDeleted(slot.clone())
                    }
                    None => Action::DraftDeleted(slot.clone()),
                }
            }
        });
        let delete = props.on_action.reform(move |_: MouseEvent| {
            delete(&slot);
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
