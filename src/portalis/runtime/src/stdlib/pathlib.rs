//! `pathlib.Path` (as `PosixPath`): path arithmetic with `/`, its parts, and the file
//! operations people use it for (exists, read_text, write_text, mkdir, iterdir, glob ...).

use crate::exc::*;
use crate::file::os_error;
use crate::methods::Args;
use crate::stdlib::os;
use crate::value::*;
use std::rc::Rc;

pub struct Path {
    path: String,
}

/// A path as `pathlib` spells it: no `.` parts, no doubled or trailing slashes.
fn clean(text: &str) -> String {
    let absolute = text.starts_with('/');
    let parts: Vec<&str> = text.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    let body = parts.join("/");
    match (absolute, body.is_empty()) {
        (true, _) => format!("/{}", body),
        (false, true) => ".".to_string(),
        (false, false) => body,
    }
}

pub fn new_path(text: &str) -> Value {
    Value::Native(Rc::new(Path { path: clean(text) }))
}

fn part_text(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Native(n) if n.type_name() == "PosixPath" => Ok(n.str()),
        v => type_error(format!("expected str, bytes or os.PathLike object, not '{}'", v.type_name())),
    }
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "pathlib.Path" | "pathlib.PosixPath" => {
            let mut out = String::new();
            for v in &a.pos {
                out = if out.is_empty() { part_text(v)? } else { os::join(&out, &part_text(v)?) };
            }
            Ok(new_path(&out))
        }
        "pathlib.Path.cwd" => Ok(new_path(&os::getcwd())),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'pathlib' has no attribute '{}'", a.method))),
    }
}

impl Path {
    fn child(&self, other: &str) -> Value {
        new_path(&os::join(&self.path, other))
    }
    fn name(&self) -> String {
        if self.path == "." || self.path == "/" { String::new() } else { os::split(&self.path).1 }
    }
    fn parent(&self) -> String {
        let (head, _) = os::split(&self.path);
        if self.path == "/" { "/".into() } else if head.is_empty() { ".".into() } else { head }
    }
    fn suffix(&self) -> String {
        os::splitext(&self.name()).1
    }
    fn err(&self, e: std::io::Error) -> PyErr {
        os_error(&e, Some(&self.path))
    }
    fn entries(&self) -> PyResult<Vec<Value>> {
        Ok(os::listdir(&self.path)?.into_iter().map(|n| self.child(&n)).collect())
    }
}

/// The paths under `dir` that the glob pattern `parts` selects, in CPython's order:
/// `**` is `dir` and every folder below it (parents first), a wildcard part the matching
/// entries (folders only where more parts follow), a plain part that very entry.
fn select(dir: &str, parts: &[&str], found: &mut Vec<String>) {
    let (part, rest) = match parts.split_first() {
        None => return found.push(dir.to_string()),
        Some(split) => split,
    };
    let child = |name: &str| if dir == "." { name.to_string() } else { os::join(dir, name) };
    if *part == "**" {
        let mut dirs = vec![dir.to_string()];
        let mut i = 0;
        while i < dirs.len() {
            // preorder: a folder's subfolders come right after it
            let d = dirs[i].clone();
            let subs: Vec<String> = os::listdir(&d)
                .unwrap_or_default()
                .into_iter()
                .map(|n| if d == "." { n } else { os::join(&d, &n) })
                .filter(|p| std::fs::symlink_metadata(p).map_or(false, |m| m.is_dir()))
                .collect();
            dirs.splice(i + 1..i + 1, subs);
            i += 1;
        }
        for d in dirs {
            select(&d, rest, found);
        }
    } else if part.contains(|c| c == '*' || c == '?' || c == '[') {
        let pattern: Vec<char> = part.chars().collect();
        for name in os::listdir(dir).unwrap_or_default() {
            let path = child(&name);
            if matches(&pattern, &name.chars().collect::<Vec<_>>()) && (rest.is_empty() || std::path::Path::new(&path).is_dir()) {
                select(&path, rest, found);
            }
        }
    } else {
        let path = child(part);
        let ok = if rest.is_empty() { std::path::Path::new(&path).exists() } else { std::path::Path::new(&path).is_dir() };
        if ok {
            select(&path, rest, found);
        }
    }
}

/// `fnmatch`-style match of one name against `*`, `?` and literal characters.
fn matches(pattern: &[char], name: &[char]) -> bool {
    match (pattern.first(), name.first()) {
        (None, None) => true,
        (Some('*'), _) => matches(&pattern[1..], name) || (!name.is_empty() && matches(pattern, &name[1..])),
        (Some('?'), Some(_)) => matches(&pattern[1..], &name[1..]),
        (Some(p), Some(n)) if p == n => matches(&pattern[1..], &name[1..]),
        _ => false,
    }
}

impl NativeObject for Path {
    fn type_name(&self) -> &'static str {
        "PosixPath"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        let p = std::path::Path::new(&self.path);
        Ok(match name {
            "exists" => Value::Bool(p.exists()),
            "is_file" => Value::Bool(p.is_file()),
            "is_dir" => Value::Bool(p.is_dir()),
            "is_absolute" => Value::Bool(self.path.starts_with('/')),
            "read_bytes" => crate::bytes::bytes_value(crate::file::read_bytes(&self.path)?),
            "write_bytes" => match crate::bytes::as_bytes(a.req(0, "data")?) {
                Some(data) => {
                    let n = data.len();
                    std::fs::write(&self.path, data).map_err(|e| self.err(e))?;
                    Value::Int(n as i64)
                }
                None => return type_error("memoryview: a bytes-like object is required"),
            },
            "read_text" => {
                let enc = a.opt_text(0, "encoding")?.unwrap_or_else(|| "utf-8".into());
                let text = crate::bytes::decode(&crate::file::read_bytes(&self.path)?, &enc, "strict")?;
                Value::string(text.replace("\r\n", "\n").replace('\r', "\n"))
            }
            "write_text" => {
                let text = a.text(0, "data")?;
                let data = crate::bytes::encode(&text, &a.opt_text(1, "encoding")?.unwrap_or_else(|| "utf-8".into()), "strict")?;
                if p.is_dir() {
                    return Err(crate::file::errno_error(&IS_A_DIRECTORY_ERROR, 21, "Is a directory", Some(&self.path)));
                }
                std::fs::write(&self.path, data).map_err(|e| self.err(e))?;
                Value::Int(text.chars().count() as i64)
            }
            "open" => {
                let mode = a.opt_text(0, "mode")?.map(|m| m.to_string()).unwrap_or_else(|| "r".into());
                let enc = crate::bytes::codec(&a.opt_text(2, "encoding")?.unwrap_or_else(|| "utf-8".into()))?;
                crate::file::open_text(&self.path, &mode, enc)?
            }
            "mkdir" => {
                let parents = a.get(1, "parents").map(|v| v.truthy()).unwrap_or(false);
                let exist_ok = a.get(2, "exist_ok").map(|v| v.truthy()).unwrap_or(false);
                if parents {
                    os::makedirs(&self.path, exist_ok)?;
                } else if let Err(e) = std::fs::create_dir(&self.path) {
                    if !(exist_ok && p.is_dir()) {
                        return Err(self.err(e));
                    }
                }
                Value::None
            }
            "unlink" => {
                std::fs::remove_file(&self.path).map_err(|e| self.err(e))?;
                Value::None
            }
            "rmdir" => {
                std::fs::remove_dir(&self.path).map_err(|e| self.err(e))?;
                Value::None
            }
            "rename" | "replace" => {
                let target = part_text(a.req(0, "target")?)?;
                std::fs::rename(&self.path, &target).map_err(|e| self.err(e))?;
                new_path(&target)
            }
            "iterdir" => Value::list(self.entries()?),
            "glob" | "rglob" => {
                let pattern = a.text(0, "pattern")?;
                let mut parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
                if name == "rglob" {
                    parts.insert(0, "**");
                }
                if parts.is_empty() || pattern.starts_with('/') {
                    return value_error(format!("Unacceptable pattern: {}", Value::str(&pattern).repr()));
                }
                let mut found = Vec::new();
                select(&self.path, &parts, &mut found);
                let mut seen = std::collections::HashSet::new();
                Value::list(found.into_iter().filter(|p| seen.insert(p.clone())).map(|p| new_path(&p)).collect())
            }
            "joinpath" => {
                let mut out = self.path.clone();
                for v in &a.pos {
                    out = os::join(&out, &part_text(v)?);
                }
                new_path(&out)
            }
            "with_suffix" => {
                let suffix = a.text(0, "suffix")?;
                let stem = os::splitext(&self.path).0;
                new_path(&format!("{}{}", stem, suffix))
            }
            "with_name" => {
                let name = a.text(0, "name")?;
                new_path(&os::join(&self.parent(), &name))
            }
            "resolve" | "absolute" => new_path(&os::abspath(&self.path)),
            "__truediv__" => self.child(&part_text(a.req(0, "other")?)?),
            "__rtruediv__" => new_path(&os::join(&part_text(a.req(0, "other")?)?, &self.path)),
            "__fspath__" => Value::str(&self.path),
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'PosixPath' object has no attribute '{}'", name))),
        })
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Ok(match name {
            "name" => Value::string(self.name()),
            "suffix" => Value::string(self.suffix()),
            "stem" => {
                let n = self.name();
                Value::string(n[..n.len() - self.suffix().len()].to_string())
            }
            "parent" => new_path(&self.parent()),
            "parts" => {
                let mut parts: Vec<Value> = Vec::new();
                if self.path.starts_with('/') {
                    parts.push(Value::str("/"));
                }
                parts.extend(self.path.split('/').filter(|p| !p.is_empty() && *p != ".").map(Value::str));
                Value::tuple(parts)
            }
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'PosixPath' object has no attribute '{}'", name))),
        })
    }
    fn repr(&self) -> String {
        format!("PosixPath({})", Value::str(&self.path).repr())
    }
    fn str(&self) -> String {
        self.path.clone()
    }
    fn hash(&self) -> i64 {
        crate::tables::hash_str(&self.path)
    }
    fn equals(&self, other: &Value) -> bool {
        matches!(other, Value::Native(n) if n.type_name() == "PosixPath" && n.str() == self.path)
    }
    fn compare(&self, other: &Value) -> Option<PyResult<std::cmp::Ordering>> {
        match other {
            Value::Native(n) if n.type_name() == "PosixPath" => Some(Ok(self.path.cmp(&n.str()))),
            _ => None,
        }
    }
    fn binary_op(&self, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        if op != "/" {
            return None;
        }
        Some(part_text(other).map(|o| if reflected { new_path(&os::join(&o, &self.path)) } else { self.child(&o) }))
    }
}
