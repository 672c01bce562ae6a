//! The set editor: open or drop a file, type, see each problem at its line, try the draft, download it, preview every question.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::drafts::{new_slot, DraftList};
use crate::drop_zone::DropZone;
use crate::form::FormView;

use crate::preview::Preview;
use crate::tryout::TryOut;
use credo_authoring::draft::{self, Format, SourceError};
use credo_authoring::i18n::{fill, FormTexts, TrainerTexts};
use credo_authoring::problem::DraftProblem;
use credo_authoring::trainer_state::{Action, Draft, DraftListing, DraftNote, FileNote, Removed, Sources, View};
use credo_core::diagnostic::{Diagnostic, Message, Problem};
use credo_core::i18n::Lang;
use credo_core::manifest::SetSummary;
use credo_web::files::{input_files, read_file};
use credo_web::storage;

/// How long typing must pause before the draft is checked.
const CHECK_DELAY_MS: u32 = 300;

/// The draft and what the page says of it; what the trainer does, and what the panel's effects
/// bring in (a check due, a source text fetched), comes back as actions.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub draft: Draft,
    pub file_note: Option<FileNote>,
    /// The seed of the try-out running, if one is.
    pub trying: Option<u64>,
    pub view: View,
    /// The question the form shows.
    pub question: usize,
    pub sources: Rc<Sources>,
    pub drafts: Vec<DraftListing>,
    pub draft_notes: Vec<DraftNote>,
    /// Where the draft being edited is kept.
    pub slot: String,
    /// What the form's last removal took, while it can be put back.
    pub removed: Option<Removed>,
    pub on_action: Callback<Action>,
}

#[function_component(EditorPanel)]
pub fn editor_panel(props: &Props) -> Html {
    let t = TrainerTexts::get(props.lang);
    let textarea = use_node_ref();

    // Check the draft once typing pauses: every edit replaces the pending timer.
    {
        let dispatch = props.on_action.clone();
        use_effect_with(props.draft.edits, move |&edits| {
            // gloo's Timeout cancels itself when dropped.
            let timer = Timeout::new(CHECK_DELAY_MS, move || dispatch.emit(Action::Check { edits }));
            move || drop(timer)
        });
    }

    // Once a check is shown, add its cue report: a timer lets the browser paint the check first.
    {
        let dispatch = props.on_action.clone();
        // The check itself (its Rc), not only its edit number: an opened file starts again at edit 0.
        let checked =
            props.draft.is_checked().then_some((props.draft.checked, Rc::as_ptr(&props.draft.parsed) as usize));
        use_effect_with(checked, move |&checked| {
            let timer = checked.map(|(edits, _)| Timeout::new(0, move || dispatch.emit(Action::ReportCues { edits })));
            move || drop(timer)
        });
    }

    // Fetch the source texts the draft names from the server's questions/ folder, once each,
    // so the quotes can be checked word for word as `quizcheck check` does.
    {
        let dispatch = props.on_action.clone();
        let wanted: Vec<String> = props.draft.parsed.set.iter().flat_map(|set| set.source().files.clone()).collect();
        use_effect_with(wanted, move |wanted| {
            for name in wanted {
                // Names reach here only through the core's path rule (a valid set's `[source] file`).
                fetch_source(dispatch.clone(), name.clone());
            }
        });
    }

    if let (Some(seed), Some(_)) = (props.trying, props.draft.parsed.valid_set()) {
        let dispatch = props.on_action.clone();
        let on_close = Callback::from(move |_| dispatch.emit(Action::StopTrying));
        if let Some(set) = props.draft.parsed.valid_set() {
            return html! { <TryOut set={set.clone()} lang={props.lang} {seed} {on_close} /> };
        }
    }

    let draft = &props.draft;
    let open = open_callback(&props.on_action, props.lang);
    // The first dropped file opens as the draft.
    let on_files = {
        let (dispatch, lang) = (props.on_action.clone(), props.lang);
        Callback::from(move |files: Vec<web_sys::File>| {
            if let Some(file) = files.into_iter().next() {
                wasm_bindgen_futures::spawn_local(open_file(dispatch.clone(), file, lang));
            }
        })
    };
    let on_input = {
        let dispatch = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(Action::Edited(area.value()));
        })
    };
    let on_format = {
        let dispatch = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(format) = Format::from_code(&select.value()) {
                dispatch.emit(Action::SetFormat(format));
            }
        })
    };
    let formats = Format::ALL.iter().map(|f| {
        html! { <option value={f.code()} selected={*f == draft.format}>{ f.label() }</option> }
    });
    let located: Vec<(usize, usize, &Diagnostic<DraftProblem>)> = draft
        .parsed
        .diagnostics
        .iter()
        .map(|d| {
            let (line, column) = draft::text_position(draft.format, &draft.text, d);
            (line, column, d)
        })
        .collect();
    let mut marked: Vec<usize> = located.iter().map(|(line, _, _)| *line).collect();
    marked.sort_unstable();
    marked.dedup();
    let note = match &props.file_note {
        Some(FileNote::Opened { name, shift_jis }) => {
            let sjis = match (*shift_jis, draft.format) {
                (false, _) => String::new(),
                // A set file must be UTF-8 to be published: the same words as the app and quizcheck.
                (true, Format::Toml) => format!("{} {}", t.read_as_shift_jis, Problem::NotUtf8.message(props.lang)),
                (true, Format::Csv | Format::Gift) => t.read_as_shift_jis.to_string(),
            };
            let format = fill(t.read_as_format, &[("format", &draft.format.label())]);
            html! { <p class="file-note">{ format!("{} {name} {sjis} — {format}", t.opened) }</p> }
        }
        Some(FileNote::Failed { name, reason }) => {
            html! { <p class="file-note error">{ format!("{} {name} ({reason})", t.file_failed) }</p> }
        }
        None => html! {},
    };
    let status = if !draft.is_checked() {
        t.checking.to_string()
    } else if located.is_empty() {
        t.no_problems.to_string()
    } else if props.view == View::Form {
        // The form's own list leads to fields, not lines.
        fill(FormTexts::get(props.lang).problems_count, &[("n", &located.len())])
    } else {
        fill(t.problems_count, &[("n", &located.len())])
    };
    let lines: Vec<&str> = draft.text.split('\n').collect();
    let problems = located.iter().map(|&(line, column, d)| {
        let text = draft.text.clone();
        let textarea = textarea.clone();
        let go = Callback::from(move |_| {
            place_caret(&textarea, draft::utf16_offset(&text, line, column));
            reveal(&format!("src-line-{line}"));
        });
        let excerpt = lines.get(line.wrapping_sub(1)).copied().unwrap_or_default();
        let (place, message) = draft::where_and_what(draft.format, d, props.lang);
        html! {
            <li>
                <button type="button" class="link-button problem-link" onclick={go}>{ place }</button>
                <span class="problem-message">{ message }</span>
                if !excerpt.trim().is_empty() {
                    <code class="problem-excerpt">{ excerpt }</code>
                }
            </li>
        }
    });
    let valid = draft.is_checked() && draft.parsed.valid_set().is_some();
    // The manifest line that publishes the set as downloaded (`quizcheck manifest` writes the same).
    let manifest_line = draft
        .parsed
        .valid_set()
        .filter(|_| draft.is_checked())
        .map(|set| SetSummary::of(set).line(&draft::file_name(Some(set.id()), &draft.file, Format::Toml)));
    let try_it = {
        let dispatch = props.on_action.clone();
        Callback::from(move |_| dispatch.emit(Action::TryIt { seed: credo_web::storage::random_seed() }))
    };
    let downloads = Format::ALL.iter().map(|&format| {
        let label = match format {
            Format::Toml => t.download_toml,
            Format::Csv => t.download_csv,
            Format::Gift => t.download_gift,
        };
        // The file is written when asked for, not on every render (a large set converted twice,
        // or its text copied, on each keystroke); the draft's clone is a few pointers.
        let disabled = format != draft.format && !valid;
        let draft = draft.clone();
        let onclick = Callback::from(move |_| {
            if let Some((name, text)) = download_content(&draft, format) {
                credo_web::files::download(&name, format.mime(), &text);
            }
        });
        html! { <button type="button" {disabled} {onclick} data-format={format.code()}>{ label }</button> }
    });
    let f = FormTexts::get(props.lang);
    let form_view = props.view == View::Form;
    let show = |view: View| props.on_action.reform(move |_: MouseEvent| Action::ShowView(view));
    let new_set = props.on_action.reform(|_: MouseEvent| Action::NewSet { slot: new_slot() });
    html! {
        <DropZone {on_files}>
            <DraftList lang={props.lang} drafts={props.drafts.clone()} notes={props.draft_notes.clone()}
                current={props.slot.clone()} on_action={props.on_action.clone()} />
            <section aria-labelledby="editor-heading">
                <h2 id="editor-heading" class="sr-only">{ t.tab_editor }</h2>
                <div class="view-row">
                    <div role="group" aria-label={f.view_label} class="view-switch">
                        <button type="button" id="view-text" aria-pressed={(!form_view).to_string()} onclick={show(View::Text)}>{ f.view_text }</button>
                        <button type="button" id="view-form" aria-pressed={form_view.to_string()} onclick={show(View::Form)}>{ f.view_form }</button>
                    </div>
                    <button type="button" id="new-set" onclick={new_set}>{ f.new_set }</button>
                </div>
                <div class="file-row">
                    <label for="open-file">{ t.open_file }</label>
                    <input type="file" id="open-file" accept=".toml,.csv,.gift,.txt,text/plain,text/csv" onchange={open} />
                    <label for="draft-format">{ t.format_label }</label>
                    <select id="draft-format" onchange={on_format}>{ for formats }</select>
                </div>
                <p class="meta">{ t.drop_hint }</p>
                <div role="status">{ note }</div>
                if form_view {
                    <FormView lang={props.lang} text={draft.text.clone()} format={draft.format} parsed={draft.parsed.clone()}
                        checked={draft.is_checked()} question={props.question} sources={props.sources.clone()}
                        removed={props.removed} on_action={props.on_action.clone()} />
                } else {
                    <label for="draft-text" class="editor-label">{ t.editor_label }</label>
                    <p id="draft-hint" class="meta">{ t.editor_hint }</p>
                    <div class="editor">
                        <Backdrop text={draft.text.clone()} marked={Rc::new(marked)} />
                        <textarea id="draft-text" ref={textarea.clone()} value={draft.text.to_string()} oninput={on_input}
                            spellcheck="false" autocomplete="off" aria-describedby="draft-hint problems-status"
                            aria-invalid={(!located.is_empty()).to_string()} rows="24" />
                    </div>
                }
            </section>
            <section aria-labelledby="problems-heading" class="problems-section">
                <h2 id="problems-heading">{ t.problems_heading }</h2>
                <p id="problems-status" role="status" class={if located.is_empty() { "meta" } else { "error" }}>{ status }</p>
                if !located.is_empty() && !form_view {
                    <ol class="problems">{ for problems }</ol>
                }
            </section>
            if let Some(report) = &draft.cues {
                <section aria-labelledby="cues-heading" class="cue-report">
                    <h2 id="cues-heading">{ t.cues_heading }</h2>
                    <p class="meta">{ t.cues_intro }</p>
                    { for report.render(props.lang).lines().map(|line| html! { <p class="cue-line">{ line.trim() }</p> }) }
                </section>
            }
            <section aria-labelledby="actions-heading">
                <h2 id="actions-heading">{ t.actions_heading }</h2>
                if !valid {
                    <p class="meta">{ t.fix_first }</p>
                }
                <div class="actions">
                    <button type="button" id="try-it" class="primary" disabled={!valid} onclick={try_it}>{ t.try_it }</button>
                    { for downloads }
                </div>
                if let Some(line) = manifest_line {
                    <p class="meta">{ t.manifest_line }</p>
                    <p><code id="manifest-line">{ line }</code></p>
                }
            </section>
            <Preview parsed={draft.parsed.clone()} lang={props.lang} />
        </DropZone>
    }
}

/// The text of a download in `format` and its file name: the draft as typed when it is in that
/// format already (comments and layout kept), else the valid set converted.
fn download_content(draft: &Draft, format: Format) -> Option<(String, String)> {
    let set = draft.parsed.valid_set().filter(|_| draft.is_checked());
    let name = draft::file_name(set.map(|s| s.id()), &draft.file, format);
    if format == draft.format {
        let text = match format {
            // What Excel opens right: a byte-order mark and CRLF.
            Format::Csv => format!("\u{feff}{}", draft.text.trim_start_matches('\u{feff}').replace('\n', "\r\n")),
            _ => draft.text.to_string(),
        };
        return Some((name, text));
    }
    set.map(|set| (name, draft::write(format, set.data())))
}

thread_local! {
    /// The source texts asked for so far, by the editor or the form: each is fetched once.
    static ASKED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Fetches a source text from the server's questions/ folder (`name` is a plain relative path),
/// once, and reports it, or why it could not be had.
pub fn fetch_source(dispatch: Callback<Action>, name: String) {
    let asked = ASKED.with(|a| {
        let mut a = a.borrow_mut();
        let asked = a.contains(&name);
        if !asked {
            a.push(name.clone());
        }
        asked
    });
    if asked {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = match storage::fetch_text(&format!("../questions/{name}")).await {
            Ok(text) => Ok(text),
            Err(reason) if reason == "HTTP 404" => Err(SourceError::Missing),
            Err(reason) => Err(SourceError::Unreadable(reason)),
        };
        dispatch.emit(Action::SourceLoaded { name, text });
    });
}

fn open_callback(on_action: &Callback<Action>, lang: Lang) -> Callback<Event> {
    let dispatch = on_action.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input_files(&input).into_iter().next() {
            wasm_bindgen_futures::spawn_local(open_file(dispatch.clone(), file, lang));
        }
    })
}

async fn open_file(dispatch: Callback<Action>, file: web_sys::File, lang: Lang) {
    let name = file.name();
    match read_file(file).await {
        Ok(opened) => match draft::not_text(&opened.head) {
            Some(kind) => dispatch.emit(Action::FileFailed { name, reason: kind.message(lang).to_string() }),
            None => dispatch.emit(Action::Opened { name: opened.name, text: opened.text, shift_jis: opened.shift_jis }),
        },
        Err(reason) => dispatch.emit(Action::FileFailed { name, reason }),
    }
}

#[derive(Properties, PartialEq)]
struct BackdropProps {
    text: Rc<str>,
    /// Lines with a problem, 1-based, sorted.
    marked: Rc<Vec<usize>>,
}

/// Lines a backdrop chunk holds: typing changes one chunk, so a keystroke re-renders a few
/// hundred lines, not every line of a 10,000-question set.
const CHUNK_LINES: usize = 200;

/// The text again, invisible, line by line behind the text area: it sizes the editor, carries
/// the line numbers and colours the lines with a problem. Hidden from screen readers, which get
/// the problem list instead.
#[function_component(Backdrop)]
fn backdrop(props: &BackdropProps) -> Html {
    let lines: Vec<&str> = props.text.split('\n').collect();
    let chunks = lines.chunks(CHUNK_LINES).enumerate().map(|(i, chunk)| {
        let first = i * CHUNK_LINES + 1;
        let last = first + chunk.len();
        let start = props.marked.partition_point(|&n| n < first);
        let end = props.marked.partition_point(|&n| n < last);
        html! {
            <BackdropChunk {first} text={Rc::<str>::from(chunk.join("\n"))} marked={Rc::new(props.marked[start..end].to_vec())} />
        }
    });
    html! { <div class="backdrop" aria-hidden="true">{ for chunks }</div> }
}

#[derive(Properties, PartialEq)]
struct ChunkProps {
    /// The number of its first line.
    first: usize,
    text: Rc<str>,
    marked: Rc<Vec<usize>>,
}

#[function_component(BackdropChunk)]
fn backdrop_chunk(props: &ChunkProps) -> Html {
    let lines = props.text.split('\n').enumerate().map(|(i, line)| {
        let n = props.first + i;
        let marked = props.marked.binary_search(&n).is_ok();
        html! {
            <span class={classes!("src-line", marked.then_some("problem"))} data-line={n.to_string()}
                id={marked.then(|| format!("src-line-{n}"))}>
                // An empty line still takes a line's height, as in the text area.
                { if line.is_empty() { " " } else { line } }
            </span>
        }
    });
    html! { <div class="src-chunk">{ for lines }</div> }
}

/// Puts the caret of a text area at `offset` (UTF-16 units) and focuses it.
fn place_caret(textarea: &NodeRef, offset: u32) {
    if let Some(area) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let _ = area.set_selection_range(offset, offset);
    }
}

/// Scrolls the element with `id` into the middle of its scrolling box, if it is not in view.
fn reveal(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
