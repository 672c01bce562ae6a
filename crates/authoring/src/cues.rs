//! The cue report: how often a set's scenarios can be answered by their words alone, and which words give the answer away.
//!
//! A learner who has seen a few questions learns that 「自動」 means デジタル活用 and stops
//! reading the situation. Two measures show a trainer where a set teaches word matching:
//!
//! - The guess rate: each scenario in turn is hidden, the others are grouped by their answer, and
//!   the hidden one is "guessed" as the principle whose scenarios its wording most resembles
//!   (character pairs, weighted so that words common to all scenarios count little; cosine
//!   similarity to each principle's average). A set that teaches judgement stays near chance
//!   (one in the number of principles); the shipped sets are held to at most twice chance.
//! - Cue words: runs of 2 to 6 characters that occur in at least three scenarios of one principle
//!   and in at most one scenario of all the others, with the questions where they occur.
//!
//! Pure and deterministic; the trainer page and `quizcheck stats` show the same figures.

use std::collections::{BTreeMap, HashMap};

use credo_core::i18n::Lang;
use credo_core::model::{QuestionKind, QuestionSet};

/// A cue must occur in this many scenarios of one principle…
const CUE_MIN: usize = 3;
/// …and in at most this many scenarios of all the others together.
const CUE_MAX_ELSEWHERE: usize = 1;
/// The shipped sets' limit, in multiples of chance.
pub const MAX_RATIO: f64 = 2.0;

/// What the report found for one set.
#[derive(Clone, Debug, PartialEq)]
pub struct CueReport {
    pub scenarios: usize,
    /// Scenarios whose answer the wording alone gave.
    pub guessed: usize,
    pub principles: usize,
    pub cues: Vec<Cue>,
}

/// Words that point to one principle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub text: String,
    pub principle: String,
    /// The scenarios of `principle` where it occurs.
    pub questions: Vec<String>,
    /// The scenarios of other principles where it occurs (at most one).
    pub elsewhere: Vec<String>,
}

impl CueReport {
    pub fn rate(&self) -> f64 {
        if self.scenarios == 0 {
            0.0
        } else {
            self.guessed as f64 / self.scenarios as f64
        }
    }

    pub fn chance(&self) -> f64 {
        1.0 / self.principles.max(1) as f64
    }

    /// The guess rate in multiples of chance.
    pub fn ratio(&self) -> f64 {
        self.rate() / self.chance()
    }

    /// The report as `quizcheck stats` prints it.
    pub fn render(&self, lang: Lang) -> String {
        let (rate, chance, ratio) = (self.rate() * 100.0, self.chance() * 100.0, self.ratio());
        let over = ratio > MAX_RATIO;
        let mut out = match lang {
            Lang::Ja => format!(
                "  言葉だけで当たる率 {rate:.0}%({}/{} 場面)、偶然 {chance:.0}%、{ratio:.2} 倍{}\n",
                self.guessed,
                self.scenarios,
                if over { "  ← 2 倍を超えています。手がかり語を見直してください" } else { "" }
            ),
            Lang::En => format!(
                "  guessed from the words alone {rate:.0}% ({}/{} scenarios), chance {chance:.0}%, {ratio:.2}x{}\n",
                self.guessed,
                self.scenarios,
                if over { "  <- over 2x: rewrite the cue words" } else { "" }
            ),
        };
        for cue in &self.cues {
            let elsewhere = match (cue.elsewhere.is_empty(), lang) {
                (true, _) => String::new(),
                (false, Lang::Ja) => format!("、ほかに {}", cue.elsewhere.join(", ")),
                (false, Lang::En) => format!("; elsewhere {}", cue.elsewhere.join(", ")),
            };
            let word = match lang {
                Lang::Ja => "手がかり語",
                Lang::En => "cue",
            };
            out += &format!("  {word} 「{}」 → {}: {}{elsewhere}\n", cue.text, cue.principle, cue.questions.join(", "));
        }
        out
    }
}

type Bigram = (char, char);

/// Runs the report over a set's scenarios.
pub fn cue_report(set: &QuestionSet) -> CueReport {
    let scenarios: Vec<(&str, &str, Vec<char>)> = set
        .questions()
        .iter()
        .filter(|q| q.kind == QuestionKind::Scenario)
        .map(|q| (q.id.as_str(), q.answer.as_str(), q.text.chars().filter(|c| !c.is_whitespace()).collect()))
        .collect();
    let order: Vec<&str> = set.principles().iter().map(|p| p.id.as_str()).collect();
    CueReport {
        scenarios: scenarios.len(),
        guessed: guessed(&scenarios, &order),
        principles: order.len(),
        cues: cues(&scenarios, &order),
    }
}

fn bigrams(text: &[char]) -> HashMap<Bigram, f64> {
    let mut counts = HashMap::new();
    for w in text.windows(2) {
        *counts.entry((w[0], w[1])).or_insert(0.0) += 1.0;
    }
    counts
}

/// Leave-one-out nearest centroid over tf-idf character bigrams. The idf is taken over all the
/// scenarios, and each hidden scenario is taken out of its principle's centroid, so the whole
/// report is linear in the set's size.
fn guessed(scenarios: &[(&str, &str, Vec<char>)], order: &[&str]) -> usize {
    let counts: Vec<HashMap<Bigram, f64>> = scenarios.iter().map(|(_, _, t)| bigrams(t)).collect();
    let n = scenarios.len() as f64;
    let mut df: HashMap<Bigram, f64> = HashMap::new();
    for c in &counts {
        for g in c.keys() {
            *df.entry(*g).or_insert(0.0) += 1.0;
        }
    }
    let vectors: Vec<HashMap<Bigram, f64>> = counts
        .iter()
        .map(|c| {
            let mut v: HashMap<Bigram, f64> =
                c.iter().map(|(g, tf)| (*g, tf * (((1.0 + n) / (1.0 + df[g])).ln() + 1.0))).collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
            v.values_mut().for_each(|x| *x /= norm);
            v
        })
        .collect();
    // Per principle: the sum of its scenarios' vectors, the sum's squared length, and how many.
    let mut sums: BTreeMap<&str, (HashMap<Bigram, f64>, f64)> = BTreeMap::new();
    for ((_, key, _), v) in scenarios.iter().zip(&vectors) {
        let (sum, count) = sums.entry(key).or_default();
        for (g, x) in v {
            *sum.entry(*g).or_insert(0.0) += x;
        }
        *count += 1.0;
    }
    let squared: BTreeMap<&str, f64> =
        sums.iter().map(|(p, (sum, _))| (*p, sum.values().map(|x| x * x).sum())).collect();
    let mut right = 0;
    for ((_, key, _), v) in scenarios.iter().zip(&vectors) {
        let mut best: Option<(&str, f64)> = None;
        for p in order {
            let Some((sum, count)) = sums.get(p) else { continue };
            // Dot products over the hidden scenario's own pairs only, so each guess costs its
            // length, not the set's: |c|² and v·c follow from |sum|², sum·v and |v|² (= 1).
            let sum_dot_v: f64 = v.iter().map(|(g, x)| x * sum.get(g).copied().unwrap_or(0.0)).sum();
            let (dot, norm_squared, n) = if p == key {
                // The hidden scenario is not part of what it is compared with.
                (sum_dot_v - 1.0, squared[p] - 2.0 * sum_dot_v + 1.0, count - 1.0)
            } else {
                (sum_dot_v, squared[p], *count)
            };
            if n <= 0.0 || norm_squared <= 1e-12 {
                continue;
            }
            // cos(v, c) with c = total / n: the n cancels.
            let score = dot / norm_squared.sqrt();
            if best.is_none_or(|(_, b)| score > b + 1e-12) {
                best = Some((p, score));
            }
        }
        if best.is_some_and(|(p, _)| p == *key) {
            right += 1;
        }
    }
    right
}

/// A run a learner could spot as a word: letters and digits only, with a kanji, katakana or
/// Latin letter in it (runs of kana alone are grammar, not cues).
fn word_like(run: &[char]) -> bool {
    run.iter().all(|c| c.is_alphanumeric())
        && run
            .iter()
            .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{30a0}'..='\u{30ff}') || c.is_ascii_alphanumeric())
}

fn cues(scenarios: &[(&str, &str, Vec<char>)], order: &[&str]) -> Vec<Cue> {
    let mut found = Vec::new();
    for len in 2..=6 {
        // Each run, with the scenarios it occurs in (by index, once each, in order).
        let mut occurs: HashMap<&[char], Vec<usize>> = HashMap::new();
        for (i, (_, _, text)) in scenarios.iter().enumerate() {
            for run in text.windows(len).filter(|r| word_like(r)) {
                let at = occurs.entry(run).or_default();
                if at.last() != Some(&i) {
                    at.push(i);
                }
            }
        }
        for (run, at) in occurs.into_iter().filter(|(_, at)| at.len() >= CUE_MIN) {
            for p in order {
                let (mine, others): (Vec<usize>, Vec<usize>) = at.iter().partition(|&&i| scenarios[i].1 == *p);
                if mine.len() >= CUE_MIN && others.len() <= CUE_MAX_ELSEWHERE {
                    let ids = |list: Vec<usize>| list.into_iter().map(|i| scenarios[i].0.to_string()).collect();
                    found.push(Cue {
                        text: run.iter().collect(),
                        principle: p.to_string(),
                        questions: ids(mine),
                        elsewhere: ids(others),
                    });
                }
            }
        }
    }
    // Longest first, so that a run inside a longer cue with the same questions is dropped.
    found.sort_by_key(|c| std::cmp::Reverse(c.text.chars().count()));
    let mut kept: Vec<Cue> = Vec::new();
    for cue in found {
        if !kept.iter().any(|k| k.text.contains(&cue.text) && k.questions == cue.questions) {
            kept.push(cue);
        }
    }
    let rank = |p: &str| order.iter().position(|o| *o == p).unwrap_or(usize::MAX);
    kept.sort_by(|a, b| {
        (rank(&a.principle), std::cmp::Reverse(a.questions.len()), &a.text).cmp(&(
            rank(&b.principle),
            std::cmp::Reverse(b.questions.len()),
            &b.text,
        ))
    });
    kept
}
