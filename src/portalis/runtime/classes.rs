//! User classes at run time: attribute lookup along the base chain, bound methods, and
//! the dunder methods that operators, `print`, `len`, `in` and `for` fall back on.

use crate::exc::*;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

type Method = fn(Vec<Value>) -> PyResult<Value>;

/// The method `name` of `class` or of its nearest base that defines it.
pub fn find_method(class: &'static Class, name: &str) -> Option<Method> {
    let mut cur = Some(class);
    while let Some(c) = cur {
        if let Some((_, m)) = c.methods.iter().find(|(n, _)| *n == name) {
            return Some(*m);
        }
        cur = c.base;
    }
    None
}

thread_local! {
    /// Class attributes, by class: statics cannot hold `Value`s, so they live here.
    static CLASS_ATTRS: RefCell<Vec<(*const Class, &'static str, Value)>> = RefCell::new(Vec::new());
}

/// `class C: name = value`, run when the class statement executes.
pub fn set_class_attr(class: &'static Class, name: &'static str, value: Value) {
    CLASS_ATTRS.with(|attrs| {
        let mut attrs = attrs.borrow_mut();
        let key = class as *const Class;
        match attrs.iter_mut().find(|(c, n, _)| *c == key && *n == name) {
            Some(slot) => slot.2 = value,
            None => attrs.push((key, name, value)),
        }
    });
}

fn class_attr(class: &'static Class, name: &str) -> Option<Value> {
    let mut cur = Some(class);
    while let Some(c) = cur {
        let key = c as *const Class;
        let found = CLASS_ATTRS.with(|attrs| {
            attrs.borrow().iter().find(|(k, n, _)| *k == key && *n == name).map(|(_, _, v)| v.clone())
        });
        if found.is_some() {
            return found;
        }
        cur = c.base;
    }
    None
}

/// `issubclass(class, base)`.
pub fn is_subclass(class: &'static Class, base: &'static Class) -> bool {
    let mut cur = Some(class);
    while let Some(c) = cur {
        if std::ptr::eq(c, base) {
            return true;
        }
        cur = c.base;
    }
    false
}

pub fn isinstance(v: &Value, class: &'static Class) -> bool {
    match v {
        Value::Object(o) => is_subclass(o.class, class),
        _ => false,
    }
}

/// `Class(args)`: a fresh instance initialised by `__init__`, if the class has one.
pub fn instantiate(class: &'static Class, args: Vec<Value>) -> PyResult<Value> {
    let obj = Value::Object(Rc::new(Object { class, fields: RefCell::new(Vec::new()) }));
    match find_method(class, "__init__") {
        Some(init) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj.clone());
            full.extend(args);
            init(full)?;
        }
        None if !args.is_empty() => {
            return type_error(format!("{}() takes no arguments", class.name));
        }
        None => {}
    }
    Ok(obj)
}

/// `obj.name`: instance attribute, class attribute, or bound method.
pub fn getattr(obj: &Value, name: &'static str) -> PyResult<Value> {
    if let Value::Exception(e) = obj {
        if name == "args" {
            return Ok(Value::tuple(e.args.to_vec()));
        }
    }
    if let Value::Native(n) = obj {
        return n.getattr(name);
    }
    if let Value::Object(o) = obj {
        if let Some((_, v)) = o.fields.borrow().iter().find(|(n, _)| *n == name) {
            return Ok(v.clone());
        }
        if let Some(v) = class_attr(o.class, name) {
            return Ok(v);
        }
        if let Some(m) = find_method(o.class, name) {
            let recv = obj.clone();
            return Ok(Value::func(name, move |args: Vec<Value>| {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(recv.clone());
                full.extend(args);
                m(full)
            }));
        }
    }
    crate::methods::no_attribute(obj, name)
}

/// `obj.name = value`.
pub fn setattr(obj: &Value, name: &'static str, value: Value) -> PyResult<()> {
    match obj {
        Value::Object(o) => {
            let mut fields = o.fields.borrow_mut();
            match fields.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = value,
                None => fields.push((name, value)),
            }
            Ok(())
        }
        _ => Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("'{}' object has no attribute '{}'", obj.type_name(), name),
        )),
    }
}

/// `obj.name(args)` on an instance: a stored callable or a method.
pub fn call_method(obj: &Value, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
    if !kw.is_empty() {
        return type_error(format!("{}() got keyword arguments the translator could not place", name));
    }
    if let Value::Object(o) = obj {
        let stored = o.fields.borrow().iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        if let Some(f) = stored {
            return crate::builtins::call(&f, pos);
        }
        if let Some(m) = find_method(o.class, name) {
            let mut full = Vec::with_capacity(pos.len() + 1);
            full.push(obj.clone());
            full.extend(pos);
            return m(full);
        }
    }
    crate::methods::no_attribute(obj, name)
}

/// Call a dunder method the class must define, or raise CPython's TypeError.
pub fn call_dunder(obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    match try_dunder(obj, name, args) {
        Some(r) => r,
        None => type_error(format!("'{}' object does not support {}", obj.type_name(), name)),
    }
}

fn try_dunder(obj: &Value, name: &str, args: Vec<Value>) -> Option<PyResult<Value>> {
    if let Value::Object(o) = obj {
        if let Some(m) = find_method(o.class, name) {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj.clone());
            full.extend(args);
            return Some(m(full));
        }
    }
    None
}

pub fn binary_dunder(a: &Value, name: &str, b: &Value) -> PyResult<Value> {
    call_dunder(a, name, vec![b.clone()])
}

pub fn unary_dunder(a: &Value, name: &str) -> PyResult<Value> {
    call_dunder(a, name, vec![])
}

pub fn object_str(v: &Value) -> String {
    match try_dunder(v, "__str__", vec![]) {
        Some(Ok(s)) => s.to_str(),
        _ => object_repr(v),
    }
}

pub fn object_repr(v: &Value) -> String {
    match try_dunder(v, "__repr__", vec![]) {
        Some(Ok(s)) => s.to_str(),
        _ => format!("<__main__.{} object>", v.type_name()),
    }
}

pub fn object_eq(a: &Value, b: &Value) -> bool {
    match try_dunder(a, "__eq__", vec![b.clone()]) {
        Some(Ok(r)) => r.truthy(),
        _ => a.is(b),
    }
}

pub fn object_compare(a: &Value, b: &Value, op: &str) -> PyResult<std::cmp::Ordering> {
    use std::cmp::Ordering;
    let lt = try_dunder(a, "__lt__", vec![b.clone()]);
    match lt {
        Some(r) => {
            if r?.truthy() {
                return Ok(Ordering::Less);
            }
            let gt = match try_dunder(b, "__lt__", vec![a.clone()]) {
                Some(r) => r?.truthy(),
                None => false,
            };
            Ok(if gt { Ordering::Greater } else { Ordering::Equal })
        }
        None => type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op,
            a.type_name(),
            b.type_name()
        )),
    }
}

pub fn object_len(v: &Value) -> PyResult<i64> {
    match try_dunder(v, "__len__", vec![]) {
        Some(r) => r?.to_int(),
        None => type_error(format!("object of type '{}' has no len()", v.type_name())),
    }
}

pub fn object_contains(container: &Value, item: &Value) -> PyResult<bool> {
    match try_dunder(container, "__contains__", vec![item.clone()]) {
        Some(r) => Ok(r?.truthy()),
        None => {
            let mut it = object_iter(container)?;
            while let Some(v) = it.next()? {
                if crate::ops::values_equal(&v, item) {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

pub fn object_truthy(o: &Rc<Object>) -> bool {
    let v = Value::Object(o.clone());
    if let Some(Ok(r)) = try_dunder(&v, "__bool__", vec![]) {
        return r.truthy();
    }
    match try_dunder(&v, "__len__", vec![]) {
        Some(Ok(r)) => r.truthy(),
        _ => true,
    }
}

/// `iter(obj)`: `__iter__` returning an iterator, or an object with `__next__`.
pub fn object_iter(v: &Value) -> PyResult<crate::iter::Iter> {
    match try_dunder(v, "__iter__", vec![]) {
        Some(r) => {
            let it = r?;
            if it.is(v) {
                let obj = v.clone();
                return Ok(crate::iter::Iter::Object(Rc::new(RefCell::new(PyIter {
                    next: Box::new(move || match call_dunder(&obj, "__next__", vec![]) {
                        Ok(x) => Ok(Some(x)),
                        Err(e) if e.matches(&STOP_ITERATION) => Ok(None),
                        Err(e) => Err(e),
                    }),
                }))));
            }
            crate::iter::iterate(&it)
        }
        None => type_error(format!("'{}' object is not iterable", v.type_name())),
    }
}
