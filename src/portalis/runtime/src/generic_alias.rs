//! `list[int]`, `dict[str, list[int]]`, `tuple[int, ...]`: subscripted built-in types used
//! as values (type aliases such as `Matrix = list[list[int]]`).  They print as CPython
//! prints them and, called, make an instance of the plain type.

use crate::exc::*;
use crate::value::*;
use std::rc::Rc;

pub struct GenericAlias {
    origin: Value,
    args: Vec<Value>,
}

/// `origin[index]` for a built-in type `origin`.
pub fn subscript(origin: &Value, index: &Value) -> Value {
    let args = match index {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    Value::Native(Rc::new(GenericAlias { origin: origin.clone(), args }))
}

/// How a type argument prints inside the brackets.
fn type_repr(v: &Value) -> String {
    match v {
        Value::Func(f) if crate::builtins::is_builtin_type(&f.name) => f.name.to_string(),
        Value::Class(c) => format!("__main__.{}", c.name),
        Value::None => "None".to_string(),
        Value::Native(n) if n.type_name() == "ellipsis" => "...".to_string(),
        Value::List(items) => {
            let parts: Vec<String> = items.borrow().iter().map(type_repr).collect();
            format!("[{}]", parts.join(", "))
        }
        other => other.repr(),
    }
}

impl NativeObject for GenericAlias {
    fn type_name(&self) -> &'static str {
        "types.GenericAlias"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        crate::methods::call_method_kw(&self.origin, name, args, kw)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "__origin__" => Ok(self.origin.clone()),
            "__args__" => Ok(Value::tuple(self.args.clone())),
            _ => type_error(format!("'types.GenericAlias' object has no attribute '{}'", name)),
        }
    }
    fn repr(&self) -> String {
        let args: Vec<String> = self.args.iter().map(type_repr).collect();
        let args = if args.is_empty() { "()".to_string() } else { args.join(", ") };
        format!("{}[{}]", type_repr(&self.origin), args)
    }
    fn equals(&self, other: &Value) -> bool {
        other.repr() == self.repr() && other.type_name() == self.type_name()
    }
    fn call(&self, args: Vec<Value>) -> PyResult<Value> {
        crate::builtins::call(&self.origin, args)
    }
}
