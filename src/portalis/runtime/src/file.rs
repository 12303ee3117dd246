//! Files: `open()` in text mode (utf-8, latin-1, ascii: `crate::bytes`' codecs) and binary
//! mode (reading and writing `bytes`), `io.StringIO`, `sys.stdout` and
//! `sys.stderr` as objects, and OS errors raised as CPython raises them
//! (`FileNotFoundError: [Errno 2] No such file or directory: 'x.txt'`).
//!
//! A file opened for reading is read whole when opened and then served from memory (the
//! position is a byte offset, as CPython's `tell()` is for these encodings); a file opened
//! for writing writes through to the OS on every call.  Relative paths work on
//! wasm32-wasi through the working directory the runner preopens.

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::cell::RefCell;
use std::io::{Seek, SeekFrom, Write};
use std::rc::Rc;

/// The OSError subclass, errno and message CPython gives for an I/O error.
pub fn os_error(err: &std::io::Error, filename: Option<&str>) -> PyErr {
    use std::io::ErrorKind;
    let (ty, errno, text): (&'static ExcType, i64, &str) = match (err.kind(), raw_errno(err)) {
        (ErrorKind::NotFound, _) => (&FILE_NOT_FOUND_ERROR, 2, "No such file or directory"),
        (ErrorKind::PermissionDenied, _) => (&PERMISSION_ERROR, 13, "Permission denied"),
        (ErrorKind::AlreadyExists, _) => (&FILE_EXISTS_ERROR, 17, "File exists"),
        (_, Some(Errno::IsDir)) => (&IS_A_DIRECTORY_ERROR, 21, "Is a directory"),
        (_, Some(Errno::NotDir)) => (&NOT_A_DIRECTORY_ERROR, 20, "Not a directory"),
        (_, Some(Errno::NotEmpty)) => (&OS_ERROR, 39, "Directory not empty"),
        _ => return errno_error(&OS_ERROR, 5, &err.to_string(), filename),
    };
    errno_error(ty, errno, text, filename)
}

/// `ty(errno, strerror, filename)`: printed `[Errno 2] No such file or directory: 'x'`.
pub fn errno_error(ty: &'static ExcType, errno: i64, text: &str, filename: Option<&str>) -> PyErr {
    PyErr::with_args(ty, vec![Value::Int(errno), Value::str(text), filename.map(Value::str).unwrap_or_default()])
}

enum Errno {
    IsDir,
    NotDir,
    NotEmpty,
}

/// The errno numbers differ between Linux and WASI: name the ones CPython reports.
fn raw_errno(err: &std::io::Error) -> Option<Errno> {
    let code = err.raw_os_error()?;
    let (is_dir, not_dir, not_empty) = if cfg!(target_os = "wasi") { (31, 54, 55) } else { (21, 20, 39) };
    if code == is_dir {
        Some(Errno::IsDir)
    } else if code == not_dir {
        Some(Errno::NotDir)
    } else if code == not_empty {
        Some(Errno::NotEmpty)
    } else {
        None
    }
}

/// Universal newlines: `\r\n` and `\r` read as `\n`.
fn normalise_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// A file object from `open()`: text (str in and out) or binary (bytes).
pub struct File {
    name: String,
    mode: String,
    encoding: &'static str,
    binary: bool,
    state: RefCell<FileState>,
    /// `newline=` None: lines end at '\n', '\r\n' or '\r', read as '\n'; '': the same
    /// ends, kept as they are (what the csv module wants); '\n': lines end at '\n' only.
    newline: Newline,
}

struct FileState {
    /// Read mode: the file's bytes and the position in them.
    data: Vec<u8>,
    pos: usize,
    /// Write and append modes: the OS file.
    handle: Option<std::fs::File>,
    /// `+` modes: `data` mirrors the whole file, reads and writes both at `pos`.
    update: bool,
    /// Text `+` modes: where reading began since the last seek or write.  CPython's text
    /// layer reads ahead in chunks of 8192 bytes, and a write lands after what it read.
    read_from: Option<usize>,
    closed: bool,
}

/// `open(file, mode='r', encoding=None)`.
pub fn open(a: &Args) -> PyResult<Value> {
    let name = match a.req(0, "file")? {
        Value::Str(s) => s.to_string(),
        Value::Native(n) if n.type_name() == "PosixPath" => n.str(),
        v => return type_error(format!("expected str, bytes or os.PathLike object, not {}", v.type_name())),
    };
    let mode = a.opt_text(1, "mode")?.map(|m| m.to_string()).unwrap_or_else(|| "r".to_string());
    let encoding = crate::bytes::codec(&a.opt_text(3, "encoding")?.unwrap_or_else(|| "utf-8".into()))?;
    let newline = match a.opt_text(6, "newline")?.as_deref() {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::LineFeed,
        Some(other) => return value_error(format!("illegal newline value: {}", Value::str(other).repr())),
    };
    Ok(Value::Native(Rc::new(open_file(&name, &mode, encoding, newline)?)))
}

#[derive(Clone, Copy, PartialEq)]
enum Newline {
    Universal,
    Untranslated,
    LineFeed,
}

pub fn open_text(name: &str, mode: &str, encoding: &'static str) -> PyResult<Value> {
    Ok(Value::Native(Rc::new(open_file(name, mode, encoding, Newline::Universal)?)))
}

fn open_file(name: &str, mode: &str, encoding: &'static str, newline: Newline) -> PyResult<File> {
    let kind = mode.chars().find(|c| "rwax".contains(*c));
    let binary = mode.contains('b');
    let update = mode.contains('+');
    let repeated = mode.char_indices().any(|(i, c)| mode[i + c.len_utf8()..].contains(c));
    if repeated || !mode.chars().all(|c| "rwaxtb+".contains(c)) {
        return value_error(format!("invalid mode: '{}'", mode));
    }
    if binary && mode.contains('t') {
        return value_error("can't have text and binary mode at once");
    }
    if mode.chars().filter(|c| "rwax".contains(*c)).count() != 1 {
        return value_error("must have exactly one of create/read/write/append mode");
    }
    let mut state = FileState { data: Vec::new(), pos: 0, handle: None, update, read_from: None, closed: false };
    let mut options = std::fs::OpenOptions::new();
    options.read(update);
    match kind {
        Some('r') if update => {
            state.data = read_bytes(name)?;
            options.write(true);
        }
        Some('a') if update => {
            state.data = if std::path::Path::new(name).is_file() { read_bytes(name)? } else { Vec::new() };
            state.pos = state.data.len();
            options.append(true).create(true);
        }
        Some('r') => {
            state.data = read_bytes(name)?;
        }
        Some('w') => {
            options.write(true).create(true).truncate(true);
        }
        Some('a') => {
            options.append(true).create(true);
        }
        _ => {
            options.write(true).create_new(true);
        }
    }
    if kind != Some('r') || update {
        if std::path::Path::new(name).is_dir() {
            return Err(errno_error(&IS_A_DIRECTORY_ERROR, 21, "Is a directory", Some(name)));
        }
        state.handle = Some(options.open(name).map_err(|e| os_error(&e, Some(name)))?);
    }
    Ok(File { name: name.to_string(), mode: mode.to_string(), encoding, binary, state: RefCell::new(state), newline })
}

/// A whole file's bytes, with CPython's errors (a folder is IsADirectoryError).
pub fn read_bytes(name: &str) -> PyResult<Vec<u8>> {
    if std::path::Path::new(name).is_dir() {
        return Err(errno_error(&IS_A_DIRECTORY_ERROR, 21, "Is a directory", Some(name)));
    }
    std::fs::read(name).map_err(|e| os_error(&e, Some(name)))
}

impl File {
    fn newlines(&self, text: String) -> String {
        if self.newline == Newline::Universal { normalise_newlines(text) } else { text }
    }

    fn readable(&self) -> PyResult<()> {
        self.open_check()?;
        if !self.can_read() {
            return Err(PyErr::new(&UNSUPPORTED_OPERATION, "not readable"));
        }
        Ok(())
    }

    fn can_read(&self) -> bool {
        let st = self.state.borrow();
        st.handle.is_none() || st.update
    }

    fn open_check(&self) -> PyResult<()> {
        if self.state.borrow().closed {
            return value_error("I/O operation on closed file.");
        }
        Ok(())
    }

    fn decode(&self, data: &[u8]) -> PyResult<String> {
        crate::bytes::decode(data, self.encoding, "strict")
    }

    fn encode(&self, text: &str) -> PyResult<Vec<u8>> {
        crate::bytes::encode(text, self.encoding, "strict")
    }

    /// The next line (with its newline), "" (or b"") at the end.
    fn read_line(&self, limit: Option<i64>) -> PyResult<Value> {
        self.readable()?;
        if self.binary {
            let mut st = self.state.borrow_mut();
            let rest = &st.data[st.pos..];
            let mut end = rest.iter().position(|b| *b == b'\n').map(|i| i + 1).unwrap_or(rest.len());
            if let Some(n) = limit.filter(|n| *n >= 0) {
                end = end.min(n as usize);
            }
            let line = rest[..end].to_vec();
            st.pos += end;
            return Ok(crate::bytes::bytes_value(line));
        }
        self.read_text_line(limit).map(Value::string)
    }

    fn read_text_line(&self, limit: Option<i64>) -> PyResult<String> {
        let mut st = self.state.borrow_mut();
        st.read_from = st.read_from.or(Some(st.pos));
        let rest = &st.data[st.pos..];
        let mut end = rest.len();
        for (i, &b) in rest.iter().enumerate() {
            if b == b'\n' {
                end = i + 1;
                break;
            }
            if b == b'\r' && self.newline != Newline::LineFeed {
                end = if rest.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                break;
            }
        }
        let mut line = self.newlines(self.decode(&rest[..end])?);
        let mut used = end;
        if let Some(n) = limit.filter(|n| *n >= 0) {
            if (n as usize) < line.chars().count() {
                line = line.chars().take(n as usize).collect();
                used = self.encode(&line).map(|b| b.len()).unwrap_or(end).min(end);
            }
        }
        st.pos += used;
        Ok(line)
    }

    fn read_all(&self, size: Option<i64>) -> PyResult<Value> {
        self.readable()?;
        if self.binary {
            let mut st = self.state.borrow_mut();
            let end = match size.filter(|n| *n >= 0) {
                Some(n) => (st.pos + n as usize).min(st.data.len()),
                None => st.data.len(),
            };
            let data = st.data[st.pos..end].to_vec();
            st.pos = end;
            return Ok(crate::bytes::bytes_value(data));
        }
        self.read_text(size).map(Value::string)
    }

    fn read_text(&self, size: Option<i64>) -> PyResult<String> {
        let mut st = self.state.borrow_mut();
        st.read_from = st.read_from.or(Some(st.pos));
        let text = self.newlines(self.decode(&st.data[st.pos..])?);
        match size.filter(|n| *n >= 0) {
            Some(n) if (n as usize) < text.chars().count() => {
                let part: String = text.chars().take(n as usize).collect();
                st.pos += self.encode(&part)?.len();
                Ok(part)
            }
            _ => {
                st.pos = st.data.len();
                Ok(text)
            }
        }
    }

    fn lines(&self) -> PyResult<Vec<Value>> {
        let mut lines = Vec::new();
        loop {
            let line = self.read_line(None)?;
            if !line.truthy() {
                return Ok(lines);
            }
            lines.push(line);
        }
    }

    fn write(&self, value: &Value) -> PyResult<Value> {
        self.open_check()?;
        let (bytes, written) = match (value, self.binary) {
            (Value::Str(s), false) => (self.encode(s)?, s.chars().count()),
            (v, true) => match crate::bytes::as_bytes(v) {
                Some(data) => {
                    let n = data.len();
                    (data, n)
                }
                None => return type_error(format!("a bytes-like object is required, not '{}'", v.type_name())),
            },
            (v, false) => return type_error(format!("write() argument must be str, not {}", v.type_name())),
        };
        let mut st = self.state.borrow_mut();
        if st.update {
            if self.mode.contains('a') {
                st.pos = st.data.len();
            } else if let Some(from) = st.read_from.take().filter(|_| !self.binary) {
                const CHUNK: usize = 8192;
                let chunks = ((st.pos - from) + CHUNK - 1) / CHUNK;
                st.pos = (from + chunks.max(1) * CHUNK).min(st.data.len());
            }
            let pos = st.pos;
            if let Some(h) = st.handle.as_mut() {
                h.seek(SeekFrom::Start(pos as u64)).and_then(|_| h.write_all(&bytes)).map_err(|e| os_error(&e, None))?;
            }
            let end = (pos + bytes.len()).min(st.data.len());
            st.data.splice(pos..end, bytes.iter().copied());
            st.pos = pos + bytes.len();
            return Ok(Value::Int(written as i64));
        }
        match st.handle.as_mut() {
            Some(h) => h.write_all(&bytes).map_err(|e| os_error(&e, None))?,
            None => return Err(PyErr::new(&UNSUPPORTED_OPERATION, "not writable")),
        }
        Ok(Value::Int(written as i64))
    }

    fn seek(&self, offset: i64, whence: i64) -> PyResult<Value> {
        self.open_check()?;
        let mut st = self.state.borrow_mut();
        if whence != 0 && offset != 0 {
            return Err(PyErr::new(&UNSUPPORTED_OPERATION, "can't do nonzero cur-relative seeks"));
        }
        if offset < 0 {
            return value_error(format!("negative seek position {}", offset));
        }
        let target = match whence {
            0 => SeekFrom::Start(offset as u64),
            1 => SeekFrom::Current(0),
            2 => SeekFrom::End(0),
            _ => return value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence)),
        };
        let len = st.data.len();
        let update = st.update;
        let pos = match st.handle.as_mut().filter(|_| !update) {
            Some(h) => h.seek(target).map_err(|e| os_error(&e, None))? as usize,
            None => match target {
                SeekFrom::Start(n) => n as usize,
                SeekFrom::End(_) => len,
                SeekFrom::Current(_) => st.pos,
            },
        };
        st.pos = pos;
        st.read_from = None;
        Ok(Value::Int(pos as i64))
    }

    /// `truncate(size=None)`: cut the file at `size` (the position by default).
    fn truncate(&self, size: Option<i64>) -> PyResult<Value> {
        self.open_check()?;
        let mut st = self.state.borrow_mut();
        let update = st.update;
        let size = match size {
            Some(n) if n < 0 => return Err(errno_error(&OS_ERROR, 22, "Invalid argument", None)),
            Some(n) => n as usize,
            None if update => st.pos,
            None => match st.handle.as_mut() {
                Some(h) => h.stream_position().map_err(|e| os_error(&e, None))? as usize,
                None => st.pos,
            },
        };
        match st.handle.as_mut() {
            Some(h) => h.set_len(size as u64).map_err(|e| os_error(&e, None))?,
            None => return Err(PyErr::new(&UNSUPPORTED_OPERATION, "File not open for writing")),
        }
        if update {
            st.data.truncate(size);
        }
        Ok(Value::Int(size as i64))
    }

    fn tell(&self) -> PyResult<Value> {
        self.open_check()?;
        let mut st = self.state.borrow_mut();
        let update = st.update;
        let pos = match st.handle.as_mut().filter(|_| !update) {
            Some(h) => h.stream_position().map_err(|e| os_error(&e, None))? as usize,
            None => st.pos,
        };
        Ok(Value::Int(pos as i64))
    }

    fn close(&self) {
        let mut st = self.state.borrow_mut();
        if let Some(mut h) = st.handle.take() {
            let _ = h.flush();
        }
        st.closed = true;
    }
}

impl NativeObject for File {
    fn type_name(&self) -> &'static str {
        let st = self.state.borrow();
        match (self.binary, st.handle.is_some()) {
            (true, _) if st.update => "_io.BufferedRandom",
            (true, false) => "_io.BufferedReader",
            (true, true) => "_io.BufferedWriter",
            _ => "_io.TextIOWrapper",
        }
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        match name {
            "read" => self.read_all(a.opt_int(0, "size")?),
            "readline" => self.read_line(a.opt_int(0, "size")?),
            "readlines" => Ok(Value::list(self.lines()?)),
            "write" => self.write(a.req(0, "s")?),
            "writelines" => writelines(a.req(0, "lines")?, |line| self.write(line)),
            "seek" => self.seek(a.req(0, "cookie")?.to_int()?, a.opt_int(1, "whence")?.unwrap_or(0)),
            "tell" => self.tell(),
            "truncate" => self.truncate(a.opt_int(0, "size")?),
            "close" => {
                self.close();
                Ok(Value::None)
            }
            "flush" => {
                self.open_check()?;
                Ok(Value::None)
            }
            "readable" => Ok(Value::Bool(self.can_read())),
            "writable" => Ok(Value::Bool(self.state.borrow().handle.is_some())),
            "__enter__" => {
                self.open_check()?;
                Ok(a.pos.into_iter().next().unwrap_or_default())
            }
            "__exit__" => {
                self.close();
                Ok(Value::Bool(false))
            }
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "name" => Ok(Value::str(&self.name)),
            "mode" => Ok(Value::str(&self.mode)),
            "closed" => Ok(Value::Bool(self.state.borrow().closed)),
            "encoding" if !self.binary => Ok(Value::str(self.encoding)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_io.TextIOWrapper' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        let name = Value::str(&self.name).repr();
        match (self.binary, self.state.borrow().handle.is_some()) {
            (true, _) => format!("<{} name={}>", self.type_name(), name),
            _ => format!("<_io.TextIOWrapper name={} mode={} encoding='{}'>", name, Value::str(&self.mode).repr(),
                         self.encoding),
        }
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        self.lines()
    }
}

impl Drop for File {
    fn drop(&mut self) {
        self.close();
    }
}

/// `io.StringIO(initial='')`: an in-memory text file; positions count characters.
pub struct StringIO {
    state: RefCell<(Vec<char>, usize, bool)>,
}

pub fn string_io(a: &Args) -> PyResult<Value> {
    let initial: Vec<char> = a.opt_text(0, "initial_value")?.map(|s| s.chars().collect()).unwrap_or_default();
    Ok(Value::Native(Rc::new(StringIO { state: RefCell::new((initial, 0, false)) })))
}

impl StringIO {
    fn check(&self) -> PyResult<()> {
        if self.state.borrow().2 {
            return value_error("I/O operation on closed file");
        }
        Ok(())
    }

    fn read_line(&self) -> String {
        let mut st = self.state.borrow_mut();
        let start = st.1.min(st.0.len());
        let end = st.0[start..].iter().position(|c| *c == '\n').map(|i| start + i + 1).unwrap_or(st.0.len());
        st.1 = end;
        st.0[start..end].iter().collect()
    }

    fn lines(&self) -> Vec<Value> {
        let mut out = Vec::new();
        loop {
            let line = self.read_line();
            if line.is_empty() {
                return out;
            }
            out.push(Value::string(line));
        }
    }

    fn write(&self, text: &Value) -> PyResult<Value> {
        let text: Vec<char> = match text {
            Value::Str(s) => s.chars().collect(),
            v => return type_error(format!("string argument expected, got '{}'", v.type_name())),
        };
        let mut st = self.state.borrow_mut();
        let pos = st.1;
        while st.0.len() < pos {
            st.0.push('\0');
        }
        let end = (pos + text.len()).min(st.0.len());
        st.0.splice(pos..end, text.iter().cloned());
        st.1 = pos + text.len();
        Ok(Value::Int(text.len() as i64))
    }
}

impl NativeObject for StringIO {
    fn type_name(&self) -> &'static str {
        "_io.StringIO"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        if name != "close" && name != "__exit__" {
            self.check()?;
        }
        match name {
            "getvalue" => Ok(Value::string(self.state.borrow().0.iter().collect())),
            "write" => self.write(a.req(0, "s")?),
            "writelines" => writelines(a.req(0, "lines")?, |line| self.write(line)),
            "read" => {
                let size = a.opt_int(0, "size")?;
                let mut st = self.state.borrow_mut();
                let start = st.1.min(st.0.len());
                let end = match size {
                    Some(n) if n >= 0 => (start + n as usize).min(st.0.len()),
                    _ => st.0.len(),
                };
                st.1 = end;
                Ok(Value::string(st.0[start..end].iter().collect()))
            }
            "readline" => Ok(Value::string(self.read_line())),
            "readlines" => Ok(Value::list(self.lines())),
            "seek" => {
                let pos = a.req(0, "pos")?.to_int()?;
                if pos < 0 {
                    return value_error(format!("Negative seek position {}", pos));
                }
                let mut st = self.state.borrow_mut();
                st.1 = match a.opt_int(1, "whence")?.unwrap_or(0) {
                    2 => st.0.len(),
                    1 => st.1,
                    _ => pos as usize,
                };
                Ok(Value::Int(st.1 as i64))
            }
            "tell" => Ok(Value::Int(self.state.borrow().1 as i64)),
            "truncate" => {
                let mut st = self.state.borrow_mut();
                let size = a.opt_int(0, "size")?.map(|n| n as usize).unwrap_or(st.1);
                st.0.truncate(size);
                Ok(Value::Int(size as i64))
            }
            "flush" => Ok(Value::None),
            "close" | "__exit__" => {
                self.state.borrow_mut().2 = true;
                Ok(if name == "close" { Value::None } else { Value::Bool(false) })
            }
            "__enter__" => Ok(a.pos.into_iter().next().unwrap_or_default()),
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "closed" => Ok(Value::Bool(self.state.borrow().2)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_io.StringIO' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        "<_io.StringIO object>".to_string()
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        self.check()?;
        Ok(self.lines())
    }
}

/// `sys.stdout` and `sys.stderr` as objects: `write`, `writelines`, `flush`.
pub struct StdStream {
    pub is_err: bool,
}

impl StdStream {
    fn put(&self, text: &str) {
        if self.is_err {
            crate::io::write_process_stderr(text);
        } else {
            crate::io::write_process_stdout(text);
        }
    }
}

impl StdStream {
    fn write(&self, text: &Value) -> PyResult<Value> {
        match text {
            Value::Str(s) => {
                self.put(s);
                Ok(Value::Int(s.chars().count() as i64))
            }
            v => type_error(format!("write() argument must be str, not {}", v.type_name())),
        }
    }
}

/// `writelines(lines)`: each item written in turn.
fn writelines(lines: &Value, mut write: impl FnMut(&Value) -> PyResult<Value>) -> PyResult<Value> {
    for line in crate::iter::collect_vec(lines)? {
        write(&line)?;
    }
    Ok(Value::None)
}

impl NativeObject for StdStream {
    fn type_name(&self) -> &'static str {
        "_io.TextIOWrapper"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        match name {
            "write" => self.write(a.req(0, "s")?),
            "writelines" => writelines(a.req(0, "lines")?, |line| self.write(line)),
            "flush" => {
                if !self.is_err {
                    crate::io::flush_stdout();
                }
                Ok(Value::None)
            }
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_io.TextIOWrapper' object has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        let name = if self.is_err { "<stderr>" } else { "<stdout>" };
        format!("<_io.TextIOWrapper name='{}' mode='w' encoding='utf-8'>", name)
    }
}
