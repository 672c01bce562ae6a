//! Reporting to an LRS (xAPI statements) and an LMS (SCORM 1.2 values): an attempt's events in, exactly what is sent or recorded out.

use credo_core::embed::{parse_config, HostEvent, PrincipleResult};
use credo_core::i18n::Lang;
use credo_core::parse::parse_set;
use credo_core::scorm;
use credo_core::xapi::{self, basic_authorization, uuid_v4, Learner, Occasion};
use expect_test::{expect, Expect};

use crate::VALID;

/// An attempt on the demo set: started, q1 answered right, q2 answered wrong, completed.
fn events() -> Vec<HostEvent> {
    let answered = |question: &str, chosen: &str, correct, position| HostEvent::Answered {
        set_id: "demo".into(),
        question_id: question.into(),
        chosen: chosen.into(),
        correct,
        position,
        total: 2,
    };
    let by_principle = vec![
        PrincipleResult {
            principle: Some("shimin".into()),
            label: "市民目線を追求します".into(),
            correct: 1,
            total: 1,
        },
        PrincipleResult { principle: None, label: "その他".into(), correct: 0, total: 1 },
    ];
    vec![
        HostEvent::Started { set_id: "demo".into(), total: 2 },
        answered("q1", "shimin", true, 1),
        answered("q2", "令和7年2月", false, 2),
        HostEvent::Completed { set_id: "demo".into(), score: 1, max: 2, percent: 50, passed: false, by_principle },
    ]
}

/// Each event's xAPI statements as the outbox keeps them (web/report.js adds the actor), one per line.
fn check_statements(expected: Expect) {
    let set = parse_set("demo.toml", VALID).valid_set().cloned().expect("the demo set is valid");
    let at = Occasion {
        activity_base: "https://intranet.example.lg.jp/quiz/",
        registration: "11111111-2222-4333-8444-555555555555",
        lang: Lang::Ja,
        timestamp: "2026-11-30T09:00:00+09:00",
    };
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        format!("00000000-0000-4000-8000-{n:012}")
    };
    let mut out = String::new();
    for event in events() {
        for statement in xapi::statements(&event, &set, &at, &mut new_id) {
            assert!(statement.body.contains(&statement.id), "the body carries its own id");
            out += &statement.body;
            out.push('\n');
        }
    }
    expected.assert_eq(&out);
}

#[test]
fn an_attempt_becomes_attempted_answered_completed_and_failed() {
    check_statements(expect![[r#"
        {"id":"00000000-0000-4000-8000-000000000001","verb":{"id":"http://adlnet.gov/expapi/verbs/attempted","display":{"en-US":"attempted"}},"object":{"objectType":"Activity","id":"https://intranet.example.lg.jp/quiz/sets/demo/baa92dfad9775dfe","definition":{"type":"http://adlnet.gov/expapi/activities/assessment","name":{"ja-JP":"デモ"},"description":{"ja-JP":"前橋市 前橋市職員クレド"}}},"context":{"registration":"11111111-2222-4333-8444-555555555555","language":"ja-JP"},"timestamp":"2026-11-30T09:00:00+09:00"}
        {"id":"00000000-0000-4000-8000-000000000002","verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},"object":{"objectType":"Activity","id":"https://intranet.example.lg.jp/quiz/sets/demo/baa92dfad9775dfe/questions/q1","definition":{"type":"http://adlnet.gov/expapi/activities/cmi.interaction","name":{"ja-JP":"q1"},"description":{"ja-JP":"窓口で、制度の説明を相手の言葉に置き換えた。"},"interactionType":"choice","correctResponsesPattern":["shimin"],"choices":[{"id":"shimin","description":{"ja-JP":"市民目線を追求します"}},{"id":"team","description":{"ja-JP":"チームで知恵と力を出し合います"}}]}},"result":{"response":"shimin","success":true},"context":{"registration":"11111111-2222-4333-8444-555555555555","language":"ja-JP","contextActivities":{"parent":[{"id":"https://intranet.example.lg.jp/quiz/sets/demo/baa92dfad9775dfe"}]}},"timestamp":"2026-11-30T09:00:00+09:00"}
        {"id":"00000000-0000-4000-8000-000000000003","verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},"object":{"objectType":"Activity","id":"https://intranet.example.lg.jp/quiz/sets/demo/baa92dfad9775dfe/questions/q2","definition":{"type":"http://adlnet.gov/expapi/activities/cmi.interaction","name":{"ja-JP":"q2"},"description":{"ja-JP":"策定はいつですか。"},"interactionType":"choice","correctResponsesPattern":["option-1"],"choices":[{"id":"option-1","description":{"ja-JP":"令和6年12月"}},{"id":"option-2","description":{"ja-JP":"令和7年2月"}}]}},"result":{"response":"option-2","success":false},"context":{"registration":"11111111-2222-4333-8444-555555555555","language":"ja-JP","contextActivities":{"parent":[{"id":"https://intranet.example.lg.jp/quiz/sets/demo/baa92dfad9775dfe"}]}},"timestamp":"2026-11-30T09:00:00+09:00"}
        {"id":"00000000-0000-4000-8000-000000000004","verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},"object":{"objectType":"Activity","id":"https://intranet.example.lg.jp/quiz/sets/demo/baa92dfad9775dfe","definition":{"type":"http://adlnet.gov/expapi/activities/assessment","name":{"ja-JP":"デモ"},"description":{"ja-JP":"前橋市 前橋市職員クレド"}}},"result":{"score":{"scaled":0.5000,"raw":1,"min":0,"max":2},"completion":true,"extensions":{"https://intranet.example.lg.jp/quiz/extensions/by-principle":[{"principle":"shimin","label":"市民目線を追求します","correct":1,"total":1},{"principle":null,"label":"その他","correct":0,"total":1}]}},"context":{"registration":"11111111-2222-4333-8444-555555555555","language":"ja-JP"},"timestamp":"2026-11-30T09:00:00+09:00"}
        {"id":"00000000-0000-4000-8000-000000000005","verb":{"id":"http://adlnet.gov/expapi/verbs/failed","display":{"en-US":"failed"}},"object":{"objectType":"Activity","id":"https://intranet.example.lg.jp/quiz/sets/demo/baa92dfad9775dfe","definition":{"type":"http://adlnet.gov/expapi/activities/assessment","name":{"ja-JP":"デモ"},"description":{"ja-JP":"前橋市 前橋市職員クレド"}}},"result":{"score":{"scaled":0.5000,"raw":1,"min":0,"max":2},"success":false,"completion":true,"extensions":{"https://intranet.example.lg.jp/quiz/extensions/by-principle":[{"principle":"shimin","label":"市民目線を追求します","correct":1,"total":1},{"principle":null,"label":"その他","correct":0,"total":1}]}},"context":{"registration":"11111111-2222-4333-8444-555555555555","language":"ja-JP"},"timestamp":"2026-11-30T09:00:00+09:00"}
    "#]]);
}

/// Each event's SCORM 1.2 values, as `element = value` lines.
fn check_scorm(expected: Expect) {
    let set = parse_set("demo.toml", VALID).valid_set().cloned().expect("the demo set is valid");
    let mut out = String::new();
    let mut interactions = 0;
    for event in events() {
        for (element, value) in scorm::values(&event, &set, interactions, "09:00:05") {
            out += &format!("{element} = {value}\n");
        }
        interactions += usize::from(matches!(event, HostEvent::Answered { .. }));
    }
    expected.assert_eq(&out);
}

#[test]
fn an_attempt_becomes_interactions_a_score_and_a_status() {
    check_scorm(expect![[r#"
        cmi.interactions.0.id = q1
        cmi.interactions.0.type = choice
        cmi.interactions.0.correct_responses.0.pattern = a
        cmi.interactions.0.student_response = a
        cmi.interactions.0.result = correct
        cmi.interactions.0.time = 09:00:05
        cmi.interactions.1.id = q2
        cmi.interactions.1.type = choice
        cmi.interactions.1.correct_responses.0.pattern = a
        cmi.interactions.1.student_response = b
        cmi.interactions.1.result = wrong
        cmi.interactions.1.time = 09:00:05
        cmi.core.score.min = 0
        cmi.core.score.max = 100
        cmi.core.score.raw = 50
        cmi.core.lesson_status = failed
    "#]]);
}

#[test]
fn times_of_day_in_scorm_format() {
    // 2026-11-30T00:00:05Z is 09:00:05 in Japan.
    assert_eq!(scorm::time_of_day(1_796_083_205_000.0, 540), "09:00:05");
}

#[test]
fn ids_credentials_and_learners() {
    assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    // RFC 7617's own example.
    assert_eq!(basic_authorization("Aladdin", "open sesame"), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    assert_eq!(basic_authorization("a", "b"), "Basic YTpi");
    assert_eq!(Learner::new(" 職員 0042 ").map(|l| l.as_str().to_string()), Some("職員 0042".into()));
    assert_eq!(Learner::new("  "), None);
    assert_eq!(Learner::new(&"名".repeat(101)), None);
    assert_eq!(Learner::new("a\u{7}b"), None);
}

#[test]
fn config_names_the_lrs_and_its_credentials() {
    let (config, problems) = parse_config(
        "[xapi]\nendpoint = \"https://lrs.example.lg.jp/xAPI\"\nusername = \"quiz\"\npassword = \"secret\"\naccount_home = \"https://jinji.example.lg.jp\"\n",
    );
    let lrs = config.xapi.expect("configured");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(lrs.endpoint, "https://lrs.example.lg.jp/xAPI/");
    assert_eq!(lrs.authorization.as_deref(), Some("Basic cXVpejpzZWNyZXQ="));
    let (config, problems) = parse_config("[xapi]\nendpoint = \"/xAPI/\"\nauthorization = \"Basic abc\"\n");
    assert_eq!(config.xapi.and_then(|x| x.authorization), Some("Basic abc".into()));
    assert!(problems.is_empty());
    for refused in ["//lrs.example.lg.jp/xAPI/", "/xAPI/?x=1", "lrs.example.lg.jp"] {
        let (config, problems) = parse_config(&format!("[xapi]\nendpoint = \"{refused}\"\n"));
        assert_eq!((config.xapi, problems.len()), (None, 1), "{refused}");
    }
    let (config, problems) = parse_config("[xapi]\nendpoint = \"lrs example\"\nusername = \"quiz\"\n");
    assert_eq!(config.xapi, None);
    assert_eq!(
        problems,
        [
            "config.toml: [xapi] needs both username and password (or authorization)",
            "config.toml: [xapi] endpoint must be the LRS's xAPI address (https://… or /…), as a string"
        ]
    );
}
