//! The hand-written stored format against postcard itself: the shapes the app wrote with serde and postcard (copied here as they were), random values encoded byte for byte alike, and damaged records refused exactly where postcard refuses them.

use credo_core::engine::{Answer, Attempt, Outcome, Phase, PrincipleScore};
use credo_core::history::{is_plausible_date, History, HistoryEntry, ReviewItem};
use credo_records::{decode, encode, Decoded, Record};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

// The stored forms of schema 2 as the app declared them for serde (and schema 1's history).

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredAttempt {
    set_id: String,
    seed: u64,
    order: Vec<String>,
    answers: Vec<StoredAnswer>,
    phase: StoredPhase,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredAnswer {
    question_id: String,
    chosen: String,
    correct: bool,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
enum StoredPhase {
    Asking,
    Feedback,
    Finished,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredHistory {
    entries: Vec<StoredEntry>,
    review: Vec<StoredReviewItem>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredHistoryV1 {
    entries: Vec<StoredEntry>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredReviewItem {
    question_id: String,
    due_day: i64,
    step: u8,
    correct: u8,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredEntry {
    finished_at_ms: f64,
    utc_offset_min: i32,
    outcome: StoredOutcome,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredOutcome {
    score: usize,
    max: usize,
    percent: u8,
    passed: bool,
    by_principle: Vec<StoredPrincipleScore>,
    missed: Vec<StoredAnswer>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredPrincipleScore {
    principle_id: Option<String>,
    correct: usize,
    total: usize,
}

/// A small xorshift: the same values on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Small and edge values alike: varints of every length.
    fn number(&mut self) -> u64 {
        match self.below(4) {
            0 => self.below(3),
            1 => self.below(300),
            2 => u64::MAX >> self.below(64),
            _ => self.next(),
        }
    }

    fn text(&mut self) -> String {
        ["", "q1", "shimin", "市民目線", "a\"b\\c", "🙂"][self.below(6) as usize].repeat(self.below(3) as usize + 1)
    }

    fn list<T>(&mut self, item: impl FnMut(&mut Random) -> T) -> Vec<T> {
        let n = self.below(4) as usize;
        let mut item = item;
        (0..n).map(|_| item(self)).collect()
    }
}

fn answer(r: &mut Random) -> Answer {
    Answer { question_id: r.text(), chosen: r.text(), correct: r.below(2) == 1 }
}

fn attempt(r: &mut Random) -> Attempt {
    Attempt {
        set_id: r.text(),
        seed: r.number(),
        order: r.list(Random::text),
        answers: r.list(answer),
        phase: [Phase::Asking, Phase::Feedback, Phase::Finished][r.below(3) as usize],
    }
}

fn history(r: &mut Random) -> History {
    let entries = r.list(|r| HistoryEntry {
        // Plausible dates only: the app refuses others after reading them (tests/records.rs).
        finished_at_ms: (r.below(253_402_300_799_999)) as f64,
        utc_offset_min: r.below(1_681) as i32 - 840,
        outcome: Outcome {
            score: r.number() as u32 as usize,
            max: r.number() as u32 as usize,
            percent: r.below(256) as u8,
            passed: r.below(2) == 1,
            by_principle: r.list(|r| PrincipleScore {
                principle_id: (r.below(2) == 1).then(|| r.text()),
                correct: r.number() as u32 as usize,
                total: r.number() as u32 as usize,
            }),
            missed: r.list(answer),
            answers: Vec::new(),
        },
    });
    let review = r.list(|r| ReviewItem {
        question_id: r.text(),
        due_day: r.number() as i64,
        step: r.below(256) as u8,
        correct: r.below(256) as u8,
    });
    History { entries, review }
}

fn stored_answer(a: &Answer) -> StoredAnswer {
    StoredAnswer { question_id: a.question_id.clone(), chosen: a.chosen.clone(), correct: a.correct }
}

fn stored_attempt(a: &Attempt) -> StoredAttempt {
    StoredAttempt {
        set_id: a.set_id.clone(),
        seed: a.seed,
        order: a.order.clone(),
        answers: a.answers.iter().map(stored_answer).collect(),
        phase: match a.phase {
            Phase::Asking => StoredPhase::Asking,
            Phase::Feedback => StoredPhase::Feedback,
            Phase::Finished => StoredPhase::Finished,
        },
    }
}

fn stored_history(h: &History) -> StoredHistory {
    let entries = h.entries.iter().map(|e| StoredEntry {
        finished_at_ms: e.finished_at_ms,
        utc_offset_min: e.utc_offset_min,
        outcome: StoredOutcome {
            score: e.outcome.score,
            max: e.outcome.max,
            percent: e.outcome.percent,
            passed: e.outcome.passed,
            by_principle: e
                .outcome
                .by_principle
                .iter()
                .map(|p| StoredPrincipleScore {
                    principle_id: p.principle_id.clone(),
                    correct: p.correct,
                    total: p.total,
                })
                .collect(),
            missed: e.outcome.missed.iter().map(stored_answer).collect(),
        },
    });
    let review = h.review.iter().map(|r| StoredReviewItem {
        question_id: r.question_id.clone(),
        due_day: r.due_day,
        step: r.step,
        correct: r.correct,
    });
    StoredHistory { entries: entries.collect(), review: review.collect() }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether postcard reads `bytes` as one `S`, all of it, and the app then took it (`valid`).
fn postcard_reads<S: DeserializeOwned>(bytes: &[u8], valid: fn(&S) -> bool) -> bool {
    matches!(postcard::take_from_bytes::<S>(bytes), Ok((s, [])) if valid(&s))
}

fn any<S>(_: &S) -> bool {
    true
}

/// The app set aside a history with an implausible date after postcard had read it.
fn dated(h: &StoredHistory) -> bool {
    h.entries.iter().all(|e| is_plausible_date(e.finished_at_ms, e.utc_offset_min))
}

/// `value` is written as postcard writes its stored form; every cut and every one-byte change
/// of that record is refused by this crate exactly when postcard refuses it.
fn check<R: Record + PartialEq + std::fmt::Debug, S: Serialize + DeserializeOwned>(
    value: R,
    stored: S,
    valid: fn(&S) -> bool,
) {
    let bytes = postcard::to_allocvec(&stored).expect("postcard writes it");
    let text = encode(&value);
    assert_eq!(text, format!("2:{}", hex(&bytes)));
    assert_eq!(decode::<R>(&text), Decoded::Ok(value));
    let mut damaged: Vec<Vec<u8>> = (0..bytes.len()).map(|n| bytes[..n].to_vec()).collect();
    for i in 0..bytes.len() {
        for b in [0x00, 0x01, 0x02, 0x7f, 0x80, 0xff, bytes[i] ^ 0x80] {
            let mut changed = bytes.clone();
            changed[i] = b;
            damaged.push(changed);
        }
    }
    for d in damaged {
        let ours = matches!(decode::<R>(&format!("2:{}", hex(&d))), Decoded::Ok(_));
        assert_eq!(ours, postcard_reads::<S>(&d, valid), "{}", hex(&d));
    }
}

#[test]
fn records_are_written_and_read_as_postcard_writes_and_reads_them() {
    let mut r = Random(0x9e37_79b9_7f4a_7c15);
    for _ in 0..80 {
        let a = attempt(&mut r);
        check(a.clone(), stored_attempt(&a), any);
        let h = history(&mut r);
        check(h.clone(), stored_history(&h), dated);
    }
}

#[test]
fn a_schema_1_history_is_postcards_entries_alone() {
    let mut r = Random(7);
    for _ in 0..30 {
        let mut h = history(&mut r);
        h.review.clear();
        let bytes = postcard::to_allocvec(&StoredHistoryV1 { entries: stored_history(&h).entries }).expect("written");
        assert_eq!(decode::<History>(&format!("1:{}", hex(&bytes))), Decoded::Ok(h));
    }
}
