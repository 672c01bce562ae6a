//! What the app keeps between visits: the history of a set and an unfinished attempt, versioned.
//! Decoding never loses data: what cannot be read is reported so the caller can set it aside.
//!
//! A record is `<schema>:<postcard bytes in hex>`. postcard rather than JSON because serde_json
//! was a sixth of the employee's download (measured: 151 KB gzip with JSON, 133 KB with postcard);
//! the schema prefix is read before anything else, so a newer or older shape is never misread.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::core::engine::Outcome;

/// The schema every record is written with. Bump it when a stored shape changes and add the
/// step from the previous version to `decode`.
pub const SCHEMA: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Milliseconds since the Unix epoch.
    pub finished_at_ms: f64,
    /// Minutes east of UTC where it was taken, so the date shows as the employee saw it.
    pub utc_offset_min: i32,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub entries: Vec<HistoryEntry>,
}

impl History {
    pub fn best(&self) -> Option<&HistoryEntry> {
        self.entries.iter().max_by(|a, b| {
            let ratio = |e: &HistoryEntry| e.outcome.score as f64 / e.outcome.max.max(1) as f64;
            ratio(a).total_cmp(&ratio(b))
        })
    }
}

/// Something the employee should be told about their saved data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Site data is blocked: nothing will be kept after the page closes.
    Unavailable,
    /// A write failed (quota, or blocked after opening): this page keeps going from memory.
    WriteFailed,
    /// Stored data could not be read or came from a newer version; it was moved to a backup key.
    Recovered,
}

/// The result of reading one stored record.
#[derive(Debug, PartialEq)]
pub enum Decoded<T> {
    Ok(T),
    /// Written by a newer version of the app: keep it aside, do not overwrite it blindly.
    Newer(u32),
    /// Not a record, or not the shape of its schema.
    Unreadable,
}

pub fn encode<T: Serialize>(data: &T) -> String {
    let bytes = postcard::to_allocvec(data).unwrap_or_default();
    let mut out = format!("{SCHEMA}:");
    for b in bytes {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

pub fn decode<T: DeserializeOwned>(text: &str) -> Decoded<T> {
    // Older schemas will migrate here, one step at a time: decode the old shape, convert it.
    // Version 1 is the first, so there is no step yet.
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
    match bytes.and_then(|b| postcard::from_bytes::<T>(&b).ok()) {
        Some(v) if schema == SCHEMA => Decoded::Ok(v),
        _ => Decoded::Unreadable,
    }
}

/// `YYYY-MM-DD HH:MM` in the employee's local time, computed here rather than by the browser
/// so the history reads the same in both languages and in tests.
pub fn format_date(ms: f64, utc_offset_min: i32) -> String {
    let minutes = (ms / 60_000.0).floor() as i64 + i64::from(utc_offset_min);
    let days = minutes.div_euclid(1440);
    let minute_of_day = minutes.rem_euclid(1440);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
