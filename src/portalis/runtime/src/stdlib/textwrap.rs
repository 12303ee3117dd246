//! `textwrap`: `wrap`, `fill`, `shorten`, `dedent`, `indent` and `TextWrapper`, following
//! CPython's algorithm step for step (whitespace munging, chunking with its hyphen and
//! em-dash rules, greedy line filling, long-word breaking, `max_lines` placeholders), so
//! lines break exactly where CPython breaks them.

use crate::exc::*;
use crate::methods::{call_method_kw, Args};
use crate::value::*;
use std::rc::Rc;

/// The options of a `TextWrapper`.
#[derive(Clone)]
struct Wrapper {
    width: i64,
    initial_indent: String,
    subsequent_indent: String,
    expand_tabs: bool,
    replace_whitespace: bool,
    fix_sentence_endings: bool,
    break_long_words: bool,
    drop_whitespace: bool,
    break_on_hyphens: bool,
    tabsize: i64,
    max_lines: Option<i64>,
    placeholder: String,
}

const OPTIONS: [&str; 12] = [
    "width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace", "fix_sentence_endings",
    "break_long_words", "drop_whitespace", "break_on_hyphens", "tabsize", "max_lines", "placeholder",
];

impl Wrapper {
    /// A wrapper from keyword options (`width` may also come at `width_at`).
    fn from_args(a: &Args, width_at: Option<usize>, func: &str) -> PyResult<Wrapper> {
        let mut w = Wrapper {
            width: 70,
            initial_indent: String::new(),
            subsequent_indent: String::new(),
            expand_tabs: true,
            replace_whitespace: true,
            fix_sentence_endings: false,
            break_long_words: true,
            drop_whitespace: true,
            break_on_hyphens: true,
            tabsize: 8,
            max_lines: None,
            placeholder: " [...]".to_string(),
        };
        if let Some(v) = width_at.and_then(|i| a.pos.get(i)) {
            w.width = v.to_int()?;
        }
        for (k, v) in &a.kw {
            let text = || -> PyResult<String> {
                match v {
                    Value::Str(s) => Ok(s.to_string()),
                    _ => type_error(format!("{} must be str, not {}", k, v.type_name())),
                }
            };
            match *k {
                "width" => w.width = v.to_int()?,
                "initial_indent" => w.initial_indent = text()?,
                "subsequent_indent" => w.subsequent_indent = text()?,
                "expand_tabs" => w.expand_tabs = v.truthy(),
                "replace_whitespace" => w.replace_whitespace = v.truthy(),
                "fix_sentence_endings" => w.fix_sentence_endings = v.truthy(),
                "break_long_words" => w.break_long_words = v.truthy(),
                "drop_whitespace" => w.drop_whitespace = v.truthy(),
                "break_on_hyphens" => w.break_on_hyphens = v.truthy(),
                "tabsize" => w.tabsize = v.to_int()?,
                "max_lines" => w.max_lines = if v.is_none() { None } else { Some(v.to_int()?) },
                "placeholder" => w.placeholder = text()?,
                _ if func == "TextWrapper" || !OPTIONS.contains(k) => {
                    return type_error(format!("{}() got an unexpected keyword argument '{}'", func, k))
                }
                _ => {}
            }
        }
        Ok(w)
    }

    fn munge(&self, text: &str) -> String {
        let mut text = text.to_string();
        if self.expand_tabs {
            text = crate::strmethods::expandtabs(&text, self.tabsize);
        }
        if self.replace_whitespace {
            text = text.chars().map(|c| if "\t\n\x0b\x0c\r".contains(c) { ' ' } else { c }).collect();
        }
        text
    }

    fn wrap(&self, text: &str) -> PyResult<Vec<String>> {
        let mut chunks = split_chunks(&self.munge(text), self.break_on_hyphens);
        if self.fix_sentence_endings {
            fix_sentence_endings(&mut chunks);
        }
        self.wrap_chunks(chunks)
    }

    fn wrap_chunks(&self, mut chunks: Vec<Vec<char>>) -> PyResult<Vec<String>> {
        let mut lines: Vec<String> = Vec::new();
        if self.width <= 0 {
            return value_error(format!("invalid width {} (must be > 0)", self.width));
        }
        let placeholder_len = self.placeholder.chars().count() as i64;
        if let Some(max) = self.max_lines {
            let indent = if max > 1 { &self.subsequent_indent } else { &self.initial_indent };
            if indent.chars().count() as i64 + self.placeholder.trim_start().chars().count() as i64 > self.width {
                return value_error("placeholder too large for max width");
            }
        }
        let blank = |c: &Vec<char>| c.iter().all(|ch| ch.is_whitespace());
        chunks.reverse();
        while !chunks.is_empty() {
            let mut cur_line: Vec<Vec<char>> = Vec::new();
            let mut cur_len: i64 = 0;
            let indent = if lines.is_empty() { &self.initial_indent } else { &self.subsequent_indent };
            let width = self.width - indent.chars().count() as i64;
            if self.drop_whitespace && chunks.last().map_or(false, blank) && !lines.is_empty() {
                chunks.pop();
            }
            while let Some(last) = chunks.last() {
                let l = last.len() as i64;
                if cur_len + l <= width {
                    cur_len += l;
                    cur_line.push(chunks.pop().unwrap_or_default());
                } else {
                    break;
                }
            }
            if chunks.last().map_or(false, |c| c.len() as i64 > width) {
                self.handle_long_word(&mut chunks, &mut cur_line, cur_len, width);
                cur_len = cur_line.iter().map(|c| c.len() as i64).sum();
            }
            if self.drop_whitespace && cur_line.last().map_or(false, blank) {
                cur_len -= cur_line.last().map_or(0, |c| c.len() as i64);
                cur_line.pop();
            }
            if cur_line.is_empty() {
                continue;
            }
            let fits_all = chunks.is_empty() || (self.drop_whitespace && chunks.len() == 1 && blank(&chunks[0]));
            if self.max_lines.map_or(true, |m| (lines.len() as i64) + 1 < m) || (fits_all && cur_len <= width) {
                lines.push(format!("{}{}", indent, join(&cur_line)));
                continue;
            }
            loop {
                match cur_line.last() {
                    Some(last) if !blank(last) && cur_len + placeholder_len <= width => {
                        lines.push(format!("{}{}{}", indent, join(&cur_line), self.placeholder));
                        break;
                    }
                    Some(last) => {
                        cur_len -= last.len() as i64;
                        cur_line.pop();
                    }
                    None => {
                        if let Some(prev) = lines.last().map(|l| l.trim_end().to_string()) {
                            if prev.chars().count() as i64 + placeholder_len <= self.width {
                                let n = lines.len();
                                lines[n - 1] = prev + &self.placeholder;
                                break;
                            }
                        }
                        lines.push(format!("{}{}", indent, self.placeholder.trim_start()));
                        break;
                    }
                }
            }
            break;
        }
        Ok(lines)
    }

    fn handle_long_word(&self, chunks: &mut Vec<Vec<char>>, cur_line: &mut Vec<Vec<char>>, cur_len: i64, width: i64) {
        let space_left = if width < 1 { 1 } else { width - cur_len } as usize;
        if self.break_long_words {
            let chunk = chunks.pop().unwrap_or_default();
            let mut end = space_left.min(chunk.len());
            if self.break_on_hyphens && chunk.len() > space_left {
                if let Some(h) = chunk[..space_left].iter().rposition(|c| *c == '-') {
                    if h > 0 && chunk[..h].iter().any(|c| *c != '-') {
                        end = h + 1;
                    }
                }
            }
            cur_line.push(chunk[..end].to_vec());
            chunks.push(chunk[end..].to_vec());
        } else if cur_line.is_empty() {
            if let Some(c) = chunks.pop() {
                cur_line.push(c);
            }
        }
    }
}

fn join(chunks: &[Vec<char>]) -> String {
    chunks.iter().flatten().collect()
}

fn is_letter(c: Option<&char>) -> bool {
    c.map_or(false, |c| (c.is_alphanumeric() || *c == '_') && !c.is_numeric())
}

fn is_word_punct(c: Option<&char>) -> bool {
    c.map_or(false, |c| c.is_alphanumeric() || *c == '_' || "!\"'&.,?".contains(*c))
}

fn is_word(c: Option<&char>) -> bool {
    c.map_or(false, |c| c.is_alphanumeric() || *c == '_')
}

fn is_ws(c: char) -> bool {
    "\t\n\x0b\x0c\r ".contains(c)
}

/// TextWrapper's chunks: whitespace runs, words, and (with `break_on_hyphens`) the
/// pieces of hyphenated words and em-dashes, as its `wordsep_re` cuts them.
fn split_chunks(text: &str, hyphens: bool) -> Vec<Vec<char>> {
    let s: Vec<char> = text.chars().collect();
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let start = i;
        if is_ws(s[i]) {
            while i < s.len() && is_ws(s[i]) {
                i += 1;
            }
            chunks.push(s[start..i].to_vec());
            continue;
        }
        if !hyphens {
            while i < s.len() && !is_ws(s[i]) {
                i += 1;
            }
            chunks.push(s[start..i].to_vec());
            continue;
        }
        // an em-dash between words is a chunk of its own
        if s[i] == '-' && i > 0 && is_word_punct(s.get(i - 1)) {
            let mut j = i;
            while j < s.len() && s[j] == '-' {
                j += 1;
            }
            if j - i >= 2 && is_word(s.get(j)) {
                chunks.push(s[i..j].to_vec());
                i = j;
                continue;
            }
        }
        // a word: the shortest run of non-space ending at a hyphen break, before
        // whitespace or the end, or before an em-dash
        i += 1;
        loop {
            if i >= s.len() || is_ws(s[i]) {
                break;
            }
            let c = s[i - 1];
            if c == '-' && is_letter(s.get(i)) && (is_letter(s.get(i + 1)) || (s.get(i + 1) == Some(&'-') && is_letter(s.get(i + 2)))) {
                let two_letters = i >= 3 && is_letter(s.get(i - 3)) && is_letter(s.get(i - 2));
                let letter_hyphen_letter = i >= 4 && is_letter(s.get(i - 4)) && s[i - 3] == '-' && is_letter(s.get(i - 2));
                if two_letters || letter_hyphen_letter {
                    break;
                }
            }
            if is_word_punct(Some(&c)) && s[i] == '-' {
                let mut j = i;
                while j < s.len() && s[j] == '-' {
                    j += 1;
                }
                if j - i >= 2 && is_word(s.get(j)) {
                    break;
                }
            }
            i += 1;
        }
        chunks.push(s[start..i].to_vec());
    }
    chunks
}

/// Two spaces after a sentence end (`fix_sentence_endings`).
fn fix_sentence_endings(chunks: &mut Vec<Vec<char>>) {
    let mut i = 0;
    while i + 1 < chunks.len() {
        let c = &chunks[i];
        let ends = c.len() >= 2 && c[0].is_lowercase() && {
            let mut k = c.len();
            if matches!(c[k - 1], '"' | '\'') {
                k -= 1;
            }
            k >= 2 && matches!(c[k - 1], '.' | '!' | '?') && c[..k - 1].iter().all(|ch| ch.is_lowercase() || !ch.is_alphabetic()) && c[k - 2].is_lowercase()
        };
        if chunks[i + 1] == vec![' '] && ends {
            chunks[i + 1] = vec![' ', ' '];
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// `textwrap.dedent(text)`.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let cleaned: Vec<String> = lines
        .iter()
        .map(|l| if !l.is_empty() && l.chars().all(|c| c == ' ' || c == '\t') { String::new() } else { l.to_string() })
        .collect();
    let mut margin: Option<String> = None;
    for line in &cleaned {
        let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        if indent.len() == line.len() {
            continue;
        }
        margin = Some(match margin {
            None => indent,
            Some(m) if indent.starts_with(&m) => m,
            Some(m) if m.starts_with(&indent) => indent,
            Some(m) => m.chars().zip(indent.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect(),
        });
    }
    let margin = margin.unwrap_or_default();
    let out: Vec<&str> = cleaned.iter().map(|l| l.strip_prefix(margin.as_str()).unwrap_or(l)).collect();
    out.join("\n")
}

/// `textwrap.indent(text, prefix, predicate=None)`.
fn indent(a: &Args) -> PyResult<Value> {
    let text = a.req(0, "text")?;
    let prefix = a.text(1, "prefix")?;
    let predicate = a.get(2, "predicate").filter(|v| !v.is_none()).cloned();
    let lines = call_method_kw(text, "splitlines", vec![Value::Bool(true)], Vec::new())?;
    let mut out = String::new();
    for line in crate::iter::collect_vec(&lines)? {
        let keep = match &predicate {
            Some(f) => crate::builtins::call(f, vec![line.clone()])?.truthy(),
            None => !line.as_str().unwrap_or("").trim().is_empty(),
        };
        if keep {
            out.push_str(&prefix);
        }
        out.push_str(line.as_str().unwrap_or(""));
    }
    Ok(Value::string(out))
}

fn lines_value(lines: Vec<String>) -> Value {
    Value::list(lines.into_iter().map(Value::string).collect())
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "textwrap.wrap" => Ok(lines_value(Wrapper::from_args(a, Some(1), "wrap")?.wrap(&a.text(0, "text")?)?)),
        "textwrap.fill" => Ok(Value::string(Wrapper::from_args(a, Some(1), "fill")?.wrap(&a.text(0, "text")?)?.join("\n"))),
        "textwrap.shorten" => {
            let mut w = Wrapper::from_args(a, Some(1), "shorten")?;
            if a.get(1, "width").is_none() {
                return type_error("shorten() missing 1 required positional argument: 'width'");
            }
            w.max_lines = Some(1);
            let text = a.text(0, "text")?;
            let words: Vec<&str> = text.split_whitespace().collect();
            Ok(Value::string(w.wrap(&words.join(" "))?.join("\n")))
        }
        "textwrap.dedent" => Ok(Value::string(dedent(&a.text(0, "text")?))),
        "textwrap.indent" => indent(a),
        "textwrap.TextWrapper" => {
            Ok(Value::Native(Rc::new(TextWrapper(std::cell::RefCell::new(Wrapper::from_args(a, Some(0), "TextWrapper")?)))))
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'textwrap' has no attribute '{}'", &name[9..]))),
    }
}

/// A `textwrap.TextWrapper` object: its options are attributes that can be changed.
struct TextWrapper(std::cell::RefCell<Wrapper>);

impl NativeObject for TextWrapper {
    fn type_name(&self) -> &'static str {
        "TextWrapper"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        let w = self.0.borrow().clone();
        match name {
            "wrap" => Ok(lines_value(w.wrap(&a.text(0, "text")?)?)),
            "fill" => Ok(Value::string(w.wrap(&a.text(0, "text")?)?.join("\n"))),
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let w = self.0.borrow();
        Ok(match name {
            "width" => Value::Int(w.width),
            "initial_indent" => Value::str(&w.initial_indent),
            "subsequent_indent" => Value::str(&w.subsequent_indent),
            "placeholder" => Value::str(&w.placeholder),
            "max_lines" => w.max_lines.map_or(Value::None, Value::Int),
            "tabsize" => Value::Int(w.tabsize),
            "expand_tabs" => Value::Bool(w.expand_tabs),
            "replace_whitespace" => Value::Bool(w.replace_whitespace),
            "fix_sentence_endings" => Value::Bool(w.fix_sentence_endings),
            "break_long_words" => Value::Bool(w.break_long_words),
            "drop_whitespace" => Value::Bool(w.drop_whitespace),
            "break_on_hyphens" => Value::Bool(w.break_on_hyphens),
            _ => {
                return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'TextWrapper' object has no attribute '{}'", name)))
            }
        })
    }
    fn repr(&self) -> String {
        "<textwrap.TextWrapper object>".to_string()
    }
}
