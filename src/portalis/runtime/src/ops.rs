//! Operators with Python's semantics: arithmetic (checked i64, floor division and modulo
//! with Python's signs), comparison and ordering, `in`, indexing and slicing.

use crate::bigint::{BigInt, IntError};
use crate::exc::*;
use crate::strmethods;
use crate::value::*;
use std::cmp::Ordering;

/// A native operand's own implementation of `op`, trying the left then the right one.
fn native_binop(op: &str, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if let Value::Native(n) = a {
        if let Some(r) = n.binary_op(op, b, false) {
            return Some(r);
        }
    }
    if let Value::Native(n) = b {
        return n.binary_op(op, a, true);
    }
    None
}

/// The last resort of an arithmetic operator: a native operand's implementation, or
/// CPython's TypeError.
fn fallback(op: &str, a: &Value, b: &Value) -> PyResult<Value> {
    match native_binop(op, a, b) {
        Some(r) => r,
        None => unsupported(op, a, b),
    }
}

fn unsupported<T>(op: &str, a: &Value, b: &Value) -> PyResult<T> {
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op,
        a.type_name(),
        b.type_name()
    ))
}

/// An int result: `Int` when it fits in 64 bits, else `BigInt`.
pub fn int_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(std::rc::Rc::new(b)),
    }
}

/// An int (of any size) as a BigInt.
pub fn as_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from_i64(*i)),
        Value::Bool(b) => Some(BigInt::from_i64(*b as i64)),
        Value::BigInt(b) => Some(b.as_ref().clone()),
        _ => None,
    }
}

/// Both operands as big ints when both are ints and at least one is already big.
fn big_pair(a: &Value, b: &Value) -> Option<(BigInt, BigInt)> {
    if !matches!(a, Value::BigInt(_)) && !matches!(b, Value::BigInt(_)) {
        return None;
    }
    match (as_big(a), as_big(b)) {
        (Some(x), Some(y)) => Some((x, y)),
        _ => None,
    }
}

/// An integer literal too large for i64, written in decimal by the translator.
pub fn big_literal(digits: &str) -> Value {
    int_value(BigInt::parse(digits, 10).unwrap_or_else(|_| BigInt::zero()))
}

pub fn int_error(e: IntError) -> PyErr {
    let ty = match e {
        IntError::ZeroDivision(_) => &ZERO_DIVISION_ERROR,
        IntError::Overflow(_) => &OVERFLOW_ERROR,
        IntError::Value(_) => &VALUE_ERROR,
    };
    PyErr::new(ty, e.message())
}

/// Arbitrary-precision arithmetic, for big operands or an i64 result that overflowed.
fn big_binop(op: &str, x: BigInt, y: BigInt) -> PyResult<Value> {
    Ok(match op {
        "+" => int_value(x.add(&y)),
        "-" => int_value(x.sub(&y)),
        "*" => int_value(x.mul(&y)),
        "//" => int_value(x.divmod_floor(&y).map_err(int_error)?.0),
        "%" => {
            if y.is_zero() {
                return zero_division("integer modulo by zero");
            }
            int_value(x.divmod_floor(&y).map_err(int_error)?.1)
        }
        "divmod" => {
            let (q, r) = x.divmod_floor(&y).map_err(int_error)?;
            Value::tuple(vec![int_value(q), int_value(r)])
        }
        "/" => Value::Float(x.true_div(&y).map_err(int_error)?),
        "**" => {
            if y.is_negative() {
                return float_pow(x.to_f64().map_err(int_error)?, y.to_f64().map_err(int_error)?);
            }
            match y.to_i64() {
                Some(e) if e <= u32::MAX as i64 => int_value(x.pow(e as u64)),
                _ => return Err(PyErr::new(&MEMORY_ERROR, "exponent too large")),
            }
        }
        "&" => int_value(x.bitand(&y)),
        "|" => int_value(x.bitor(&y)),
        "^" => int_value(x.bitxor(&y)),
        "<<" | ">>" => {
            if y.is_negative() {
                return value_error("negative shift count");
            }
            let n = y.to_i64().unwrap_or(i64::MAX) as u64;
            if op == "<<" {
                if n > 1 << 32 && !x.is_zero() {
                    return Err(PyErr::new(&MEMORY_ERROR, "shift count too large"));
                }
                int_value(x.shl(n))
            } else {
                int_value(x.shr(n))
            }
        }
        _ => return type_error(format!("unsupported operand type(s) for {}: 'int' and 'int'", op)),
    })
}

/// `op` on two i64s whose result may not fit: the big path decides.
fn widen(op: &str, x: i64, y: i64) -> PyResult<Value> {
    big_binop(op, BigInt::from_i64(x), BigInt::from_i64(y))
}

/// Both operands as integers (bool counts as int), when they are.
fn int_pair(a: &Value, b: &Value) -> Option<(i64, i64)> {
    match (a.as_index(), b.as_index()) {
        (Some(x), Some(y)) => Some((x, y)),
        _ => None,
    }
}

/// Both operands as floats when at least one is a float and both are numbers.
fn float_pair(a: &Value, b: &Value) -> Option<(f64, f64)> {
    match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_)) => match (a.as_f64(), b.as_f64()) {
            (Some(x), Some(y)) => Some((x, y)),
            _ => None,
        },
        _ => None,
    }
}

/// Exact ordering of an int and a float, as CPython compares them (no rounding of
/// the int to a float); `None` when the float is NaN.
fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f.is_nan() {
        return None;
    }
    if f >= TWO_63 {
        return Some(Ordering::Less);
    }
    if f < -TWO_63 {
        return Some(Ordering::Greater);
    }
    let whole = f.trunc();
    match i.cmp(&(whole as i64)) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - whole)),
        other => Some(other),
    }
}

/// The ordering of two numbers (bools count as ints) when both are numbers:
/// `Some(None)` for a comparison involving NaN.
fn numeric_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    if let Some((x, y)) = int_pair(a, b) {
        return Some(Some(x.cmp(&y)));
    }
    if let Some((x, y)) = big_pair(a, b) {
        return Some(Some(x.cmp(&y)));
    }
    match (a, b) {
        (Value::BigInt(x), Value::Float(y)) => return Some(x.cmp_f64(*y)),
        (Value::Float(x), Value::BigInt(y)) => return Some(y.cmp_f64(*x).map(Ordering::reverse)),
        _ => {}
    }
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => Some(x.partial_cmp(y)),
        (Value::Float(x), _) => b.as_index().map(|y| int_float_cmp(y, *x).map(Ordering::reverse)),
        (_, Value::Float(y)) => a.as_index().map(|x| int_float_cmp(x, *y)),
        _ => None,
    }
}

#[inline]
pub fn add(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Dict(_), Value::Dict(_)) = (a, b) {
        if let Some(r) = crate::stdlib::collections::counter_binop(a, b, "+") {
            return r;
        }
    }
    if let Some((x, y)) = int_pair(a, b) {
        return match x.checked_add(y) {
            Some(v) => Ok(Value::Int(v)),
            None => widen("+", x, y),
        };
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("+", x, y);
    }
    if let Some((x, y)) = float_pair(a, b) {
        return Ok(Value::Float(x + y));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::string(s))
        }
        (Value::List(x), Value::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Ok(Value::list(v))
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.as_ref().clone();
            v.extend(y.iter().cloned());
            Ok(Value::tuple(v))
        }
        (Value::Object(_), _) | (_, Value::Object(_)) => crate::classes::binary_dunder(a, "__add__", b),
        (Value::Str(_), _) | (Value::List(_), _) | (Value::Tuple(_), _) => type_error(format!(
            "can only concatenate {} (not \"{}\") to {}",
            a.type_name(),
            b.type_name(),
            a.type_name()
        )),
        _ => fallback("+", a, b),
    }
}

#[inline]
pub fn sub(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Dict(_), Value::Dict(_)) = (a, b) {
        if let Some(r) = crate::stdlib::collections::counter_binop(a, b, "-") {
            return r;
        }
    }
    if let Some((x, y)) = int_pair(a, b) {
        return match x.checked_sub(y) {
            Some(v) => Ok(Value::Int(v)),
            None => widen("-", x, y),
        };
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("-", x, y);
    }
    if let Some((x, y)) = float_pair(a, b) {
        return Ok(Value::Float(x - y));
    }
    match (a, b) {
        (Value::Set(_), _) | (Value::FrozenSet(_), _) => crate::methods::set_binop(a, b, '-'),
        (Value::Object(_), _) | (_, Value::Object(_)) => crate::classes::binary_dunder(a, "__sub__", b),
        _ => fallback("-", a, b),
    }
}

fn repeat_seq(seq: &Value, n: i64) -> PyResult<Value> {
    let n = n.max(0) as usize;
    match seq {
        Value::Str(s) => Ok(Value::string(s.repeat(n))),
        Value::List(l) => {
            let items = l.borrow();
            let mut v = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                v.extend(items.iter().cloned());
            }
            Ok(Value::list(v))
        }
        Value::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Ok(Value::tuple(v))
        }
        _ => unreachable_type(seq),
    }
}

fn unreachable_type<T>(v: &Value) -> PyResult<T> {
    type_error(format!("unexpected operand type '{}'", v.type_name()))
}

fn is_sequence(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_))
}

#[inline]
pub fn mul(a: &Value, b: &Value) -> PyResult<Value> {
    if let Some((x, y)) = int_pair(a, b) {
        return match x.checked_mul(y) {
            Some(v) => Ok(Value::Int(v)),
            None => widen("*", x, y),
        };
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("*", x, y);
    }
    if let Some((x, y)) = float_pair(a, b) {
        return Ok(Value::Float(x * y));
    }
    if is_sequence(a) {
        return match b.as_index() {
            Some(n) => repeat_seq(a, n),
            None => type_error(format!("can't multiply sequence by non-int of type '{}'", b.type_name())),
        };
    }
    if is_sequence(b) {
        return match a.as_index() {
            Some(n) => repeat_seq(b, n),
            None => type_error(format!("can't multiply sequence by non-int of type '{}'", a.type_name())),
        };
    }
    if matches!(a, Value::Object(_)) || matches!(b, Value::Object(_)) {
        return crate::classes::binary_dunder(a, "__mul__", b);
    }
    fallback("*", a, b)
}

/// `a @ b`: only user classes define matrix multiplication.
pub fn matmul(a: &Value, b: &Value) -> PyResult<Value> {
    if matches!(a, Value::Object(_)) || matches!(b, Value::Object(_)) {
        return crate::classes::binary_dunder(a, "__matmul__", b);
    }
    unsupported("@", a, b)
}

pub fn truediv(a: &Value, b: &Value) -> PyResult<Value> {
    if let Some((x, y)) = int_pair(a, b) {
        if y == 0 {
            return zero_division("division by zero");
        }
        if x.unsigned_abs() < 1 << 53 && y.unsigned_abs() < 1 << 53 {
            return Ok(Value::Float(x as f64 / y as f64));
        }
        return widen("/", x, y);
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("/", x, y);
    }
    if let Some((x, y)) = float_pair(a, b) {
        if y == 0.0 {
            return zero_division("float division by zero");
        }
        return Ok(Value::Float(x / y));
    }
    if matches!(a, Value::Object(_)) || matches!(b, Value::Object(_)) {
        return crate::classes::binary_dunder(a, "__truediv__", b);
    }
    fallback("/", a, b)
}

/// Integer floor division rounding toward negative infinity, as Python does.
pub fn int_floordiv(x: i64, y: i64) -> PyResult<i64> {
    if y == 0 {
        return zero_division("integer division or modulo by zero");
    }
    let q = match x.checked_div(y) {
        Some(q) => q,
        None => return overflow(),
    };
    Ok(if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q })
}

/// Integer modulo whose result takes the divisor's sign, as Python does.
pub fn int_mod(x: i64, y: i64) -> PyResult<i64> {
    if y == 0 {
        return zero_division("integer modulo by zero");
    }
    let r = x.checked_rem(y).unwrap_or(0);
    Ok(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
}

/// CPython's float divmod: the modulo takes the divisor's sign, the quotient is floored.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0_f64.copysign(x / y)
    };
    (floordiv, m)
}

#[inline]
pub fn floordiv(a: &Value, b: &Value) -> PyResult<Value> {
    if let Some((x, y)) = int_pair(a, b) {
        if x == i64::MIN && y == -1 {
            return widen("//", x, y);
        }
        return int_floordiv(x, y).map(Value::Int);
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("//", x, y);
    }
    if let Some((x, y)) = float_pair(a, b) {
        if y == 0.0 {
            return zero_division("float floor division by zero");
        }
        return Ok(Value::Float(float_divmod(x, y).0));
    }
    if matches!(a, Value::Object(_)) || matches!(b, Value::Object(_)) {
        return crate::classes::binary_dunder(a, "__floordiv__", b);
    }
    fallback("//", a, b)
}

#[inline]
pub fn modulo(a: &Value, b: &Value) -> PyResult<Value> {
    if let Some((x, y)) = int_pair(a, b) {
        return int_mod(x, y).map(Value::Int);
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("%", x, y);
    }
    if let Some((x, y)) = float_pair(a, b) {
        if y == 0.0 {
            return zero_division("float modulo");
        }
        return Ok(Value::Float(float_divmod(x, y).1));
    }
    if let Value::Str(fmt) = a {
        return crate::strformat::percent(fmt, b);
    }
    if matches!(a, Value::Object(_)) || matches!(b, Value::Object(_)) {
        return crate::classes::binary_dunder(a, "__mod__", b);
    }
    fallback("%", a, b)
}

pub fn divmod(a: &Value, b: &Value) -> PyResult<Value> {
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("divmod", x, y);
    }
    if let Some((x, y)) = int_pair(a, b) {
        if y == 0 {
            return zero_division("integer division or modulo by zero");
        }
        if x == i64::MIN && y == -1 {
            return widen("divmod", x, y);
        }
        return Ok(Value::tuple(vec![Value::Int(int_floordiv(x, y)?), Value::Int(int_mod(x, y)?)]));
    }
    if let Some((x, y)) = float_pair(a, b) {
        if y == 0.0 {
            return zero_division("float divmod()");
        }
        let (q, r) = float_divmod(x, y);
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    if let Some(result) = native_binop("divmod()", a, b) {
        return result;
    }
    if matches!(a, Value::Native(_)) || matches!(b, Value::Native(_)) {
        // numeric library objects (Fraction): CPython's divmod is (a // b, a % b) for them
        return Ok(Value::tuple(vec![floordiv(a, b)?, modulo(a, b)?]));
    }
    unsupported("divmod()", a, b)
}

/// Integer power by squaring with overflow detection.
pub fn int_pow(base: i64, exp: u64) -> PyResult<i64> {
    let mut result: i64 = 1;
    let mut b = base;
    let mut e = exp;
    while e > 0 {
        if e & 1 == 1 {
            result = match result.checked_mul(b) {
                Some(r) => r,
                None => return overflow(),
            };
        }
        e >>= 1;
        if e > 0 {
            b = match b.checked_mul(b) {
                Some(r) => r,
                None => return overflow(),
            };
        }
    }
    Ok(result)
}

pub fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return zero_division("0.0 cannot be raised to a negative power");
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        // A negative base with a fractional exponent gives a complex result.
        let z = crate::complex::Complex::new(x, 0.0).pow(crate::complex::Complex::new(y, 0.0))?;
        return Ok(z.into_value());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        // CPython reports the C library's ERANGE as an OSError-style pair.
        return Err(PyErr::with_args(
            &OVERFLOW_ERROR,
            vec![Value::Int(34), Value::str("Numerical result out of range")],
        ));
    }
    Ok(Value::Float(r))
}

pub fn pow(a: &Value, b: &Value) -> PyResult<Value> {
    if let Some((x, y)) = int_pair(a, b) {
        if y >= 0 {
            return match int_pow(x, y as u64) {
                Ok(v) => Ok(Value::Int(v)),
                Err(_) => widen("**", x, y),
            };
        }
        return float_pow(x as f64, y as f64);
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop("**", x, y);
    }
    if let Some((x, y)) = float_pair(a, b) {
        return float_pow(x, y);
    }
    if matches!(a, Value::Object(_)) || matches!(b, Value::Object(_)) {
        return crate::classes::binary_dunder(a, "__pow__", b);
    }
    match native_binop("**", a, b) {
        Some(r) => r,
        None => unsupported("** or pow()", a, b),
    }
}

fn int_bitop(a: &Value, b: &Value, op: &str) -> PyResult<Value> {
    if let (Value::Dict(_), Value::Dict(_), "|" | "&") = (a, b, op) {
        if let Some(r) = crate::stdlib::collections::counter_binop(a, b, op) {
            return r;
        }
    }
    if let Some((x, y)) = int_pair(a, b) {
        let both_bool = matches!((a, b), (Value::Bool(_), Value::Bool(_)));
        let r = match op {
            "&" => x & y,
            "|" => x | y,
            "^" => x ^ y,
            "<<" => {
                if y < 0 {
                    return value_error("negative shift count");
                }
                if y >= 64 || (x << y) >> y != x {
                    if x == 0 {
                        0
                    } else {
                        return widen("<<", x, y);
                    }
                } else {
                    x << y
                }
            }
            ">>" => {
                if y < 0 {
                    return value_error("negative shift count");
                }
                x >> y.min(63)
            }
            _ => return unsupported(op, a, b),
        };
        if both_bool && matches!(op, "&" | "|" | "^") {
            return Ok(Value::Bool(r != 0));
        }
        return Ok(Value::Int(r));
    }
    if let Some((x, y)) = big_pair(a, b) {
        return big_binop(op, x, y);
    }
    match (a, b, op) {
        (Value::Set(_), _, "&" | "|" | "^") | (Value::FrozenSet(_), _, "&" | "|" | "^") => {
            crate::methods::set_binop(a, b, op.chars().next().unwrap_or('|'))
        }
        (Value::Dict(x), Value::Dict(y), "|") => {
            let mut merged = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                merged.insert(k.clone(), v.clone());
            }
            Ok(Value::dict(merged))
        }
        (Value::Object(_), _, _) | (_, Value::Object(_), _) => {
            let name = match op {
                "&" => "__and__",
                "|" => "__or__",
                "^" => "__xor__",
                "<<" => "__lshift__",
                _ => "__rshift__",
            };
            crate::classes::binary_dunder(a, name, b).map_err(|e| match e.ty.name {
                "TypeError" if e.message().starts_with("unsupported operand") => {
                    PyErr::new(&TYPE_ERROR, format!("unsupported operand type(s) for {}: '{}' and '{}'", op, a.type_name(), b.type_name()))
                }
                _ => e,
            })
        }
        _ => unsupported(op, a, b),
    }
}

pub fn bitand(a: &Value, b: &Value) -> PyResult<Value> {
    int_bitop(a, b, "&")
}
pub fn bitor(a: &Value, b: &Value) -> PyResult<Value> {
    int_bitop(a, b, "|")
}
pub fn bitxor(a: &Value, b: &Value) -> PyResult<Value> {
    int_bitop(a, b, "^")
}
pub fn lshift(a: &Value, b: &Value) -> PyResult<Value> {
    int_bitop(a, b, "<<")
}
pub fn rshift(a: &Value, b: &Value) -> PyResult<Value> {
    int_bitop(a, b, ">>")
}

pub fn neg(a: &Value) -> PyResult<Value> {
    match a {
        Value::Int(i) => Ok(match i.checked_neg() {
            Some(v) => Value::Int(v),
            None => int_value(BigInt::from_i64(*i).neg()),
        }),
        Value::BigInt(b) => Ok(int_value(b.neg())),
        Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
        Value::Float(f) => Ok(Value::Float(-f)),
        Value::Object(_) => crate::classes::unary_dunder(a, "__neg__"),
        Value::Native(n) => n.call_method("__neg__", vec![], vec![]),
        _ => type_error(format!("bad operand type for unary -: '{}'", a.type_name())),
    }
}

pub fn pos(a: &Value) -> PyResult<Value> {
    match a {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(a.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Native(n) => n.call_method("__pos__", vec![], vec![]),
        _ => type_error(format!("bad operand type for unary +: '{}'", a.type_name())),
    }
}

pub fn invert(a: &Value) -> PyResult<Value> {
    if let Value::BigInt(b) = a {
        return Ok(int_value(b.not()));
    }
    match a.as_index() {
        Some(i) => Ok(Value::Int(!i)),
        None if matches!(a, Value::Object(_)) => crate::classes::unary_dunder(a, "__invert__").map_err(|e| {
            if e.message().ends_with("does not support __invert__") {
                PyErr::new(&TYPE_ERROR, format!("bad operand type for unary ~: '{}'", a.type_name()))
            } else {
                e
            }
        }),
        None => type_error(format!("bad operand type for unary ~: '{}'", a.type_name())),
    }
}

pub fn not(a: &Value) -> Value {
    Value::Bool(!a.truthy())
}

/// Python `==`, which never fails for built-in types.
#[inline]
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::List(x), Value::List(y)) => {
            std::rc::Rc::ptr_eq(x, y) || seq_equal(&x.borrow(), &y.borrow())
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_equal(x, y),
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter().all(|(k, v)| matches!(y.get(k), Some(w) if values_equal(v, w)))
        }
        (Value::Set(x), Value::Set(y)) => set_equal(&x.borrow(), &y.borrow()),
        (Value::FrozenSet(x), Value::Set(y)) => set_equal(x, &y.borrow()),
        (Value::Set(x), Value::FrozenSet(y)) => set_equal(&x.borrow(), y),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => set_equal(x, y),
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (range_len(x), range_len(y));
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        (Value::Object(_), _) => crate::classes::object_eq(a, b),
        (_, Value::Object(_)) => crate::classes::object_eq(b, a),
        (Value::Exception(x), Value::Exception(y)) => std::rc::Rc::ptr_eq(x, y),
        // Built-in types are made on demand as function values: one type, one name.
        (Value::Func(x), Value::Func(y)) if crate::builtins::is_builtin_type(&x.name) => {
            std::rc::Rc::ptr_eq(x, y) || x.name == y.name
        }
        (Value::Native(x), _) => x.equals(b),
        (_, Value::Native(y)) => y.equals(a),
        _ => {
            if let Some(order) = numeric_cmp(a, b) {
                order == Some(Ordering::Equal)
            } else {
                a.is(b)
            }
        }
    }
}

fn set_equal(x: &Set, y: &Set) -> bool {
    x.len() == y.len() && x.iter().all(|v| y.contains(v))
}

fn seq_equal(x: &[Value], y: &[Value]) -> bool {
    x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| a.is(b) || values_equal(a, b))
}

#[inline]
pub fn eq(a: &Value, b: &Value) -> PyResult<Value> {
    Ok(Value::Bool(values_equal(a, b)))
}
#[inline]
pub fn ne(a: &Value, b: &Value) -> PyResult<Value> {
    Ok(Value::Bool(!values_equal(a, b)))
}

fn not_orderable<T>(op: &str, a: &Value, b: &Value) -> PyResult<T> {
    type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op,
        a.type_name(),
        b.type_name()
    ))
}

/// Python's ordering for `<`-family operators; `op` names the operator for errors.
pub fn compare(a: &Value, b: &Value, op: &str) -> PyResult<Ordering> {
    if let Some(order) = numeric_cmp(a, b) {
        return order.ok_or_else(|| PyErr::new(&VALUE_ERROR, "nan"));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x.as_ref().cmp(y.as_ref())),
        (Value::List(x), Value::List(y)) => seq_compare(&x.borrow(), &y.borrow(), op),
        (Value::Tuple(x), Value::Tuple(y)) => seq_compare(x, y, op),
        (Value::Object(_), _) => crate::classes::object_compare(a, b, op),
        (Value::Native(n), _) => match n.compare(b) {
            Some(r) => r,
            None => not_orderable(op, a, b),
        },
        (_, Value::Native(n)) => match n.compare(a) {
            Some(r) => r.map(Ordering::reverse),
            None => not_orderable(op, a, b),
        },
        _ => not_orderable(op, a, b),
    }
}

fn seq_compare(x: &[Value], y: &[Value], op: &str) -> PyResult<Ordering> {
    for (a, b) in x.iter().zip(y.iter()) {
        if !values_equal(a, b) {
            return compare(a, b, op);
        }
    }
    Ok(x.len().cmp(&y.len()))
}

/// `a < b` etc.; NaN comparisons are false as in Python.
fn ordered(a: &Value, b: &Value, op: &str, test: fn(Ordering) -> bool) -> PyResult<Value> {
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b) {
        if let Some(order) = numeric_cmp(a, b) {
            return Ok(Value::Bool(order.map_or(false, test)));
        }
    }
    if let (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) = (a, b) {
        return crate::methods::set_compare(a, b, op);
    }
    if let (Value::Object(_), _) | (_, Value::Object(_)) = (a, b) {
        return match crate::classes::rich_compare(a, b, op) {
            Some(r) => r,
            None => not_orderable(op, a, b),
        };
    }
    match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) => seq_ordered(x, y, op, test),
        (Value::List(x), Value::List(y)) => seq_ordered(&x.borrow(), &y.borrow(), op, test),
        _ => compare(a, b, op).map(|o| Value::Bool(test(o))),
    }
}

/// Sequences: the first pair of items that are not equal decides, by the operator
/// itself (`(nan, 1) < (1.0, 2)` is False, not an error); else the lengths do.
fn seq_ordered(x: &[Value], y: &[Value], op: &str, test: fn(Ordering) -> bool) -> PyResult<Value> {
    for (a, b) in x.iter().zip(y.iter()) {
        if !(a.is(b) || values_equal(a, b)) {
            return ordered(a, b, op, test);
        }
    }
    Ok(Value::Bool(test(x.len().cmp(&y.len()))))
}

#[inline]
pub fn lt(a: &Value, b: &Value) -> PyResult<Value> {
    ordered(a, b, "<", |o| o == Ordering::Less)
}
#[inline]
pub fn le(a: &Value, b: &Value) -> PyResult<Value> {
    ordered(a, b, "<=", |o| o != Ordering::Greater)
}
#[inline]
pub fn gt(a: &Value, b: &Value) -> PyResult<Value> {
    ordered(a, b, ">", |o| o == Ordering::Greater)
}
#[inline]
pub fn ge(a: &Value, b: &Value) -> PyResult<Value> {
    ordered(a, b, ">=", |o| o != Ordering::Less)
}

pub fn is_(a: &Value, b: &Value) -> PyResult<Value> {
    Ok(Value::Bool(a.is(b)))
}
pub fn is_not(a: &Value, b: &Value) -> PyResult<Value> {
    Ok(Value::Bool(!a.is(b)))
}

/// `item in container`.
#[inline]
pub fn contains(container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(sub.as_ref())),
            _ => type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                item.type_name()
            )),
        },
        Value::List(l) => Ok(l.borrow().iter().any(|v| v.is(item) || values_equal(v, item))),
        Value::Tuple(t) => Ok(t.iter().any(|v| v.is(item) || values_equal(v, item))),
        Value::Dict(d) => {
            item.check_hashable()?;
            Ok(d.borrow().contains_key(item))
        }
        Value::Set(s) => {
            item.check_hashable()?;
            Ok(s.borrow().contains(item))
        }
        Value::FrozenSet(s) => {
            item.check_hashable()?;
            Ok(s.contains(item))
        }
        Value::Range(r) => Ok(match item.as_index() {
            Some(i) => range_contains(r, i),
            None => match item.as_f64() {
                Some(f) => f.fract() == 0.0 && range_contains(r, f as i64),
                None => false,
            },
        }),
        Value::Object(_) => crate::classes::object_contains(container, item),
        Value::Native(n) if n.contains(item).is_some() => n.contains(item).unwrap_or(Ok(false)),
        _ => {
            let mut it = crate::iter::iterate(container)?;
            while let Some(v) = it.next()? {
                if values_equal(&v, item) {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

pub fn in_(item: &Value, container: &Value) -> PyResult<Value> {
    contains(container, item).map(Value::Bool)
}
pub fn not_in(item: &Value, container: &Value) -> PyResult<Value> {
    contains(container, item).map(|b| Value::Bool(!b))
}

pub fn range_len(r: &Range) -> i64 {
    if r.step > 0 && r.start < r.stop {
        ((r.stop as i128 - r.start as i128 - 1) / r.step as i128 + 1) as i64
    } else if r.step < 0 && r.start > r.stop {
        ((r.start as i128 - r.stop as i128 - 1) / (-(r.step as i128)) + 1) as i64
    } else {
        0
    }
}

pub(crate) fn range_contains(r: &Range, i: i64) -> bool {
    let inside = if r.step > 0 { r.start <= i && i < r.stop } else { r.stop < i && i <= r.start };
    inside && (i as i128 - r.start as i128) % r.step as i128 == 0
}

/// `len(x)`.
#[inline]
pub fn len(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Str(s) => strmethods::char_len(s) as i64,
        Value::List(l) => l.borrow().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) => d.borrow().len() as i64,
        Value::Set(s) => s.borrow().len() as i64,
        Value::FrozenSet(s) => s.len() as i64,
        Value::Range(r) => range_len(r),
        Value::Object(_) => return crate::classes::object_len(v),
        Value::Native(n) => return n.len(),
        Value::Class(c) => return len(&crate::classes::class_getattr(c, "_members_")?),
        _ => return type_error(format!("object of type '{}' has no len()", v.type_name())),
    })
}

/// Normalise a possibly negative index against `len`; None when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

fn index_of(container: &Value, index: &Value) -> PyResult<i64> {
    match index.as_index() {
        Some(i) => Ok(i),
        None => type_error(format!(
            "{} indices must be integers or slices, not {}",
            container.type_name(),
            index.type_name()
        )),
    }
}

/// `container[index]`.
#[inline]
pub fn getitem(container: &Value, index: &Value) -> PyResult<Value> {
    match container {
        Value::List(l) => {
            let i = index_of(container, index)?;
            let l = l.borrow();
            match norm_index(i, l.len()) {
                Some(j) => Ok(l[j].clone()),
                None => index_error("list index out of range"),
            }
        }
        Value::Tuple(t) => {
            let i = index_of(container, index)?;
            match norm_index(i, t.len()) {
                Some(j) => Ok(t[j].clone()),
                None => index_error("tuple index out of range"),
            }
        }
        Value::Str(s) => {
            let i = index_of(container, index)?;
            match strmethods::char_at(s, i) {
                Some(c) => {
                    let mut buf = [0u8; 4];
                    Ok(Value::str(c.encode_utf8(&mut buf)))
                }
                None => index_error("string index out of range"),
            }
        }
        Value::Dict(d) => {
            index.check_hashable()?;
            let found = d.borrow().get(index).cloned();
            match found {
                Some(v) => Ok(v),
                None => crate::methods::dict_missing(container, index),
            }
        }
        Value::Range(r) => {
            let i = index_of(container, index)?;
            let n = range_len(r);
            match norm_index(i, n as usize) {
                Some(j) => Ok(Value::Int(r.start + j as i64 * r.step)),
                None => index_error("range object index out of range"),
            }
        }
        Value::Object(_) => crate::classes::call_dunder(container, "__getitem__", vec![index.clone()]),
        Value::Native(n) => n.getitem(index),
        Value::Class(c) => crate::classes::class_member(c, index),
        Value::Func(f) if crate::builtins::is_builtin_type(&f.name) || &*f.name == "type" => {
            Ok(crate::generic_alias::subscript(container, index))
        }
        _ => type_error(format!("'{}' object is not subscriptable", container.type_name())),
    }
}

/// `container[i]` with an index known to be a machine int: lists skip the boxing.
#[inline]
pub fn getitem_int(container: &Value, i: i64) -> PyResult<Value> {
    if let Value::List(l) = container {
        let l = l.borrow();
        return match norm_index(i, l.len()) {
            Some(j) => Ok(l[j].clone()),
            None => index_error("list index out of range"),
        };
    }
    getitem(container, &Value::Int(i))
}

/// `container[i] = value` with a machine-int index.
#[inline]
pub fn setitem_int(container: &Value, i: i64, value: Value) -> PyResult<()> {
    if let Value::List(l) = container {
        let mut l = l.borrow_mut();
        let n = l.len();
        return match norm_index(i, n) {
            Some(j) => {
                l[j] = value;
                Ok(())
            }
            None => index_error("list assignment index out of range"),
        };
    }
    setitem(container, &Value::Int(i), value)
}

/// `container[index] = value`.
pub fn setitem(container: &Value, index: &Value, value: Value) -> PyResult<()> {
    match container {
        Value::List(l) => {
            let i = index_of(container, index)?;
            let mut l = l.borrow_mut();
            let n = l.len();
            match norm_index(i, n) {
                Some(j) => {
                    l[j] = value;
                    Ok(())
                }
                None => index_error("list assignment index out of range"),
            }
        }
        Value::Dict(d) => {
            index.check_hashable()?;
            d.borrow_mut().insert(index.clone(), value);
            Ok(())
        }
        Value::Object(_) => {
            crate::classes::call_dunder(container, "__setitem__", vec![index.clone(), value]).map(|_| ())
        }
        Value::Native(n) => n.setitem(index, value),
        _ => type_error(format!(
            "'{}' object does not support item assignment",
            container.type_name()
        )),
    }
}

/// `del container[index]`.
pub fn delitem(container: &Value, index: &Value) -> PyResult<()> {
    match container {
        Value::List(l) => {
            let i = index_of(container, index)?;
            let mut l = l.borrow_mut();
            let n = l.len();
            match norm_index(i, n) {
                Some(j) => {
                    l.remove(j);
                    Ok(())
                }
                None => index_error("list assignment index out of range"),
            }
        }
        Value::Dict(d) => {
            index.check_hashable()?;
            let removed = d.borrow_mut().remove(index);
            match removed {
                Some(_) => Ok(()),
                None => key_error(index),
            }
        }
        _ => type_error(format!("'{}' object doesn't support item deletion", container.type_name())),
    }
}

/// CPython's PySlice_AdjustIndices: concrete (start, stop, step, count) for a length.
pub fn slice_indices(len: usize, start: &Value, stop: &Value, step: &Value) -> PyResult<(i64, i64, i64, usize)> {
    let len = len as i64;
    let step = if step.is_none() { 1 } else { slice_bound(step)? };
    if step == 0 {
        return value_error("slice step cannot be zero");
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: &Value, default: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let i = slice_bound(v)?;
        Ok(if i < 0 { (i + len).max(lower) } else { i.min(upper) })
    };
    let start = clamp(start, if step < 0 { upper } else { lower })?;
    let stop = clamp(stop, if step < 0 { lower } else { upper })?;
    let count = if step > 0 {
        if start < stop { (stop - start - 1) / step + 1 } else { 0 }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

fn slice_bound(v: &Value) -> PyResult<i64> {
    match v.as_index() {
        Some(i) => Ok(i),
        None => type_error("slice indices must be integers or None or have an __index__ method"),
    }
}

/// The `count` items of a slice from `start` by `step` (also used by typed lists).
pub fn pick<T: Clone>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        out.push(items[i as usize].clone());
        i += step;
    }
    out
}

/// `seq[start:stop:step]` (None for an omitted bound).
pub fn getslice(seq: &Value, start: &Value, stop: &Value, step: &Value) -> PyResult<Value> {
    match seq {
        Value::List(l) => {
            let l = l.borrow();
            let (a, _, s, n) = slice_indices(l.len(), start, stop, step)?;
            Ok(Value::list(pick(&l, a, s, n)))
        }
        Value::Tuple(t) => {
            let (a, _, s, n) = slice_indices(t.len(), start, stop, step)?;
            Ok(Value::tuple(pick(t, a, s, n)))
        }
        Value::Str(text) => crate::strops::slice(text, start, stop, step).map(Value::Str),
        Value::Range(r) => {
            let (a, _, s, n) = slice_indices(range_len(r) as usize, start, stop, step)?;
            let first = r.start + a * r.step;
            let step = r.step * s;
            Ok(Value::Range(Range { start: first, stop: first + n as i64 * step, step }))
        }
        Value::Native(n) => n.getslice(start, stop, step),
        Value::Object(_) => match crate::builtin_bases::builtin_part(seq) {
            Some(part) => getslice(&part, start, stop, step),
            None => type_error(format!("'{}' object is not subscriptable", seq.type_name())),
        },
        _ => type_error(format!("'{}' object is not subscriptable", seq.type_name())),
    }
}

/// `seq[start:stop:step] = items`.
pub fn setslice(seq: &Value, start: &Value, stop: &Value, step: &Value, items: &Value) -> PyResult<()> {
    let list = match seq {
        Value::List(l) => l,
        Value::Object(_) if crate::builtin_bases::builtin_part(seq).is_some() => {
            return setslice(&crate::builtin_bases::as_builtin(seq), start, stop, step, items)
        }
        _ => return type_error(format!("'{}' object does not support slice assignment", seq.type_name())),
    };
    let new_items = crate::iter::collect_vec(items)?;
    let mut l = list.borrow_mut();
    let (a, b, s, n) = slice_indices(l.len(), start, stop, step)?;
    if s == 1 {
        let b = b.max(a);
        l.splice(a as usize..b as usize, new_items);
        return Ok(());
    }
    if new_items.len() != n {
        return value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            n
        ));
    }
    let mut i = a;
    for v in new_items {
        l[i as usize] = v;
        i += s;
    }
    Ok(())
}

/// `del seq[start:stop:step]`.
pub fn delslice(seq: &Value, start: &Value, stop: &Value, step: &Value) -> PyResult<()> {
    let list = match seq {
        Value::List(l) => l,
        Value::Object(_) if crate::builtin_bases::builtin_part(seq).is_some() => {
            return delslice(&crate::builtin_bases::as_builtin(seq), start, stop, step)
        }
        _ => return type_error(format!("'{}' object doesn't support item deletion", seq.type_name())),
    };
    let mut l = list.borrow_mut();
    let (a, _, s, n) = slice_indices(l.len(), start, stop, step)?;
    if n == 0 {
        return Ok(());
    }
    if s == 1 {
        l.drain(a as usize..(a + n as i64) as usize);
        return Ok(());
    }
    // One pass over the list: removing the items one by one would be quadratic.
    let mut doomed = vec![false; l.len()];
    for k in 0..n as i64 {
        doomed[(a + k * s) as usize] = true;
    }
    let mut at = 0;
    l.retain(|_| {
        at += 1;
        !doomed[at - 1]
    });
    Ok(())
}

/// `a += b`: lists extend in place (visible through aliases), other types rebind.
pub fn iadd(a: &Value, b: &Value) -> PyResult<Value> {
    if let Value::Object(_) = a {
        if let Some(r) = crate::classes::try_dunder(a, "__iadd__", vec![b.clone()]) {
            return r;
        }
    }
    if let Value::List(l) = a {
        let items = crate::iter::collect_vec(b)?;
        l.borrow_mut().extend(items);
        return Ok(a.clone());
    }
    if let Value::Native(n) = a {
        if let Some(r) = n.inplace_add(b) {
            return r.map(|_| a.clone());
        }
    }
    add(a, b)
}

/// `a *= n`: lists repeat in place.
pub fn imul(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::List(l), Some(n)) = (a, b.as_index()) {
        let items = l.borrow().clone();
        let mut l = l.borrow_mut();
        l.clear();
        for _ in 0..n.max(0) {
            l.extend(items.iter().cloned());
        }
        return Ok(a.clone());
    }
    mul(a, b)
}

/// `a |= b`: sets and dicts update in place.
pub fn ibitor(a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Set(s), Value::Set(o)) => {
            let other = o.borrow().copy();
            s.borrow_mut().update(&other);
            Ok(a.clone())
        }
        (Value::Dict(d), _) => {
            let mut table = d.borrow().clone();
            crate::methods::dict_update_from(&mut table, b)?;
            *d.borrow_mut() = table;
            Ok(a.clone())
        }
        _ => bitor(a, b),
    }
}
