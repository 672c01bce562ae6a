//! The shipped question sets, held to the content rules: counts, verbatim quotes, no giveaways, no near-duplicates.

use credo_authoring::cues::{cue_report, MAX_RATIO};
use credo_core::i18n::Lang;
use credo_core::model::QuestionKind;
use credo_core::review::{similarity, SetStats};
use quizcheck::files::load;

/// Scenarios more alike than this (bigram Dice) read as the same situation reworded.
const NEAR_DUPLICATE: f64 = 0.6;

#[test]
fn shipped_sets_follow_the_content_rules() {
    let loaded = load(&[crate::root().join("questions")]);
    // Format, verbatim quotes against questions/sources and giveaway labels: quizcheck's own checks.
    let problems: Vec<String> = loaded.problems().map(|d| d.render(Lang::En)).collect();
    assert_eq!(problems, Vec::<String>::new());

    let mut failures = Vec::new();
    let mut total = 0;
    for set in loaded.sets.iter().filter_map(|p| p.valid_set()) {
        let stats = SetStats::of(set);
        total += stats.total;
        if stats.total < 30 {
            failures.push(format!("{}: {} questions, want 30", set.id(), stats.total));
        }
        if stats.scenarios * 10 < stats.total * 7 {
            failures.push(format!("{}: {} of {} are scenarios, want 70%", set.id(), stats.scenarios, stats.total));
        }
        for id in stats.thin_principles() {
            failures.push(format!("{}: principle {id} answers fewer than 4 scenarios", set.id()));
        }
        let scenarios: Vec<_> = set.questions().iter().filter(|q| q.kind == QuestionKind::Scenario).collect();
        for (i, a) in scenarios.iter().enumerate() {
            for b in &scenarios[i + 1..] {
                let s = similarity(&a.text, &b.text);
                if s > NEAR_DUPLICATE {
                    failures.push(format!("{}: {} and {} are near-identical ({s:.2})", set.id(), a.id, b.id));
                }
            }
        }
    }
    assert!(total >= 150, "{total} questions in all, want 150");
    assert_eq!(failures, Vec::<String>::new());
}

/// The sets teach judgement, not word matching: the words alone give the answer at most twice as
/// often as chance, a word that remains a cue also occurs under another answer, and no more than
/// a quarter of the scenes are at the counter.
#[test]
fn shipped_sets_cannot_be_answered_by_their_words() {
    let loaded = load(&[crate::root().join("questions")]);
    let mut failures = Vec::new();
    for set in loaded.sets.iter().filter_map(|p| p.valid_set()) {
        let report = cue_report(set);
        if report.ratio() > MAX_RATIO {
            failures.push(format!(
                "{}: guessed from the words {:.2}x chance, want at most {MAX_RATIO}",
                set.id(),
                report.ratio()
            ));
        }
        for cue in report.cues.iter().filter(|c| c.elsewhere.is_empty()) {
            failures.push(format!(
                "{}: 「{}」 appears only under {} ({})",
                set.id(),
                cue.text,
                cue.principle,
                cue.questions.join(", ")
            ));
        }
        let scenes: Vec<_> = set.questions().iter().filter(|q| q.kind == QuestionKind::Scenario).collect();
        let counter = scenes.iter().filter(|q| q.text.contains("窓口")).count();
        if counter * 4 > scenes.len() {
            failures.push(format!(
                "{}: {counter} of {} scenes at the 窓口, want at most a quarter",
                set.id(),
                scenes.len()
            ));
        }
    }
    assert_eq!(failures, Vec::<String>::new());
}
