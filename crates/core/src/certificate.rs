//! A completion certificate's code: which version of a set was passed, and by which attempt, in eight characters a trainer can read over the phone.
//!
//! `ABCD-EFGH`: the first four characters are the set's version (a hash of what its questions
//! ask and answer, so an edited set gets a new code and a re-published identical one keeps it),
//! the last four the attempt (its finish time, seed and score). `quizcheck stats` and the trainer
//! page show a set's four, so a trainer can tell which version a certificate is for.

use crate::engine::Outcome;
use crate::model::QuestionSet;

/// Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, 2/Z, 5/S, B).
const ALPHABET: &[u8; 26] = b"ACDEFGHJKMNPQRTUVWXY346789";

/// FNV-1a, 64 bits: small and stable across platforms (not for security; for telling versions apart).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0x1f]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn code4(mut h: u64) -> String {
    (0..4)
        .map(|_| {
            let c = ALPHABET[(h % ALPHABET.len() as u64) as usize];
            h /= ALPHABET.len() as u64;
            char::from(c)
        })
        .collect()
}

/// A hash of the set's id, principles and every question's text, options, answer and quote: what
/// the set asks and answers. It names the set's version here and in learning records (xAPI).
pub fn content_hash(set: &QuestionSet) -> u64 {
    let mut parts: Vec<&str> = vec![set.id()];
    for p in set.principles() {
        parts.extend([p.id.as_str(), p.label.as_str()]);
    }
    for q in set.questions() {
        parts.extend([q.id.as_str(), q.text.as_str(), q.answer.as_str(), q.quote.as_str()]);
        parts.extend(q.options.iter().map(String::as_str));
    }
    fnv1a(&parts)
}

/// The set's version: four characters of its content hash.
pub fn set_version(set: &QuestionSet) -> String {
    code4(content_hash(set))
}

/// The certificate's code for `outcome` of an attempt on `set` finished at `finished_at_ms`.
pub fn certificate_code(set: &QuestionSet, outcome: &Outcome, finished_at_ms: f64) -> String {
    // Whole milliseconds as an integer: the text f64's Display gives for them, without the float
    // formatting code (11 KB of wasm) that Display would bring into the app.
    let attempt = format!("{}:{}:{}", finished_at_ms as i64, outcome.score, outcome.max);
    let answers: Vec<&str> = outcome.answers.iter().map(|a| a.chosen.as_str()).collect();
    let mut parts = vec![set.id(), attempt.as_str()];
    parts.extend(answers);
    format!("{}-{}", set_version(set), code4(fnv1a(&parts)))
}
