//! One rule for the file names a manifest or a set gives, shared by the app, the trainer page and quizcheck.
//!
//! A name is fetched by the browser relative to the page (the manifest's sets) or to
//! questions/ (a set's source texts), and read from disk by quizcheck relative to the set. It
//! must stay below that folder: no `..` or `.` segment, no leading `/`, no `\`, no scheme or
//! drive (`:`), no query or fragment, no spaces or control characters, and no `%` at all, since
//! the browser would decode `%2e%2e` into `..` after any check of the text as written.

/// Whether `path` names a file below the folder it is relative to.
pub fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(['\\', ':', '?', '#', '%'])
        && !path.chars().any(|c| c.is_control() || c.is_whitespace())
        && path.split('/').all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}
