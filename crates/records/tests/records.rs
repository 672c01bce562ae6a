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
    let history = History { entries: vec![entry(3, 4)] };
    let text = encode(&history);
    assert_eq!(decode::<History>(&text), Decoded::Ok(history));
    assert!(text.starts_with("1:"), "{text}");
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
    let history = History { entries: vec![entry(5, 10), entry(4, 4), entry(9, 20)] };
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
