//! A draft as the trainer page keeps it in the browser: a versioned record of its text and what the list of drafts shows (title, file, when saved).
//!
//! `credo-trainer-draft 1` on the first line, then the time saved, the format, the file name, the
//! title, an empty line and the text as typed. A record of another version, or one that does not
//! read, is not guessed at: the page sets it aside.

use crate::draft::Format;
use crate::form::SetForm;

const HEADER: &str = "credo-trainer-draft";
const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct KeptDraft {
    /// Names the draft among the kept ones (its storage key's end).
    pub slot: String,
    pub file: String,
    pub format: Format,
    pub title: String,
    pub saved_ms: f64,
    pub text: String,
}

impl KeptDraft {
    /// The draft of `text` as kept now; its title is the set's own (TOML), else the file name.
    pub fn of(slot: &str, file: &str, format: Format, text: &str, saved_ms: f64) -> KeptDraft {
        let title = match format {
            Format::Toml => SetForm::read(text).ok().map(|f| f.title).filter(|t| !t.trim().is_empty()),
            Format::Csv | Format::Gift => None,
        };
        KeptDraft {
            slot: slot.to_string(),
            file: file.to_string(),
            format,
            title: one_line(&title.unwrap_or_else(|| file.to_string())),
            saved_ms,
            text: text.to_string(),
        }
    }

    pub fn encode(&self) -> String {
        format!(
            "{HEADER} {VERSION}\n{}\n{}\n{}\n{}\n\n{}",
            self.saved_ms as u64,
            self.format.code(),
            one_line(&self.file),
            self.title,
            self.text
        )
    }

    /// `None` for a record this version cannot read (another version, or damaged).
    pub fn decode(slot: &str, record: &str) -> Option<KeptDraft> {
        let mut parts = record.splitn(7, '\n');
        let version = parts.next()?.strip_prefix(HEADER)?.trim().parse::<u32>().ok()?;
        let saved_ms = parts.next()?.parse::<u64>().ok()? as f64;
        let format = Format::from_code(parts.next()?)?;
        let (file, title) = (parts.next()?.to_string(), parts.next()?.to_string());
        let (blank, text) = (parts.next()?, parts.next().unwrap_or_default());
        (version == VERSION && blank.is_empty()).then(|| KeptDraft {
            slot: slot.to_string(),
            file,
            format,
            title,
            saved_ms,
            text: text.to_string(),
        })
    }
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
