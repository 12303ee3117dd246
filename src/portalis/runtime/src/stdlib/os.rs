//! `os` and `os.path`: the working directory, directory listing and walking, making,
//! removing and renaming files, the environment, and path arithmetic on `/`-separated
//! paths.  Errors are CPython's (`crate::file::os_error`).

use crate::exc::*;
use crate::file::{errno_error, os_error};
use crate::methods::Args;
use crate::value::*;

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    if let Some(rest) = name.strip_prefix("os.path.") {
        return path_call(rest, a);
    }
    match name {
        "os.getcwd" => Ok(Value::string(getcwd())),
        "os.listdir" => {
            let dir = a.opt_text(0, "path")?.map(|s| s.to_string()).unwrap_or_else(|| ".".to_string());
            Ok(Value::list(listdir(&dir)?.into_iter().map(Value::string).collect()))
        }
        "os.mkdir" => {
            let dir = a.text(0, "path")?;
            std::fs::create_dir(&*dir).map_err(|e| os_error(&e, Some(&dir)))?;
            Ok(Value::None)
        }
        "os.makedirs" => {
            let dir = a.text(0, "name")?;
            let exist_ok = a.get(2, "exist_ok").map(|v| v.truthy()).unwrap_or(false);
            makedirs(&dir, exist_ok)?;
            Ok(Value::None)
        }
        "os.remove" | "os.unlink" => {
            let file = a.text(0, "path")?;
            if std::path::Path::new(&*file).is_dir() {
                return Err(errno_error(&IS_A_DIRECTORY_ERROR, 21, "Is a directory", Some(&file)));
            }
            std::fs::remove_file(&*file).map_err(|e| os_error(&e, Some(&file)))?;
            Ok(Value::None)
        }
        "os.rmdir" => {
            let dir = a.text(0, "path")?;
            std::fs::remove_dir(&*dir).map_err(|e| os_error(&e, Some(&dir)))?;
            Ok(Value::None)
        }
        "os.rename" | "os.replace" => {
            let (src, dst) = (a.text(0, "src")?, a.text(1, "dst")?);
            std::fs::rename(&*src, &*dst).map_err(|e| {
                let mut err = os_error(&e, Some(&src));
                err.args = std::rc::Rc::new(vec![Value::string(format!("{} -> {}", err.message(), Value::str(&dst).repr()))]);
                err
            })?;
            Ok(Value::None)
        }
        "os.walk" => Ok(walk(&a.text(0, "top")?)),
        "os.stat" => {
            let p = path_arg(a, 0)?;
            Ok(Value::Native(std::rc::Rc::new(StatResult(std::fs::metadata(&p).map_err(|e| os_error(&e, Some(&p)))?))))
        }
        "os.chdir" => {
            let p = path_arg(a, 0)?;
            let target = normpath(&join(&getcwd(), &p));
            std::env::set_current_dir(&p).map_err(|e| os_error(&e, Some(&p)))?;
            if cfg!(target_os = "wasi") {
                if let Ok(mut cwd) = WASI_CWD.lock() {
                    *cwd = Some(target);
                }
            }
            Ok(Value::None)
        }
        "os.getenv" => {
            let key = a.text(0, "key")?;
            Ok(match std::env::var(&*key) {
                Ok(v) => Value::string(v),
                Err(_) => a.get(1, "default").cloned().unwrap_or(Value::None),
            })
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'os' has no attribute '{}'", a.method))),
    }
}

pub fn attribute(name: &str) -> Option<Value> {
    Some(match name {
        "os.sep" | "os.path.sep" => Value::str("/"),
        "os.linesep" => Value::str("\n"),
        "os.curdir" | "os.path.curdir" => Value::str("."),
        "os.pardir" | "os.path.pardir" => Value::str(".."),
        "os.name" => Value::str("posix"),
        "os.environ" => {
            let mut vars: Vec<(String, String)> = std::env::vars().collect();
            vars.retain(|(k, _)| k != "PORTALIS_CWD");
            let mut d = Dict::new();
            for (k, v) in vars {
                d.insert(Value::string(k), Value::string(v));
            }
            Value::dict(d)
        }
        _ => return None,
    })
}

/// The working directory; on wasm32-wasi the runner passes the host's as PORTALIS_CWD.
/// The working directory `os.chdir` moved to, on wasm32-wasi (where the OS has none to report).
static WASI_CWD: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

pub fn getcwd() -> String {
    if cfg!(target_os = "wasi") {
        if let Some(dir) = WASI_CWD.lock().ok().and_then(|d| d.clone()) {
            return dir;
        }
        if let Ok(dir) = std::env::var("PORTALIS_CWD") {
            return dir;
        }
    }
    std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "/".to_string())
}

/// Entry names in the order the OS gives them (as CPython's `os.listdir`).
pub fn listdir(dir: &str) -> PyResult<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| os_error(&e, Some(dir)))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| os_error(&e, Some(dir)))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    Ok(names)
}

pub fn makedirs(dir: &str, exist_ok: bool) -> PyResult<()> {
    let path = std::path::Path::new(dir);
    if path.exists() {
        if exist_ok && path.is_dir() {
            return Ok(());
        }
        return Err(errno_error(&FILE_EXISTS_ERROR, 17, "File exists", Some(dir)));
    }
    std::fs::create_dir_all(dir).map_err(|e| os_error(&e, Some(dir)))
}

/// `os.walk(top)`, top-down and lazy: (dirpath, dirnames, filenames) for each folder.
/// As in CPython, the folders visited next are the ones left in `dirnames` (a program may
/// sort or prune that list before the walk goes on).
fn walk(top: &str) -> Value {
    let mut todo = vec![top.to_string()];
    let mut last: Option<(String, Value)> = None;
    Value::iter(move || {
        if let Some((dir, dirs)) = last.take() {
            if let Value::List(names) = dirs {
                for name in names.borrow().iter().rev() {
                    todo.push(join(&dir, &name.to_str()));
                }
            }
        }
        while let Some(dir) = todo.pop() {
            let names = match listdir(&dir) {
                Ok(names) => names,
                Err(_) => continue, // os.walk skips folders it cannot list
            };
            let (mut dirs, mut files) = (Vec::new(), Vec::new());
            for name in names {
                if std::path::Path::new(&join(&dir, &name)).is_dir() {
                    dirs.push(Value::string(name));
                } else {
                    files.push(Value::string(name));
                }
            }
            let dirs = Value::list(dirs);
            last = Some((dir.clone(), dirs.clone()));
            return Ok(Some(Value::tuple(vec![Value::string(dir), dirs, Value::list(files)])));
        }
        Ok(None)
    })
}

/// `os.path.join(a, b)` for two parts: an absolute `b` replaces `a`.
pub fn join(a: &str, b: &str) -> String {
    if b.starts_with('/') || a.is_empty() {
        b.to_string()
    } else if a.ends_with('/') {
        format!("{}{}", a, b)
    } else {
        format!("{}/{}", a, b)
    }
}

/// `os.path.normpath`.
pub fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().map_or(false, |p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            _ => parts.push(part),
        }
    }
    let body = parts.join("/");
    match (absolute, body.is_empty()) {
        (true, _) => format!("/{}", body),
        (false, true) => ".".to_string(),
        (false, false) => body,
    }
}

/// (head, tail) as `os.path.split`.
pub fn split(path: &str) -> (String, String) {
    match path.rfind('/') {
        Some(i) => {
            let head = &path[..i + 1];
            let trimmed = head.trim_end_matches('/');
            (if trimmed.is_empty() { head.to_string() } else { trimmed.to_string() }, path[i + 1..].to_string())
        }
        None => (String::new(), path.to_string()),
    }
}

/// (root, ext) as `os.path.splitext`: a leading dot does not start an extension.
pub fn splitext(path: &str) -> (String, String) {
    let name_start = path.rfind('/').map(|i| i + 1).unwrap_or(0);
    let name = &path[name_start..];
    match name.rfind('.') {
        Some(i) if name[..i].chars().any(|c| c != '.') => {
            (path[..name_start + i].to_string(), name[i..].to_string())
        }
        _ => (path.to_string(), String::new()),
    }
}

pub fn abspath(path: &str) -> String {
    normpath(&join(&getcwd(), path))
}

/// Argument `i`, a path: a str or a `pathlib.Path`.
fn path_arg(a: &Args, i: usize) -> PyResult<String> {
    path_text(a.req(i, "path")?)
}

/// A path given as a str or a `pathlib.Path`.
pub fn path_text(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Native(n) if n.type_name() == "PosixPath" => Ok(n.str()),
        v => type_error(format!("expected str, bytes or os.PathLike object, not {}", v.type_name())),
    }
}

/// A time as CPython's `st_mtime` computes it (`sec + nsec * 1e-9`), and its parts.
#[cfg(not(unix))]
fn stat_time(t: std::io::Result<std::time::SystemTime>) -> (f64, i64, i64) {
    let (sec, nsec) = match t.map(|t| t.duration_since(std::time::UNIX_EPOCH)) {
        Ok(Ok(d)) => (d.as_secs() as i64, d.subsec_nanos() as i64),
        Ok(Err(e)) => {
            let d = e.duration();
            let (s, n) = (d.as_secs() as i64, d.subsec_nanos() as i64);
            if n == 0 { (-s, 0) } else { (-s - 1, 1_000_000_000 - n) }
        }
        Err(_) => (0, 0),
    };
    (sec as f64 + nsec as f64 * 1e-9, sec, nsec)
}

/// `os.stat(path)`: an `os.stat_result`.
struct StatResult(std::fs::Metadata);

impl StatResult {
    /// (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid)
    #[cfg(unix)]
    fn ids(&self) -> [i64; 6] {
        use std::os::unix::fs::MetadataExt;
        let m = &self.0;
        [m.mode() as i64, m.ino() as i64, m.dev() as i64, m.nlink() as i64, m.uid() as i64, m.gid() as i64]
    }
    #[cfg(not(unix))]
    fn ids(&self) -> [i64; 6] {
        let kind = if self.0.is_dir() { 0o040000 } else { 0o100000 };
        let perm = if self.0.permissions().readonly() { 0o444 } else { 0o644 };
        [kind | perm, 0, 0, 1, 0, 0]
    }
    /// (atime, mtime, ctime): as floats, and as seconds and nanoseconds.
    #[cfg(unix)]
    fn times(&self) -> [(f64, i64, i64); 3] {
        use std::os::unix::fs::MetadataExt;
        let m = &self.0;
        let t = |sec: i64, nsec: i64| (sec as f64 + nsec as f64 * 1e-9, sec, nsec);
        [t(m.atime(), m.atime_nsec()), t(m.mtime(), m.mtime_nsec()), t(m.ctime(), m.ctime_nsec())]
    }
    #[cfg(not(unix))]
    fn times(&self) -> [(f64, i64, i64); 3] {
        [stat_time(self.0.accessed()), stat_time(self.0.modified()), stat_time(self.0.modified())]
    }
}

impl NativeObject for StatResult {
    fn type_name(&self) -> &'static str {
        "os.stat_result"
    }
    fn call_method(&self, name: &str, _pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'os.stat_result' object has no attribute '{}'", name)))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let ids = self.ids();
        let [atime, mtime, ctime] = self.times();
        let ns = |t: (f64, i64, i64)| crate::ops::add(&crate::ops::mul(&Value::Int(t.1), &Value::Int(1_000_000_000))?, &Value::Int(t.2));
        Ok(match name {
            "st_mode" => Value::Int(ids[0]),
            "st_ino" => Value::Int(ids[1]),
            "st_dev" => Value::Int(ids[2]),
            "st_nlink" => Value::Int(ids[3]),
            "st_uid" => Value::Int(ids[4]),
            "st_gid" => Value::Int(ids[5]),
            "st_size" => Value::Int(self.0.len() as i64),
            "st_atime" => Value::Float(atime.0),
            "st_mtime" => Value::Float(mtime.0),
            "st_ctime" => Value::Float(ctime.0),
            "st_atime_ns" => ns(atime)?,
            "st_mtime_ns" => ns(mtime)?,
            "st_ctime_ns" => ns(ctime)?,
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'os.stat_result' object has no attribute '{}'", name))),
        })
    }
    fn repr(&self) -> String {
        let ids = self.ids();
        let [atime, mtime, ctime] = self.times();
        format!(
            "os.stat_result(st_mode={}, st_ino={}, st_dev={}, st_nlink={}, st_uid={}, st_gid={}, st_size={}, st_atime={}, st_mtime={}, st_ctime={})",
            ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], self.0.len(), atime.1, mtime.1, ctime.1
        )
    }
}

fn path_call(name: &str, a: &Args) -> PyResult<Value> {
    let text = |i: usize| path_arg(a, i);
    let exists = |p: &str| std::fs::metadata(p).is_ok();
    Ok(match name {
        "join" => {
            let mut out = text(0)?;
            for i in 1..a.pos.len() {
                out = join(&out, &text(i)?);
            }
            Value::string(out)
        }
        "exists" => Value::Bool(exists(&text(0)?)),
        "isfile" => Value::Bool(std::path::Path::new(&text(0)?).is_file()),
        "isdir" => Value::Bool(std::path::Path::new(&text(0)?).is_dir()),
        "isabs" => Value::Bool(text(0)?.starts_with('/')),
        "basename" => Value::string(split(&text(0)?).1),
        "dirname" => Value::string(split(&text(0)?).0),
        "split" => {
            let (h, t) = split(&text(0)?);
            Value::tuple(vec![Value::string(h), Value::string(t)])
        }
        "splitext" => {
            let (r, e) = splitext(&text(0)?);
            Value::tuple(vec![Value::string(r), Value::string(e)])
        }
        "normpath" => Value::string(normpath(&text(0)?)),
        "abspath" => Value::string(abspath(&text(0)?)),
        "getsize" => {
            let p = text(0)?;
            Value::Int(std::fs::metadata(&p).map_err(|e| os_error(&e, Some(&p)))?.len() as i64)
        }
        "getmtime" | "getatime" | "getctime" => {
            let p = text(0)?;
            let stat = StatResult(std::fs::metadata(&p).map_err(|e| os_error(&e, Some(&p)))?);
            let t = stat.times()[match name { "getatime" => 0, "getmtime" => 1, _ => 2 }];
            Value::Float(t.0)
        }
        _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'posixpath' has no attribute '{}'", name))),
    })
}
