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
pub fn getcwd() -> String {
    if cfg!(target_os = "wasi") {
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

fn path_call(name: &str, a: &Args) -> PyResult<Value> {
    let text = |i: usize| -> PyResult<String> {
        match a.req(i, "path")? {
            Value::Str(s) => Ok(s.to_string()),
            Value::Native(n) if n.type_name() == "PosixPath" => Ok(n.str()),
            v => type_error(format!("expected str, bytes or os.PathLike object, not {}", v.type_name())),
        }
    };
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
        _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'posixpath' has no attribute '{}'", name))),
    })
}
