//! What the app keeps between visits: the history of a set and an unfinished attempt, as versioned stored forms.
//!
//! The stored forms are written and read field by field below, so the engine's types can change
//! without changing what is stored, and what is read back is checked (dates in range, nothing
//! left over) before it becomes a core value. Decoding never loses data: what cannot be read is
//! reported so the caller can set it aside.
//!
//! A record is `<schema>:<bytes in hex>`, the bytes in postcard's wire format (varints,
//! length-prefixed strings and lists, fields in order). postcard rather than JSON because
//! serde_json was a sixth of the employee's download; the format is written by hand here because
//! serde's and postcard's generic code (with serde's error formatting) was another 4 KB of it.
//! The tests check every shape byte for byte against postcard itself, on random values and on
//! damaged records. The schema prefix is read before anything else, so a newer or older shape is
//! never misread.

use credo_core::engine::{Answer, Attempt, Outcome, Phase, PrincipleScore};
use credo_core::history::{is_plausible_date, History, HistoryEntry, ReviewItem};

/// The schema every record is written with. Bump it when a stored shape changes and add the
/// step from the previous version to the type's `read`.
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

/// A core value with a stored form. `read` refuses a form that does not make a valid value;
/// the caller then treats the record as unreadable and sets it aside.
pub trait Record: Sized {
    /// The stored form of `SCHEMA`.
    fn write(&self, out: &mut Writer);
    /// The stored form of `schema` (1 to `SCHEMA`: this one or an older one, migrated forward).
    fn read(schema: u32, input: &mut Reader) -> Option<Self>;
}

pub fn encode<R: Record>(value: &R) -> String {
    let mut out = Writer(Vec::new());
    value.write(&mut out);
    let mut text = format!("{SCHEMA}:");
    for b in out.0 {
        text.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        text.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    text
}

pub fn decode<R: Record>(text: &str) -> Decoded<R> {
    let Some((version, hex)) = text.split_once(':') else { return Decoded::Unreadable };
    let Ok(schema) = version.parse::<u32>() else { return Decoded::Unreadable };
    if schema > SCHEMA {
        return Decoded::Newer(schema);
    }
    // Schema 1 was the first: there is no 0.
    if schema == 0 {
        return Decoded::Unreadable;
    }
    let bytes: Option<Vec<u8>> = hex
        .as_bytes()
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok().filter(|_| pair.len() == 2))
        .collect();
    let value = bytes.and_then(|bytes| {
        let mut input = Reader(&bytes);
        let value = R::read(schema, &mut input)?;
        // Bytes left over mean it is not what this app wrote.
        input.0.is_empty().then_some(value)
    });
    match value {
        Some(v) => Decoded::Ok(v),
        None => Decoded::Unreadable,
    }
}

/// postcard's wire format, written.
pub struct Writer(Vec<u8>);

impl Writer {
    fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    fn usize(&mut self, n: usize) {
        self.varint(n as u64);
    }

    fn i32(&mut self, n: i32) {
        self.varint(u64::from(((n << 1) ^ (n >> 31)) as u32));
    }

    fn i64(&mut self, n: i64) {
        self.varint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn f64(&mut self, x: f64) {
        self.0.extend_from_slice(&x.to_bits().to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn list<T>(&mut self, items: &[T], item: fn(&mut Writer, &T)) {
        self.usize(items.len());
        for i in items {
            item(self, i);
        }
    }
}

/// postcard's wire format, read: `None` wherever postcard would refuse the bytes.
pub struct Reader<'b>(&'b [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    /// An unsigned integer of `bits` bits: at most 5 bytes for 32, 10 for 64, and in the last
    /// byte no bits beyond the type's.
    fn varint(&mut self, bits: u32) -> Option<u64> {
        let (bytes, last_max) = (bits.div_ceil(7), (1u8 << (bits % 7)) - 1);
        let mut n = 0u64;
        for i in 0..bytes {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return (i + 1 < bytes || b <= last_max).then_some(n);
            }
        }
        None
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// A usize as postcard writes it on this platform (32 bits in the browser).
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint(usize::BITS)?).ok()
    }

    fn i32(&mut self) -> Option<i32> {
        let n = self.varint(32)? as u32;
        Some((n >> 1) as i32 ^ -((n & 1) as i32))
    }

    fn i64(&mut self) -> Option<i64> {
        let n = self.varint(64)?;
        Some((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    fn f64(&mut self) -> Option<f64> {
        let bytes = self.0.get(..8)?.try_into().ok()?;
        self.0 = &self.0[8..];
        Some(f64::from_bits(u64::from_le_bytes(bytes)))
    }

    fn string(&mut self) -> Option<String> {
        let len = self.usize()?;
        let bytes = self.0.get(..len)?;
        self.0 = &self.0[len..];
        std::str::from_utf8(bytes).ok().map(str::to_string)
    }

    fn list<T>(&mut self, item: fn(&mut Reader) -> Option<T>) -> Option<Vec<T>> {
        let len = self.usize()?;
        // Not `with_capacity(len)`: a damaged length must not reserve gigabytes.
        let mut items = Vec::new();
        for _ in 0..len {
            items.push(item(self)?);
        }
        Some(items)
    }
}

// The stored forms of schema 2. Fields are written in order with no names, so a changed shape
// is a new schema: schema 1 (the first release) had the same attempt and a history without the
// review queue; `read` takes both (tests/data holds records it wrote).
//
// attempt: set_id str, seed u64, order [str], answers [answer], phase (0 asking, 1 feedback,
//   2 finished)
// answer: question_id str, chosen str, correct bool
// history: entries [entry], review [review item] (schema 2 only)
// entry: finished_at_ms f64, utc_offset_min i32, score usize, max usize, percent u8,
//   passed bool, by_principle [principle_id str?, correct usize, total usize], missed [answer]
// review item: question_id str, due_day i64, step u8, correct u8

fn write_answer(out: &mut Writer, a: &Answer) {
    out.str(&a.question_id);
    out.str(&a.chosen);
    out.byte(u8::from(a.correct));
}

fn read_answer(input: &mut Reader) -> Option<Answer> {
    Some(Answer { question_id: input.string()?, chosen: input.string()?, correct: input.bool()? })
}

impl Record for Attempt {
    fn write(&self, out: &mut Writer) {
        out.str(&self.set_id);
        out.varint(self.seed);
        out.list(&self.order, |out, id| out.str(id));
        out.list(&self.answers, write_answer);
        out.byte(match self.phase {
            Phase::Asking => 0,
            Phase::Feedback => 1,
            Phase::Finished => 2,
        });
    }

    /// Schema 1 stored attempts in the same shape.
    fn read(_schema: u32, input: &mut Reader) -> Option<Attempt> {
        Some(Attempt {
            set_id: input.string()?,
            seed: input.varint(64)?,
            order: input.list(|input| input.string())?,
            answers: input.list(read_answer)?,
            phase: match input.varint(32)? {
                0 => Phase::Asking,
                1 => Phase::Feedback,
                2 => Phase::Finished,
                _ => return None,
            },
        })
    }
}

impl Record for History {
    fn write(&self, out: &mut Writer) {
        out.list(&self.entries, |out, e| {
            out.f64(e.finished_at_ms);
            out.i32(e.utc_offset_min);
            let o = &e.outcome;
            out.usize(o.score);
            out.usize(o.max);
            out.byte(o.percent);
            out.byte(u8::from(o.passed));
            out.list(&o.by_principle, |out, p| {
                match &p.principle_id {
                    Some(id) => {
                        out.byte(1);
                        out.str(id);
                    }
                    None => out.byte(0),
                }
                out.usize(p.correct);
                out.usize(p.total);
            });
            out.list(&o.missed, write_answer);
        });
        out.list(&self.review, |out, r| {
            out.str(&r.question_id);
            out.i64(r.due_day);
            out.byte(r.step);
            out.byte(r.correct);
        });
    }

    /// Schema 1: the entries alone; the review queue starts empty.
    fn read(schema: u32, input: &mut Reader) -> Option<History> {
        let entries = input.list(|input| {
            let (finished_at_ms, utc_offset_min) = (input.f64()?, input.i32()?);
            if !is_plausible_date(finished_at_ms, utc_offset_min) {
                return None;
            }
            let outcome = Outcome {
                score: input.usize()?,
                max: input.usize()?,
                percent: input.byte()?,
                passed: input.bool()?,
                by_principle: input.list(|input| {
                    let principle_id = match input.byte()? {
                        0 => None,
                        1 => Some(input.string()?),
                        _ => return None,
                    };
                    Some(PrincipleScore { principle_id, correct: input.usize()?, total: input.usize()? })
                })?,
                missed: input.list(read_answer)?,
                // The history keeps the figures, not every answer (see `Outcome::answers`).
                answers: Vec::new(),
            };
            Some(HistoryEntry { finished_at_ms, utc_offset_min, outcome })
        })?;
        let review = match schema {
            1 => Vec::new(),
            _ => input.list(|input| {
                Some(ReviewItem {
                    question_id: input.string()?,
                    due_day: input.i64()?,
                    step: input.byte()?,
                    correct: input.byte()?,
                })
            })?,
        };
        Some(History { entries, review })
    }
}
