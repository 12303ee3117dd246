//! `functools`: reduce, wraps, update_wrapper, and the callable objects `partial` and `cmp_to_key`.

use crate::builtins::call as call_value;
use crate::exc::*;
use crate::iter::iterate;
use crate::methods::Args;
use crate::ops;
use crate::stdlib::collections::no_attribute;
use crate::value::*;
use std::cmp::Ordering;
use std::rc::Rc;

/// `functools.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "functools.reduce" => reduce(a.req(0, "function")?, a.req(1, "iterable")?, a.get(2, "initial")),
        "functools.cmp_to_key" => Ok(Value::Native(Rc::new(CmpToKey(a.req(0, "mycmp")?.clone())))),
        "functools.partial" => {
            let mut pos = a.pos.clone();
            if pos.is_empty() {
                return type_error("type 'partial' takes at least one argument");
            }
            let func = pos.remove(0);
            let keywords = a.kw.iter().map(|(k, v)| (Rc::from(*k), v.clone())).collect();
            Ok(Value::Native(Rc::new(Partial { func, args: pos, keywords })))
        }
        "functools.wraps" => {
            let wrapped = a.req(0, "wrapped")?.clone();
            Ok(Value::func("wraps", move |args: Vec<Value>| {
                Ok(update_wrapper(args.into_iter().next().unwrap_or_default(), &wrapped))
            }))
        }
        "functools.update_wrapper" => Ok(update_wrapper(a.req(0, "wrapper")?.clone(), a.req(1, "wrapped")?)),
        _ => type_error(format!("{} is not available", name)),
    }
}

/// `update_wrapper(wrapper, wrapped)`: the wrapper under the wrapped function's name and
/// docstring, with its attributes and `__wrapped__`.
fn update_wrapper(wrapper: Value, wrapped: &Value) -> Value {
    let name = match crate::classes::getattr(wrapped, "__name__") {
        Ok(Value::Str(s)) => s.to_string(),
        _ => "wrapper".to_string(),
    };
    let mut attrs = match (wrapped, &wrapper) {
        (Value::Func(from), Value::Func(to)) => {
            let mut attrs = to.attrs.borrow().clone();
            attrs.extend(from.attrs.borrow().iter().cloned());
            attrs
        }
        _ => Vec::new(),
    };
    attrs.push(("__wrapped__", wrapped.clone()));
    let doc = match wrapped {
        Value::Func(f) => f.doc,
        _ => None,
    };
    let func = Func { name: Rc::from(name.as_str()), call: Box::new(move |args| call_value(&wrapper, args)), doc, attrs: attrs.into() };
    Value::Func(Rc::new(func))
}

fn reduce(f: &Value, iterable: &Value, initial: Option<&Value>) -> PyResult<Value> {
    let mut it = iterate(iterable)?;
    let mut acc = match initial {
        Some(v) => v.clone(),
        None => match it.next()? {
            Some(v) => v,
            None => return type_error("reduce() of empty iterable with no initial value"),
        },
    };
    while let Some(v) = it.next()? {
        acc = call_value(f, vec![acc, v])?;
    }
    Ok(acc)
}

/// `functools.partial(func, *args, **keywords)`: calls `func` with `args` before the
/// call's own, and `keywords` under the call's own.
struct Partial {
    func: Value,
    args: Vec<Value>,
    keywords: Vec<(Rc<str>, Value)>,
}

impl NativeObject for Partial {
    fn type_name(&self) -> &'static str {
        "functools.partial"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        call_value(&self.getattr(name)?, pos)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "func" => Ok(self.func.clone()),
            "args" => Ok(Value::tuple(self.args.clone())),
            "keywords" => {
                let pairs = self.keywords.iter().map(|(k, v)| (Value::Str(k.clone()), v.clone())).collect();
                crate::methods::dict_from_pairs(pairs)
            }
            _ => no_attribute(self.type_name(), name),
        }
    }
    fn repr(&self) -> String {
        let mut parts = vec![self.func.repr()];
        parts.extend(self.args.iter().map(Value::repr));
        parts.extend(self.keywords.iter().map(|(k, v)| format!("{}={}", k, v.repr())));
        format!("functools.partial({})", parts.join(", "))
    }
    fn call(&self, mut args: Vec<Value>) -> PyResult<Value> {
        let given = crate::callargs::split_kwargs(&mut args);
        let mut full = self.args.clone();
        full.extend(args);
        let mut keywords: Vec<(&str, Value)> = Vec::new();
        for (k, v) in self.keywords.iter().chain(given.iter()) {
            match keywords.iter_mut().find(|(name, _)| *name == &**k) {
                Some(slot) => slot.1 = v.clone(),
                None => keywords.push((&**k, v.clone())),
            }
        }
        call_value(&self.func, crate::callargs::with_kwargs(full, keywords))
    }
}

/// `functools.cmp_to_key(mycmp)`: a callable that wraps values in comparable keys.
struct CmpToKey(Value);

impl NativeObject for CmpToKey {
    fn type_name(&self) -> &'static str {
        "functools.KeyWrapper"
    }
    fn call_method(&self, name: &str, _pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        no_attribute(self.type_name(), name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        no_attribute(self.type_name(), name)
    }
    fn repr(&self) -> String {
        "<functools.KeyWrapper object>".to_string()
    }
    fn call(&self, args: Vec<Value>) -> PyResult<Value> {
        match <[Value; 1]>::try_from(args) {
            Ok([obj]) => Ok(Value::Native(Rc::new(CmpKey { cmp: self.0.clone(), obj }))),
            Err(args) => type_error(format!("K() takes exactly 1 argument ({} given)", args.len())),
        }
    }
}

/// A key made by `cmp_to_key`: ordered by what the comparison function returns.
struct CmpKey {
    cmp: Value,
    obj: Value,
}

impl NativeObject for CmpKey {
    fn type_name(&self) -> &'static str {
        "functools.KeyWrapper"
    }
    fn call_method(&self, name: &str, _pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        no_attribute(self.type_name(), name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "obj" => Ok(self.obj.clone()),
            _ => no_attribute(self.type_name(), name),
        }
    }
    fn repr(&self) -> String {
        "<functools.KeyWrapper object>".to_string()
    }
    fn equals(&self, other: &Value) -> bool {
        matches!(self.compare(other), Some(Ok(Ordering::Equal)))
    }
    fn compare(&self, other: &Value) -> Option<PyResult<Ordering>> {
        let other = match other {
            Value::Native(n) if n.type_name() == self.type_name() => n.getattr("obj").ok()?,
            _ => return None,
        };
        Some(call_value(&self.cmp, vec![self.obj.clone(), other]).and_then(|r| ops::compare(&r, &Value::Int(0), "<")))
    }
}
