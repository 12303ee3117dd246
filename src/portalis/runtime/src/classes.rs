//! User classes at run time: attribute lookup along the base chain, bound methods,
//! properties, `super()`, and the dunder methods that operators, `print`, `len`, `in`,
//! `for` and `with` fall back on.

use crate::builtin_bases::{builtin_base, builtin_part};
use crate::exc::*;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The method resolution order (after the class itself) of each class with several
    /// bases, computed by the translator (C3) and registered at the class statement.
    static MROS: RefCell<Vec<(*const Class, &'static [&'static Class])>> = RefCell::new(Vec::new());
}

/// `class C(A, B)`: C's linearisation after C.
pub fn set_mro(class: &'static Class, mro: &'static [&'static Class]) {
    MROS.with(|m| m.borrow_mut().push((class as *const Class, mro)));
}

fn registered_mro(class: &'static Class) -> Option<&'static [&'static Class]> {
    MROS.with(|m| {
        let m = m.borrow();
        if m.is_empty() {
            return None;
        }
        m.iter().find(|(c, _)| *c == class as *const Class).map(|(_, mro)| *mro)
    })
}

/// The first `Some` of `f` over `class` and its ancestors in method resolution order
/// (the base chain, or the registered MRO of a class with several bases).
pub(crate) fn along_mro<R>(class: &'static Class, mut f: impl FnMut(&'static Class) -> Option<R>) -> Option<R> {
    let mut cur = Some(class);
    while let Some(c) = cur {
        if let Some(r) = f(c) {
            return Some(r);
        }
        if let Some(mro) = registered_mro(c) {
            return mro.iter().find_map(|c| f(c));
        }
        cur = c.base;
    }
    None
}

/// `C.__mro__`: the class, its ancestors in resolution order, then object.
pub fn mro(class: &'static Class) -> Value {
    let mut items = Vec::new();
    along_mro(class, |c| {
        items.push(Value::Class(c));
        None::<()>
    });
    items.push(Value::Class(&OBJECT));
    Value::tuple(items)
}

/// The entry `name` of `class` or of its nearest ancestor that defines it, with its kind.
pub fn find_entry(class: &'static Class, name: &str, want: fn(MethodKind) -> bool) -> Option<(MethodKind, MethodFn)> {
    along_mro(class, |c| c.methods.iter().find(|(n, k, _)| *n == name && want(*k)).map(|(_, kind, f)| (*kind, *f)))
}

fn callable_kind(k: MethodKind) -> bool {
    !matches!(k, MethodKind::Getter | MethodKind::Setter)
}

/// The method `name` as (kind, function), skipping properties.
pub fn find_method(class: &'static Class, name: &str) -> Option<MethodFn> {
    find_entry(class, name, |k| k == MethodKind::Instance).map(|(_, f)| f)
}

thread_local! {
    /// Class attributes, by class: statics cannot hold `Value`s, so they live here.
    static CLASS_ATTRS: RefCell<Vec<(*const Class, &'static str, Value)>> = RefCell::new(Vec::new());
}

/// `class C: name = value` or `C.name = value`.
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
    along_mro(class, |c| {
        let key = c as *const Class;
        CLASS_ATTRS.with(|attrs| attrs.borrow().iter().find(|(k, n, _)| *k == key && *n == name).map(|(_, _, v)| v.clone()))
    })
}

/// `issubclass(class, base)`.
pub fn is_subclass(class: &'static Class, base: &'static Class) -> bool {
    along_mro(class, |c| if std::ptr::eq(c, base) { Some(()) } else { None }).is_some()
}

pub fn isinstance(v: &Value, class: &'static Class) -> bool {
    match v {
        Value::Object(o) => is_subclass(o.class, class),
        _ => false,
    }
}

fn with_receiver(recv: Value, args: Vec<Value>) -> Vec<Value> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(recv);
    full.extend(args);
    full
}

/// `Class(args)`: a fresh instance initialised by `__init__`, if the class has one.
pub fn instantiate(class: &'static Class, args: Vec<Value>) -> PyResult<Value> {
    if let Some((_, new)) = find_entry(class, "__new__", callable_kind) {
        let obj = new(with_receiver(Value::Class(class), args.clone()))?;
        if let (true, Some(init)) = (isinstance(&obj, class), find_method(class, "__init__")) {
            init(with_receiver(obj.clone(), args))?;
        }
        return Ok(obj);
    }
    let obj = Value::Object(blank_instance(class));
    let init = find_method(class, "__init__");
    if let Some(base) = builtin_base(class) {
        crate::builtin_bases::new_part(&base, &obj, &args, init.is_some())?;
        if init.is_none() {
            return Ok(obj);
        }
    }
    match init {
        Some(init) => {
            init(with_receiver(obj.clone(), args))?;
        }
        None if !args.is_empty() => {
            return type_error(format!("{}() takes no arguments", class.name));
        }
        None => {}
    }
    Ok(obj)
}

/// A new instance of `class` before `__init__`: its struct with blank fields, or an
/// object holding every attribute by name.
pub fn blank_instance(class: &'static Class) -> Rc<Object> {
    match class.alloc {
        Some(alloc) => alloc(class),
        None => Rc::new(Object { class, fields: RefCell::new(Vec::new()), data: () }),
    }
}

/// The instance attribute `name` of `o` (a typed field or one stored by name).
pub fn instance_attr(o: &Object, name: &str) -> Option<Value> {
    if let Some(v) = o.data.get(name) {
        return Some(v);
    }
    o.fields.borrow().iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
}

/// A method bound to its receiver, as a callable value.
fn bind(recv: Value, name: &str, f: MethodFn) -> Value {
    Value::func(name, move |args: Vec<Value>| f(with_receiver(recv.clone(), args)))
}

/// The class of `object()` sentinels: no methods, identity equality.
pub static OBJECT: Class = Class { name: "object", base: None, methods: &[], alloc: None };

/// `obj.name`: instance attribute, property, class attribute, or method.
pub fn getattr(obj: &Value, name: &'static str) -> PyResult<Value> {
    match obj {
        Value::Object(o) => {
            if let Some(v) = instance_attr(o, name) {
                return Ok(v);
            }
            if let Some((kind, f)) = find_entry(o.class, name, |k| k != MethodKind::Setter) {
                return match kind {
                    MethodKind::Getter => f(vec![obj.clone()]),
                    MethodKind::Instance => Ok(bind(obj.clone(), name, f)),
                    MethodKind::Class => Ok(bind(Value::Class(o.class), name, f)),
                    _ => Ok(Value::func(name, f)),
                };
            }
            if let Some(v) = class_attr(o.class, name) {
                return Ok(v);
            }
            if name == "__class__" {
                return Ok(Value::Class(o.class));
            }
            if let Some(attr) = crate::builtin_bases::part_attribute(obj, name) {
                return attr;
            }
            if let Some(attr) = getattr_hook(obj, name) {
                return attr;
            }
        }
        Value::Class(c) if name == "__name__" => return Ok(Value::str(c.name)),
        Value::Class(c) => return class_getattr(c, name),
        // A library class is named with its module (`collections.deque`); `__name__` is the last part.
        Value::Func(f) if name == "__name__" => return Ok(Value::str(f.name.rsplit('.').next().unwrap_or(""))),
        Value::Iter(_) if name == "__next__" => {
            let it = obj.clone();
            return Ok(Value::func("__next__", move |_| crate::iter::next(&it, None)));
        }
        Value::Func(f) if name == "__doc__" => return Ok(f.doc.map_or(Value::None, Value::str)),
        Value::Func(f) if f.attrs.borrow().iter().any(|(n, _)| *n == name) => {
            return Ok(f.attrs.borrow().iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).unwrap_or_default())
        }
        Value::Exception(e) => {
            return match &e.instance {
                _ if name == "__cause__" => Ok(e.cause.clone().unwrap_or(Value::None)),
                Some(inst) if name != "args" => getattr(inst, name),
                _ if name == "value" && e.ty.is_subclass_of(&STOP_ITERATION) => Ok(e.args.first().cloned().unwrap_or(Value::None)),
                _ if name == "code" && e.ty.is_subclass_of(&SYSTEM_EXIT) => Ok(match e.args.len() {
                    0 => Value::None,
                    1 => e.args[0].clone(),
                    _ => Value::tuple(e.args.to_vec()),
                }),
                _ if name == "args" => Ok(Value::tuple(e.shown_args().to_vec())),
                _ if e.json_error_parts().is_some() && matches!(name, "msg" | "doc" | "pos" | "lineno" | "colno") => {
                    let index = ["msg", "doc", "pos", "lineno", "colno"].iter().position(|n| *n == name).unwrap_or(0);
                    Ok(e.json_error_parts().map_or(Value::None, |parts| parts[index].clone()))
                }
                _ if matches!(name, "errno" | "strerror" | "filename") && e.ty.is_subclass_of(&OS_ERROR) => {
                    Ok(match (e.os_error_parts(), name) {
                        (Some((errno, _, _)), "errno") => Value::Int(errno),
                        (Some((_, text, _)), "strerror") => text,
                        (Some((_, _, filename)), "filename") => filename,
                        _ => Value::None,
                    })
                }
                _ => crate::methods::no_attribute(obj, name),
            }
        }
        Value::Native(n) => return n.getattr(name),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) if number_attribute(obj, name).is_some() => {
            return Ok(number_attribute(obj, name).unwrap_or_default())
        }
        Value::Str(_) | Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_) | Value::FrozenSet(_)
        | Value::Int(_) | Value::Float(_) => return Ok(crate::methods::bound_method(obj, name)),
        _ => {}
    }
    crate::methods::no_attribute(obj, name)
}

/// The data attributes of ints and floats: `real`, `imag`, `numerator`, `denominator`.
fn number_attribute(v: &Value, name: &str) -> Option<Value> {
    let int = match v {
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(_) => {
            return match name {
                "real" => Some(v.clone()),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            }
        }
        _ => v.clone(),
    };
    match name {
        "real" | "numerator" => Some(int),
        "imag" => Some(Value::Int(0)),
        "denominator" => Some(Value::Int(1)),
        _ => None,
    }
}

/// `Class.name`: a class attribute, or a function of the class.
pub fn class_getattr(class: &'static Class, name: &'static str) -> PyResult<Value> {
    if let Some(v) = class_attr(class, name) {
        return Ok(v);
    }
    if name == "__mro__" {
        return Ok(mro(class));
    }
    if name == "__name__" {
        return Ok(Value::str(class.name));
    }
    match find_entry(class, name, callable_kind) {
        Some((MethodKind::Class, f)) => Ok(bind(Value::Class(class), name, f)),
        Some((_, f)) => Ok(Value::func(name, f)),
        None => Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("type object '{}' has no attribute '{}'", class.name, name),
        )),
    }
}

/// `obj.name = value`, through a property setter or `__setattr__` when the class has one.
pub fn setattr(obj: &Value, name: &'static str, value: Value) -> PyResult<()> {
    if let Value::Object(o) = obj {
        if let Some((_, setter)) = find_entry(o.class, name, |k| k == MethodKind::Setter) {
            return setter(vec![obj.clone(), value]).map(|_| ());
        }
        if let Some(hook) = find_method(o.class, "__setattr__") {
            return hook(vec![obj.clone(), Value::str(name), value]).map(|_| ());
        }
    }
    set_field(obj, name, value).map(|_| ())
}

/// `object.__setattr__(obj, name, value)`: store the attribute, bypassing the class's hooks.
pub fn set_field(obj: &Value, name: &'static str, value: Value) -> PyResult<Value> {
    match obj {
        Value::Object(o) => {
            if o.data.set(name, &value)? {
                return Ok(Value::None);
            }
            let mut fields = o.fields.borrow_mut();
            match fields.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = value,
                None => fields.push((name, value)),
            }
            Ok(Value::None)
        }
        Value::Class(c) => {
            set_class_attr(c, name, value);
            Ok(Value::None)
        }
        Value::Native(n) => n.setattr(name, value).map(|_| Value::None),
        Value::Func(f) => {
            let mut attrs = f.attrs.borrow_mut();
            match attrs.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = value,
                None => attrs.push((name, value)),
            }
            Ok(Value::None)
        }
        _ => Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("'{}' object has no attribute '{}'", obj.type_name(), name),
        )),
    }
}

/// `type(obj).__getattr__(obj, name)`, the fallback for attributes an instance lacks.
fn getattr_hook(obj: &Value, name: &str) -> Option<PyResult<Value>> {
    match obj {
        Value::Object(o) if name != "__getattr__" => {
            find_method(o.class, "__getattr__").map(|hook| hook(vec![obj.clone(), Value::str(name)]))
        }
        _ => None,
    }
}

/// `obj.name(args)` on an instance or a class.
pub fn call_method(obj: &Value, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
    let pos = crate::callargs::with_kwargs(pos, kw);
    let class = match obj {
        Value::Object(o) => {
            let stored = instance_attr(o, name);
            if let Some(f) = stored {
                return crate::builtins::call(&f, pos);
            }
            o.class
        }
        Value::Class(c) if std::ptr::eq(*c, &OBJECT) && name == "__new__" => return object_new(&pos),
        Value::Class(c) => c,
        _ => return crate::methods::no_attribute(obj, name),
    };
    match find_entry(class, name, callable_kind) {
        Some((MethodKind::Instance, f)) if matches!(obj, Value::Object(_)) => f(with_receiver(obj.clone(), pos)),
        Some((MethodKind::Class, f)) => f(with_receiver(Value::Class(class), pos)),
        Some((_, f)) => f(pos),
        None => match class_attr(class, name) {
            Some(v) => crate::builtins::call(&v, pos),
            None if builtin_part(obj).is_some() => {
                crate::builtin_bases::part_method(obj, name, pos).unwrap_or_else(|| crate::methods::no_attribute(obj, name))
            }
            None => match getattr_hook(obj, name) {
                Some(attr) => crate::builtins::call(&attr?, pos),
                None => crate::methods::no_attribute(obj, name),
            },
        },
    }
}

/// `object.__new__(cls, ...)` (directly, or where `super().__new__` reaches `object`): a
/// blank instance of `cls`, holding a value of its built-in base if it has one.
fn object_new(args: &[Value]) -> PyResult<Value> {
    match args.split_first() {
        Some((Value::Class(cls), rest)) => match builtin_base(cls) {
            Some(base) => crate::builtin_bases::new_instance(cls, &base, rest.to_vec()),
            None => Ok(Value::Object(blank_instance(cls))),
        },
        _ => type_error("object.__new__(X): X is not a type object"),
    }
}

/// `super().name(args)` inside a method of `class`: the method of the first class after
/// `class` in the receiver's method resolution order that defines it.
pub fn call_super(class: &'static Class, name: &str, recv: &Value, args: Vec<Value>) -> PyResult<Value> {
    let owner = match recv {
        Value::Object(o) => o.class,
        Value::Class(c) => c,
        _ => class,
    };
    let mut lineage = Vec::new();
    along_mro(owner, |c| {
        lineage.push(c);
        None::<()>
    });
    let after = match lineage.iter().position(|c| std::ptr::eq(*c, class)) {
        Some(at) => &lineage[at + 1..],
        None => &lineage[lineage.len()..],
    };
    let found = after.iter().find_map(|c| c.methods.iter().find(|(n, k, _)| *n == name && callable_kind(*k)));
    match found {
        Some((_, MethodKind::Instance, f)) => f(with_receiver(recv.clone(), args)),
        Some((_, MethodKind::Class, f)) => f(with_receiver(Value::Class(owner), args)),
        Some((_, _, f)) => f(args),
        None if name == "__new__" => object_new(&args),
        None => match builtin_part(recv) {
            Some(part) if name.starts_with("__") => crate::builtin_bases::part_dunder(recv, &part, name, &args)
                .unwrap_or_else(|| Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'super' object has no attribute '{}'", name)))),
            Some(part) => crate::methods::call_method(&part, name, args),
            None if name == "__init__" => init_exception_args(recv, args),
            None => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'super' object has no attribute '{}'", name))),
        },
    }
}

/// Call a dunder method the class must define, or raise CPython's TypeError.
pub fn call_dunder(obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    match try_dunder(obj, name, args) {
        Some(r) => r,
        None => type_error(format!("'{}' object does not support {}", obj.type_name(), name)),
    }
}

pub fn try_dunder(obj: &Value, name: &str, args: Vec<Value>) -> Option<PyResult<Value>> {
    if let (Value::Native(n), "__exit__") = (obj, name) {
        return Some(n.call_method(name, args, vec![]));
    }
    if let Value::Object(o) = obj {
        if let Some(m) = find_method(o.class, name) {
            return Some(m(with_receiver(obj.clone(), args)));
        }
        if let Some(part) = builtin_part(obj) {
            return crate::builtin_bases::part_dunder(obj, &part, name, &args);
        }
    }
    None
}

/// `a op b` for an instance: `__op__`, else the right operand's `__rop__`.
pub fn binary_dunder(a: &Value, name: &str, b: &Value) -> PyResult<Value> {
    if let Some(r) = try_dunder(a, name, vec![b.clone()]) {
        return r;
    }
    let reflected = format!("__r{}", &name[2..]);
    if let Some(r) = try_dunder(b, &reflected, vec![a.clone()]) {
        return r;
    }
    if let Some(r) = crate::builtin_bases::binary_on_parts(a, name, b) {
        return r;
    }
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        name.trim_matches('_'),
        a.type_name(),
        b.type_name()
    ))
}

pub fn unary_dunder(a: &Value, name: &str) -> PyResult<Value> {
    call_dunder(a, name, vec![])
}

pub fn object_str(v: &Value) -> String {
    match try_dunder(v, "__str__", vec![]) {
        Some(Ok(s)) => s.to_str(),
        Some(Err(e)) => text_failed(e),
        None => object_repr(v),
    }
}

pub fn object_repr(v: &Value) -> String {
    match try_dunder(v, "__repr__", vec![]) {
        Some(Ok(s)) => s.to_str(),
        Some(Err(e)) => text_failed(e),
        None => format!("<__main__.{} object>", v.type_name()),
    }
}

thread_local! {
    /// The first error a `__str__`/`__repr__` raised inside an infallible text conversion.
    static TEXT_ERROR: RefCell<Option<PyErr>> = RefCell::new(None);
}

fn text_failed(e: PyErr) -> String {
    TEXT_ERROR.with(|slot| {
        slot.borrow_mut().get_or_insert(e);
    });
    String::new()
}

/// `text()` (a conversion that may run user `__str__`/`__repr__` methods), or the
/// exception one of them raised: print(obj), str(obj), f"{obj}" raise it as CPython does.
pub fn checked_text(text: impl FnOnce() -> String) -> PyResult<String> {
    TEXT_ERROR.with(|slot| slot.borrow_mut().take());
    let s = text();
    match TEXT_ERROR.with(|slot| slot.borrow_mut().take()) {
        Some(e) => Err(e),
        None => Ok(s),
    }
}

pub fn object_eq(a: &Value, b: &Value) -> bool {
    match try_dunder(a, "__eq__", vec![b.clone()]) {
        Some(Ok(r)) => r.truthy(),
        _ => a.is(b),
    }
}

/// `hash(obj)`: `__hash__` when defined, else identity.
pub fn object_hash(v: &Value) -> i64 {
    match try_dunder(v, "__hash__", vec![]) {
        Some(Ok(Value::Int(h))) => h,
        _ => match v {
            Value::Object(o) => Rc::as_ptr(o) as *const u8 as usize as i64 >> 4,
            _ => 0,
        },
    }
}

/// `a op b` (op one of `<`, `<=`, `>`, `>=`) with an instance on either side: the left
/// operand's method, else the right operand's reflection (`a < b` is `b.__gt__(a)`).
pub fn rich_compare(a: &Value, b: &Value, op: &str) -> Option<PyResult<Value>> {
    let (method, reflected) = match op {
        "<" => ("__lt__", "__gt__"),
        "<=" => ("__le__", "__ge__"),
        ">" => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    };
    try_dunder(a, method, vec![b.clone()]).or_else(|| try_dunder(b, reflected, vec![a.clone()]))
}

pub fn object_compare(a: &Value, b: &Value, op: &str) -> PyResult<std::cmp::Ordering> {
    use std::cmp::Ordering;
    let less = |x: &Value, y: &Value| -> Option<PyResult<bool>> {
        try_dunder(x, "__lt__", vec![y.clone()])
            .or_else(|| try_dunder(y, "__gt__", vec![x.clone()]))
            .map(|r| r.map(|v| v.truthy()))
    };
    match less(a, b) {
        Some(r) => {
            if r? {
                return Ok(Ordering::Less);
            }
            let greater = match less(b, a) {
                Some(r) => r?,
                None => false,
            };
            Ok(if greater { Ordering::Greater } else { Ordering::Equal })
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
    let it = match try_dunder(v, "__iter__", vec![]) {
        Some(r) => r?,
        None if find_method_of(v, "__getitem__") => return index_iter(v),
        None => return type_error(format!("'{}' object is not iterable", v.type_name())),
    };
    if let Value::Object(_) = it {
        let obj = it.clone();
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

fn find_method_of(v: &Value, name: &str) -> bool {
    matches!(v, Value::Object(o) if find_method(o.class, name).is_some())
}

/// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError.
fn index_iter(v: &Value) -> PyResult<crate::iter::Iter> {
    let obj = v.clone();
    let mut i = 0;
    Ok(crate::iter::Iter::Object(Rc::new(RefCell::new(PyIter {
        next: Box::new(move || {
            i += 1;
            match call_dunder(&obj, "__getitem__", vec![Value::Int(i - 1)]) {
                Ok(x) => Ok(Some(x)),
                Err(e) if e.matches(&INDEX_ERROR) || e.matches(&STOP_ITERATION) => Ok(None),
                Err(e) => Err(e),
            }
        }),
    }))))
}

/// `with mgr as x:` entry.
pub fn enter(mgr: &Value) -> PyResult<Value> {
    if let Value::Native(n) = mgr {
        return n.call_method("__enter__", vec![mgr.clone()], vec![]); // files return themselves
    }
    call_dunder(mgr, "__enter__", vec![])
}

/// `with` exit: `__exit__` with the error (if any); a true answer swallows it.
pub fn exit(mgr: &Value, error: Option<PyErr>) -> PyResult<()> {
    match error {
        None => call_dunder(mgr, "__exit__", vec![Value::None, Value::None, Value::None]).map(|_| ()),
        Some(e) => {
            let exc = Value::Exception(Rc::new(e.clone()));
            let swallow = call_dunder(mgr, "__exit__", vec![Value::str(e.ty.short_name()), exc, Value::None])?;
            if swallow.truthy() {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

thread_local! {
    /// One value per built-in type, so `type(a) == type(b)` compares identities.
    static BUILTIN_TYPES: RefCell<Vec<(&'static str, Value)>> = RefCell::new(Vec::new());
}

/// `type(v)`: the class of an instance, or the built-in type as a callable value.
pub fn type_of(v: &Value) -> Value {
    if let Value::Object(o) = v {
        return Value::Class(o.class);
    }
    let name = v.type_name();
    BUILTIN_TYPES.with(|types| {
        let mut types = types.borrow_mut();
        if let Some((_, t)) = types.iter().find(|(n, _)| *n == name) {
            return t.clone();
        }
        let t = crate::builtins::builtin_value(name);
        types.push((name, t.clone()));
        t
    })
}

/// `super().__init__(*args)` reaching the built-in Exception: remember the args.
fn init_exception_args(recv: &Value, args: Vec<Value>) -> PyResult<Value> {
    if let Value::Object(o) = recv {
        let mut fields = o.fields.borrow_mut();
        fields.retain(|(n, _)| *n != "args");
        fields.push(("args", Value::tuple(args)));
    }
    Ok(Value::None)
}

/// `raise E(args)` / `E(args)` for a user exception class with a body: the instance
/// (its `__init__` run) carried inside the error.
pub fn new_exception(class: &'static Class, ty: &'static ExcType, args: Vec<Value>) -> PyResult<PyErr> {
    let obj = if find_method(class, "__init__").is_some() {
        instantiate(class, args.clone())?
    } else {
        let obj = instantiate(class, Vec::new())?;
        init_exception_args(&obj, args.clone())?;
        obj
    };
    let stored = match &obj {
        Value::Object(o) => o.fields.borrow().iter().find(|(n, _)| *n == "args").map(|(_, v)| v.clone()),
        _ => None,
    };
    let args = match stored {
        Some(Value::Tuple(t)) => t.as_ref().clone(),
        _ => Vec::new(),
    };
    Ok(PyErr { ty, args: Rc::new(args), instance: Some(obj), cause: None, trace: None })
}

/// `str(e)` for an exception instance whose class defines `__str__`.
pub fn exception_str(instance: &Value) -> Option<String> {
    match try_dunder(instance, "__str__", vec![]) {
        Some(Ok(s)) => Some(s.to_str()),
        _ => None,
    }
}

/// `Color["RED"]`: an enum member by name.
pub fn class_member(class: &'static Class, key: &Value) -> PyResult<Value> {
    let name = key.to_str();
    let found = CLASS_ATTRS.with(|attrs| {
        attrs.borrow().iter().find(|(c, n, _)| std::ptr::eq(*c, class) && *n == name).map(|(_, _, v)| v.clone())
    });
    match found {
        Some(v) => Ok(v),
        None => key_error(key),
    }
}
