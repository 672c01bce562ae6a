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
    /// The questions missed, coming back on later days (spaced review).
    pub review: Vec<ReviewItem>,
}

/// A missed question in the review queue: due on `due_day`, back after 1, 3 and 7 days, out after
/// two correct reviews.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewItem {
    pub question_id: String,
    /// Days since 1970-01-01 in the employee's local time (`day_of`).
    pub due_day: i64,
    /// How many reviews it has had (0: first due one day after the miss).
    pub step: u8,
    /// Reviews answered right.
    pub correct: u8,
}

/// The days after which a missed question comes back: after the miss, then after each review.
pub const REVIEW_INTERVALS: [i64; 3] = [1, 3, 7];
/// Right answers in reviews that take a question out of the queue.
pub const REVIEWS_TO_LEAVE: u8 = 2;

/// The local day of an instant: days since 1970-01-01 where it was taken.
pub fn day_of(ms: f64, utc_offset_min: i32) -> i64 {
    local_minutes(ms, utc_offset_min).div_euclid(1440)
}

/// Minutes since 1970-01-01 00:00 where the instant was taken.
fn local_minutes(ms: f64, utc_offset_min: i32) -> i64 {
    (ms / 60_000.0).floor() as i64 + i64::from(utc_offset_min)
}

/// How one principle has gone over all attempts of a set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mastery {
    pub principle_id: Option<String>,
    pub correct: usize,
    pub total: usize,
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
        self.schedule(&outcome, day_of(finished_at_ms, utc_offset_min));
        let outcome = Outcome { answers: Vec::new(), ..outcome };
        self.entries.push(HistoryEntry { finished_at_ms, utc_offset_min, outcome });
        while self.entries.len() > Self::MAX_ENTRIES {
            let best = self.best().map(|b| b as *const HistoryEntry);
            let oldest = self.entries.iter().position(|e| Some(e as *const HistoryEntry) != best).unwrap_or(0);
            self.entries.remove(oldest);
        }
    }

    /// Updates the review queue with an attempt's answers on `today`. A miss enters it (again),
    /// due tomorrow. An answer to a question due is a review: it comes back after 3, then 7 days,
    /// and a second right review takes it out. An answer before it is due changes nothing but a
    /// miss, which starts it over.
    pub fn schedule(&mut self, outcome: &Outcome, today: i64) {
        for answer in &outcome.answers {
            let at = self.review.iter().position(|r| r.question_id == answer.question_id);
            match at.filter(|&i| self.review[i].due_day <= today) {
                Some(i) => {
                    let item = &mut self.review[i];
                    item.correct += u8::from(answer.correct);
                    item.step = (item.step + 1).min(REVIEW_INTERVALS.len() as u8 - 1);
                    item.due_day = today + REVIEW_INTERVALS[usize::from(item.step)];
                    if item.correct >= REVIEWS_TO_LEAVE {
                        self.review.remove(i);
                    }
                }
                None if !answer.correct => {
                    let item = ReviewItem {
                        question_id: answer.question_id.clone(),
                        due_day: today + REVIEW_INTERVALS[0],
                        step: 0,
                        correct: 0,
                    };
                    match at {
                        Some(i) => self.review[i] = item,
                        None => self.review.push(item),
                    }
                }
                None => {}
            }
        }
    }

    /// The questions due for review on `today`, in the order they were missed.
    pub fn due(&self, today: i64) -> Vec<String> {
        self.review.iter().filter(|r| r.due_day <= today).map(|r| r.question_id.clone()).collect()
    }

    /// Right answers over all attempts kept, per principle, in the order of the latest attempt.
    pub fn mastery(&self) -> Vec<Mastery> {
        let mut out: Vec<Mastery> = Vec::new();
        for entry in self.entries.iter().rev() {
            for p in &entry.outcome.by_principle {
                match out.iter_mut().find(|m| m.principle_id == p.principle_id) {
                    Some(m) => {
                        m.correct += p.correct;
                        m.total += p.total;
                    }
                    None => {
                        out.push(Mastery { principle_id: p.principle_id.clone(), correct: p.correct, total: p.total })
                    }
                }
            }
        }
        out.retain(|m| m.total > 0);
        out
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
    let minutes = local_minutes(ms, utc_offset_min);
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
