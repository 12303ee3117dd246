//! Python's built-in functions.  The translator passes keyword arguments by position,
//! with `None` (the Rust `Option`) for one the program left out.

use crate::exc::*;
use crate::format;
use crate::iter::{collect_vec, into_iter_value, iterate, Iter};
use crate::ops::{self, compare};
use crate::tables::PySetTable;
use crate::value::*;
use std::cmp::Ordering;

/// `range()` with a bound beyond 64 bits: iterated lazily over big ints (CPython's
/// range object takes any int).
fn big_range(a: &Value, b: Option<&Value>, c: Option<&Value>) -> PyResult<Value> {
    let (start, stop) = match b {
        Some(b) => (a.clone(), b.clone()),
        None => (Value::Int(0), a.clone()),
    };
    let step = c.cloned().unwrap_or(Value::Int(1));
    for v in [&start, &stop, &step] {
        if crate::ops::as_big(v).is_none() {
            return type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()));
        }
    }
    let ascending = ops::gt(&step, &Value::Int(0))?.truthy();
    if !ascending && !ops::lt(&step, &Value::Int(0))?.truthy() {
        return value_error("range() arg 3 must not be zero");
    }
    let mut current = start;
    Ok(Value::iter(move || {
        let more = if ascending { ops::lt(&current, &stop)? } else { ops::gt(&current, &stop)? };
        if !more.truthy() {
            return Ok(None);
        }
        let next = ops::add(&current, &step)?;
        Ok(Some(std::mem::replace(&mut current, next)))
    }))
}

pub fn len(v: &Value) -> PyResult<Value> {
    ops::len(v).map(Value::Int)
}

pub fn range(a: &Value, b: Option<&Value>, c: Option<&Value>) -> PyResult<Value> {
    if [Some(a), b, c].iter().any(|v| matches!(v, Some(Value::BigInt(_)))) {
        return big_range(a, b, c);
    }
    let (start, stop) = match b {
        Some(b) => (a.to_int()?, b.to_int()?),
        None => (0, a.to_int()?),
    };
    let step = match c {
        Some(c) => c.to_int()?,
        None => 1,
    };
    if step == 0 {
        return value_error("range() arg 3 must not be zero");
    }
    Ok(Value::Range(Range { start, stop, step }))
}

pub fn abs(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Ok(Value::Int(a)),
            None => Ok(crate::ops::int_value(crate::bigint::BigInt::from_i64(*i).abs())),
        },
        Value::BigInt(b) => Ok(crate::ops::int_value(b.abs())),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Object(_) => crate::classes::unary_dunder(v, "__abs__"),
        Value::Native(n) => n.call_method("__abs__", vec![], vec![]),
        _ => type_error(format!("bad operand type for abs(): '{}'", v.type_name())),
    }
}

/// Sort values with an optional key function, stably; a failing comparison aborts.
pub fn sort_values(items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let keys: Option<Vec<Value>> = match key {
        Some(k) if !k.is_none() => Some(items.iter().map(|v| call(k, vec![v.clone()])).collect::<PyResult<_>>()?),
        _ => None,
    };
    let fast = fast_order(keys.as_deref().unwrap_or(items), reverse);
    if let Some(order) = fast {
        let sorted: Vec<Value> = order.into_iter().map(|i| items[i].clone()).collect();
        *items = sorted;
        return Ok(());
    }
    let mut error: Option<PyErr> = None;
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let sort_keys: &[Value] = match &keys {
            Some(k) => k,
            None => items,
        };
        let mut cmp = |a: &usize, b: &usize| -> Ordering {
            if error.is_some() {
                return Ordering::Equal;
            }
            let (x, y) = (&sort_keys[*a], &sort_keys[*b]);
            let less = |p: &Value, q: &Value| ops::lt(p, q).map(|v| v.truthy());
            let result = if reverse { less(y, x) } else { less(x, y) };
            match result {
                Ok(true) => Ordering::Less,
                Ok(false) => {
                    let back = if reverse { less(x, y) } else { less(y, x) };
                    match back {
                        Ok(true) => Ordering::Greater,
                        Ok(false) => Ordering::Equal,
                        Err(e) => {
                            error = Some(e);
                            Ordering::Equal
                        }
                    }
                }
                Err(e) => {
                    error = Some(e);
                    Ordering::Equal
                }
            }
        };
        order.sort_by(&mut cmp);
    }
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = order.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// The stable sort order of keys that are all ints or all strs, compared natively
/// (`None` for mixed or other keys, which go through Python's `<`).
fn fast_order(keys: &[Value], reverse: bool) -> Option<Vec<usize>> {
    fn order_by<T: Ord>(keys: Vec<T>, reverse: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..keys.len()).collect();
        if reverse {
            order.sort_by(|a, b| keys[*b].cmp(&keys[*a]));
        } else {
            order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
        }
        order
    }
    let ints: Option<Vec<i64>> = keys.iter().map(|k| if let Value::Int(i) = k { Some(*i) } else { None }).collect();
    if let Some(ints) = ints {
        return Some(order_by(ints, reverse));
    }
    let strs: Option<Vec<&str>> = keys.iter().map(|k| k.as_str()).collect();
    if let Some(strs) = strs {
        return Some(order_by(strs, reverse));
    }
    tuple_keys(keys).map(|tuples| order_by(tuples, reverse))
}

/// An int or str item of a tuple key; within one position every key has the same kind.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum KeyItem<'a> {
    Int(i64),
    Str(&'a str),
}

/// Tuple keys of one length whose items are ints or strs, the same kind at each
/// position (`key=lambda kv: (-kv[1], kv[0])`): Rust's order of them is Python's.
fn tuple_keys(keys: &[Value]) -> Option<Vec<Vec<KeyItem<'_>>>> {
    let tuples: Vec<Vec<KeyItem<'_>>> = keys
        .iter()
        .map(|k| match k {
            Value::Tuple(items) => items
                .iter()
                .map(|x| match x {
                    Value::Int(i) => Some(KeyItem::Int(*i)),
                    Value::Str(s) => Some(KeyItem::Str(s)),
                    _ => None,
                })
                .collect(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let first = tuples.first()?;
    let same_kinds = tuples.iter().all(|t| {
        t.len() == first.len()
            && t.iter().zip(first.iter()).all(|(a, b)| std::mem::discriminant(a) == std::mem::discriminant(b))
    });
    if same_kinds {
        Some(tuples)
    } else {
        None
    }
}

pub fn sorted(iterable: &Value, key: Option<&Value>, reverse: Option<&Value>) -> PyResult<Value> {
    let mut items = collect_vec(iterable)?;
    sort_values(&mut items, key, reverse.map_or(false, |r| r.truthy()))?;
    Ok(Value::list(items))
}

/// The candidates of `min`/`max`: one iterable argument, or several arguments.
fn candidates(args: &[Value]) -> PyResult<Vec<Value>> {
    if args.len() == 1 {
        collect_vec(&args[0])
    } else {
        Ok(args.to_vec())
    }
}

fn extreme(args: &[Value], key: Option<&Value>, default: Option<&Value>, name: &str, want: Ordering) -> PyResult<Value> {
    if args.is_empty() {
        return type_error(format!("{} expected at least 1 argument, got 0", name));
    }
    let items = candidates(args)?;
    let key = key.filter(|k| !k.is_none());
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match key {
            Some(f) => call(f, vec![item.clone()])?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((_, bk)) => compare(&k, bk, if want == Ordering::Less { "<" } else { ">" })? == want,
        };
        if replace {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => value_error(format!("{}() arg is an empty sequence", name)),
    }
}

pub fn min(args: &[Value], key: Option<&Value>, default: Option<&Value>) -> PyResult<Value> {
    extreme(args, key, default, "min", Ordering::Less)
}

pub fn max(args: &[Value], key: Option<&Value>, default: Option<&Value>) -> PyResult<Value> {
    extreme(args, key, default, "max", Ordering::Greater)
}

pub fn sum(iterable: &Value, start: Option<&Value>) -> PyResult<Value> {
    let mut total = start.cloned().unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    let mut it = iterate(iterable)?;
    while let Some(v) = it.next()? {
        total = ops::add(&total, &v)?;
    }
    Ok(total)
}

pub fn any(iterable: &Value) -> PyResult<Value> {
    let mut it = iterate(iterable)?;
    while let Some(v) = it.next()? {
        if v.truthy() {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn all(iterable: &Value) -> PyResult<Value> {
    let mut it = iterate(iterable)?;
    while let Some(v) = it.next()? {
        if !v.truthy() {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Raise CPython's TypeError when a function value gets the wrong number of arguments.
pub fn check_arity(name: &str, given: usize, least: usize, most: usize) -> PyResult<()> {
    if given >= least && given <= most {
        return Ok(());
    }
    let expected = if least == most {
        format!("{}", least)
    } else if most == usize::MAX {
        format!("at least {}", least)
    } else {
        format!("from {} to {}", least, most)
    };
    type_error(format!(
        "{}() takes {} positional argument{} but {} {} given",
        name,
        expected,
        if most == 1 { "" } else { "s" },
        given,
        if given == 1 { "was" } else { "were" }
    ))
}

pub fn callable(v: &Value) -> bool {
    matches!(v, Value::Func(_)) || matches!(v, Value::Object(o) if crate::classes::find_method(o.class, "__call__").is_some())
}

/// `id(v)`: the address of a heap object, or a stable number for a scalar.
pub fn id(v: &Value) -> Value {
    let addr = match v {
        Value::List(l) => std::rc::Rc::as_ptr(l) as *const u8 as usize,
        Value::Dict(d) => std::rc::Rc::as_ptr(d) as *const u8 as usize,
        Value::Set(s) => std::rc::Rc::as_ptr(s) as *const u8 as usize,
        Value::Object(o) => std::rc::Rc::as_ptr(o) as *const u8 as usize,
        Value::Tuple(t) => std::rc::Rc::as_ptr(t) as *const u8 as usize,
        Value::Str(s) => s.as_ptr() as usize,
        _ => crate::tables::PyKey::py_hash(v) as usize,
    };
    Value::Int(addr as i64)
}

/// `vars(obj)`: the object's attributes as a dict.  A snapshot: CPython's is the live
/// `__dict__`, so storing into it changes the object there and not here.
pub fn vars(v: &Value) -> PyResult<Value> {
    let no_dict = || PyErr::new(&TYPE_ERROR, "vars() argument must have __dict__ attribute");
    match v {
        Value::Object(o) => {
            let mut table = Dict::new();
            for name in o.data.names() {
                if let Some(x) = o.data.get(name) {
                    table.insert(Value::str(name), x);
                }
            }
            for (name, x) in o.fields.borrow().iter().filter(|(n, _)| *n != crate::builtin_bases::PART) {
                table.insert(Value::str(name), x.clone());
            }
            Ok(Value::dict(table))
        }
        Value::Native(n) => n.getattr("__dict__").map_err(|_| no_dict()),
        _ => Err(no_dict()),
    }
}

/// Call any callable value with positional arguments.
pub fn call(f: &Value, args: Vec<Value>) -> PyResult<Value> {
    match f {
        Value::Func(func) => (func.call)(args),
        Value::Object(_) => crate::classes::call_dunder(f, "__call__", args),
        Value::Native(n) => n.call(args),
        Value::Class(c) => crate::classes::instantiate(c, args),
        _ => type_error(format!("'{}' object is not callable", f.type_name())),
    }
}

pub fn enumerate(iterable: &Value, start: Option<&Value>) -> PyResult<Value> {
    let mut it = iterate(iterable)?;
    let mut n = match start {
        Some(s) => s.to_int()?,
        None => 0,
    };
    Ok(Value::iter(move || {
        Ok(match it.next()? {
            Some(v) => {
                n += 1;
                Some(Value::tuple(vec![Value::Int(n - 1), v]))
            }
            None => None,
        })
    }))
}

pub fn zip(iterables: &[Value]) -> PyResult<Value> {
    let mut its: Vec<Iter> = iterables.iter().map(iterate).collect::<PyResult<_>>()?;
    Ok(Value::iter(move || {
        if its.is_empty() {
            return Ok(None);
        }
        let mut row = Vec::with_capacity(its.len());
        for it in its.iter_mut() {
            match it.next()? {
                Some(v) => row.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(Value::tuple(row)))
    }))
}

pub fn map(f: &Value, iterables: &[Value]) -> PyResult<Value> {
    let f = f.clone();
    let mut its: Vec<Iter> = iterables.iter().map(iterate).collect::<PyResult<_>>()?;
    Ok(Value::iter(move || {
        let mut args = Vec::with_capacity(its.len());
        for it in its.iter_mut() {
            match it.next()? {
                Some(v) => args.push(v),
                None => return Ok(None),
            }
        }
        call(&f, args).map(Some)
    }))
}

pub fn filter(f: &Value, iterable: &Value) -> PyResult<Value> {
    let f = f.clone();
    let mut it = iterate(iterable)?;
    Ok(Value::iter(move || {
        while let Some(v) = it.next()? {
            let keep = if f.is_none() { v.truthy() } else { call(&f, vec![v.clone()])?.truthy() };
            if keep {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }))
}

pub fn reversed(v: &Value) -> PyResult<Value> {
    let items = match v {
        Value::Range(r) => {
            let n = ops::range_len(r);
            let last = r.start + (n - 1) * r.step;
            return Ok(into_iter_value(Iter::Range { next: last, stop: r.start - r.step, step: -r.step }));
        }
        Value::Dict(_) | Value::List(_) | Value::Tuple(_) | Value::Str(_) => collect_vec(v)?,
        Value::Native(n) if n.type_name() == "collections.deque" => collect_vec(v)?,
        Value::Object(_) => return crate::classes::call_dunder(v, "__reversed__", vec![]),
        _ => return type_error(format!("'{}' object is not reversible", v.type_name())),
    };
    Ok(into_iter_value(Iter::Values(items.into_iter().rev().collect::<Vec<_>>().into_iter())))
}

/// `iter(x)`: an object's own iterator object is what `__iter__` returns (a generator is
/// its own iterator), so methods such as `send` stay reachable.
pub fn iter(v: &Value) -> PyResult<Value> {
    if let Value::Native(n) = v {
        if n.is_iterator() {
            return Ok(v.clone());
        }
    }
    if let Value::Object(_) = v {
        match crate::classes::try_dunder(v, "__iter__", vec![]) {
            Some(Ok(Value::Object(it))) if crate::classes::find_method(it.class, "__next__").is_some() => {
                return Ok(Value::Object(it))
            }
            Some(Ok(it)) => return iterate(&it).map(into_iter_value),
            Some(Err(e)) => return Err(e),
            None => {}
        }
    }
    iterate(v).map(into_iter_value)
}

/// `int(x)` / `int(s, base)`.
pub fn int(v: Option<&Value>, base: Option<&Value>) -> PyResult<Value> {
    let v = match v {
        None => return Ok(Value::Int(0)),
        Some(v) => v,
    };
    if let Some(b) = base {
        let s = match v {
            Value::Str(s) => s,
            _ => return type_error("int() can't convert non-string with explicit base"),
        };
        return parse_int_value(s, b.to_int()? as u32);
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(*f),
        Value::Str(s) => parse_int_value(s, 10),
        Value::Object(_) => crate::classes::unary_dunder(v, "__int__"),
        Value::Native(n) => n.call_method("__int__", vec![], vec![]),
        _ => type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        )),
    }
}

/// `int(text, base)`, falling back to a big int when the digits exceed 64 bits.
fn parse_int_value(s: &str, base: u32) -> PyResult<Value> {
    crate::int::Int::parse_base(s, base).map(Value::from)
}

pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return value_error("cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return Err(PyErr::new(&OVERFLOW_ERROR, "cannot convert float infinity to integer"));
    }
    match crate::bigint::BigInt::from_f64(f) {
        Some(b) => Ok(crate::ops::int_value(b)),
        None => overflow(),
    }
}

pub fn float(v: Option<&Value>) -> PyResult<Value> {
    match v {
        None => Ok(Value::Float(0.0)),
        Some(Value::Float(f)) => Ok(Value::Float(*f)),
        Some(Value::BigInt(b)) => b.to_f64().map(Value::Float).map_err(crate::ops::int_error),
        Some(Value::Str(s)) => format::parse_float(s).map(Value::Float).map_err(|m| PyErr::new(&VALUE_ERROR, m)),
        Some(v) => match v.as_f64() {
            Some(f) => Ok(Value::Float(f)),
            None => match v {
                Value::Object(_) => crate::classes::unary_dunder(v, "__float__"),
                Value::Native(n) => n.call_method("__float__", vec![], vec![]),
                _ => type_error(format!("float() argument must be a string or a real number, not '{}'", v.type_name())),
            },
        },
    }
}

pub fn str(v: Option<&Value>) -> PyResult<Value> {
    Ok(match v {
        None => Value::str(""),
        Some(Value::Str(_)) => v.cloned().unwrap_or(Value::None),
        Some(v) => Value::string(crate::classes::checked_text(|| v.to_str())?),
    })
}

/// `complex(real, imag)` / `complex("1+2j")`.
pub fn complex(real: Option<&Value>, imag: Option<&Value>) -> PyResult<Value> {
    crate::complex::construct(real, imag)
}

pub fn repr(v: &Value) -> PyResult<Value> {
    Ok(Value::string(crate::classes::checked_text(|| v.repr())?))
}

pub fn bool(v: Option<&Value>) -> PyResult<Value> {
    Ok(Value::Bool(v.map_or(false, |v| v.truthy())))
}

pub fn list(v: Option<&Value>) -> PyResult<Value> {
    Ok(Value::list(match v {
        None => Vec::new(),
        Some(v) => collect_vec(v)?,
    }))
}

pub fn tuple(v: Option<&Value>) -> PyResult<Value> {
    match v {
        None => Ok(Value::tuple(Vec::new())),
        Some(Value::Tuple(_)) => Ok(v.cloned().unwrap_or(Value::None)),
        Some(v) => Ok(Value::tuple(collect_vec(v)?)),
    }
}

/// A set table from any iterable, following CPython's construction for each source kind.
pub fn set_table(v: &Value) -> PyResult<Set> {
    Ok(match v {
        Value::Set(s) => s.borrow().copy(),
        Value::FrozenSet(s) => s.copy(),
        Value::Dict(d) => PySetTable::from_dict(&d.borrow()),
        _ => {
            let items = collect_vec(v)?;
            for i in &items {
                i.check_hashable()?;
            }
            items.into_iter().collect()
        }
    })
}

pub fn set(v: Option<&Value>) -> PyResult<Value> {
    Ok(Value::set(match v {
        None => PySetTable::new(),
        Some(v) => set_table(v)?,
    }))
}

pub fn frozenset(v: Option<&Value>) -> PyResult<Value> {
    Ok(Value::FrozenSet(std::rc::Rc::new(match v {
        None => PySetTable::new(),
        Some(v) => set_table(v)?,
    })))
}

/// `dict()`, `dict(mapping)`, `dict(pairs)`, plus keyword entries.
pub fn dict(v: Option<&Value>, kwargs: Vec<(&str, Value)>) -> PyResult<Value> {
    let mut table = Dict::new();
    if let Some(v) = v {
        crate::methods::dict_update_from(&mut table, v)?;
    }
    for (k, val) in kwargs {
        table.insert(Value::str(k), val);
    }
    Ok(Value::dict(table))
}

pub fn ord(v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                )),
            }
        }
        _ => type_error(format!("ord() expected string of length 1, but {} found", v.type_name())),
    }
}

pub fn chr(v: &Value) -> PyResult<Value> {
    let i = v.to_int()?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => value_error("chr() arg not in range(0x110000)"),
    }
}

/// `round(x)` (banker's rounding to an int) and `round(x, n)`.
pub fn round(v: &Value, ndigits: Option<&Value>) -> PyResult<Value> {
    let nd = match ndigits {
        None | Some(Value::None) => None,
        Some(n) => Some(n.to_int()?),
    };
    match (v, nd) {
        (Value::BigInt(_), _) => Ok(v.clone()),
        (Value::Int(_) | Value::Bool(_), None) => Ok(Value::Int(v.to_int()?)),
        (Value::Int(_) | Value::Bool(_), Some(n)) => Ok(Value::Int(format::round_int(v.to_int()?, n))),
        (Value::Float(f), None) => {
            let r = f.round();
            let r = if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r };
            float_to_int(r)
        }
        (Value::Float(f), Some(n)) => Ok(Value::Float(format::round_float(*f, n))),
        (Value::Object(_), _) => crate::classes::call_dunder(v, "__round__", ndigits.into_iter().cloned().collect()),
        (Value::Native(n), _) => n.call_method("__round__", ndigits.into_iter().cloned().collect(), vec![]),
        _ => type_error(format!("type {} doesn't define __round__ method", v.type_name())),
    }
}

pub fn divmod(a: &Value, b: &Value) -> PyResult<Value> {
    ops::divmod(a, b)
}

pub fn pow(a: &Value, b: &Value, m: Option<&Value>) -> PyResult<Value> {
    match m {
        None | Some(Value::None) => ops::pow(a, b),
        Some(m) => {
            let big = |v: &Value| match crate::ops::as_big(v) {
                Some(x) => Ok(x),
                None => type_error("pow() 3rd argument not allowed unless all arguments are integers"),
            };
            let (base, exp, modulus) = (big(a)?, big(b)?, big(m)?);
            if modulus.is_zero() {
                return value_error("pow() 3rd argument cannot be 0");
            }
            base.pow_mod(&exp, &modulus).map(crate::ops::int_value).map_err(crate::ops::int_error)
        }
    }
}

pub fn hash(v: &Value) -> PyResult<Value> {
    v.check_hashable()?;
    Ok(Value::Int(crate::tables::PyKey::py_hash(v)))
}

fn int_in_base(v: &Value, spec: &str) -> PyResult<Value> {
    if let Value::BigInt(b) = v {
        let (base, prefix) = match spec {
            "#b" => (2, "0b"),
            "#o" => (8, "0o"),
            _ => (16, "0x"),
        };
        let sign = if b.is_negative() { "-" } else { "" };
        return Ok(Value::string(format!("{}{}{}", sign, prefix, b.abs().to_string_radix(base))));
    }
    format::format_int(v.to_int()?, spec).map(Value::string).map_err(|m| PyErr::new(&VALUE_ERROR, m))
}

pub fn bin(v: &Value) -> PyResult<Value> {
    int_in_base(v, "#b")
}
pub fn oct(v: &Value) -> PyResult<Value> {
    int_in_base(v, "#o")
}
pub fn hex(v: &Value) -> PyResult<Value> {
    int_in_base(v, "#x")
}

/// `format(value, spec)`.
pub fn format(v: &Value, spec: Option<&Value>) -> PyResult<Value> {
    let spec = match spec {
        Some(s) => s.to_str(),
        None => String::new(),
    };
    crate::strformat::format_value(v, &spec).map(Value::string)
}

/// `isinstance(v, T)` for a built-in type named by the translator.
pub fn isinstance_builtin(v: &Value, type_name: &str) -> bool {
    if let Some(part) = crate::builtin_bases::builtin_part(v) {
        return type_name == "object" || isinstance_builtin(&part, type_name) || v.type_name() == type_name;
    }
    match type_name {
        "int" => matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)),
        "float" => matches!(v, Value::Float(_)),
        "bool" => matches!(v, Value::Bool(_)),
        "str" => matches!(v, Value::Str(_)),
        "list" => matches!(v, Value::List(_)),
        "tuple" => matches!(v, Value::Tuple(_)),
        "dict" => matches!(v, Value::Dict(_)),
        "set" => matches!(v, Value::Set(_)),
        "frozenset" => matches!(v, Value::FrozenSet(_)),
        "range" => matches!(v, Value::Range(_)),
        "NoneType" => v.is_none(),
        "object" => true,
        _ => v.type_name() == type_name,
    }
}

/// `isinstance(v, types)` with the class or tuple of classes known only at run time.
pub fn isinstance_value(v: &Value, types: &Value) -> PyResult<bool> {
    match types {
        Value::Class(c) => Ok(crate::classes::isinstance(v, c)),
        Value::Func(f) if is_builtin_type(&f.name) => Ok(isinstance_builtin(v, &f.name)),
        Value::Tuple(items) => {
            for t in items.iter() {
                if isinstance_value(v, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Native(n) if n.type_name() == "types.GenericAlias" => {
            type_error("isinstance() argument 2 cannot be a parameterized generic")
        }
        Value::Native(n) if n.instance_check(v).is_some() => Ok(n.instance_check(v).unwrap_or(false)),
        // A standard-library class such as decimal.Decimal: the runtime object of that type.
        Value::Func(f) if f.name.contains('.') => {
            let class = f.name.rsplit('.').next().unwrap_or("");
            let part = crate::builtin_bases::as_builtin(v);
            let name = part.type_name();
            Ok(!matches!(part, Value::Object(_)) && (name == class || name == &*f.name))
        }
        _ => type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"),
    }
}

/// What the name of a nested function holds before its `def` runs: a function whose
/// call raises what CPython raises for the unbound name (`free`: read from a closure).
pub fn before_def(name: &'static str, free: bool) -> Value {
    Value::func(name, move |_| {
        Err(if free {
            PyErr::new(&NAME_ERROR, format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name))
        } else {
            PyErr::new(&UNBOUND_LOCAL_ERROR, format!("cannot access local variable '{}' where it is not associated with a value", name))
        })
    })
}

/// A built-in function used as a value (`map(int, xs)`, `key=len`).
pub fn builtin_value(name: &'static str) -> Value {
    Value::func(name, move |args: Vec<Value>| call_builtin(name, &args))
}

fn call_builtin(name: &str, args: &[Value]) -> PyResult<Value> {
    let a0 = args.first();
    let a1 = args.get(1);
    let need = |n: usize| -> PyResult<()> {
        if args.len() < n {
            type_error(format!("{}() takes at least {} argument(s) ({} given)", name, n, args.len()))
        } else {
            Ok(())
        }
    };
    match name {
        "int" => int(a0, a1),
        "float" => float(a0),
        "complex" => complex(a0, a1),
        "str" => str(a0),
        "bool" => bool(a0),
        "list" => list(a0),
        "tuple" => tuple(a0),
        "set" => set(a0),
        "frozenset" => frozenset(a0),
        "bytes" | "bytearray" => crate::bytes::construct(a0, a1, args.get(2), name == "bytearray"),
        "dict" => {
            let mut pos = args.to_vec();
            let kw = crate::callargs::split_kwargs(&mut pos);
            dict(pos.first(), kw.iter().map(|(k, v)| (&**k, v.clone())).collect())
        }
        "len" => {
            need(1)?;
            len(&args[0])
        }
        "abs" => {
            need(1)?;
            abs(&args[0])
        }
        "repr" => {
            need(1)?;
            repr(&args[0])
        }
        "ord" => {
            need(1)?;
            ord(&args[0])
        }
        "chr" => {
            need(1)?;
            chr(&args[0])
        }
        "sorted" => {
            need(1)?;
            sorted(&args[0], None, None)
        }
        "reversed" => {
            need(1)?;
            reversed(&args[0])
        }
        "sum" => {
            need(1)?;
            sum(&args[0], a1)
        }
        "min" => min(args, None, None),
        "max" => max(args, None, None),
        "any" => {
            need(1)?;
            any(&args[0])
        }
        "all" => {
            need(1)?;
            all(&args[0])
        }
        "round" => {
            need(1)?;
            round(&args[0], a1)
        }
        "hash" => {
            need(1)?;
            hash(&args[0])
        }
        "bin" | "oct" | "hex" => {
            need(1)?;
            match name {
                "bin" => bin(&args[0]),
                "oct" => oct(&args[0]),
                _ => hex(&args[0]),
            }
        }
        "divmod" => {
            need(2)?;
            divmod(&args[0], &args[1])
        }
        "pow" => {
            need(2)?;
            pow(&args[0], &args[1], args.get(2))
        }
        "iter" => {
            need(1)?;
            iter(&args[0])
        }
        "next" => {
            need(1)?;
            crate::iter::next(&args[0], a1.cloned())
        }
        "enumerate" => {
            need(1)?;
            enumerate(&args[0], a1)
        }
        "zip" => zip(args),
        "range" => {
            need(1)?;
            range(&args[0], a1, args.get(2))
        }
        "map" => {
            need(2)?;
            map(&args[0], &args[1..])
        }
        "filter" => {
            need(2)?;
            filter(&args[0], &args[1])
        }
        "print" => crate::io::print(args, None, None),
        _ => type_error(format!("built-in {}() cannot be used as a value here", name)),
    }
}

/// Built-in types that print as `<class 'int'>` when used as values.
/// The `...` object (`Ellipsis`).
struct EllipsisObject;

impl NativeObject for EllipsisObject {
    fn type_name(&self) -> &'static str {
        "ellipsis"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        crate::methods::no_attribute(&ellipsis(), name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        crate::methods::no_attribute(&ellipsis(), name)
    }
    fn repr(&self) -> String {
        "Ellipsis".to_string()
    }
    fn equals(&self, other: &Value) -> bool {
        other.type_name() == "ellipsis"
    }
}

thread_local! {
    static ELLIPSIS: Value = Value::Native(std::rc::Rc::new(EllipsisObject));
}

/// `...`: one shared object, so `x is ...` holds.
pub fn ellipsis() -> Value {
    ELLIPSIS.with(|e| e.clone())
}

pub fn is_builtin_type(name: &str) -> bool {
    matches!(
        name,
        "int" | "float" | "complex" | "str" | "bool" | "list" | "tuple" | "set" | "frozenset" | "dict" | "NoneType"
            | "range" | "bytes" | "bytearray"
    )
}

/// A Counter's entries by count, highest first, ties in insertion order (`most_common`).
pub fn counter_most_common(d: &Dict) -> Vec<(Value, Value)> {
    let mut pairs: Vec<(Value, Value)> = d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    pairs.sort_by(|a, b| {
        crate::ops::compare(&b.1, &a.1, "<").unwrap_or(std::cmp::Ordering::Equal)
    });
    pairs
}
