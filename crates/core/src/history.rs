//! A set's history of finished attempts, what the employee is told about saved data, and dates as the history shows them.

use crate::engine::Outcome;

/// One finished attempt, dated.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    /// Milliseconds since the Unix epoch.
    pub finished_at_ms: f64,
    /// Minutes east of UTC where it was taken, so the date shows as the employee saw it.
    pub utc_offset_min: i32,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub entries: Vec<HistoryEntry>,
}

impl History {
    /// How many attempts a set's history keeps: the best, the newest, and the most recent others.
    /// A full history of the largest shipped set is about 30 KB of the origin's 5 MiB (stored
    /// as UTF-16), so a page of many sets still has room, and saving the newest never fails for
    /// want of space the history itself took.
    pub const MAX_ENTRIES: usize = 100;

    /// Adds a finished attempt. The history keeps the figures, not every answer (those go into
    /// the result file the employee downloads), so what is stored reads back equal. Past
    /// `MAX_ENTRIES`, the oldest attempt that is not the best is dropped.
    pub fn record(&mut self, finished_at_ms: f64, utc_offset_min: i32, outcome: Outcome) {
        let outcome = Outcome { answers: Vec::new(), ..outcome };
        self.entries.push(HistoryEntry { finished_at_ms, utc_offset_min, outcome });
        while self.entries.len() > Self::MAX_ENTRIES {
            let best = self.best().map(|b| b as *const HistoryEntry);
            let oldest = self.entries.iter().position(|e| Some(e as *const HistoryEntry) != best).unwrap_or(0);
            self.entries.remove(oldest);
        }
    }

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
    /// Stored data could not be read and could not be moved aside (storage full): it stays where
    /// it is, untouched by this page.
    UnreadableKept,
    /// Another tab has saved an attempt on the same set since this page read it: this page's was
    /// not saved over it, and the employee chooses which to continue.
    OtherTab,
    /// A finished attempt could not be added to the history (storage full); the attempt is no
    /// longer in progress either, so the result lives on this screen (and its download) only.
    FinishNotKept,
}

/// The dates a stored record may carry: from 1970 to the end of 9999, with an offset of at most
/// 18 hours. Anything else is not a date this app wrote, and the record is set aside unread.
pub fn is_plausible_date(ms: f64, utc_offset_min: i32) -> bool {
    (0.0..=253_402_300_799_999.0).contains(&ms) && (-1080..=1080).contains(&utc_offset_min)
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
