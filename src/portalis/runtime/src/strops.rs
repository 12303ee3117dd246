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

/// `float(s)` of a native str: Python's float syntax, ValueError naming the text.
pub fn to_float(s: &str) -> PyResult<f64> {
    crate::format::parse_float(s).map_err(|m| PyErr::new(&VALUE_ERROR, m))
}

/// `len(s)`: the number of code points.
#[inline]
pub fn len(s: &Str) -> i64 {
    crate::strmethods::char_len(s) as i64
}

/// `s[start:stop:step]` (bounds as for `ops::getslice`: `Value::None` where omitted).
pub fn slice(text: &Str, start: &Value, stop: &Value, step: &Value) -> PyResult<Str> {
    use crate::ops::{pick, slice_indices};
    if text.is_ascii() {
        let (a, _, s, n) = slice_indices(text.len(), start, stop, step)?;
        if s == 1 {
            return Ok(Str::from(&text[a as usize..a as usize + n]));
        }
        let bytes = pick(text.as_bytes(), a, s, n);
        return Ok(Str::from(String::from_utf8(bytes).unwrap_or_default()));
    }
    let chars: Vec<char> = text.chars().collect();
    let (a, _, s, n) = slice_indices(chars.len(), start, stop, step)?;
    Ok(Str::from(pick(&chars, a, s, n).into_iter().collect::<String>()))
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

/// `str_concat!(a, b, ...)`: [`concat`] of pieces that each borrow as `&str` (a `&Str`,
/// `&String` or literal), as generated code writes `a + b + c` on native strs.
#[macro_export]
macro_rules! str_concat {
    ($($piece:expr),* $(,)?) => {
        $crate::strops::concat(&[$($piece),*])
    };
}

/// Longest result `concat` builds on the stack before copying it into its `Str`.
const STACK_TEXT: usize = 256;

/// `a + b + ...` and f-strings over native text: the pieces are copied once into the
/// new `Str` (a short result is assembled on the stack, so it costs one allocation).
pub fn concat(parts: &[&str]) -> Str {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    if len <= STACK_TEXT {
        let mut buf = [0u8; STACK_TEXT];
        let mut at = 0;
        for p in parts {
            buf[at..at + p.len()].copy_from_slice(p.as_bytes());
            at += p.len();
        }
        // Whole UTF-8 texts laid end to end are UTF-8.
        return Str::from(std::str::from_utf8(&buf[..len]).unwrap_or_default());
    }
    let mut out = String::with_capacity(len);
    for p in parts {
        out.push_str(p);
    }
    Str::from(out)
}
