//! The form view of a TOML draft: the set, its source, its principles and one question at a time, each field labelled, its problems beside it, and quotes picked from the source text.
//!
//! Every change is a `FormEdit` the state writes into the draft's text (credo_authoring::form),
//! so the text view shows it at once and the check runs on it as for typing.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use credo_authoring::draft::{self, Format};
use credo_authoring::form::{
    fields_at, Field, FormEdit, FormUnavailable, QuestionForm, SetForm, PRINCIPLE_KEYS, QUESTION_KEYS, SET_KEYS,
    SOURCE_KEYS,
};
use credo_authoring::i18n::{fill, FormTexts};
use credo_authoring::problem::DraftProblem;
use credo_authoring::trainer_state::{Action, Removed, Sources};
use credo_core::i18n::Lang;
use credo_core::model::Difficulty;
use credo_core::parse::Parsed;
use credo_core::paths::is_plain_relative;

use crate::editor::fetch_source;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub text: Rc<str>,
    pub format: Format,
    pub parsed: Rc<Parsed<DraftProblem>>,
    /// Whether `parsed` is the check of `text` as it stands.
    pub checked: bool,
    pub question: usize,
    pub sources: Rc<Sources>,
    /// What the form's last removal took, while it can be put back.
    pub removed: Option<Removed>,
    pub on_action: Callback<Action>,
}

/// A field as the form's list of problems names it: its section (and number) and its label,
/// without the label's hint in brackets.
fn field_place(t: &FormTexts, field: &Field) -> String {
    let short = |full: &str| full.split(['(', '(']).next().unwrap_or_default().trim().to_string();
    let label = |keys: &[&str], labels: &[&str], key: &str| {
        keys.iter().position(|k| *k == key).and_then(|i| labels.get(i)).map(|l| short(l)).unwrap_or_default()
    };
    let (section, label) = match field {
        Field::Set(key) => (t.set_heading.to_string(), label(&SET_KEYS, &t.set_fields, key)),
        Field::Source(key) => (t.source_heading.to_string(), label(&SOURCE_KEYS, &t.source_fields, key)),
        Field::Principle(i, key) => {
            (fill(t.principle_n, &[("n", &(i + 1))]), label(&PRINCIPLE_KEYS, &t.principle_fields, key))
        }
        Field::Question(i, key) => {
            (fill(t.question_n, &[("n", &(i + 1))]), label(&QUESTION_KEYS, &t.question_fields, key))
        }
        Field::Note(i, _) => (fill(t.question_n, &[("n", &(i + 1))]), short(t.notes_heading)),
    };
    if label.is_empty() {
        section
    } else {
        format!("{section} · {label}")
    }
}

/// The id of a field's input, for its label, its problems and the links to it.
fn field_id(field: &Field) -> String {
    match field {
        Field::Set(key) => format!("form-set-{key}"),
        Field::Source(key) => format!("form-source-{key}"),
        Field::Principle(i, "") => format!("form-p{i}"),
        Field::Principle(i, key) => format!("form-p{i}-{key}"),
        Field::Question(_, "") => "form-question".into(),
        Field::Question(_, key) => format!("form-q-{key}"),
        Field::Note(_, option) => format!("form-q-note-{:x}", fnv(option)),
    }
}

fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Where the form shows a problem of `field`: at the field, or, for one the form does not show
/// for this question (a scenario's `options` or `principle`, a note for no option shown), at the
/// question as a whole.
fn rendered(field: &Field, form: &SetForm) -> Field {
    let shown_notes = |q: &QuestionForm| note_options(q, form);
    match field {
        Field::Question(i, key @ ("options" | "principle")) => match form.questions.get(*i) {
            Some(q) if q.kind == "choice" => Field::Question(*i, key),
            _ => Field::Question(*i, ""),
        },
        Field::Note(i, option) => match form.questions.get(*i) {
            // Shown for an option offered, and for a note left over (to be emptied).
            Some(q) if shown_notes(q).contains(option) || q.notes.iter().any(|(o, _)| o == option) => field.clone(),
            _ => Field::Question(*i, ""),
        },
        other => other.clone(),
    }
}

/// The options a question's notes are written for: every option but the answer (a scenario
/// without options offers every principle).
fn note_options(q: &QuestionForm, form: &SetForm) -> Vec<String> {
    let options: Vec<String> = if q.kind != "choice" && q.options.is_empty() {
        form.principles.iter().map(|p| p.id.clone()).collect()
    } else {
        q.options.clone()
    };
    options.into_iter().filter(|o| *o != q.answer && !o.is_empty()).collect()
}

/// The field a problem link leads to, focused once the form shows it (another question first).
fn focus(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = element.focus();
    }
}

#[function_component(FormView)]
pub fn form_view(props: &Props) -> Html {
    let t = FormTexts::get(props.lang);
    // Read once per text, not per render of a field.
    let form = {
        let text = props.text.clone();
        use_memo(Rc::as_ptr(&props.text) as *const u8 as usize, move |_| SetForm::read(&text))
    };
    // Each problem of the last check with the field it concerns (none: the set as a whole). Made
    // when a check arrives (the text is then the one checked) and kept while typing goes on, so
    // the fields' problems do not blink away at every keystroke.
    let problems = {
        let (text, parsed, lang) = (props.text.clone(), props.parsed.clone(), props.lang);
        use_memo(Rc::as_ptr(&props.parsed) as usize, move |_| {
            let places: Vec<(usize, usize)> = parsed.diagnostics.iter().map(|d| (d.line, d.column)).collect();
            let fields = fields_at(&text, &places);
            let located: Vec<(Option<Field>, String, String)> = parsed
                .diagnostics
                .iter()
                .zip(fields)
                .map(|(d, field)| {
                    let (place, message) = draft::where_and_what(Format::Toml, d, lang);
                    (field, place, message)
                })
                .collect();
            located
        })
    };
    // A field or button to focus once the form has rendered the edit that made it (another
    // question shown, an item moved, added or removed), so focus never stays on a button that now
    // belongs to another item, nor drops to the page.
    let pending_focus = use_mut_ref(|| None::<String>);
    {
        let pending_focus = pending_focus.clone();
        use_effect(move || {
            if let Some(id) = pending_focus.borrow_mut().take() {
                focus(&id);
            }
        });
    }
    // The source text the set names, fetched from the server once (as the editor does for the check).
    let source_file = form.as_ref().as_ref().ok().map(|f| f.source.file.clone()).unwrap_or_default();
    {
        // Only once typing has paused (the draft is checked): not one request per keystroke of the name.
        let (dispatch, sources) = (props.on_action.clone(), props.sources.clone());
        use_effect_with((source_file.clone(), props.checked), move |(names, checked)| {
            for name in names.lines().filter(|_| *checked) {
                let known = sources.iter().any(|(n, _)| n == name);
                if !known && is_plain_relative(name) {
                    fetch_source(dispatch.clone(), name.to_string());
                }
            }
        });
    }

    if props.format != Format::Toml {
        let convert = props.on_action.reform(|_: MouseEvent| Action::ConvertToToml);
        let valid = props.checked && props.parsed.valid_set().is_some();
        return html! {
            <div class="form-view">
                <p>{ t.not_toml }</p>
                <button type="button" disabled={!valid} onclick={convert}>{ t.to_toml }</button>
            </div>
        };
    }
    let form = match form.as_ref() {
        Ok(form) => form,
        Err(FormUnavailable::NotToml { line, column }) => {
            return html! { <div class="form-view"><p class="error" role="alert">{ format!("{} {line}:{column}", t.syntax_first) }</p></div> }
        }
        Err(FormUnavailable::Shape(key)) => {
            return html! { <div class="form-view"><p class="error" role="alert">{ fill(t.not_form_shape, &[("key", key)]) }</p></div> }
        }
    };

    let mut by_field: HashMap<String, Vec<String>> = HashMap::new();
    for (field, _, message) in problems.iter() {
        if let Some(field) = field.as_ref().map(|f| rendered(f, form)) {
            by_field.entry(field_id(&field)).or_default().push(message.clone());
        }
    }
    let cx = Cx {
        t,
        lang: props.lang,
        on_action: props.on_action.clone(),
        problems: Rc::new(by_field),
        focus_next: pending_focus.clone(),
    };
    let summary = problems.iter().map(|(field, place, message)| {
        let go = field.as_ref().map(|f| rendered(f, form)).map(|field| {
            let (dispatch, pending_focus, shown) = (props.on_action.clone(), pending_focus.clone(), props.question);
            Callback::from(move |_: MouseEvent| {
                let id = field_id(&field);
                match field {
                    Field::Question(i, _) | Field::Note(i, _) if i != shown => {
                        *pending_focus.borrow_mut() = Some(id);
                        dispatch.emit(Action::SelectQuestion(i));
                    }
                    _ => focus(&id),
                }
            })
        });
        // The form names the field, not the text's line and column, which the form does not show.
        let place = field.as_ref().map_or_else(|| place.clone(), |f| field_place(t, &rendered(f, form)));
        html! {
            <li>
                if let Some(go) = go {
                    <button type="button" class="link-button problem-link" onclick={go}>{ place }</button>
                } else {
                    <span>{ place }</span>
                }
                <span class="problem-message">{ message }</span>
            </li>
        }
    });

    let set_fields = SET_KEYS.iter().zip(t.set_fields).map(|(&key, label)| {
        let value = match key {
            "id" => &form.id,
            "title" => &form.title,
            "pass_mark" => &form.pass_mark,
            "length" => &form.length,
            _ => &form.prompt,
        };
        cx.input(Field::Set(key), label, value)
    });
    let source = &form.source;
    let source_fields = SOURCE_KEYS.iter().zip(t.source_fields).map(|(&key, label)| {
        let value = match key {
            "office" => &source.office,
            "title" => &source.title,
            "date" => &source.date,
            "url" => &source.url,
            _ => &source.file,
        };
        cx.input(Field::Source(key), label, value)
    });
    let count = form.principles.len();
    let principles = form.principles.iter().enumerate().map(|(i, p)| {
        let heading = fill(t.principle_n, &[("n", &(i + 1))]);
        html! {
            <fieldset class="form-principle" id={field_id(&Field::Principle(i, ""))} tabindex="-1">
                <legend>{ format!("{heading} {}", p.label) }</legend>
                { cx.problems_of(&Field::Principle(i, "")) }
                { cx.input(Field::Principle(i, "id"), t.principle_fields[0], &p.id) }
                { cx.input(Field::Principle(i, "label"), t.principle_fields[1], &p.label) }
                { cx.area(Field::Principle(i, "summary"), t.principle_fields[2], &p.summary, 2) }
                { cx.moves(i, count, FormEdit::MovePrinciple, FormEdit::RemovePrinciple, &heading, &|n| field_id(&Field::Principle(n, "")), "add-principle") }
            </fieldset>
        }
    });
    // A new item's first field takes the focus.
    let add_principle = cx.act(FormEdit::AddPrinciple, field_id(&Field::Principle(count, "label")));
    let add_question = cx.act(FormEdit::AddQuestion, field_id(&Field::Question(0, "text")));
    let question = form.questions.get(props.question).map(|q| {
        // The source texts the set names and the page has: the quote picker offers each.
        let texts: Vec<(String, String)> = source
            .file
            .lines()
            .filter_map(|name| {
                let found = props.sources.iter().find(|(n, _)| n == name)?;
                Some((name.to_string(), found.1.as_ref().ok()?.clone()))
            })
            .collect();
        cx.question(props.question, form, q, texts)
    });
    let pick = {
        let dispatch = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse() {
                dispatch.emit(Action::SelectQuestion(i));
            }
        })
    };
    let question_options = form.questions.iter().enumerate().map(|(i, q)| {
        let snippet: String = q.text.chars().take(30).collect();
        html! { <option value={i.to_string()} selected={i == props.question}>{ format!("{}. {} {snippet}", i + 1, q.id) }</option> }
    });
    html! {
        <div class="form-view">
            if !problems.is_empty() {
                <section aria-labelledby="form-problems-heading" class="problems-section">
                    <h3 id="form-problems-heading" class="error">{ fill(t.problems_count, &[("n", &problems.len())]) }</h3>
                    <ol class="problems">{ for summary }</ol>
                </section>
            }
            <fieldset class="form-section">
                <legend>{ t.set_heading }</legend>
                { for set_fields }
            </fieldset>
            <fieldset class="form-section">
                <legend>{ t.source_heading }</legend>
                { for source_fields }
            </fieldset>
            <section aria-labelledby="form-principles-heading" class="form-section">
                <h3 id="form-principles-heading">{ t.principles_heading }</h3>
                { for principles }
                <button type="button" id="add-principle" onclick={add_principle}>{ t.add_principle }</button>
                { cx.removal_note(props.removed, |r| match r { Removed::Principle(n) => Some(n), _ => None }) }
            </section>
            <section aria-labelledby="form-questions-heading" class="form-section">
                <h3 id="form-questions-heading">{ t.questions_heading }</h3>
                if !form.questions.is_empty() {
                    <label for="form-question-pick">{ t.question_pick }</label>
                    <select id="form-question-pick" onchange={pick}>{ for question_options }</select>
                }
                <button type="button" id="add-question" onclick={add_question}>{ t.add_question }</button>
                { cx.removal_note(props.removed, |r| match r { Removed::Question(n) => Some(n), _ => None }) }
                { for question }
            </section>
        </div>
    }
}

/// What every field needs: the strings, the problems by field, the way to report an edit.
struct Cx {
    t: &'static FormTexts,
    lang: Lang,
    on_action: Callback<Action>,
    problems: Rc<HashMap<String, Vec<String>>>,
    /// The id to focus after the next render.
    focus_next: Rc<std::cell::RefCell<Option<String>>>,
}

impl Cx {
    /// A button's callback: the edit, then the focus on `then` once it is rendered.
    fn act(&self, edit: FormEdit, then: String) -> Callback<MouseEvent> {
        self.then_focus(move || Action::FormEdit(edit.clone()), then)
    }

    /// Reports `action` on a click, and moves the focus to `then` once the form shows its result.
    fn then_focus(&self, action: impl Fn() -> Action + 'static, then: String) -> Callback<MouseEvent> {
        let (dispatch, focus_next) = (self.on_action.clone(), self.focus_next.clone());
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(then.clone());
            dispatch.emit(action());
        })
    }

    /// Where the form says what it just removed, with the way to put it back: after the add
    /// button the focus went to, in a status region that is always there (so it is announced).
    fn removal_note(&self, removed: Option<Removed>, kind: fn(Removed) -> Option<usize>) -> Html {
        let t = self.t;
        let note = removed.and_then(|r| Some((r, kind(r)?))).map(|(r, n)| {
            let (said, back) = match r {
                Removed::Question(_) => (t.question_removed, "form-q".to_string()),
                Removed::Principle(_) => (t.principle_removed, field_id(&Field::Principle(n - 1, ""))),
            };
            let undo = self.then_focus(|| Action::UndoRemoval, back);
            html! {
                <>
                    { fill(said, &[("n", &n)]) }{ " " }
                    <button type="button" class="undo-removal" onclick={undo}>{ t.undo_removal }</button>
                </>
            }
        });
        html! { <p role="status" class="removal-note">{ for note }</p> }
    }

    fn edit(&self, field: Field) -> Callback<String> {
        self.on_action.reform(move |value: String| Action::FormEdit(FormEdit::Set(field.clone(), value)))
    }

    /// The problems of a field, under it; their id describes the input.
    fn problems_of(&self, field: &Field) -> Html {
        let id = field_id(field);
        match self.problems.get(&id) {
            Some(list) => html! {
                <ul class="field-problems" id={format!("{id}-problems")} aria-label={self.t.problems_here}>
                    { for list.iter().map(|m| html! { <li class="error">{ m }</li> }) }
                </ul>
            },
            None => html! {},
        }
    }

    fn described(&self, field: &Field) -> (Option<String>, String) {
        let id = field_id(field);
        let has = self.problems.contains_key(&id);
        (has.then(|| format!("{id}-problems")), has.to_string())
    }

    fn input(&self, field: Field, label: &str, value: &str) -> Html {
        let id = field_id(&field);
        let (describedby, invalid) = self.described(&field);
        let edit = self.edit(field.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            edit.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        });
        html! {
            <div class="form-field">
                <label for={id.clone()}>{ label }</label>
                <input type="text" id={id} value={value.to_string()} {oninput} aria-describedby={describedby} aria-invalid={invalid} />
                { self.problems_of(&field) }
            </div>
        }
    }

    fn area(&self, field: Field, label: &str, value: &str, rows: u32) -> Html {
        let id = field_id(&field);
        let (describedby, invalid) = self.described(&field);
        let edit = self.edit(field.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            edit.emit(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
        html! {
            <div class="form-field">
                <label for={id.clone()}>{ label }</label>
                <textarea id={id} value={value.to_string()} {oninput} rows={rows.to_string()} aria-describedby={describedby} aria-invalid={invalid} />
                { self.problems_of(&field) }
            </div>
        }
    }

    fn select(&self, field: Field, label: &str, value: &str, choices: Vec<(String, String)>) -> Html {
        let id = field_id(&field);
        let (describedby, invalid) = self.described(&field);
        let edit = self.edit(field.clone());
        let onchange =
            Callback::from(move |e: Event| edit.emit(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        // A value the choices do not have (a typo in the text) is shown as it is, not replaced.
        let unknown = (!choices.iter().any(|(v, _)| v == value)).then(|| value.to_string());
        html! {
            <div class="form-field">
                <label for={id.clone()}>{ label }</label>
                <select id={id} {onchange} aria-describedby={describedby} aria-invalid={invalid}>
                    if let Some(value) = unknown {
                        <option value={value.clone()} selected=true>{ value }</option>
                    }
                    { for choices.into_iter().map(|(v, text)| {
                        let selected = v == value;
                        html! { <option value={v} {selected}>{ text }</option> }
                    }) }
                </select>
                { self.problems_of(&field) }
            </div>
        }
    }

    /// Up, down and remove for the item at `i` of `count`, named by `what` for screen readers.
    /// `id_of(n)` names the item's buttons at place n: after a move, focus follows the item (to
    /// the other button at an end); after a removal it goes to `after_remove` (the add button).
    #[allow(clippy::too_many_arguments)]
    fn moves(
        &self,
        i: usize,
        count: usize,
        move_to: fn(usize, usize) -> FormEdit,
        remove: fn(usize) -> FormEdit,
        what: &str,
        id_of: &dyn Fn(usize) -> String,
        after_remove: &str,
    ) -> Html {
        let t = self.t;
        let up_focus = if i == 1 { format!("{}-down", id_of(0)) } else { format!("{}-up", id_of(i.saturating_sub(1))) };
        let down_focus = if i + 2 >= count { format!("{}-up", id_of(i + 1)) } else { format!("{}-down", id_of(i + 1)) };
        let here = id_of(i);
        html! {
            <div class="form-moves">
                <button type="button" id={format!("{here}-up")} disabled={i == 0} onclick={self.act(move_to(i, i.saturating_sub(1)), up_focus)}
                    aria-label={format!("{what}: {}", t.move_up)}>{ t.move_up }</button>
                <button type="button" id={format!("{here}-down")} disabled={i + 1 >= count} onclick={self.act(move_to(i, i + 1), down_focus)}
                    aria-label={format!("{what}: {}", t.move_down)}>{ t.move_down }</button>
                <button type="button" id={format!("{here}-remove")} onclick={self.act(remove(i), after_remove.to_string())}
                    aria-label={format!("{what}: {}", t.remove)}>{ t.remove }</button>
            </div>
        }
    }

    fn question(&self, i: usize, form: &SetForm, q: &QuestionForm, sources: Vec<(String, String)>) -> Html {
        let t = self.t;
        let scenario = q.kind != "choice";
        let principles: Vec<(String, String)> =
            form.principles.iter().map(|p| (p.id.clone(), format!("{} ({})", p.label, p.id))).collect();
        let kinds =
            vec![("scenario".to_string(), t.kinds[0].to_string()), ("choice".to_string(), t.kinds[1].to_string())];
        let levels: Vec<(String, String)> =
            Difficulty::ALL.iter().map(|d| (d.label().to_string(), d.label().to_string())).collect();
        let rule = Difficulty::ALL.iter().position(|d| d.label() == q.difficulty).map(|n| {
            let (for_scenario, for_choice) = t.difficulty_rules[n];
            if scenario {
                for_scenario
            } else {
                for_choice
            }
        });
        let answers: Vec<(String, String)> =
            if scenario { principles.clone() } else { q.options.iter().map(|o| (o.clone(), o.clone())).collect() };
        let option_fields = (!scenario).then(|| {
            let items = q.options.iter().enumerate().map(|(j, option)| {
                let id = format!("form-q-option-{j}");
                let label = fill(t.option_n, &[("n", &(j + 1))]);
                let (all, dispatch) = (q.options.clone(), self.on_action.clone());
                let oninput = Callback::from(move |e: InputEvent| {
                    let mut options = all.clone();
                    options[j] = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    dispatch.emit(Action::FormEdit(FormEdit::SetOptions(i, options)));
                });
                let (all, dispatch) = (q.options.clone(), self.on_action.clone());
                let remove = Callback::from(move |_: MouseEvent| {
                    let mut options = all.clone();
                    options.remove(j);
                    dispatch.emit(Action::FormEdit(FormEdit::SetOptions(i, options)));
                });
                html! {
                    <li>
                        <label for={id.clone()}>{ label.clone() }</label>
                        <input type="text" id={id} value={option.clone()} {oninput} />
                        <button type="button" onclick={remove} aria-label={format!("{label}: {}", t.remove)}>{ t.remove }</button>
                    </li>
                }
            });
            let (all, dispatch) = (q.options.clone(), self.on_action.clone());
            let add = Callback::from(move |_: MouseEvent| {
                let mut options = all.clone();
                options.push(String::new());
                dispatch.emit(Action::FormEdit(FormEdit::SetOptions(i, options)));
            });
            html! {
                <fieldset class="form-options" id={field_id(&Field::Question(i, "options"))} tabindex="-1">
                    <legend>{ t.question_fields[5] }</legend>
                    { self.problems_of(&Field::Question(i, "options")) }
                    <ul>{ for items }</ul>
                    <button type="button" onclick={add}>{ t.add_option }</button>
                </fieldset>
            }
        });
        let offered = note_options(q, form);
        let notes = offered.iter().map(|option| {
            let note = q.notes.iter().find(|(o, _)| o == option).map(|(_, n)| n.as_str()).unwrap_or_default();
            let shown = if scenario {
                form.principles.iter().find(|p| p.id == *option).map_or(option.as_str(), |p| p.label.as_str())
            } else {
                option.as_str()
            };
            self.area(Field::Note(i, option.clone()), &fill(t.note_for, &[("option", &shown)]), note, 2)
        });
        // Notes whose option is gone (renamed in the text, removed) or is now the answer: shown so
        // they can be emptied here, not only in the text view.
        let leftover = q.notes.iter().filter(|(o, _)| !offered.contains(o)).map(|(option, note)| {
            self.area(Field::Note(i, option.clone()), &fill(t.note_orphaned, &[("option", option)]), note, 2)
        });
        let count = form.questions.len();
        let what = format!("{} {}", q.id, t.questions_heading);
        let duplicate = self.act(FormEdit::DuplicateQuestion(i), field_id(&Field::Question(i, "text")));
        let mut principle_choices = vec![(String::new(), t.no_principle.to_string())];
        principle_choices.extend(principles.clone());
        html! {
            <div class="form-question" id="form-question" tabindex="-1">
                { self.problems_of(&Field::Question(i, "")) }
                <div class="form-moves">
                    <button type="button" onclick={duplicate} aria-label={format!("{what}: {}", t.duplicate)}>{ t.duplicate }</button>
                </div>
                { self.moves(i, count, FormEdit::MoveQuestion, FormEdit::RemoveQuestion, &what, &|_| "form-q".to_string(), "add-question") }
                <div class="form-columns">
                    <div>
                        { self.input(Field::Question(i, "id"), t.question_fields[0], &q.id) }
                        { self.select(Field::Question(i, "kind"), t.question_fields[1], &q.kind, kinds) }
                        { self.select(Field::Question(i, "difficulty"), t.question_fields[2], &q.difficulty, levels) }
                        if let Some(rule) = rule {
                            <p class="meta difficulty-rule">{ rule }</p>
                        }
                        { self.area(Field::Question(i, "text"), t.question_fields[3], &q.text, 4) }
                        { self.input(Field::Question(i, "prompt"), t.question_fields[4], &q.prompt) }
                        { for option_fields }
                        { self.select(Field::Question(i, "answer"), t.question_fields[6], &q.answer, answers) }
                        if !scenario {
                            { self.select(Field::Question(i, "principle"), t.question_fields[7], &q.principle, principle_choices) }
                        }
                        { self.area(Field::Question(i, "explanation"), t.question_fields[8], &q.explanation, 4) }
                        { self.area(Field::Question(i, "quote"), t.question_fields[9], &q.quote, 3) }
                        if !offered.is_empty() || !q.notes.is_empty() {
                            <fieldset class="form-notes">
                                <legend>{ t.notes_heading }</legend>
                                { for notes }
                                { for leftover }
                            </fieldset>
                        }
                    </div>
                    <QuotePicker key={i} lang={self.lang} {sources} on_quote={self.edit(Field::Question(i, "quote"))} />
                </div>
            </div>
        }
    }
}

#[derive(Properties, PartialEq)]
struct QuoteProps {
    lang: Lang,
    /// The source texts the set names that were fetched: (file, text).
    sources: Vec<(String, String)>,
    on_quote: Callback<String>,
}

/// The source document beside the question: the trainer selects a passage (with the mouse, or
/// Shift and the arrow keys) and 「引用にする」 makes it the quote, word for word by construction.
#[function_component(QuotePicker)]
fn quote_picker(props: &QuoteProps) -> Html {
    let t = FormTexts::get(props.lang);
    let area = use_node_ref();
    {
        // The source text refuses edits (see below). Yew has no `onbeforeinput`: a listener of
        // the text area's own, which may cancel, while there is one.
        let area = area.clone();
        use_effect_with(props.sources.is_empty(), move |_| {
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            let listener = area.cast::<web_sys::HtmlTextAreaElement>().map(|target| {
                gloo_events::EventListener::new_with_options(&target, "beforeinput", options, |e| e.prevent_default())
            });
            move || drop(listener)
        });
    }
    let nothing = use_state(|| false);
    // A set comparing documents names several: one at a time, chosen here.
    let chosen = use_state(|| 0usize);
    let Some((_, source)) = props.sources.get(*chosen).or(props.sources.first()) else {
        return html! { <div class="quote-picker"><p class="meta">{ t.source_missing }</p></div> };
    };
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Ok(n) = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse() {
                chosen.set(n);
            }
        })
    };
    let files = props.sources.iter().enumerate().map(|(n, (name, _))| {
        html! { <option value={n.to_string()} selected={n == *chosen}>{ name }</option> }
    });
    let take = {
        let (area, on_quote, nothing) = (area.clone(), props.on_quote.clone(), nothing.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() else { return };
            let (Ok(Some(start)), Ok(Some(end))) = (area.selection_start(), area.selection_end()) else { return };
            // Selection offsets count UTF-16 units, as JavaScript strings do.
            let units: Vec<u16> = area.value().encode_utf16().collect();
            let chosen = units.get(start as usize..end as usize).map(String::from_utf16_lossy).unwrap_or_default();
            let chosen = chosen.trim();
            nothing.set(chosen.is_empty());
            if !chosen.is_empty() {
                on_quote.emit(chosen.to_string());
            }
        })
    };
    // Not `readonly`: Chromium moves no caret and selects nothing by keyboard in a read-only text
    // area, and a quote is picked with Shift and the arrow keys too. Edits are refused instead, and
    // what cannot be refused (an input method's composition) is undone at once.
    let restore_source = {
        let (area, source) = (area.clone(), source.clone());
        Callback::from(move |_: InputEvent| {
            if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                area.set_value(&source);
            }
        })
    };
    html! {
        <div class="quote-picker">
            if props.sources.len() > 1 {
                <label for="form-source-file-pick">{ t.source_heading }</label>
                <select id="form-source-file-pick" onchange={choose}>{ for files }</select>
            }
            <label for="form-source-text">{ t.source_text }</label>
            <textarea id="form-source-text" ref={area.clone()} aria-readonly="true" value={source.clone()} rows="16"
                oninput={restore_source} />
            <button type="button" id="form-take-quote" onclick={take}>{ t.take_quote }</button>
            if *nothing {
                <p class="error" role="alert">{ t.select_first }</p>
            }
        </div>
    }
}
