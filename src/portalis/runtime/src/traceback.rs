//! Tracebacks as CPython prints them.  An error records where it passed only when it
//! leaves a Python frame: the generated code marks each propagation point (`expr.at(&CODE_F,
//! LINE)?`, `raise` with `.raised(..)`), and the mark does work on the `Err` path alone, so
//! the `Ok` path of `?` costs what it did.  Printing reads the source file at exit, as
//! CPython does, and shows each frame's line (with CPython 3.11's carets) when it is there.

use crate::exc::PyErr;
use crate::value::Value;
use std::collections::HashMap;

/// A Python code object as far as a traceback needs it: the function's name and file.
pub struct Code {
    pub name: &'static str,
    pub file: &'static str,
    /// A comprehension lowered inline: the frame that runs it and where.  CPython calls
    /// `<listcomp>` as a function, so its traceback shows both frames.
    pub inlined_in: Option<(&'static Code, Site)>,
    /// The text of a file that is not on disk (a doctest example's `<doctest m.f[0]>`).
    pub source: Option<&'static str>,
}

impl Code {
    pub const fn new(name: &'static str, file: &'static str) -> Code {
        Code { name, file, inlined_in: None, source: None }
    }

    pub const fn inlined(name: &'static str, file: &'static str, outer: &'static Code, site: Site) -> Code {
        Code { name, file, inlined_in: Some((outer, site)), source: None }
    }

    pub const fn with_source(name: &'static str, file: &'static str, source: &'static str) -> Code {
        Code { name, file, inlined_in: None, source: Some(source) }
    }
}

/// A line and, when CPython underlines part of it, the columns (characters) of the
/// underline: `~` from `cols[0]`, `^` from `cols[1]`, `~` from `cols[2]`, up to `cols[3]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Site {
    pub line: u32,
    pub cols: Option<[u32; 4]>,
}

impl Site {
    pub const fn line(line: u32) -> Site {
        Site { line, cols: None }
    }

    pub const fn cols(line: u32, cols: [u32; 4]) -> Site {
        Site { line, cols: Some(cols) }
    }
}

/// One traceback entry: the frame (its code and its activation's call depth) and the site.
#[derive(Clone)]
pub struct Entry {
    pub code: &'static Code,
    pub site: Site,
    depth: usize,
}

/// What an exception carries besides its value: the frames it left, innermost first, and
/// the exception being handled when it was raised (`__context__`).
#[derive(Clone, Default)]
pub struct Trace {
    pub entries: Vec<Entry>,
    pub context: Option<Value>,
    /// `raise ... from ...` hides the context (`__suppress_context__`).
    pub suppress_context: bool,
}

impl PyErr {
    fn trace_mut(&mut self) -> &mut Trace {
        self.trace.get_or_insert_with(Default::default)
    }

    /// The error left the frame of `code` at `site`.  Several marks in one activation (an
    /// error through nested expressions) keep the first, innermost one.
    #[cold]
    #[inline(never)]
    pub fn passed(mut self, code: &'static Code, site: Site) -> PyErr {
        let depth = crate::frames::depth();
        let trace = self.trace_mut();
        if let Some(last) = trace.entries.last() {
            if std::ptr::eq(last.code, code) && last.depth == depth {
                return self;
            }
        }
        trace.entries.push(Entry { code, site, depth });
        if let Some((outer, outer_site)) = code.inlined_in {
            trace.entries.push(Entry { code: outer, site: outer_site, depth });
        }
        self
    }

    /// `raise` at this line: always a new entry (`raise e` adds to what `e` already has).
    pub fn raised(self, code: &'static Code, line: u32) -> PyErr {
        self.raised_at(code, Site::line(line))
    }

    pub fn raised_cols(self, code: &'static Code, line: u32, cols: [u32; 4]) -> PyErr {
        self.raised_at(code, Site::cols(line, cols))
    }

    #[cold]
    #[inline(never)]
    fn raised_at(mut self, code: &'static Code, site: Site) -> PyErr {
        let depth = crate::frames::depth();
        self.trace_mut().entries.push(Entry { code, site, depth });
        if let Some((outer, outer_site)) = code.inlined_in {
            self.trace_mut().entries.push(Entry { code: outer, site: outer_site, depth });
        }
        self
    }

    /// Raised while `handled` was being handled: it becomes the context (unless the error
    /// is `handled` itself, re-raised, or already has one).
    #[cold]
    #[inline(never)]
    pub fn handling(mut self, handled: &Value) -> PyErr {
        if let Value::Exception(h) = handled {
            if std::rc::Rc::ptr_eq(&h.args, &self.args) {
                return self;
            }
        }
        let trace = self.trace_mut();
        if trace.context.is_none() {
            trace.context = Some(handled.clone());
        }
        self
    }

    /// `__context__`.
    pub fn context(&self) -> Option<&Value> {
        self.trace.as_ref().and_then(|t| t.context.as_ref())
    }
}

/// The propagation marks the generated code puts before `?`: free on `Ok`.
pub trait Traced: Sized {
    /// An error leaves the frame of `code` at `line`.
    fn at(self, code: &'static Code, line: u32) -> Self;
    /// The same, where CPython underlines part of the line.
    fn at_cols(self, code: &'static Code, line: u32, cols: [u32; 4]) -> Self;
    /// An error raised inside an `except` body: the handled exception is its context.
    fn during(self, handled: &Value) -> Self;
}

impl<T> Traced for Result<T, PyErr> {
    #[inline(always)]
    fn at(self, code: &'static Code, line: u32) -> Self {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(e.passed(code, Site::line(line))),
        }
    }

    #[inline(always)]
    fn at_cols(self, code: &'static Code, line: u32, cols: [u32; 4]) -> Self {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(e.passed(code, Site::cols(line, cols))),
        }
    }

    #[inline(always)]
    fn during(self, handled: &Value) -> Self {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(e.handling(handled)),
        }
    }
}

/// CPython prints at most this many entries (`sys.tracebacklimit`'s default), the innermost.
const TRACEBACK_LIMIT: usize = 1000;
/// Past this many identical consecutive entries, CPython prints how many more there were.
const RECURSIVE_CUTOFF: usize = 3;

static START_DIR: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// The source files' lines, read once, when a traceback is printed (as CPython does).
#[derive(Default)]
pub struct Sources {
    lines: HashMap<String, Option<Vec<String>>>,
}

impl Sources {
    pub fn new() -> Sources {
        Sources::default()
    }

    /// The path CPython shows: a relative path is taken from the directory the program
    /// started in, as `python3 prog.py` run there shows it (an `os.chdir` since changes nothing).
    pub fn path(file: &str) -> String {
        if file.starts_with('/') || file.starts_with('<') {
            return file.to_string();
        }
        let dir = START_DIR.lock().ok().and_then(|d| d.clone()).unwrap_or_else(crate::stdlib::os::getcwd);
        std::path::Path::new(&dir).join(file).to_string_lossy().into_owned()
    }

    /// Note the working directory at the start, which relative source paths are taken from.
    pub fn remember_start_dir() {
        if let Ok(mut dir) = START_DIR.lock() {
            *dir = Some(crate::stdlib::os::getcwd());
        }
    }

    /// Line `line` of a file (1-based), if the file can be read.
    pub fn line(&mut self, file: &str, line: u32) -> Option<String> {
        let lines = self.lines.entry(file.to_string()).or_insert_with(|| {
            std::fs::read_to_string(Sources::path(file)).ok().map(|t| t.lines().map(str::to_string).collect())
        });
        lines.as_ref()?.get((line as usize).checked_sub(1)?).cloned()
    }

    fn code_line(&mut self, code: &'static Code, line: u32) -> Option<String> {
        match code.source.or_else(|| code.inlined_in.and_then(|(outer, _)| outer.source)) {
            Some(text) => text.lines().nth((line as usize).checked_sub(1)?).map(str::to_string),
            None => self.line(code.file, line),
        }
    }
}

/// The whole report of an uncaught exception: its causes and contexts first, then its own
/// traceback and `Type: message`.
pub fn format_exception(err: &PyErr, sources: &mut Sources) -> String {
    let mut out = String::new();
    format_chain(err, sources, &mut out, 0);
    out
}

fn format_chain(err: &PyErr, sources: &mut Sources, out: &mut String, depth: usize) {
    let chained = |v: &Option<Value>| match v {
        Some(Value::Exception(e)) if depth < 100 => Some(e.clone()),
        _ => None,
    };
    let suppress = err.trace.as_ref().map_or(false, |t| t.suppress_context);
    if let Some(cause) = chained(&err.cause) {
        format_chain(&cause, sources, out, depth + 1);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if let (false, Some(context)) = (suppress, chained(&err.context().cloned())) {
        format_chain(&context, sources, out, depth + 1);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    out.push_str(&format_traceback(err, sources));
    out.push_str(&err.summary());
    out.push('\n');
}

/// `Traceback (most recent call last):` and the frames, outermost first (empty without frames).
pub fn format_traceback(err: &PyErr, sources: &mut Sources) -> String {
    let frames = format_frames(err, sources);
    if frames.is_empty() {
        return frames;
    }
    format!("Traceback (most recent call last):\n{}", frames)
}

/// The frames of a traceback, outermost first, each as `  File "...", line N, in f` and
/// its source line.
pub fn format_frames(err: &PyErr, sources: &mut Sources) -> String {
    let entries: &[Entry] = err.trace.as_ref().map_or(&[], |t| &t.entries);
    let mut out = String::new();
    let shown = entries.iter().rev().skip(entries.len().saturating_sub(TRACEBACK_LIMIT));
    let mut last: Option<(String, u32, &str)> = None;
    let mut repeats = 0;
    for entry in shown {
        let file = Sources::path(entry.code.file);
        let key = (file.clone(), entry.site.line, entry.code.name);
        if last.as_ref() != Some(&key) {
            repeated(repeats, &mut out);
            repeats = 0;
            last = Some(key);
        }
        repeats += 1;
        if repeats > RECURSIVE_CUTOFF {
            continue;
        }
        frame_line(&file, entry.site.line, entry.code.name, &mut out);
        if let Some(text) = sources.code_line(entry.code, entry.site.line) {
            source_line(&text, entry.site.cols, &mut out);
        }
    }
    repeated(repeats, &mut out);
    out
}

/// `  File "path", line N, in name`.
pub fn frame_line(file: &str, line: u32, name: &str, out: &mut String) {
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", file, line, name));
}

fn repeated(count: usize, out: &mut String) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", more, if more > 1 { "s" } else { "" }));
    }
}

/// The line without its indentation, and under it the carets of `cols`.
pub fn source_line(text: &str, cols: Option<[u32; 4]>, out: &mut String) {
    let indent = text.chars().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    let stripped: String = text.chars().skip(indent).collect();
    if stripped.trim().is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(&stripped);
    out.push('\n');
    if let Some([start, left, right, end]) = cols {
        let (start, end) = (start as usize, end as usize);
        if start < indent || end <= start {
            return;
        }
        out.push_str("    ");
        out.push_str(&" ".repeat(start - indent));
        for col in start..end {
            out.push(if col >= left as usize && col < right as usize { '^' } else { '~' });
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exc::{PyErr, VALUE_ERROR};

    static FILE: &str = "<no such file>";
    static F: Code = Code::new("f", FILE);
    static G: Code = Code::new("g", FILE);

    #[test]
    fn frames_print_outermost_first_and_repeats_collapse() {
        let mut err = PyErr::new(&VALUE_ERROR, "boom").raised(&F, 2);
        for _ in 0..5 {
            err = err.passed(&G, Site::line(7));
            err.trace.as_mut().unwrap().entries.last_mut().unwrap().depth += 1000; // distinct activations
        }
        let text = format_exception(&err, &mut Sources::new());
        let g = "  File \"<no such file>\", line 7, in g\n";
        let expected = format!(
            "Traceback (most recent call last):\n{g}{g}{g}  [Previous line repeated 2 more times]\n  File \"<no such file>\", line 2, in f\nValueError: boom\n"
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn one_activation_keeps_its_innermost_line() {
        let err = PyErr::new(&VALUE_ERROR, "x").passed(&F, Site::line(3)).passed(&F, Site::line(9));
        assert_eq!(err.trace.unwrap().entries.len(), 1);
    }

    #[test]
    fn carets_follow_the_columns() {
        let mut out = String::new();
        source_line("    return d[k] + 1", Some([11, 12, 15, 15]), &mut out);
        assert_eq!(out, "    return d[k] + 1\n           ~^^^\n");
    }
}
