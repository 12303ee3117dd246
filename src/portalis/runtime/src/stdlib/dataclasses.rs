//! `dataclasses.fields`, `asdict`, `astuple`, `replace` and `is_dataclass`.  The desugar
//! pass writes `@dataclass` classes out as plain classes and records their field names
//! in the class attribute `__dataclass_fields__`, which these functions read.

use crate::classes;
use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::rc::Rc;

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "dataclasses.is_dataclass" => Ok(Value::Bool(field_names(a.req(0, "obj")?).is_some())),
        "dataclasses.fields" => {
            let names = need_fields(a.req(0, "class_or_instance")?, "must be called with a dataclass type or instance")?;
            Ok(Value::tuple(names.into_iter().map(|n| Value::Native(Rc::new(Field(n)))).collect()))
        }
        "dataclasses.asdict" => {
            let obj = a.req(0, "obj")?;
            instance_fields(obj, "asdict() should be called on dataclass instances")?;
            convert(obj, true)
        }
        "dataclasses.astuple" => {
            let obj = a.req(0, "obj")?;
            instance_fields(obj, "astuple() should be called on dataclass instances")?;
            convert(obj, false)
        }
        "dataclasses.replace" => replace(a),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'dataclasses' has no attribute '{}'", &name[12..]))),
    }
}

/// The field names of a dataclass or of an instance of one.
fn field_names(v: &Value) -> Option<Vec<Rc<str>>> {
    let names = match v {
        Value::Object(_) => classes::getattr(v, "__dataclass_fields__").ok()?,
        Value::Class(c) => classes::class_getattr(c, "__dataclass_fields__").ok()?,
        _ => return None,
    };
    match names {
        Value::Tuple(t) => t.iter().map(|n| n.as_str().map(Rc::from)).collect(),
        _ => None,
    }
}

fn need_fields(v: &Value, message: &str) -> PyResult<Vec<Rc<str>>> {
    field_names(v).ok_or_else(|| PyErr::new(&TYPE_ERROR, message))
}

fn instance_fields(v: &Value, message: &str) -> PyResult<Vec<Rc<str>>> {
    match v {
        Value::Object(_) => need_fields(v, message),
        _ => type_error(message),
    }
}

fn field_value(obj: &Value, name: &str) -> PyResult<Value> {
    match obj {
        Value::Object(o) => match crate::classes::instance_attr(o, name) {
            Some(v) => Ok(v),
            None => crate::methods::no_attribute(obj, name),
        },
        _ => crate::methods::no_attribute(obj, name),
    }
}

/// `asdict`/`astuple`'s recursion: dataclasses become dicts (tuples), containers are
/// rebuilt with converted items, anything else is deep-copied.
fn convert(v: &Value, as_dict: bool) -> PyResult<Value> {
    if let (Value::Object(_), Some(names)) = (v, field_names(v)) {
        let mut values = Vec::with_capacity(names.len());
        for n in &names {
            values.push(convert(&field_value(v, n)?, as_dict)?);
        }
        if !as_dict {
            return Ok(Value::tuple(values));
        }
        let mut d = Dict::new();
        for (n, value) in names.iter().zip(values) {
            d.insert(Value::Str(n.clone()), value);
        }
        return Ok(Value::dict(d));
    }
    match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            Ok(Value::list(items.iter().map(|x| convert(x, as_dict)).collect::<PyResult<_>>()?))
        }
        Value::Tuple(t) => Ok(Value::tuple(t.iter().map(|x| convert(x, as_dict)).collect::<PyResult<_>>()?)),
        Value::Dict(d) => {
            let template = d.borrow().clone();
            let mut out = Dict { table: crate::tables::PyDictTable::new(), kind: template.kind, factory: template.factory.clone() };
            for (k, x) in template.iter() {
                out.insert(convert(k, as_dict)?, convert(x, as_dict)?);
            }
            Ok(Value::dict(out))
        }
        _ => crate::stdlib::copy::deep(v, &mut Vec::new()),
    }
}

/// `replace(obj, **changes)`: a new instance from the fields, some changed, through
/// the class's `__init__`.
fn replace(a: &Args) -> PyResult<Value> {
    let obj = a.req(0, "obj")?;
    let names = instance_fields(obj, "replace() should be called on dataclass instances")?;
    let class = match obj {
        Value::Object(o) => o.class,
        _ => return type_error("replace() should be called on dataclass instances"),
    };
    for (k, _) in &a.kw {
        if !names.iter().any(|n| n.as_ref() == *k) {
            return type_error(format!("{}.__init__() got an unexpected keyword argument '{}'", class.name, k));
        }
    }
    let mut args = Vec::with_capacity(names.len());
    for n in &names {
        args.push(match a.kw.iter().find(|(k, _)| *k == n.as_ref()) {
            Some((_, v)) => v.clone(),
            None => field_value(obj, n)?,
        });
    }
    classes::instantiate(class, args)
}

/// A `dataclasses.Field`, as far as programs read it: its name.
struct Field(Rc<str>);

impl NativeObject for Field {
    fn type_name(&self) -> &'static str {
        "Field"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Field' object has no attribute '{}'", name)))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "name" => Ok(Value::Str(self.0.clone())),
            _ => Err(PyErr::new(
                &ATTRIBUTE_ERROR,
                format!("Field.{} is not available in translated programs (only Field.name is)", name),
            )),
        }
    }
    fn repr(&self) -> String {
        format!("Field(name={})", crate::format::python_str_repr(&self.0))
    }
}
