//! `copy.copy` and `copy.deepcopy`: new containers and instances (same class, same dict
//! kind), immutable values shared; `deepcopy` keeps aliasing and cycles through a memo
//! of the objects already copied, and honours `__copy__`/`__deepcopy__`.

use crate::classes::find_method;
use crate::exc::*;
use crate::methods::Args;
use crate::tables::PyDictTable;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "copy.copy" => shallow(a.req(0, "x")?),
        "copy.deepcopy" => deep(a.req(0, "x")?, &mut Vec::new()),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'copy' has no attribute '{}'", &name[5..]))),
    }
}

fn new_object(o: &Rc<Object>, fields: Vec<(&'static str, Value)>) -> Rc<Object> {
    let new = crate::classes::blank_instance(o.class);
    *new.fields.borrow_mut() = fields;
    new
}

/// `copy.copy(x)`.
pub fn shallow(x: &Value) -> PyResult<Value> {
    Ok(match x {
        Value::List(l) => Value::list(l.borrow().clone()),
        Value::Dict(d) => Value::dict(d.borrow().clone()),
        Value::Set(s) => Value::set(s.borrow().copy()),
        Value::Object(o) => {
            if let Some(f) = find_method(o.class, "__copy__") {
                return f(vec![x.clone()]);
            }
            let mut fields = o.fields.borrow().clone();
            for (_, part) in fields.iter_mut().filter(|(n, _)| *n == crate::builtin_bases::PART) {
                *part = shallow(part)?; // the copy of a list subclass has its own list
            }
            let new = new_object(o, fields);
            crate::structs::copy_fields(o, &new, &mut |v| Ok(v))?;
            Value::Object(new)
        }
        // Mutable library objects (deque, bytearray, ...) have a `copy` method; the
        // immutable ones are shared.
        Value::Native(n) => match n.call_method("copy", Vec::new(), Vec::new()) {
            Err(e) if e.matches(&ATTRIBUTE_ERROR) => x.clone(),
            other => other?,
        },
        _ => x.clone(),
    })
}

/// The address of a mutable object, the memo's key.
fn address(x: &Value) -> Option<usize> {
    match x {
        Value::List(l) => Some(Rc::as_ptr(l) as *const u8 as usize),
        Value::Dict(d) => Some(Rc::as_ptr(d) as *const u8 as usize),
        Value::Set(s) => Some(Rc::as_ptr(s) as *const u8 as usize),
        Value::Object(o) => Some(Rc::as_ptr(o) as *const u8 as usize),
        Value::Tuple(t) => Some(Rc::as_ptr(t) as *const u8 as usize),
        Value::Native(n) => Some(Rc::as_ptr(n) as *const u8 as usize),
        _ => None,
    }
}

type Memo = Vec<(usize, Value)>;

fn deep_all(items: &[Value], memo: &mut Memo) -> PyResult<Vec<Value>> {
    items.iter().map(|v| deep(v, memo)).collect()
}

/// `copy.deepcopy(x)`: each mutable object reached is copied once.
pub fn deep(x: &Value, memo: &mut Memo) -> PyResult<Value> {
    let key = match address(x) {
        Some(k) => k,
        None => return Ok(x.clone()),
    };
    if let Some((_, done)) = memo.iter().find(|(k, _)| *k == key) {
        return Ok(done.clone());
    }
    let copy = match x {
        Value::List(l) => {
            let new = Rc::new(RefCell::new(Vec::new()));
            memo.push((key, Value::List(new.clone())));
            let items = l.borrow().clone();
            *new.borrow_mut() = deep_all(&items, memo)?;
            Value::List(new)
        }
        Value::Dict(d) => {
            let template = d.borrow().clone();
            let new = Rc::new(RefCell::new(Dict { table: PyDictTable::new(), kind: template.kind, factory: template.factory.clone() }));
            memo.push((key, Value::Dict(new.clone())));
            for (k, v) in template.iter() {
                let (k, v) = (deep(k, memo)?, deep(v, memo)?);
                new.borrow_mut().insert(k, v);
            }
            Value::Dict(new)
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().cloned().collect();
            let mut table = Set::new();
            for v in deep_all(&items, memo)? {
                table.add(v);
            }
            Value::set(table)
        }
        Value::Tuple(t) => {
            let items = deep_all(t, memo)?;
            if items.iter().zip(t.iter()).all(|(a, b)| a.is(b)) {
                x.clone()
            } else {
                Value::tuple(items)
            }
        }
        Value::Object(o) => {
            if let Some(f) = find_method(o.class, "__deepcopy__") {
                return f(vec![x.clone(), Value::dict(Dict::new())]);
            }
            let new = new_object(o, Vec::new());
            memo.push((key, Value::Object(new.clone())));
            crate::structs::copy_fields(o, &new, &mut |v| deep(&v, memo))?;
            let fields = o.fields.borrow().clone();
            for (name, v) in fields {
                let v = deep(&v, memo)?;
                new.fields.borrow_mut().push((name, v));
            }
            Value::Object(new)
        }
        _ => shallow(x)?,
    };
    memo.push((key, copy.clone()));
    Ok(copy)
}
