//! The trainer page's state as plain data and the actions that change it; `apply` calls the core and never does I/O.

use std::rc::Rc;

use crate::cues::{cue_report, CueReport};
use crate::draft::{self, Format, SourceError};
use crate::form::{self, FormEdit, EMPTY_SET};
use crate::group::{merge, Merged};
use crate::kept_draft::KeptDraft;
use crate::problem::DraftProblem;
use credo_core::app_state::Apply;
use credo_core::i18n::Lang;
use credo_core::parse::Parsed;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Editor,
    Results,
}

/// The two views of the draft: its text, and a form over it (TOML drafts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Text,
    Form,
}

/// A kept draft as the list of drafts shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftListing {
    pub slot: String,
    pub title: String,
    pub saved_ms: f64,
}

impl DraftListing {
    pub fn of(kept: &KeptDraft) -> DraftListing {
        DraftListing { slot: kept.slot.clone(), title: kept.title.clone(), saved_ms: kept.saved_ms }
    }
}

/// What the page says about the drafts it keeps.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftNote {
    /// The page opened with the draft last worked on.
    Restored { title: String, saved_ms: f64 },
    /// Storage is blocked or full: drafts are not kept.
    NotKept,
    /// A kept draft could not be read; it was moved aside.
    SetAside,
    /// Another tab changed the kept draft this tab was editing: this tab's work went on as a new
    /// draft, so neither overwrote the other.
    Forked,
}

/// The set being written: its text as typed, and the last check of it.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The name diagnostics carry and downloads start from.
    pub file: String,
    pub format: Format,
    pub text: Rc<str>,
    /// Bumped by every edit; the check runs once it has not changed for a moment.
    pub edits: u64,
    /// The check of `text` as of edit `checked`.
    pub parsed: Rc<Parsed<DraftProblem>>,
    /// The cue report of the checked draft, when it is a valid set: asked for (`ReportCues`) once
    /// the check is shown, so a large set's problems do not wait for it.
    pub cues: Option<Rc<CueReport>>,
    pub checked: u64,
}

impl Draft {
    fn new(file: String, format: Format, text: String, sources: &Sources) -> Draft {
        let parsed = checked(format, &file, &text, sources);
        Draft { file, format, text: text.into(), edits: 0, parsed, cues: None, checked: 0 }
    }

    /// Checks the text as it stands, quotes included once its source texts are at hand.
    fn check(&mut self, sources: &Sources) {
        self.parsed = checked(self.format, &self.file, &self.text, sources);
        self.cues = None;
        self.checked = self.edits;
    }

    /// Whether the problems shown are those of the text shown.
    pub fn is_checked(&self) -> bool {
        self.checked == self.edits
    }
}

/// Two drafts are equal when they hold the very same text, check and cue report: every change
/// makes new ones, so the editor's props compare in a few pointer compares, not over a large text.
impl PartialEq for Draft {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.text, &other.text)
            && Rc::ptr_eq(&self.parsed, &other.parsed)
            && match (&self.cues, &other.cues) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && (self.edits, self.checked, self.format) == (other.edits, other.checked, other.format)
            && self.file == other.file
    }
}

/// Source texts fetched from the server's questions/ folder, by the name `[source] file` gives:
/// the text, or why it could not be had.
pub type Sources = Vec<(String, Result<String, SourceError>)>;

fn checked(format: Format, file: &str, text: &str, sources: &Sources) -> Rc<Parsed<DraftProblem>> {
    let lookup = |name: &str| sources.iter().find(|(n, _)| n == name).map(|(_, r)| r.clone());
    Rc::new(draft::check(format, file, text, lookup))
}

/// What the page says about the last file opened.
#[derive(Clone, Debug, PartialEq)]
pub enum FileNote {
    Opened { name: String, shift_jis: bool },
    Failed { name: String, reason: String },
}

#[derive(Clone, Debug)]
pub struct TrainerState {
    /// Bumped by every change, so comparing states is one integer compare.
    revision: u64,
    pub lang: Lang,
    pub tab: Tab,
    pub draft: Draft,
    pub file_note: Option<FileNote>,
    /// Set while the draft is being tried: the seed of the trial attempt. Nothing of it is stored.
    pub trying: Option<u64>,
    /// Result files dropped on the results tab: (file name, text), in the order given.
    pub result_files: Vec<(String, String)>,
    /// The set picked to merge when the files are for several; none picks the most common.
    pub result_set: Option<String>,
    pub merged: Rc<Merged>,
    /// The source texts drafts have named so far, for the verbatim-quote check.
    /// Shared with the form's quote picker: a new `Rc` when one is added.
    pub sources: Rc<Sources>,
    pub view: View,
    /// The question the form shows (the form shows one question at a time).
    pub question: usize,
    /// Where the draft is kept in the browser; a new one for every set opened or started.
    pub slot: String,
    /// The drafts kept in this browser, newest first.
    pub drafts: Vec<DraftListing>,
    pub draft_notes: Vec<DraftNote>,
    /// The page has said drafts cannot be kept: once, even after the note is dismissed.
    told_not_kept: bool,
    /// The form's last removal, undoable while the text is the one it left.
    removal: Option<Removal>,
}

/// What the form removed: a question or a principle, by its number in the form (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removed {
    Question(usize),
    Principle(usize),
}

/// A removal and what undoing it puts back: the text before it, and the question then shown.
#[derive(Clone, Debug)]
struct Removal {
    removed: Removed,
    before: Rc<str>,
    question: usize,
    /// The text the removal left: another text means something changed since.
    after: Rc<str>,
}

#[derive(Debug)]
pub enum Action {
    SetLang(Lang),
    ShowTab(Tab),
    /// A file was opened or dropped.
    Opened {
        name: String,
        text: String,
        shift_jis: bool,
    },
    FileFailed {
        name: String,
        reason: String,
    },
    Edited(String),
    /// Typing paused at edit `edits`: check the draft if nothing changed since.
    Check {
        edits: u64,
    },
    /// The check of edit `edits` is shown: add its cue report, if the draft has not changed since.
    ReportCues {
        edits: u64,
    },
    SetFormat(Format),
    TryIt {
        seed: u64,
    },
    StopTrying,
    ResultsAdded(Vec<(String, String)>),
    ResultsCleared,
    ChooseResultSet(String),
    /// A source text the draft names has been fetched (or could not be).
    SourceLoaded {
        name: String,
        text: Result<String, SourceError>,
    },
    ShowView(View),
    /// An edit made in the form view, written into the text.
    FormEdit(FormEdit),
    /// Puts back what the form's last removal took (`TrainerState::undoable`).
    UndoRemoval,
    SelectQuestion(usize),
    /// An empty set to fill in (in the form), kept as a new draft under `slot`.
    NewSet {
        slot: String,
    },
    /// A non-TOML draft converted to TOML, for the form.
    ConvertToToml,
    /// The drafts kept in this browser, as found when the page opened; the newest is restored.
    DraftsFound {
        drafts: Vec<KeptDraft>,
        notes: Vec<DraftNote>,
    },
    /// A draft was kept (after typing paused): under a new slot when it had none, or when
    /// another tab had changed its own (`forked`). `shown` says whether it is the draft on screen:
    /// the one left for a file or another draft has its last typing kept as the switch happens,
    /// and the draft now on screen must not take its slot (its first edit would write over it).
    DraftKept {
        listing: DraftListing,
        forked: bool,
        shown: bool,
    },
    DraftNotKept,
    /// Opens a kept draft in place of the current one (which stays kept).
    OpenDraft(KeptDraft),
    /// The trainer deleted a kept draft.
    DraftDeleted(String),
    DismissDraftNote(usize),
}

/// The file name of a set begun on the page (its downloads are named after the set's id).
const NEW_FILE: &str = "question-set.toml";

/// The draft a page opens with when no draft is kept: a minimal set to start from, in Japanese
/// like the real ones.
const STARTER: &str = r#"id = "my-credo"
title = "私たちのクレド"
pass_mark = 70

[source]
office = "○○市"
title = "○○市職員クレド"

[[principles]]
id = "shimin"
label = "市民目線で考えます"
summary = "市民の立場に立って考え、行動する。"

[[principles]]
id = "team"
label = "チームで力を合わせます"
summary = "所管を越えて協力する。"

[[questions]]
id = "q1"
kind = "scenario"
difficulty = "初級"
text = "窓口で、制度の説明を相手がふだん使う言葉に置き換えて伝えた。"
answer = "shimin"
explanation = "相手の立場に立って伝え方を工夫している。"
quote = "市民の立場に立って考え、行動する。"
"#;

impl TrainerState {
    pub fn new(lang: Lang) -> TrainerState {
        TrainerState {
            revision: 0,
            lang,
            tab: Tab::Editor,
            draft: Draft::new(NEW_FILE.into(), Format::Toml, STARTER.into(), &Vec::new()),
            file_note: None,
            trying: None,
            result_files: Vec::new(),
            result_set: None,
            merged: Rc::new(Merged::default()),
            sources: Rc::new(Vec::new()),
            view: View::Text,
            question: 0,
            slot: String::new(),
            drafts: Vec::new(),
            draft_notes: Vec::new(),
            told_not_kept: false,
            removal: None,
        }
    }

    /// The removal the form can undo now: the last one, while nothing has changed the text since.
    pub fn undoable(&self) -> Option<Removed> {
        self.removal.as_ref().filter(|r| Rc::ptr_eq(&r.after, &self.draft.text)).map(|r| r.removed)
    }

    /// Shows `kept` as the draft, under its slot.
    fn open_kept(&mut self, kept: KeptDraft) {
        self.draft = Draft::new(kept.file, kept.format, kept.text, &self.sources);
        self.slot = kept.slot;
        self.trying = None;
        self.question = 0;
        self.file_note = None;
    }

    /// Adds or refreshes a listing, newest first.
    fn list(&mut self, listing: DraftListing) {
        self.drafts.retain(|d| d.slot != listing.slot);
        self.drafts.insert(0, listing);
    }

    fn remerge(&mut self) {
        self.merged = Rc::new(merge(&self.result_files, self.result_set.as_deref()));
    }
}

impl PartialEq for TrainerState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl Apply for TrainerState {
    type Action = Action;

    /// The next state after `action`; the same `Rc` when nothing changed, so Yew skips the render.
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.revision += 1;
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::ShowTab(tab) => s.tab = tab,
            Action::Opened { name, text, shift_jis } => {
                // A text area holds LF only (it turns CRLF and a lone CR, old Mac Excel's line end,
                // into LF); the draft does the same, so its positions are the ones on screen.
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                let format = draft::detect(&name, &text);
                s.draft = Draft::new(name.clone(), format, text, &s.sources);
                // A file opened is a draft of its own: the one being edited stays kept as it was.
                s.slot.clear();
                s.question = 0;
                s.file_note = Some(FileNote::Opened { name, shift_jis });
                s.trying = None;
                s.tab = Tab::Editor;
            }
            Action::FileFailed { name, reason } => s.file_note = Some(FileNote::Failed { name, reason }),
            Action::Edited(text) => {
                if *s.draft.text == *text {
                    return self;
                }
                s.draft.text = text.into();
                s.draft.edits += 1;
            }
            Action::Check { edits } => {
                if edits != s.draft.edits || s.draft.is_checked() {
                    return self;
                }
                s.draft.check(&s.sources);
            }
            Action::ReportCues { edits } => {
                let wanted = edits == s.draft.checked && s.draft.is_checked() && s.draft.cues.is_none();
                let Some(set) = s.draft.parsed.valid_set().filter(|_| wanted) else { return self };
                s.draft.cues = Some(Rc::new(cue_report(set)));
            }
            Action::SetFormat(format) => {
                if format == s.draft.format {
                    return self;
                }
                s.draft.format = format;
                s.draft.check(&s.sources);
            }
            Action::TryIt { seed } => {
                // Only a draft checked as it stands and without problems can be tried.
                if !s.draft.is_checked() || s.draft.parsed.valid_set().is_none() {
                    return self;
                }
                s.trying = Some(seed);
            }
            Action::StopTrying => s.trying = None,
            Action::ResultsAdded(files) => {
                s.result_files.extend(files);
                s.remerge();
            }
            Action::ResultsCleared => {
                s.result_files.clear();
                s.result_set = None;
                s.remerge();
            }
            Action::SourceLoaded { name, text } => {
                let sources = Rc::make_mut(&mut s.sources);
                sources.retain(|(n, _)| *n != name);
                sources.push((name, text));
                if s.draft.is_checked() {
                    s.draft.check(&s.sources);
                }
            }
            Action::ChooseResultSet(set_id) => {
                s.result_set = Some(set_id);
                s.remerge();
            }
            Action::ShowView(view) if view == s.view => return self,
            Action::ShowView(view) => s.view = view,
            Action::FormEdit(edit) => {
                if s.draft.format != Format::Toml {
                    return self;
                }
                let Ok(text) = form::apply(&s.draft.text, &edit) else { return self };
                // The question shown follows the one added, copied or moved (a field edit, the
                // common case while typing, needs no count).
                let last = || form::question_count(&text).saturating_sub(1);
                s.question = match edit {
                    FormEdit::AddQuestion => last(),
                    FormEdit::DuplicateQuestion(i) => i + 1,
                    FormEdit::MoveQuestion(_, to) => to,
                    FormEdit::RemoveQuestion(_) => s.question.min(last()),
                    _ => s.question,
                };
                if *s.draft.text == *text {
                    return self;
                }
                let before = std::mem::replace(&mut s.draft.text, text.into());
                s.draft.edits += 1;
                let removed = match edit {
                    FormEdit::RemoveQuestion(i) => Some(Removed::Question(i + 1)),
                    FormEdit::RemovePrinciple(i) => Some(Removed::Principle(i + 1)),
                    _ => None,
                };
                let after = s.draft.text.clone();
                s.removal = removed.map(|removed| Removal { removed, before, question: self.question, after });
            }
            Action::UndoRemoval => {
                let Some(removal) = s.removal.take().filter(|_| self.undoable().is_some()) else { return self };
                s.draft.text = removal.before;
                s.draft.edits += 1;
                s.question = removal.question;
            }
            Action::SelectQuestion(i) if i == s.question => return self,
            Action::SelectQuestion(i) => s.question = i,
            Action::NewSet { slot } => {
                s.draft = Draft::new(NEW_FILE.into(), Format::Toml, EMPTY_SET.into(), &s.sources);
                s.slot = slot;
                s.view = View::Form;
                s.question = 0;
                s.trying = None;
                s.file_note = None;
            }
            Action::ConvertToToml => {
                let Some(set) = s.draft.parsed.valid_set().filter(|_| s.draft.format != Format::Toml) else {
                    return self;
                };
                let text = draft::write(Format::Toml, set.data());
                let file = draft::file_name(Some(set.id()), &s.draft.file, Format::Toml);
                s.draft = Draft::new(file, Format::Toml, text, &s.sources);
            }
            Action::DraftsFound { mut drafts, notes } => {
                s.told_not_kept |= notes.contains(&DraftNote::NotKept);
                drafts.sort_by(|a, b| b.saved_ms.total_cmp(&a.saved_ms));
                s.drafts = drafts.iter().map(DraftListing::of).collect();
                s.draft_notes.extend(notes);
                if let Some(newest) = drafts.into_iter().next() {
                    s.draft_notes
                        .insert(0, DraftNote::Restored { title: newest.title.clone(), saved_ms: newest.saved_ms });
                    s.open_kept(newest);
                }
            }
            Action::DraftKept { listing, forked, shown } => {
                if s.drafts.first() == Some(&listing) && s.slot == listing.slot {
                    return self;
                }
                if shown && (s.slot.is_empty() || forked) {
                    s.slot = listing.slot.clone();
                }
                if forked {
                    s.draft_notes.push(DraftNote::Forked);
                }
                s.list(listing);
            }
            Action::DraftNotKept if s.told_not_kept => return self,
            Action::DraftNotKept => {
                s.told_not_kept = true;
                s.draft_notes.push(DraftNote::NotKept);
            }
            Action::OpenDraft(kept) => s.open_kept(kept),
            Action::DraftDeleted(slot) => {
                // The draft on screen stays; typing on makes it a new kept draft, not the deleted one.
                if s.slot == slot {
                    s.slot.clear();
                }
                s.drafts.retain(|d| d.slot != slot);
            }
            Action::DismissDraftNote(i) if i >= s.draft_notes.len() => return self,
            Action::DismissDraftNote(i) => {
                s.draft_notes.remove(i);
            }
        }
        Rc::new(s)
    }
}
