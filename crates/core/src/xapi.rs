//! xAPI (Experience API 1.0.3) statements for the organisation's learning record store, as text: what an attempt's events become, the LRS's settings, the learner and statement ids.
//!
//! Statements are written by hand, like the result file, because serde_json would add a sixth to
//! the employee's download. A statement is made here without its actor (`Statement::body`);
//! web/report.js writes the learner into it as it enters the outbox (or, made before a name was
//! given, when it is given on that page), never at sending time, so results waiting on a shared PC
//! are never sent under the next employee's name.

use crate::certificate::content_hash;
use crate::embed::HostEvent;
use crate::i18n::Lang;
use crate::model::{Question, QuestionKind, QuestionSet};
use crate::result_file::string;

/// `[xapi]` in config.toml: where statements go and the credentials the LRS issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LrsConfig {
    /// The LRS's xAPI base, ending in `/` (`https://lrs.example.lg.jp/xAPI/`, or `/xAPI/` behind
    /// the same server as the quiz).
    pub endpoint: String,
    /// The `Authorization` header's value (`Basic …`), when the LRS asks for one.
    pub authorization: Option<String>,
    /// The `homePage` of the learner's account: the system their name or staff number belongs
    /// to. Empty: the quiz's origin.
    pub account_home: String,
}

/// `Basic <base64(username:password)>`, as RFC 7617 writes it.
pub fn basic_authorization(username: &str, password: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{username}:{password}").into_bytes();
    let mut out = String::from("Basic ");
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]) } else { '=' });
        }
    }
    out
}

/// Who the statements are about: a name or staff number the employee typed once, or that the
/// embedding page passed (`learner=`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Learner(String);

impl Learner {
    /// Trimmed; refused when empty, longer than 100 characters or holding control characters.
    pub fn new(text: &str) -> Option<Learner> {
        let text = text.trim();
        let ok = !text.is_empty() && text.chars().count() <= 100 && !text.chars().any(char::is_control);
        ok.then(|| Learner(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A statement in the outbox: its id (a UUID, so a resend is harmless: the LRS keeps one) and
/// its JSON without the actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub id: String,
    pub body: String,
}

/// Where and when the statements of one event are made.
pub struct Occasion<'a> {
    /// The IRI every activity id starts with: the quiz's address (`https://intranet/quiz/`).
    pub activity_base: &'a str,
    /// The attempt's registration (a UUID), the same for all its statements.
    pub registration: &'a str,
    pub lang: Lang,
    /// ISO 8601 with offset (`result_file::iso_local`).
    pub timestamp: &'a str,
}

const ADL_VERBS: &str = "http://adlnet.gov/expapi/verbs/";
const ADL_ACTIVITIES: &str = "http://adlnet.gov/expapi/activities/";

/// The set as an activity: its id and content hash, so results of an edited set are told apart.
fn set_activity_id(activity_base: &str, set: &QuestionSet) -> String {
    format!("{activity_base}sets/{}/{:016x}", set.id(), content_hash(set))
}

/// The statements `event` makes: attempted; answered; completed and then passed or failed.
/// `new_id` gives a fresh UUID for each.
pub fn statements(
    event: &HostEvent,
    set: &QuestionSet,
    at: &Occasion,
    new_id: &mut dyn FnMut() -> String,
) -> Vec<Statement> {
    let set_id = set_activity_id(at.activity_base, set);
    let lang = language_tag(at.lang);
    let set_object = format!(
        r#"{{"objectType":"Activity","id":{},"definition":{{"type":"{ADL_ACTIVITIES}assessment","name":{{"{lang}":{}}},"description":{{"{lang}":{}}}}}}}"#,
        string(&set_id),
        string(set.title()),
        string(&format!("{} {}", set.source().office, set.source().title)),
    );
    let context = |parent: bool| {
        let parent = if parent {
            format!(r#","contextActivities":{{"parent":[{{"id":{}}}]}}"#, string(&set_id))
        } else {
            String::new()
        };
        format!(r#""context":{{"registration":"{}","language":"{lang}"{parent}}}"#, at.registration)
    };
    let statement = |new_id: &mut dyn FnMut() -> String, verb: &str, object: &str, result: Option<String>, parent| {
        let id = new_id();
        let result = result.map(|r| format!(r#""result":{r},"#)).unwrap_or_default();
        let body = format!(
            r#"{{"id":"{id}","verb":{{"id":"{ADL_VERBS}{verb}","display":{{"en-US":"{verb}"}}}},"object":{object},{result}{},"timestamp":"{}"}}"#,
            context(parent),
            at.timestamp
        );
        Statement { id, body }
    };
    match event {
        HostEvent::Started { .. } => vec![statement(new_id, "attempted", &set_object, None, false)],
        HostEvent::Answered { question_id, chosen, correct, .. } => {
            let Some(question) = set.question(question_id) else { return Vec::new() };
            let object = interaction(&set_id, set, question, lang);
            let result = format!(r#"{{"response":{},"success":{correct}}}"#, string(&choice_id(question, chosen)));
            vec![statement(new_id, "answered", &object, Some(result), true)]
        }
        HostEvent::Completed { score, max, passed, by_principle, .. } => {
            let principles: Vec<String> = by_principle
                .iter()
                .map(|p| {
                    format!(
                        r#"{{"principle":{},"label":{},"correct":{},"total":{}}}"#,
                        p.principle.as_deref().map_or_else(|| "null".into(), string),
                        string(&p.label),
                        p.correct,
                        p.total
                    )
                })
                .collect();
            let score = format!(r#""score":{{"scaled":{},"raw":{score},"min":0,"max":{max}}}"#, scaled(*score, *max));
            let extensions = format!(
                r#""extensions":{{{}:[{}]}}"#,
                string(&format!("{}extensions/by-principle", at.activity_base)),
                principles.join(",")
            );
            let completed = format!(r#"{{{score},"completion":true,{extensions}}}"#);
            let judged = format!(r#"{{{score},"success":{passed},"completion":true,{extensions}}}"#);
            let verdict = if *passed { "passed" } else { "failed" };
            vec![
                statement(new_id, "completed", &set_object, Some(completed), false),
                statement(new_id, verdict, &set_object, Some(judged), false),
            ]
        }
    }
}

/// A question as a `choice` interaction: the options as choices, the answer as the correct
/// response pattern.
fn interaction(set_id: &str, set: &QuestionSet, question: &Question, lang: &str) -> String {
    let choices: Vec<String> = question
        .options
        .iter()
        .map(|o| {
            format!(
                r#"{{"id":{},"description":{{"{lang}":{}}}}}"#,
                string(&choice_id(question, o)),
                string(set.option_label(question, o))
            )
        })
        .collect();
    format!(
        r#"{{"objectType":"Activity","id":{},"definition":{{"type":"{ADL_ACTIVITIES}cmi.interaction","name":{{"{lang}":{}}},"description":{{"{lang}":{}}},"interactionType":"choice","correctResponsesPattern":[{}],"choices":[{}]}}}}"#,
        string(&format!("{set_id}/questions/{}", question.id)),
        string(&question.id),
        string(&question.text),
        string(&choice_id(question, &question.answer)),
        choices.join(","),
    )
}

/// A choice's id: the principle's id for a scenario, `option-N` (from 1) for a question of fact,
/// whose options are free text.
fn choice_id(question: &Question, value: &str) -> String {
    match question.kind {
        QuestionKind::Scenario => value.to_string(),
        QuestionKind::Choice => {
            let n = question.options.iter().position(|o| o == value).map_or(0, |i| i + 1);
            format!("option-{n}")
        }
    }
}

fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja-JP",
        Lang::En => "en-US",
    }
}

/// `score / max` with four decimals, in integers: float formatting would add 11 KB to the wasm.
fn scaled(score: usize, max: usize) -> String {
    if max == 0 {
        return "0".into();
    }
    let tenths_of_mille = (score * 10_000 + max / 2) / max;
    match tenths_of_mille {
        10_000.. => "1".into(),
        n => format!("0.{n:04}"),
    }
}

/// A version 4 UUID from 16 random bytes (RFC 9562), as xAPI statement ids and registrations are.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut uuid = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            uuid.push('-');
        }
        uuid.push(char::from(HEX[usize::from(b >> 4)]));
        uuid.push(char::from(HEX[usize::from(b & 15)]));
    }
    uuid
}
