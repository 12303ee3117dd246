//! Python's `re` module on top of the `regex` engine: module functions, compiled
//! `Pattern` objects and `Match` objects, with a cache of compiled patterns.

use crate::builtins::call as call_value;
use crate::exc::*;
use crate::methods::Args;
use crate::stdlib::regex::{self, FindAllItem, Match, Regex};
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static CACHE: RefCell<Vec<(String, u32, Regex)>> = RefCell::new(Vec::new());
}

fn re_error(msg: String) -> PyErr {
    PyErr::new(&VALUE_ERROR, msg)
}

/// Compile `pattern` with `flags`, reusing an earlier compilation.
fn compile(pattern: &str, flags: u32) -> PyResult<Regex> {
    let hit = CACHE.with(|c| c.borrow().iter().find(|(p, f, _)| p == pattern && *f == flags).map(|(_, _, r)| r.clone()));
    if let Some(r) = hit {
        return Ok(r);
    }
    let r = Regex::new(pattern, flags).map_err(re_error)?;
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 512 {
            c.clear();
        }
        c.push((pattern.to_string(), flags, r.clone()));
    });
    Ok(r)
}

/// `re.I`, `re.MULTILINE`, ...
pub fn constant(name: &str) -> Option<Value> {
    let flag = match name {
        "re.I" | "re.IGNORECASE" => regex::IGNORECASE,
        "re.M" | "re.MULTILINE" => regex::MULTILINE,
        "re.S" | "re.DOTALL" => regex::DOTALL,
        "re.X" | "re.VERBOSE" => regex::VERBOSE,
        "re.A" | "re.ASCII" => regex::ASCII,
        _ => return None,
    };
    Some(Value::Int(flag as i64))
}

fn text_arg(a: &Args, i: usize, name: &str) -> PyResult<Rc<str>> {
    match a.req(i, name)? {
        Value::Str(s) => Ok(s.clone()),
        v => type_error(format!("expected string or bytes-like object, got '{}'", v.type_name())),
    }
}

fn flags_arg(a: &Args, i: usize) -> PyResult<u32> {
    Ok(a.opt_int(i, "flags")?.unwrap_or(0) as u32)
}

/// The pattern argument: a string or an already compiled Pattern.
fn pattern_arg(a: &Args, flags_at: usize) -> PyResult<Regex> {
    match a.req(0, "pattern")? {
        Value::Str(p) => compile(p, flags_arg(a, flags_at)?),
        Value::Native(n) if n.type_name() == "re.Pattern" => {
            let text = n.getattr("pattern")?.to_str();
            let flags = n.getattr("flags")?.to_int()? as u32;
            compile(&text, flags)
        }
        v => type_error(format!("first argument must be string or compiled pattern, not {}", v.type_name())),
    }
}

/// `re.<function>(pattern, ...)`: the module functions take the pattern first.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "re.compile" => Ok(Value::Native(Rc::new(Pattern(pattern_arg(a, 1)?)))),
        "re.escape" => Ok(Value::string(regex::escape(&text_arg(a, 0, "pattern")?))),
        "re.match" | "re.search" | "re.fullmatch" | "re.findall" | "re.finditer" | "re.split" => {
            let flags_at = if name == "re.split" { 3 } else { 2 };
            let r = pattern_arg(a, flags_at)?;
            let rest = Args { method: a.method, pos: a.pos.iter().skip(1).cloned().collect(), kw: a.kw.clone() };
            pattern_method(&r, &name[3..], &rest)
        }
        "re.sub" | "re.subn" => {
            let r = pattern_arg(a, 4)?;
            let rest = Args { method: a.method, pos: a.pos.iter().skip(1).cloned().collect(), kw: a.kw.clone() };
            pattern_method(&r, &name[3..], &rest)
        }
        _ => type_error(format!("{} is not available", name)),
    }
}

fn match_value(m: Option<Match>, r: &Regex) -> Value {
    match m {
        Some(m) => Value::Native(Rc::new(MatchObj { m, regex: r.clone() })),
        None => Value::None,
    }
}

fn opt_str(s: Option<String>) -> Value {
    match s {
        Some(s) => Value::string(s),
        None => Value::None,
    }
}

/// The methods shared by `Pattern` objects and the module-level functions.
fn pattern_method(r: &Regex, name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "match" | "search" | "fullmatch" => {
            let text = text_arg(a, 0, "string")?;
            let pos = a.opt_int(1, "pos")?.unwrap_or(0).max(0) as usize;
            let endpos = a.opt_int(2, "endpos")?.map(|e| e.max(0) as usize);
            let m = match name {
                "match" => r.match_at(&text, pos, endpos),
                "search" => r.search(&text, pos, endpos),
                _ => r.fullmatch(&text, pos, endpos),
            };
            Ok(match_value(m, r))
        }
        "findall" => {
            let text = text_arg(a, 0, "string")?;
            Ok(Value::list(
                r.findall(&text)
                    .into_iter()
                    .map(|item| match item {
                        FindAllItem::Text(t) => Value::string(t),
                        FindAllItem::Tuple(ts) => Value::tuple(ts.into_iter().map(Value::string).collect()),
                    })
                    .collect(),
            ))
        }
        "finditer" => {
            let text = text_arg(a, 0, "string")?;
            let items: Vec<Value> = r.find_iter(&text).into_iter().map(|m| match_value(Some(m), r)).collect();
            Ok(crate::iter::into_iter_value(crate::iter::Iter::Values(items.into_iter())))
        }
        "split" => {
            let text = text_arg(a, 0, "string")?;
            let maxsplit = a.opt_int(1, "maxsplit")?.unwrap_or(0).max(0) as usize;
            Ok(Value::list(r.split(&text, maxsplit).into_iter().map(opt_str).collect()))
        }
        "sub" | "subn" => {
            let repl = a.req(0, "repl")?.clone();
            let text = text_arg(a, 1, "string")?;
            let count = a.opt_int(2, "count")?.unwrap_or(0).max(0) as usize;
            let (out, n) = match &repl {
                Value::Str(template) => r.sub(template, &text, count).map_err(re_error)?,
                f => {
                    let mut failure: Option<PyErr> = None;
                    let mut callback = |m: &Match| -> Result<String, String> {
                        let arg = match_value(Some(m.clone()), r);
                        match call_value(f, vec![arg]) {
                            Ok(v) => Ok(v.to_str()),
                            Err(e) => {
                                let msg = e.summary();
                                failure = Some(e);
                                Err(msg)
                            }
                        }
                    };
                    let result = r.sub_fn(&text, count, &mut callback);
                    if let Some(e) = failure {
                        return Err(e);
                    }
                    result.map_err(re_error)?
                }
            };
            if name == "subn" {
                Ok(Value::tuple(vec![Value::string(out), Value::Int(n as i64)]))
            } else {
                Ok(Value::string(out))
            }
        }
        _ => type_error(format!("'re.Pattern' object has no attribute '{}'", name)),
    }
}

/// A compiled pattern (`re.compile(...)`).
struct Pattern(Regex);

impl NativeObject for Pattern {
    fn type_name(&self) -> &'static str {
        "re.Pattern"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        pattern_method(&self.0, name, &Args { method: name, pos, kw })
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "pattern" => Ok(Value::str(self.0.pattern())),
            "flags" => Ok(Value::Int(self.0.flags() as i64)),
            "groups" => Ok(Value::Int(self.0.groups() as i64)),
            _ => type_error(format!("'re.Pattern' object has no attribute '{}'", name)),
        }
    }
    fn repr(&self) -> String {
        format!("re.compile({})", crate::format::python_str_repr(self.0.pattern()))
    }
}

/// The result of a successful match.
struct MatchObj {
    m: Match,
    regex: Regex,
}

impl MatchObj {
    /// A group number from an int or a group name.
    fn group_index(&self, v: &Value) -> PyResult<usize> {
        let idx = match v {
            Value::Str(name) => self.regex.group_index(name),
            _ => v.as_index().and_then(|i| if i >= 0 { Some(i as usize) } else { None }),
        };
        match idx {
            Some(i) if i <= self.regex.groups() => Ok(i),
            _ => index_error("no such group"),
        }
    }
}

impl NativeObject for MatchObj {
    fn type_name(&self) -> &'static str {
        "re.Match"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let first = || -> PyResult<usize> {
            match pos.first() {
                Some(v) => self.group_index(v),
                None => Ok(0),
            }
        };
        match name {
            "group" => {
                if pos.len() > 1 {
                    let items = pos.iter().map(|v| Ok(opt_str(self.m.group(self.group_index(v)?)))).collect::<PyResult<_>>()?;
                    return Ok(Value::tuple(items));
                }
                Ok(opt_str(self.m.group(first()?)))
            }
            "groups" => {
                let default = pos.first().cloned().unwrap_or(Value::None);
                Ok(Value::tuple(
                    self.m
                        .groups()
                        .into_iter()
                        .map(|g| match g {
                            Some(s) => Value::string(s),
                            None => default.clone(),
                        })
                        .collect(),
                ))
            }
            "groupdict" => {
                let mut d = Dict::new();
                for (k, v) in self.m.groupdict() {
                    d.insert(Value::string(k), opt_str(v));
                }
                Ok(Value::dict(d))
            }
            "start" | "end" => {
                let g = first()?;
                let at = if name == "start" { self.m.start(g) } else { self.m.end(g) };
                Ok(Value::Int(at.map_or(-1, |i| i as i64)))
            }
            "span" => {
                let (s, e) = self.m.span(first()?).map_or((-1, -1), |(s, e)| (s as i64, e as i64));
                Ok(Value::tuple(vec![Value::Int(s), Value::Int(e)]))
            }
            "expand" => {
                let template = pos.first().map(|v| v.to_str()).unwrap_or_default();
                self.m.expand(&template).map(Value::string).map_err(re_error)
            }
            "__getitem__" => Ok(opt_str(self.m.group(first()?))),
            _ => type_error(format!("'re.Match' object has no attribute '{}'", name)),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "string" => Ok(Value::string(self.m.string())),
            "pos" => Ok(Value::Int(self.m.pos() as i64)),
            "endpos" => Ok(Value::Int(self.m.endpos() as i64)),
            "lastindex" => Ok(self.m.lastindex().map_or(Value::None, |i| Value::Int(i as i64))),
            "lastgroup" => Ok(opt_str(self.m.lastgroup())),
            "re" => Ok(Value::Native(Rc::new(Pattern(self.regex.clone())))),
            _ => type_error(format!("'re.Match' object has no attribute '{}'", name)),
        }
    }
    fn repr(&self) -> String {
        let (s, e) = self.m.span(0).unwrap_or((0, 0));
        let text = self.m.group(0).unwrap_or_default();
        format!("<re.Match object; span=({}, {}), match={}>", s, e, crate::format::python_str_repr(&text))
    }
}
