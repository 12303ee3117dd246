//! Subclasses of built-in types (`class Stack(list)`, `class Name(str)`,
//! `class Fr(Fraction)`): each instance carries a value of the built-in type, its
//! *built-in part*, which the class's own methods never see directly.  What the class
//! does not define falls through to that part (`len`, indexing, iteration, printing,
//! operators, the type's methods), as CPython's inherited slots do; results of the
//! built-in operations are plain built-in values (`Stack([1]) + [2]` is a list).

use crate::exc::*;
use crate::value::*;
use std::cell::RefCell;

thread_local! {
    /// The built-in type (its constructor as a value) each such class derives from
    /// directly, registered at the class statement.
    static BASES: RefCell<Vec<(*const Class, Value)>> = RefCell::new(Vec::new());
}

/// The name under which an instance keeps its built-in part among its attributes: not
/// an identifier, so no Python code can reach it.
pub const PART: &str = "<built-in part>";

/// `class C(list)`: C's instances carry a list.
pub fn set_builtin_base(class: &'static Class, base: Value) {
    BASES.with(|b| b.borrow_mut().push((class as *const Class, base)));
}

/// The built-in type `class` derives from (directly or through its bases).
pub fn builtin_base(class: &'static Class) -> Option<Value> {
    if BASES.with(|b| b.borrow().is_empty()) {
        return None;
    }
    crate::classes::along_mro(class, |c| {
        BASES.with(|b| b.borrow().iter().find(|(k, _)| *k == c as *const Class).map(|(_, v)| v.clone()))
    })
}

/// The built-in part of an instance of such a class.
pub fn builtin_part(v: &Value) -> Option<Value> {
    match v {
        Value::Object(o) => o.fields.borrow().iter().find(|(n, _)| *n == PART).map(|(_, v)| v.clone()),
        _ => None,
    }
}

/// `v`, or its built-in part: what a built-in operation on it works on.
pub fn as_builtin(v: &Value) -> Value {
    builtin_part(v).unwrap_or_else(|| v.clone())
}

fn set_part(obj: &Value, part: Value) {
    if let Value::Object(o) = obj {
        let mut fields = o.fields.borrow_mut();
        match fields.iter_mut().find(|(n, _)| *n == PART) {
            Some(slot) => slot.1 = part,
            None => fields.insert(0, (PART, part)),
        }
    }
}

fn is_mutable(v: &Value) -> bool {
    matches!(v, Value::List(_) | Value::Dict(_) | Value::Set(_))
}

/// A fresh instance's built-in part, as the type's `__new__` makes it: an immutable
/// value from the constructor's arguments; an empty container when the class's own
/// `__init__` will fill it (through `super().__init__`), else one filled from them.
pub fn new_part(base: &Value, obj: &Value, args: &[Value], has_init: bool) -> PyResult<()> {
    let args: Vec<Value> = args.iter().map(as_builtin).collect();
    let part = if has_init {
        let empty = crate::builtins::call(base, Vec::new())?;
        if is_mutable(&empty) {
            empty
        } else {
            crate::builtins::call(base, args)?
        }
    } else {
        crate::builtins::call(base, args)?
    };
    set_part(obj, part);
    Ok(())
}

/// `super().__init__(args)` reaching the built-in type: a container takes the items.
pub fn init_part(obj: &Value, args: Vec<Value>) -> PyResult<Value> {
    if let (Some(part), Value::Object(o)) = (builtin_part(obj), obj) {
        if let (true, Some(base)) = (is_mutable(&part), builtin_base(o.class)) {
            let args = args.iter().map(as_builtin).collect();
            set_part(obj, crate::builtins::call(&base, args)?);
        }
    }
    Ok(Value::None)
}

/// `super().__new__(cls, args)` reaching the built-in type: a new instance of `cls`
/// whose part is made from `args`.
pub fn new_instance(class: &'static Class, base: &Value, args: Vec<Value>) -> PyResult<Value> {
    let obj = Value::Object(crate::classes::blank_instance(class));
    let args = args.iter().map(as_builtin).collect();
    set_part(&obj, crate::builtins::call(base, args)?);
    Ok(obj)
}

/// The dunder method `name` of the built-in type, applied to `obj`'s part (`None`
/// where the type has no such method).
pub fn part_dunder(obj: &Value, part: &Value, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    let args: Vec<Value> = args.iter().map(as_builtin).collect();
    Some(match (name, args.as_slice()) {
        // Only str and Fraction print differently from their repr; the others inherit
        // object.__str__, which calls the class's own __repr__.
        ("__str__", _) => Ok(match part {
            Value::Str(_) => part.clone(),
            Value::Native(n) if n.str() != n.repr() => Value::string(n.str()),
            _ => Value::string(crate::classes::object_repr(obj)),
        }),
        ("__repr__", _) => Ok(Value::string(part_repr(obj, part))),
        ("__bool__", _) => Ok(Value::Bool(part.truthy())),
        ("__int__" | "__index__", _) => crate::builtins::int(Some(part), None),
        ("__float__", _) => crate::builtins::float(Some(part)),
        ("__round__", _) => crate::builtins::round(part, args.first()),
        ("__getitem__", [key]) if matches!(part, Value::Dict(_)) => match crate::ops::getitem(part, key) {
            Err(e) if e.matches(&KEY_ERROR) => match crate::classes::try_dunder(obj, "__missing__", vec![key.clone()]) {
                Some(r) => r,
                None => Err(e),
            },
            r => r,
        },
        ("__setitem__", [k, v]) => crate::ops::setitem(part, k, v.clone()).map(|_| Value::None),
        ("__delitem__", [k]) => crate::ops::delitem(part, k).map(|_| Value::None),
        ("__iadd__", [other]) if is_mutable(part) => crate::ops::iadd(part, other).map(|_| obj.clone()),
        ("__init__", _) => init_part(obj, args),
        _ => return crate::methods::operator_dunder(part, name, &args),
    })
}

/// The repr of the part, under the class's name where the type's repr names its type
/// (`Tags({1, 2})` for a set subclass, `Tally({'a': 1})` for a Counter subclass).
fn part_repr(obj: &Value, part: &Value) -> String {
    let text = part.repr();
    let own = obj.type_name();
    match part {
        Value::Set(_) | Value::FrozenSet(_) if text.starts_with('{') => format!("{}({})", own, text),
        Value::Set(_) | Value::FrozenSet(_) => format!("{}()", own),
        Value::Dict(d) if d.borrow().kind == DictKind::Dict => text,
        Value::Dict(_) | Value::Native(_) if part.type_name() != "Decimal" && part.type_name() != "complex" => {
            match text.find('(') {
                Some(at) => format!("{}{}", own, &text[at..]),
                None => text,
            }
        }
        _ => text,
    }
}

/// `a op b` where the classes involved define no `op`: the built-in operation on the parts.
pub fn binary_on_parts(a: &Value, name: &str, b: &Value) -> Option<PyResult<Value>> {
    if builtin_part(a).is_none() && builtin_part(b).is_none() {
        return None;
    }
    crate::methods::operator_dunder(&as_builtin(a), name, &[as_builtin(b)])
}

/// `obj.name` / `obj.name(args)` for a name the class does not define: the built-in
/// type's attribute or method.
pub fn part_attribute(obj: &Value, name: &'static str) -> Option<PyResult<Value>> {
    builtin_part(obj).map(|part| own_error(obj, &part, name, crate::classes::getattr(&part, name)))
}

pub fn part_method(obj: &Value, name: &str, pos: Vec<Value>) -> Option<PyResult<Value>> {
    builtin_part(obj).map(|part| own_error(obj, &part, name, crate::methods::call_method(&part, name, pos)))
}

/// The part's "no attribute" error, naming the class as CPython does.
fn own_error(obj: &Value, part: &Value, name: &str, r: PyResult<Value>) -> PyResult<Value> {
    match r {
        Err(e) if e.matches(&ATTRIBUTE_ERROR)
            && e.message() == format!("'{}' object has no attribute '{}'", part.type_name(), name) =>
        {
            crate::methods::no_attribute(obj, name)
        }
        r => r,
    }
}
