//! The quiz app's state as plain data and the actions that change it; `apply` calls the engine and never does I/O.

use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Problem};
use crate::embed::{HostEvent, ParamProblem, PrincipleResult};
use crate::engine::{Attempt, Event, Outcome, Phase};
use crate::history::History;
use crate::history::StorageNotice;
use crate::i18n::Lang;
use crate::manifest::SetSummary;
use crate::model::QuestionSet;
use crate::parse::Parsed;

/// State as plain data changed only by actions: the quiz's (`AppState`) and the trainer page's.
/// `apply` returns the same `Rc` when nothing changed, so a UI can skip the render.
pub trait Apply {
    type Action;
    fn apply(self: Rc<Self>, action: Self::Action) -> Rc<Self>;
}

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Storage(StorageNotice),
    AttemptStale,
    UnknownSet(String),
    /// A set the manifest lists (by its summary, or a file named after it) whose file could not
    /// be used: the set exists, and its card in the list says what went wrong.
    SetUnusable(String),
    /// The network did not answer, and the service worker's kept copy did (web/sw.js).
    FromCache,
    /// config.toml has problems (each located by its key): the quiz works, but what the file
    /// was to set up (events to a portal, the LRS) may not; the administrator must hear of it.
    Config(String),
}

/// One file of the manifest: not fetched (shown by its summary, or loading), or parsed (valid or
/// with its problems).
#[derive(Clone, Debug, PartialEq)]
pub struct SetEntry {
    pub file: String,
    /// From the manifest line: enough for the set list without fetching the file; replaced by the
    /// set's own once it is fetched.
    pub summary: Option<SetSummary>,
    pub parsed: Option<Rc<Parsed>>,
    pub history: History,
    pub has_attempt: bool,
}

impl SetEntry {
    /// A manifest line, before its file is fetched; with what storage holds for the set when the
    /// line names its id.
    pub fn listed(file: String, summary: Option<SetSummary>, history: History, has_attempt: bool) -> Self {
        SetEntry { file, summary, parsed: None, history, has_attempt }
    }

    pub fn set(&self) -> Option<&QuestionSet> {
        self.parsed.as_ref()?.valid_set()
    }

    /// What the set list shows: the manifest's summary until the file is fetched, then the set's
    /// own (made once, when it loads); none for a file that turned out broken.
    pub fn shown(&self) -> Option<&SetSummary> {
        self.summary.as_ref().filter(|_| self.parsed.is_none() || self.set().is_some())
    }

    /// Whether the set list fetches this file: one without a summary, and one the employee has
    /// taken before (its card shows mastery by principle, and it may be resumed or reviewed).
    /// Another is fetched only when the employee opens it.
    fn wanted_on_list(&self) -> bool {
        self.parsed.is_none() && (self.summary.is_none() || self.has_attempt || !self.history.entries.is_empty())
    }

    /// The manifest says this file holds the set `set_id`, and it has not been fetched yet.
    fn promises(&self, set_id: &str) -> bool {
        self.parsed.is_none() && self.claims(set_id)
    }

    /// The line's summary names `set_id` (fetched or not, valid or broken).
    fn claims(&self, set_id: &str) -> bool {
        self.summary.as_ref().is_some_and(|s| s.id == set_id)
    }

    /// The file is named after `set_id` (`<id>.toml`, in any folder): where a link's set is looked
    /// for when no summary names it.
    fn named_after(&self, set_id: &str) -> bool {
        let name = self.file.rsplit('/').next().unwrap_or(&self.file);
        name.strip_suffix(".toml") == Some(set_id)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Sets,
    Quiz,
    Result {
        set_id: String,
        outcome: Outcome,
        recorded: bool,
    },
    History {
        set_id: String,
    },
    /// A set's principles, their summaries and the passages its questions quote, to read before
    /// or after a quiz.
    Study {
        set_id: String,
    },
    /// The printable certificate of a passed result (the result's data, to go back to it).
    Certificate {
        set_id: String,
        outcome: Outcome,
        recorded: bool,
    },
}

#[derive(Clone, Debug)]
pub struct AppState {
    /// Bumped by every change, so comparing two states (which Yew does on every render of every
    /// component) is one integer compare instead of a walk over all loaded sets.
    revision: u64,
    pub lang: Lang,
    pub manifest: Manifest,
    pub sets: Vec<SetEntry>,
    pub screen: Screen,
    pub attempt: Option<Attempt>,
    pub notices: Vec<Notice>,
    /// A set to start or resume as soon as it has loaded (`?set=` or the attempt in progress).
    pub pending: Option<Pending>,
    /// Every set of the manifest has been asked for. A deep link loads only its own set first,
    /// so an embedded quiz does not download the others; the set list asks for the rest.
    pub all_requested: bool,
    /// Embedded in a host page (`embed=1`): no navigation of the app's own.
    pub embed: bool,
    /// `pass=`: a pass mark replacing every set's own.
    pub pass_mark: Option<u8>,
    /// `count=`: how many questions every attempt asks, retries included.
    pub count: Option<usize>,
    /// Sets whose stored attempt no longer fits them (the set was edited): an effect moves the
    /// attempt to a backup key, so it is neither resumed again nor overwritten.
    pub stale_attempts: Vec<String>,
    /// URL parameters the app could not use; shown plainly, and nothing starts by itself.
    pub param_problems: Vec<ParamProblem>,
    /// Everything the host page is to be told, in order; an effect sends what is new.
    pub events: Vec<HostEvent>,
    /// config.toml names a learning record store: each event becomes xAPI statements.
    pub lrs_configured: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Manifest {
    Loading,
    Failed(String),
    Loaded(Vec<Diagnostic>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Start {
        set_id: String,
        count: Option<usize>,
        seed: u64,
    },
    Resume {
        set_id: String,
        attempt: Attempt,
    },
    /// What the employee chose on a card shown by its summary: done once the set's file is in.
    Then {
        set_id: String,
        action: Box<Action>,
    },
}

impl Pending {
    pub fn set_id(&self) -> &str {
        match self {
            Pending::Start { set_id, .. } | Pending::Resume { set_id, .. } | Pending::Then { set_id, .. } => set_id,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// The manifest's lines (`SetEntry::listed`) and its problems.
    ManifestLoaded {
        sets: Vec<SetEntry>,
        problems: Vec<Diagnostic>,
    },
    ManifestFailed(String),
    /// The app has asked for every set of the manifest.
    AllRequested,
    SetLoaded {
        file: String,
        parsed: Rc<Parsed>,
        history: History,
        has_attempt: bool,
    },
    Start {
        set_id: String,
        seed: u64,
    },
    /// Every question of the set, whatever its `length` (or `count=`).
    StartAll {
        set_id: String,
        seed: u64,
    },
    /// The questions missed in the result shown, asked again.
    RetryMissed {
        seed: u64,
    },
    /// The set's questions due for review on `today` (`History::due`).
    StartReview {
        set_id: String,
        today: i64,
        seed: u64,
    },
    ShowStudy(String),
    /// From a passed result to its certificate, and back.
    ShowCertificate,
    BackToResult,
    Resume {
        set_id: String,
        attempt: Attempt,
    },
    Answer(String),
    Next,
    ShowSets,
    ShowHistory(String),
    Recorded {
        set_id: String,
        history: History,
    },
    Notify(Notice),
    Dismiss(usize),
    /// config.toml names an LRS.
    LrsConfigured,
}

impl Action {
    /// The set an action on a set-list card needs loaded.
    fn needs_set(&self) -> Option<&str> {
        match self {
            Action::Start { set_id, .. }
            | Action::StartAll { set_id, .. }
            | Action::StartReview { set_id, .. }
            | Action::ShowStudy(set_id)
            | Action::ShowHistory(set_id)
            | Action::Resume { set_id, .. } => Some(set_id),
            _ => None,
        }
    }
}

impl AppState {
    pub fn new(lang: Lang, pending: Option<Pending>, notices: Vec<Notice>) -> Self {
        AppState {
            revision: 0,
            lang,
            manifest: Manifest::Loading,
            sets: Vec::new(),
            screen: Screen::Sets,
            attempt: None,
            notices,
            pending,
            all_requested: false,
            embed: false,
            pass_mark: None,
            count: None,
            stale_attempts: Vec::new(),
            param_problems: Vec::new(),
            events: Vec::new(),
            lrs_configured: false,
        }
    }

    pub fn find_set(&self, id: &str) -> Option<&QuestionSet> {
        self.entry(id).and_then(SetEntry::set)
    }

    /// The loaded, valid set with this id, with its history.
    pub fn entry(&self, set_id: &str) -> Option<&SetEntry> {
        self.sets.iter().find(|e| e.set().is_some_and(|s| s.id() == set_id))
    }

    fn entry_mut(&mut self, set_id: &str) -> Option<&mut SetEntry> {
        self.sets.iter_mut().find(|e| e.set().is_some_and(|s| s.id() == set_id))
    }

    pub fn current_set(&self) -> Option<&QuestionSet> {
        self.find_set(&self.attempt.as_ref()?.set_id)
    }

    /// The manifest file the pending set should be in: the line whose summary names its id, else
    /// the file named after it, as the shipped sets are. Only a guess to load it first; the id
    /// inside the file decides.
    pub fn pending_file(&self) -> Option<&str> {
        let set_id = self.pending.as_ref()?.set_id();
        let promised = self.sets.iter().find(|e| e.promises(set_id));
        let entry = promised.or_else(|| self.sets.iter().find(|e| e.named_after(set_id)))?;
        Some(entry.file.as_str())
    }

    /// The files the set list fetches (see `SetEntry::wanted_on_list`).
    pub fn files_for_list(&self) -> Vec<String> {
        self.sets.iter().filter(|e| e.wanted_on_list()).map(|e| e.file.clone()).collect()
    }

    /// Whether to load every set now: on the set list, unless a pending set is still expected
    /// from its own file.
    pub fn wants_all_sets(&self) -> bool {
        let pending_elsewhere = match self.pending_file() {
            None => true,
            // Loaded, yet still pending: that file holds another id or is broken.
            Some(file) => self.sets.iter().any(|e| e.file == file && e.parsed.is_some()),
        };
        self.screen == Screen::Sets
            && matches!(self.manifest, Manifest::Loaded(_))
            && !self.all_requested
            && (self.pending.is_none() || pending_elsewhere)
    }

    fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }

    /// Starts or resumes the pending set once it is loaded, or hands back the chosen action to
    /// apply; reports a linked set once every file that could hold it has loaded and it never appeared.
    #[must_use]
    fn settle_pending(&mut self) -> Option<Action> {
        let pending = self.pending.clone()?;
        let set_id = pending.set_id().to_string();
        let Some(set) = self.find_set(&set_id).cloned() else {
            // A file without a summary may hold any id; one with a summary holds what it says.
            let settled = matches!(self.manifest, Manifest::Loaded(_))
                && self.sets.iter().all(|e| e.parsed.is_some() || (e.summary.is_some() && !e.promises(&set_id)));
            if settled {
                self.pending = None;
                // A link or a card the set list showed whose file does not hold the set: say so,
                // rather than start nothing silently.
                if matches!(pending, Pending::Start { .. } | Pending::Then { .. }) {
                    let listed = self.sets.iter().any(|e| e.claims(&set_id) || e.named_after(&set_id));
                    self.notify(if listed { Notice::SetUnusable(set_id) } else { Notice::UnknownSet(set_id) });
                }
            }
            return None;
        };
        self.pending = None;
        match pending {
            Pending::Start { count, seed, .. } => self.begin(Attempt::start(&set, count, seed)),
            Pending::Resume { attempt, .. } if attempt.fits(&set) => self.show(attempt),
            Pending::Resume { .. } => self.mark_stale(&set_id),
            Pending::Then { action, .. } => return Some(*action),
        }
        None
    }

    /// A stored attempt that no longer fits its set: say so once, stop offering to resume it,
    /// and have it set aside.
    fn mark_stale(&mut self, set_id: &str) {
        self.notify(Notice::AttemptStale);
        if let Some(entry) = self.entry_mut(set_id) {
            entry.has_attempt = false;
        }
        if !self.stale_attempts.iter().any(|s| s == set_id) {
            self.stale_attempts.push(set_id.to_string());
        }
    }

    /// Two files with one set id would share its stored progress and history: the later file in
    /// the manifest gets a problem at its id line and does not start, whichever loaded first. An
    /// earlier line holds the id by its set, or by its summary (not fetched yet, or broken).
    fn flag_shared_ids(&mut self) {
        for i in 0..self.sets.len() {
            let Some(parsed) = self.sets[i].parsed.clone() else { continue };
            let Some(id) = parsed.valid_set().map(|s| s.id().to_string()) else { continue };
            let holds = |e: &&SetEntry| e.set().is_some_and(|s| s.id() == id) || e.claims(&id);
            let Some(earlier) = self.sets[..i].iter().find(holds) else {
                continue;
            };
            let (line, column) = parsed.id_at;
            let problem = Problem::DuplicateSetId { id, other_file: earlier.file.clone() };
            let mut flagged = (*parsed).clone();
            flagged.diagnostics.push(Diagnostic { file: flagged.file.clone(), line, column, problem });
            let entry = &mut self.sets[i];
            entry.parsed = Some(Rc::new(flagged));
            entry.has_attempt = false;
        }
    }

    /// Shows a new attempt: the host page (and the LRS) hear `started`.
    fn begin(&mut self, attempt: Attempt) {
        self.events.push(HostEvent::Started { set_id: attempt.set_id.clone(), total: attempt.order.len() });
        self.show(attempt);
    }

    /// Shows an attempt: a new one (from `begin`) or a resumed one, which is no new start even
    /// before its first answer.
    fn show(&mut self, attempt: Attempt) {
        self.screen = if attempt.phase == Phase::Finished { Screen::Sets } else { Screen::Quiz };
        self.attempt = (attempt.phase != Phase::Finished).then_some(attempt);
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl Apply for AppState {
    type Action = Action;

    /// The next state after `action`; the same `Rc` when nothing changed, so Yew skips the render.
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.revision += 1;
        // A card shown by its summary: fetch the set first, then do what was chosen.
        if let Some(set_id) = action.needs_set() {
            if s.find_set(set_id).is_none() && s.sets.iter().any(|e| e.promises(set_id)) {
                s.pending = Some(Pending::Then { set_id: set_id.to_string(), action: Box::new(action) });
                return Rc::new(s);
            }
        }
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::ManifestLoaded { sets, problems } => {
                s.sets = sets;
                if let Some(pass_mark) = s.pass_mark {
                    s.sets.iter_mut().flat_map(|e| &mut e.summary).for_each(|summary| summary.pass_mark = pass_mark);
                }
                s.manifest = Manifest::Loaded(problems);
                if let Some(action) = s.settle_pending() {
                    return Rc::new(s).apply(action);
                }
            }
            Action::ManifestFailed(reason) => s.manifest = Manifest::Failed(reason),
            Action::AllRequested => s.all_requested = true,
            Action::SetLoaded { file, parsed, history, has_attempt } => {
                let parsed = match (s.pass_mark, &parsed.set) {
                    (Some(pass_mark), Some(set)) => {
                        Rc::new(Parsed { set: Some(set.with_pass_mark(pass_mark)), ..(*parsed).clone() })
                    }
                    _ => parsed,
                };
                if let Some(entry) = s.sets.iter_mut().find(|e| e.file == file) {
                    if let Some(set) = parsed.valid_set() {
                        entry.summary = Some(SetSummary::of(set));
                    }
                    entry.parsed = Some(parsed);
                    entry.history = history;
                    entry.has_attempt = has_attempt;
                }
                s.flag_shared_ids();
                if let Some(action) = s.settle_pending() {
                    return Rc::new(s).apply(action);
                }
            }
            // The employee's own choice wins over a set still loading for a link or a resume.
            Action::Start { set_id, seed } => match s.find_set(&set_id) {
                Some(set) => {
                    let attempt = Attempt::start(set, s.count, seed);
                    s.pending = None;
                    s.begin(attempt);
                }
                None => return self,
            },
            Action::StartAll { set_id, seed } => match s.find_set(&set_id) {
                Some(set) => {
                    let attempt = Attempt::start(set, Some(set.questions().len()), seed);
                    s.pending = None;
                    s.begin(attempt);
                }
                None => return self,
            },
            Action::StartReview { set_id, today, seed } => {
                let Some(entry) = s.entry(&set_id) else { return self };
                let due = entry.history.due(today);
                let Some(set) = entry.set().filter(|_| !due.is_empty()) else { return self };
                let attempt = Attempt::over(set, &due, seed);
                s.pending = None;
                s.begin(attempt);
            }
            Action::RetryMissed { seed } => {
                let Screen::Result { set_id, outcome, .. } = &s.screen else { return self };
                let Some(set) = s.find_set(set_id).filter(|_| !outcome.missed.is_empty()) else { return self };
                let attempt = Attempt::over(set, &outcome.missed_ids(), seed);
                s.begin(attempt);
            }
            Action::ShowCertificate => match &s.screen {
                Screen::Result { set_id, outcome, recorded } if outcome.passed => {
                    let (set_id, outcome, recorded) = (set_id.clone(), outcome.clone(), *recorded);
                    s.screen = Screen::Certificate { set_id, outcome, recorded };
                }
                _ => return self,
            },
            Action::BackToResult => match &s.screen {
                Screen::Certificate { set_id, outcome, recorded } => {
                    let (set_id, outcome, recorded) = (set_id.clone(), outcome.clone(), *recorded);
                    s.screen = Screen::Result { set_id, outcome, recorded };
                }
                _ => return self,
            },
            Action::ShowStudy(set_id) => {
                if s.find_set(&set_id).is_none() {
                    return self;
                }
                s.pending = None;
                s.screen = Screen::Study { set_id };
            }
            Action::Resume { set_id, attempt } => match s.find_set(&set_id) {
                Some(set) if attempt.fits(set) => {
                    s.pending = None;
                    s.show(attempt);
                }
                Some(_) => s.mark_stale(&set_id),
                None => return self,
            },
            Action::Answer(chosen) => {
                let Some(set) = s.current_set().cloned() else { return self };
                let Some(attempt) = s.attempt.as_mut() else { return self };
                if !attempt.apply(&set, Event::Answer(chosen)) {
                    return self;
                }
                if let Some(answer) = attempt.last_answer() {
                    let event = HostEvent::Answered {
                        set_id: set.id().to_string(),
                        question_id: answer.question_id.clone(),
                        chosen: answer.chosen.clone(),
                        correct: answer.correct,
                        position: attempt.answers.len(),
                        total: attempt.order.len(),
                    };
                    s.events.push(event);
                }
            }
            Action::Next => {
                let Some(set) = s.current_set().cloned() else { return self };
                let Some(attempt) = s.attempt.as_mut() else { return self };
                if !attempt.apply(&set, Event::Next) {
                    return self;
                }
                if attempt.phase == Phase::Finished {
                    let outcome = attempt.outcome(&set);
                    let completed = completed_event(&set, &outcome, s.lang);
                    s.events.push(completed);
                    s.screen = Screen::Result { set_id: set.id().to_string(), outcome, recorded: false };
                    s.attempt = None;
                }
            }
            Action::ShowSets => {
                if let Some(attempt) = s.attempt.take() {
                    if let Some(entry) = s.entry_mut(&attempt.set_id) {
                        entry.has_attempt = true;
                    }
                }
                s.screen = Screen::Sets;
            }
            Action::ShowHistory(set_id) => {
                s.pending = None;
                s.screen = Screen::History { set_id };
            }
            Action::Recorded { set_id, history } => {
                if let Screen::Result { set_id: shown, recorded, .. } = &mut s.screen {
                    if *shown == set_id {
                        *recorded = true;
                    }
                }
                if let Some(entry) = s.entry_mut(&set_id) {
                    entry.history = history;
                    entry.has_attempt = false;
                }
            }
            // A notice already shown, or one already gone, changes nothing: no render.
            Action::Notify(notice) if s.notices.contains(&notice) => return self,
            Action::Notify(notice) => s.notify(notice),
            Action::Dismiss(i) if i >= s.notices.len() => return self,
            Action::Dismiss(i) => {
                s.notices.remove(i);
            }
            Action::LrsConfigured if s.lrs_configured => return self,
            Action::LrsConfigured => s.lrs_configured = true,
        }
        Rc::new(s)
    }
}

/// The host page's `completed` event: the outcome with each principle's label.
fn completed_event(set: &QuestionSet, outcome: &Outcome, lang: Lang) -> HostEvent {
    let by_principle = outcome
        .by_principle
        .iter()
        .map(|p| PrincipleResult {
            principle: p.principle_id.clone(),
            label: p
                .principle_id
                .as_deref()
                .and_then(|id| set.principle(id))
                .map_or_else(|| lang.texts().general.to_string(), |x| x.label.clone()),
            correct: p.correct,
            total: p.total,
        })
        .collect();
    HostEvent::Completed {
        set_id: set.id().to_string(),
        score: outcome.score,
        max: outcome.max,
        percent: outcome.percent,
        passed: outcome.passed,
        by_principle,
    }
}
