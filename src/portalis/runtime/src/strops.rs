//! Strings held natively: `Str` is the shared immutable text a Python `str` is (the
//! same `Rc<str>` a `Value::Str` holds, so boxing and unboxing copy no text).

use crate::exc::*;
use crate::value::Value;

pub type Str = std::rc::Rc<str>;

/// A value the inference proved to be a str, as `Str`.
#[inline]
pub fn unbox(v: &Value) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => type_error(format!("expected a str, got {}", v.type_name())),
    }
}

/// `len(s)`: the number of code points.
#[inline]
pub fn len(s: &Str) -> i64 {
    crate::strmethods::char_len(s) as i64
}

/// `for ch in s`: each character as a one-character str.  The iterator holds the
/// text it walks, as Python's does, so the loop may rebind the variable.
pub fn chars(s: Str) -> Chars {
    Chars { text: s, at: 0 }
}

pub struct Chars {
    text: Str,
    at: usize,
}

impl Iterator for Chars {
    type Item = Str;
    fn next(&mut self) -> Option<Str> {
        let c = self.text[self.at..].chars().next()?;
        let start = self.at;
        self.at += c.len_utf8();
        Some(Str::from(&self.text[start..self.at]))
    }
}
