//! Stored text in, decoded records out: the schema envelope, newer and unreadable data, dates.

use credo_core::engine::{Attempt, Outcome};
use credo_core::history::{format_date, History, HistoryEntry};
use credo_records::{decode, encode, Decoded, Record};

fn entry(score: usize, max: usize) -> HistoryEntry {
    HistoryEntry {
        finished_at_ms: 1_763_700_000_000.0,
        utc_offset_min: 540,
        outcome: Outcome {
            score,
            max,
            percent: 0,
            passed: false,
            by_principle: vec![],
            missed: vec![],
            answers: vec![],
        },
    }
}

fn check<T: Record + std::fmt::Debug>(stored: &str, expected: &str) {
    let decoded: Decoded<T> = decode(stored);
    let actual = match decoded {
        Decoded::Ok(_) => "ok".to_string(),
        Decoded::Newer(v) => format!("newer {v}"),
        Decoded::Unreadable => "unreadable".to_string(),
    };
    assert_eq!(actual, expected, "{stored}");
}

#[test]
fn round_trip_and_every_kind_of_bad_data() {
    let history = History { entries: vec![entry(3, 4)], ..Default::default() };
    let text = encode(&history);
    assert_eq!(decode::<History>(&text), Decoded::Ok(history));
    assert!(text.starts_with("2:"), "{text}");
    check::<History>("1:00", "ok"); // no entries
    check::<History>("9:ffff", "newer 9");
    check::<History>(&text[..text.len() - 2], "unreadable"); // cut short
    check::<History>(&text[..text.len() - 1], "unreadable"); // half a byte
    check::<History>("1:zz", "unreadable");
    check::<History>(r#"{"schema":1,"data":{"entries":[]}}"#, "unreadable");
    check::<History>("", "unreadable");
    check::<Attempt>("1:01", "unreadable");
}

#[test]
fn best_is_by_ratio_not_raw_score() {
    let history = History { entries: vec![entry(5, 10), entry(4, 4), entry(9, 20)], ..Default::default() };
    assert_eq!(history.best().map(|e| (e.outcome.score, e.outcome.max)), Some((4, 4)));
    assert_eq!(History::default().best(), None);
}

#[test]
fn dates_in_local_time() {
    // 2025-11-21 04:40 UTC is 13:40 in Japan (UTC+9).
    assert_eq!(format_date(1_763_700_000_000.0, 540), "2025-11-21 13:40");
    assert_eq!(format_date(1_763_700_000_000.0, 0), "2025-11-21 04:40");
    assert_eq!(format_date(0.0, -60), "1969-12-31 23:00");
    assert_eq!(format_date(951_782_400_000.0, 0), "2000-02-29 00:00");
}

/// Issue 9.4: a record with bytes after its end was read, and the extra bytes dropped at the next write.
#[test]
fn a_record_with_extra_bytes_on_the_end_is_unreadable() {
    let text = encode(&History { entries: vec![entry(3, 4)], ..Default::default() });
    check::<History>(&text, "ok");
    check::<History>(&format!("{text}00"), "unreadable");
    check::<History>(&format!("{text}ff17"), "unreadable");
}

/// Issue 9.5: a date 10^171 ms away was accepted, and overflowed when shown.
#[test]
fn absurd_stored_dates_are_unreadable() {
    for (ms, offset, expected) in [
        (1_763_700_000_000.0, 540, "ok"),
        (0.0, 0, "ok"),
        (253_402_300_799_999.0, 0, "ok"), // 9999-12-31 23:59:59.999
        (1e171, 540, "unreadable"),
        (-1.0, 0, "unreadable"),
        (f64::NAN, 0, "unreadable"),
        (f64::INFINITY, 0, "unreadable"),
        (1_763_700_000_000.0, 100_000, "unreadable"), // an offset of 69 days
    ] {
        let mut e = entry(1, 2);
        e.finished_at_ms = ms;
        e.utc_offset_min = offset;
        check::<History>(&encode(&History { entries: vec![e], ..Default::default() }), expected);
    }
}

/// Issue 9.6: history had no bound; about 5,900 attempts filled the quota.
#[test]
fn history_keeps_a_bounded_number_of_attempts_with_the_best_and_the_latest() {
    let mut history = History::default();
    history.record(1.0, 0, entry(10, 10).outcome); // the best, and the oldest
    for i in 0..(History::MAX_ENTRIES as u32 + 20) {
        history.record(f64::from(i) + 2.0, 0, entry(1, 10).outcome);
    }
    history.record(9e9, 0, entry(2, 10).outcome);
    assert_eq!(history.entries.len(), History::MAX_ENTRIES);
    assert_eq!(history.best().map(|b| b.finished_at_ms), Some(1.0), "the best stays");
    assert_eq!(history.entries.last().map(|e| e.finished_at_ms), Some(9e9), "the newest is always kept");
    assert!(encode(&history).len() < 200_000, "a full history stays far below the quota");
}

/// Issue 11.8: schema 2 adds the review queue to a set's history; records the first release
/// stored (tests/data, written by that build) read on, with nothing lost and an empty queue.
#[test]
fn records_of_schema_1_migrate_to_schema_2() {
    let v1_history = include_str!("data/v1-history.txt").trim();
    let v1_attempt = include_str!("data/v1-attempt.txt").trim();
    assert!(v1_history.starts_with("1:") && v1_attempt.starts_with("1:"));
    let Decoded::Ok(history) = decode::<History>(v1_history) else { panic!("a v1 history reads") };
    let Decoded::Ok(attempt) = decode::<Attempt>(v1_attempt) else { panic!("a v1 attempt reads") };
    let shown: Vec<String> = history
        .entries
        .iter()
        .map(|e| {
            format!(
                "{} {}/{} missed {}",
                format_date(e.finished_at_ms, e.utc_offset_min),
                e.outcome.score,
                e.outcome.max,
                e.outcome.missed.len()
            )
        })
        .collect();
    assert_eq!(shown, ["2025-11-21 13:40 0/2 missed 2", "2025-11-22 13:40 2/2 missed 0"]);
    assert!(history.review.is_empty(), "no queue in schema 1");
    assert_eq!((attempt.set_id.as_str(), attempt.answers.len()), ("demo", 1));
    // Written again, they are schema 2 and read back equal.
    assert_eq!(decode::<History>(&encode(&history)), Decoded::Ok(history.clone()));
    assert!(encode(&history).starts_with("2:"));
    // A schema 1 record with bytes left over is still unreadable, not migrated.
    check::<History>(&format!("{v1_history}00"), "unreadable");
}
