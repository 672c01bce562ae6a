//! Embedding, as data: the iframe URL's parameters, the app's config file, and the events a host page receives.

use crate::diagnostic::LineIndex;
use crate::i18n::Lang;
use crate::model::is_valid_id;
use crate::toml_doc::{self, Spanned, Value};
use crate::xapi::{basic_authorization, Learner, LrsConfig};

/// What the iframe URL asks for. Every field is optional; a bad value is reported, never guessed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedParams {
    /// `set`: the set to open at once.
    pub set: Option<String>,
    /// `count`: how many questions to ask.
    pub count: Option<usize>,
    /// `seed`: a fixed question order, so a training room all gets the same one.
    pub seed: Option<u64>,
    /// `lang`: ja or en.
    pub lang: Option<Lang>,
    /// `pass`: the pass mark in percent, replacing the set's own.
    pub pass_mark: Option<u8>,
    /// `embed=1`: no navigation of the app's own (header, set list links).
    pub embed: bool,
    /// `id`: tells apart two embeds of the same set; part of every storage key.
    pub embed_id: Option<String>,
    /// `origin`: a host page origin that may receive events, in addition to the config file's.
    pub origins: Vec<String>,
    /// `theme`: a stylesheet in themes/ to load over the default.
    pub theme: Option<String>,
    /// `learner`: the employee's name or staff account, from a host page that knows it, for the
    /// learning record store's statements.
    pub learner: Option<Learner>,
}

/// The parameters the iframe URL may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    Set,
    Count,
    Seed,
    Lang,
    Pass,
    Embed,
    Id,
    Origin,
    Theme,
    Learner,
    /// A name the app does not know (a typo such as `cuont`).
    Unknown,
}

impl Param {
    fn named(name: &str) -> Param {
        match name {
            "set" => Param::Set,
            "count" => Param::Count,
            "seed" => Param::Seed,
            "lang" => Param::Lang,
            "pass" => Param::Pass,
            "embed" => Param::Embed,
            "id" => Param::Id,
            "origin" => Param::Origin,
            "theme" => Param::Theme,
            "learner" => Param::Learner,
            _ => Param::Unknown,
        }
    }
}

/// A parameter the app could not use, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamProblem {
    pub name: String,
    pub value: String,
    pub param: Param,
    /// Given more than once: only one value can count, and the app does not pick one silently.
    pub repeated: bool,
}

impl ParamProblem {
    pub fn message(&self, lang: Lang) -> String {
        let (name, value) = (&self.name, &self.value);
        if self.repeated {
            return match lang {
                Lang::Ja => format!(
                    "埋め込みの設定 `{name}` が 2 回以上あります(`{name}={value}` など)。1 回だけ書いてください。"
                ),
                Lang::En => {
                    format!("The embed setting `{name}` is given more than once (`{name}={value}`, …). Give it once.")
                }
            };
        }
        let (ja, en) = match self.param {
            Param::Count => ("1 以上の整数", "a whole number of 1 or more"),
            Param::Seed => ("0 以上の整数", "a whole number of 0 or more"),
            Param::Lang => ("ja または en", "ja or en"),
            Param::Pass => ("0 から 100 までの整数", "a whole number from 0 to 100"),
            Param::Embed => ("1(埋め込み表示)または 0", "1 (embedded) or 0"),
            Param::Id | Param::Set | Param::Theme => {
                ("半角英数字・ハイフン・下線で 64 文字以内", "at most 64 ASCII letters, digits, - and _")
            }
            Param::Origin => ("https://ホスト名[:ポート] の形", "an origin of the form https://host[:port]"),
            Param::Learner => ("100 文字以内の名前または職員番号", "a name or staff number of at most 100 characters"),
            Param::Unknown => (
                "使えるパラメーター名(set, count, seed, lang, pass, embed, id, origin, theme, learner)",
                "a known parameter (set, count, seed, lang, pass, embed, id, origin, theme, learner)",
            ),
        };
        match lang {
            Lang::Ja => format!("埋め込みの設定 `{name}={value}` は使えません。{ja}にしてください。"),
            Lang::En => format!("The embed setting `{name}={value}` cannot be used. Use {en}."),
        }
    }
}

impl EmbedParams {
    /// Reads decoded query pairs (`URLSearchParams` order). Unknown names are reported too:
    /// a typo such as `cuont=5` would otherwise silently ask every question. A parameter that
    /// takes one value and is given twice (`set=A&set=B`) is reported rather than one picked.
    pub fn from_query(pairs: &[(String, String)]) -> (EmbedParams, Vec<ParamProblem>) {
        let mut p = EmbedParams::default();
        let mut problems = Vec::new();
        let mut seen: Vec<Param> = Vec::new();
        for (name, value) in pairs {
            let param = Param::named(name);
            let problem = |repeated| ParamProblem { name: name.clone(), value: value.clone(), param, repeated };
            if param != Param::Origin && param != Param::Unknown && seen.contains(&param) {
                problems.push(problem(true));
                continue;
            }
            seen.push(param);
            let ok = match param {
                Param::Set => set_if(&mut p.set, is_valid_id(value).then(|| value.clone())),
                Param::Count => set_if(&mut p.count, value.parse().ok().filter(|&n: &usize| n >= 1)),
                Param::Seed => set_if(&mut p.seed, value.parse().ok()),
                Param::Lang => set_if(&mut p.lang, Lang::from_code(value)),
                Param::Pass => set_if(&mut p.pass_mark, value.parse().ok().filter(|&n: &u8| n <= 100)),
                Param::Embed => match value.as_str() {
                    "1" | "" => {
                        p.embed = true;
                        true
                    }
                    "0" => true,
                    _ => false,
                },
                Param::Id => set_if(&mut p.embed_id, is_valid_id(value).then(|| value.clone())),
                Param::Origin => match normalize_origin(value) {
                    Some(o) => {
                        p.origins.push(o);
                        true
                    }
                    None => false,
                },
                Param::Theme => set_if(&mut p.theme, is_valid_id(value).then(|| value.clone())),
                Param::Learner => set_if(&mut p.learner, Learner::new(value)),
                Param::Unknown => false,
            };
            if !ok {
                problems.push(problem(false));
            }
        }
        (p, problems)
    }

    /// The prefix of every storage key of this page: embeds of the same set on two pages, or
    /// twice on one page with different `id`s, keep separate progress and history.
    pub fn storage_scope(&self, host_page: Option<&str>) -> String {
        match (&self.embed_id, self.embed, host_page) {
            (Some(id), _, _) => format!("credo-quiz.embed.{id}"),
            (None, true, Some(page)) => format!("credo-quiz.embed.{:08x}", fnv1a(page)),
            (None, true, None) => "credo-quiz.embed".into(),
            (None, false, _) => "credo-quiz".into(),
        }
    }
}

fn set_if<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let ok = value.is_some();
    if ok {
        *slot = value;
    }
    ok
}

/// A stable short hash of the host page, for storage keys. Not security: just a name.
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// `https://portal.example.lg.jp/` → `https://portal.example.lg.jp`; anything that is not a
/// plain http(s) origin (a path, a wildcard, `null`) is refused: messages go to exact origins only.
pub fn normalize_origin(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('/');
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"))?;
    let host_ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':' || b == b'[' || b == b']');
    // Browsers write origins without their scheme's default port; so must we, or it never matches.
    let origin = text.to_ascii_lowercase();
    let origin = match origin.strip_suffix(":443").filter(|o| o.starts_with("https://")) {
        Some(o) => o.to_string(),
        None => match origin.strip_suffix(":80").filter(|o| o.starts_with("http://")) {
            Some(o) => o.to_string(),
            None => origin,
        },
    };
    host_ok.then_some(origin)
}

/// The app's own config file (config.toml beside index.html): embedding, and the learning
/// record store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppConfig {
    /// Host page origins allowed to receive events and size the frame.
    pub allowed_origins: Vec<String>,
    /// `[xapi]`: where to send statements; none, and nothing is sent anywhere.
    pub xapi: Option<LrsConfig>,
}

/// Reads config.toml. Problems come back as plain strings for a notice; the config is
/// optional, so a broken one leaves the quiz working and only event delivery or the LRS limited.
pub fn parse_config(text: &str) -> (AppConfig, Vec<String>) {
    let (root, errors) = toml_doc::parse(text);
    let mut config = AppConfig::default();
    // After an error the reader goes on at the next line, which may lie inside a broken string:
    // a config with syntax errors is not applied at all, only reported.
    if !errors.is_empty() {
        let index = LineIndex::new(text);
        let problems = errors
            .iter()
            .map(|e| {
                let (line, column) = index.position(e.span.start);
                format!("config.toml:{line}:{column}: {}", e.message)
            })
            .collect();
        return (config, problems);
    }
    let mut problems = Vec::new();
    let table = |name: &str| match root.get_ref().get(name).map(Spanned::get_ref) {
        Some(Value::Table(t)) => Some(t),
        _ => None,
    };
    if let Some(embed) = table("embed") {
        if let Some(list) = embed.get("allowed_origins") {
            match list.get_ref() {
                Value::Array(items, _) => {
                    for item in items.iter() {
                        match item.get_ref() {
                            Value::String(s) => match normalize_origin(s) {
                                Some(o) => config.allowed_origins.push(o),
                                None => problems.push(format!("config.toml: allowed_origins: `{s}`")),
                            },
                            _ => problems.push("config.toml: allowed_origins: strings only".into()),
                        }
                    }
                }
                _ => problems.push("config.toml: allowed_origins must be an array".into()),
            }
        }
    }
    if let Some(xapi) = table("xapi") {
        let text = |name: &str| match xapi.get(name).map(Spanned::get_ref) {
            Some(Value::String(s)) => Some(s.trim().to_string()),
            _ => None,
        };
        let authorization = match (text("authorization"), text("username"), text("password")) {
            (Some(header), _, _) => Some(header),
            (None, Some(user), Some(password)) => Some(basic_authorization(&user, &password)),
            (None, None, None) => None,
            _ => {
                problems.push("config.toml: [xapi] needs both username and password (or authorization)".into());
                None
            }
        };
        match text("endpoint").filter(|e| is_endpoint(e)) {
            Some(endpoint) => {
                let endpoint = if endpoint.ends_with('/') { endpoint } else { format!("{endpoint}/") };
                let account_home = text("account_home").unwrap_or_default();
                config.xapi = Some(LrsConfig { endpoint, authorization, account_home });
            }
            None => problems.push(
                "config.toml: [xapi] endpoint must be the LRS's xAPI address (https://… or /…), as a string".into(),
            ),
        }
    }
    (config, problems)
}

/// An absolute http(s) address or a path on the quiz's own server (not `//host/`, which is
/// another server), with no spaces, quotes, query or fragment (the statements' path follows it).
fn is_endpoint(text: &str) -> bool {
    let plain = !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control() || "\"?#".contains(c));
    let path = text.starts_with('/') && !text.starts_with("//");
    plain && (text.starts_with("https://") || text.starts_with("http://") || path)
}

/// What the host page is told, through postMessage.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    Started {
        set_id: String,
        total: usize,
    },
    Answered {
        set_id: String,
        question_id: String,
        /// The option value chosen (a principle's id for a scenario).
        chosen: String,
        correct: bool,
        position: usize,
        total: usize,
    },
    Completed {
        set_id: String,
        score: usize,
        max: usize,
        percent: u8,
        passed: bool,
        by_principle: Vec<PrincipleResult>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrincipleResult {
    /// `None` for questions tied to no principle.
    pub principle: Option<String>,
    pub label: String,
    pub correct: usize,
    pub total: usize,
}

impl HostEvent {
    pub fn set_id(&self) -> &str {
        match self {
            HostEvent::Started { set_id, .. }
            | HostEvent::Answered { set_id, .. }
            | HostEvent::Completed { set_id, .. } => set_id,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Started { .. } => "started",
            HostEvent::Answered { .. } => "answered",
            HostEvent::Completed { .. } => "completed",
        }
    }
}
