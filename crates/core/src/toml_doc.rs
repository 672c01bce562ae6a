//! TOML 1.0 text to a document tree that keeps the byte range of every key and value: what the set and config readers walk.
//!
//! Written here rather than taken from the toml crate because that crate (with its serde layer,
//! lexer and winnow) was a tenth of the employee's download. It accepts exactly TOML 1.0 (the
//! toml-test suite's valid and invalid files are its tests) and reports every syntax error with
//! its place; after an error it resumes at the next line (in a broken table header, at the next
//! header), so one typo does not hide the next. Numbers other than integers and date-times are
//! kept as written: nothing reads them, and float parsing would cost the download 10 KB.

use std::ops::Range;

/// A value or key with where it is written (byte offsets into the text).
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    span: Range<usize>,
    value: T,
}

impl<T> Spanned<T> {
    pub fn new(span: Range<usize>, value: T) -> Spanned<T> {
        Spanned { span, value }
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    /// As written (validated).
    Float(String),
    Boolean(bool),
    /// Offset or local date-time, local date or local time, as written (validated).
    Datetime(String),
    /// `[..]` (static) or the tables of `[[..]]` headers.
    Array(Vec<Spanned<Value>>, ArrayKind),
    Table(Table),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayKind {
    /// `key = [..]`: complete as written.
    Static,
    /// Made by `[[key]]` headers, which may add to it.
    OfTables,
}

/// A table's entries in the order written.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    entries: Vec<(Spanned<String>, Spanned<Value>)>,
    kind: TableKind,
}

/// How a table came to be, which decides what may still add to it (TOML 1.0, "Table").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableKind {
    /// Named on the way to another header's table (`a` of `[a.b]`): a header may still define it.
    Implicit,
    /// Defined by its own header (or the root): no second header.
    Header,
    /// Made by a dotted key (`a.b = 1`): more dotted keys of its section may add to it, no header.
    Dotted,
    /// `{ .. }`: complete as written.
    Inline,
}

impl Table {
    fn new(kind: TableKind) -> Table {
        Table { entries: Vec::new(), kind }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, (Spanned<String>, Spanned<Value>)> {
        self.entries.iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn get(&self, key: &str) -> Option<&Spanned<Value>> {
        self.entries.iter().find(|(k, _)| k.value == key).map(|(_, v)| v)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Spanned<Value>> {
        self.entries.iter_mut().find(|(k, _)| k.value == key).map(|(_, v)| v)
    }
}

/// A place the text is not TOML, with the parser's message (English; `SyntaxCause` names the
/// common ones for the author in their language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Range<usize>,
    pub message: &'static str,
}

pub const DUPLICATE_KEY: &str = "duplicate key";
pub const UNQUOTED: &str = "string values must be quoted";
pub const UNCLOSED_STRING: &str = "invalid basic string, expected `\"`";
pub const UNCLOSED_LITERAL: &str = "invalid literal string, expected `'`";
pub const UNCLOSED_MULTILINE: &str = "invalid multi-line string, expected `\"\"\"` or `'''`";
pub const NO_EQUALS: &str = "key with no value, expected `=`";
pub const UNCLOSED_HEADER: &str = "unclosed table, expected `]`";
pub const UNCLOSED_ARRAY: &str = "invalid array, expected `,` or `]`";

type Parse<T> = Result<T, SyntaxError>;

/// The document's root table (its span starts at 0), and every syntax error; with errors, the
/// tree holds only what came before and between them.
pub fn parse(text: &str) -> (Spanned<Table>, Vec<SyntaxError>) {
    let mut p = Parser { s: text.as_bytes(), text, at: 0, depth: 0 };
    let mut root = Table::new(TableKind::Header);
    let mut errors = Vec::new();
    // The keys of the table key/values go into (for `[[..]]`, its last table); `None` after a
    // broken header, so its lines are not read into the table before it.
    let mut current: Option<Vec<String>> = Some(Vec::new());
    loop {
        p.skip_blank();
        p.depth = 0;
        let Some(b) = p.peek() else { break };
        let step = match b {
            b'\n' | b'\r' | b'#' => p.end_of_line(),
            b'[' => {
                let header = p.header(&mut root);
                current = header.as_ref().ok().cloned();
                header.and_then(|_| p.end_of_line())
            }
            _ => match &current {
                Some(keys) => p.key_value_line(&mut root, keys),
                None => p.skip_line(),
            },
        };
        if let Err(e) = step {
            errors.push(e);
            p.skip_line().ok();
        }
    }
    (Spanned::new(0..text.len(), root), errors)
}

struct Parser<'t> {
    s: &'t [u8],
    text: &'t str,
    at: usize,
    /// Arrays and inline tables open around the value being read.
    depth: u32,
}

/// Deeper nesting is refused, not followed: each level is a call, and a text of 100,000 `[`
/// would overflow the stack (the toml crate refuses it too).
const MAX_DEPTH: u32 = 100;

fn error<T>(span: Range<usize>, message: &'static str) -> Parse<T> {
    Err(SyntaxError { span, message })
}

/// TOML 1.0 forbids control characters other than tab, outside of newlines.
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

fn is_bare_key(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.s.get(self.at + ahead).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.at += usize::from(found);
        found
    }

    fn starts(&self, with: &str) -> bool {
        self.s[self.at..].starts_with(with.as_bytes())
    }

    fn here(&self, message: &'static str) -> SyntaxError {
        SyntaxError { span: self.at..self.at + 1, message }
    }

    fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// Blanks, newlines and comments, as between an array's values.
    fn skip_blank_lines(&mut self) -> Parse<()> {
        loop {
            self.skip_blank();
            match self.peek() {
                Some(b'\n' | b'\r' | b'#') => self.end_of_line()?,
                _ => return Ok(()),
            }
        }
    }

    /// What may end a line: blanks, a comment, then a newline or the end.
    fn end_of_line(&mut self) -> Parse<()> {
        self.skip_blank();
        if self.eat(b'#') {
            while let Some(b) = self.peek() {
                if b == b'\n' || b == b'\r' {
                    break;
                }
                if is_control(b) {
                    return Err(self.here("control characters are not allowed in comments"));
                }
                self.at += 1;
            }
        }
        if self.eat(b'\n') || self.peek().is_none() || (self.eat(b'\r') && self.eat(b'\n')) {
            return Ok(());
        }
        Err(self.here("expected newline or `#` after a value"))
    }

    fn skip_line(&mut self) -> Parse<()> {
        while let Some(b) = self.peek() {
            self.at += 1;
            if b == b'\n' {
                break;
            }
        }
        Ok(())
    }

    /// `[a.b]` or `[[a.b]]`; gives the keys of the table that key/values now go into.
    fn header(&mut self, root: &mut Table) -> Parse<Vec<String>> {
        let start = self.at;
        let of_tables = self.starts("[[");
        self.at += 1 + usize::from(of_tables);
        self.skip_blank();
        let keys = self.dotted_key()?;
        self.skip_blank();
        if !self.eat(b']') || (of_tables && !self.eat(b']')) {
            return Err(self.here(UNCLOSED_HEADER));
        }
        let span = start..self.at;
        let (last, path) = keys.split_last().ok_or_else(|| self.here(UNCLOSED_HEADER))?;
        let mut table = root;
        for key in path {
            table = descend(table, key, true)?;
        }
        match table.get_mut(&last.value) {
            None if of_tables => {
                let first = Spanned::new(span.clone(), Value::Table(Table::new(TableKind::Header)));
                table.entries.push((last.clone(), Spanned::new(span, Value::Array(vec![first], ArrayKind::OfTables))));
            }
            None => table.entries.push((last.clone(), Spanned::new(span, Value::Table(Table::new(TableKind::Header))))),
            Some(Spanned { value: Value::Array(items, ArrayKind::OfTables), .. }) if of_tables => {
                items.push(Spanned::new(span, Value::Table(Table::new(TableKind::Header))));
            }
            Some(found) => match &mut found.value {
                Value::Table(t) if !of_tables && t.kind == TableKind::Implicit => {
                    t.kind = TableKind::Header;
                    found.span = span;
                }
                _ => return error(last.span(), DUPLICATE_KEY),
            },
        }
        Ok(keys.into_iter().map(Spanned::into_inner).collect())
    }

    /// `key = value` and the end of its line, into the table `keys` name.
    fn key_value_line(&mut self, root: &mut Table, keys: &[String]) -> Parse<()> {
        let mut table = root;
        for key in keys {
            // The header made these: each is a table, or an array of tables ending in one.
            table = match table.get_mut(key).map(|v| &mut v.value) {
                Some(Value::Table(t)) => t,
                Some(Value::Array(items, _)) => match items.last_mut().map(|v| &mut v.value) {
                    Some(Value::Table(t)) => t,
                    _ => return Err(self.here(DUPLICATE_KEY)),
                },
                _ => return Err(self.here(DUPLICATE_KEY)),
            };
        }
        self.key_value(table)?;
        self.end_of_line()
    }

    /// `a.b = value` into `table`, making the dotted key's tables.
    fn key_value(&mut self, table: &mut Table) -> Parse<()> {
        let keys = self.dotted_key()?;
        self.skip_blank();
        if !self.eat(b'=') {
            return Err(self.here(NO_EQUALS));
        }
        self.skip_blank();
        let value = self.value()?;
        let (last, path) = keys.split_last().ok_or_else(|| self.here(NO_EQUALS))?;
        let mut table = table;
        for key in path {
            table = descend(table, key, false)?;
        }
        if table.get(&last.value).is_some() {
            return error(last.span(), DUPLICATE_KEY);
        }
        table.entries.push((last.clone(), value));
        Ok(())
    }

    fn dotted_key(&mut self) -> Parse<Vec<Spanned<String>>> {
        let mut keys = vec![self.key()?];
        loop {
            let before = self.at;
            self.skip_blank();
            if !self.eat(b'.') {
                self.at = before;
                return Ok(keys);
            }
            self.skip_blank();
            keys.push(self.key()?);
        }
    }

    fn key(&mut self) -> Parse<Spanned<String>> {
        let start = self.at;
        let key = match self.peek() {
            Some(b'"') if !self.starts("\"\"\"") => self.basic_string()?,
            Some(b'\'') if !self.starts("'''") => self.literal_string()?,
            _ => {
                while self.peek().is_some_and(is_bare_key) {
                    self.at += 1;
                }
                if self.at == start {
                    return Err(self.here("invalid unquoted key, expected letters, numbers, `-`, `_`"));
                }
                self.text[start..self.at].to_string()
            }
        };
        Ok(Spanned::new(start..self.at, key))
    }

    fn value(&mut self) -> Parse<Spanned<Value>> {
        let start = self.at;
        let value = match self.peek() {
            Some(b'"') if self.starts("\"\"\"") => Value::String(self.multiline_string(b'"')?),
            Some(b'"') => Value::String(self.basic_string()?),
            Some(b'\'') if self.starts("'''") => Value::String(self.multiline_string(b'\'')?),
            Some(b'\'') => Value::String(self.literal_string()?),
            Some(b'[') => self.array()?,
            Some(b'{') => self.inline_table()?,
            Some(b't') if self.keyword("true") => Value::Boolean(true),
            Some(b'f') if self.keyword("false") => Value::Boolean(false),
            Some(b'0'..=b'9' | b'+' | b'-' | b'i' | b'n') => self.number_or_datetime()?,
            _ => return Err(self.here(UNQUOTED)),
        };
        Ok(Spanned::new(start..self.at, value))
    }

    fn keyword(&mut self, word: &str) -> bool {
        let found = self.starts(word) && !self.peek_at(word.len()).is_some_and(is_bare_key);
        if found {
            self.at += word.len();
        }
        found
    }

    /// One level deeper for an array or inline table; an error past `MAX_DEPTH`.
    fn enter(&mut self) -> Parse<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.here("arrays and inline tables are nested too deeply"));
        }
        Ok(())
    }

    fn array(&mut self) -> Parse<Value> {
        self.enter()?;
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank_lines()?;
            if self.eat(b']') {
                self.depth -= 1;
                return Ok(Value::Array(items, ArrayKind::Static));
            }
            // A key where a value should be: the `]` before it is missing.
            let item = self.value().map_err(|e| match e.message {
                UNQUOTED => SyntaxError { message: UNCLOSED_ARRAY, ..e },
                _ => e,
            });
            items.push(item?);
            self.skip_blank_lines()?;
            if !self.eat(b',') {
                self.skip_blank_lines()?;
                return if self.eat(b']') {
                    self.depth -= 1;
                    Ok(Value::Array(items, ArrayKind::Static))
                } else {
                    Err(self.here(UNCLOSED_ARRAY))
                };
            }
        }
    }

    /// `{ a = 1, b.c = 2 }` on one line, no trailing comma (TOML 1.0).
    fn inline_table(&mut self) -> Parse<Value> {
        self.enter()?;
        self.at += 1;
        let mut table = Table::new(TableKind::Dotted);
        self.skip_blank();
        if !self.eat(b'}') {
            loop {
                self.skip_blank();
                self.key_value(&mut table)?;
                self.skip_blank();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.here("invalid inline table, expected `,` or `}`"));
                }
            }
        }
        table.kind = TableKind::Inline;
        self.depth -= 1;
        Ok(Value::Table(table))
    }

    fn basic_string(&mut self) -> Parse<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while self.peek().is_some_and(|b| b != b'"' && b != b'\\' && !is_control(b)) {
                self.at += 1;
            }
            out.push_str(&self.text[run..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(b'\n' | b'\r') | None => return Err(self.here(UNCLOSED_STRING)),
                Some(_) => return Err(self.here("control characters are not allowed in strings")),
            }
        }
    }

    fn literal_string(&mut self) -> Parse<String> {
        self.at += 1;
        let run = self.at;
        while self.peek().is_some_and(|b| b != b'\'' && !is_control(b)) {
            self.at += 1;
        }
        match self.peek() {
            Some(b'\'') => {
                self.at += 1;
                Ok(self.text[run..self.at - 1].to_string())
            }
            Some(b'\n' | b'\r') | None => Err(self.here(UNCLOSED_LITERAL)),
            Some(_) => Err(self.here("control characters are not allowed in strings")),
        }
    }

    /// `"""…"""` (escapes, and `\` at a line's end joins lines) or `'''…'''` (as written).
    fn multiline_string(&mut self, quote: u8) -> Parse<String> {
        // Unclosed, it runs to the end of the file: the author looks for its opening.
        let open = self.at;
        self.at += 3;
        // A newline right after the opening delimiter is not part of the string.
        if !self.eat(b'\n') && self.starts("\r\n") {
            self.at += 2;
        }
        let mut out = String::new();
        // A bad escape or character inside is reported once the string has been read to its end,
        // so the lines after it are not read as keys.
        let mut wrong: Option<SyntaxError> = None;
        loop {
            let run = self.at;
            while self.peek().is_some_and(|b| b != quote && !(quote == b'"' && b == b'\\') && !is_control(b)) {
                self.at += 1;
            }
            out.push_str(&self.text[run..self.at]);
            match self.peek() {
                Some(q) if q == quote => {
                    let mut n = 0;
                    while self.peek_at(n) == Some(quote) {
                        n += 1;
                    }
                    if n >= 3 {
                        // Up to two quotes may stand just before the closing three.
                        if n > 5 {
                            return Err(self.here("too many quotes at the end of a multi-line string"));
                        }
                        out.extend(std::iter::repeat_n(char::from(quote), n - 3));
                        self.at += n;
                        return wrong.map_or(Ok(out), Err);
                    }
                    out.extend(std::iter::repeat_n(char::from(quote), n));
                    self.at += n;
                }
                Some(b'\\') => {
                    // A line-ending backslash: the newline and the blanks after it go.
                    let mut ahead = 1;
                    while matches!(self.peek_at(ahead), Some(b' ' | b'\t')) {
                        ahead += 1;
                    }
                    if matches!(self.peek_at(ahead), Some(b'\n')) || self.s[self.at + ahead..].starts_with(b"\r\n") {
                        self.at += ahead;
                        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n'))
                            || (self.peek() == Some(b'\r') && self.peek_at(1) == Some(b'\n'))
                        {
                            self.at += 1;
                        }
                    } else {
                        let backslash = self.at;
                        match self.escape() {
                            Ok(c) => out.push(c),
                            Err(e) => {
                                // Read on just after the backslash: a character boundary.
                                wrong.get_or_insert(e);
                                self.at = backslash + 1;
                            }
                        }
                    }
                }
                Some(b'\n') => {
                    out.push('\n');
                    self.at += 1;
                }
                Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                    out.push_str("\r\n");
                    self.at += 2;
                }
                None => return error(open..open + 3, UNCLOSED_MULTILINE),
                Some(_) => {
                    wrong.get_or_insert(self.here("control characters are not allowed in strings"));
                    self.at += 1;
                }
            }
        }
    }

    /// `\n`, `\"`, `\u3042` … at the backslash.
    fn escape(&mut self) -> Parse<char> {
        let start = self.at;
        self.at += 2;
        let c = match self.s.get(start + 1) {
            Some(b'b') => '\u{8}',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'f') => '\u{c}',
            Some(b'r') => '\r',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(&u @ (b'u' | b'U')) => {
                let digits = if u == b'u' { 4 } else { 8 };
                let hex = self.text.get(self.at..self.at + digits).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                let c = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
                self.at += digits;
                c.ok_or(SyntaxError { span: start..self.at, message: "invalid unicode escape" })?
            }
            _ => return error(start..start + 2, "invalid escape sequence"),
        };
        Ok(c)
    }

    /// An integer, a float or a date-time: the run of characters they may hold, then checked.
    fn number_or_datetime(&mut self) -> Parse<Value> {
        let start = self.at;
        let token = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b':');
        while self.peek().is_some_and(token) {
            self.at += 1;
        }
        // A date and a time may be separated by a space.
        if self.at - start == 10 && self.peek() == Some(b' ') && self.peek_at(3) == Some(b':') {
            self.at += 1;
            while self.peek().is_some_and(token) {
                self.at += 1;
            }
        }
        let span = start..self.at;
        let text = &self.text[span.clone()];
        let bytes = text.as_bytes();
        // A date starts with four digits and `-`, a time with two and `:` (`1.5e-3` is neither).
        let digits_then = |n: usize, sep: u8| bytes.get(n) == Some(&sep) && bytes[..n].iter().all(u8::is_ascii_digit);
        if digits_then(4, b'-') || digits_then(2, b':') {
            return if is_datetime(text) {
                Ok(Value::Datetime(text.to_string()))
            } else {
                error(span, "invalid date-time")
            };
        }
        if let Some(n) = integer(text) {
            return Ok(Value::Integer(n));
        }
        if is_float(text) {
            return Ok(Value::Float(text.to_string()));
        }
        let message = if text.bytes().all(|b| b.is_ascii_digit() || b == b'_' || b == b'+' || b == b'-') {
            "invalid integer"
        } else if bytes[0].is_ascii_digit() || bytes[0] == b'+' || bytes[0] == b'-' {
            "invalid number"
        } else {
            UNQUOTED
        };
        error(span, message)
    }
}

/// The table `key` names in `table`, made when missing: by a header's path (`[a.b]`'s `a`) or a
/// dotted key. Entering a table that cannot be added to is a duplicate key.
fn descend<'a>(table: &'a mut Table, key: &Spanned<String>, for_header: bool) -> Parse<&'a mut Table> {
    if table.get(&key.value).is_none() {
        let kind = if for_header { TableKind::Implicit } else { TableKind::Dotted };
        table.entries.push((key.clone(), Spanned::new(key.span(), Value::Table(Table::new(kind)))));
    }
    let found = table.get_mut(&key.value).map(|v| &mut v.value);
    match found {
        Some(Value::Table(t)) if t.kind == TableKind::Dotted || (for_header && t.kind != TableKind::Inline) => Ok(t),
        Some(Value::Array(items, ArrayKind::OfTables)) if for_header => match items.last_mut().map(|v| &mut v.value) {
            Some(Value::Table(t)) => Ok(t),
            _ => error(key.span(), DUPLICATE_KEY),
        },
        _ => error(key.span(), DUPLICATE_KEY),
    }
}

/// Digits with single underscores between them, from `digit`.
fn digits(text: &str, digit: fn(u8) -> bool) -> bool {
    let b = text.as_bytes();
    !b.is_empty()
        && digit(b[0])
        && digit(b[b.len() - 1])
        && b.windows(2).all(|w| (digit(w[0]) || w[0] == b'_') && (digit(w[1]) || (w[1] == b'_' && w[0] != b'_')))
}

fn decimal(text: &str) -> bool {
    digits(text, |b| b.is_ascii_digit()) && (text == "0" || !text.starts_with('0'))
}

/// A TOML integer within i64: decimal with an optional sign and no leading zero, or unsigned
/// `0x`, `0o`, `0b`.
fn integer(text: &str) -> Option<i64> {
    let (radix, body, digit): (u32, &str, fn(u8) -> bool) = match text.get(..2) {
        Some("0x") => (16, &text[2..], |b| b.is_ascii_hexdigit()),
        Some("0o") => (8, &text[2..], |b| (b'0'..=b'7').contains(&b)),
        Some("0b") => (2, &text[2..], |b| b == b'0' || b == b'1'),
        _ => {
            let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
            return decimal(unsigned).then(|| text.replace('_', "").parse().ok()).flatten();
        }
    };
    digits(body, digit).then(|| i64::from_str_radix(&body.replace('_', ""), radix).ok()).flatten()
}

fn is_float(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if unsigned == "inf" || unsigned == "nan" {
        return true;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e), |b| b.is_ascii_digit()));
    (fraction.is_some() || exponent.is_some())
        && decimal(whole)
        && fraction.is_none_or(|f| digits(f, |b| b.is_ascii_digit()))
        && exponent_ok
}

/// `1979-05-27T07:32:00Z`, `1979-05-27 07:32:00.999-07:00`, `1979-05-27`, `07:32:00` (RFC 3339,
/// as TOML 1.0 allows it).
fn is_datetime(text: &str) -> bool {
    let b = text.as_bytes();
    let two = |i: usize| -> Option<u32> {
        let d = b.get(i..i + 2)?;
        d.iter().all(u8::is_ascii_digit).then(|| u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
    };
    let time = |i: usize| -> Option<usize> {
        let ok = two(i)? < 24 && b.get(i + 2) == Some(&b':') && two(i + 3)? < 60 && b.get(i + 5) == Some(&b':');
        let ok = ok && two(i + 6)? <= 60;
        let mut end = i + 8;
        if ok && b.get(end) == Some(&b'.') {
            let digits = b[end + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            end = if digits > 0 { end + 1 + digits } else { return None };
        }
        ok.then_some(end)
    };
    if two(0).is_some() && b.get(2) == Some(&b':') {
        return time(0) == Some(b.len());
    }
    let date = || -> Option<()> {
        let year = two(0)? * 100 + two(2)?;
        let (month, day) = (two(5)?, two(8)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let ok = b.get(7) == Some(&b'-') && (1..=12).contains(&month) && day >= 1 && day <= days[month as usize - 1];
        ok.then_some(())
    };
    if date().is_none() {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return false;
    }
    let Some(end) = time(11) else { return false };
    match &text[end..] {
        "" | "Z" | "z" => true,
        offset => {
            let o = offset.as_bytes();
            o.len() == 6
                && matches!(o[0], b'+' | b'-')
                && o[3] == b':'
                && two(end + 1).is_some_and(|h| h < 24)
                && two(end + 4).is_some_and(|m| m < 60)
        }
    }
}
