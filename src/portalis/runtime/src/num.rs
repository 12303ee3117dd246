//! `Num`: a place that holds an int at some times and a float at others
//! (`n = n / 2` in a loop over ints, a sum that starts at `0` and adds floats).
//!
//! Each value keeps its own kind, so it prints as Python prints it (`2` and `2.0`),
//! ints stay exact past 2**53, and the arithmetic follows Python's promotion: two
//! ints give an int (`//` and `%` floor), an int meeting a float is converted to a
//! float first (OverflowError when it is too large for one), and `/` always gives a
//! float.  Comparisons between an int and a float are exact, as in CPython.
//!
//! Generated code writes `Num::add(&a, &b)?`, `Num::truediv(&a, &b)?`, `a.lt(&b)?`.

use crate::exc::*;
use crate::floatops;
use crate::int::Int;
use crate::ops;
use crate::value::Value;

/// An int or a float, whichever the Python value currently is.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    Int(Int),
    Float(f64),
}

impl Default for Num {
    fn default() -> Num {
        Num::Int(Int::Small(0))
    }
}

impl From<i64> for Num {
    #[inline]
    fn from(v: i64) -> Num {
        Num::Int(Int::Small(v))
    }
}

impl From<Int> for Num {
    #[inline]
    fn from(v: Int) -> Num {
        Num::Int(v)
    }
}

impl From<f64> for Num {
    #[inline]
    fn from(v: f64) -> Num {
        Num::Float(v)
    }
}

impl Num {
    /// A value the inference proved to be an int or a float.
    pub fn unbox(v: &Value) -> PyResult<Num> {
        match v {
            Value::Float(f) => Ok(Num::Float(*f)),
            Value::Int(_) | Value::BigInt(_) => Int::unbox(v).map(Num::Int),
            _ => type_error(format!("expected an int or a float, got {}", v.type_name())),
        }
    }

    /// The boxed `Value` (`Int`, `BigInt` or `Float`).
    pub fn to_value(&self) -> Value {
        match self {
            Num::Int(i) => i.to_value(),
            Num::Float(f) => Value::Float(*f),
        }
    }

    /// Both operands as floats, for an operation where one of them is a float.
    fn floats(&self, other: &Num) -> PyResult<(f64, f64)> {
        Ok((self.to_f64()?, other.to_f64()?))
    }

    /// `float(self)`: OverflowError for an int beyond the float range.
    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            Num::Int(i) => i.to_f64(),
            Num::Float(f) => Ok(*f),
        }
    }

    pub fn truthy(&self) -> bool {
        match self {
            Num::Int(i) => !i.is_zero(),
            Num::Float(f) => *f != 0.0,
        }
    }

    // ---- arithmetic -----------------------------------------------------------------

    #[inline]
    pub fn add(&self, other: &Num) -> PyResult<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Ok(Num::Int(a.add(b))),
            (Num::Float(a), Num::Float(b)) => Ok(Num::Float(a + b)),
            _ => self.floats(other).map(|(a, b)| Num::Float(a + b)),
        }
    }

    #[inline]
    pub fn sub(&self, other: &Num) -> PyResult<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Ok(Num::Int(a.sub(b))),
            (Num::Float(a), Num::Float(b)) => Ok(Num::Float(a - b)),
            _ => self.floats(other).map(|(a, b)| Num::Float(a - b)),
        }
    }

    #[inline]
    pub fn mul(&self, other: &Num) -> PyResult<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Ok(Num::Int(a.mul(b))),
            (Num::Float(a), Num::Float(b)) => Ok(Num::Float(a * b)),
            _ => self.floats(other).map(|(a, b)| Num::Float(a * b)),
        }
    }

    /// `self / other`: always a float (an int pair divides exactly, then rounds once).
    pub fn truediv(&self, other: &Num) -> PyResult<f64> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.truediv(b),
            _ => {
                let (a, b) = self.floats(other)?;
                floatops::div(a, b)
            }
        }
    }

    pub fn floordiv(&self, other: &Num) -> PyResult<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.floordiv(b).map(Num::Int),
            _ => {
                let (a, b) = self.floats(other)?;
                floatops::floordiv(a, b).map(Num::Float)
            }
        }
    }

    pub fn modulo(&self, other: &Num) -> PyResult<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.modulo(b).map(Num::Int),
            _ => {
                let (a, b) = self.floats(other)?;
                floatops::modulo(a, b).map(Num::Float)
            }
        }
    }

    pub fn neg(&self) -> Num {
        match self {
            Num::Int(i) => Num::Int(i.neg()),
            Num::Float(f) => Num::Float(-f),
        }
    }

    // ---- comparisons ----------------------------------------------------------------
    // An int against a float compares exactly (CPython does not round the int), so
    // mixed pairs go through the boxed comparison that implements it.

    fn compare(&self, other: &Num, op: fn(&Value, &Value) -> PyResult<Value>) -> PyResult<bool> {
        Ok(op(&self.to_value(), &other.to_value())?.truthy())
    }

    #[inline]
    pub fn lt(&self, other: &Num) -> PyResult<bool> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Ok(a < b),
            (Num::Float(a), Num::Float(b)) => Ok(a < b),
            _ => self.compare(other, ops::lt),
        }
    }

    #[inline]
    pub fn le(&self, other: &Num) -> PyResult<bool> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Ok(a <= b),
            (Num::Float(a), Num::Float(b)) => Ok(a <= b),
            _ => self.compare(other, ops::le),
        }
    }

    #[inline]
    pub fn gt(&self, other: &Num) -> PyResult<bool> {
        other.lt(self)
    }

    #[inline]
    pub fn ge(&self, other: &Num) -> PyResult<bool> {
        other.le(self)
    }

    #[inline]
    pub fn eq(&self, other: &Num) -> PyResult<bool> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Ok(a == b),
            (Num::Float(a), Num::Float(b)) => Ok(a == b),
            _ => self.compare(other, ops::eq),
        }
    }

    #[inline]
    pub fn ne(&self, other: &Num) -> PyResult<bool> {
        self.eq(other).map(|e| !e)
    }
}

impl crate::structs::IntoValue for Num {
    fn into_value(self) -> Value {
        self.to_value()
    }
}

impl crate::structs::FromValue for Num {
    fn from_value(v: &Value) -> PyResult<Num> {
        Num::unbox(v)
    }
}

#[cfg(test)]
#[path = "../tests/num.rs"]
mod tests;
