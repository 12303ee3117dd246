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
