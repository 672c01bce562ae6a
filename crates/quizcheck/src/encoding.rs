//! Text files as trainers save them: UTF-8 with or without a byte-order mark, or Excel's Shift_JIS (CP932).
//!
//! Native only: the command line reads bytes from disk. In the browser the platform's
//! `TextDecoder` does the same job at no bundle cost.

/// Decodes a file without asking what it is: a byte-order mark decides (UTF-8, or UTF-16 as
/// Excel's "Unicode text" writes), then valid UTF-8 is taken as UTF-8, and anything else is
/// read as Shift_JIS, which `encoding_rs` implements as Windows' CP932 (Excel's "CSV (コンマ区切り)").
/// The mark itself is dropped; bytes that fit no character become U+FFFD.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes).0.into_owned(),
    }
}
