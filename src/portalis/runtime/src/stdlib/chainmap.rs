//! `collections.ChainMap`: a view over a list of mappings searched in order; writes and
//! deletions go to the first mapping, iteration order is CPython's (last map first).

use crate::exc::*;
use crate::methods::{call_method, Args};
use crate::ops;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

pub struct ChainMap {
    maps: RefCell<Vec<Value>>,
}

fn new(maps: Vec<Value>) -> Value {
    Value::Native(Rc::new(ChainMap { maps: RefCell::new(maps) }))
}

/// `ChainMap(*maps)`; no maps means one empty dict.
pub fn construct(a: &Args) -> PyResult<Value> {
    let maps = if a.pos.is_empty() { vec![Value::dict(Dict::new())] } else { a.pos.clone() };
    Ok(new(maps))
}

impl ChainMap {
    fn lookup(&self, key: &Value) -> PyResult<Option<Value>> {
        for m in self.maps.borrow().iter() {
            if ops::contains(m, key)? {
                return ops::getitem(m, key).map(Some);
            }
        }
        Ok(None)
    }

    /// The keys, each once, in CPython's order.
    fn keys(&self) -> PyResult<Vec<Value>> {
        let mut seen = Dict::new();
        for m in self.maps.borrow().iter().rev() {
            for k in crate::iter::collect_vec(m)? {
                seen.insert(k, Value::None);
            }
        }
        Ok(seen.keys().cloned().collect())
    }

    fn first(&self) -> Value {
        self.maps.borrow()[0].clone()
    }
}

impl NativeObject for ChainMap {
    fn type_name(&self) -> &'static str {
        "ChainMap"
    }

    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        match name {
            "get" => Ok(self.lookup(a.req(0, "key")?)?.unwrap_or_else(|| a.get(1, "default").cloned().unwrap_or_default())),
            "keys" => Ok(Value::list(self.keys()?)),
            "values" => Ok(Value::list(self.keys()?.iter().map(|k| self.getitem(k)).collect::<PyResult<_>>()?)),
            "items" => Ok(Value::list(
                self.keys()?
                    .into_iter()
                    .map(|k| self.getitem(&k).map(|v| Value::tuple(vec![k, v])))
                    .collect::<PyResult<_>>()?,
            )),
            "new_child" => {
                let first = a.get(0, "m").filter(|v| !v.is_none()).cloned().unwrap_or_else(|| Value::dict(Dict::new()));
                let mut maps = vec![first];
                maps.extend(self.maps.borrow().iter().cloned());
                Ok(new(maps))
            }
            "copy" => {
                let mut maps = self.maps.borrow().clone();
                maps[0] = call_method(&maps[0], "copy", Vec::new())?;
                Ok(new(maps))
            }
            "pop" => {
                let key = a.req(0, "key")?;
                match call_method(&self.first(), "pop", vec![key.clone()]) {
                    Err(e) if e.matches(&KEY_ERROR) => match a.get(1, "default") {
                        Some(d) => Ok(d.clone()),
                        None => key_error_first(key),
                    },
                    other => other,
                }
            }
            "clear" => call_method(&self.first(), "clear", Vec::new()),
            "update" => call_method(&self.first(), "update", a.pos),
            "setdefault" => match self.lookup(a.req(0, "key")?)? {
                Some(v) => Ok(v),
                None => {
                    let d = a.get(1, "default").cloned().unwrap_or_default();
                    self.setitem(a.req(0, "key")?, d.clone())?;
                    Ok(d)
                }
            },
            "__delitem__" => {
                let key = a.req(0, "key")?;
                if !ops::contains(&self.first(), key)? {
                    return key_error_first(key);
                }
                ops::delitem(&self.first(), key).map(|_| Value::None)
            }
            _ => self.getattr(name),
        }
    }

    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "maps" => Ok(Value::list(self.maps.borrow().clone())),
            "parents" => Ok(new(self.maps.borrow()[1..].to_vec())),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'ChainMap' object has no attribute '{}'", name))),
        }
    }

    fn repr(&self) -> String {
        let parts: Vec<String> = self.maps.borrow().iter().map(|m| m.repr()).collect();
        format!("ChainMap({})", parts.join(", "))
    }

    fn len(&self) -> PyResult<i64> {
        Ok(self.keys()?.len() as i64)
    }

    fn getitem(&self, key: &Value) -> PyResult<Value> {
        match self.lookup(key)? {
            Some(v) => Ok(v),
            None => key_error(key),
        }
    }

    fn setitem(&self, key: &Value, value: Value) -> PyResult<()> {
        ops::setitem(&self.first(), key, value)
    }

    fn items(&self) -> PyResult<Vec<Value>> {
        self.keys()
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(self.lookup(item).map(|v| v.is_some()))
    }

    fn truthy(&self) -> bool {
        self.keys().map_or(false, |k| !k.is_empty())
    }

    fn equals(&self, other: &Value) -> bool {
        let mine = match self.call_method("items", Vec::new(), Vec::new()).and_then(|items| crate::builtins::dict(Some(&items), Vec::new())) {
            Ok(d) => d,
            Err(_) => return false,
        };
        match other {
            Value::Native(n) if n.type_name() == "ChainMap" => {
                let theirs = n.call_method("items", Vec::new(), Vec::new()).and_then(|items| crate::builtins::dict(Some(&items), Vec::new()));
                theirs.map_or(false, |t| ops::values_equal(&mine, &t))
            }
            _ => ops::values_equal(&mine, other),
        }
    }
}

fn key_error_first<T>(key: &Value) -> PyResult<T> {
    Err(PyErr::new(&KEY_ERROR, format!("Key not found in the first mapping: {}", key.repr())))
}
