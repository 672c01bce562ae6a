//! The quiz engine: an attempt is plain data changed by events, deterministic for a seed.

use crate::model::{QuestionKind, QuestionSet};

/// One employee's pass through a set. It refers to questions by id, so that a resumed attempt
/// (stored by `credo_records`) is checked against the set it is resumed on (`fits`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub set_id: String,
    pub seed: u64,
    /// Question ids in the order they are asked.
    pub order: Vec<String>,
    /// One per question answered so far, in order.
    pub answers: Vec<Answer>,
    pub phase: Phase,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub question_id: String,
    /// The option value chosen: a principle id (scenario) or an option text (choice).
    pub chosen: String,
    pub correct: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for an answer to `order[answers.len()]`.
    Asking,
    /// The last answer's feedback is showing.
    Feedback,
    Finished,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Answer(String),
    Next,
}

impl Attempt {
    /// A new attempt over `count` questions of `set`, drawn and ordered by `seed`. Without a count,
    /// the set's own `length` (all when it has none). A draw of fewer than all is balanced across
    /// principles: each principle's questions (and the questions tied to none) take turns, so ten
    /// questions of a four-principle set ask each principle two or three times.
    pub fn start(set: &QuestionSet, count: Option<usize>, seed: u64) -> Attempt {
        let all = set.questions().len();
        let n = count.or(set.length()).unwrap_or(all).clamp(1, all.max(1));
        let order = if n >= all {
            let mut order: Vec<String> = set.questions().iter().map(|q| q.id.clone()).collect();
            shuffle(&mut order, seed);
            order
        } else {
            balanced_draw(set, n, seed)
        };
        Attempt { set_id: set.id().to_string(), seed, order, answers: Vec::new(), phase: Phase::Asking }
    }

    /// A new attempt over the given questions of `set` (those it has), in an order drawn by `seed`:
    /// the missed questions of a result, asked again.
    pub fn over(set: &QuestionSet, question_ids: &[String], seed: u64) -> Attempt {
        let mut order: Vec<String> = question_ids.iter().filter(|id| set.question(id).is_some()).cloned().collect();
        order.dedup();
        shuffle(&mut order, seed);
        Attempt { set_id: set.id().to_string(), seed, order, answers: Vec::new(), phase: Phase::Asking }
    }

    /// Applies an event. Returns false, and changes nothing, when the event does not fit the
    /// phase (a double click, a stale button): the UI can then skip re-rendering.
    pub fn apply(&mut self, set: &QuestionSet, event: Event) -> bool {
        match (self.phase, event) {
            (Phase::Asking, Event::Answer(chosen)) => {
                let Some(question) = self.current_question_id().and_then(|id| set.question(id)) else {
                    return false;
                };
                if !question.options.contains(&chosen) {
                    return false;
                }
                let correct = chosen == question.answer;
                self.answers.push(Answer { question_id: question.id.clone(), chosen, correct });
                self.phase = Phase::Feedback;
                true
            }
            (Phase::Feedback, Event::Next) => {
                self.phase = if self.answers.len() >= self.order.len() { Phase::Finished } else { Phase::Asking };
                true
            }
            (Phase::Asking, Event::Next) | (Phase::Feedback, Event::Answer(_)) | (Phase::Finished, _) => false,
        }
    }

    /// The question being asked or whose feedback is showing.
    pub fn current_question_id(&self) -> Option<&str> {
        let index = match self.phase {
            Phase::Asking => self.answers.len(),
            Phase::Feedback => self.answers.len().checked_sub(1)?,
            Phase::Finished => return None,
        };
        self.order.get(index).map(String::as_str)
    }

    /// 1-based number of the current question, for "3 / 10".
    pub fn position(&self) -> usize {
        match self.phase {
            Phase::Asking => self.answers.len() + 1,
            Phase::Feedback | Phase::Finished => self.answers.len(),
        }
    }

    pub fn last_answer(&self) -> Option<&Answer> {
        self.answers.last()
    }

    /// Whether this attempt can run on `set`: same id, every question still there and
    /// every recorded answer still a valid option. A set edited since would otherwise
    /// resume into a question that no longer exists.
    pub fn fits(&self, set: &QuestionSet) -> bool {
        self.set_id == set.id()
            && !self.order.is_empty()
            && self.answers.len() <= self.order.len()
            && self.order.iter().all(|id| set.question(id).is_some())
            && self
                .answers
                .iter()
                .zip(&self.order)
                .all(|(a, id)| a.question_id == *id && set.question(id).is_some_and(|q| q.options.contains(&a.chosen)))
            && match self.phase {
                Phase::Asking => self.answers.len() < self.order.len(),
                Phase::Feedback => !self.answers.is_empty(),
                Phase::Finished => self.answers.len() == self.order.len(),
            }
    }

    pub fn outcome(&self, set: &QuestionSet) -> Outcome {
        let score = self.answers.iter().filter(|a| a.correct).count();
        let max = self.order.len();
        let percent = (score * 100).checked_div(max).map_or(0, |p| p as u8);
        // Integer comparison: 7 of 10 at a pass mark of 70 passes, 6 of 9 (66.6 %) does not.
        let passed = score * 100 >= usize::from(set.pass_mark()) * max;
        let mut by_principle: Vec<PrincipleScore> = set
            .principles()
            .iter()
            .map(|p| PrincipleScore { principle_id: Some(p.id.clone()), correct: 0, total: 0 })
            .collect();
        let mut general = PrincipleScore { principle_id: None, correct: 0, total: 0 };
        let mut missed = Vec::new();
        for answer in &self.answers {
            let Some(question) = set.question(&answer.question_id) else { continue };
            let bucket = question
                .principle
                .as_ref()
                .and_then(|p| by_principle.iter_mut().find(|s| s.principle_id.as_ref() == Some(p)))
                .unwrap_or(&mut general);
            bucket.total += 1;
            if answer.correct {
                bucket.correct += 1;
            } else {
                missed.push(answer.clone());
            }
        }
        if general.total > 0 {
            by_principle.push(general);
        }
        Outcome { score, max, percent, passed, by_principle, missed, answers: self.answers.clone() }
    }
}

/// In a result, how often the employee took one principle for another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confusion {
    /// The principle the scenes were about.
    pub expected: String,
    /// The principle chosen instead.
    pub chosen: String,
    pub count: usize,
}

impl Outcome {
    /// The scenarios missed, by which principle was taken for which, most frequent first (then in
    /// the set's order of principles): 「市民目線 の場面で チーム を選んだ: 3 回」.
    pub fn confusions(&self, set: &QuestionSet) -> Vec<Confusion> {
        let mut found: Vec<Confusion> = Vec::new();
        for answer in &self.missed {
            let Some(q) = set.question(&answer.question_id).filter(|q| q.kind == QuestionKind::Scenario) else {
                continue;
            };
            match found.iter_mut().find(|c| c.expected == q.answer && c.chosen == answer.chosen) {
                Some(c) => c.count += 1,
                None => found.push(Confusion { expected: q.answer.clone(), chosen: answer.chosen.clone(), count: 1 }),
            }
        }
        let rank = |id: &str| set.principles().iter().position(|p| p.id == id).unwrap_or(usize::MAX);
        crate::order::sort_by_key(&mut found, |c| (std::cmp::Reverse(c.count), rank(&c.expected), rank(&c.chosen)));
        found
    }

    /// The questions missed, to ask again.
    pub fn missed_ids(&self) -> Vec<String> {
        self.missed.iter().map(|a| a.question_id.clone()).collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub score: usize,
    pub max: usize,
    /// Rounded down.
    pub percent: u8,
    pub passed: bool,
    /// One per principle of the set, in the set's order, then questions tied to none.
    pub by_principle: Vec<PrincipleScore>,
    pub missed: Vec<Answer>,
    /// Every answer in the order given, right ones too, for the result file an employee can
    /// download. The stored history keeps only the figures above (`credo_records`), so an
    /// outcome read back from storage has none.
    pub answers: Vec<Answer>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipleScore {
    /// `None` for questions tied to no principle.
    pub principle_id: Option<String>,
    pub correct: usize,
    pub total: usize,
}

/// `n` questions, each principle's (and the untied ones') taking turns in the set's order of
/// principles, each group shuffled by `seed`; the result shuffled again so turns do not show.
fn balanced_draw(set: &QuestionSet, n: usize, seed: u64) -> Vec<String> {
    let principles = set.principles();
    let mut groups: Vec<Vec<String>> = vec![Vec::new(); principles.len() + 1];
    for q in set.questions() {
        let at =
            q.principle.as_ref().and_then(|p| principles.iter().position(|x| &x.id == p)).unwrap_or(principles.len());
        groups[at].push(q.id.clone());
    }
    for (i, group) in groups.iter_mut().enumerate() {
        shuffle(group, seed.wrapping_add(i as u64 + 1));
    }
    let mut order = Vec::with_capacity(n);
    let mut round = 0;
    while order.len() < n {
        for group in &groups {
            if let Some(id) = group.get(round) {
                if order.len() < n {
                    order.push(id.clone());
                }
            }
        }
        round += 1;
    }
    shuffle(&mut order, seed);
    order
}

/// Fisher–Yates with SplitMix64: small, no dependency, and the same order on every platform.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
