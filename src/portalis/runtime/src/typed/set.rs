//! `SetOf<T>`: a Python set of native keys (`SetOf<Int>`, `SetOf<Str>`) behind a shared handle.
//!
//! The table is the runtime's CPython-compatible `PySetTable`, so adds, discards and
//! resizes leave the slots where CPython leaves them and iteration (and printing)
//! follows CPython's order.  Conversion to and from the `Value` set copies the table
//! slot for slot, since the keys hash alike in both forms.

use std::cell::RefCell;
use std::rc::Rc;

use super::{Key, List};
use crate::tables::PySetTable;
use crate::{key_error, PyErr, PyResult, Value, RUNTIME_ERROR};

/// A Python set of `T`s; `clone` is an alias of the same set.
pub struct SetOf<T>(Rc<RefCell<PySetTable<T>>>);

impl<T> Clone for SetOf<T> {
    fn clone(&self) -> Self {
        SetOf(self.0.clone())
    }
}

impl<T: Key> Default for SetOf<T> {
    fn default() -> Self {
        SetOf::new()
    }
}

impl<T: Key> SetOf<T> {
    fn wrap(table: PySetTable<T>) -> Self {
        SetOf(Rc::new(RefCell::new(table)))
    }

    /// `set()`.
    pub fn new() -> Self {
        SetOf::wrap(PySetTable::new())
    }

    /// `{a, b}` with an item that is not a constant, or fewer than three items: added
    /// in order.  (Displays of three or more constants use `from_constants`.)
    pub fn from_vec(items: Vec<T>) -> Self {
        SetOf::wrap(items.into_iter().collect())
    }

    /// `{3, 1, 2}`: the folded constant CPython's compiler makes of it, copied.
    pub fn from_constants(items: Vec<T>) -> Self {
        SetOf::wrap(PySetTable::from_const_display(items))
    }

    /// `set(lst)` of a typed list: its items added one by one.
    pub fn from_list(items: &List<T>) -> Self {
        SetOf::from_vec(items.to_vec())
    }

    /// A typed copy of a dynamic set (or frozenset), slot for slot; any other
    /// iterable is read item by item, as `set(iterable)` does.
    pub fn from_value(v: &Value) -> PyResult<Self> {
        match v {
            Value::Set(s) => Ok(SetOf::wrap(s.borrow().map_keys(T::from_value)?)),
            Value::FrozenSet(s) => Ok(SetOf::wrap(s.map_keys(T::from_value)?)),
            _ => {
                let mut table = PySetTable::new();
                let mut it = crate::iter::iterate(v)?;
                while let Some(item) = it.next()? {
                    table.add(T::from_value(&item)?);
                }
                Ok(SetOf::wrap(table))
            }
        }
    }

    /// A copy as a `Value` set in the same slots (where the program reads it).
    pub fn to_value(&self) -> Value {
        let table = self.0.borrow().map_keys(|k| Ok::<Value, ()>(k.to_value()));
        Value::Set(Rc::new(RefCell::new(table.unwrap_or_default())))
    }

    pub fn len(&self) -> i64 {
        self.0.borrow().len() as i64
    }

    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }

    /// `x in s`.
    #[inline]
    pub fn contains(&self, key: &T) -> bool {
        self.0.borrow().contains(key)
    }

    /// `s.add(x)`.
    #[inline]
    pub fn add(&self, key: T) {
        self.0.borrow_mut().add(key);
    }

    /// `s.discard(x)`.
    pub fn discard(&self, key: &T) {
        self.0.borrow_mut().discard(key);
    }

    /// `s.remove(x)`: KeyError with the key when it is missing.
    pub fn remove(&self, key: &T) -> PyResult<()> {
        if self.0.borrow_mut().discard(key) {
            return Ok(());
        }
        key_error(&key.to_value())
    }

    /// `s.pop()`.
    pub fn pop(&self) -> PyResult<T> {
        match self.0.borrow_mut().pop() {
            Some(k) => Ok(k),
            None => key_error(&Value::str("pop from an empty set")),
        }
    }

    /// `s.clear()`.
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }

    /// `s.copy()` and `set(s)`: CPython's merge into a fresh table.
    pub fn copy(&self) -> SetOf<T> {
        SetOf::wrap(self.0.borrow().copy())
    }

    /// The keys in CPython's order, as they are now.
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().iter().cloned().collect()
    }

    /// `for x in s`: the keys of the set as it was when the loop started, raising
    /// "Set changed size during iteration" when the loop body changes its size.
    pub fn iter(&self) -> SetIter<T> {
        let len = self.0.borrow().len();
        SetIter { set: self.clone(), pos: 0, len }
    }
}

/// See `SetOf::iter`: reads the table slot by slot, as CPython's set iterator does;
/// each item is an error once the set changed size.
pub struct SetIter<T> {
    set: SetOf<T>,
    pos: usize,
    len: usize,
}

impl<T: Key> Iterator for SetIter<T> {
    type Item = PyResult<T>;

    fn next(&mut self) -> Option<PyResult<T>> {
        let table = self.set.0.borrow();
        if table.len() != self.len {
            return Some(Err(PyErr::new(&RUNTIME_ERROR, "Set changed size during iteration")));
        }
        while self.pos < table.slot_count() {
            self.pos += 1;
            if let Some(k) = table.slot(self.pos - 1) {
                return Some(Ok(k.clone()));
            }
        }
        None
    }
}
