//! Attributes by computed name: `getattr`, `setattr`, `hasattr` and `delattr`, and
//! `del obj.attr`.  Attribute names are `&'static str` in objects, so a name built at
//! run time is interned (leaked once per distinct name).

use crate::exc::*;
use crate::value::*;
use std::cell::RefCell;

thread_local! {
    static NAMES: RefCell<Vec<&'static str>> = RefCell::new(Vec::new());
}

/// The `&'static str` for an attribute name given as a value.
pub fn intern(name: &Value) -> PyResult<&'static str> {
    let s = match name {
        Value::Str(s) => s.clone(),
        _ => return type_error(format!("attribute name must be string, not '{}'", name.type_name())),
    };
    Ok(NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(n) = names.iter().find(|n| **n == &*s) {
            return *n;
        }
        let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
        names.push(leaked);
        leaked
    }))
}

/// `getattr(obj, name[, default])`.
pub fn getattr(obj: &Value, name: &Value, default: Option<&Value>) -> PyResult<Value> {
    let name = intern(name)?;
    if is_builtin_value(obj) && !builtin_attrs(obj).split(' ').any(|n| n == name) {
        return match default {
            Some(d) => Ok(d.clone()),
            None => crate::methods::no_attribute(obj, name),
        };
    }
    match crate::classes::getattr(obj, name) {
        Err(e) if default.is_some() && e.matches(&ATTRIBUTE_ERROR) => Ok(default.cloned().unwrap_or_default()),
        other => other,
    }
}

/// `hasattr(obj, name)`: whether `getattr` succeeds (other errors propagate).
pub fn hasattr(obj: &Value, name: &Value) -> PyResult<Value> {
    match getattr(obj, name, None) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

/// `setattr(obj, name, value)`.
pub fn setattr(obj: &Value, name: &Value, value: Value) -> PyResult<Value> {
    crate::classes::setattr(obj, intern(name)?, value)?;
    Ok(Value::None)
}

/// `delattr(obj, name)`.
pub fn delattr(obj: &Value, name: &Value) -> PyResult<Value> {
    del_attribute(obj, intern(name)?)?;
    Ok(Value::None)
}

/// `del obj.name`: remove an instance attribute.
pub fn del_attribute(obj: &Value, name: &str) -> PyResult<()> {
    if let Value::Object(o) = obj {
        let mut fields = o.fields.borrow_mut();
        if let Some(i) = fields.iter().position(|(n, _)| *n == name) {
            fields.remove(i);
            return Ok(());
        }
    }
    Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute '{}'", obj.type_name(), name)))
}

fn is_builtin_value(obj: &Value) -> bool {
    !matches!(obj, Value::Object(_) | Value::Class(_) | Value::Exception(_) | Value::Native(_) | Value::Func(_) | Value::Iter(_))
}

/// The names `dir()` lists for a built-in type in CPython 3.11, space-separated.
fn builtin_attrs(obj: &Value) -> &'static str {
    match obj {
        Value::Str(_) => concat!(
            "__add__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ ",
            "__getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ ",
            "__init_subclass__ __iter__ __le__ __len__ __lt__ __mod__ __mul__ __ne__ __new__ __reduce__ ",
            "__reduce_ex__ __repr__ __rmod__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ ",
            "capitalize casefold center count encode endswith expandtabs find format format_map index ",
            "isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable ",
            "isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix ",
            "removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines ",
            "startswith strip swapcase title translate upper zfill "
        ),
        Value::List(_) => concat!(
            "__add__ __class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ __doc__ ",
            "__eq__ __format__ __ge__ __getattribute__ __getitem__ __getstate__ __gt__ __hash__ ",
            "__iadd__ __imul__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ ",
            "__new__ __reduce__ __reduce_ex__ __repr__ __reversed__ __rmul__ __setattr__ __setitem__ ",
            "__sizeof__ __str__ __subclasshook__ append clear copy count extend index insert pop remove ",
            "reverse sort "
        ),
        Value::Dict(_) => concat!(
            "__class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ __doc__ __eq__ ",
            "__format__ __ge__ __getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ ",
            "__init_subclass__ __ior__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __reduce__ ",
            "__reduce_ex__ __repr__ __reversed__ __ror__ __setattr__ __setitem__ __sizeof__ __str__ ",
            "__subclasshook__ clear copy fromkeys get items keys pop popitem setdefault update values "
        ),
        Value::Set(_) => concat!(
            "__and__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ ",
            "__format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __iand__ __init__ ",
            "__init_subclass__ __ior__ __isub__ __iter__ __ixor__ __le__ __len__ __lt__ __ne__ __new__ ",
            "__or__ __rand__ __reduce__ __reduce_ex__ __repr__ __ror__ __rsub__ __rxor__ __setattr__ ",
            "__sizeof__ __str__ __sub__ __subclasshook__ __xor__ add clear copy difference ",
            "difference_update discard intersection intersection_update isdisjoint issubset issuperset ",
            "pop remove symmetric_difference symmetric_difference_update union update "
        ),
        Value::FrozenSet(_) => concat!(
            "__and__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ ",
            "__format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ ",
            "__iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__ __reduce_ex__ ",
            "__repr__ __ror__ __rsub__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ ",
            "__xor__ copy difference intersection isdisjoint issubset issuperset symmetric_difference ",
            "union "
        ),
        Value::Tuple(_) => concat!(
            "__add__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ ",
            "__format__ __ge__ __getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ ",
            "__init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ ",
            "__reduce__ __reduce_ex__ __repr__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ ",
            "count index "
        ),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => concat!(
            "__abs__ __add__ __and__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ ",
            "__eq__ __float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ __getnewargs__ ",
            "__getstate__ __gt__ __hash__ __index__ __init__ __init_subclass__ __int__ __invert__ ",
            "__le__ __lshift__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__ __or__ __pos__ __pow__ ",
            "__radd__ __rand__ __rdivmod__ __reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rlshift__ ",
            "__rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ ",
            "__rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __truediv__ __trunc__ ",
            "__xor__ as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag ",
            "numerator real to_bytes "
        ),
        Value::Float(_) => concat!(
            "__abs__ __add__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__ ",
            "__float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ __getformat__ ",
            "__getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __int__ __le__ ",
            "__lt__ __mod__ __mul__ __ne__ __neg__ __new__ __pos__ __pow__ __radd__ __rdivmod__ ",
            "__reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ ",
            "__rsub__ __rtruediv__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __truediv__ ",
            "__trunc__ as_integer_ratio conjugate fromhex hex imag is_integer real "
        ),
        Value::Range(_) => concat!(
            "__bool__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ ",
            "__getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ ",
            "__iter__ __le__ __len__ __lt__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ ",
            "__reversed__ __setattr__ __sizeof__ __str__ __subclasshook__ count index start step stop "
        ),
        Value::None => concat!(
            "__bool__ __class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ ",
            "__getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ ",
            "__reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__ "
        ),
        _ => "",
    }
}

/// `f.attr` for a module function the program set `attr` on: its value, or CPython's
/// AttributeError before the assignment ran.
pub fn function_attribute(value: Value, attr: &str) -> PyResult<Value> {
    if value.is_unbound() {
        return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'function' object has no attribute '{}'", attr)));
    }
    Ok(value)
}
