//! The two interface languages and every interface string, as plain data (question content stays in Japanese).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The language a set's own text is in, from a sample of it (its title): Japanese when any
    /// kana or kanji is there. The page marks the set's text with it where the interface is in
    /// the other language, so a screen reader reads each part in its own voice (JIS X 8341-3,
    /// language of parts).
    pub fn of_text(sample: &str) -> Lang {
        let japanese = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff66}'..='\u{ff9f}');
        if sample.chars().any(japanese) {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The `lang` to put on a set's text (its language is `content`) inside this interface
    /// language: none where they are the same (the text inherits it).
    pub fn for_content(self, content: Lang) -> Option<&'static str> {
        (content != self).then(|| content.code())
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }
}

/// Every fixed string of the interface. One struct, so a missing translation is a compile error.
pub struct Texts {
    pub app_title: &'static str,
    pub switch_language: &'static str,
    pub loading: &'static str,
    pub sets_heading: &'static str,
    pub questions_count: &'static str,
    pub pass_mark: &'static str,
    pub start: &'static str,
    /// Start, when an attempt is in progress: a new one replaces it.
    pub start_over: &'static str,
    pub resume: &'static str,
    pub history: &'static str,
    pub broken_set: &'static str,
    pub manifest_failed: &'static str,
    pub question_of: &'static str,
    pub which_principle: &'static str,
    pub choose_one: &'static str,
    pub submit: &'static str,
    pub correct: &'static str,
    pub incorrect: &'static str,
    pub applies: &'static str,
    pub correct_answer: &'static str,
    pub your_answer: &'static str,
    pub why: &'static str,
    pub source_quote: &'static str,
    pub next: &'static str,
    pub see_result: &'static str,
    pub quit: &'static str,
    pub tag_correct: &'static str,
    pub tag_your_answer: &'static str,
    pub quit_trial: &'static str,
    pub result_heading: &'static str,
    pub score: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub by_principle: &'static str,
    pub missed_heading: &'static str,
    pub none_missed: &'static str,
    pub back_to_sets: &'static str,
    pub review_today: &'static str,
    pub review_total: &'static str,
    pub mastery: &'static str,
    pub certificate: &'static str,
    pub certificate_heading: &'static str,
    pub certificate_body: &'static str,
    pub certificate_name: &'static str,
    pub certificate_set: &'static str,
    pub certificate_source: &'static str,
    pub certificate_date: &'static str,
    pub certificate_code: &'static str,
    pub certificate_code_hint: &'static str,
    pub print: &'static str,
    pub back_to_result: &'static str,
    pub why_not: &'static str,
    pub start_all: &'static str,
    pub study: &'static str,
    pub study_heading: &'static str,
    pub study_intro: &'static str,
    pub study_passages: &'static str,
    pub retry_missed: &'static str,
    pub new_draw: &'static str,
    pub confusion_heading: &'static str,
    pub confusion_line: &'static str,
    pub missed_hint: &'static str,
    pub history_heading: &'static str,
    pub no_history: &'static str,
    pub date: &'static str,
    pub best: &'static str,
    pub general: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_write_failed: &'static str,
    pub storage_recovered: &'static str,
    pub storage_unreadable_kept: &'static str,
    pub finish_not_kept: &'static str,
    pub other_tab: &'static str,
    pub other_tab_continue_theirs: &'static str,
    pub other_tab_keep_mine: &'static str,
    pub attempt_stale: &'static str,
    pub unknown_set: &'static str,
    pub set_unusable: &'static str,
    pub from_cache: &'static str,
    pub config_problem: &'static str,
    pub dismiss: &'static str,
    pub source_label: &'static str,
    pub bad_parameters: &'static str,
    pub for_trainers: &'static str,
    pub download_heading: &'static str,
    pub name_label: &'static str,
    pub download_result: &'static str,
}

pub static JA: Texts = Texts {
    app_title: "クレド研修クイズ",
    switch_language: "English に切り替え",
    loading: "読み込み中…",
    sets_heading: "問題セット",
    questions_count: "問",
    pass_mark: "合格ライン",
    start: "はじめる",
    start_over: "最初からやり直す(途中の回答は消えます)",
    resume: "続きから",
    history: "履歴",
    broken_set: "このセットには問題があるため使えません:",
    manifest_failed: "問題セットの一覧を読み込めませんでした。",
    question_of: "問題",
    which_principle: "この場面に最もよく当てはまる原則はどれですか。",
    choose_one: "選択肢",
    submit: "回答する",
    correct: "正解です",
    incorrect: "不正解です",
    applies: "当てはまる原則",
    correct_answer: "正解",
    your_answer: "あなたの回答",
    why: "解説",
    source_quote: "出典からの引用",
    next: "次の問題へ",
    see_result: "結果を見る",
    quit: "セット一覧に戻る(途中経過は保存されます)",
    tag_correct: "正解",
    tag_your_answer: "あなたの回答",
    quit_trial: "試すのをやめる(何も保存されません)",
    result_heading: "結果",
    score: "得点",
    passed: "合格",
    failed: "不合格",
    by_principle: "原則ごとの正答",
    missed_heading: "間違えた問題",
    none_missed: "間違えた問題はありません。",
    back_to_sets: "セット一覧に戻る",
    review_today: "今日の復習 {n} 問",
    review_total: "今日の復習: {n} 問(復習は、間違えた問題が 1・3・7 日後にもう一度出るしくみです)",
    mastery: "これまでの正答(原則ごと)",
    certificate: "修了証を表示",
    certificate_heading: "修了証",
    certificate_body: "上記の者は、次の研修クイズに合格したことを証します。",
    certificate_name: "氏名(修了証に印刷します。このブラウザーにだけ保存します)",
    certificate_set: "研修",
    certificate_source: "出典",
    certificate_date: "合格日",
    certificate_code: "確認コード",
    certificate_code_hint: "確認コードの前半 4 文字は問題セットの版を表します。",
    print: "印刷する(PDF に保存もできます)",
    back_to_result: "結果に戻る",
    why_not: "「{chosen}」がいちばんではない理由",
    start_all: "全問に挑戦({n} 問)",
    study: "原則を読む",
    study_heading: "原則と出典",
    study_intro: "この問題セットの原則と、その説明、問題が引用している出典の一節です。クイズの前にも後にも読めます。",
    study_passages: "出典の一節",
    retry_missed: "間違えた問題だけもう一度({n} 問)",
    new_draw: "新しく出題する",
    confusion_heading: "取り違えた原則",
    confusion_line: "「{expected}」の場面で「{chosen}」を選んだ: {n} 回",
    missed_hint: "それぞれを開くと、あなたの回答と正解、解説が読めます。",
    history_heading: "受講履歴",
    no_history: "まだ記録がありません。",
    date: "日時",
    best: "最高点",
    general: "その他",
    storage_unavailable: "このブラウザでは記録を保存できません(サイトデータがブロックされています)。クイズは受けられますが、結果と途中経過はページを閉じると残りません。",
    storage_write_failed: "記録を保存できませんでした(保存領域が一杯か、ブロックされています)。結果はこの画面を閉じると残りません。",
    storage_recovered: "保存データの一部を読み取れなかったため、別の場所に退避しました(削除はしていません)。",
    storage_unreadable_kept: "保存データの一部を読み取れませんでした。保存領域が一杯で退避もできないため、そのまま残し、このページでは上書きしません。",
    other_tab: "このセットは別のタブ(またはウィンドウ)でも受けていて、そちらの途中経過のほうが新しくなっています。このタブの回答は、まだ保存していません。",
    other_tab_continue_theirs: "別のタブの続きにする",
    other_tab_keep_mine: "このタブの回答で続ける(別のタブの途中経過は退避します)",
    finish_not_kept: "この結果は履歴に保存できませんでした(保存領域が一杯です)。記録を残すには「結果をダウンロード」してください。この受講は終わっているので、次に開いても途中から再開はしません。",
    attempt_stale: "保存されていた途中経過は、問題セットが変更されたため再開できません。データは退避しました。",
    unknown_set: "指定された問題セットが見つかりません:",
    set_unusable: "問題セットを開けませんでした。理由は一覧のそのセットの欄にあります:",
    from_cache: "ネットワークにつながらないため、この端末に保存した版で動いています。開いたことのある問題セットを受講でき、結果はこの端末に保存されます。",
    config_problem: "設定ファイル config.toml に誤りがあります。クイズは使えますが、記録の送信などが働かないことがあります。管理者にお知らせください:",
    dismiss: "閉じる",
    source_label: "出典",
    for_trainers: "研修担当者の方へ(問題セットの作成・結果の集計)",
    bad_parameters: "このページの埋め込み設定(URL のパラメーター)に誤りがあるため、クイズを始められません。ページの管理者に次の点を伝えてください:",
    download_heading: "結果の提出",
    name_label: "氏名または職員番号",
    download_result: "結果をダウンロード",
};

pub static EN: Texts = Texts {
    app_title: "Credo Training Quiz",
    switch_language: "日本語に切り替え",
    loading: "Loading…",
    sets_heading: "Question sets",
    questions_count: "questions",
    pass_mark: "Pass mark",
    start: "Start",
    start_over: "Start over (the answers so far are discarded)",
    resume: "Resume",
    history: "History",
    broken_set: "This set has problems and cannot be used:",
    manifest_failed: "Could not load the list of question sets.",
    question_of: "Question",
    which_principle: "Which principle applies best to this situation?",
    choose_one: "Options",
    submit: "Answer",
    correct: "Correct",
    incorrect: "Incorrect",
    applies: "Principle that applies",
    correct_answer: "Correct answer",
    your_answer: "Your answer",
    why: "Explanation",
    source_quote: "From the source",
    next: "Next question",
    see_result: "See result",
    quit: "Back to the sets (progress is kept)",
    tag_correct: "Correct answer",
    tag_your_answer: "Your answer",
    quit_trial: "Stop trying (nothing is kept)",
    result_heading: "Result",
    score: "Score",
    passed: "Passed",
    failed: "Not passed",
    by_principle: "Correct answers by principle",
    missed_heading: "Questions missed",
    none_missed: "No questions missed.",
    back_to_sets: "Back to the sets",
    review_today: "Today's review: {n}",
    review_total: "Today's review: {n} questions (missed questions come back after 1, 3 and 7 days)",
    mastery: "Right so far, by principle",
    certificate: "Show the certificate",
    certificate_heading: "Certificate of completion",
    certificate_body: "This is to certify that the person named above passed the following training quiz.",
    certificate_name: "Name (printed on the certificate; kept in this browser only)",
    certificate_set: "Training",
    certificate_source: "Source",
    certificate_date: "Date passed",
    certificate_code: "Verification code",
    certificate_code_hint: "The code's first four characters name the version of the set.",
    print: "Print (or save as PDF)",
    back_to_result: "Back to the result",
    why_not: "Why not “{chosen}”",
    start_all: "All questions ({n})",
    study: "Read the principles",
    study_heading: "The principles and their source",
    study_intro: "This set's principles, what each means, and the passages of the source its questions quote. Read them before or after a quiz.",
    study_passages: "Passages of the source",
    retry_missed: "Retry the missed questions ({n})",
    new_draw: "A new set of questions",
    confusion_heading: "Principles taken for others",
    confusion_line: "In scenes of “{expected}” you chose “{chosen}”: {n} time(s)",
    missed_hint: "Open each to see your answer, the correct one and why.",
    history_heading: "History",
    no_history: "No attempts yet.",
    date: "Date",
    best: "Best",
    general: "Other",
    storage_unavailable: "This browser cannot keep records (site data is blocked). You can take the quiz, but results and progress are lost when the page closes.",
    storage_write_failed: "Could not save (storage is full or blocked). Results are lost when this page closes.",
    storage_recovered: "Some saved data could not be read; it was moved aside (not deleted).",
    storage_unreadable_kept: "Some saved data could not be read. Storage is full, so it could not be moved aside either: it stays as it is, and this page does not overwrite it.",
    other_tab: "This set is also open in another tab (or window), and its progress there is newer. This tab's answers are not saved yet.",
    other_tab_continue_theirs: "Continue from the other tab",
    other_tab_keep_mine: "Keep this tab's answers (the other tab's progress is moved aside)",
    finish_not_kept: "This result could not be added to your history (storage is full). Download the result to keep a record. The attempt is finished, so it will not resume when you come back.",
    attempt_stale: "The saved progress cannot be resumed because the question set has changed. The data was moved aside.",
    unknown_set: "No such question set:",
    set_unusable: "The question set could not be opened; its place in the list says why:",
    from_cache: "The network is not answering, so the quiz runs from the copy kept on this computer. The sets opened before can be taken, and results are kept on this computer.",
    config_problem: "The settings file config.toml has mistakes. The quiz works, but sending results may not. Please tell the administrator:",
    dismiss: "Dismiss",
    source_label: "Source",
    for_trainers: "For trainers (write question sets, collect results)",
    bad_parameters: "The quiz cannot start because this page's embed settings (URL parameters) are wrong. Please tell the page's editor:",
    download_heading: "Hand in your result",
    name_label: "Name or staff number",
    download_result: "Download result",
};

/// Fills `{name}` placeholders of a template: the words stay whole in `Texts`, so a translation
/// can put the values where its grammar wants them.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    // One pass over the template: a value is never searched for placeholders itself, so an id
    // or option that happens to read `{field}` is shown as written.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(n, _)| *n == name).map(|(_, value)| (close, value))
        });
        match named {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
