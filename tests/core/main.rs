//! Native tests of the pure core: one binary, one module per area, each with one `check` helper.

mod content;
mod draft;
mod csv;
mod embed;
mod engine;
mod gift;
mod manifest;
mod parse;
mod records;
mod results;
mod review;
mod toml_out;

/// A small valid set the tests edit. Kept in one place so each test states only what it changes.
pub const VALID: &str = r#"
id = "demo"
title = "デモ"
pass_mark = 60

[source]
office = "前橋市"
title = "前橋市職員クレド"

[[principles]]
id = "shimin"
label = "市民目線を追求します"
summary = "市民の立場で考える。"

[[principles]]
id = "team"
label = "チームで知恵と力を出し合います"
summary = "所管を越えて協力する。"

[[questions]]
id = "q1"
kind = "scenario"
difficulty = "初級"
text = "窓口で、制度の説明を相手の言葉に置き換えた。"
answer = "shimin"
explanation = "相手の立場に立っている。"
quote = "市民目線を問い続けましょう。"

[[questions]]
id = "q2"
kind = "choice"
difficulty = "中級"
text = "策定はいつですか。"
options = ["令和6年12月", "令和7年2月"]
answer = "令和6年12月"
explanation = "令和6年12月に策定された。"
quote = "令和6年12月"
"#;
