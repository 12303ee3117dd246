//! `fractions.Fraction`: exact rationals over big ints, always in lowest terms with the
//! sign in the numerator.  Arithmetic with ints and Fractions stays exact, with floats
//! it becomes float arithmetic, as in CPython.  `statistics` uses the same type for its
//! exact sums.

use crate::bigint::BigInt;
use crate::exc::*;
use crate::methods::Args;
use crate::ops::{self, int_error, int_value};
use crate::value::*;
use std::cmp::Ordering;
use std::rc::Rc;

/// A rational number `num / den` with `den > 0` and `gcd(num, den) == 1`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Fraction {
    pub num: BigInt,
    pub den: BigInt,
}

fn big(v: i64) -> BigInt {
    BigInt::from_i64(v)
}

/// Exact floor division of big ints (the divisor is never zero where this is used).
fn div_exact(a: &BigInt, b: &BigInt) -> BigInt {
    a.divmod_floor(b).map_or_else(|_| BigInt::zero(), |(q, _)| q)
}

/// `x.as_integer_ratio()` for a float, with CPython's errors for nan and infinities.
pub fn float_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return value_error("cannot convert NaN to integer ratio");
    }
    if x.is_infinite() {
        return Err(PyErr::new(&OVERFLOW_ERROR, "cannot convert Infinity to integer ratio"));
    }
    let bits = x.to_bits();
    let (biased, fraction) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    let (mut mant, mut exp) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased as i64 - 1075) };
    if mant == 0 {
        return Ok((BigInt::zero(), big(1)));
    }
    while mant & 1 == 0 && exp < 0 {
        mant >>= 1;
        exp += 1;
    }
    let n = BigInt::from_u64(mant);
    let n = if x < 0.0 { n.neg() } else { n };
    Ok(if exp >= 0 { (n.shl(exp as u64), big(1)) } else { (n, big(1).shl((-exp) as u64)) })
}

impl Fraction {
    /// `Fraction(num, den)` normalised; ZeroDivisionError for a zero denominator.
    pub fn new(num: BigInt, den: BigInt) -> PyResult<Fraction> {
        if den.is_zero() {
            return zero_division(format!("Fraction({}, 0)", num));
        }
        let mut g = num.gcd(&den);
        if den.is_negative() {
            g = g.neg();
        }
        Ok(Fraction { num: div_exact(&num, &g), den: div_exact(&den, &g) })
    }

    pub fn from_int(n: BigInt) -> Fraction {
        Fraction { num: n, den: big(1) }
    }

    /// The exact value of an int, bool or Fraction (`None` for other types).
    pub fn of_rational(v: &Value) -> Option<Fraction> {
        match v {
            Value::Int(i) => Some(Fraction::from_int(big(*i))),
            Value::Bool(b) => Some(Fraction::from_int(big(*b as i64))),
            Value::BigInt(b) => Some(Fraction::from_int(b.as_ref().clone())),
            Value::Native(n) if n.type_name() == "Fraction" => {
                let num = n.getattr("numerator").ok()?;
                let den = n.getattr("denominator").ok()?;
                Some(Fraction { num: to_big(&num)?, den: to_big(&den)? })
            }
            _ => None,
        }
    }

    pub fn add(&self, o: &Fraction) -> Fraction {
        let n = self.num.mul(&o.den).add(&o.num.mul(&self.den));
        Fraction::new(n, self.den.mul(&o.den)).unwrap_or_else(|_| Fraction::from_int(BigInt::zero()))
    }

    pub fn sub(&self, o: &Fraction) -> Fraction {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &Fraction) -> Fraction {
        Fraction::new(self.num.mul(&o.num), self.den.mul(&o.den)).unwrap_or_else(|_| Fraction::from_int(BigInt::zero()))
    }

    /// `self / o`, reducing before multiplying as CPython does, which fixes the
    /// numerator shown in the ZeroDivisionError message.
    pub fn div(&self, o: &Fraction) -> PyResult<Fraction> {
        let (mut n1, mut d1, mut n2, mut d2) = (self.num.clone(), self.den.clone(), o.num.clone(), o.den.clone());
        let g1 = n1.gcd(&n2);
        if g1 > big(1) {
            n1 = div_exact(&n1, &g1);
            n2 = div_exact(&n2, &g1);
        }
        let g2 = d1.gcd(&d2);
        if g2 > big(1) {
            d1 = div_exact(&d1, &g2);
            d2 = div_exact(&d2, &g2);
        }
        Fraction::new(n1.mul(&d2), n2.mul(&d1))
    }

    pub fn neg(&self) -> Fraction {
        Fraction { num: self.num.neg(), den: self.den.clone() }
    }

    /// `self ** n` for an integer power.
    fn powi(&self, n: &BigInt) -> PyResult<Fraction> {
        let e = match n.abs().to_i64() {
            Some(e) => e as u64,
            None => return overflow(),
        };
        if n.is_negative() {
            Fraction::new(self.den.pow(e), self.num.pow(e))
        } else {
            Ok(Fraction { num: self.num.pow(e), den: self.den.pow(e) })
        }
    }

    /// `float(self)`, correctly rounded.
    pub fn to_f64(&self) -> PyResult<f64> {
        self.num.true_div(&self.den).map_err(int_error)
    }

    /// `math.floor(self)`.
    fn floor(&self) -> BigInt {
        div_exact(&self.num, &self.den)
    }

    /// `round(self)`: to the nearest int, ties to even.
    fn round(&self) -> BigInt {
        let (q, r) = self.num.divmod_floor(&self.den).unwrap_or_else(|_| (BigInt::zero(), BigInt::zero()));
        match r.shl(1).cmp(&self.den) {
            Ordering::Greater => q.add(&big(1)),
            Ordering::Equal if q.bitand(&big(1)) == big(1) => q.add(&big(1)),
            _ => q,
        }
    }

    fn cmp(&self, o: &Fraction) -> Ordering {
        self.num.mul(&o.den).cmp(&o.num.mul(&self.den))
    }

    pub fn into_value(self) -> Value {
        Value::Native(Rc::new(self))
    }

    /// `str(self)`: "n/d", or "n" for a whole number.
    pub fn to_text(&self) -> String {
        if self.den == big(1) {
            self.num.to_string()
        } else {
            format!("{}/{}", self.num, self.den)
        }
    }

    /// The closest Fraction with a denominator at most `max_den` (continued fractions).
    fn limit_denominator(&self, max_den: &BigInt) -> PyResult<Fraction> {
        if *max_den < big(1) {
            return value_error("max_denominator should be at least 1");
        }
        if self.den <= *max_den {
            return Ok(self.clone());
        }
        let (mut p0, mut q0, mut p1, mut q1) = (big(0), big(1), big(1), big(0));
        let (mut n, mut d) = (self.num.clone(), self.den.clone());
        loop {
            let a = div_exact(&n, &d);
            let q2 = q0.add(&a.mul(&q1));
            if q2 > *max_den {
                break;
            }
            let p2 = p0.add(&a.mul(&p1));
            p0 = std::mem::replace(&mut p1, p2);
            q0 = std::mem::replace(&mut q1, q2);
            let rest = n.sub(&a.mul(&d));
            n = std::mem::replace(&mut d, rest);
        }
        let k = div_exact(&max_den.sub(&q0), &q1);
        let q_bound = q0.add(&k.mul(&q1));
        if d.shl(1).mul(&q_bound) <= self.den {
            Ok(Fraction { num: p1, den: q1 })
        } else {
            Ok(Fraction { num: p0.add(&k.mul(&p1)), den: q_bound })
        }
    }

    /// `hash(self)` as CPython computes it (the numerator's hash times the inverse of the
    /// denominator modulo 2**61 - 1).
    fn hash(&self) -> i64 {
        let modulus = big((1 << 61) - 1);
        let h = match self.den.pow_mod(&modulus.sub(&big(2)), &modulus) {
            Ok(inv) if !inv.is_zero() => big(self.num.abs().py_hash()).mul(&inv).py_hash(),
            _ => 314159,
        };
        let h = if self.num.is_negative() { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// `self op other` for a rational other (`reflected` swaps the operands).
    fn exact_op(&self, op: &str, other: &Fraction, reflected: bool) -> PyResult<Value> {
        let (a, b) = if reflected { (other, self) } else { (self, other) };
        let result = match op {
            "+" => a.add(b),
            "-" => a.sub(b),
            "*" => a.mul(b),
            "/" => a.div(b)?,
            "//" => {
                let (q, _) = a.num.mul(&b.den).divmod_floor(&a.den.mul(&b.num)).map_err(int_error)?;
                return Ok(int_value(q));
            }
            "%" => {
                let (_, r) = a.num.mul(&b.den).divmod_floor(&b.num.mul(&a.den)).map_err(int_error)?;
                Fraction::new(r, a.den.mul(&b.den))?
            }
            _ if b.den != big(1) => return ops::pow(&Value::Float(a.to_f64()?), &Value::Float(b.to_f64()?)),
            // An int base with a non-negative whole exponent stays an int.
            _ if reflected && !b.num.is_negative() => return ops::pow(&int_value(a.num.clone()), &int_value(b.num.clone())),
            _ => a.powi(&b.num)?,
        };
        Ok(result.into_value())
    }
}

fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(big(*i)),
        Value::BigInt(b) => Some(b.as_ref().clone()),
        _ => None,
    }
}

impl NativeObject for Fraction {
    fn type_name(&self) -> &'static str {
        "Fraction"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        let int = |b: BigInt| Ok(int_value(b));
        match name {
            "limit_denominator" => {
                let max_den = match a.get(0, "max_denominator") {
                    Some(v) => to_big(v).map_or_else(|| type_error("max_denominator must be an int"), Ok)?,
                    None => big(1_000_000),
                };
                Ok(self.limit_denominator(&max_den)?.into_value())
            }
            "as_integer_ratio" => Ok(Value::tuple(vec![int_value(self.num.clone()), int_value(self.den.clone())])),
            "conjugate" | "__pos__" => Ok(self.clone().into_value()),
            "__neg__" => Ok(self.neg().into_value()),
            "__abs__" => Ok(Fraction { num: self.num.abs(), den: self.den.clone() }.into_value()),
            "__float__" => Ok(Value::Float(self.to_f64()?)),
            "__int__" | "__trunc__" if self.num.is_negative() => int(self.neg().floor().neg()),
            "__int__" | "__trunc__" => int(self.floor()),
            "__floor__" => int(self.floor()),
            "__ceil__" => int(self.neg().floor().neg()),
            "__round__" => match a.get(0, "ndigits") {
                None | Some(Value::None) => int(self.round()),
                Some(nd) => {
                    let nd = nd.to_int()?;
                    let shift = Fraction::from_int(big(10).pow(nd.unsigned_abs()));
                    let r = if nd >= 0 {
                        Fraction::new(self.mul(&shift).round(), shift.num)?
                    } else {
                        Fraction::from_int(self.div(&shift)?.round().mul(&shift.num))
                    };
                    Ok(r.into_value())
                }
            },
            "__str__" => Ok(Value::string(self.to_text())),
            "__hash__" => Ok(Value::Int(self.hash())),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Fraction' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "numerator" => Ok(int_value(self.num.clone())),
            "denominator" => Ok(int_value(self.den.clone())),
            "real" => Ok(self.clone().into_value()),
            "imag" => Ok(Value::Int(0)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Fraction' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        format!("Fraction({}, {})", self.num, self.den)
    }
    fn str(&self) -> String {
        self.to_text()
    }
    fn hash(&self) -> i64 {
        Fraction::hash(self)
    }
    fn truthy(&self) -> bool {
        !self.num.is_zero()
    }
    fn equals(&self, other: &Value) -> bool {
        match other {
            Value::Float(f) => f.is_finite() && float_ratio(*f).map_or(false, |(n, d)| self.num == n && self.den == d),
            _ => Fraction::of_rational(other).map_or(false, |o| *self == o),
        }
    }
    fn compare(&self, other: &Value) -> Option<PyResult<std::cmp::Ordering>> {
        match other {
            Value::Float(f) if f.is_nan() => Some(value_error("nan")),
            Value::Float(f) if f.is_infinite() => Some(Ok(if *f > 0.0 { Ordering::Less } else { Ordering::Greater })),
            Value::Float(f) => Some(float_ratio(*f).map(|(n, d)| self.cmp(&Fraction { num: n, den: d }))),
            _ => Fraction::of_rational(other).map(|o| Ok(self.cmp(&o))),
        }
    }
    fn binary_op(&self, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        if op == "divmod()" {
            let q = self.binary_op("//", other, reflected)?;
            let r = self.binary_op("%", other, reflected)?;
            return Some(q.and_then(|q| r.map(|r| Value::tuple(vec![q, r]))));
        }
        if let Some(o) = Fraction::of_rational(other) {
            return Some(self.exact_op(op, &o, reflected));
        }
        // With a float or a complex, a Fraction is its float value (as in CPython).
        if !matches!(other, Value::Float(_)) && other.type_name() != "complex" {
            return None;
        }
        let me = match self.to_f64() {
            Ok(f) => Value::Float(f),
            Err(e) => return Some(Err(e)),
        };
        let (a, b) = if reflected { (other, &me) } else { (&me, other) };
        Some(match op {
            "+" => ops::add(a, b),
            "-" => ops::sub(a, b),
            "*" => ops::mul(a, b),
            "/" => ops::truediv(a, b),
            "//" => ops::floordiv(a, b),
            "%" => ops::modulo(a, b),
            _ => ops::pow(a, b),
        })
    }
}

/// The digits of `\d+(_\d+)*` at the start of `s` (underscores dropped) and the rest.
fn digits(s: &str) -> (String, &str) {
    let bytes = s.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() {
            out.push(c as char);
        } else if !(c == b'_' && i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).map_or(false, u8::is_ascii_digit)) {
            break;
        }
        i += 1;
    }
    (out, &s[i..])
}

fn parse_big(digits: &str) -> BigInt {
    if digits.is_empty() {
        return BigInt::zero();
    }
    BigInt::parse(digits, 10).unwrap_or_else(|_| BigInt::zero())
}

/// `Fraction("3/4")`, `Fraction("-1.25e-3")`: CPython's literal syntax.
fn parse(text: &str) -> Option<(BigInt, BigInt)> {
    let s = text.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let b = s.as_bytes();
    let starts_ok = b.first().map_or(false, u8::is_ascii_digit)
        || (b.first() == Some(&b'.') && b.get(1).map_or(false, u8::is_ascii_digit));
    if !starts_ok {
        return None;
    }
    let (num_digits, mut rest) = digits(s);
    let mut num = parse_big(&num_digits);
    let mut den = big(1);
    if let Some(r) = rest.strip_prefix('/') {
        let (den_digits, tail) = digits(r);
        if den_digits.is_empty() || !tail.is_empty() {
            return None;
        }
        den = parse_big(&den_digits);
        rest = tail;
    } else {
        if let Some(r) = rest.strip_prefix('.') {
            let (dec, tail) = digits(r);
            let scale = big(10).pow(dec.len() as u64);
            num = num.mul(&scale).add(&parse_big(&dec));
            den = scale;
            rest = tail;
        }
        if let Some(r) = rest.strip_prefix('e').or_else(|| rest.strip_prefix('E')) {
            let (exp_negative, r) = match r.as_bytes().first() {
                Some(b'-') => (true, &r[1..]),
                Some(b'+') => (false, &r[1..]),
                _ => (false, r),
            };
            let (exp_digits, tail) = digits(r);
            let exp = exp_digits.parse::<u64>().ok()?;
            let power = big(10).pow(exp);
            if exp_negative {
                den = den.mul(&power);
            } else {
                num = num.mul(&power);
            }
            rest = tail;
        }
    }
    if !rest.is_empty() {
        return None;
    }
    Some((if negative { num.neg() } else { num }, den))
}

/// `Fraction(numerator=0, denominator=None)`.
fn construct(a: &Args) -> PyResult<Fraction> {
    let first = a.get(0, "numerator").cloned().unwrap_or(Value::Int(0));
    let second = a.get(1, "denominator").filter(|v| !v.is_none());
    if let Some(d) = second {
        return match (Fraction::of_rational(&first), Fraction::of_rational(d)) {
            (Some(n), Some(d)) => Fraction::new(n.num.mul(&d.den), d.num.mul(&n.den)),
            _ => type_error("both arguments should be Rational instances"),
        };
    }
    if let Some(f) = Fraction::of_rational(&first) {
        return Ok(f);
    }
    match &first {
        Value::Float(f) => {
            let (n, d) = float_ratio(*f)?;
            Ok(Fraction { num: n, den: d })
        }
        Value::Str(s) => match parse(s) {
            Some((n, d)) => Fraction::new(n, d),
            None => value_error(format!("Invalid literal for Fraction: {}", first.repr())),
        },
        _ => type_error("argument should be a string or a Rational instance"),
    }
}

/// `fractions.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "fractions.Fraction" => Ok(construct(a)?.into_value()),
        _ => type_error(format!("{} is not available", name)),
    }
}
