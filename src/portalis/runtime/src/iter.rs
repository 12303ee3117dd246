//! The iteration protocol: `for x in v`, `iter()`, `next()`, and collecting into a Vec.
//!
//! Built-in containers get dedicated iterators that read the live container at each
//! step, so mutation during a loop behaves as in CPython; anything else goes through a
//! boxed `next` closure.

use crate::exc::*;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The state of one `for` loop (or one `iter()` object).
pub enum Iter {
    List(Rc<RefCell<Vec<Value>>>, usize),
    Tuple(Rc<Vec<Value>>, usize),
    Str(Rc<str>, usize),
    Range { next: i64, stop: i64, step: i64 },
    Dict { dict: Rc<RefCell<Dict>>, slot: usize, len: usize, version: u64 },
    Values(std::vec::IntoIter<Value>),
    Object(Rc<RefCell<PyIter>>),
}

impl Iter {
    /// The next item, `None` at the end, or the error the iteration raised.
    #[allow(clippy::should_implement_trait)]
    #[inline]
    pub fn next(&mut self) -> PyResult<Option<Value>> {
        match self {
            Iter::List(l, i) => {
                let l = l.borrow();
                if *i < l.len() {
                    *i += 1;
                    Ok(Some(l[*i - 1].clone()))
                } else {
                    Ok(None)
                }
            }
            Iter::Tuple(t, i) => {
                if *i < t.len() {
                    *i += 1;
                    Ok(Some(t[*i - 1].clone()))
                } else {
                    Ok(None)
                }
            }
            Iter::Str(s, pos) => match s[*pos..].chars().next() {
                Some(c) => {
                    let start = *pos;
                    *pos += c.len_utf8();
                    Ok(Some(Value::str(&s[start..*pos])))
                }
                None => Ok(None),
            },
            Iter::Range { next, stop, step } => {
                let more = if *step > 0 { *next < *stop } else { *next > *stop };
                if !more {
                    return Ok(None);
                }
                let v = *next;
                *next = next.saturating_add(*step);
                Ok(Some(Value::Int(v)))
            }
            Iter::Dict { dict, slot, len, version } => {
                let d = dict.borrow();
                if d.version() != *version {
                    let msg = if d.len() != *len {
                        "dictionary changed size during iteration"
                    } else {
                        "dictionary keys changed during iteration"
                    };
                    return Err(PyErr::new(&RUNTIME_ERROR, msg));
                }
                while *slot < d.slot_count() {
                    *slot += 1;
                    if let Some((k, _)) = d.entry_at(*slot - 1) {
                        return Ok(Some(k.clone()));
                    }
                }
                Ok(None)
            }
            Iter::Values(it) => Ok(it.next()),
            Iter::Object(o) => {
                let mut o = o.borrow_mut();
                (o.next)()
            }
        }
    }
}

/// `iter(v)` as used by `for`: an iterator over any iterable value.
pub fn iterate(v: &Value) -> PyResult<Iter> {
    Ok(match v {
        Value::List(l) => Iter::List(l.clone(), 0),
        Value::Tuple(t) => Iter::Tuple(t.clone(), 0),
        Value::Str(s) => Iter::Str(s.clone(), 0),
        Value::Range(r) => Iter::Range { next: r.start, stop: r.stop, step: r.step },
        Value::Dict(d) => {
            let b = d.borrow();
            Iter::Dict { dict: d.clone(), slot: 0, len: b.len(), version: b.version() }
        }
        Value::Set(s) => Iter::Values(s.borrow().iter().cloned().collect::<Vec<_>>().into_iter()),
        Value::FrozenSet(s) => Iter::Values(s.iter().cloned().collect::<Vec<_>>().into_iter()),
        Value::Iter(i) => Iter::Object(i.clone()),
        Value::Object(_) => return crate::classes::object_iter(v),
        Value::Class(c) => return iterate(&crate::classes::class_getattr(c, "_members_")?),
        Value::Native(n) if n.is_iterator() => {
            let n = n.clone();
            Iter::Object(Rc::new(RefCell::new(PyIter { next: Box::new(move || n.iter_next()) })))
        }
        Value::Native(n) => Iter::Values(n.items()?.into_iter()),
        _ => return type_error(format!("'{}' object is not iterable", v.type_name())),
    })
}

/// Wrap a loop state as an iterator object (`iter(x)`, `map(...)` results).
pub fn into_iter_value(mut it: Iter) -> Value {
    if let Iter::Object(o) = it {
        return Value::Iter(o);
    }
    Value::iter(move || it.next())
}

/// All items of an iterable, in order.
pub fn collect_vec(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.as_ref().clone()),
        _ => {
            let mut it = iterate(v)?;
            let mut out = Vec::new();
            while let Some(x) = it.next()? {
                out.push(x);
            }
            Ok(out)
        }
    }
}

/// `a, b = v`: exactly `n` items or CPython's ValueError.
/// The items of an unpacking's right-hand side, with CPython's TypeError for a
/// value that cannot be iterated.
fn unpack_items(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(_) | Value::Tuple(_) => collect_vec(v),
        _ => {
            let mut it = iterate(v).map_err(|e| {
                if e.matches(&TYPE_ERROR) {
                    PyErr::new(&TYPE_ERROR, format!("cannot unpack non-iterable {} object", v.type_name()))
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = it.next()? {
                out.push(x);
            }
            Ok(out)
        }
    }
}

pub fn unpack(v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::Tuple(t) if t.len() == n => return Ok(t.as_ref().clone()),
        _ => unpack_items(v)?,
    };
    if items.len() > n {
        return value_error(format!("too many values to unpack (expected {})", n));
    }
    if items.len() < n {
        return value_error(format!(
            "not enough values to unpack (expected {}, got {})",
            n,
            items.len()
        ));
    }
    Ok(items)
}

/// `a, *rest, b = v`: `before` items, a list of the middle, `after` items.
pub fn unpack_star(v: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let mut items = unpack_items(v)?;
    if items.len() < before + after {
        return value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        ));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    items.push(Value::list(middle));
    items.extend(tail);
    Ok(items)
}

/// `next(it)` / `next(it, default)`.
pub fn next(it: &Value, default: Option<Value>) -> PyResult<Value> {
    let got = match it {
        Value::Iter(i) => {
            let mut i = i.borrow_mut();
            (i.next)()?
        }
        Value::Object(_) => match crate::classes::call_dunder(it, "__next__", vec![]) {
            Ok(v) => Some(v),
            Err(e) if e.matches(&STOP_ITERATION) && default.is_some() => None,
            Err(e) => return Err(e),
        },
        // generators step without raising; library iterators (csv.DictReader) and a
        // `next(gen)` that must carry the generator's return value step with `__next__`
        Value::Native(n) => match n.is_iterator() && default.is_some() {
            true => n.iter_next()?,
            false => match n.call_method("__next__", Vec::new(), Vec::new()) {
                Ok(v) => Some(v),
                Err(e) if e.matches(&STOP_ITERATION) && default.is_some() => None,
                Err(e) if e.matches(&ATTRIBUTE_ERROR) => {
                    return type_error(format!("'{}' object is not an iterator", it.type_name()))
                }
                Err(e) => return Err(e),
            },
        },
        _ => return type_error(format!("'{}' object is not an iterator", it.type_name())),
    };
    match (got, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::with_args(&STOP_ITERATION, vec![])),
    }
}
