//! Embed URL parameters and config.toml in, settings and located problems out.

use credo_core::embed::{normalize_origin, parse_config, EmbedParams};
use credo_core::i18n::Lang;
use expect_test::{expect, Expect};

fn check(query: &str, expected: Expect) {
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (n.to_string(), v.to_string())
        })
        .collect();
    let (params, problems) = EmbedParams::from_query(&pairs);
    let mut out = format!("{params:?}\n");
    for p in problems {
        out += &format!("{}\n", p.message(Lang::En));
    }
    expected.assert_eq(&out);
}

#[test]
fn every_parameter_read() {
    check(
        "set=maebashi-credo&count=5&seed=42&lang=en&pass=80&embed=1&id=room-3&origin=https://Portal.example.lg.jp/&theme=dark&learner= A01234 ",
        expect![[r#"
            EmbedParams { set: Some("maebashi-credo"), count: Some(5), seed: Some(42), lang: Some(En), pass_mark: Some(80), embed: true, embed_id: Some("room-3"), origins: ["https://portal.example.lg.jp"], theme: Some("dark"), learner: Some(Learner("A01234")) }
        "#]],
    );
}

#[test]
fn bad_values_and_unknown_names_are_each_reported() {
    check(
        "set=../x&count=0&seed=-1&lang=fr&pass=101&embed=yes&id=a b&origin=*&theme=../../evil&cuont=5&learner=  ",
        expect![[r#"
            EmbedParams { set: None, count: None, seed: None, lang: None, pass_mark: None, embed: false, embed_id: None, origins: [], theme: None, learner: None }
            The embed setting `set=../x` cannot be used. Use at most 64 ASCII letters, digits, - and _.
            The embed setting `count=0` cannot be used. Use a whole number of 1 or more.
            The embed setting `seed=-1` cannot be used. Use a whole number of 0 or more.
            The embed setting `lang=fr` cannot be used. Use ja or en.
            The embed setting `pass=101` cannot be used. Use a whole number from 0 to 100.
            The embed setting `embed=yes` cannot be used. Use 1 (embedded) or 0.
            The embed setting `id=a b` cannot be used. Use at most 64 ASCII letters, digits, - and _.
            The embed setting `origin=*` cannot be used. Use an origin of the form https://host[:port].
            The embed setting `theme=../../evil` cannot be used. Use at most 64 ASCII letters, digits, - and _.
            The embed setting `cuont=5` cannot be used. Use a known parameter (set, count, seed, lang, pass, embed, id, origin, theme, learner).
            The embed setting `learner=  ` cannot be used. Use a name or staff number of at most 100 characters.
        "#]],
    );
}

#[test]
fn storage_scopes_keep_embeds_apart() {
    let (plain, _) = EmbedParams::from_query(&[]);
    let embed = |q: &[(&str, &str)]| {
        EmbedParams::from_query(&q.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>()).0
    };
    assert_eq!(plain.storage_scope(Some("https://portal/a")), "credo-quiz");
    assert_eq!(embed(&[("embed", "1"), ("id", "left")]).storage_scope(None), "credo-quiz.embed.left");
    let a = embed(&[("embed", "1")]).storage_scope(Some("https://portal/a"));
    let b = embed(&[("embed", "1")]).storage_scope(Some("https://portal/b"));
    assert_ne!(a, b, "two host pages the browser tells apart");
    assert_eq!(embed(&[("embed", "1")]).storage_scope(None), "credo-quiz.embed");
}

#[test]
fn origins_are_exact_or_refused() {
    assert_eq!(
        normalize_origin("https://portal.example.lg.jp:8443/").as_deref(),
        Some("https://portal.example.lg.jp:8443")
    );
    assert_eq!(normalize_origin("https://portal.example.lg.jp:443").as_deref(), Some("https://portal.example.lg.jp"));
    assert_eq!(normalize_origin("http://intra:80").as_deref(), Some("http://intra"));
    assert_eq!(normalize_origin("http://intra:443").as_deref(), Some("http://intra:443"));
    for bad in ["*", "null", "https://portal.example.lg.jp/path", "javascript:alert(1)", "ftp://x", "https://"] {
        assert_eq!(normalize_origin(bad), None, "{bad}");
    }
}

#[test]
fn config_lists_allowed_origins_and_reports_bad_ones() {
    let (config, problems) = parse_config("[embed]\nallowed_origins = [\"https://portal.example.lg.jp\", \"*\", 3]\n");
    assert_eq!(config.allowed_origins, ["https://portal.example.lg.jp"]);
    assert_eq!(problems, ["config.toml: allowed_origins: `*`", "config.toml: allowed_origins: strings only"]);
    // A syntax error says where, as a set's does.
    let (config, problems) = parse_config("# x\n[embed\n");
    assert!(config.allowed_origins.is_empty());
    assert_eq!(problems, ["config.toml:2:7: unclosed table, expected `]`"]);
    assert_eq!(parse_config(include_str!("../../../config.toml")), Default::default());
}

/// Issue 9.15: a 65-character set id was told only to use ASCII letters, and `set=A&set=B`
/// silently used B.
#[test]
fn a_long_id_names_the_limit_and_a_parameter_given_twice_is_reported() {
    let long = "a".repeat(65);
    check(
        &format!(
            "set={long}&set=maebashi-credo&set=abeno-staff-plan&origin=https://a.example&origin=https://b.example"
        ),
        expect![[r#"
            EmbedParams { set: None, count: None, seed: None, lang: None, pass_mark: None, embed: false, embed_id: None, origins: ["https://a.example", "https://b.example"], theme: None, learner: None }
            The embed setting `set=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` cannot be used. Use at most 64 ASCII letters, digits, - and _.
            The embed setting `set` is given more than once (`set=maebashi-credo`, …). Give it once.
            The embed setting `set` is given more than once (`set=abeno-staff-plan`, …). Give it once.
        "#]],
    );
}

/// Found in review: after a syntax error the reader goes on at the next line, which may lie inside
/// a broken multi-line string; a config.toml with errors could so apply a line that is only text.
#[test]
fn a_config_with_a_syntax_error_is_not_half_applied() {
    let text = "[embed]\nallowed_origins = [\"https://portal.example.lg.jp\"]\nnote = \"\"\"\\q\n[xapi]\nendpoint = \"https://lrs.example/xAPI/\"\n\"\"\"\n";
    let (config, problems) = parse_config(text);
    assert_eq!(config, Default::default());
    assert_eq!(problems.len(), 1, "{problems:?}");
}
