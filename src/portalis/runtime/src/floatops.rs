//! Arithmetic on values the translator proved to be floats (`f64`) or bools: Python's
//! results and errors (ZeroDivisionError, floored `//` and `%`, math domain errors)
//! without boxing into `Value`.  `+`, `-`, `*` and comparisons are plain Rust operators
//! in the generated code, since IEEE arithmetic is what CPython does too.

use crate::exc::*;
use crate::ops::float_divmod;
use crate::value::Value;

/// A value the inference proved to be a float, as `f64`.
#[inline]
pub fn unbox(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        _ => type_error(format!("expected a float, got {}", v.type_name())),
    }
}

/// A value the inference proved to be a bool, as `bool`.
#[inline]
pub fn unbox_bool(v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => type_error(format!("expected a bool, got {}", v.type_name())),
    }
}

#[inline]
pub fn div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return zero_division("float division by zero");
    }
    Ok(a / b)
}

#[inline]
pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return zero_division("float floor division by zero");
    }
    Ok(float_divmod(a, b).0)
}

#[inline]
pub fn modulo(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return zero_division("float modulo");
    }
    Ok(float_divmod(a, b).1)
}

/// `math.sqrt`: a ValueError for negative input, as CPython raises.
#[inline]
pub fn sqrt(x: f64) -> PyResult<f64> {
    if x < 0.0 {
        return value_error("math domain error");
    }
    Ok(x.sqrt())
}
