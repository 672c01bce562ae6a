//! Attempt events in, score and breakdown out.

use credo_core::engine::{Attempt, Event, Phase};
use credo_core::model::QuestionSet;
use credo_core::parse::parse_set;
use expect_test::{expect, Expect};

use crate::VALID;

fn demo() -> QuestionSet {
    parse_set("demo.toml", VALID).set.unwrap()
}

/// Runs an attempt (all questions, seed 7) answering each question id with the given option,
/// and prints the order asked, every event's acceptance and the outcome.
fn check(answers: &[(&str, &str)], expected: Expect) {
    let set = demo();
    let mut attempt = Attempt::start(&set, None, 7);
    let mut log = format!("order {}\n", attempt.order.join(" "));
    while attempt.phase != Phase::Finished {
        let id = attempt.current_question_id().unwrap().to_string();
        let chosen = answers.iter().find(|(q, _)| *q == id).map_or("?", |(_, a)| a);
        let accepted = attempt.apply(&set, Event::Answer(chosen.to_string()));
        log += &format!(
            "{}/{} {id} <- {chosen}: {}\n",
            attempt.position(),
            attempt.order.len(),
            if accepted { "accepted" } else { "rejected" }
        );
        if !accepted {
            break;
        }
        assert!(!attempt.apply(&set, Event::Answer(chosen.to_string())), "a second answer is ignored");
        attempt.apply(&set, Event::Next);
    }
    let o = attempt.outcome(&set);
    log += &format!("score {}/{} {}% passed {}\n", o.score, o.max, o.percent, o.passed);
    for p in &o.by_principle {
        log += &format!("  {}: {}/{}\n", p.principle_id.as_deref().unwrap_or("(none)"), p.correct, p.total);
    }
    log += &format!("missed {:?}\n", o.missed.iter().map(|m| (&m.question_id, &m.chosen)).collect::<Vec<_>>());
    expected.assert_eq(&log);
}

#[test]
fn all_right_passes() {
    check(
        &[("q1", "shimin"), ("q2", "令和6年12月")],
        expect![[r#"
        order q1 q2
        1/2 q1 <- shimin: accepted
        2/2 q2 <- 令和6年12月: accepted
        score 2/2 100% passed true
          shimin: 1/1
          team: 0/0
          (none): 1/1
        missed []
    "#]],
    );
}

#[test]
fn half_right_fails_a_pass_mark_of_60_and_lists_the_miss() {
    check(
        &[("q1", "team"), ("q2", "令和6年12月")],
        expect![[r#"
        order q1 q2
        1/2 q1 <- team: accepted
        2/2 q2 <- 令和6年12月: accepted
        score 1/2 50% passed false
          shimin: 0/1
          team: 0/0
          (none): 1/1
        missed [("q1", "team")]
    "#]],
    );
}

#[test]
fn an_option_that_is_not_offered_is_rejected() {
    check(
        &[("q1", "mirai")],
        expect![[r#"
        order q1 q2
        1/2 q1 <- mirai: rejected
        score 0/2 0% passed false
          shimin: 0/0
          team: 0/0
        missed []
    "#]],
    );
}

#[test]
fn same_seed_same_order_and_count_limits_questions() {
    let set = demo();
    assert_eq!(Attempt::start(&set, None, 42), Attempt::start(&set, None, 42));
    let orders: std::collections::BTreeSet<Vec<String>> =
        (0..20).map(|s| Attempt::start(&set, None, s).order).collect();
    assert_eq!(orders.len(), 2, "both orders of two questions occur over 20 seeds");
    assert_eq!(Attempt::start(&set, Some(1), 3).order.len(), 1);
    assert_eq!(Attempt::start(&set, Some(99), 3).order.len(), 2);
}

#[test]
fn a_stored_attempt_fits_only_the_set_it_was_made_on() {
    let set = demo();
    let mut attempt = Attempt::start(&set, None, 1);
    let first = attempt.current_question_id().unwrap().to_string();
    let answer = set.question(&first).unwrap().answer.clone();
    attempt.apply(&set, Event::Answer(answer));
    assert!(attempt.fits(&set));
    let mut edited = set.data().clone();
    edited.questions.retain(|q| q.id != first);
    let edited = QuestionSet::new(edited).unwrap();
    assert!(!attempt.fits(&edited), "a question removed since");
    let mut other = set.data().clone();
    other.id = "other".into();
    let other = QuestionSet::new(other).unwrap();
    assert!(!attempt.fits(&other), "another set");
    let mut tampered = attempt.clone();
    tampered.phase = Phase::Finished;
    assert!(!tampered.fits(&set), "finished with questions left");
}
