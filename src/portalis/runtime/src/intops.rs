//! Arithmetic on values the translator proved to be machine integers (`i64`): the same
//! results and errors as the dynamic operators in `ops`, without boxing into `Value`.

use crate::exc::*;
use crate::value::Value;

#[inline]
fn checked(r: Option<i64>) -> PyResult<i64> {
    match r {
        Some(v) => Ok(v),
        None => overflow(),
    }
}

#[inline]
pub fn add(a: i64, b: i64) -> PyResult<i64> {
    checked(a.checked_add(b))
}

#[inline]
pub fn sub(a: i64, b: i64) -> PyResult<i64> {
    checked(a.checked_sub(b))
}

#[inline]
pub fn mul(a: i64, b: i64) -> PyResult<i64> {
    checked(a.checked_mul(b))
}

#[inline]
pub fn floordiv(a: i64, b: i64) -> PyResult<i64> {
    crate::ops::int_floordiv(a, b)
}

#[inline]
pub fn modulo(a: i64, b: i64) -> PyResult<i64> {
    crate::ops::int_mod(a, b)
}

#[inline]
pub fn neg(a: i64) -> PyResult<i64> {
    checked(a.checked_neg())
}

#[inline]
pub fn abs(a: i64) -> PyResult<i64> {
    checked(a.checked_abs())
}

pub fn lshift(a: i64, b: i64) -> PyResult<i64> {
    crate::ops::lshift(&Value::Int(a), &Value::Int(b))?.to_int()
}

pub fn rshift(a: i64, b: i64) -> PyResult<i64> {
    if b < 0 {
        return value_error("negative shift count");
    }
    Ok(a >> b.min(63))
}

/// A value the translator expects to be an int (`int` results of library calls).
pub fn unbox(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        _ => v.to_int(),
    }
}

/// `range(start, stop, step)` as a native iterator for `for i in range(...)`.
pub fn range(start: i64, stop: i64, step: i64) -> PyResult<IntRange> {
    if step == 0 {
        return value_error("range() arg 3 must not be zero");
    }
    Ok(IntRange { next: start, stop, step })
}

pub struct IntRange {
    next: i64,
    stop: i64,
    step: i64,
}

impl Iterator for IntRange {
    type Item = i64;
    #[inline]
    fn next(&mut self) -> Option<i64> {
        let more = if self.step > 0 { self.next < self.stop } else { self.next > self.stop };
        if !more {
            return None;
        }
        let v = self.next;
        match self.next.checked_add(self.step) {
            Some(n) => self.next = n,
            None => self.next = self.stop,
        }
        Some(v)
    }
}
