//! Typed containers: Python lists whose elements the translator proved to share one
//! native type (`List<i64>`, `List<f64>`, `List<List<bool>>`, ...), and dicts of native
//! keys and values (`Map<Str, i64>`), without boxing each element in a `Value`.
//!
//! A `List<T>` is a shared handle like `Value::List`: cloning it is Python's aliasing
//! (`b = a`), so a mutation through one alias is seen by all.  Conversion to a `Value`
//! (`to_value`) copies and is only used where the program reads the list and lets go
//! (printing, `str`, comparisons); the translator keeps a list typed only when every
//! use of it is such a read or a typed operation.

mod dict;
mod list;
mod set;
pub mod text;

pub use dict::{Key, Map, MapIter};
pub use list::{List, ListIter};
pub use set::SetOf;

use crate::{floatops, intops, strops, Int, PyResult, Str, Value};

/// A result that is a `T` or None (`Option<T>`) as a `Value`.
pub fn boxed_option<T: Elem>(o: &Option<T>) -> Value {
    o.as_ref().map_or(Value::None, Elem::to_value)
}

/// An element type a typed container can hold: boxed to and unboxed from a `Value`.
pub trait Elem: Clone {
    fn to_value(&self) -> Value;
    fn from_value(v: &Value) -> PyResult<Self>;
    /// Python's `<` between two elements (what `sort`, `min` and `max` use).
    fn py_lt(&self, other: &Self) -> bool;
    /// Python's `==` between two elements (what `remove`, `index` and `in` use).
    fn py_eq(&self, other: &Self) -> bool;
}

impl Elem for i64 {
    fn to_value(&self) -> Value {
        Value::Int(*self)
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        intops::unbox(v)
    }
    fn py_lt(&self, other: &Self) -> bool {
        self < other
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

impl Elem for Int {
    fn to_value(&self) -> Value {
        Int::to_value(self)
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        Int::unbox(v)
    }
    fn py_lt(&self, other: &Self) -> bool {
        self < other
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

impl Elem for f64 {
    fn to_value(&self) -> Value {
        Value::Float(*self)
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        floatops::unbox(v)
    }
    fn py_lt(&self, other: &Self) -> bool {
        self < other
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

impl Elem for bool {
    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        floatops::unbox_bool(v)
    }
    fn py_lt(&self, other: &Self) -> bool {
        !*self & *other
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

impl Elem for Str {
    fn to_value(&self) -> Value {
        Value::Str(self.clone())
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        strops::unbox(v)
    }
    fn py_lt(&self, other: &Self) -> bool {
        // UTF-8 byte order is code point order, which is how Python compares strs.
        self.as_bytes() < other.as_bytes()
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

/// Tuples of elements (`(i64, Str)`), held in typed lists as Rust tuples.  Python
/// compares tuples item by item: the first pair that is not equal decides by `<`, and
/// a tuple is never less than an equal one.
macro_rules! tuple_elem {
    ($n:expr; $($t:ident $i:tt),+) => {
        impl<$($t: Elem),+> Elem for ($($t,)+) {
            fn to_value(&self) -> Value {
                Value::tuple(vec![$(self.$i.to_value()),+])
            }
            fn from_value(v: &Value) -> PyResult<Self> {
                let items = crate::iter::unpack(v, $n)?;
                Ok(($($t::from_value(&items[$i])?,)+))
            }
            fn py_lt(&self, other: &Self) -> bool {
                $(if !self.$i.py_eq(&other.$i) {
                    return self.$i.py_lt(&other.$i);
                })+
                false
            }
            fn py_eq(&self, other: &Self) -> bool {
                true $(&& self.$i.py_eq(&other.$i))+
            }
        }
    };
}

tuple_elem!(1; A 0);
tuple_elem!(2; A 0, B 1);
tuple_elem!(3; A 0, B 1, C 2);
tuple_elem!(4; A 0, B 1, C 2, D 3);

#[cfg(test)]
#[path = "../../tests/typed.rs"]
mod tests;
