//! GIFT's second stage: each block read as a category, a question or nothing, and every question and `// credo-quiz:` note resolved into the parts of a set.

use credo_core::diagnostic::{Diagnostic, IdOf, LineIndex, Problem};
use credo_core::model::{
    control_character, is_valid_id, Difficulty, Principle, Question, QuestionKind, QuestionSet, SetData, Source,
};
use credo_core::parse::Parsed;

use super::lexer::*;
use super::{DEFAULT_PASS_MARK, NOTE_KEYS, QUESTION_KEYS, SET_KEYS};
use crate::problem::{CommentIssue, DraftProblem, GiftConstruct, GiftProblem, GiftSyntax};

// ---------------------------------------------------------------- stage 2: blocks to a set

/// Reads a GIFT file into the parts of a set, whatever shape the file has, so that a preview or
/// `convert --draft` can show and write what is there. `file` is the name diagnostics carry; its
/// stem is the fallback set id and title.
pub fn read_gift(file: &str, text: &str) -> (SetData, Vec<Diagnostic<DraftProblem>>) {
    // Moodle drops the byte-order mark Windows Notepad writes; editors do not count it as a column.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cx = Cx { file, index: LineIndex::new(text), diagnostics: Vec::new() };
    let mut set_notes: Vec<Note> = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut category: Option<String> = None;
    for block in blocks(text) {
        let Block { chars, notes, .. } = block;
        let body = trim(&chars);
        let (mut question_notes, others): (Vec<Note>, Vec<Note>) =
            notes.into_iter().partition(|n| QUESTION_KEYS.contains(&n.key.as_str()));
        for note in others {
            if SET_KEYS.contains(&note.key.as_str()) {
                set_notes.push(note);
            } else {
                let unknown =
                    Problem::UnknownField { table: "credo-quiz".into(), field: note.key, expected: NOTE_KEYS };
                cx.report(note.at, unknown);
            }
        }
        if body.is_empty() {
            // Only comment lines: nothing for Moodle, and no question for these fields.
            for note in question_notes {
                cx.report(note.at, GiftProblem::Comment { key: note.key, issue: CommentIssue::Outside });
            }
            continue;
        }
        if matches_at(body, 0, "$CATEGORY:") {
            let rest = trim(&body["$CATEGORY:".len()..]);
            let line_end = rest.iter().position(|c| c.c == '\n' && !c.lit).unwrap_or(rest.len());
            if let Some(next) = rest[line_end..].iter().find(|c| !is_space(c)) {
                cx.report(next.at, GiftProblem::Syntax(GiftSyntax::Category));
            }
            if category.is_none() {
                category = Some(string(&rest[..line_end]));
            }
            for note in question_notes {
                cx.report(note.at, GiftProblem::Comment { key: note.key, issue: CommentIssue::Outside });
            }
            continue;
        }
        question_notes.retain(|n| {
            if n.value.is_none() {
                cx.report(n.at, GiftProblem::Comment { key: n.key.clone(), issue: CommentIssue::NoValue });
            }
            n.value.is_some()
        });
        if let Some(draft) = read_question(&mut cx, body) {
            drafts.push(Draft { notes: question_notes, ..draft });
        }
    }
    let header = read_header(&mut cx, &set_notes, category, file);
    let questions = resolve_questions(&mut cx, drafts, &header.principles);
    if header.principles.is_empty() {
        cx.report(0, GiftProblem::MissingPrinciples);
    }
    if questions.is_empty() {
        cx.report(0, Problem::NoQuestions);
    }
    let set = SetData {
        id: header.id,
        title: header.title,
        source: header.source,
        pass_mark: header.pass_mark,
        length: header.length,
        prompt: header.prompt,
        principles: header.principles,
        questions,
    };
    cx.diagnostics.sort_by_key(|d| (d.line, d.column));
    (set, cx.diagnostics)
}

/// Parses a GIFT file: the set, when what was read makes one, with every problem found.
pub fn parse_gift(file: &str, text: &str) -> Parsed<DraftProblem> {
    let (data, mut diagnostics) = read_gift(file, text);
    let id_at = id_position(text);
    let set = match QuestionSet::new(data) {
        Ok(set) => Some(set),
        Err(problem) => {
            // What the reader does not check itself (a control character in a text): at the first
            // such character of the file, or the file's start.
            if diagnostics.is_empty() {
                let at = text
                    .char_indices()
                    .find(|(_, c)| control_character(&c.to_string()).is_some())
                    .map_or(0, |(i, _)| i);
                let (line, column) = LineIndex::new(text).position(at);
                diagnostics.push(Diagnostic { file: file.to_string(), line, column, problem: problem.into() });
            }
            None
        }
    };
    Parsed { file: file.to_string(), set, diagnostics, id_at }
}

/// Where `// credo-quiz: set.id` is written, for a problem about the set's id.
fn id_position(text: &str) -> (usize, usize) {
    text.lines()
        .position(|l| l.trim_start().trim_start_matches('/').trim_start().starts_with("credo-quiz: set.id"))
        .map_or((1, 1), |i| (i + 1, 1))
}

struct Cx<'t> {
    file: &'t str,
    index: LineIndex<'t>,
    diagnostics: Vec<Diagnostic<DraftProblem>>,
}

impl Cx<'_> {
    fn report(&mut self, at: usize, problem: impl Into<DraftProblem>) {
        let (line, column) = self.index.position(at);
        self.diagnostics.push(Diagnostic { file: self.file.to_string(), line, column, problem: problem.into() });
    }

    fn line(&self, at: usize) -> usize {
        self.index.position(at).0
    }
}

/// One answer of a multiple-choice question, as Moodle splits them.
struct Answer {
    /// `=`, `~`, or none for text before the first marker (which Moodle takes as a wrong answer).
    mark: Option<Ch>,
    text: String,
    at: usize,
    /// Its own feedback (`#…`): a wrong answer's is the note on why it is not the best fit.
    feedback: Option<(String, usize)>,
    /// What the answer had that our model cannot keep (HTML, the right answer's feedback),
    /// reported only if the question is imported.
    lost: Vec<(usize, GiftConstruct)>,
}

/// A multiple-choice question as GIFT gives it, before its notes and ids are resolved.
struct Draft {
    /// The `::title::`, if any, and where it stands.
    name: Option<(String, usize)>,
    /// Where the question starts: its problems about missing fields point here.
    at: usize,
    text: String,
    answers: Vec<Answer>,
    /// Index of the one `=` answer.
    right: usize,
    explanation: String,
    notes: Vec<Note>,
}

/// Reads one question block the way Moodle's readquestion does. Anything Moodle would import as
/// another question type, or as a multiple-choice question our model cannot hold, is reported
/// once and gives no draft.
fn read_question(cx: &mut Cx, body: &[Ch]) -> Option<Draft> {
    let at = body.first().map_or(0, |c| c.at);
    let (name, rest) = if matches_at(body, 0, "::") {
        match find(&body[2..], "::") {
            Some(end) => (Some((string(&body[2..2 + end]), body[2].at)), trim(&body[2 + end + 2..])),
            // Moodle names an unclosed title from the text instead, and reads on.
            None => (None, &body[2..]),
        }
    } else {
        (None, body)
    };
    let (open, close) = (find(rest, "{"), find(rest, "}"));
    let (open, close) = match (open, close) {
        (None, None) => {
            cx.report(at, GiftProblem::Unsupported(GiftConstruct::Description));
            return None;
        }
        (Some(open), Some(close)) if open < close => (open, close),
        (open, close) => {
            let stray = close.filter(|c| open.is_none_or(|o| *c < o)).or(open).unwrap_or(0);
            cx.report(rest.get(stray).map_or(at, |c| c.at), GiftProblem::Syntax(GiftSyntax::Braces));
            return None;
        }
    };
    // Answers at the very end leave the text as it is; answers inside it leave a blank to fill.
    let mut text: Vec<Ch> = rest[..open].to_vec();
    if !rest.last().is_some_and(|c| c.c == '}' && !c.lit) {
        text.extend("_____".chars().map(|c| Ch { c, at: rest[open].at, lit: true }));
        text.extend_from_slice(&rest[close + 1..]);
    }
    let mut answers = trim(&rest[open + 1..close]);
    let mut feedback: &[Ch] = &[];
    if let Some(g) = rfind(answers, "####") {
        feedback = &answers[g + 4..];
        answers = trim(&answers[..g]);
    }
    let (format, text) = with_format(&text, Format::Moodle);
    let (feedback_format, feedback) = with_format(feedback, format);
    if let Some(what) = other_question_type(answers) {
        let where_ = if answers.is_empty() { rest[open].at } else { answers[0].at };
        cx.report(where_, GiftProblem::Unsupported(what));
        return None;
    }
    let answers = read_answers(cx, answers, format)?;
    let rights: Vec<usize> = (0..answers.len()).filter(|&i| answers[i].mark.is_some_and(|m| m.c == '=')).collect();
    let structural: Option<(usize, DraftProblem)> = match rights.as_slice() {
        [] => Some((rest[open].at, GiftProblem::Unsupported(GiftConstruct::NoRight).into())),
        [_] => None,
        [_, second, ..] => Some((answers[*second].at, GiftProblem::Unsupported(GiftConstruct::MultipleRight).into())),
    };
    let structural = structural
        .or_else(|| {
            (answers.len() < 2).then(|| (rest[open].at, Problem::TooFewOptions { count: answers.len() }.into()))
        })
        .or_else(|| {
            answers
                .iter()
                .find(|a| a.text.is_empty())
                .map(|a| (a.at, Problem::EmptyText { field: "options".into() }.into()))
        })
        .or_else(|| {
            let dup = (0..answers.len()).find(|&i| answers[..i].iter().any(|b| b.text == answers[i].text))?;
            Some((answers[dup].at, Problem::DuplicateOption { option: answers[dup].text.clone() }.into()))
        });
    if let Some((at, problem)) = structural {
        cx.report(at, problem);
        return None;
    }
    // Only a question that stands has its smaller losses reported: one problem for one that does not.
    for (s, f) in [(text, format), (feedback, feedback_format)] {
        if let Some(i) = markup(s, f) {
            cx.report(s[i].at, GiftProblem::Unsupported(GiftConstruct::Html));
        }
    }
    for (at, what) in answers.iter().flat_map(|a| &a.lost) {
        cx.report(*at, GiftProblem::Unsupported(*what));
    }
    let text_string = string(text);
    if text_string.is_empty() {
        cx.report(at, Problem::EmptyText { field: "text".into() });
    }
    let explanation = string(feedback);
    if explanation.is_empty() {
        cx.report(rest[close].at, GiftProblem::MissingExplanation);
    }
    Some(Draft { name, at, text: text_string, right: rights[0], answers, explanation, notes: Vec::new() })
}

/// Moodle's choice of question type from the answer block, for every type but single-answer
/// multiple choice (`None`). The order of the tests is Moodle's.
fn other_question_type(answers: &[Ch]) -> Option<GiftConstruct> {
    if answers.is_empty() {
        return Some(GiftConstruct::Essay);
    }
    if matches_at(answers, 0, "#") {
        return Some(GiftConstruct::Numerical);
    }
    if find(answers, "~").is_some() {
        return None;
    }
    if find(answers, "=").is_some() && find(answers, "->").is_some() {
        return Some(GiftConstruct::Matching);
    }
    let before_feedback = find(answers, "#").map_or(answers, |h| &answers[..h]);
    let word: String = trim(before_feedback).iter().map(|c| c.c).collect();
    if matches!(word.as_str(), "T" | "TRUE" | "F" | "FALSE") {
        Some(GiftConstruct::TrueFalse)
    } else {
        Some(GiftConstruct::ShortAnswer)
    }
}

/// Splits a multiple-choice answer block as Moodle does (at every `~` and before every `=`),
/// reports partial credit, and notes per-answer feedback and HTML, which our model cannot keep.
fn read_answers(cx: &mut Cx, answers: &[Ch], format: Format) -> Option<Vec<Answer>> {
    let mut pieces: Vec<(Option<Ch>, &[Ch])> = Vec::new();
    let mut start = 0;
    let mut mark = None;
    for i in 0..=answers.len() {
        let boundary = answers.get(i).filter(|c| !c.lit && (c.c == '~' || c.c == '='));
        if i == answers.len() || boundary.is_some() {
            let piece = trim(&answers[start..i]);
            // Text before the first marker is an answer only when there is some.
            if mark.is_some() || !piece.is_empty() {
                pieces.push((mark, piece));
            }
            mark = boundary.copied();
            start = i + 1;
        }
    }
    if let Some(weight) = pieces.iter().find(|(m, p)| m.is_none_or(|m| m.c == '~') && weight_len(p).is_some()) {
        cx.report(weight.1[0].at, GiftProblem::Unsupported(GiftConstruct::Weight));
        return None;
    }
    let mut out = Vec::new();
    for (mark, piece) in pieces {
        let (answer, feedback) = match find(piece, "#") {
            Some(h) => (trim(&piece[..h]), Some(&piece[h..])),
            None => (piece, None),
        };
        let (answer_format, answer) = with_format(answer, format);
        let mut lost = Vec::new();
        if let Some(i) = markup(answer, answer_format) {
            lost.push((answer[i].at, GiftConstruct::Html));
        }
        let feedback = feedback.map(|f| with_format(trim(&f[1..]), answer_format).1).filter(|f| !f.is_empty());
        let feedback = feedback.map(|f| (string(f), f[0].at));
        let at = mark.map_or_else(|| answer.first().map_or(0, |c| c.at), |m| m.at);
        out.push(Answer { mark, text: string(answer), at, feedback, lost });
    }
    Some(out)
}

/// The set's own fields, from the notes or from defaults.
struct Header {
    id: String,
    title: String,
    source: Source,
    pass_mark: u8,
    length: Option<usize>,
    prompt: Option<String>,
    principles: Vec<Principle>,
}

fn read_header(cx: &mut Cx, notes: &[Note], category: Option<String>, file: &str) -> Header {
    let one = |cx: &mut Cx, key: &str| single(cx, notes, key);
    for note in notes.iter().filter(|n| n.value.is_none()) {
        cx.report(note.at, GiftProblem::Comment { key: note.key.clone(), issue: CommentIssue::NoValue });
    }
    // Moodle writes a category path with `/` between levels and `//` for a slash in a name.
    let category_name = category.as_ref().map(|path| {
        let last = path.replace("//", "\u{0}").rsplit('/').next().unwrap_or("").replace('\u{0}', "/");
        last.trim().to_string()
    });
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file).split('.').next().unwrap_or("").trim().to_string();

    let id = match one(cx, "set.id") {
        Some(note) if is_valid_id(value(note)) => value(note).to_string(),
        found => {
            if let Some(note) = found {
                cx.report(note.value_at, Problem::BadId { id: value(note).to_string() });
            }
            let id = [category_name.as_deref(), Some(stem.as_str())]
                .into_iter()
                .flatten()
                .find(|c| is_valid_id(c))
                .unwrap_or("gift")
                .to_string();
            cx.report(0, GiftProblem::Defaulted { field: "set.id", value: id.clone() });
            id
        }
    };
    let title = match nonempty(one(cx, "set.title")) {
        Some(note) => value(note).to_string(),
        None => {
            let title = category_name.clone().filter(|c| !c.is_empty()).unwrap_or_else(|| stem.clone());
            let title = if title.is_empty() { id.clone() } else { title };
            cx.report(0, GiftProblem::Defaulted { field: "set.title", value: title.clone() });
            title
        }
    };
    let pass_mark = match one(cx, "set.pass_mark") {
        Some(note) => match value(note).parse::<u8>() {
            Ok(mark @ 0..=100) => mark,
            _ => {
                cx.report(note.value_at, Problem::PassMarkRange { value: value(note).to_string() });
                DEFAULT_PASS_MARK
            }
        },
        None => {
            cx.report(0, GiftProblem::Defaulted { field: "set.pass_mark", value: DEFAULT_PASS_MARK.to_string() });
            DEFAULT_PASS_MARK
        }
    };
    let required = |cx: &mut Cx, key: &'static str| match nonempty(one(cx, key)) {
        Some(note) => value(note).to_string(),
        None => {
            cx.report(0, GiftProblem::Missing { field: key });
            String::new()
        }
    };
    let office = required(cx, "source.office");
    let source_title = required(cx, "source.title");
    let date = nonempty(one(cx, "source.date")).map(|n| value(n).to_string());
    let url = nonempty(one(cx, "source.url")).map(|n| value(n).to_string());
    let files =
        notes.iter().filter(|n| n.key == "source.file").filter_map(|n| n.value.clone()).filter(|v| !v.is_empty());
    let source = Source { office, title: source_title, date, url, files: files.collect() };
    let principles = read_principles(cx, notes);
    let prompt = nonempty(one(cx, "set.prompt")).map(|n| value(n).to_string());
    let length = one(cx, "set.length").and_then(|note| match value(note).parse::<usize>() {
        Ok(n) if n >= 1 => Some(n),
        _ => {
            cx.report(note.value_at, Problem::LengthRange { value: value(note).to_string() });
            None
        }
    });
    Header { id, title, source, pass_mark, length, prompt, principles }
}

/// The first note with a value for `key`; any later one is reported, not silently ignored.
fn single<'n>(cx: &mut Cx, notes: &'n [Note], key: &str) -> Option<&'n Note> {
    let mut found = notes.iter().filter(|n| n.key == key && n.value.is_some());
    let first = found.next();
    for again in found {
        cx.report(again.at, GiftProblem::Comment { key: again.key.clone(), issue: CommentIssue::Repeated });
    }
    first
}

fn value(note: &Note) -> &str {
    note.value.as_deref().unwrap_or("")
}

fn nonempty(note: Option<&Note>) -> Option<&Note> {
    note.filter(|n| !value(n).is_empty())
}

/// Principles from `principle.id` lines, each followed by its `principle.label` and
/// `principle.summary`.
fn read_principles(cx: &mut Cx, notes: &[Note]) -> Vec<Principle> {
    struct Pending {
        principle: Principle,
        at: usize,
        /// A bad or repeated id is reported once; its label and summary are then still its own,
        /// not the previous principle's, and go with it.
        ok: bool,
    }
    let mut read: Vec<Pending> = Vec::new();
    for note in notes.iter().filter(|n| n.key.starts_with("principle.")) {
        let Some(v) = note.value.clone() else { continue };
        if note.key == "principle.id" {
            let first = read.iter().find(|p| p.ok && p.principle.id == v).map(|p| p.at);
            let ok = match first {
                _ if !is_valid_id(&v) => {
                    cx.report(note.value_at, Problem::BadId { id: v.clone() });
                    false
                }
                Some(first) => {
                    let first_line = cx.line(first);
                    cx.report(note.value_at, Problem::DuplicateId { what: IdOf::Principle, id: v.clone(), first_line });
                    false
                }
                None => true,
            };
            let principle = Principle { id: v, label: String::new(), summary: String::new() };
            read.push(Pending { principle, at: note.at, ok });
            continue;
        }
        let Some(pending) = read.last_mut() else {
            cx.report(note.at, GiftProblem::Comment { key: note.key.clone(), issue: CommentIssue::NoPrinciple });
            continue;
        };
        let slot =
            if note.key == "principle.label" { &mut pending.principle.label } else { &mut pending.principle.summary };
        if slot.is_empty() {
            *slot = v;
        } else if pending.ok {
            cx.report(note.at, GiftProblem::Comment { key: note.key.clone(), issue: CommentIssue::Repeated });
        }
    }
    let mut principles = Vec::new();
    for Pending { principle, at, ok } in read {
        if !ok {
            continue;
        }
        if principle.label.is_empty() {
            cx.report(at, GiftProblem::Missing { field: "principle.label" });
        }
        if principle.summary.is_empty() {
            cx.report(at, GiftProblem::Missing { field: "principle.summary" });
        }
        principles.push(principle);
    }
    principles
}

/// Turns drafts into questions: notes applied, scenario options mapped to principle ids, and
/// ids taken from titles or made up, unique across the set.
fn resolve_questions(cx: &mut Cx, drafts: Vec<Draft>, principles: &[Principle]) -> Vec<Question> {
    let mut resolved: Vec<(Question, Draft)> = Vec::new();
    for draft in drafts {
        if let Some(q) = resolve_question(cx, &draft, principles) {
            resolved.push((q, draft));
        }
    }
    // Titles that are ids first, so that a made-up id never takes one a later title names.
    let mut taken: Vec<(String, usize)> = Vec::new();
    for (q, draft) in &mut resolved {
        let Some((id, at)) = draft.name.as_ref().filter(|(n, _)| is_valid_id(n)) else { continue };
        match taken.iter().find(|(t, _)| t == id) {
            Some((_, first)) => {
                let first_line = cx.line(*first);
                cx.report(*at, Problem::DuplicateId { what: IdOf::Question, id: id.clone(), first_line });
            }
            None => {
                taken.push((id.clone(), *at));
                q.id = id.clone();
            }
        }
    }
    for (number, (q, draft)) in resolved.iter_mut().enumerate() {
        if !q.id.is_empty() {
            continue;
        }
        let id = (number + 1..)
            .map(|n| format!("q{n:02}"))
            .find(|id| taken.iter().all(|(t, _)| t != id))
            .unwrap_or_default();
        // A duplicate title was reported as such; a title that is no id, or none, is reported here.
        if !draft.name.as_ref().is_some_and(|(n, _)| is_valid_id(n)) {
            let at = draft.name.as_ref().map_or(draft.at, |(_, at)| *at);
            cx.report(at, GiftProblem::DefaultedId { value: id.clone() });
        }
        taken.push((id.clone(), draft.at));
        q.id = id;
    }
    resolved.into_iter().map(|(q, _)| q).collect()
}

fn resolve_question(cx: &mut Cx, draft: &Draft, principles: &[Principle]) -> Option<Question> {
    let one = |cx: &mut Cx, key: &str| single(cx, &draft.notes, key);
    let kind = match one(cx, "kind") {
        None => QuestionKind::Choice,
        Some(note) => match value(note) {
            "scenario" => QuestionKind::Scenario,
            "choice" => QuestionKind::Choice,
            other => {
                // The GIFT itself is a choice question; keep it as one.
                cx.report(note.value_at, Problem::UnknownKind { kind: other.to_string() });
                QuestionKind::Choice
            }
        },
    };
    let principle_note = one(cx, "principle");
    let options_note = one(cx, "options");
    let exists = |id: &str| principles.iter().find(|p| p.id == id);
    let texts: Vec<String> = draft.answers.iter().map(|a| a.text.clone()).collect();
    let (options, principle) = match kind {
        QuestionKind::Choice => {
            if let Some(note) = options_note {
                cx.report(note.at, GiftProblem::Comment { key: note.key.clone(), issue: CommentIssue::ChoiceOptions });
            }
            let principle = principle_note.and_then(|note| {
                let found = exists(value(note)).is_some();
                if !found {
                    cx.report(note.value_at, Problem::UnknownPrinciple { id: value(note).to_string() });
                }
                found.then(|| value(note).to_string())
            });
            (texts, principle)
        }
        QuestionKind::Scenario => {
            if let Some(note) = principle_note {
                cx.report(
                    note.at,
                    GiftProblem::Comment { key: note.key.clone(), issue: CommentIssue::ScenarioPrinciple },
                );
            }
            let ids = match options_note {
                Some(note) => {
                    let ids: Vec<String> =
                        value(note).split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
                    if let Some(unknown) = ids.iter().find(|id| exists(id).is_none()) {
                        cx.report(note.value_at, Problem::UnknownPrinciple { id: unknown.clone() });
                        return None;
                    }
                    let labels_match = ids.len() == texts.len()
                        && ids.iter().zip(&texts).all(|(id, text)| exists(id).is_some_and(|p| &p.label == text));
                    if !labels_match {
                        cx.report(
                            note.value_at,
                            GiftProblem::Comment { key: note.key.clone(), issue: CommentIssue::Options },
                        );
                        return None;
                    }
                    ids
                }
                // Written by hand: each answer names a principle by its label.
                None => {
                    let mut ids = Vec::new();
                    for answer in &draft.answers {
                        match principles.iter().find(|p| p.label == answer.text) {
                            Some(p) => ids.push(p.id.clone()),
                            None => {
                                cx.report(answer.at, Problem::UnknownPrinciple { id: answer.text.clone() });
                                return None;
                            }
                        }
                    }
                    ids
                }
            };
            let answer = ids[draft.right].clone();
            if let Some(dup) = (0..ids.len()).find(|&i| ids[..i].contains(&ids[i])) {
                cx.report(draft.answers[dup].at, Problem::DuplicateOption { option: ids[dup].clone() });
                return None;
            }
            (ids, Some(answer))
        }
    };
    // Only a question that stands gets its missing fields reported.
    let difficulty = match one(cx, "difficulty") {
        Some(note) => match Difficulty::ALL.into_iter().find(|d| d.label() == value(note)) {
            Some(d) => d,
            None => {
                cx.report(note.value_at, Problem::UnknownDifficulty { value: value(note).to_string() });
                Difficulty::Basic
            }
        },
        None => {
            cx.report(
                draft.at,
                GiftProblem::Defaulted { field: "difficulty", value: Difficulty::Basic.label().into() },
            );
            Difficulty::Basic
        }
    };
    let quote = match nonempty(one(cx, "quote")) {
        Some(note) => value(note).to_string(),
        None => {
            cx.report(draft.at, GiftProblem::Missing { field: "quote" });
            String::new()
        }
    };
    let prompt = nonempty(one(cx, "prompt")).map(|n| value(n).to_string());
    let answer = options[draft.right].clone();
    let mut notes = Vec::new();
    for (i, a) in draft.answers.iter().enumerate() {
        match (&a.feedback, i == draft.right) {
            (Some((note, _)), false) => notes.push((options[i].clone(), note.clone())),
            // The right answer's own feedback has no place: the explanation (####) says why.
            (Some((_, at)), true) => cx.report(*at, GiftProblem::Unsupported(GiftConstruct::Feedback)),
            (None, _) => {}
        }
    }
    Some(Question {
        id: String::new(),
        kind,
        text: draft.text.clone(),
        prompt,
        options,
        answer,
        explanation: draft.explanation.clone(),
        notes,
        quote,
        difficulty,
        principle,
    })
}
