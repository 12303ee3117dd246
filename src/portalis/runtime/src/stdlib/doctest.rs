//! `doctest.testmod()`: runs the examples of the module's docstrings and reports as
//! CPython's `DocTestRunner` does.  The translator finds the docstrings and writes each
//! one's examples as a function (`frontend/doctests.py`); `testmod` receives the table
//! of tests and calls those functions with a `DocTestRun`, which captures each example's
//! output and compares it with the expected text like `doctest.OutputChecker`.

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

const DONT_ACCEPT_TRUE_FOR_1: i64 = 1;
const DONT_ACCEPT_BLANKLINE: i64 = 2;
const NORMALIZE_WHITESPACE: i64 = 4;
const ELLIPSIS: i64 = 8;
const SKIP: i64 = 16;
const IGNORE_EXCEPTION_DETAIL: i64 = 32;
const REPORT_ONLY_FIRST_FAILURE: i64 = 512;
const FAIL_FAST: i64 = 1024;

const DIVIDER: &str = "**********************************************************************";

/// `doctest.NAME` for the option flags.
pub fn attribute(name: &str) -> Option<Value> {
    let flag = match name {
        "doctest.DONT_ACCEPT_TRUE_FOR_1" => DONT_ACCEPT_TRUE_FOR_1,
        "doctest.DONT_ACCEPT_BLANKLINE" => DONT_ACCEPT_BLANKLINE,
        "doctest.NORMALIZE_WHITESPACE" => NORMALIZE_WHITESPACE,
        "doctest.ELLIPSIS" => ELLIPSIS,
        "doctest.SKIP" => SKIP,
        "doctest.IGNORE_EXCEPTION_DETAIL" => IGNORE_EXCEPTION_DETAIL,
        "doctest.REPORT_ONLY_FIRST_FAILURE" => REPORT_ONLY_FIRST_FAILURE,
        "doctest.FAIL_FAST" => FAIL_FAST,
        _ => return None,
    };
    Some(Value::Int(flag))
}

/// `doctest.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "doctest.testmod" => testmod(a),
        _ => type_error(format!("{} is not available", name)),
    }
}

/// One example of a docstring, as `doctest.Example` holds it.
struct Example {
    source: String,
    want: String,
    exc_msg: Option<String>,
    lineno: i64,
    on: i64,
    off: i64,
}

fn text(v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => type_error("doctest table: text expected"),
    }
}

fn example(row: &Value) -> PyResult<Example> {
    let f = crate::iter::collect_vec(row)?;
    if f.len() != 6 {
        return type_error("doctest table: malformed example");
    }
    Ok(Example {
        source: text(&f[0])?,
        want: text(&f[1])?,
        exc_msg: if f[2].is_none() { None } else { Some(text(&f[2])?) },
        lineno: f[3].to_int()?,
        on: f[4].to_int()?,
        off: f[5].to_int()?,
    })
}

/// `testmod(__name__, filename, table, verbose=None, report=True, optionflags=0)`: the
/// translator supplies the first three.
fn testmod(a: &Args) -> PyResult<Value> {
    let module = text(a.req(0, "module")?)?;
    // The module's `__file__`, absolute as CPython makes the main script's.
    let filename = crate::traceback::Sources::path(&text(a.req(1, "filename")?)?);
    let table = crate::iter::collect_vec(a.req(2, "tests")?)?;
    let verbose = match a.get(3, "verbose") {
        None | Some(Value::None) => std::env::args().skip(1).any(|arg| arg == "-v"),
        Some(v) => v.truthy(),
    };
    let report = a.get(4, "report").map_or(true, Value::truthy);
    let flags = a.get(5, "optionflags").map_or(Ok(0), Value::to_int)?;
    let runner = match a.get(6, "_portalis_runner") {
        Some(v) => {
            let parts = crate::iter::collect_vec(v)?;
            match parts.as_slice() {
                [file, line] => Some((text(file)?, line.to_int()? as u32)),
                _ => None,
            }
        }
        None => None,
    };
    let mut outcomes: Vec<(String, i64, i64)> = Vec::new();
    for row in table {
        let fields = crate::iter::collect_vec(&row)?;
        if fields.len() != 4 {
            return type_error("doctest table: malformed test");
        }
        let name = format!("{}{}", module, text(&fields[0])?);
        let lineno = fields[1].to_int()?;
        let examples = crate::iter::collect_vec(&fields[2])?.iter().map(example).collect::<PyResult<Vec<_>>>()?;
        let (mut failures, mut tries) = (0, 0);
        if !examples.is_empty() {
            let run = Rc::new(DocTestRun {
                name: name.clone(),
                filename: filename.clone(),
                runner: runner.clone(),
                lineno: if lineno < 0 { None } else { Some(lineno) },
                examples,
                verbose,
                flags,
                state: RefCell::new(RunState::default()),
            });
            crate::builtins::call(&fields[3], vec![Value::Native(run.clone())])?;
            let state = run.state.borrow();
            failures = state.failures;
            tries = state.tries;
        }
        match outcomes.iter_mut().find(|(n, _, _)| *n == name) {
            Some(entry) => {
                entry.1 += failures;
                entry.2 += tries;
            }
            None => outcomes.push((name, failures, tries)),
        }
    }
    let (failed, attempted) = if report {
        summarize(&outcomes, verbose)
    } else {
        outcomes.iter().fold((0, 0), |(f, t), o| (f + o.1, t + o.2))
    };
    Ok(Value::Native(Rc::new(TestResults { failed, attempted })))
}

/// `DocTestRunner.summarize`: the report after all tests ran.
fn summarize(outcomes: &[(String, i64, i64)], verbose: bool) -> (i64, i64) {
    let mut out = String::new();
    let mut notests: Vec<&str> = Vec::new();
    let mut passed: Vec<(&str, i64)> = Vec::new();
    let mut failed: Vec<(&str, i64, i64)> = Vec::new();
    let (mut total_f, mut total_t) = (0, 0);
    for (name, f, t) in outcomes {
        total_f += f;
        total_t += t;
        if *t == 0 {
            notests.push(name);
        } else if *f == 0 {
            passed.push((name, *t));
        } else {
            failed.push((name, *f, *t));
        }
    }
    notests.sort();
    passed.sort();
    failed.sort();
    if verbose {
        if !notests.is_empty() {
            out.push_str(&format!("{} items had no tests:\n", notests.len()));
            for name in &notests {
                out.push_str(&format!("    {}\n", name));
            }
        }
        if !passed.is_empty() {
            out.push_str(&format!("{} items passed all tests:\n", passed.len()));
            for (name, t) in &passed {
                out.push_str(&format!(" {:>3} tests in {}\n", t, name));
            }
        }
    }
    if !failed.is_empty() {
        out.push_str(&format!("{}\n{} items had failures:\n", DIVIDER, failed.len()));
        for (name, f, t) in &failed {
            out.push_str(&format!(" {:>3} of {:>3} in {}\n", f, t, name));
        }
    }
    if verbose {
        out.push_str(&format!("{} tests in {} items.\n", total_t, outcomes.len()));
        out.push_str(&format!("{} passed and {} failed.\n", total_t - total_f, total_f));
    }
    if total_f > 0 {
        out.push_str(&format!("***Test Failed*** {} failures.\n", total_f));
    } else if verbose {
        out.push_str("Test passed.\n");
    }
    crate::io::write_stdout(&out);
    (total_f, total_t)
}

#[derive(Default)]
struct RunState {
    failures: i64,
    tries: i64,
    /// The flags of the running example (the run's, changed by its directives).
    flags: i64,
    /// The running example, and whether its report is suppressed (REPORT_ONLY_FIRST_FAILURE).
    current: usize,
    quiet: bool,
}

/// One docstring's examples being run (`DocTestRunner.run` on one `DocTest`).  The
/// translated examples call `start(i)`, then `display(value)` for each echoed value and
/// `finish()`, or `raised(exception)`.
struct DocTestRun {
    name: String,
    filename: String,
    /// Where CPython's doctest runs an example (`doctest.py`, the line of its `exec`): the
    /// outermost frame of an example's traceback.
    runner: Option<(String, u32)>,
    lineno: Option<i64>,
    examples: Vec<Example>,
    verbose: bool,
    flags: i64,
    state: RefCell<RunState>,
}

enum Outcome {
    Success,
    Failure,
    Boom(String),
}

impl DocTestRun {
    /// Begin example `index`; false when it is skipped (SKIP, or FAIL_FAST after a failure).
    fn start(&self, index: usize) -> bool {
        let ex = &self.examples[index];
        let mut st = self.state.borrow_mut();
        if st.failures > 0 && self.flags & FAIL_FAST != 0 {
            return false;
        }
        st.quiet = self.flags & REPORT_ONLY_FIRST_FAILURE != 0 && st.failures > 0;
        st.flags = (self.flags | ex.on) & !ex.off;
        if st.flags & SKIP != 0 {
            return false;
        }
        st.tries += 1;
        st.current = index;
        if self.verbose && !st.quiet {
            let expecting = if ex.want.is_empty() {
                "Expecting nothing\n".to_string()
            } else {
                format!("Expecting:\n{}", indent(&ex.want))
            };
            crate::io::write_stdout(&format!("Trying:\n{}{}", indent(&ex.source), expecting));
        }
        crate::io::begin_capture();
        true
    }

    /// What the example printed, with a final newline as doctest's `_SpoofOut` adds.
    fn output() -> String {
        let mut got = crate::io::end_capture();
        if !got.is_empty() && !got.ends_with('\n') {
            got.push('\n');
        }
        got
    }

    fn finish(&self) {
        let got = DocTestRun::output();
        let st = self.state.borrow();
        let ex = &self.examples[st.current];
        let outcome = if check_output(&ex.want, &got, st.flags) { Outcome::Success } else { Outcome::Failure };
        drop(st);
        self.record(outcome, got);
    }

    fn raised(&self, exception: &Value) -> PyResult<()> {
        let got = DocTestRun::output();
        let err = exc_from_value(exception)?;
        let exc_msg = format!("{}\n", err.summary());
        let st = self.state.borrow();
        let ex = &self.examples[st.current];
        let traceback = self.traceback(&err, &exc_msg);
        let outcome = match &ex.exc_msg {
            None => Outcome::Boom(traceback.clone()),
            Some(want) if check_output(want, &exc_msg, st.flags) => Outcome::Success,
            Some(want)
                if st.flags & IGNORE_EXCEPTION_DETAIL != 0
                    && check_output(&strip_exception_details(want), &strip_exception_details(&exc_msg), st.flags) =>
            {
                Outcome::Success
            }
            Some(_) => Outcome::Failure,
        };
        let got = if st.quiet { got } else { got + &traceback };
        drop(st);
        self.record(outcome, got);
        Ok(())
    }

    /// The traceback CPython's doctest shows: its own frame running the example, then
    /// the example's (`<doctest m.f[0]>`) and those of the functions it called.
    fn traceback(&self, err: &PyErr, exc_msg: &str) -> String {
        use crate::traceback::{format_frames, frame_line, source_line, Sources};
        let mut sources = Sources::new();
        let mut out = String::from("Traceback (most recent call last):\n");
        if let Some((file, line)) = &self.runner {
            frame_line(file, *line, "__run", &mut out);
            if let Some(text) = sources.line(file, *line) {
                source_line(&text, None, &mut out);
            }
        }
        out.push_str(&format_frames(err, &mut sources));
        out.push_str(exc_msg);
        out
    }

    fn record(&self, outcome: Outcome, got: String) {
        let mut st = self.state.borrow_mut();
        let ex = &self.examples[st.current];
        let report = match outcome {
            Outcome::Success => {
                if self.verbose && !st.quiet {
                    crate::io::write_stdout("ok\n");
                }
                return;
            }
            Outcome::Failure => format!("{}{}", self.failure_header(ex), output_difference(&ex.want, &got, st.flags)),
            Outcome::Boom(traceback) => format!("{}Exception raised:\n{}", self.failure_header(ex), indent(&traceback)),
        };
        st.failures += 1;
        if !st.quiet {
            crate::io::write_stdout(&report);
        }
    }

    fn failure_header(&self, ex: &Example) -> String {
        let line = match self.lineno {
            Some(l) => (l + ex.lineno + 1).to_string(),
            None => "?".to_string(),
        };
        format!(
            "{}\nFile \"{}\", line {}, in {}\nFailed example:\n{}",
            DIVIDER,
            self.filename,
            line,
            self.name,
            indent(&ex.source)
        )
    }
}

impl NativeObject for DocTestRun {
    fn type_name(&self) -> &'static str {
        "DocTestRun"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        match (name, args.first()) {
            ("start", Some(i)) => Ok(Value::Bool(self.start(i.to_int()? as usize))),
            ("display", Some(v)) => {
                if !v.is_none() {
                    let text = crate::builtins::repr(v)?;
                    crate::io::write_stdout(&format!("{}\n", text.to_str()));
                }
                Ok(Value::None)
            }
            ("finish", None) => {
                self.finish();
                Ok(Value::None)
            }
            ("raised", Some(e)) => {
                self.raised(e)?;
                Ok(Value::None)
            }
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'DocTestRun' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'DocTestRun' object has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        format!("<DocTestRun {}>", self.name)
    }
}

/// `doctest._indent`: four spaces before every non-empty line.
fn indent(s: &str) -> String {
    let mut out = String::new();
    for line in s.split_inclusive('\n') {
        if line != "\n" {
            out.push_str("    ");
        }
        out.push_str(line);
    }
    out
}

/// `OutputChecker._toAscii`: non-ASCII characters as backslash escapes.
fn to_ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{:02x}", n)),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{:04x}", n)),
            n => out.push_str(&format!("\\U{:08x}", n)),
        }
    }
    out
}

/// `OutputChecker.check_output`.
fn check_output(want: &str, got: &str, flags: i64) -> bool {
    let (want, got) = (to_ascii(want), to_ascii(got));
    if got == want {
        return true;
    }
    if flags & DONT_ACCEPT_TRUE_FOR_1 == 0 && ((got == "True\n" && want == "1\n") || (got == "False\n" && want == "0\n")) {
        return true;
    }
    let (mut want, mut got) = (want, got);
    if flags & DONT_ACCEPT_BLANKLINE == 0 {
        want = map_lines(&want, |line| if is_blankline_marker(line) { "" } else { line });
        got = map_lines(&got, |line| if !line.is_empty() && line.chars().all(|c| c != '\n' && c.is_whitespace()) { "" } else { line });
        if got == want {
            return true;
        }
    }
    if flags & NORMALIZE_WHITESPACE != 0 {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        if squash(&got) == squash(&want) {
            return true;
        }
    }
    flags & ELLIPSIS != 0 && ellipsis_match(&want, &got)
}

/// `<BLANKLINE>` followed by nothing but whitespace on its line.
fn is_blankline_marker(line: &str) -> bool {
    line.strip_prefix("<BLANKLINE>").map_or(false, |rest| rest.chars().all(char::is_whitespace))
}

/// Apply `f` to each line (without its newline) of `s`.
fn map_lines(s: &str, f: impl Fn(&str) -> &str) -> String {
    s.split('\n').map(f).collect::<Vec<_>>().join("\n")
}

/// `doctest._ellipsis_match`: `...` in `want` matches any text.
fn ellipsis_match(want: &str, got: &str) -> bool {
    if !want.contains("...") {
        return want == got;
    }
    let mut pieces: Vec<&str> = want.split("...").collect();
    let (mut start, mut end) = (0, got.len());
    let first = pieces[0];
    if !first.is_empty() {
        if !got.starts_with(first) {
            return false;
        }
        start = first.len();
        pieces.remove(0);
    }
    let last = pieces[pieces.len() - 1];
    if !last.is_empty() {
        if !got.ends_with(last) {
            return false;
        }
        end -= last.len();
        pieces.pop();
    }
    if start > end {
        return false;
    }
    for piece in pieces {
        match got[start..end].find(piece) {
            Some(at) => start += at + piece.len(),
            None => return false,
        }
    }
    true
}

/// `doctest._strip_exception_details`: the exception's class name without its module.
fn strip_exception_details(msg: &str) -> String {
    let mut end = msg.find('\n').unwrap_or(msg.len());
    if let Some(colon) = msg[..end].find(':') {
        end = colon;
    }
    let start = msg[..end].rfind('.').map_or(0, |dot| dot + 1);
    msg[start..end].to_string()
}

/// `OutputChecker.output_difference` without the diff formats.
fn output_difference(want: &str, got: &str, flags: i64) -> String {
    let got = if flags & DONT_ACCEPT_BLANKLINE == 0 {
        let lines: Vec<&str> = got.split('\n').collect();
        let last = lines.len() - 1;
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| if i < last && line.chars().all(|c| c == ' ') { "<BLANKLINE>" } else { line })
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        got.to_string()
    };
    match (want.is_empty(), got.is_empty()) {
        (false, false) => format!("Expected:\n{}Got:\n{}", indent(want), indent(&got)),
        (false, true) => format!("Expected:\n{}Got nothing\n", indent(want)),
        (true, false) => format!("Expected nothing\nGot:\n{}", indent(&got)),
        (true, true) => "Expected nothing\nGot nothing\n".to_string(),
    }
}

/// `doctest.TestResults(failed, attempted)`, a named tuple.
struct TestResults {
    failed: i64,
    attempted: i64,
}

impl TestResults {
    fn as_tuple(&self) -> Value {
        Value::tuple(vec![Value::Int(self.failed), Value::Int(self.attempted)])
    }
}

impl NativeObject for TestResults {
    fn type_name(&self) -> &'static str {
        "TestResults"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'TestResults' object has no attribute '{}'", name)))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "failed" => Ok(Value::Int(self.failed)),
            "attempted" => Ok(Value::Int(self.attempted)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'TestResults' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        format!("TestResults(failed={}, attempted={})", self.failed, self.attempted)
    }
    fn len(&self) -> PyResult<i64> {
        Ok(2)
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        crate::ops::getitem(&self.as_tuple(), index)
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(vec![Value::Int(self.failed), Value::Int(self.attempted)])
    }
    fn truthy(&self) -> bool {
        true
    }
    fn equals(&self, other: &Value) -> bool {
        crate::ops::values_equal(&self.as_tuple(), other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_and_whitespace() {
        assert!(ellipsis_match("a...c\n", "abbbc\n"));
        assert!(!ellipsis_match("aa...aa", "aaa"));
        assert!(check_output("[1,   2]\n", "[1, 2]\n", NORMALIZE_WHITESPACE));
        assert!(check_output("a\n<BLANKLINE>\nb\n", "a\n\nb\n", 0));
        assert!(check_output("1\n", "True\n", 0));
        assert_eq!(strip_exception_details("mod.Error: detail\n"), "Error");
        assert_eq!(indent("a\n\nb\n"), "    a\n\n    b\n");
    }
}
