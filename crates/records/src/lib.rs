//! What the app keeps between visits: the history of a set and an unfinished attempt, as versioned stored forms.
//!
//! The stored forms below are this crate's own types, converted to and from the core's at the
//! boundary, so the engine's types can change without changing what is stored, and what is
//! read back is checked (dates in range, nothing left over) before it becomes a core value.
//! Decoding never loses data: what cannot be read is reported so the caller can set it aside.
//!
//! A record is `<schema>:<postcard bytes in hex>`. postcard rather than JSON because serde_json
//! was a sixth of the employee's download (measured: 151 KB gzip with JSON, 133 KB with postcard);
//! the schema prefix is read before anything else, so a newer or older shape is never misread.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use credo_core::engine::{Answer, Attempt, Outcome, Phase, PrincipleScore};
use credo_core::history::{is_plausible_date, History, HistoryEntry, ReviewItem};

/// The schema every record is written with. Bump it when a stored shape changes and add the
/// step from the previous version to `decode`.
pub const SCHEMA: u32 = 2;

/// The result of reading one stored record.
#[derive(Debug, PartialEq)]
pub enum Decoded<T> {
    Ok(T),
    /// Written by a newer version of the app: keep it aside, do not overwrite it blindly.
    Newer(u32),
    /// Not a record, or not the shape of its schema.
    Unreadable,
}

/// A core value with a stored form. `from_stored` may refuse a form that decoded but does not
/// make a valid value; the caller then treats the record as unreadable and sets it aside.
pub trait Record: Sized {
    type Stored: Serialize + DeserializeOwned;
    fn to_stored(&self) -> Self::Stored;
    fn from_stored(stored: Self::Stored) -> Option<Self>;

    /// A record of an older schema, migrated forward: `None` when that schema had no such shape.
    fn from_older(schema: u32, bytes: &[u8]) -> Option<Self> {
        let _ = (schema, bytes);
        None
    }
}

/// The whole of `bytes` as one `T`: bytes left over mean it is not what this app wrote.
fn exactly<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

pub fn encode<R: Record>(value: &R) -> String {
    let bytes = postcard::to_allocvec(&value.to_stored()).unwrap_or_default();
    let mut out = format!("{SCHEMA}:");
    for b in bytes {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

pub fn decode<R: Record>(text: &str) -> Decoded<R> {
    // Older schemas migrate in `Record::from_older`: decode the old shape, convert it.
    let Some((version, hex)) = text.split_once(':') else { return Decoded::Unreadable };
    let Ok(schema) = version.parse::<u32>() else { return Decoded::Unreadable };
    if schema > SCHEMA {
        return Decoded::Newer(schema);
    }
    let bytes: Option<Vec<u8>> = hex
        .as_bytes()
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok().filter(|_| pair.len() == 2))
        .collect();
    let value = bytes.and_then(|b| match schema {
        SCHEMA => exactly::<R::Stored>(&b).and_then(R::from_stored),
        older => R::from_older(older, &b),
    });
    match value {
        Some(v) => Decoded::Ok(v),
        None => Decoded::Unreadable,
    }
}

// The stored forms of schema 2. postcard writes fields in order with no names, so a changed
// shape is a new schema: schema 1 (the first release) had the same attempt and a history
// without the review queue; `from_older` reads both (tests/data holds records it wrote).

#[derive(Serialize, Deserialize)]
pub struct StoredAttempt {
    set_id: String,
    seed: u64,
    order: Vec<String>,
    answers: Vec<StoredAnswer>,
    phase: StoredPhase,
}

#[derive(Serialize, Deserialize)]
pub struct StoredAnswer {
    question_id: String,
    chosen: String,
    correct: bool,
}

#[derive(Serialize, Deserialize)]
pub enum StoredPhase {
    Asking,
    Feedback,
    Finished,
}

#[derive(Serialize, Deserialize)]
pub struct StoredHistory {
    entries: Vec<StoredEntry>,
    review: Vec<StoredReviewItem>,
}

/// Schema 1's history: the entries alone.
#[derive(Serialize, Deserialize)]
pub struct StoredHistoryV1 {
    entries: Vec<StoredEntry>,
}

#[derive(Serialize, Deserialize)]
pub struct StoredReviewItem {
    question_id: String,
    due_day: i64,
    step: u8,
    correct: u8,
}

#[derive(Serialize, Deserialize)]
pub struct StoredEntry {
    finished_at_ms: f64,
    utc_offset_min: i32,
    outcome: StoredOutcome,
}

#[derive(Serialize, Deserialize)]
pub struct StoredOutcome {
    score: usize,
    max: usize,
    percent: u8,
    passed: bool,
    by_principle: Vec<StoredPrincipleScore>,
    missed: Vec<StoredAnswer>,
}

#[derive(Serialize, Deserialize)]
pub struct StoredPrincipleScore {
    principle_id: Option<String>,
    correct: usize,
    total: usize,
}

impl StoredAnswer {
    fn of(a: &Answer) -> Self {
        StoredAnswer { question_id: a.question_id.clone(), chosen: a.chosen.clone(), correct: a.correct }
    }

    fn into_answer(self) -> Answer {
        Answer { question_id: self.question_id, chosen: self.chosen, correct: self.correct }
    }
}

impl Record for Attempt {
    type Stored = StoredAttempt;

    fn to_stored(&self) -> StoredAttempt {
        StoredAttempt {
            set_id: self.set_id.clone(),
            seed: self.seed,
            order: self.order.clone(),
            answers: self.answers.iter().map(StoredAnswer::of).collect(),
            phase: match self.phase {
                Phase::Asking => StoredPhase::Asking,
                Phase::Feedback => StoredPhase::Feedback,
                Phase::Finished => StoredPhase::Finished,
            },
        }
    }

    /// Schema 1 stored attempts in the same shape.
    fn from_older(schema: u32, bytes: &[u8]) -> Option<Attempt> {
        match schema {
            1 => exactly::<StoredAttempt>(bytes).and_then(Attempt::from_stored),
            _ => None,
        }
    }

    fn from_stored(s: StoredAttempt) -> Option<Attempt> {
        Some(Attempt {
            set_id: s.set_id,
            seed: s.seed,
            order: s.order,
            answers: s.answers.into_iter().map(StoredAnswer::into_answer).collect(),
            phase: match s.phase {
                StoredPhase::Asking => Phase::Asking,
                StoredPhase::Feedback => Phase::Feedback,
                StoredPhase::Finished => Phase::Finished,
            },
        })
    }
}

impl Record for History {
    type Stored = StoredHistory;

    fn to_stored(&self) -> StoredHistory {
        let entries = self.entries.iter().map(|e| {
            let o = &e.outcome;
            StoredEntry {
                finished_at_ms: e.finished_at_ms,
                utc_offset_min: e.utc_offset_min,
                outcome: StoredOutcome {
                    score: o.score,
                    max: o.max,
                    percent: o.percent,
                    passed: o.passed,
                    by_principle: o
                        .by_principle
                        .iter()
                        .map(|p| StoredPrincipleScore {
                            principle_id: p.principle_id.clone(),
                            correct: p.correct,
                            total: p.total,
                        })
                        .collect(),
                    missed: o.missed.iter().map(StoredAnswer::of).collect(),
                },
            }
        });
        let review = self.review.iter().map(|r| StoredReviewItem {
            question_id: r.question_id.clone(),
            due_day: r.due_day,
            step: r.step,
            correct: r.correct,
        });
        StoredHistory { entries: entries.collect(), review: review.collect() }
    }

    fn from_stored(s: StoredHistory) -> Option<History> {
        if !s.entries.iter().all(|e| is_plausible_date(e.finished_at_ms, e.utc_offset_min)) {
            return None;
        }
        let entries = s.entries.into_iter().map(|e| {
            let o = e.outcome;
            HistoryEntry {
                finished_at_ms: e.finished_at_ms,
                utc_offset_min: e.utc_offset_min,
                outcome: Outcome {
                    score: o.score,
                    max: o.max,
                    percent: o.percent,
                    passed: o.passed,
                    by_principle: o
                        .by_principle
                        .into_iter()
                        .map(|p| PrincipleScore { principle_id: p.principle_id, correct: p.correct, total: p.total })
                        .collect(),
                    missed: o.missed.into_iter().map(StoredAnswer::into_answer).collect(),
                    // The history keeps the figures, not every answer (see `Outcome::answers`).
                    answers: Vec::new(),
                },
            }
        });
        let review = s.review.into_iter().map(|r| ReviewItem {
            question_id: r.question_id,
            due_day: r.due_day,
            step: r.step,
            correct: r.correct,
        });
        Some(History { entries: entries.collect(), review: review.collect() })
    }

    /// Schema 1: the entries alone; the review queue starts empty.
    fn from_older(schema: u32, bytes: &[u8]) -> Option<History> {
        match schema {
            1 => exactly::<StoredHistoryV1>(bytes)
                .and_then(|v1| History::from_stored(StoredHistory { entries: v1.entries, review: Vec::new() })),
            _ => None,
        }
    }
}
