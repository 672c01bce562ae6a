//! SCORM 1.2 run-time data for an LMS, as (element, value) pairs: what each event of an attempt records there.
//!
//! The LMS's API object is found by web/boot.js and called by web/report.js; what to write is
//! decided here, so it is tested natively. The values follow the SCORM 1.2 run-time
//! environment's data model: responses to a `choice` interaction are single characters
//! (`a`, `b`, …), the score is a percentage (0 to 100), times of day are `HH:MM:SS`.

use crate::embed::HostEvent;
use crate::model::{Question, QuestionSet};

/// The pairs to set for `event`. `interactions` is `cmi.interactions._count` before it (each
/// answer adds the next one); `time_of_day` is `HH:MM:SS` when it happened.
pub fn values(event: &HostEvent, set: &QuestionSet, interactions: usize, time_of_day: &str) -> Vec<(String, String)> {
    let pair = |element: &str, value: &str| (element.to_string(), value.to_string());
    match event {
        // The status is `incomplete` from the launch (report.js, as the session opens), and a new attempt after a pass
        // must not take the pass back.
        HostEvent::Started { .. } => Vec::new(),
        HostEvent::Answered { question_id, chosen, correct, .. } => {
            let Some(question) = set.question(question_id) else { return Vec::new() };
            let fields = [
                ("id", question_id.as_str()),
                ("type", "choice"),
                ("correct_responses.0.pattern", &response(question, &question.answer)),
                ("student_response", &response(question, chosen)),
                ("result", if *correct { "correct" } else { "wrong" }),
                ("time", time_of_day),
            ];
            fields
                .iter()
                .map(|(field, value)| (format!("cmi.interactions.{interactions}.{field}"), value.to_string()))
                .collect()
        }
        HostEvent::Completed { percent, passed, .. } => vec![
            pair("cmi.core.score.min", "0"),
            pair("cmi.core.score.max", "100"),
            pair("cmi.core.score.raw", &percent.to_string()),
            pair("cmi.core.lesson_status", if *passed { "passed" } else { "failed" }),
        ],
    }
}

/// An option as SCORM 1.2 writes a choice: `a` for the first, `b` for the second, and so on.
fn response(question: &Question, value: &str) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let index = question.options.iter().position(|o| o == value);
    index.and_then(|i| LETTERS.get(i)).map(|&c| char::from(c).to_string()).unwrap_or_default()
}

/// `HH:MM:SS` (CMITime) in local time for an instant in milliseconds.
pub fn time_of_day(ms: f64, utc_offset_min: i32) -> String {
    let seconds = (ms / 1000.0) as i64 + i64::from(utc_offset_min) * 60;
    let s = seconds.rem_euclid(86_400);
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}
