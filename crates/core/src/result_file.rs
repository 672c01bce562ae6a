//! An employee's result file for one finished attempt, written in the quiz (the trainer's tools read and merge them).
//!
//! The file is small JSON: `{"format":"credo-quiz-result","version":1,"set_id","set_title","name",
//! "finished_at","score","max","passed","principles","answers":[{"question_id","principle","kind",
//! "chosen","correct"}]}`. The employee's bundle writes it with the hand-written writer below, so
//! serde_json stays out of that download; reading uses serde_json and lives in `credo_authoring::group`.
//! `principles` (ids and labels) and each answer's `kind` let the trainer page name the principles
//! and tell scenario answers from choice answers without having the set at hand; both are optional
//! when reading.

use std::fmt::Write;

use crate::engine::Outcome;
use crate::history::format_date;
use crate::model::{QuestionKind, QuestionSet};

pub const FORMAT: &str = "credo-quiz-result";
/// The version written. Bump it when the shape changes; readers skip newer files by name.
pub const VERSION: u64 = 1;

/// The result file of an attempt just finished on `set` at `finished_at` (`iso_local`): JSON,
/// one answer a line so that it reads in a text editor too. This runs in the employee's bundle,
/// where every byte of code counts: it writes through the formatting machinery the app has
/// anyway, with no intermediate structure and no JSON library.
pub fn result_json(set: &QuestionSet, outcome: &Outcome, name: &str, finished_at: &str) -> String {
    let mut out = format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"set_id\": {},\n  \"set_title\": {},\n  \"name\": {},\n  \"finished_at\": {},\n  \"score\": {},\n  \"max\": {},\n  \"passed\": {},\n  \"principles\": [",
        Json(Some(set.id())),
        Json(Some(set.title())),
        Json(Some(name.trim())),
        Json(Some(finished_at)),
        outcome.score,
        outcome.max,
        outcome.passed,
    );
    for (i, p) in set.principles().iter().enumerate() {
        let _ = write!(
            out,
            "{}\n    {{\"id\": {}, \"label\": {}}}",
            if i == 0 { "" } else { "," },
            Json(Some(&p.id)),
            Json(Some(&p.label))
        );
    }
    out.push_str(if set.principles().is_empty() { "],\n  \"answers\": [" } else { "\n  ],\n  \"answers\": [" });
    for (i, a) in outcome.answers.iter().enumerate() {
        let question = set.question(&a.question_id);
        let principle = question.and_then(|q| q.principle.as_deref());
        let kind = match question.map(|q| q.kind) {
            Some(QuestionKind::Scenario) => "\"scenario\"",
            Some(QuestionKind::Choice) => "\"choice\"",
            None => "null",
        };
        let _ = write!(
            out,
            "{}\n    {{\"question_id\": {}, \"principle\": {}, \"kind\": {kind}, \"chosen\": {}, \"correct\": {}}}",
            if i == 0 { "" } else { "," },
            Json(Some(&a.question_id)),
            Json(principle),
            Json(Some(&a.chosen)),
            a.correct,
        );
    }
    out.push_str(if outcome.answers.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
    out
}

/// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped,
/// everything else (Japanese included) written as it is, in UTF-8.
pub fn string(text: &str) -> String {
    Json(Some(text)).to_string()
}

/// Displays as a JSON string literal, or `null` for none.
struct Json<'a>(Option<&'a str>);

impl std::fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some(text) = self.0 else { return f.write_str("null") };
        f.write_char('"')?;
        for c in text.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                // JSON allows U+2028/U+2029 raw, but older JavaScript string literals did not.
                '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{2028}' | '\u{2029}' => write!(f, "\\u{:04x}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// `2025-11-21T13:40:05+09:00`: local time with its offset, so the trainer sees the time the
/// employee saw and the instant stays exact.
pub fn iso_local(ms: f64, utc_offset_min: i32) -> String {
    // format_date gives `YYYY-MM-DD HH:MM`; offsets are whole minutes, so the seconds are the
    // same in local time as in UTC. Integer arithmetic: a float remainder would pull `fmod`
    // into the employee's bundle.
    let date = format_date(ms, utc_offset_min);
    let (day, time) = date.split_once(' ').unwrap_or((&date, ""));
    let seconds = ((ms / 1000.0).floor() as i64).rem_euclid(60);
    let sign = if utc_offset_min < 0 { "-" } else { "+" };
    let offset = utc_offset_min.unsigned_abs();
    format!("{day}T{time}:{seconds:02}{sign}{:02}:{:02}", offset / 60, offset % 60)
}

/// `credo-quiz-<set>-<name>-<yyyymmdd-hhmm>.json`, from the finish time as `iso_local` writes
/// it. The name is in it because a training room hands its files into one shared folder in
/// the same minute; characters Windows refuses in file names are left out.
pub fn file_name(set_id: &str, name: &str, finished_at: &str) -> String {
    let part = |range: std::ops::Range<usize>| finished_at.get(range).unwrap_or_default();
    let name: String = name
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .take(40)
        .collect();
    let name = if name.is_empty() { String::new() } else { format!("{name}-") };
    format!(
        "credo-quiz-{set_id}-{name}{}{}{}-{}{}.json",
        part(0..4),
        part(5..7),
        part(8..10),
        part(11..13),
        part(14..16)
    )
}
