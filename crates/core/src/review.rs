//! Content checks beyond the format: quotes verbatim in the source texts, no scenario naming its own answer, and counts.

use crate::diagnostic::{Diagnostic, LineIndex, Problem};
use crate::model::{Difficulty, QuestionKind, QuestionSet};

/// The fewest questions a principle should be the correct answer of, so the set teaches it.
pub const MIN_PER_PRINCIPLE: usize = 4;

/// Problems a validated set can still have: a quote that is not in its source texts
/// (given as (name, text) pairs; none given, none checked) and a scenario whose text contains
/// the label of its own answer. `text` is the set file, used only to locate the question.
pub fn review(set: &QuestionSet, file: &str, text: &str, sources: &[(String, String)]) -> Vec<Diagnostic> {
    let index = LineIndex::new(text);
    // The question's own text is the best anchor: it is unique within a file.
    let locate = |needle: &str, fallback: &str| {
        let at = text.find(needle).or_else(|| text.find(fallback)).unwrap_or(0);
        index.position(at)
    };
    let mut out = Vec::new();
    for q in set.questions() {
        if !sources.is_empty() && !sources.iter().any(|(_, s)| s.contains(q.quote.as_str())) {
            // The quote as this question writes it: the first one after the question's own text
            // (the same words may stand earlier, in a principle's summary or another question).
            let anchor = text.find(q.text.as_str()).unwrap_or(0);
            let at = text[anchor..].find(q.quote.as_str()).map_or(anchor, |i| anchor + i);
            let (line, column) = index.position(at);
            let files = sources.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ");
            out.push(Diagnostic { file: file.into(), line, column, problem: Problem::QuoteNotInSource { files } });
        }
        if q.kind == QuestionKind::Scenario {
            if let Some(p) = set.principle(&q.answer).filter(|p| q.text.contains(p.label.as_str())) {
                let (line, column) = locate(&q.text, &q.id);
                out.push(Diagnostic {
                    file: file.into(),
                    line,
                    column,
                    problem: Problem::Giveaway { label: p.label.clone() },
                });
            }
        }
    }
    out
}

/// Counts of one set, for `quizcheck stats` and the content tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetStats {
    pub id: String,
    /// The set's version, as certificates name it (`certificate::set_version`).
    pub version: String,
    pub total: usize,
    pub scenarios: usize,
    pub choices: usize,
    /// Basic, intermediate, advanced.
    pub by_difficulty: [usize; 3],
    /// Per principle, in the set's order.
    pub by_principle: Vec<PrincipleStats>,
}

/// How one principle is covered by a set's questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipleStats {
    pub id: String,
    pub label: String,
    /// Scenarios whose answer it is.
    pub answers: usize,
    /// Questions counted towards it (its scenarios, and choice questions tied to it).
    pub tied: usize,
}

impl SetStats {
    pub fn of(set: &QuestionSet) -> SetStats {
        let count = |f: &dyn Fn(&crate::model::Question) -> bool| set.questions().iter().filter(|q| f(q)).count();
        SetStats {
            id: set.id().to_string(),
            version: crate::certificate::set_version(set),
            total: set.questions().len(),
            scenarios: count(&|q| q.kind == QuestionKind::Scenario),
            choices: count(&|q| q.kind == QuestionKind::Choice),
            by_difficulty: Difficulty::ALL.map(|d| count(&|q| q.difficulty == d)),
            by_principle: set
                .principles()
                .iter()
                .map(|p| {
                    let answers = count(&|q| q.kind == QuestionKind::Scenario && q.answer == p.id);
                    let tied = count(&|q| q.principle.as_deref() == Some(p.id.as_str()));
                    PrincipleStats { id: p.id.clone(), label: p.label.clone(), answers, tied }
                })
                .collect(),
        }
    }

    /// Principles answered by fewer than `MIN_PER_PRINCIPLE` scenarios.
    pub fn thin_principles(&self) -> Vec<&str> {
        self.by_principle.iter().filter(|p| p.answers < MIN_PER_PRINCIPLE).map(|p| p.id.as_str()).collect()
    }

    /// A plain-text table, Japanese first.
    pub fn render(&self) -> String {
        let [basic, mid, adv] = self.by_difficulty;
        let mut s = format!(
            "{}: {} 問 (scenario {} / choice {}; 初級 {basic} / 中級 {mid} / 上級 {adv}) 版 / version {}\n",
            self.id, self.total, self.scenarios, self.choices, self.version
        );
        for PrincipleStats { id, label, answers, tied } in &self.by_principle {
            let flag = if *answers < MIN_PER_PRINCIPLE { "  ← 4 問未満 / under 4" } else { "" };
            s += &format!("  {id:<12} {answers:>3} 問 (関連 {tied:>2}) {label}{flag}\n");
        }
        s
    }
}

/// How alike two texts are, 0.0 to 1.0: the Dice coefficient of their character bigrams.
/// Good enough to catch a scenario copied with a few words changed.
pub fn similarity(a: &str, b: &str) -> f64 {
    let bigrams = |s: &str| {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut v: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort_unstable();
        v
    };
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}
