//! `collections`: Counter, defaultdict and OrderedDict (dicts of another `DictKind`)
//! with their extra methods and Counter arithmetic, and `deque` as a native object.

use crate::builtins::counter_most_common;
use crate::exc::*;
use crate::iter::{collect_vec, iterate};
use crate::methods::{dict_method, dict_update_from, Args};
use crate::ops::{self, norm_index, values_equal};
use crate::value::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// `collections.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "collections.Counter" => {
            let d = Rc::new(RefCell::new(Dict::of_kind(DictKind::Counter)));
            if let Some(src) = a.pos.first() {
                count_from(&d, src, false)?;
            }
            count_keywords(&d, &a.kw, false)?;
            Ok(Value::Dict(d))
        }
        "collections.defaultdict" => {
            let mut table = Dict::of_kind(DictKind::DefaultDict);
            table.factory = match a.pos.first() {
                None | Some(Value::None) => None,
                Some(f @ (Value::Func(_) | Value::Object(_) | Value::Native(_) | Value::Class(_))) => Some(f.clone()),
                Some(_) => return type_error("first argument must be callable or None"),
            };
            fill(table, a.pos.get(1), &a.kw)
        }
        "collections.OrderedDict" => fill(Dict::of_kind(DictKind::OrderedDict), a.pos.first(), &a.kw),
        "collections.deque" => deque(a),
        _ => type_error(format!("{} is not available", name)),
    }
}

/// A dict of some kind filled like `dict(src, **kw)`.
fn fill(mut table: Dict, src: Option<&Value>, kw: &[(&str, Value)]) -> PyResult<Value> {
    if let Some(src) = src {
        dict_update_from(&mut table, src)?;
    }
    for (k, v) in kw {
        table.insert(Value::str(k), v.clone());
    }
    Ok(Value::dict(table))
}

/// Methods of the dict kinds other than plain dict; what they share with dict falls through.
pub fn mapping_method(d: &Rc<RefCell<Dict>>, a: &Args) -> PyResult<Value> {
    let kind = d.borrow().kind;
    match (kind, a.method) {
        (DictKind::Counter, _) => counter_method(d, a),
        (DictKind::OrderedDict, "move_to_end") => move_to_end(d, a.req(0, "key")?, a.get(1, "last").map_or(true, Value::truthy)),
        (DictKind::OrderedDict, "popitem") if !a.get(0, "last").map_or(true, Value::truthy) => {
            let first = d.borrow().iter().next().map(|(k, _)| k.clone());
            match first {
                Some(k) => {
                    let v = d.borrow_mut().remove(&k).unwrap_or_default();
                    Ok(Value::tuple(vec![k, v]))
                }
                None => Err(PyErr::with_args(&KEY_ERROR, vec![Value::str("dictionary is empty")])),
            }
        }
        _ => dict_method(d, a),
    }
}

/// `OrderedDict.move_to_end(key, last)`.
fn move_to_end(d: &Rc<RefCell<Dict>>, key: &Value, last: bool) -> PyResult<Value> {
    let value = match d.borrow_mut().remove(key) {
        Some(v) => v,
        None => return key_error(key),
    };
    let mut d = d.borrow_mut();
    if last {
        d.insert(key.clone(), value);
    } else {
        let rest: Vec<(Value, Value)> = d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        d.clear();
        d.insert(key.clone(), value);
        for (k, v) in rest {
            d.insert(k, v);
        }
    }
    Ok(Value::None)
}

fn counter_method(d: &Rc<RefCell<Dict>>, a: &Args) -> PyResult<Value> {
    match a.method {
        "most_common" => {
            let mut pairs = counter_most_common(&d.borrow());
            if let Some(n) = a.opt_int(0, "n")? {
                pairs.truncate(n.max(0) as usize);
            }
            Ok(Value::list(pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect()))
        }
        "elements" => {
            let mut out = Vec::new();
            for (k, v) in d.borrow().iter() {
                for _ in 0..v.to_int()?.max(0) {
                    out.push(k.clone());
                }
            }
            Ok(crate::iter::into_iter_value(crate::iter::Iter::Values(out.into_iter())))
        }
        "update" | "subtract" => {
            let subtract = a.method == "subtract";
            if let Some(src) = a.pos.first() {
                count_from(d, src, subtract)?;
            }
            count_keywords(d, &a.kw, subtract)?;
            Ok(Value::None)
        }
        "total" => {
            let values: Vec<Value> = d.borrow().values().cloned().collect();
            crate::builtins::sum(&Value::list(values), None)
        }
        _ => dict_method(d, a),
    }
}

/// Add (or subtract) `count` to the count of `key`.
fn add_count(d: &Rc<RefCell<Dict>>, key: Value, count: &Value, subtract: bool) -> PyResult<()> {
    key.check_hashable()?;
    let current = d.borrow().get(&key).cloned().unwrap_or(Value::Int(0));
    let new = if subtract { ops::sub(&current, count)? } else { ops::add(&current, count)? };
    d.borrow_mut().insert(key, new);
    Ok(())
}

/// `Counter.update(src)` / `subtract(src)`: count an iterable's items, or add a mapping's
/// counts (an empty Counter takes a mapping's values as they are, like CPython).
fn count_from(d: &Rc<RefCell<Dict>>, src: &Value, subtract: bool) -> PyResult<()> {
    if let Value::Dict(m) = src {
        let pairs: Vec<(Value, Value)> = m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let copy = !subtract && d.borrow().len() == 0;
        for (k, v) in pairs {
            if copy {
                d.borrow_mut().insert(k, v);
            } else {
                add_count(d, k, &v, subtract)?;
            }
        }
        return Ok(());
    }
    let mut it = iterate(src)?;
    while let Some(k) = it.next()? {
        add_count(d, k, &Value::Int(1), subtract)?;
    }
    Ok(())
}

fn count_keywords(d: &Rc<RefCell<Dict>>, kw: &[(&str, Value)], subtract: bool) -> PyResult<()> {
    kw.iter().try_for_each(|(k, v)| add_count(d, Value::str(k), v, subtract))
}

fn counter_of(v: &Value) -> Option<Rc<RefCell<Dict>>> {
    match v {
        Value::Dict(d) if d.borrow().kind == DictKind::Counter => Some(d.clone()),
        _ => None,
    }
}

fn is_positive(v: &Value) -> PyResult<bool> {
    ops::gt(v, &Value::Int(0)).map(|b| b.truthy())
}

/// `a + b`, `a - b`, `a | b`, `a & b` between Counters (None when an operand is not a
/// Counter): the result keeps only positive counts, in CPython's key order.
pub fn counter_binop(a: &Value, b: &Value, op: &str) -> Option<PyResult<Value>> {
    let (x, y) = (counter_of(a)?.borrow().clone(), counter_of(b)?.borrow().clone());
    Some(counter_combine(&x, &y, op))
}

fn counter_combine(x: &Dict, y: &Dict, op: &str) -> PyResult<Value> {
    let mut out = Dict::of_kind(DictKind::Counter);
    let zero = Value::Int(0);
    for (k, count) in x.iter() {
        let other = y.get(k).unwrap_or(&zero);
        let new = match op {
            "+" => ops::add(count, other)?,
            "-" => ops::sub(count, other)?,
            "|" if ops::lt(count, other)?.truthy() => other.clone(),
            "&" if !ops::lt(count, other)?.truthy() => other.clone(),
            _ => count.clone(),
        };
        if is_positive(&new)? {
            out.insert(k.clone(), new);
        }
    }
    if op != "&" {
        for (k, count) in y.iter() {
            if x.contains_key(k) {
                continue;
            }
            let new = if op == "-" { ops::sub(&zero, count)? } else { count.clone() };
            if is_positive(&new)? {
                out.insert(k.clone(), new);
            }
        }
    }
    Ok(Value::dict(out))
}

/// `collections.deque`: a double-ended queue with an optional maximum length.
struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Option<usize>,
}

fn deque(a: &Args) -> PyResult<Value> {
    let maxlen = match a.opt_int(1, "maxlen")? {
        Some(n) if n < 0 => return value_error("maxlen must be non-negative"),
        n => n.map(|n| n as usize),
    };
    let dq = Deque { items: RefCell::new(VecDeque::new()), maxlen };
    if let Some(src) = a.get(0, "iterable") {
        dq.extend(collect_vec(src)?, false);
    }
    Ok(Value::Native(Rc::new(dq)))
}

impl Deque {
    /// Add items at one end; a full deque drops items from the other end.
    fn extend(&self, new: impl IntoIterator<Item = Value>, left: bool) {
        let mut items = self.items.borrow_mut();
        for v in new {
            if self.maxlen == Some(items.len()) {
                if self.maxlen == Some(0) {
                    continue;
                }
                if left {
                    items.pop_back();
                } else {
                    items.pop_front();
                }
            }
            if left {
                items.push_front(v);
            } else {
                items.push_back(v);
            }
        }
    }

    fn index_of(&self, i: &Value) -> PyResult<usize> {
        let i = match i.as_index() {
            Some(i) => i,
            None => return type_error(format!("sequence index must be integer, not '{}'", i.type_name())),
        };
        match norm_index(i, self.items.borrow().len()) {
            Some(j) => Ok(j),
            None => index_error("deque index out of range"),
        }
    }

    fn position(&self, x: &Value, start: usize, stop: usize) -> Option<usize> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        (start..stop.min(items.len())).find(|&i| items[i].is(x) || values_equal(&items[i], x))
    }

    /// `deque.index(x[, start[, stop]])` with list-style clamping of the bounds.
    fn index(&self, a: &Args) -> PyResult<Value> {
        let x = a.req(0, "value")?;
        let n = self.items.borrow().len() as i64;
        let clamp = |i: Option<i64>, default: i64| match i {
            None => default,
            Some(i) if i < 0 => (i + n).max(0),
            Some(i) => i.min(n),
        };
        let (start, stop) = (clamp(a.opt_int(1, "start")?, 0), clamp(a.opt_int(2, "stop")?, n));
        match self.position(x, start as usize, stop as usize) {
            Some(i) => Ok(Value::Int(i as i64)),
            None => value_error(format!("{} is not in deque", x.repr())),
        }
    }

    fn pop(&self, left: bool) -> PyResult<Value> {
        let mut items = self.items.borrow_mut();
        let v = if left { items.pop_front() } else { items.pop_back() };
        match v {
            Some(v) => Ok(v),
            None => index_error("pop from an empty deque"),
        }
    }

    fn rotate(&self, n: i64) {
        let mut items = self.items.borrow_mut();
        let len = items.len() as i64;
        if len > 0 {
            items.rotate_right(n.rem_euclid(len) as usize);
        }
    }

    fn insert(&self, i: i64, v: Value) -> PyResult<()> {
        let mut items = self.items.borrow_mut();
        if self.maxlen == Some(items.len()) {
            return index_error("deque already at its maximum size");
        }
        let n = items.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        items.insert(at as usize, v);
        Ok(())
    }
}

/// The AttributeError for a missing attribute of a native object.
pub fn no_attribute<T>(type_name: &str, name: &str) -> PyResult<T> {
    Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute '{}'", type_name, name)))
}

impl NativeObject for Deque {
    fn type_name(&self) -> &'static str {
        "collections.deque"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        match name {
            "append" | "appendleft" => {
                self.extend(std::iter::once(a.req(0, "x")?.clone()), name == "appendleft");
                Ok(Value::None)
            }
            "extend" | "extendleft" => {
                self.extend(collect_vec(a.req(0, "iterable")?)?, name == "extendleft");
                Ok(Value::None)
            }
            "pop" => self.pop(false),
            "popleft" => self.pop(true),
            "rotate" => {
                self.rotate(a.opt_int(0, "n")?.unwrap_or(1));
                Ok(Value::None)
            }
            "clear" => {
                self.items.borrow_mut().clear();
                Ok(Value::None)
            }
            "count" => {
                let x = a.req(0, "value")?;
                Ok(Value::Int(self.items.borrow().iter().filter(|v| values_equal(v, x)).count() as i64))
            }
            "index" => self.index(&a),
            "remove" => {
                let x = a.req(0, "value")?;
                let n = self.items.borrow().len();
                match self.position(x, 0, n) {
                    Some(i) => {
                        self.items.borrow_mut().remove(i);
                        Ok(Value::None)
                    }
                    None => value_error(format!("{} is not in deque", x.repr())),
                }
            }
            "insert" => {
                self.insert(a.req(0, "index")?.to_int()?, a.req(1, "object")?.clone())?;
                Ok(Value::None)
            }
            "reverse" => {
                self.items.borrow_mut().make_contiguous().reverse();
                Ok(Value::None)
            }
            "copy" => {
                let items = self.items.borrow().clone();
                Ok(Value::Native(Rc::new(Deque { items: RefCell::new(items), maxlen: self.maxlen })))
            }
            _ => no_attribute(self.type_name(), name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "maxlen" => Ok(self.maxlen.map_or(Value::None, |n| Value::Int(n as i64))),
            _ => no_attribute(self.type_name(), name),
        }
    }
    fn repr(&self) -> String {
        let items = Value::list(self.items.borrow().iter().cloned().collect());
        match self.maxlen {
            Some(n) => format!("deque({}, maxlen={})", items.repr(), n),
            None => format!("deque({})", items.repr()),
        }
    }
    fn len(&self) -> PyResult<i64> {
        Ok(self.items.borrow().len() as i64)
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        let i = self.index_of(index)?;
        Ok(self.items.borrow()[i].clone())
    }
    fn setitem(&self, index: &Value, value: Value) -> PyResult<()> {
        let i = self.index_of(index)?;
        self.items.borrow_mut()[i] = value;
        Ok(())
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(self.items.borrow().iter().cloned().collect())
    }
    fn truthy(&self) -> bool {
        !self.items.borrow().is_empty()
    }
    fn equals(&self, other: &Value) -> bool {
        match other {
            Value::Native(n) if n.type_name() == self.type_name() => match n.items() {
                Ok(theirs) => values_equal(&Value::list(self.items().unwrap_or_default()), &Value::list(theirs)),
                Err(_) => false,
            },
            _ => false,
        }
    }
    fn compare(&self, other: &Value) -> Option<PyResult<std::cmp::Ordering>> {
        match other {
            Value::Native(n) if n.type_name() == self.type_name() => Some(n.items().and_then(|theirs| {
                ops::compare(&Value::list(self.items()?), &Value::list(theirs), "<")
            })),
            _ => None,
        }
    }
}
