//! The built-in `complex` type: a pair of f64s with CPython 3.11's arithmetic (an int
//! or float operand is converted to a complex first), its `repr` (`(1+2j)`, `-0j`,
//! `(nan+infj)`), hash, parsing of `complex("1+2j")` and `format()` specs.  `cmath`
//! (`stdlib/cmath.rs`) builds on the same type.

use crate::exc::*;
use crate::format::{float_repr, format_float, format_str};
use crate::value::*;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    pub fn into_value(self) -> Value {
        Value::Native(Rc::new(self))
    }

    /// A complex, int, bool or float as a complex (`None` for other types).
    pub fn of(v: &Value) -> Option<Complex> {
        match v {
            Value::Native(n) => n.as_any().and_then(|a| a.downcast_ref::<Complex>()).copied(),
            _ => v.as_f64().map(|re| Complex::new(re, 0.0)),
        }
    }

    pub fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }

    pub fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }

    pub fn mul(self, o: Complex) -> Complex {
        Complex::new(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)
    }

    pub fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }

    /// `self / o` by Smith's method, as CPython computes it.
    pub fn div(self, o: Complex) -> PyResult<Complex> {
        let (abs_re, abs_im) = (o.re.abs(), o.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return zero_division("complex division by zero");
            }
            let ratio = o.im / o.re;
            let denom = o.re + o.im * ratio;
            Ok(Complex::new((self.re + self.im * ratio) / denom, (self.im - self.re * ratio) / denom))
        } else if abs_im >= abs_re {
            let ratio = o.re / o.im;
            let denom = o.re * ratio + o.im;
            Ok(Complex::new((self.re * ratio + self.im) / denom, (self.im * ratio - self.re) / denom))
        } else {
            Ok(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `abs(self)`, with CPython's OverflowError when finite parts overflow.
    pub fn abs(self) -> PyResult<f64> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() || self.im.is_infinite() {
                return Ok(f64::INFINITY);
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_infinite() {
            return Err(PyErr::new(&OVERFLOW_ERROR, "absolute value too large"));
        }
        Ok(r)
    }

    /// `self ** o`: repeated multiplication for small whole exponents, polar form
    /// otherwise (CPython's `c_powi` / `_Py_c_pow`).
    pub fn pow(self, o: Complex) -> PyResult<Complex> {
        let r = if o.im == 0.0 && o.re == o.re.floor() && o.re.abs() <= 100.0 {
            let n = o.re as i64;
            if n >= 0 {
                self.powu(n as u64)
            } else {
                match Complex::new(1.0, 0.0).div(self.powu((-n) as u64)) {
                    Ok(r) => r,
                    Err(_) => return zero_division("0.0 to a negative or complex power"),
                }
            }
        } else if o.re == 0.0 && o.im == 0.0 {
            Complex::new(1.0, 0.0)
        } else if self.re == 0.0 && self.im == 0.0 {
            if o.im != 0.0 || o.re < 0.0 {
                return zero_division("0.0 to a negative or complex power");
            }
            Complex::new(0.0, 0.0)
        } else {
            let vabs = self.re.hypot(self.im);
            let mut len = vabs.powf(o.re);
            let at = self.im.atan2(self.re);
            let mut phase = at * o.re;
            if o.im != 0.0 {
                len /= (at * o.im).exp();
                phase += o.im * vabs.ln();
            }
            Complex::new(len * phase.cos(), len * phase.sin())
        };
        if r.re.is_infinite() || r.im.is_infinite() {
            return Err(PyErr::new(&OVERFLOW_ERROR, "complex exponentiation"));
        }
        Ok(r)
    }

    fn powu(self, n: u64) -> Complex {
        let (mut r, mut p, mut mask) = (Complex::new(1.0, 0.0), self, 1u64);
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = r.mul(p);
            }
            mask <<= 1;
            p = p.mul(p);
        }
        r
    }

    /// `repr(self)`: parts in shortest form without a forced `.0`; parentheses unless the
    /// real part is +0.
    pub fn repr(self) -> String {
        if self.re == 0.0 && self.re.is_sign_positive() {
            return format!("{}j", short_float(self.im));
        }
        let im = short_float(self.im);
        let sign = if im.starts_with('-') { "" } else { "+" };
        format!("({}{}{}j)", short_float(self.re), sign, im)
    }

    /// CPython's `hash(complex)`: hash(real) + 1000003 * hash(imag).
    fn hash(self) -> i64 {
        let (hr, hi) = (crate::tables::hash_float(self.re) as u64, crate::tables::hash_float(self.im) as u64);
        let h = hr.wrapping_add(hi.wrapping_mul(1000003)) as i64;
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// `format(self, spec)`: each part under the spec's precision and type (the
    /// imaginary one always signed), then fill, alignment and width on the whole.
    fn format(self, spec: &str) -> PyResult<String> {
        let kind_at = spec.rfind(|c: char| matches!(c, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n'));
        let precision_at = spec.find('.');
        let body_start = match (precision_at, kind_at) {
            (Some(p), _) => p,
            (None, Some(k)) if k + 1 == spec.len() => k,
            _ => spec.len(),
        };
        let (layout, body) = spec.split_at(body_start);
        let sign = layout.chars().last().filter(|c| matches!(c, '+' | '-' | ' '));
        let layout = if sign.is_some() { &layout[..layout.len() - 1] } else { layout };
        let part = |x: f64, forced: Option<char>| -> PyResult<String> {
            if body.is_empty() {
                let text = short_float(x);
                return Ok(match forced {
                    Some('+') if !text.starts_with('-') => format!("+{}", text),
                    Some(' ') if !text.starts_with('-') => format!(" {}", text),
                    _ => text,
                });
            }
            let spec = format!("{}{}", forced.map(String::from).unwrap_or_default(), body);
            format_float(x, &spec).map_err(|m| PyErr::new(&VALUE_ERROR, m))
        };
        let text = if body.is_empty() && self.re == 0.0 && self.re.is_sign_positive() {
            format!("{}j", part(self.im, sign)?)
        } else {
            let re = part(self.re, sign)?;
            let im = part(self.im, Some('+'))?;
            if body.is_empty() {
                format!("({}{}j)", re, im)
            } else {
                format!("{}{}j", re, im)
            }
        };
        format_str(&text, layout).map_err(|m| PyErr::new(&VALUE_ERROR, m))
    }

    /// `self op other` with `other` as a complex (`reflected` swaps the operands).
    fn binary(self, op: &str, other: Complex, reflected: bool) -> Option<PyResult<Value>> {
        let (a, b) = if reflected { (other, self) } else { (self, other) };
        let r = match op {
            "+" => Ok(a.add(b)),
            "-" => Ok(a.sub(b)),
            "*" => Ok(a.mul(b)),
            "/" => a.div(b),
            "**" => a.pow(b),
            _ => return None,
        };
        Some(r.map(Complex::into_value))
    }
}

/// A float as a complex part: shortest repr, with no `.0` for whole numbers.
fn short_float(x: f64) -> String {
    let text = float_repr(x);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// `complex(real, imag)` (both optional, either possibly complex) or `complex("1+2j")`.
pub fn construct(real: Option<&Value>, imag: Option<&Value>) -> PyResult<Value> {
    let real = real.unwrap_or(&Value::Int(0));
    if let Value::Str(s) = real {
        if imag.is_some() {
            return type_error("complex() can't take second arg if first is a string");
        }
        return match parse(s) {
            Some(c) => Ok(c.into_value()),
            None => value_error("complex() arg is a malformed string"),
        };
    }
    let r = match Complex::of(real) {
        Some(c) => c,
        None => {
            return type_error(format!(
                "complex() first argument must be a string or a number, not '{}'",
                real.type_name()
            ))
        }
    };
    let i = match imag {
        None => return Ok(r.into_value()),
        Some(Value::Str(_)) => return type_error("complex() second arg can't be a string"),
        Some(v) => match Complex::of(v) {
            Some(c) => c,
            None => {
                return type_error(format!(
                    "complex() second argument must be a number, not '{}'",
                    v.type_name()
                ))
            }
        },
    };
    // Only a complex argument contributes its other part (so `complex(0.0, -0.0)` keeps
    // the sign of its zero).
    let (mut re, mut im) = (r.re, i.re);
    if matches!(imag, Some(Value::Native(_))) {
        re -= i.im;
    }
    if matches!(real, Value::Native(_)) {
        im += r.im;
    }
    Ok(Complex::new(re, im).into_value())
}

/// The literal `<imag>j` (the parser gives `3+4j` as `3 + 4j`).
pub fn imaginary(im: f64) -> Value {
    Complex::new(0.0, im).into_value()
}

/// CPython's complex string syntax: `a`, `bj`, `a+bj`, `a-bj`, `j`, `-j`, optionally in
/// parentheses, surrounded by whitespace.
fn parse(text: &str) -> Option<Complex> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let number = |t: &str| -> Option<f64> {
        let body = t.trim_start_matches(|c| c == '+' || c == '-');
        if body.is_empty() || body.starts_with(|c: char| c.is_alphabetic() && !matches!(c, 'i' | 'I' | 'n' | 'N')) {
            return None;
        }
        crate::format::parse_float(t).ok()
    };
    let unit = |t: &str| -> Option<f64> {
        match t {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => number(t),
        }
    };
    let lower = s.to_ascii_lowercase();
    let head = match lower.strip_suffix('j') {
        Some(head) => head,
        None => return number(s).map(|re| Complex::new(re, 0.0)),
    };
    // The imaginary part starts at the last sign that is not an exponent's.
    let bytes = head.as_bytes();
    let split = (1..bytes.len()).rev().find(|&i| matches!(bytes[i], b'+' | b'-') && bytes[i - 1] != b'e');
    match split {
        Some(i) => Some(Complex::new(number(&head[..i])?, unit(&head[i..])?)),
        None => Some(Complex::new(0.0, unit(head)?)),
    }
}

impl NativeObject for Complex {
    fn type_name(&self) -> &'static str {
        "complex"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        match name {
            "conjugate" => Ok(Complex::new(self.re, -self.im).into_value()),
            "__neg__" => Ok(self.neg().into_value()),
            "__pos__" => Ok(self.into_value()),
            "__abs__" => Ok(Value::Float(self.abs()?)),
            "__format__" => {
                let spec = args.first().map(|s| s.to_str()).unwrap_or_default();
                Ok(Value::string(self.format(&spec)?))
            }
            "__float__" => type_error("float() argument must be a string or a real number, not 'complex'"),
            "__int__" => type_error("int() argument must be a string, a bytes-like object or a real number, not 'complex'"),
            "__round__" => type_error("type complex doesn't define __round__ method"),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'complex' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "real" => Ok(Value::Float(self.re)),
            "imag" => Ok(Value::Float(self.im)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'complex' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        Complex::repr(*self)
    }
    fn hash(&self) -> i64 {
        Complex::hash(*self)
    }
    fn truthy(&self) -> bool {
        self.re != 0.0 || self.im != 0.0
    }
    fn equals(&self, other: &Value) -> bool {
        match other {
            Value::Native(_) => Complex::of(other).map_or(false, |o| o == *self),
            _ if self.im == 0.0 && other.as_f64().is_some() => crate::ops::values_equal(&Value::Float(self.re), other),
            _ => false,
        }
    }
    fn binary_op(&self, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        self.binary(op, Complex::of(other)?, reflected)
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(Complex::new(1.0, 2.0).repr(), "(1+2j)");
        assert_eq!(Complex::new(0.0, -0.0).repr(), "-0j");
        assert_eq!(Complex::new(-0.0, -0.0).repr(), "(-0-0j)");
        assert_eq!(Complex::new(f64::NAN, f64::INFINITY).repr(), "(nan+infj)");
        assert_eq!(Complex::new(1.5, 1e16).repr(), "(1.5+1e+16j)");
    }

    #[test]
    fn parses_cpython_syntax() {
        assert_eq!(parse("1+2j"), Some(Complex::new(1.0, 2.0)));
        assert_eq!(parse(" (-j) "), Some(Complex::new(0.0, -1.0)));
        assert_eq!(parse("1e-3-2.5J"), Some(Complex::new(1e-3, -2.5)));
        assert_eq!(parse("3"), Some(Complex::new(3.0, 0.0)));
        assert_eq!(parse("1 + 2j"), None);
        assert_eq!(parse("j2"), None);
    }

    #[test]
    fn division_and_powers() {
        assert!(Complex::new(1.0, 1.0).div(Complex::new(0.0, 0.0)).is_err());
        assert_eq!(Complex::new(0.0, 1.0).pow(Complex::new(2.0, 0.0)).unwrap(), Complex::new(-1.0, 0.0));
        assert!(Complex::new(0.0, 0.0).pow(Complex::new(-1.0, 0.0)).is_err());
    }
}
