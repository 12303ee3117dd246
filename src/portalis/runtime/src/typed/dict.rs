//! `Map<K, V>`: a Python dict of native keys and values behind a shared handle.
//!
//! Named `Map` because `Dict` is the dynamic dict of the value model.  The table is
//! the runtime's CPython-compatible `PyDictTable`, so insertion order, hashing and the
//! "changed size during iteration" checks are Python's.

use std::cell::RefCell;
use std::rc::Rc;

use super::Elem;
use crate::tables::{hash_str, PyDictTable, PyKey};
use crate::{key_error, Int, PyErr, PyResult, Str, Value, RUNTIME_ERROR};

impl PyKey for Str {
    fn py_hash(&self) -> i64 {
        hash_str(self)
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

/// A key type of a typed dict: an element type with Python's hash.
pub trait Key: Elem + PyKey {}

impl Key for i64 {}
impl Key for Str {}
impl Key for Int {}

impl PyKey for Int {
    fn py_hash(&self) -> i64 {
        Int::py_hash(self)
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

/// A Python dict of `K` to `V`; `clone` is an alias of the same dict.
pub struct Map<K, V>(Rc<RefCell<PyDictTable<K, V>>>);

impl<K, V> Clone for Map<K, V> {
    fn clone(&self) -> Self {
        Map(self.0.clone())
    }
}

impl<K: Key, V: Elem> Default for Map<K, V> {
    fn default() -> Self {
        Map::new()
    }
}

impl<K: Key, V: Elem> Map<K, V> {
    pub fn new() -> Self {
        Map(Rc::new(RefCell::new(PyDictTable::new())))
    }

    /// `{k1: v1, k2: v2}`: later duplicates replace the value and keep the first place.
    pub fn from_pairs(pairs: Vec<(K, V)>) -> Self {
        let map = Map::new();
        for (k, v) in pairs {
            map.set(k, v);
        }
        map
    }

    /// A typed copy of a dynamic dict whose keys and values the translator proved.
    pub fn from_value(v: &Value) -> PyResult<Self> {
        let map = Map::new();
        if let Value::Dict(d) = v {
            let d = d.borrow();
            for i in 0..d.slot_count() {
                if let Some((k, v)) = d.entry_at(i) {
                    map.set(K::from_value(k)?, V::from_value(v)?);
                }
            }
            return Ok(map);
        }
        crate::type_error(format!("expected a dict, got {}", v.type_name()))
    }

    /// A `Value` copy (printing, `str`, `==`, dynamic code that only reads it).
    pub fn to_value(&self) -> Value {
        let mut out = crate::value::Dict::new();
        for (k, v) in self.entries() {
            out.insert(k.to_value(), v.to_value());
        }
        Value::dict(out)
    }

    pub fn len(&self) -> i64 {
        self.0.borrow().len() as i64
    }

    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }

    /// `d[key]`, a KeyError naming the key as CPython does when it is missing.
    pub fn get_item(&self, key: &K) -> PyResult<V> {
        match self.0.borrow().get(key) {
            Some(v) => Ok(v.clone()),
            None => key_error(&key.to_value()),
        }
    }

    /// `d.get(key, default)`.
    pub fn get_or(&self, key: &K, default: V) -> V {
        self.0.borrow().get(key).cloned().unwrap_or(default)
    }

    /// `d.get(key)`: the value boxed, or None.
    pub fn get_boxed(&self, key: &K) -> Value {
        self.0.borrow().get(key).map_or(Value::None, Elem::to_value)
    }

    /// `d[key] = value`.
    pub fn set(&self, key: K, value: V) {
        self.0.borrow_mut().insert(key, value);
    }

    /// `key in d`.
    pub fn contains(&self, key: &K) -> bool {
        self.0.borrow().contains_key(key)
    }

    /// `d.setdefault(key, default)`.
    pub fn setdefault(&self, key: K, default: V) -> V {
        let mut table = self.0.borrow_mut();
        if let Some(v) = table.get(&key) {
            return v.clone();
        }
        table.insert(key, default.clone());
        default
    }

    /// `d.pop(key)`.
    pub fn pop(&self, key: &K) -> PyResult<V> {
        let removed = self.0.borrow_mut().remove(key);
        match removed {
            Some(v) => Ok(v),
            None => key_error(&key.to_value()),
        }
    }

    /// `d.pop(key, default)`.
    pub fn pop_or(&self, key: &K, default: V) -> V {
        self.0.borrow_mut().remove(key).unwrap_or(default)
    }

    /// `del d[key]`.
    pub fn delete(&self, key: &K) -> PyResult<()> {
        self.pop(key).map(|_| ())
    }

    pub fn clear(&self) {
        *self.0.borrow_mut() = PyDictTable::new();
    }

    /// `d.copy()` / `dict(d)`: a new dict, not an alias.
    pub fn copy(&self) -> Self {
        Map::from_pairs(self.entries())
    }

    /// The entries in insertion order, copied out.
    pub fn entries(&self) -> Vec<(K, V)> {
        let table = self.0.borrow();
        (0..table.slot_count()).filter_map(|i| table.entry_at(i)).map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// `for k in d` / `d.keys()`: live, raising as Python does if the dict changes size.
    pub fn keys(&self) -> MapIter<K, V, K> {
        self.iter_with(|k, _| k.clone())
    }

    /// `for v in d.values()`.
    pub fn values(&self) -> MapIter<K, V, V> {
        self.iter_with(|_, v| v.clone())
    }

    /// `for k, v in d.items()`.
    pub fn items(&self) -> MapIter<K, V, (K, V)> {
        self.iter_with(|k, v| (k.clone(), v.clone()))
    }

    fn iter_with<T>(&self, pick: fn(&K, &V) -> T) -> MapIter<K, V, T> {
        let table = self.0.borrow();
        MapIter { map: self.clone(), pos: 0, len: table.len(), version: table.version(), pick }
    }
}

/// A live iterator over a `Map`: each item is an error once the dict changed size.
pub struct MapIter<K, V, T> {
    map: Map<K, V>,
    pos: usize,
    len: usize,
    version: u64,
    pick: fn(&K, &V) -> T,
}

impl<K: Key, V: Elem, T> Iterator for MapIter<K, V, T> {
    type Item = PyResult<T>;

    fn next(&mut self) -> Option<PyResult<T>> {
        let table = self.map.0.borrow();
        if table.version() != self.version {
            let msg = if table.len() != self.len {
                "dictionary changed size during iteration"
            } else {
                "dictionary keys changed during iteration"
            };
            return Some(Err(PyErr::new(&RUNTIME_ERROR, msg)));
        }
        while self.pos < table.slot_count() {
            self.pos += 1;
            if let Some((k, v)) = table.entry_at(self.pos - 1) {
                return Some(Ok((self.pick)(k, v)));
            }
        }
        None
    }
}
