//! `string.Template` (`$name`, `${name}`, `$$`; `substitute` with CPython's KeyError and
//! "Invalid placeholder" errors, `safe_substitute`) and `string.capwords`.
//! The module's constants live with the other library attributes in `stdlib/mod.rs`.

use crate::exc::*;
use crate::methods::{call_method, Args};
use crate::value::*;
use std::rc::Rc;

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "string.Template" => Ok(Value::Native(Rc::new(Template(a.text(0, "template")?)))),
        "string.capwords" => {
            let sep = a.get(1, "sep").cloned().unwrap_or(Value::None);
            let words = call_method(&Value::Str(a.text(0, "s")?), "split", vec![sep.clone()])?;
            let caps: Vec<Value> = crate::iter::collect_vec(&words)?
                .iter()
                .map(|w| call_method(w, "capitalize", Vec::new()))
                .collect::<PyResult<_>>()?;
            let joiner = if sep.is_none() { Value::str(" ") } else { sep };
            call_method(&joiner, "join", vec![Value::list(caps)])
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'string' has no attribute '{}'", &name[7..]))),
    }
}

/// A `string.Template`.
struct Template(Rc<str>);

fn is_id_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl Template {
    /// The text with placeholders replaced; `safe` leaves unknown or invalid ones as written.
    fn substitute(&self, a: &Args, safe: bool) -> PyResult<String> {
        let mapping = a.pos.first().cloned();
        let lookup = |key: &str| -> PyResult<Option<Value>> {
            if let Some((_, v)) = a.kw.iter().find(|(k, _)| *k == key) {
                return Ok(Some(v.clone()));
            }
            match &mapping {
                Some(m) => match crate::ops::getitem(m, &Value::str(key)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.matches(&KEY_ERROR) => Ok(None),
                    Err(e) => Err(e),
                },
                None => Ok(None),
            }
        };
        let s: Vec<char> = self.0.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < s.len() {
            if s[i] != '$' {
                out.push(s[i]);
                i += 1;
                continue;
            }
            let (name, end) = if s.get(i + 1) == Some(&'$') {
                out.push('$');
                i += 2;
                continue;
            } else if s.get(i + 1) == Some(&'{') && s.get(i + 2).map_or(false, |c| is_id_start(*c)) {
                let mut j = i + 3;
                while j < s.len() && is_id_char(s[j]) {
                    j += 1;
                }
                if s.get(j) == Some(&'}') {
                    (s[i + 2..j].iter().collect::<String>(), j + 1)
                } else {
                    (String::new(), i)
                }
            } else if s.get(i + 1).map_or(false, |c| is_id_start(*c)) {
                let mut j = i + 2;
                while j < s.len() && is_id_char(s[j]) {
                    j += 1;
                }
                (s[i + 1..j].iter().collect::<String>(), j)
            } else {
                (String::new(), i)
            };
            if name.is_empty() {
                if safe {
                    out.push('$');
                    i += 1;
                    continue;
                }
                let before: String = s[..i].iter().collect();
                let line = before.matches('\n').count() + 1;
                let col = match before.rfind('\n') {
                    Some(nl) => before[nl + 1..].chars().count() + 1,
                    None => i + 1,
                };
                return value_error(format!("Invalid placeholder in string: line {}, col {}", line, col));
            }
            match lookup(&name)? {
                Some(v) => out.push_str(&v.to_str()),
                None if safe => out.extend(s[i..end].iter()),
                None => return key_error(&Value::string(name)),
            }
            i = end;
        }
        Ok(out)
    }
}

impl NativeObject for Template {
    fn type_name(&self) -> &'static str {
        "Template"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        match name {
            "substitute" => self.substitute(&a, false).map(Value::string),
            "safe_substitute" => self.substitute(&a, true).map(Value::string),
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "template" => Ok(Value::Str(self.0.clone())),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Template' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        "<string.Template object>".to_string()
    }
}
