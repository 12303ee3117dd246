//! `operator`: the operators as functions, and the callables `itemgetter`, `attrgetter`
//! and `methodcaller`.

use crate::exc::*;
use crate::methods::{call_method_kw, Args};
use crate::ops;
use crate::stdlib::collections::no_attribute;
use crate::value::*;
use std::rc::Rc;

/// `operator.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    let op = &name[name.find('.').map_or(0, |i| i + 1)..];
    match op {
        "itemgetter" | "attrgetter" => {
            if a.pos.is_empty() {
                return type_error(format!("{} expected 1 argument, got 0", op));
            }
            let getter = if op == "itemgetter" { Getter::Items(a.pos.clone()) } else { Getter::Attrs(attr_paths(&a.pos)?) };
            Ok(Value::Native(Rc::new(getter)))
        }
        "methodcaller" => {
            let mut pos = a.pos.clone();
            let method = match pos.first() {
                Some(Value::Str(s)) => s.clone(),
                _ => return type_error("method name must be a string"),
            };
            pos.remove(0);
            let kw = a.kw.iter().map(|(k, v)| (Rc::from(*k), v.clone())).collect();
            Ok(Value::Native(Rc::new(MethodCaller { method, pos, kw })))
        }
        "not_" => Ok(ops::not(a.req(0, "a")?)),
        "truth" => Ok(Value::Bool(a.req(0, "a")?.truthy())),
        "neg" => ops::neg(a.req(0, "a")?),
        "pos" => ops::pos(a.req(0, "a")?),
        "invert" | "inv" => ops::invert(a.req(0, "a")?),
        "abs" => crate::builtins::abs(a.req(0, "a")?),
        "index" => Ok(Value::Int(a.req(0, "a")?.to_int()?)),
        "contains" => ops::contains(a.req(0, "a")?, a.req(1, "b")?).map(Value::Bool),
        "countOf" => {
            let (seq, x) = (a.req(0, "a")?, a.req(1, "b")?);
            let n = crate::iter::collect_vec(seq)?.iter().filter(|v| v.is(x) || ops::values_equal(v, x)).count();
            Ok(Value::Int(n as i64))
        }
        _ => binary(op, a.req(0, "a")?, a.req(1, "b")?),
    }
}

/// The two-operand functions: arithmetic, bitwise, comparison, identity, indexing.
fn binary(op: &str, x: &Value, y: &Value) -> PyResult<Value> {
    let f: fn(&Value, &Value) -> PyResult<Value> = match op {
        "add" | "concat" => ops::add,
        "sub" => ops::sub,
        "mul" => ops::mul,
        "truediv" => ops::truediv,
        "floordiv" => ops::floordiv,
        "mod" => ops::modulo,
        "pow" => ops::pow,
        "and_" => ops::bitand,
        "or_" => ops::bitor,
        "xor" => ops::bitxor,
        "lshift" => ops::lshift,
        "rshift" => ops::rshift,
        "eq" => ops::eq,
        "ne" => ops::ne,
        "lt" => ops::lt,
        "le" => ops::le,
        "gt" => ops::gt,
        "ge" => ops::ge,
        "is_" => ops::is_,
        "is_not" => ops::is_not,
        "getitem" => ops::getitem,
        _ => return type_error(format!("operator.{} is not available", op)),
    };
    f(x, y)
}

/// Attribute names as dotted paths, leaked once so they can name object fields.
fn attr_paths(names: &[Value]) -> PyResult<Vec<Vec<&'static str>>> {
    names
        .iter()
        .map(|n| match n {
            Value::Str(s) => Ok(s.split('.').map(|part| &*Box::leak(part.to_string().into_boxed_str())).collect()),
            _ => type_error("attribute name must be a string"),
        })
        .collect()
}

/// `itemgetter(*items)` / `attrgetter(*names)`: one item gives a value, several a tuple.
enum Getter {
    Items(Vec<Value>),
    Attrs(Vec<Vec<&'static str>>),
}

impl Getter {
    fn fetch(&self, obj: &Value) -> PyResult<Vec<Value>> {
        match self {
            Getter::Items(items) => items.iter().map(|i| ops::getitem(obj, i)).collect(),
            Getter::Attrs(paths) => paths
                .iter()
                .map(|path| path.iter().try_fold(obj.clone(), |v, name| crate::classes::getattr(&v, name)))
                .collect(),
        }
    }
}

fn one_argument(type_name: &str, args: Vec<Value>) -> PyResult<Value> {
    match <[Value; 1]>::try_from(args) {
        Ok([obj]) => Ok(obj),
        Err(args) => type_error(format!("{} expected 1 argument, got {}", type_name, args.len())),
    }
}

impl NativeObject for Getter {
    fn type_name(&self) -> &'static str {
        match self {
            Getter::Items(_) => "operator.itemgetter",
            Getter::Attrs(_) => "operator.attrgetter",
        }
    }
    fn call_method(&self, name: &str, _pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        no_attribute(self.type_name(), name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        no_attribute(self.type_name(), name)
    }
    fn repr(&self) -> String {
        let args: Vec<String> = match self {
            Getter::Items(items) => items.iter().map(Value::repr).collect(),
            Getter::Attrs(paths) => paths.iter().map(|p| Value::string(p.join(".")).repr()).collect(),
        };
        format!("{}({})", self.type_name(), args.join(", "))
    }
    fn call(&self, args: Vec<Value>) -> PyResult<Value> {
        let obj = one_argument(self.type_name(), args)?;
        let mut got = self.fetch(&obj)?;
        Ok(if got.len() == 1 { got.remove(0) } else { Value::tuple(got) })
    }
}

/// `methodcaller(name, *args, **kw)`: calls that method on its argument.
struct MethodCaller {
    method: Rc<str>,
    pos: Vec<Value>,
    kw: Vec<(Rc<str>, Value)>,
}

impl NativeObject for MethodCaller {
    fn type_name(&self) -> &'static str {
        "operator.methodcaller"
    }
    fn call_method(&self, name: &str, _pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        no_attribute(self.type_name(), name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        no_attribute(self.type_name(), name)
    }
    fn repr(&self) -> String {
        let mut parts = vec![Value::Str(self.method.clone()).repr()];
        parts.extend(self.pos.iter().map(Value::repr));
        parts.extend(self.kw.iter().map(|(k, v)| format!("{}={}", k, v.repr())));
        format!("operator.methodcaller({})", parts.join(", "))
    }
    fn call(&self, args: Vec<Value>) -> PyResult<Value> {
        let obj = one_argument(self.type_name(), args)?;
        let kw = self.kw.iter().map(|(k, v)| (&**k, v.clone())).collect();
        call_method_kw(&obj, &self.method, self.pos.clone(), kw)
    }
}
