//! Methods of the built-in types (`x.append(v)`, `s.split()`, `d.get(k)` ...), dispatched
//! on the receiver's type at run time.  Keyword arguments arrive as `(name, value)` pairs.

use crate::builtins::{set_table, sort_values};
use crate::exc::*;
use crate::iter::{collect_vec, iterate};
use crate::ops::{norm_index, values_equal};
use crate::strmethods as sm;
use crate::tables::PySetTable;
use crate::value::*;
use std::rc::Rc;

/// Positional and keyword arguments of one method or library call.
pub struct Args<'a> {
    pub method: &'a str,
    pub pos: Vec<Value>,
    pub kw: Vec<(&'a str, Value)>,
}

impl<'a> Args<'a> {
    /// Argument `i`, or the keyword `name`, if given.
    pub fn get(&self, i: usize, name: &str) -> Option<&Value> {
        self.pos.get(i).or_else(|| self.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v))
    }
    pub fn req(&self, i: usize, name: &str) -> PyResult<&Value> {
        match self.get(i, name) {
            Some(v) => Ok(v),
            None => type_error(format!("{}() missing required argument '{}' (pos {})", self.method, name, i + 1)),
        }
    }
    pub fn opt_int(&self, i: usize, name: &str) -> PyResult<Option<i64>> {
        match self.get(i, name) {
            None | Some(Value::None) => Ok(None),
            Some(v) => v.to_int().map(Some),
        }
    }
    pub fn text(&self, i: usize, name: &str) -> PyResult<Rc<str>> {
        match self.req(i, name)? {
            Value::Str(s) => Ok(s.clone()),
            v => type_error(format!("{}() argument must be str, not {}", self.method, v.type_name())),
        }
    }
    pub fn opt_text(&self, i: usize, name: &str) -> PyResult<Option<Rc<str>>> {
        match self.get(i, name) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.clone())),
            Some(v) => type_error(format!("{}() argument must be str or None, not {}", self.method, v.type_name())),
        }
    }
}

pub fn call_method(obj: &Value, name: &str, pos: Vec<Value>) -> PyResult<Value> {
    call_method_kw(obj, name, pos, Vec::new())
}

pub fn call_method_kw(obj: &Value, name: &str, mut pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
    if !matches!(obj, Value::Object(_)) {
        // `obj.m(**mapping)` on a built-in type: its keywords join the named ones.
        let unpacked = crate::callargs::split_kwargs(&mut pos);
        if !unpacked.is_empty() {
            let kw = kw.into_iter().chain(unpacked.iter().map(|(k, v)| (&**k, v.clone()))).collect();
            return call_method_kw(obj, name, pos, kw);
        }
    }
    if name.starts_with("__") && !matches!(obj, Value::Object(_)) {
        if let Some(r) = operator_dunder(obj, name, &pos) {
            return r;
        }
    }
    let args = Args { method: name, pos, kw };
    match obj {
        Value::Str(s) => str_method(s, &args),
        Value::List(l) => list_method(obj, l, &args),
        Value::Dict(d) if d.borrow().kind != DictKind::Dict => crate::stdlib::collections::mapping_method(d, &args),
        Value::Dict(d) => dict_method(d, &args),
        Value::Set(s) => set_method(obj, s, &args),
        Value::FrozenSet(s) => frozenset_method(s, &args),
        Value::Tuple(t) => seq_method(obj, t, &args),
        Value::Range(r) => range_method(obj, r, &args),
        Value::Int(_) | Value::Bool(_) => int_method(obj, &args),
        Value::BigInt(b) => match name {
            "bit_length" => Ok(Value::Int(b.bit_length() as i64)),
            "bit_count" => Ok(Value::Int(b.bit_count() as i64)),
            "conjugate" | "__index__" => Ok(obj.clone()),
            "to_bytes" => crate::bytes::int_to_bytes(obj, &args),
            _ => no_attribute(obj, name),
        },
        Value::Float(f) => float_method(*f, &args),
        Value::Object(_) | Value::Class(_) => crate::classes::call_method(obj, name, args.pos, args.kw),
        Value::Exception(e) if e.instance.is_some() => {
            crate::classes::call_method(e.instance.as_ref().unwrap_or(obj), name, args.pos, args.kw)
        }
        Value::Native(n) => n.call_method(name, args.pos, args.kw),
        Value::Iter(_) if name == "__next__" => crate::iter::next(obj, None),
        Value::Iter(_) if name == "__iter__" => Ok(obj.clone()),
        _ => no_attribute(obj, name),
    }
}

pub fn no_attribute<T>(obj: &Value, name: &str) -> PyResult<T> {
    Err(PyErr::new(
        &ATTRIBUTE_ERROR,
        format!("'{}' object has no attribute '{}'", obj.type_name(), name),
    ))
}

fn strs(v: Vec<&str>) -> Value {
    Value::list(v.into_iter().map(Value::str).collect())
}

fn bool_v(b: bool) -> PyResult<Value> {
    Ok(Value::Bool(b))
}

fn verr<T>(r: Result<T, String>) -> PyResult<T> {
    r.map_err(|m| PyErr::new(&VALUE_ERROR, m))
}

/// `s.startswith(x)` where x may be a tuple of alternatives.
fn affix_test(s: &str, args: &Args, test: fn(&str, &str, Option<i64>, Option<i64>) -> bool) -> PyResult<Value> {
    let (start, end) = (args.opt_int(1, "start")?, args.opt_int(2, "end")?);
    match args.req(0, "prefix")? {
        Value::Str(p) => bool_v(test(s, p, start, end)),
        Value::Tuple(options) => {
            for o in options.iter() {
                match o {
                    Value::Str(p) if test(s, p, start, end) => return bool_v(true),
                    Value::Str(_) => {}
                    _ => return type_error("tuple for startswith must only contain str"),
                }
            }
            bool_v(false)
        }
        v => type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            args.method,
            v.type_name()
        )),
    }
}

fn str_method(s: &Rc<str>, a: &Args) -> PyResult<Value> {
    let m = a.method;
    let text = |r: String| Ok(Value::string(r));
    match m {
        "encode" => {
            let encoding = a.opt_text(0, "encoding")?;
            let errors = a.opt_text(1, "errors")?;
            let data = crate::bytes::encode(s, encoding.as_deref().unwrap_or("utf-8"), errors.as_deref().unwrap_or("strict"))?;
            Ok(crate::bytes::bytes_value(data))
        }
        "upper" => text(sm::upper(s)),
        "lower" => text(sm::lower(s)),
        "casefold" => text(sm::casefold(s)),
        "swapcase" => text(sm::swapcase(s)),
        "capitalize" => text(sm::capitalize(s)),
        "title" => text(sm::title(s)),
        "strip" => text(sm::strip(s, a.opt_text(0, "chars")?.as_deref())),
        "lstrip" => text(sm::lstrip(s, a.opt_text(0, "chars")?.as_deref())),
        "rstrip" => text(sm::rstrip(s, a.opt_text(0, "chars")?.as_deref())),
        "split" | "rsplit" => {
            let sep = a.opt_text(0, "sep")?;
            let maxsplit = a.opt_int(1, "maxsplit")?.unwrap_or(-1);
            let parts = if m == "split" { sm::split(s, sep.as_deref(), maxsplit) } else { sm::rsplit(s, sep.as_deref(), maxsplit) };
            verr(parts).map(strs)
        }
        "splitlines" => Ok(strs(sm::splitlines(s, a.get(0, "keepends").map_or(false, |v| v.truthy())))),
        "join" => {
            let items = collect_vec(a.req(0, "iterable")?)?;
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                match item {
                    Value::Str(t) => out.push_str(t),
                    v => match crate::builtin_bases::builtin_part(v) {
                        Some(Value::Str(t)) => out.push_str(&t),
                        _ => {
                            return type_error(format!(
                                "sequence item {}: expected str instance, {} found",
                                i,
                                v.type_name()
                            ))
                        }
                    },
                }
            }
            text(out)
        }
        "replace" => {
            let count = a.opt_int(2, "count")?.unwrap_or(-1);
            text(sm::replace(s, &a.text(0, "old")?, &a.text(1, "new")?, count))
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            let sub = a.text(0, "sub")?;
            let (start, end) = (a.opt_int(1, "start")?, a.opt_int(2, "end")?);
            Ok(Value::Int(match m {
                "find" => sm::find(s, &sub, start, end),
                "rfind" => sm::rfind(s, &sub, start, end),
                "index" => verr(sm::index(s, &sub, start, end))?,
                "rindex" => verr(sm::rindex(s, &sub, start, end))?,
                _ => sm::count(s, &sub, start, end),
            }))
        }
        "startswith" => affix_test(s, a, sm::startswith),
        "endswith" => affix_test(s, a, sm::endswith),
        "isdigit" => bool_v(sm::isdigit(s)),
        "isdecimal" => bool_v(sm::isdecimal(s)),
        "isnumeric" => bool_v(sm::isnumeric(s)),
        "isalpha" => bool_v(sm::isalpha(s)),
        "isalnum" => bool_v(sm::isalnum(s)),
        "isspace" => bool_v(sm::isspace(s)),
        "isupper" => bool_v(sm::isupper(s)),
        "islower" => bool_v(sm::islower(s)),
        "istitle" => bool_v(sm::istitle(s)),
        "isascii" => bool_v(sm::isascii(s)),
        "isidentifier" => bool_v(sm::isidentifier(s)),
        "isprintable" => bool_v(sm::isprintable(s)),
        "zfill" => text(sm::zfill(s, a.req(0, "width")?.to_int()?)),
        "center" | "ljust" | "rjust" => {
            let width = a.req(0, "width")?.to_int()?;
            let fill = match a.opt_text(1, "fillchar")? {
                None => ' ',
                Some(f) => {
                    let mut cs = f.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => c,
                        _ => return type_error("The fill character must be exactly one character long"),
                    }
                }
            };
            text(match m {
                "center" => sm::center(s, width, fill),
                "ljust" => sm::ljust(s, width, fill),
                _ => sm::rjust(s, width, fill),
            })
        }
        "partition" | "rpartition" => {
            let sep = a.text(0, "sep")?;
            let (x, y, z) = verr(if m == "partition" { sm::partition(s, &sep) } else { sm::rpartition(s, &sep) })?;
            Ok(Value::tuple(vec![Value::string(x), Value::string(y), Value::string(z)]))
        }
        "expandtabs" => text(sm::expandtabs(s, a.opt_int(0, "tabsize")?.unwrap_or(8))),
        "removeprefix" => text(sm::removeprefix(s, &a.text(0, "prefix")?)),
        "removesuffix" => text(sm::removesuffix(s, &a.text(0, "suffix")?)),
        "format" => crate::strformat::str_format(s, &a.pos, &a.kw).map(Value::string),
        "translate" => {
            let table = a.req(0, "table")?.clone();
            let err = std::cell::RefCell::new(None);
            let out = sm::translate(s, &|c: char| match crate::ops::getitem(&table, &Value::Int(c as i64)) {
                Ok(Value::None) => Some(None),
                Ok(Value::Str(t)) => Some(Some(t.to_string())),
                Ok(Value::Int(i)) => Some(char::from_u32(i as u32).map(|c| c.to_string())),
                Ok(_) => None,
                Err(e) => {
                    if !e.matches(&LOOKUP_ERROR) {
                        *err.borrow_mut() = Some(e);
                    }
                    None
                }
            });
            match err.into_inner() {
                Some(e) => Err(e),
                None => text(out),
            }
        }
        _ => no_attribute(&Value::Str(s.clone()), m),
    }
}

/// `tuple`'s methods, shared by list: `count` and `index`.
fn seq_method(obj: &Value, items: &[Value], a: &Args) -> PyResult<Value> {
    match a.method {
        "count" => {
            let x = a.req(0, "value")?;
            Ok(Value::Int(items.iter().filter(|v| values_equal(v, x)).count() as i64))
        }
        "index" => {
            let x = a.req(0, "value")?;
            let n = items.len() as i64;
            let clamp = |i: Option<i64>, default: i64| match i {
                None => default,
                Some(i) if i < 0 => (i + n).max(0),
                Some(i) => i.min(n),
            };
            let start = clamp(a.opt_int(1, "start")?, 0);
            let stop = clamp(a.opt_int(2, "stop")?, n);
            for i in start..stop {
                if values_equal(&items[i as usize], x) {
                    return Ok(Value::Int(i));
                }
            }
            match obj {
                Value::List(_) => value_error(format!("{} is not in list", x.repr())),
                _ => value_error("tuple.index(x): x not in tuple"),
            }
        }
        _ => no_attribute(obj, a.method),
    }
}

/// `range.count(x)` and `range.index(x)`, computed without iterating.
fn range_method(obj: &Value, r: &Range, a: &Args) -> PyResult<Value> {
    let x = match a.method {
        "count" | "index" => a.req(0, "value")?,
        _ => return no_attribute(obj, a.method),
    };
    let as_int = match x {
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Some(*f as i64),
        _ => x.as_index(),
    };
    let found = as_int.filter(|&i| crate::ops::range_contains(r, i));
    match (a.method, found) {
        ("count", f) => Ok(Value::Int(i64::from(f.is_some()))),
        (_, Some(i)) => Ok(Value::Int(((i as i128 - r.start as i128) / r.step as i128) as i64)),
        (_, None) if matches!(x, Value::Int(_) | Value::Bool(_)) => value_error(format!("{} is not in range", x.repr())),
        (_, None) => value_error("sequence.index(x): x not in sequence"),
    }
}

fn list_method(obj: &Value, l: &Rc<std::cell::RefCell<Vec<Value>>>, a: &Args) -> PyResult<Value> {
    match a.method {
        "append" => {
            let v = a.req(0, "object")?.clone();
            l.borrow_mut().push(v);
            Ok(Value::None)
        }
        "extend" => {
            let items = collect_vec(a.req(0, "iterable")?)?;
            l.borrow_mut().extend(items);
            Ok(Value::None)
        }
        "insert" => {
            let i = a.req(0, "index")?.to_int()?;
            let v = a.req(1, "object")?.clone();
            let mut l = l.borrow_mut();
            let n = l.len() as i64;
            let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
            l.insert(at as usize, v);
            Ok(Value::None)
        }
        "pop" => {
            let mut l = l.borrow_mut();
            if l.is_empty() {
                return index_error("pop from empty list");
            }
            let i = a.opt_int(0, "index")?.unwrap_or(-1);
            match norm_index(i, l.len()) {
                Some(j) => Ok(l.remove(j)),
                None => index_error("pop index out of range"),
            }
        }
        "remove" => {
            let x = a.req(0, "value")?;
            let pos = l.borrow().iter().position(|v| values_equal(v, x));
            match pos {
                Some(j) => {
                    l.borrow_mut().remove(j);
                    Ok(Value::None)
                }
                None => value_error("list.remove(x): x not in list"),
            }
        }
        "clear" => {
            l.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::list(l.borrow().clone())),
        "reverse" => {
            l.borrow_mut().reverse();
            Ok(Value::None)
        }
        "sort" => {
            let mut items = std::mem::take(&mut *l.borrow_mut());
            let reverse = a.kw.iter().find(|(k, _)| *k == "reverse").map_or(false, |(_, v)| v.truthy());
            let key = a.kw.iter().find(|(k, _)| *k == "key").map(|(_, v)| v.clone());
            let result = sort_values(&mut items, key.as_ref(), reverse);
            *l.borrow_mut() = items;
            result.map(|_| Value::None)
        }
        "count" | "index" => {
            let items = l.borrow().clone();
            seq_method(obj, &items, a)
        }
        _ => no_attribute(obj, a.method),
    }
}

/// What `d[k]` does when `k` is missing: a defaultdict stores its factory's value, a
/// Counter answers 0, a plain dict raises KeyError.
pub fn dict_missing(dict: &Value, key: &Value) -> PyResult<Value> {
    if let Value::Dict(d) = dict {
        let (kind, factory) = {
            let b = d.borrow();
            (b.kind, b.factory.clone())
        };
        match (kind, factory) {
            (DictKind::DefaultDict, Some(f)) => {
                let v = crate::builtins::call(&f, Vec::new())?;
                d.borrow_mut().insert(key.clone(), v.clone());
                return Ok(v);
            }
            (DictKind::Counter, _) => return Ok(Value::Int(0)),
            _ => {}
        }
    }
    key_error(key)
}

/// `d.update(other)` / `dict(other)`: a mapping or an iterable of pairs.
pub fn dict_update_from(table: &mut Dict, src: &Value) -> PyResult<()> {
    if let Value::Dict(d) = src {
        let pairs: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in pairs {
            table.insert(k, v);
        }
        return Ok(());
    }
    if let Value::Native(n) = src {
        // a mapping object (ChainMap ...): its keys and their values, as CPython does
        if let Ok(keys) = n.call_method("keys", Vec::new(), Vec::new()) {
            for k in collect_vec(&keys)? {
                let v = n.getitem(&k)?;
                table.insert(k, v);
            }
            return Ok(());
        }
    }
    let mut it = iterate(src)?;
    let mut i = 0;
    while let Some(pair) = it.next()? {
        let kv = collect_vec(&pair)?;
        if kv.len() != 2 {
            return value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                kv.len()
            ));
        }
        kv[0].check_hashable()?;
        table.insert(kv[0].clone(), kv[1].clone());
        i += 1;
    }
    Ok(())
}

/// Methods of plain dicts (and the ones the other mapping kinds inherit).
pub fn dict_method(d: &Rc<std::cell::RefCell<Dict>>, a: &Args) -> PyResult<Value> {
    match a.method {
        "get" => {
            let k = a.req(0, "key")?;
            k.check_hashable()?;
            let found = d.borrow().get(k).cloned();
            Ok(found.unwrap_or_else(|| a.get(1, "default").cloned().unwrap_or(Value::None)))
        }
        "keys" => Ok(Value::list(d.borrow().keys().cloned().collect())),
        "values" => Ok(Value::list(d.borrow().values().cloned().collect())),
        "items" => Ok(Value::list(
            d.borrow().iter().map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])).collect(),
        )),
        "pop" => {
            let k = a.req(0, "key")?;
            k.check_hashable()?;
            let removed = d.borrow_mut().remove(k);
            match (removed, a.get(1, "default")) {
                (Some(v), _) => Ok(v),
                (None, Some(def)) => Ok(def.clone()),
                (None, None) => key_error(k),
            }
        }
        "popitem" => match d.borrow_mut().pop_last() {
            Some((k, v)) => Ok(Value::tuple(vec![k, v])),
            None => Err(PyErr::with_args(&KEY_ERROR, vec![Value::str("popitem(): dictionary is empty")])),
        },
        "setdefault" => {
            let k = a.req(0, "key")?;
            k.check_hashable()?;
            let existing = d.borrow().get(k).cloned();
            match existing {
                Some(v) => Ok(v),
                None => {
                    let v = a.get(1, "default").cloned().unwrap_or(Value::None);
                    d.borrow_mut().insert(k.clone(), v.clone());
                    Ok(v)
                }
            }
        }
        "update" => {
            if let Some(src) = a.pos.first() {
                let src = src.clone();
                let mut table = d.borrow().clone();
                dict_update_from(&mut table, &src)?;
                *d.borrow_mut() = table;
            }
            for (k, v) in &a.kw {
                d.borrow_mut().insert(Value::str(k), v.clone());
            }
            Ok(Value::None)
        }
        "copy" => Ok(Value::dict(d.borrow().clone())),
        "clear" => {
            d.borrow_mut().clear();
            Ok(Value::None)
        }
        _ => no_attribute(&Value::Dict(d.clone()), a.method),
    }
}

/// A set operand for set methods: another set, or any iterable turned into one.
fn as_set(v: &Value) -> PyResult<Set> {
    set_table(v)
}

/// `f` over the set `v` is, or over a set of its items: a set argument is read in place,
/// not copied (`small.issubset(big)` in a loop stays cheap).
fn with_set(v: &Value, f: impl FnOnce(&Set) -> PyResult<Value>) -> PyResult<Value> {
    match v {
        Value::Set(o) => f(&o.borrow()),
        Value::FrozenSet(o) => f(o),
        _ => f(&as_set(v)?),
    }
}

fn set_method(obj: &Value, s: &Rc<std::cell::RefCell<Set>>, a: &Args) -> PyResult<Value> {
    match a.method {
        "add" => {
            let v = a.req(0, "elem")?;
            v.check_hashable()?;
            s.borrow_mut().add(v.clone());
            Ok(Value::None)
        }
        "remove" => {
            let v = a.req(0, "elem")?;
            v.check_hashable()?;
            let removed = s.borrow_mut().discard(v);
            if removed {
                Ok(Value::None)
            } else {
                key_error(v)
            }
        }
        "discard" => {
            let v = a.req(0, "elem")?;
            v.check_hashable()?;
            s.borrow_mut().discard(v);
            Ok(Value::None)
        }
        "pop" => match s.borrow_mut().pop() {
            Some(v) => Ok(v),
            None => Err(PyErr::with_args(&KEY_ERROR, vec![Value::str("pop from an empty set")])),
        },
        "clear" => {
            s.borrow_mut().clear();
            Ok(Value::None)
        }
        "update" | "intersection_update" | "difference_update" | "symmetric_difference_update" => {
            for other in &a.pos {
                let o = if other.is(obj) { s.borrow().copy() } else { as_set(other)? };
                let mut t = s.borrow_mut();
                match a.method {
                    "update" => t.update(&o),
                    "intersection_update" => t.intersection_update(&o),
                    "difference_update" => t.difference_update(&o),
                    _ => t.symmetric_difference_update(&o),
                }
            }
            Ok(Value::None)
        }
        "issubset" | "issuperset" | "isdisjoint" if matches!(a.pos.first(), Some(Value::Set(_) | Value::FrozenSet(_))) => {
            // two sets only read: no copy (`small.issubset(big)` in a loop stays linear)
            frozen_like_method(obj, &s.borrow(), a, Value::set)
        }
        _ => {
            let snapshot = s.borrow().copy();
            frozen_like_method(obj, &snapshot, a, Value::set)
        }
    }
}

fn frozenset_method(s: &Rc<Set>, a: &Args) -> PyResult<Value> {
    frozen_like_method(&Value::FrozenSet(s.clone()), s, a, |t| Value::FrozenSet(Rc::new(t)))
}

/// Methods that read a set and build a new one of the same kind.
fn frozen_like_method(obj: &Value, s: &Set, a: &Args, wrap: fn(Set) -> Value) -> PyResult<Value> {
    match a.method {
        "union" | "intersection" | "difference" | "symmetric_difference" => {
            let mut acc = s.copy();
            for other in &a.pos {
                let o = as_set(other)?;
                acc = match a.method {
                    "union" => acc.union(&o),
                    "intersection" => acc.intersection(&o),
                    "difference" => acc.difference(&o),
                    _ => acc.symmetric_difference(&o),
                };
            }
            Ok(wrap(acc))
        }
        "issubset" => with_set(a.req(0, "other")?, |o| bool_v(s.is_subset(o))),
        "issuperset" => with_set(a.req(0, "other")?, |o| bool_v(s.is_superset(o))),
        "isdisjoint" => with_set(a.req(0, "other")?, |o| bool_v(s.is_disjoint(o))),
        "copy" => Ok(wrap(s.copy())),
        _ => no_attribute(obj, a.method),
    }
}

fn set_of(v: &Value) -> Option<Set> {
    match v {
        Value::Set(s) => Some(s.borrow().copy()),
        Value::FrozenSet(s) => Some(s.copy()),
        _ => None,
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; the result has the left operand's kind.
pub fn set_binop(a: &Value, b: &Value, op: char) -> PyResult<Value> {
    let (x, y) = match (set_of(a), set_of(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => {
            return type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op,
                a.type_name(),
                b.type_name()
            ))
        }
    };
    let r = match op {
        '|' => x.union(&y),
        '&' => x.intersection(&y),
        '-' => x.difference(&y),
        _ => x.symmetric_difference(&y),
    };
    Ok(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(r)),
        _ => Value::set(r),
    })
}

/// `<`, `<=`, `>`, `>=` between sets: subset tests.
pub fn set_compare(a: &Value, b: &Value, op: &str) -> PyResult<Value> {
    let (x, y) = match (set_of(a), set_of(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return type_error("set comparison needs two sets"),
    };
    bool_v(match op {
        "<" => x.len() < y.len() && x.is_subset(&y),
        "<=" => x.is_subset(&y),
        ">" => x.len() > y.len() && x.is_superset(&y),
        _ => x.is_superset(&y),
    })
}

fn int_method(obj: &Value, a: &Args) -> PyResult<Value> {
    let i = obj.to_int()?;
    match a.method {
        "bit_length" => Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64)),
        "bit_count" => Ok(Value::Int(i.unsigned_abs().count_ones() as i64)),
        "conjugate" | "__index__" => Ok(Value::Int(i)),
        "to_bytes" => crate::bytes::int_to_bytes(obj, a),
        _ => no_attribute(obj, a.method),
    }
}

fn float_method(f: f64, a: &Args) -> PyResult<Value> {
    match a.method {
        "is_integer" => bool_v(f.is_finite() && f.fract() == 0.0),
        "conjugate" => Ok(Value::Float(f)),
        _ => no_attribute(&Value::Float(f), a.method),
    }
}

/// A method looked up on a type and used as a value: `str.lower`, `list.append`.
pub fn unbound_method(name: &'static str) -> Value {
    Value::func(name, move |mut args: Vec<Value>| {
        if args.is_empty() {
            return type_error(format!("unbound method {}() needs an argument", name));
        }
        let recv = args.remove(0);
        call_method(&recv, name, args)
    })
}

/// `obj.method` used as a value (bound method).
pub fn bound_method(obj: &Value, name: &'static str) -> Value {
    let recv = obj.clone();
    Value::func(name, move |args: Vec<Value>| call_method(&recv, name, args))
}

/// `dict.fromkeys(keys, value)`.
pub fn dict_fromkeys(keys: &Value, value: Option<&Value>) -> PyResult<Value> {
    let mut table = Dict::new();
    let v = value.cloned().unwrap_or(Value::None);
    for k in collect_vec(keys)? {
        k.check_hashable()?;
        table.insert(k, v.clone());
    }
    Ok(Value::dict(table))
}

/// A set display `{a, b, c}` built the way CPython's compiler builds it.
pub fn set_display(items: Vec<Value>, all_constant: bool) -> PyResult<Value> {
    for i in &items {
        i.check_hashable()?;
    }
    Ok(Value::set(if all_constant && items.len() >= 3 {
        PySetTable::from_const_display(items)
    } else {
        items.into_iter().collect()
    }))
}

/// `d[k] = v` while building a dict display or comprehension (keys must be hashable).
pub fn dict_insert(table: &mut Dict, key: Value, value: Value) -> PyResult<()> {
    key.check_hashable()?;
    table.insert(key, value);
    Ok(())
}

/// A `**kwargs` dict from `(name, value)` pairs.
pub fn dict_from_pairs(pairs: Vec<(Value, Value)>) -> PyResult<Value> {
    let mut table = Dict::new();
    for (k, v) in pairs {
        dict_insert(&mut table, k, v)?;
    }
    Ok(Value::dict(table))
}

/// `x.__add__(y)`, `xs.__contains__(v)` ...: the operator a dunder name stands for.
pub fn operator_dunder(obj: &Value, name: &str, pos: &[Value]) -> Option<PyResult<Value>> {
    use crate::ops;
    let arg = pos.first();
    Some(match (name, arg) {
        ("__len__", _) => ops::len(obj).map(Value::Int),
        ("__str__", _) => Ok(Value::string(obj.to_str())),
        ("__repr__", _) => Ok(Value::string(obj.repr())),
        ("__hash__", _) => crate::builtins::hash(obj),
        ("__neg__", _) => ops::neg(obj),
        ("__abs__", _) => crate::builtins::abs(obj),
        ("__iter__", _) => crate::builtins::iter(obj),
        (_, None) => return None,
        ("__add__", Some(b)) => ops::add(obj, b),
        ("__sub__", Some(b)) => ops::sub(obj, b),
        ("__mul__", Some(b)) => ops::mul(obj, b),
        ("__truediv__", Some(b)) => ops::truediv(obj, b),
        ("__floordiv__", Some(b)) => ops::floordiv(obj, b),
        ("__mod__", Some(b)) => ops::modulo(obj, b),
        ("__pow__", Some(b)) => ops::pow(obj, b),
        ("__and__", Some(b)) => ops::bitand(obj, b),
        ("__or__", Some(b)) => ops::bitor(obj, b),
        ("__xor__", Some(b)) => ops::bitxor(obj, b),
        ("__eq__", Some(b)) => ops::eq(obj, b),
        ("__ne__", Some(b)) => ops::ne(obj, b),
        ("__lt__", Some(b)) => ops::lt(obj, b),
        ("__le__", Some(b)) => ops::le(obj, b),
        ("__gt__", Some(b)) => ops::gt(obj, b),
        ("__ge__", Some(b)) => ops::ge(obj, b),
        ("__contains__", Some(b)) => ops::contains(obj, b).map(Value::Bool),
        ("__getitem__", Some(b)) => ops::getitem(obj, b),
        _ => return None,
    })
}
