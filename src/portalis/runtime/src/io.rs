//! Standard streams: buffered `print`, `input`, and the program entry point that turns
//! an uncaught exception into CPython's traceback text and exit status.

use crate::exc::*;
use crate::value::*;
use crate::file::StdStream;
use std::cell::RefCell;
use std::rc::Rc;
use std::io::{BufRead, Write};

thread_local! {
    static STDOUT: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(1 << 16));
    /// While `Some`, what is written to stdout goes here instead (doctest's examples).
    static CAPTURE: RefCell<Option<String>> = RefCell::new(None);
    /// What a program assigned to `sys.stdout` and `sys.stderr` (`None`: the process's own
    /// stream): `print` and the runtime's own messages then go to that object's `write`.
    static REPLACED: RefCell<[Option<Value>; 2]> = RefCell::new([None, None]);
    /// The process's streams as objects (`sys.__stdout__`, `sys.__stderr__`), made once so
    /// that `sys.stdout is sys.__stdout__` holds.
    static ORIGINAL: [Value; 2] = [false, true].map(|is_err| Value::Native(Rc::new(StdStream { is_err })));
}

fn stream_index(is_err: bool) -> usize {
    is_err as usize
}

/// `sys.stdout` / `sys.stderr` as the program sees it now.
pub fn sys_stream(is_err: bool) -> Value {
    replaced(is_err).unwrap_or_else(|| original_stream(is_err))
}

/// `sys.__stdout__` / `sys.__stderr__`: the process's own stream.
pub fn original_stream(is_err: bool) -> Value {
    ORIGINAL.with(|o| o[stream_index(is_err)].clone())
}

/// `sys.stdout = value` / `sys.stderr = value`.
pub fn set_sys_stream(is_err: bool, value: &Value) {
    let own = ORIGINAL.with(|o| o[stream_index(is_err)].is(value));
    REPLACED.with(|r| r.borrow_mut()[stream_index(is_err)] = if own { None } else { Some(value.clone()) });
}

fn replaced(is_err: bool) -> Option<Value> {
    REPLACED.with(|r| r.borrow()[stream_index(is_err)].clone())
}

/// Write `text` to `sys.stdout` or `sys.stderr`, whatever object they name now.
fn write_sys_stream(is_err: bool, text: &str) -> PyResult<()> {
    match replaced(is_err) {
        Some(target) => crate::methods::call_method(&target, "write", vec![Value::str(text)]).map(|_| ()),
        None if is_err => {
            write_process_stderr(text);
            Ok(())
        }
        None => {
            write_process_stdout(text);
            Ok(())
        }
    }
}

/// The runtime's own messages for stderr (argparse's usage errors): to `sys.stderr`, as
/// CPython's modules write them; a failing replacement's error is dropped, as the
/// message itself is on its way to an error exit.
pub fn write_stderr(text: &str) {
    let _ = write_sys_stream(true, text);
}

/// Straight to the process's stderr, after what stdout holds so the streams interleave.
pub fn write_process_stderr(text: &str) {
    flush_stdout();
    let mut err = std::io::stderr();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// Send what is written to stdout to a buffer until `end_capture` returns it.
pub fn begin_capture() {
    CAPTURE.with(|c| *c.borrow_mut() = Some(String::new()));
}

/// Stop capturing stdout; what was written meanwhile.
pub fn end_capture() -> String {
    CAPTURE.with(|c| c.borrow_mut().take()).unwrap_or_default()
}

/// The runtime's own output for stdout (argparse's help, pprint, doctest's report): to
/// `sys.stdout`; a failing replacement's error is dropped like CPython drops it at exit.
pub fn write_stdout(text: &str) {
    let _ = write_sys_stream(false, text);
}

/// Append to the process's stdout buffer, flushing it when it grows large.
pub fn write_process_stdout(text: &str) {
    let captured = CAPTURE.with(|c| match c.borrow_mut().as_mut() {
        Some(buffer) => {
            buffer.push_str(text);
            true
        }
        None => false,
    });
    if captured {
        return;
    }
    STDOUT.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(text.as_bytes());
        if b.len() >= 1 << 16 {
            flush_buffer(&mut b);
        }
    });
}

fn flush_buffer(b: &mut Vec<u8>) {
    let out = std::io::stdout();
    let mut lock = out.lock();
    let _ = lock.write_all(b);
    let _ = lock.flush();
    b.clear();
}

pub fn flush_stdout() {
    STDOUT.with(|b| flush_buffer(&mut b.borrow_mut()));
}

/// `print(*args, sep=sep, end=end)`; `None` means the default.
pub fn print(args: &[Value], sep: Option<&Value>, end: Option<&Value>) -> PyResult<Value> {
    write_sys_stream(false, &print_line(args, sep, end)?)?;
    Ok(Value::None)
}

/// `print(..., file=sys.stderr)`.
pub fn eprint(args: &[Value], sep: Option<&Value>, end: Option<&Value>) -> PyResult<Value> {
    write_sys_stream(true, &print_line(args, sep, end)?)?;
    Ok(Value::None)
}

/// `print(..., file=f)` for any object with a `write` method (a file, `io.StringIO`).
pub fn print_to(file: &Value, args: &[Value], sep: Option<&Value>, end: Option<&Value>) -> PyResult<Value> {
    if let Value::None = file {
        return print(args, sep, end);
    }
    let line = print_line(args, sep, end)?;
    crate::methods::call_method(file, "write", vec![Value::string(line)])?;
    Ok(Value::None)
}

fn print_line(args: &[Value], sep: Option<&Value>, end: Option<&Value>) -> PyResult<String> {
    let sep = text_option(sep, " ", "sep")?;
    let end = text_option(end, "\n", "end")?;
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        match a {
            Value::Str(s) => line.push_str(s),
            _ => line.push_str(&crate::classes::checked_text(|| a.to_str())?),
        }
    }
    line.push_str(&end);
    Ok(line)
}

fn text_option(v: Option<&Value>, default: &str, what: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => type_error(format!("{} must be None or a string, not {}", what, other.type_name())),
    }
}

/// `input(prompt)`: EOFError at end of input, like CPython.
pub fn input(prompt: Option<&Value>) -> PyResult<Value> {
    if let Some(p) = prompt {
        write_stdout(&p.to_str());
    }
    flush_stdout();
    let mut line = String::new();
    let stdin = std::io::stdin();
    let n = stdin.lock().read_line(&mut line).unwrap_or(0);
    if n == 0 {
        return Err(PyErr::new(&EOF_ERROR, "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Ok(Value::string(line))
}

/// The rest of standard input (`sys.stdin.read()`).
pub fn read_stdin() -> PyResult<Value> {
    let mut text = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text);
    Ok(Value::string(text))
}

static SCRIPT: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// The Python script's file name (`prog.py`): what `sys.argv[0]` is under CPython.
pub fn script_name() -> String {
    SCRIPT.lock().map(|s| s.clone()).unwrap_or_default()
}

/// The width of the terminal standard output is, if it is one (`os.get_terminal_size()`).
#[cfg(all(target_os = "linux", not(target_arch = "wasm32")))]
pub fn terminal_width() -> Option<usize> {
    #[repr(C)]
    struct WinSize {
        rows: u16,
        cols: u16,
        x_pixels: u16,
        y_pixels: u16,
    }
    extern "C" {
        fn ioctl(fd: std::os::raw::c_int, request: std::os::raw::c_ulong, ...) -> std::os::raw::c_int;
    }
    const TIOCGWINSZ: std::os::raw::c_ulong = 0x5413;
    let mut size = WinSize { rows: 0, cols: 0, x_pixels: 0, y_pixels: 0 };
    // SAFETY: TIOCGWINSZ writes one `struct winsize` (four u16) through the pointer.
    let status = unsafe { ioctl(1, TIOCGWINSZ, &mut size as *mut WinSize) };
    if status == 0 {
        Some(size.cols as usize)
    } else {
        None
    }
}

#[cfg(not(all(target_os = "linux", not(target_arch = "wasm32"))))]
pub fn terminal_width() -> Option<usize> {
    None
}

/// Run the translated module body; an uncaught exception prints a traceback and exits 1.
pub fn run_main(script: &str, body: fn() -> PyResult<()>) {
    let script = script.to_string();
    crate::frames::run_on_large_stack(move || run_module(&script, body));
}

fn run_module(script: &str, body: fn() -> PyResult<()>) {
    *SCRIPT.lock().unwrap_or_else(|e| e.into_inner()) = script.to_string();
    crate::traceback::Sources::remember_start_dir();
    let result = body();
    flush_stdout();
    if let Err(err) = result {
        if std::ptr::eq(err.ty, &SYSTEM_EXIT) {
            std::process::exit(exit_code(&err));
        }
        let mut report = crate::traceback::format_exception(&err, &mut crate::traceback::Sources::new());
        if err.trace.as_ref().map_or(true, |t| t.entries.is_empty()) {
            // An error no frame recorded (raised outside any translated line): the module's.
            report = format!("Traceback (most recent call last):\n  File \"{}\", line 1, in <module>\n{}", script, report);
        }
        let mut stderr = std::io::stderr();
        let _ = stderr.write_all(report.as_bytes());
        let _ = stderr.flush();
        std::process::exit(1);
    }
}

/// `sys.exit(arg)`: an int is the status, None is 0, anything else is printed and gives 1.
fn exit_code(err: &PyErr) -> i32 {
    match err.args.first() {
        None | Some(Value::None) => 0,
        Some(v) => match v.as_index() {
            Some(i) => i as i32,
            None => {
                eprintln!("{}", v.to_str());
                1
            }
        },
    }
}
