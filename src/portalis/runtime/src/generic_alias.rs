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

/// A name imported from `typing` used as a value (`Square = Tuple[Tuple[str, ...], ...]`,
/// `T = TypeVar("T")`): prints as CPython prints it, subscripts into an alias, and the
/// few that can be called (`TypeVar`, `NewType`, `cast`) work.
pub struct TypingForm {
    name: String,
}

/// `typing.<name>` as a value.
pub fn typing_name(name: &str) -> Value {
    Value::Native(Rc::new(TypingForm { name: format!("typing.{}", name) }))
}

impl NativeObject for TypingForm {
    fn type_name(&self) -> &'static str {
        "typing._SpecialForm"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        self.getattr(name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "__name__" => Ok(Value::str(self.name.trim_start_matches("typing.").trim_start_matches('~'))),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute '{}'", self.name, name))),
        }
    }
    fn repr(&self) -> String {
        self.name.clone()
    }
    fn hash(&self) -> i64 {
        crate::tables::hash_str(&self.name)
    }
    fn equals(&self, other: &Value) -> bool {
        other.type_name() == self.type_name() && other.repr() == self.name
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        let origin = Value::Native(Rc::new(TypingForm { name: self.name.clone() }));
        Ok(subscript(&origin, index))
    }
    fn call(&self, args: Vec<Value>) -> PyResult<Value> {
        match self.name.as_str() {
            "typing.TypeVar" => {
                match args.first() {
                    Some(Value::Str(name)) => Ok(Value::Native(Rc::new(TypingForm { name: format!("~{}", name) }))),
                    _ => type_error("TypeVar() argument 'name' must be str"),
                }
            }
            "typing.NewType" => Ok(Value::func("new_type", |args| Ok(args.into_iter().next().unwrap_or_default()))),
            "typing.cast" => Ok(args.into_iter().nth(1).unwrap_or_default()),
            "typing.List" | "typing.Dict" | "typing.Set" | "typing.FrozenSet" | "typing.Tuple" => {
                let name = &self.name["typing.".len()..];
                type_error(format!("Type {} cannot be instantiated; use {}() instead", name, name.to_lowercase()))
            }
            _ => type_error(format!("Cannot instantiate {}", self.name)),
        }
    }
}
