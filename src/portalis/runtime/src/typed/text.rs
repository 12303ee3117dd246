//! `str` methods on native `Str`s whose results are typed (a `List<Str>` from `split`),
//! for receivers and arguments the translator proved are strs.

use super::List;
use crate::strmethods as sm;
use crate::{PyErr, PyResult, Str, VALUE_ERROR};

fn strs(parts: Vec<&str>) -> List<Str> {
    List::from_vec(parts.into_iter().map(Str::from).collect())
}

/// `s.split()`, `s.split(sep)` (an empty separator is a ValueError, as in Python).
pub fn split(s: &str, sep: Option<&str>) -> PyResult<List<Str>> {
    sm::split(s, sep, -1).map(strs).map_err(|m| PyErr::new(&VALUE_ERROR, m))
}

/// `s.rsplit()`, `s.rsplit(sep)`.
pub fn rsplit(s: &str, sep: Option<&str>) -> PyResult<List<Str>> {
    sm::rsplit(s, sep, -1).map(strs).map_err(|m| PyErr::new(&VALUE_ERROR, m))
}

/// `s.splitlines()`.
pub fn splitlines(s: &str) -> List<Str> {
    strs(sm::splitlines(s, false))
}

/// `sep.join(items)` over a typed list of strs.
pub fn join(sep: &str, items: &List<Str>) -> Str {
    let items = items.to_vec();
    let mut out = String::with_capacity(items.iter().map(|s| s.len() + sep.len()).sum());
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    Str::from(out)
}
