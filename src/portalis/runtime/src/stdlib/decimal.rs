//! `decimal` (and `_pydecimal`): decimal floating point as CPython computes it.  A Decimal
//! is a sign, a coefficient (a big int) and a power-of-ten exponent, or a special value
//! (Infinity, NaN, sNaN).  Construction is exact; arithmetic rounds to the current
//! context's precision with its rounding mode, and the context's traps decide whether a
//! condition (invalid operation, division by zero, overflow) raises or gives a special
//! value.  `sqrt`, `exp`, `ln` and `log10` are correctly rounded, as CPython's are.

use crate::bigint::BigInt;
use crate::exc::*;
use crate::methods::Args;
use crate::ops::int_value;
use crate::value::*;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

pub static DECIMAL_EXCEPTION: ExcType = ExcType { name: "decimal.DecimalException", base: Some(&ARITHMETIC_ERROR) };
pub static INVALID_OPERATION: ExcType = ExcType { name: "decimal.InvalidOperation", base: Some(&DECIMAL_EXCEPTION) };
/// CPython's DivisionByZero derives from both DecimalException and ZeroDivisionError;
/// with one base here, `except ZeroDivisionError` is the one kept.
pub static DIVISION_BY_ZERO: ExcType = ExcType { name: "decimal.DivisionByZero", base: Some(&ZERO_DIVISION_ERROR) };
pub static INEXACT: ExcType = ExcType { name: "decimal.Inexact", base: Some(&DECIMAL_EXCEPTION) };
pub static ROUNDED: ExcType = ExcType { name: "decimal.Rounded", base: Some(&DECIMAL_EXCEPTION) };
pub static OVERFLOW: ExcType = ExcType { name: "decimal.Overflow", base: Some(&INEXACT) };
pub static UNDERFLOW: ExcType = ExcType { name: "decimal.Underflow", base: Some(&INEXACT) };
pub static SUBNORMAL: ExcType = ExcType { name: "decimal.Subnormal", base: Some(&DECIMAL_EXCEPTION) };
pub static CLAMPED: ExcType = ExcType { name: "decimal.Clamped", base: Some(&DECIMAL_EXCEPTION) };
pub static FLOAT_OPERATION: ExcType = ExcType { name: "decimal.FloatOperation", base: Some(&DECIMAL_EXCEPTION) };

/// The signals, as bits of a context's `flags` and `traps`, in the order a context's repr
/// lists them.
const SIGNALS: [(&str, u32); 9] = [
    ("Clamped", 1),
    ("InvalidOperation", 2),
    ("DivisionByZero", 4),
    ("Inexact", 8),
    ("FloatOperation", 256),
    ("Overflow", 64),
    ("Rounded", 16),
    ("Subnormal", 32),
    ("Underflow", 128),
];
/// The order of `ctx.flags` and `ctx.traps` as dicts.
const DICT_ORDER: [&str; 9] = [
    "InvalidOperation",
    "FloatOperation",
    "DivisionByZero",
    "Overflow",
    "Underflow",
    "Subnormal",
    "Inexact",
    "Rounded",
    "Clamped",
];
const S_FLOAT: u32 = 256;
const S_INVALID: u32 = 2;
const S_DIV_ZERO: u32 = 4;
const S_INEXACT: u32 = 8;
const S_ROUNDED: u32 = 16;
const S_OVERFLOW: u32 = 64;

fn signal_type(bit: u32) -> &'static ExcType {
    match bit {
        1 => &CLAMPED,
        2 => &INVALID_OPERATION,
        4 => &DIVISION_BY_ZERO,
        8 => &INEXACT,
        16 => &ROUNDED,
        32 => &SUBNORMAL,
        64 => &OVERFLOW,
        128 => &UNDERFLOW,
        _ => &FLOAT_OPERATION,
    }
}

const ROUNDINGS: [&str; 8] = [
    "ROUND_UP",
    "ROUND_DOWN",
    "ROUND_CEILING",
    "ROUND_FLOOR",
    "ROUND_HALF_UP",
    "ROUND_HALF_DOWN",
    "ROUND_HALF_EVEN",
    "ROUND_05UP",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum Rounding {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    ZeroFiveUp,
}

impl Rounding {
    fn name(self) -> &'static str {
        ROUNDINGS[self as usize]
    }
    fn from_name(name: &str) -> Option<Rounding> {
        use Rounding::*;
        let all = [Up, Down, Ceiling, Floor, HalfUp, HalfDown, HalfEven, ZeroFiveUp];
        ROUNDINGS.iter().position(|r| *r == name).map(|i| all[i])
    }
}

/// A context's settings.
#[derive(Clone, Debug)]
struct Settings {
    prec: i64,
    rounding: Rounding,
    emin: i64,
    emax: i64,
    capitals: i64,
    clamp: i64,
    flags: u32,
    traps: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            prec: 28,
            rounding: Rounding::HalfEven,
            emin: -999999,
            emax: 999999,
            capitals: 1,
            clamp: 0,
            flags: 0,
            traps: S_INVALID | S_DIV_ZERO | S_OVERFLOW,
        }
    }
}

type Shared = Rc<RefCell<Settings>>;

/// A `decimal.Context`: its settings are shared, so `getcontext().prec = 50` changes the
/// current context, and `setcontext(ctx)` makes `ctx` itself current.
pub struct Context(Shared);

thread_local! {
    static CURRENT: RefCell<Shared> = RefCell::new(Rc::new(RefCell::new(Settings::default())));
}

fn current() -> Shared {
    CURRENT.with(|c| c.borrow().clone())
}

fn settings() -> Settings {
    current().borrow().clone()
}

/// Record `signal`: an error when the context traps it, else a flag.
fn signal(bit: u32, condition: &str) -> PyResult<()> {
    let ctx = current();
    let mut s = ctx.borrow_mut();
    s.flags |= bit;
    if s.traps & bit != 0 {
        return Err(PyErr::new(signal_type(bit), format!("[<class 'decimal.{}'>]", condition)));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Finite,
    Infinity,
    NaN,
    SNaN,
}

/// A decimal number: `(-1)**negative * coeff * 10**exp`, or a special value.
#[derive(Clone, Debug)]
pub struct Decimal {
    negative: bool,
    kind: Kind,
    coeff: BigInt,
    exp: i64,
}

fn big(v: i64) -> BigInt {
    BigInt::from_i64(v)
}

fn pow10(n: i64) -> BigInt {
    big(10).pow(n.max(0) as u64)
}

fn digits(c: &BigInt) -> i64 {
    if c.is_zero() {
        1
    } else {
        c.to_string().len() as i64
    }
}

fn divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    a.divmod_floor(b).unwrap_or_else(|_| (BigInt::zero(), BigInt::zero()))
}

fn is_even(c: &BigInt) -> bool {
    c.bitand(&big(1)).is_zero()
}

fn invalid() -> PyResult<Decimal> {
    signal(S_INVALID, "InvalidOperation")?;
    Ok(Decimal::nan())
}

impl Decimal {
    fn finite(negative: bool, coeff: BigInt, exp: i64) -> Decimal {
        Decimal { negative, kind: Kind::Finite, coeff, exp }
    }
    fn special(negative: bool, kind: Kind) -> Decimal {
        Decimal { negative, kind, coeff: BigInt::zero(), exp: 0 }
    }
    fn nan() -> Decimal {
        Decimal::special(false, Kind::NaN)
    }
    fn infinity(negative: bool) -> Decimal {
        Decimal::special(negative, Kind::Infinity)
    }
    fn from_int(n: &BigInt) -> Decimal {
        Decimal::finite(n.is_negative(), n.abs(), 0)
    }
    fn is_finite(&self) -> bool {
        self.kind == Kind::Finite
    }
    fn is_nan(&self) -> bool {
        matches!(self.kind, Kind::NaN | Kind::SNaN)
    }
    fn is_zero(&self) -> bool {
        self.is_finite() && self.coeff.is_zero()
    }
    /// The exponent of the most significant digit (`adjusted()`).
    fn adjusted(&self) -> i64 {
        if self.is_finite() {
            self.exp + digits(&self.coeff) - 1
        } else {
            0
        }
    }
    fn into_value(self) -> Value {
        Value::Native(Rc::new(self))
    }
    fn negated(&self) -> Decimal {
        Decimal { negative: !self.negative, ..self.clone() }
    }
    fn abs(&self) -> Decimal {
        Decimal { negative: false, ..self.clone() }
    }
    /// The signed integer `±coeff`.
    fn signed_coeff(&self) -> BigInt {
        if self.negative {
            self.coeff.neg()
        } else {
            self.coeff.clone()
        }
    }

    /// The decimal an operand stands for: a Decimal, or an int (exactly).
    fn of(v: &Value) -> Option<Decimal> {
        match v {
            Value::Int(i) => Some(Decimal::from_int(&big(*i))),
            Value::Bool(b) => Some(Decimal::from_int(&big(*b as i64))),
            Value::BigInt(b) => Some(Decimal::from_int(b)),
            Value::Native(n) => n.as_any().and_then(|a| a.downcast_ref::<Decimal>()).cloned(),
            _ => None,
        }
    }

    /// A float's exact value.
    fn from_float(x: f64) -> Decimal {
        if x.is_nan() {
            return Decimal::nan();
        }
        if x.is_infinite() {
            return Decimal::infinity(x < 0.0);
        }
        let negative = x.is_sign_negative();
        match crate::stdlib::fractions::float_ratio(x.abs()) {
            Ok((n, d)) => {
                // d is 2**k: n / 2**k == n * 5**k / 10**k
                let k = d.bit_length() as i64 - 1;
                Decimal::finite(negative, n.mul(&big(5).pow(k as u64)), -k)
            }
            Err(_) => Decimal::nan(),
        }
    }

    /// Round to `prec` digits with `rounding`, then check the exponent limits (CPython's
    /// `_fix`).
    fn fix(self, s: &Settings) -> PyResult<Decimal> {
        if !self.is_finite() {
            return Ok(self);
        }
        let etiny = s.emin - s.prec + 1;
        let etop = s.emax - s.prec + 1;
        if self.coeff.is_zero() {
            let exp_max = if s.clamp != 0 { etop } else { s.emax };
            let exp = self.exp.max(etiny).min(exp_max);
            return Ok(Decimal::finite(self.negative, BigInt::zero(), exp));
        }
        let n = digits(&self.coeff);
        let mut d = self;
        let exp_min = (d.exp + n - s.prec).max(etiny);
        if d.exp < exp_min {
            let (coeff, inexact) = round_coeff(&d.coeff, exp_min - d.exp, d.negative, s.rounding);
            d.coeff = coeff;
            d.exp = exp_min;
            if digits(&d.coeff) > s.prec {
                d.coeff = divmod(&d.coeff, &big(10)).0;
                d.exp += 1;
            }
            if inexact {
                signal(S_INEXACT, "Inexact")?;
            }
            signal(S_ROUNDED, "Rounded")?;
        }
        if d.adjusted() > s.emax {
            signal(S_INEXACT, "Inexact")?;
            signal(S_ROUNDED, "Rounded")?;
            signal(S_OVERFLOW, "Overflow")?;
            return Ok(Decimal::infinity(d.negative));
        }
        if s.clamp != 0 && d.exp > etop {
            d.coeff = d.coeff.mul(&pow10(d.exp - etop));
            d.exp = etop;
        }
        Ok(d)
    }

    /// `self` with exponent `exp` (CPython's `_rescale`), rounding as needed.
    fn rescale(&self, exp: i64, rounding: Rounding) -> (Decimal, bool) {
        if !self.is_finite() {
            return (self.clone(), false);
        }
        if self.coeff.is_zero() {
            return (Decimal::finite(self.negative, BigInt::zero(), exp), false);
        }
        if self.exp >= exp {
            return (Decimal::finite(self.negative, self.coeff.mul(&pow10(self.exp - exp)), exp), false);
        }
        let (coeff, inexact) = round_coeff(&self.coeff, exp - self.exp, self.negative, rounding);
        (Decimal::finite(self.negative, coeff, exp), inexact)
    }

    /// `str(self)`: the to-scientific-string conversion.
    fn to_sci(&self, capitals: bool) -> String {
        let sign = if self.negative { "-" } else { "" };
        match self.kind {
            Kind::Infinity => return format!("{}Infinity", sign),
            Kind::NaN => return format!("{}NaN", sign),
            Kind::SNaN => return format!("{}sNaN", sign),
            Kind::Finite => {}
        }
        let ds = self.coeff.to_string();
        let leftdigits = self.exp + ds.len() as i64;
        let dotplace = if self.exp <= 0 && leftdigits > -6 { leftdigits } else { 1 };
        let (intpart, fracpart) = split_digits(&ds, dotplace);
        let exp = leftdigits - dotplace;
        let e = if capitals { "E" } else { "e" };
        let exp_text = if exp == 0 { String::new() } else { format!("{}{:+}", e, exp) };
        format!("{}{}{}{}", sign, intpart, fracpart, exp_text)
    }

    /// `to_eng_string()`: exponents a multiple of three.
    fn to_eng(&self) -> String {
        if !self.is_finite() {
            return self.to_sci(true);
        }
        let sign = if self.negative { "-" } else { "" };
        let ds = self.coeff.to_string();
        let leftdigits = self.exp + ds.len() as i64;
        let dotplace = if self.exp <= 0 && leftdigits > -6 {
            leftdigits
        } else if self.coeff.is_zero() {
            (leftdigits + 1).rem_euclid(3) - 1
        } else {
            (leftdigits - 1).rem_euclid(3) + 1
        };
        let (intpart, fracpart) = split_digits(&ds, dotplace);
        let exp = leftdigits - dotplace;
        let exp_text = if exp == 0 { String::new() } else { format!("E{:+}", exp) };
        format!("{}{}{}{}", sign, intpart, fracpart, exp_text)
    }

    fn cmp_finite(&self, other: &Decimal) -> Ordering {
        if self.coeff.is_zero() && other.coeff.is_zero() {
            return Ordering::Equal;
        }
        if self.negative != other.negative {
            let self_zero = self.coeff.is_zero();
            let other_zero = other.coeff.is_zero();
            return if self_zero {
                if other.negative { Ordering::Greater } else { Ordering::Less }
            } else if other_zero {
                if self.negative { Ordering::Less } else { Ordering::Greater }
            } else if self.negative {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        let e = self.exp.min(other.exp);
        let a = self.signed_coeff().mul(&pow10(self.exp - e));
        let b = other.signed_coeff().mul(&pow10(other.exp - e));
        a.cmp(&b)
    }

    /// Ordering of two non-NaN decimals.
    fn cmp_total(&self, other: &Decimal) -> Ordering {
        let rank = |d: &Decimal| match (d.kind, d.negative) {
            (Kind::Infinity, true) => -1,
            (Kind::Infinity, false) => 1,
            _ => 0,
        };
        match rank(self).cmp(&rank(other)) {
            Ordering::Equal if rank(self) == 0 => self.cmp_finite(other),
            o => o,
        }
    }

    // ---- arithmetic ------------------------------------------------------------------

    /// NaN operands: sNaN is an invalid operation, a quiet NaN propagates.
    fn nan_operands(&self, other: Option<&Decimal>) -> PyResult<Option<Decimal>> {
        let all = [Some(self), other];
        if all.iter().flatten().any(|d| d.kind == Kind::SNaN) {
            return invalid().map(Some);
        }
        Ok(all.iter().flatten().find(|d| d.kind == Kind::NaN).map(|d| (*d).clone()))
    }

    fn add(&self, other: &Decimal, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(Some(other))? {
            return Ok(n);
        }
        match (self.kind, other.kind) {
            (Kind::Infinity, Kind::Infinity) if self.negative != other.negative => return invalid(),
            (Kind::Infinity, _) => return Ok(self.clone()),
            (_, Kind::Infinity) => return Ok(other.clone()),
            _ => {}
        }
        let e = self.exp.min(other.exp);
        let sum = self
            .signed_coeff()
            .mul(&pow10(self.exp - e))
            .add(&other.signed_coeff().mul(&pow10(other.exp - e)));
        let negative = if sum.is_zero() {
            if self.negative == other.negative {
                self.negative
            } else {
                s.rounding == Rounding::Floor
            }
        } else {
            sum.is_negative()
        };
        Decimal::finite(negative, sum.abs(), e).fix(s)
    }

    fn mul(&self, other: &Decimal, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(Some(other))? {
            return Ok(n);
        }
        let negative = self.negative != other.negative;
        if self.kind == Kind::Infinity || other.kind == Kind::Infinity {
            if self.is_zero() || other.is_zero() {
                return invalid();
            }
            return Ok(Decimal::infinity(negative));
        }
        Decimal::finite(negative, self.coeff.mul(&other.coeff), self.exp + other.exp).fix(s)
    }

    fn div(&self, other: &Decimal, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(Some(other))? {
            return Ok(n);
        }
        let negative = self.negative != other.negative;
        match (self.kind, other.kind) {
            (Kind::Infinity, Kind::Infinity) => return invalid(),
            (Kind::Infinity, _) => return Ok(Decimal::infinity(negative)),
            (_, Kind::Infinity) => {
                return Decimal::finite(negative, BigInt::zero(), s.emin - s.prec + 1).fix(s);
            }
            _ => {}
        }
        if other.coeff.is_zero() {
            if self.coeff.is_zero() {
                signal(S_INVALID, "DivisionUndefined")?;
                return Ok(Decimal::nan());
            }
            signal(S_DIV_ZERO, "DivisionByZero")?;
            return Ok(Decimal::infinity(negative));
        }
        let (coeff, exp) = if self.coeff.is_zero() {
            (BigInt::zero(), self.exp - other.exp)
        } else {
            let shift = digits(&other.coeff) - digits(&self.coeff) + s.prec + 1;
            let mut exp = self.exp - other.exp - shift;
            let (mut coeff, rem) = if shift >= 0 {
                divmod(&self.coeff.mul(&pow10(shift)), &other.coeff)
            } else {
                divmod(&self.coeff, &other.coeff.mul(&pow10(-shift)))
            };
            if !rem.is_zero() {
                if divmod(&coeff, &big(5)).1.is_zero() {
                    coeff = coeff.add(&big(1));
                }
            } else {
                let ideal = self.exp - other.exp;
                while exp < ideal {
                    let (q, r) = divmod(&coeff, &big(10));
                    if !r.is_zero() {
                        break;
                    }
                    coeff = q;
                    exp += 1;
                }
            }
            (coeff, exp)
        };
        Decimal::finite(negative, coeff, exp).fix(s)
    }

    /// `divmod(self, other)` for finite operands (CPython's `_divide`): the integer
    /// quotient truncated toward zero and the remainder with the dividend's sign.
    fn divide_integer(&self, other: &Decimal, s: &Settings) -> PyResult<(Decimal, Decimal)> {
        let negative = self.negative != other.negative;
        let ideal = if other.kind == Kind::Infinity { self.exp } else { self.exp.min(other.exp) };
        let expdiff = self.adjusted() - other.adjusted();
        if self.coeff.is_zero() || other.kind == Kind::Infinity || expdiff <= -2 {
            let (r, _) = self.rescale(ideal, s.rounding);
            return Ok((Decimal::finite(negative, BigInt::zero(), 0), r));
        }
        if expdiff <= s.prec {
            let (mut a, mut b) = (self.coeff.clone(), other.coeff.clone());
            if self.exp >= other.exp {
                a = a.mul(&pow10(self.exp - other.exp));
            } else {
                b = b.mul(&pow10(other.exp - self.exp));
            }
            let (q, r) = divmod(&a, &b);
            if q < pow10(s.prec) {
                return Ok((Decimal::finite(negative, q, 0), Decimal::finite(self.negative, r, ideal)));
            }
        }
        signal(S_INVALID, "DivisionImpossible")?;
        Ok((Decimal::nan(), Decimal::nan()))
    }

    fn floordiv(&self, other: &Decimal, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(Some(other))? {
            return Ok(n);
        }
        if self.kind == Kind::Infinity {
            if other.kind == Kind::Infinity {
                return invalid();
            }
            return Ok(Decimal::infinity(self.negative != other.negative));
        }
        if other.is_zero() {
            if self.is_zero() {
                signal(S_INVALID, "DivisionUndefined")?;
                return Ok(Decimal::nan());
            }
            signal(S_DIV_ZERO, "DivisionByZero")?;
            return Ok(Decimal::infinity(self.negative != other.negative));
        }
        Ok(self.divide_integer(other, s)?.0)
    }

    /// `divmod(self, other)`.
    fn divmod(&self, other: &Decimal, s: &Settings) -> PyResult<(Decimal, Decimal)> {
        if let Some(n) = self.nan_operands(Some(other))? {
            return Ok((n.clone(), n));
        }
        if self.kind == Kind::Infinity {
            if other.kind == Kind::Infinity {
                let n = invalid()?;
                return Ok((n.clone(), n));
            }
            let n = invalid()?;
            return Ok((Decimal::infinity(self.negative != other.negative), n));
        }
        if other.is_zero() {
            if self.is_zero() {
                signal(S_INVALID, "DivisionUndefined")?;
                return Ok((Decimal::nan(), Decimal::nan()));
            }
            signal(S_DIV_ZERO, "DivisionByZero")?;
            let n = invalid()?;
            return Ok((Decimal::infinity(self.negative != other.negative), n));
        }
        let (q, r) = self.divide_integer(other, s)?;
        Ok((q, r.fix(s)?))
    }

    fn rem(&self, other: &Decimal, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(Some(other))? {
            return Ok(n);
        }
        if self.kind == Kind::Infinity {
            return invalid();
        }
        if other.is_zero() {
            signal(S_INVALID, if self.is_zero() { "DivisionUndefined" } else { "InvalidOperation" })?;
            return Ok(Decimal::nan());
        }
        self.divide_integer(other, s)?.1.fix(s)
    }

    /// The integral value of a finite decimal, if it has one.
    fn integral_value(&self) -> Option<BigInt> {
        if !self.is_finite() {
            return None;
        }
        if self.exp >= 0 {
            return Some(self.signed_coeff().mul(&pow10(self.exp)));
        }
        let (q, r) = divmod(&self.coeff, &pow10(-self.exp));
        if r.is_zero() {
            Some(if self.negative { q.neg() } else { q })
        } else {
            None
        }
    }

    fn pow(&self, other: &Decimal, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(Some(other))? {
            return Ok(n);
        }
        if other.is_zero() {
            if self.is_zero() {
                return invalid();
            }
            return Ok(Decimal::finite(false, big(1), 0));
        }
        let integral = other.integral_value();
        let odd = integral.as_ref().map_or(false, |n| !is_even(n));
        let negative = self.negative && odd;
        if self.negative && !self.is_zero() && integral.is_none() {
            return invalid();
        }
        if self.is_zero() {
            return Ok(if other.negative { Decimal::infinity(negative) } else { Decimal::finite(negative, BigInt::zero(), 0) });
        }
        if self.kind == Kind::Infinity {
            return Ok(if other.negative { Decimal::finite(negative, BigInt::zero(), 0) } else { Decimal::infinity(negative) });
        }
        if other.kind == Kind::Infinity {
            let one = self.abs().cmp_finite(&Decimal::finite(false, big(1), 0));
            return Ok(match (one, other.negative) {
                (Ordering::Equal, _) => Decimal::finite(false, big(1), 0).rescale(0, s.rounding).0,
                (Ordering::Greater, false) | (Ordering::Less, true) => Decimal::infinity(false),
                _ => Decimal::finite(false, BigInt::zero(), 0),
            });
        }
        if let Some(n) = integral {
            if let Some(k) = n.abs().to_i64() {
                if (digits(&self.coeff) as i128) * (k as i128) < 200_000 {
                    let p = Decimal::finite(negative, self.coeff.pow(k as u64), self.exp * k);
                    if !n.is_negative() {
                        return p.fix(s);
                    }
                    return Decimal::finite(false, big(1), 0).div(&p, s);
                }
            }
        }
        // x ** y = exp(y * ln(x)), correctly rounded.
        let x = self.abs();
        correctly_rounded(s, |guard| {
            let p = s.prec + guard;
            let lnx = ln_approx(&x, p + 4)?;
            let wide = Settings { prec: p + 4, rounding: Rounding::HalfEven, traps: 0, ..s.clone() };
            let y = other.mul(&lnx, &wide)?;
            exp_approx(&y, p)
        })
        .map(|d| if negative { d.negated() } else { d })
    }

    /// The square root, correctly rounded (CPython's algorithm).
    fn sqrt(&self, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(None)? {
            return Ok(n);
        }
        if self.is_zero() {
            return Decimal::finite(self.negative, BigInt::zero(), self.exp.div_euclid(2)).fix(s);
        }
        if self.negative {
            return invalid();
        }
        if self.kind == Kind::Infinity {
            return Ok(self.clone());
        }
        let prec = s.prec + 1;
        let mut e = self.exp.div_euclid(2);
        let len = digits(&self.coeff);
        let (mut c, l) = if self.exp.rem_euclid(2) == 1 {
            (self.coeff.mul(&big(10)), (len >> 1) + 1)
        } else {
            (self.coeff.clone(), (len + 1) >> 1)
        };
        let shift = prec - l;
        let mut exact = true;
        if shift >= 0 {
            c = c.mul(&big(100).pow(shift as u64));
        } else {
            let (q, r) = divmod(&c, &big(100).pow((-shift) as u64));
            c = q;
            exact = r.is_zero();
        }
        e -= shift;
        let mut n = c.isqrt().unwrap_or_else(|_| BigInt::zero());
        exact = exact && n.mul(&n) == c;
        if exact {
            if shift >= 0 {
                n = divmod(&n, &pow10(shift)).0;
            } else {
                n = n.mul(&pow10(-shift));
            }
            e += shift;
        } else if divmod(&n, &big(5)).1.is_zero() {
            n = n.add(&big(1));
        }
        Decimal::finite(false, n, e).fix(&Settings { rounding: Rounding::HalfEven, ..s.clone() })
    }

    fn exp(&self, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(None)? {
            return Ok(n);
        }
        if self.kind == Kind::Infinity {
            return Ok(if self.negative { Decimal::finite(false, BigInt::zero(), 0) } else { self.clone() });
        }
        if self.is_zero() {
            return Ok(Decimal::finite(false, big(1), 0));
        }
        if self.adjusted() > 8 {
            // far beyond any exponent limit: overflow to Infinity or underflow to 0
            if self.negative {
                return Decimal::finite(false, big(1), s.emin - s.prec - 2).fix(s);
            }
            return Decimal::finite(false, big(1), s.emax + 2).fix(s);
        }
        correctly_rounded(s, |guard| exp_approx(self, s.prec + guard))
    }

    /// The logarithms of NaN, zero, negative numbers and Infinity.
    fn log_special(&self) -> PyResult<Option<Decimal>> {
        if let Some(n) = self.nan_operands(None)? {
            return Ok(Some(n));
        }
        if self.is_zero() {
            return Ok(Some(Decimal::infinity(true)));
        }
        if self.negative {
            return invalid().map(Some);
        }
        if self.kind == Kind::Infinity {
            return Ok(Some(self.clone()));
        }
        Ok(None)
    }

    fn ln(&self, s: &Settings) -> PyResult<Decimal> {
        if let Some(special) = self.log_special()? {
            return Ok(special);
        }
        if self.coeff == big(1) && self.exp == 0 {
            return Ok(Decimal::finite(false, BigInt::zero(), 0));
        }
        correctly_rounded(s, |guard| ln_approx(self, s.prec + guard))
    }

    fn log10(&self, s: &Settings) -> PyResult<Decimal> {
        if let Some(special) = self.log_special()? {
            return Ok(special);
        }
        // An exact power of ten has an exact logarithm.
        let text = self.coeff.to_string();
        if text.starts_with('1') && text[1..].bytes().all(|b| b == b'0') {
            let power = self.exp + text.len() as i64 - 1;
            return Decimal::from_int(&big(power)).fix(s);
        }
        correctly_rounded(s, |guard| {
            let p = s.prec + guard;
            let wide = Settings { prec: p + 4, rounding: Rounding::HalfEven, traps: 0, ..s.clone() };
            ln_approx(self, p + 4)?.div(&ln10(p + 4), &wide)
        })
    }

    fn quantize(&self, exp: &Decimal, rounding: Rounding, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(Some(exp))? {
            return Ok(n);
        }
        if self.kind == Kind::Infinity || exp.kind == Kind::Infinity {
            if self.kind == Kind::Infinity && exp.kind == Kind::Infinity {
                return Ok(self.clone());
            }
            return invalid();
        }
        if !(s.emin - s.prec + 1 <= exp.exp && exp.exp <= s.emax) {
            return invalid();
        }
        if self.coeff.is_zero() {
            return Decimal::finite(self.negative, BigInt::zero(), exp.exp).fix(s);
        }
        let adjusted = self.adjusted();
        if adjusted > s.emax || adjusted - exp.exp + 1 > s.prec {
            return invalid();
        }
        let (d, inexact) = self.rescale(exp.exp, rounding);
        if d.adjusted() > s.emax || digits(&d.coeff) > s.prec {
            return invalid();
        }
        if d.exp > self.exp {
            if inexact {
                signal(S_INEXACT, "Inexact")?;
            }
            signal(S_ROUNDED, "Rounded")?;
        }
        Ok(d)
    }

    /// `normalize()`: rounded to the context, trailing zeros removed.
    fn normalize(&self, s: &Settings) -> PyResult<Decimal> {
        if let Some(n) = self.nan_operands(None)? {
            return Ok(n);
        }
        let mut d = self.clone().fix(s)?;
        if !d.is_finite() {
            return Ok(d);
        }
        if d.coeff.is_zero() {
            return Ok(Decimal::finite(d.negative, BigInt::zero(), 0));
        }
        let exp_max = if s.clamp != 0 { s.emax - s.prec + 1 } else { s.emax };
        while d.exp < exp_max {
            let (q, r) = divmod(&d.coeff, &big(10));
            if !r.is_zero() {
                break;
            }
            d.coeff = q;
            d.exp += 1;
        }
        Ok(d)
    }

    /// `to_integral_value(rounding)`: rounded to an integer, exponent 0 at most.
    fn to_integral(&self, rounding: Rounding) -> Decimal {
        if !self.is_finite() || self.exp >= 0 {
            return self.clone();
        }
        self.rescale(0, rounding).0
    }

    /// `int(self)`: truncated toward zero.
    fn to_int(&self) -> PyResult<BigInt> {
        match self.kind {
            Kind::NaN | Kind::SNaN => value_error("cannot convert NaN to integer"),
            Kind::Infinity => Err(PyErr::new(&OVERFLOW_ERROR, "cannot convert Infinity to integer")),
            Kind::Finite => Ok(self.to_integral(Rounding::Down).integer()),
        }
    }

    /// The int an integral decimal stands for.
    fn integer(&self) -> BigInt {
        self.signed_coeff().mul(&pow10(self.exp))
    }

    fn to_f64(&self) -> f64 {
        match self.kind {
            Kind::NaN | Kind::SNaN => f64::NAN,
            Kind::Infinity => if self.negative { f64::NEG_INFINITY } else { f64::INFINITY },
            Kind::Finite => crate::format::parse_float(&self.to_sci(true)).unwrap_or(f64::NAN),
        }
    }

    /// `hash(self)`: equal to the hash of an equal int or float, as in CPython.
    fn hash(&self) -> PyResult<i64> {
        match self.kind {
            Kind::SNaN => return type_error("Cannot hash a signaling NaN value."),
            Kind::NaN => return Ok(0),
            Kind::Infinity => return Ok(if self.negative { -314159 } else { 314159 }),
            Kind::Finite => {}
        }
        let modulus = big((1 << 61) - 1);
        let exp_hash = if self.exp >= 0 {
            big(10).pow_mod(&big(self.exp), &modulus)
        } else {
            // 10**-1 modulo 2**61 - 1
            big(2075258708292324556).pow_mod(&big(-self.exp), &modulus)
        }
        .unwrap_or_else(|_| BigInt::zero());
        let h = divmod(&self.coeff.mul(&exp_hash), &modulus).1.to_i64().unwrap_or(0);
        let h = if self.negative { -h } else { h };
        Ok(if h == -1 { -2 } else { h })
    }

    /// `as_tuple()` parts: (sign, digits, exponent or 'n'/'N'/'F').
    fn as_tuple(&self) -> Value {
        let digits: Vec<Value> = match self.kind {
            Kind::Finite => self.coeff.to_string().bytes().map(|b| Value::Int((b - b'0') as i64)).collect(),
            Kind::Infinity => vec![Value::Int(0)],
            _ => Vec::new(),
        };
        let exp = match self.kind {
            Kind::Finite => Value::Int(self.exp),
            Kind::Infinity => Value::str("F"),
            Kind::NaN => Value::str("n"),
            Kind::SNaN => Value::str("N"),
        };
        Value::Native(Rc::new(DecimalTuple(vec![Value::Int(self.negative as i64), Value::tuple(digits), exp])))
    }

    /// `format(self, spec)` (CPython's Decimal.__format__).
    fn format(&self, spec: &str) -> PyResult<String> {
        let s = settings();
        let result = crate::format::format_decimal(spec, |ty, precision, alt, no_neg_0| {
            if !self.is_finite() {
                let mut body = self.abs().to_sci(true);
                if ty == Some('%') {
                    body.push('%');
                }
                return Ok((self.negative, body, false, String::new(), true));
            }
            let ty = ty.unwrap_or(if s.capitals != 0 { 'G' } else { 'g' });
            let ty = if ty == 'n' { 'g' } else { ty };
            if !"eEfFgG%".contains(ty) {
                return Err(format!("Invalid format specifier '{}' for object of type 'decimal.Decimal'", spec));
            }
            let precision = match (ty, precision) {
                ('g' | 'G', Some(0)) => Some(1),
                (_, p) => p.map(|p| p as i64),
            };
            let mut d = self.clone();
            if ty == '%' {
                d.exp += 2;
            }
            if let Some(p) = precision {
                d = match ty {
                    'e' | 'E' => round_digits(&d, p + 1, s.rounding),
                    'f' | 'F' | '%' => d.rescale(-p, s.rounding).0,
                    _ if digits(&d.coeff) > p => round_digits(&d, p, s.rounding),
                    _ => d,
                };
            }
            if d.coeff.is_zero() && d.exp > 0 && "fF%".contains(ty) {
                d = d.rescale(0, s.rounding).0;
            }
            let negative = d.negative && !(d.coeff.is_zero() && no_neg_0);
            let ds = d.coeff.to_string();
            let leftdigits = d.exp + ds.len() as i64;
            let dotplace = match ty {
                'e' | 'E' if d.coeff.is_zero() && precision.is_some() => 1 - precision.unwrap_or(0),
                'e' | 'E' => 1,
                'f' | 'F' | '%' => leftdigits,
                _ if d.exp <= 0 && leftdigits > -6 => leftdigits,
                _ => 1,
            };
            let (intpart, frac) = split_digits(&ds, dotplace);
            let frac = frac.strip_prefix('.').unwrap_or("").to_string();
            let exp = leftdigits - dotplace;
            let has_dot = !frac.is_empty() || alt;
            let mut rest = frac;
            if exp != 0 || "eE".contains(ty) {
                let e = if "EG".contains(ty) { 'E' } else { 'e' };
                rest.push_str(&format!("{}{:+}", e, exp));
            }
            if ty == '%' {
                rest.push('%');
            }
            Ok((negative, intpart, has_dot, rest, false))
        });
        result.map_err(|msg| PyErr::new(&VALUE_ERROR, msg))
    }
}

/// Digits `ds` with the decimal point after `dotplace` of them: ("12", ".345").
fn split_digits(ds: &str, dotplace: i64) -> (String, String) {
    let len = ds.len() as i64;
    if dotplace <= 0 {
        ("0".to_string(), format!(".{}{}", "0".repeat((-dotplace) as usize), ds))
    } else if dotplace >= len {
        (format!("{}{}", ds, "0".repeat((dotplace - len) as usize)), String::new())
    } else {
        (ds[..dotplace as usize].to_string(), format!(".{}", &ds[dotplace as usize..]))
    }
}

/// `coeff` with its last `drop` digits rounded away; whether anything non-zero went.
fn round_coeff(coeff: &BigInt, drop: i64, negative: bool, rounding: Rounding) -> (BigInt, bool) {
    let divisor = pow10(drop);
    let (q, r) = divmod(coeff, &divisor);
    if r.is_zero() {
        return (q, false);
    }
    let half = r.shl(1).cmp(&divisor);
    let up = match rounding {
        Rounding::Up => true,
        Rounding::Down => false,
        Rounding::Ceiling => !negative,
        Rounding::Floor => negative,
        Rounding::HalfUp => half != Ordering::Less,
        Rounding::HalfDown => half == Ordering::Greater,
        Rounding::HalfEven => half == Ordering::Greater || (half == Ordering::Equal && !is_even(&q)),
        Rounding::ZeroFiveUp => {
            let last = divmod(&q, &big(10)).1;
            last.is_zero() || last == big(5)
        }
    };
    (if up { q.add(&big(1)) } else { q }, true)
}

/// `d` with exactly `places` significant digits, rounded or padded (CPython's `_round`;
/// zeros and special values unchanged, no signals).
fn round_digits(d: &Decimal, places: i64, rounding: Rounding) -> Decimal {
    if !d.is_finite() || d.coeff.is_zero() {
        return d.clone();
    }
    let r = d.rescale(d.adjusted() + 1 - places, rounding).0;
    if r.adjusted() != d.adjusted() {
        return r.rescale(r.adjusted() + 1 - places, rounding).0;
    }
    r
}

// ---- transcendental functions ----------------------------------------------------------

/// A fixed-point number: `value / 10**scale`.
struct Fixed {
    value: BigInt,
    scale: i64,
}

impl Fixed {
    fn one(scale: i64) -> Fixed {
        Fixed { value: pow10(scale), scale }
    }
    fn mul(&self, other: &BigInt) -> BigInt {
        divmod(&self.value.mul(other), &pow10(self.scale)).0
    }
}

/// `2 * atanh(1 / k)` times 10**scale (for ln 2 and ln 10).
fn atanh_inverse(k: i64, scale: i64) -> BigInt {
    let one = pow10(scale);
    let kk = big(k * k);
    let mut power = divmod(&one, &big(k)).0;
    let mut sum = BigInt::zero();
    let mut n = 1;
    while !power.is_zero() {
        sum = sum.add(&divmod(&power, &big(n)).0);
        power = divmod(&power, &kk).0;
        n += 2;
    }
    sum.shl(1)
}

/// ln 10 to `prec` significant digits (and a few more).
fn ln10(prec: i64) -> Decimal {
    let scale = prec + 10;
    // ln 10 = 3 ln 2 + ln(5/4); ln 2 = 2 atanh(1/3), ln(5/4) = 2 atanh(1/9)
    let ln2 = atanh_inverse(3, scale);
    let value = ln2.mul(&big(3)).add(&atanh_inverse(9, scale));
    Decimal::finite(false, value, -scale)
}

/// ln(x) for a finite x > 0, with an error below one unit in the `prec`-th digit.
fn ln_approx(x: &Decimal, prec: i64) -> PyResult<Decimal> {
    // x = m * 10**k with 1 <= m < 10; ln x = ln m + k ln 10
    let n = digits(&x.coeff);
    let k = x.exp + n - 1;
    let extra = digits(&big(k.abs().max(1))) + 2;
    let scale = prec + extra + 10;
    let fx = Fixed { value: x.coeff.mul(&pow10(scale - (n - 1))), scale };
    // reduce m by powers of two into [2/3, 4/3): ln m = ln(m / 2**j) + j ln 2
    let ln2 = atanh_inverse(3, scale);
    let mut m = fx.value.clone();
    let mut j = 0i64;
    let upper = divmod(&pow10(scale).mul(&big(4)), &big(3)).0;
    while m >= upper {
        m = m.shr(1);
        j += 1;
    }
    // ln y = 2 atanh((y - 1) / (y + 1))
    let one = Fixed::one(scale);
    // (on |z|, so that the truncating divisions end at zero)
    let below_one = m < one.value;
    let z = divmod(&m.sub(&one.value).abs().mul(&pow10(scale)), &m.add(&one.value)).0;
    let z2 = Fixed { value: z.clone(), scale }.mul(&z);
    let mut term = z.clone();
    let mut sum = BigInt::zero();
    let mut i = 1;
    while !term.is_zero() {
        sum = sum.add(&divmod(&term, &big(i)).0);
        term = Fixed { value: term, scale }.mul(&z2);
        i += 2;
    }
    let sum = if below_one { sum.neg() } else { sum };
    let ln_m = sum.shl(1).add(&ln2.mul(&big(j)));
    let ln10 = ln2.mul(&big(3)).add(&atanh_inverse(9, scale));
    let total = ln_m.add(&ln10.mul(&big(k)));
    Ok(Decimal::finite(total.is_negative(), total.abs(), -scale))
}

/// exp(x) for a finite x, with an error below one unit in the `prec`-th digit.
fn exp_approx(x: &Decimal, prec: i64) -> PyResult<Decimal> {
    // exp x = 10**k * exp(r) with r = x - k ln 10, |r| < ln 10
    let whole = x.integral_value().map_or_else(|| x.to_integral(Rounding::Floor).signed_coeff(), |v| v);
    let size = digits(&whole.abs()) + 4;
    let scale = prec + size + 10;
    let ln10 = ln10(scale);
    let xv = x.rescale(-scale, Rounding::HalfEven).0.signed_coeff();
    let l10 = ln10.rescale(-scale, Rounding::HalfEven).0.coeff;
    let k = divmod(&xv, &l10).0;
    let r = xv.sub(&k.mul(&l10));
    // exp(r) = exp(r / 2**s)**(2**s)
    let squarings = 8u64;
    let r = r.shr(squarings);
    let fixed = |v: BigInt| Fixed { value: v, scale };
    let mut sum = pow10(scale);
    let mut term = pow10(scale);
    let mut i = 1;
    while !term.is_zero() {
        term = divmod(&fixed(term).mul(&r), &big(i)).0;
        sum = sum.add(&term);
        i += 1;
    }
    for _ in 0..squarings {
        sum = fixed(sum.clone()).mul(&sum);
    }
    let k = k.to_i64().unwrap_or(i64::MAX / 4);
    Ok(Decimal::finite(false, sum, k - scale))
}

/// Ziv's loop: evaluate with more and more guard digits until two successive
/// approximations round (half-even) to the same result at the context's precision.
fn correctly_rounded(s: &Settings, f: impl Fn(i64) -> PyResult<Decimal>) -> PyResult<Decimal> {
    let round = |d: Decimal| if d.is_finite() { round_digits(&d, s.prec, Rounding::HalfEven) } else { d };
    let mut guard = 8;
    let mut previous = round(f(guard)?);
    loop {
        guard *= 2;
        let next = round(f(guard)?);
        let same = next.kind == previous.kind && next.coeff == previous.coeff && next.exp == previous.exp;
        if same || guard > 2000 {
            signal(S_INEXACT, "Inexact")?;
            signal(S_ROUNDED, "Rounded")?;
            return next.fix(&Settings { rounding: Rounding::HalfEven, ..s.clone() });
        }
        previous = next;
    }
}

// ---- construction -----------------------------------------------------------------------

/// `Decimal("...")`: CPython's literal syntax (case-insensitive specials, underscores
/// between digits, surrounding whitespace).
fn parse(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Some(Decimal::infinity(negative)),
        _ => {}
    }
    for (prefix, kind) in [("snan", Kind::SNaN), ("nan", Kind::NaN)] {
        if let Some(payload) = lower.strip_prefix(prefix) {
            if payload.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Decimal::special(negative, kind));
            }
            return None;
        }
    }
    let cleaned: String = {
        let b = body.as_bytes();
        let mut out = String::new();
        for (i, &c) in b.iter().enumerate() {
            if c == b'_' {
                let ok = i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).map_or(false, u8::is_ascii_digit);
                if !ok {
                    return None;
                }
                continue;
            }
            out.push(c as char);
        }
        out
    };
    let (mantissa, exponent) = match cleaned.find(|c| c == 'e' || c == 'E') {
        Some(i) => (&cleaned[..i], Some(&cleaned[i + 1..])),
        None => (cleaned.as_str(), None),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part.bytes().all(|b| b.is_ascii_digit()) || !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut exp: i64 = match exponent {
        Some(e) => {
            let digits_only = e.strip_prefix('-').or_else(|| e.strip_prefix('+')).unwrap_or(e);
            if digits_only.is_empty() || !digits_only.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            e.parse::<i64>().ok()?
        }
        None => 0,
    };
    exp -= frac_part.len() as i64;
    let all = format!("{}{}", int_part, frac_part);
    let coeff = BigInt::parse(all.trim_start_matches('0').is_empty().then(|| "0").unwrap_or(&all), 10).ok()?;
    Some(Decimal::finite(negative, coeff, exp))
}

fn conversion(v: &Value) -> PyResult<Decimal> {
    if let Some(d) = Decimal::of(v) {
        return Ok(d);
    }
    match v {
        Value::Float(f) => {
            signal(S_FLOAT, "FloatOperation")?;
            Ok(Decimal::from_float(*f))
        }
        Value::Str(s) => match parse(s) {
            Some(d) => Ok(d),
            None => {
                signal(S_INVALID, "ConversionSyntax")?;
                Ok(Decimal::nan())
            }
        },
        Value::Tuple(_) | Value::List(_) => from_tuple(v),
        _ => type_error(format!("conversion from {} to Decimal is not supported", v.type_name())),
    }
}

/// `Decimal((sign, (digits...), exponent))`.
fn from_tuple(v: &Value) -> PyResult<Decimal> {
    let parts = crate::iter::collect_vec(v)?;
    if parts.len() != 3 {
        return value_error("argument must be a sequence of length 3");
    }
    let negative = match parts[0] {
        Value::Int(0) | Value::Bool(false) => false,
        Value::Int(1) | Value::Bool(true) => true,
        _ => return value_error("sign must be an integer with the value 0 or 1"),
    };
    let mut text = String::new();
    for d in crate::iter::collect_vec(&parts[1])? {
        match d {
            Value::Int(i @ 0..=9) => text.push((b'0' + i as u8) as char),
            _ => return value_error("coefficient must be a tuple of digits"),
        }
    }
    match &parts[2] {
        Value::Str(s) if &**s == "F" => return Ok(Decimal::infinity(negative)),
        Value::Str(s) if &**s == "n" => return Ok(Decimal::special(negative, Kind::NaN)),
        Value::Str(s) if &**s == "N" => return Ok(Decimal::special(negative, Kind::SNaN)),
        _ => {}
    }
    let exp = parts[2].to_int()?;
    let coeff = if text.is_empty() { BigInt::zero() } else { BigInt::parse(&text, 10).unwrap_or_else(|_| BigInt::zero()) };
    Ok(Decimal::finite(negative, coeff, exp))
}

fn decimal_arg(v: &Value, what: &str) -> PyResult<Decimal> {
    match Decimal::of(v) {
        Some(d) => Ok(d),
        None => type_error(format!("conversion from {} to Decimal is not supported{}", v.type_name(), what)),
    }
}

fn rounding_arg(a: &Args, i: usize, s: &Settings) -> PyResult<Rounding> {
    match a.get(i, "rounding") {
        None | Some(Value::None) => Ok(s.rounding),
        Some(v) => rounding_of(v),
    }
}

fn rounding_of(v: &Value) -> PyResult<Rounding> {
    match v.as_str().and_then(Rounding::from_name) {
        Some(r) => Ok(r),
        None => type_error("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]"),
    }
}

/// The context an operation uses: its `context=` argument, or the current one.
fn context_arg(a: &Args, i: usize) -> PyResult<Settings> {
    match a.get(i, "context") {
        None | Some(Value::None) => Ok(settings()),
        Some(Value::Native(n)) => match n.as_any().and_then(|x| x.downcast_ref::<Context>()) {
            Some(c) => Ok(c.0.borrow().clone()),
            None => type_error("optional argument must be a context"),
        },
        Some(_) => type_error("optional argument must be a context"),
    }
}

fn op_symbol(op: &str) -> &str {
    if op == "**" {
        "** or pow()"
    } else {
        op
    }
}

impl NativeObject for Decimal {
    fn type_name(&self) -> &'static str {
        "Decimal"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        let s = settings();
        let d = |r: PyResult<Decimal>| r.map(Decimal::into_value);
        let boolean = |b: bool| Ok(Value::Bool(b));
        match name {
            "quantize" => {
                let exp = decimal_arg(a.req(0, "exp")?, "")?;
                let s = context_arg(&a, 2)?;
                let rounding = rounding_arg(&a, 1, &s)?;
                d(self.quantize(&exp, rounding, &s))
            }
            "normalize" | "reduce" => d(self.normalize(&context_arg(&a, 0)?)),
            "sqrt" => d(self.sqrt(&context_arg(&a, 0)?)),
            "exp" => d(self.exp(&context_arg(&a, 0)?)),
            "ln" => d(self.ln(&context_arg(&a, 0)?)),
            "log10" => d(self.log10(&context_arg(&a, 0)?)),
            "to_integral" | "to_integral_value" | "to_integral_exact" => {
                if let Some(n) = self.nan_operands(None)? {
                    return Ok(n.into_value());
                }
                let s = context_arg(&a, 1)?;
                let r = self.to_integral(rounding_arg(&a, 0, &s)?);
                if name == "to_integral_exact" && r.exp > self.exp && !self.is_zero() {
                    if self.rescale(0, Rounding::Down).1 || r.cmp_total(self) != Ordering::Equal {
                        signal(S_INEXACT, "Inexact")?;
                    }
                    signal(S_ROUNDED, "Rounded")?;
                }
                Ok(r.into_value())
            }
            "adjusted" => Ok(Value::Int(self.adjusted())),
            "as_tuple" => Ok(self.as_tuple()),
            "as_integer_ratio" => {
                if !self.is_finite() {
                    return if self.is_nan() {
                        value_error("cannot convert NaN to integer ratio")
                    } else {
                        Err(PyErr::new(&OVERFLOW_ERROR, "cannot convert Infinity to integer ratio"))
                    };
                }
                let f = if self.exp >= 0 {
                    crate::stdlib::fractions::Fraction::from_int(self.signed_coeff().mul(&pow10(self.exp)))
                } else {
                    crate::stdlib::fractions::Fraction::new(self.signed_coeff(), pow10(-self.exp))?
                };
                Ok(Value::tuple(vec![int_value(f.num), int_value(f.den)]))
            }
            "is_zero" => boolean(self.is_zero()),
            "is_nan" => boolean(self.is_nan()),
            "is_qnan" => boolean(self.kind == Kind::NaN),
            "is_snan" => boolean(self.kind == Kind::SNaN),
            "is_infinite" => boolean(self.kind == Kind::Infinity),
            "is_finite" => boolean(self.is_finite()),
            "is_signed" => boolean(self.negative),
            "is_normal" => boolean(self.is_finite() && !self.coeff.is_zero() && self.adjusted() >= s.emin),
            "is_integer" => boolean(self.integral_value().is_some()),
            "copy_abs" => Ok(self.abs().into_value()),
            "copy_negate" => Ok(self.negated().into_value()),
            "copy_sign" => {
                let other = decimal_arg(a.req(0, "other")?, "")?;
                Ok(Decimal { negative: other.negative, ..self.clone() }.into_value())
            }
            "compare" => {
                let other = decimal_arg(a.req(0, "other")?, "")?;
                if let Some(n) = self.nan_operands(Some(&other))? {
                    return Ok(n.into_value());
                }
                let c = match self.cmp_total(&other) {
                    Ordering::Less => -1,
                    Ordering::Equal => 0,
                    Ordering::Greater => 1,
                };
                Ok(Decimal::from_int(&big(c)).into_value())
            }
            "max" | "min" => {
                let other = decimal_arg(a.req(0, "other")?, "")?;
                let s = context_arg(&a, 1)?;
                if self.is_nan() || other.is_nan() {
                    if let Some(n) = self.nan_operands(Some(&other))? {
                        let keep = if self.kind == Kind::NaN && !other.is_nan() { other } else if other.kind == Kind::NaN && !self.is_nan() { self.clone() } else { n };
                        return Ok(keep.fix(&s)?.into_value());
                    }
                }
                let c = self.cmp_total(&other);
                let pick_self = if name == "max" { c != Ordering::Less } else { c != Ordering::Greater };
                Ok((if pick_self { self.clone() } else { other }).fix(&s)?.into_value())
            }
            "scaleb" => {
                let n = decimal_arg(a.req(0, "other")?, "")?.integral_value().and_then(|v| v.to_i64());
                match n {
                    Some(n) if self.is_finite() => d(Decimal { exp: self.exp + n, ..self.clone() }.fix(&s)),
                    Some(_) => Ok(self.clone().into_value()),
                    None => d(invalid()),
                }
            }
            "to_eng_string" => Ok(Value::string(self.to_eng())),
            "conjugate" => Ok(self.clone().into_value()),
            "fma" => {
                let b = decimal_arg(a.req(0, "other")?, "")?;
                let c = decimal_arg(a.req(1, "third")?, "")?;
                let exact = Settings { prec: i64::MAX / 4, traps: s.traps, ..s.clone() };
                d(self.mul(&b, &exact)?.add(&c, &s))
            }
            "__neg__" => d(self.negated().fix(&s).map(|r| if r.is_zero() && s.rounding != Rounding::Floor { r.abs() } else { r })),
            "__pos__" => d(self.clone().fix(&s).map(|r| if r.is_zero() && s.rounding != Rounding::Floor { r.abs() } else { r })),
            "__abs__" => d(self.abs().fix(&s)),
            "__float__" => {
                if self.kind == Kind::SNaN {
                    return value_error("cannot convert signaling NaN to float");
                }
                Ok(Value::Float(self.to_f64()))
            }
            "__int__" | "__trunc__" => Ok(int_value(self.to_int()?)),
            "__floor__" | "__ceil__" => {
                if !self.is_finite() {
                    return self.to_int().map(int_value);
                }
                let r = if name == "__floor__" { Rounding::Floor } else { Rounding::Ceiling };
                Ok(int_value(self.to_integral(r).integer()))
            }
            "__round__" => match a.get(0, "ndigits") {
                None | Some(Value::None) => {
                    if !self.is_finite() {
                        return self.to_int().map(int_value);
                    }
                    Ok(int_value(self.to_integral(Rounding::HalfEven).integer()))
                }
                Some(n) => {
                    let n = n.to_int()?;
                    d(self.quantize(&Decimal::finite(false, big(1), -n), Rounding::HalfEven, &s))
                }
            },
            "__format__" => Ok(Value::string(self.format(a.get(0, "spec").and_then(Value::as_str).unwrap_or(""))?)),
            "__str__" => Ok(Value::string(self.to_sci(s.capitals != 0))),
            "__hash__" => Ok(Value::Int(self.hash()?)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'decimal.Decimal' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "real" => Ok(self.clone().into_value()),
            "imag" => Ok(Decimal::finite(false, BigInt::zero(), 0).into_value()),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'decimal.Decimal' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        format!("Decimal('{}')", self.to_sci(settings().capitals != 0))
    }
    fn str(&self) -> String {
        self.to_sci(settings().capitals != 0)
    }
    fn hash(&self) -> i64 {
        Decimal::hash(self).unwrap_or(0)
    }
    fn truthy(&self) -> bool {
        !self.is_zero()
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
    fn equals(&self, other: &Value) -> bool {
        let other = match other {
            Value::Float(f) => {
                let _ = signal(S_FLOAT, "FloatOperation");
                Decimal::from_float(*f)
            }
            v => match Decimal::of(v) {
                Some(d) => d,
                None => return false,
            },
        };
        !self.is_nan() && !other.is_nan() && self.cmp_total(&other) == Ordering::Equal
    }
    fn compare(&self, other: &Value) -> Option<PyResult<Ordering>> {
        let other = match other {
            Value::Float(f) => {
                if let Err(e) = signal(S_FLOAT, "FloatOperation") {
                    return Some(Err(e));
                }
                Decimal::from_float(*f)
            }
            v => Decimal::of(v)?,
        };
        if self.is_nan() || other.is_nan() {
            if let Err(e) = signal(S_INVALID, "InvalidOperation") {
                return Some(Err(e));
            }
            return Some(type_error("comparison with NaN"));
        }
        Some(Ok(self.cmp_total(&other)))
    }
    fn binary_op(&self, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        let o = match Decimal::of(other) {
            Some(o) => o,
            None => {
                if !matches!(other, Value::Object(_)) {
                    let (l, r) = if reflected { (other.type_name(), "decimal.Decimal") } else { ("decimal.Decimal", other.type_name()) };
                    return Some(type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", op_symbol(op), l, r)));
                }
                return None;
            }
        };
        let (a, b) = if reflected { (&o, self) } else { (self, &o) };
        let s = settings();
        let result = match op {
            "+" => a.add(b, &s),
            "-" => a.add(&b.negated(), &s),
            "*" => a.mul(b, &s),
            "/" => a.div(b, &s),
            "//" => a.floordiv(b, &s),
            "%" => a.rem(b, &s),
            "**" => a.pow(b, &s),
            "divmod()" => return Some(a.divmod(b, &s).map(|(q, r)| Value::tuple(vec![q.into_value(), r.into_value()]))),
            _ => return None,
        };
        Some(result.map(Decimal::into_value))
    }
}

/// `DecimalTuple(sign=0, digits=(1, 2), exponent=-1)`.
struct DecimalTuple(Vec<Value>);

impl NativeObject for DecimalTuple {
    fn type_name(&self) -> &'static str {
        "DecimalTuple"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'DecimalTuple' object has no attribute '{}'", name)))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "sign" => Ok(self.0[0].clone()),
            "digits" => Ok(self.0[1].clone()),
            "exponent" => Ok(self.0[2].clone()),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'DecimalTuple' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        format!("DecimalTuple(sign={}, digits={}, exponent={})", self.0[0].repr(), self.0[1].repr(), self.0[2].repr())
    }
    fn len(&self) -> PyResult<i64> {
        Ok(3)
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        crate::ops::getitem(&Value::tuple(self.0.clone()), index)
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(self.0.clone())
    }
    fn equals(&self, other: &Value) -> bool {
        crate::ops::values_equal(&Value::tuple(self.0.clone()), other)
    }
}

// ---- contexts -------------------------------------------------------------------------

fn signal_list(bits: u32) -> String {
    let names: Vec<&str> = SIGNALS.iter().filter(|(_, b)| bits & b != 0).map(|(n, _)| *n).collect();
    format!("[{}]", names.join(", "))
}

impl Context {
    fn new(s: Settings) -> Rc<Context> {
        Rc::new(Context(Rc::new(RefCell::new(s))))
    }
}

impl NativeObject for Context {
    fn type_name(&self) -> &'static str {
        "Context"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        let s = self.0.borrow().clone();
        let one = |i: usize| -> PyResult<Decimal> { conversion(a.req(i, "x")?) };
        let d = |r: PyResult<Decimal>| r.map(Decimal::into_value);
        match name {
            "copy" => Ok(Value::Native(Context::new(s))),
            "clear_flags" => {
                self.0.borrow_mut().flags = 0;
                Ok(Value::None)
            }
            "clear_traps" => {
                self.0.borrow_mut().traps = 0;
                Ok(Value::None)
            }
            "create_decimal" => d(one(0).and_then(|x| x.fix(&s))),
            "add" => d(one(0)?.add(&one(1)?, &s)),
            "subtract" => d(one(0)?.add(&one(1)?.negated(), &s)),
            "multiply" => d(one(0)?.mul(&one(1)?, &s)),
            "divide" => d(one(0)?.div(&one(1)?, &s)),
            "power" => d(one(0)?.pow(&one(1)?, &s)),
            "sqrt" => d(one(0)?.sqrt(&s)),
            "exp" => d(one(0)?.exp(&s)),
            "ln" => d(one(0)?.ln(&s)),
            "log10" => d(one(0)?.log10(&s)),
            "plus" => d(one(0)?.fix(&s)),
            "abs" => d(one(0)?.abs().fix(&s)),
            "quantize" => d(one(0)?.quantize(&one(1)?, s.rounding, &s)),
            "normalize" => d(one(0)?.normalize(&s)),
            "Etiny" => Ok(Value::Int(s.emin - s.prec + 1)),
            "Etop" => Ok(Value::Int(s.emax - s.prec + 1)),
            "__enter__" => Ok(args_first(&a)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'decimal.Context' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let s = self.0.borrow();
        Ok(match name {
            "prec" => Value::Int(s.prec),
            "rounding" => Value::str(s.rounding.name()),
            "Emin" => Value::Int(s.emin),
            "Emax" => Value::Int(s.emax),
            "capitals" => Value::Int(s.capitals),
            "clamp" => Value::Int(s.clamp),
            "flags" | "traps" => {
                let bits = if name == "flags" { s.flags } else { s.traps };
                let _ = bits;
                Value::Native(Rc::new(SignalDict { context: self.0.clone(), traps: name == "traps" }))
            }
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'decimal.Context' object has no attribute '{}'", name))),
        })
    }
    fn setattr(&self, name: &str, value: Value) -> PyResult<()> {
        let mut s = self.0.borrow_mut();
        match name {
            "prec" => {
                let p = value.to_int()?;
                if !(1..=999_999_999_999_999_999).contains(&p) {
                    return value_error("valid range for prec is [1, MAX_PREC]");
                }
                s.prec = p;
            }
            "rounding" => s.rounding = rounding_of(&value)?,
            "Emin" => s.emin = value.to_int()?,
            "Emax" => s.emax = value.to_int()?,
            "capitals" => s.capitals = value.to_int()?,
            "clamp" => s.clamp = value.to_int()?,
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'decimal.Context' object has no attribute '{}'", name))),
        }
        Ok(())
    }
    fn repr(&self) -> String {
        let s = self.0.borrow();
        format!(
            "Context(prec={}, rounding={}, Emin={}, Emax={}, capitals={}, clamp={}, flags={}, traps={})",
            s.prec,
            s.rounding.name(),
            s.emin,
            s.emax,
            s.capitals,
            s.clamp,
            signal_list(s.flags),
            signal_list(s.traps)
        )
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

fn args_first(a: &Args) -> Value {
    a.pos.first().cloned().unwrap_or(Value::None)
}

/// `ctx.flags` / `ctx.traps`: a mapping from signal class to bool, backed by the context.
struct SignalDict {
    context: Shared,
    traps: bool,
}

impl SignalDict {
    fn bits(&self) -> u32 {
        let s = self.context.borrow();
        if self.traps {
            s.traps
        } else {
            s.flags
        }
    }
}

fn signal_bit(key: &Value) -> PyResult<u32> {
    let name = match key {
        Value::Class(_) | Value::Func(_) | Value::Native(_) | Value::Str(_) => key.to_str(),
        _ => key.repr(),
    };
    let short = name.rsplit('.').next().unwrap_or("").trim_end_matches(|c| c == '\'' || c == '>').to_string();
    match SIGNALS.iter().find(|(n, _)| *n == short) {
        Some((_, b)) => Ok(*b),
        None => Err(PyErr::with_args(&KEY_ERROR, vec![key.clone()])),
    }
}

impl NativeObject for SignalDict {
    fn type_name(&self) -> &'static str {
        "dict"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'dict' object has no attribute '{}'", name)))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'dict' object has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        let items: Vec<String> = DICT_ORDER
            .iter()
            .map(|n| {
                let bit = SIGNALS.iter().find(|(s, _)| s == n).map_or(0, |(_, b)| *b);
                format!("<class 'decimal.{}'>:{}", n, if self.bits() & bit != 0 { "True" } else { "False" })
            })
            .collect();
        format!("{{{}}}", items.join(", "))
    }
    fn getitem(&self, key: &Value) -> PyResult<Value> {
        Ok(Value::Bool(self.bits() & signal_bit(key)? != 0))
    }
    fn setitem(&self, key: &Value, value: Value) -> PyResult<()> {
        let bit = signal_bit(key)?;
        let mut s = self.context.borrow_mut();
        let target = if self.traps { &mut s.traps } else { &mut s.flags };
        if value.truthy() {
            *target |= bit;
        } else {
            *target &= !bit;
        }
        Ok(())
    }
}

/// `localcontext(ctx=None, **settings)`: a copy made current inside `with`, restored after.
struct LocalContext {
    context: Rc<Context>,
    saved: RefCell<Option<Shared>>,
}

impl NativeObject for LocalContext {
    fn type_name(&self) -> &'static str {
        "_ContextManager"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        match name {
            "__enter__" => {
                let previous = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), self.context.0.clone()));
                *self.saved.borrow_mut() = Some(previous);
                Ok(Value::Native(self.context.clone()))
            }
            "__exit__" => {
                if let Some(previous) = self.saved.borrow_mut().take() {
                    CURRENT.with(|c| *c.borrow_mut() = previous);
                }
                Ok(Value::Bool(false))
            }
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_ContextManager' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_ContextManager' object has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        "<decimal.ContextManager object>".to_string()
    }
}

fn context_of(v: &Value) -> PyResult<Rc<Context>> {
    if let Value::Native(n) = v {
        if let Some(c) = n.as_any().and_then(|x| x.downcast_ref::<Context>()) {
            return Ok(Context::new(c.0.borrow().clone()));
        }
    }
    type_error(format!("argument must be a context, not {}", v.type_name()))
}

/// Apply `prec=`, `rounding=`... keyword settings to a context.
fn apply_settings(ctx: &Context, kw: &[(&str, Value)]) -> PyResult<()> {
    for (k, v) in kw {
        match *k {
            "traps" | "flags" => {
                let mut bits = 0;
                for key in crate::iter::collect_vec(v)? {
                    bits |= signal_bit(&key)?;
                }
                let mut s = ctx.0.borrow_mut();
                if *k == "traps" {
                    s.traps = bits;
                } else {
                    s.flags = bits;
                }
            }
            "ctx" => {}
            _ => ctx.setattr(k, v.clone())?,
        }
    }
    Ok(())
}

/// `decimal.<name>` constants: rounding modes and the standard contexts.
pub fn attribute(name: &str) -> Option<Value> {
    let short = name.strip_prefix("decimal.").or_else(|| name.strip_prefix("_pydecimal."))?;
    if ROUNDINGS.contains(&short) {
        return Some(Value::str(short));
    }
    match short {
        "MAX_PREC" => Some(Value::Int(999_999_999_999_999_999)),
        "MAX_EMAX" => Some(Value::Int(999_999_999_999_999_999)),
        "MIN_EMIN" => Some(Value::Int(-999_999_999_999_999_999)),
        "DefaultContext" => Some(Value::Native(Context::new(Settings::default()))),
        "BasicContext" => Some(Value::Native(Context::new(Settings {
            prec: 9,
            rounding: Rounding::HalfUp,
            traps: S_INVALID | S_DIV_ZERO | S_OVERFLOW | 1 | 128,
            ..Settings::default()
        }))),
        "ExtendedContext" => Some(Value::Native(Context::new(Settings { prec: 9, traps: 0, ..Settings::default() }))),
        _ => None,
    }
}

/// `decimal.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    let short = name.rsplit('.').next().unwrap_or(name);
    match short {
        "Decimal" => {
            let value = a.get(0, "value").cloned().unwrap_or_else(|| Value::str("0"));
            let d = conversion(&value)?;
            Ok(match a.get(1, "context") {
                Some(c) if !c.is_none() => {
                    let s = context_arg(a, 1)?;
                    d.fix(&s)?
                }
                _ => d,
            }
            .into_value())
        }
        "from_float" => match a.req(0, "f")? {
            Value::Float(f) => Ok(Decimal::from_float(*f).into_value()),
            v => match Decimal::of(v) {
                Some(d) if !matches!(v, Value::Native(_)) => Ok(d.into_value()),
                _ => type_error("argument must be int or float"),
            },
        },
        "getcontext" => Ok(Value::Native(Rc::new(Context(current())))),
        "setcontext" => {
            let v = a.req(0, "context")?;
            match v {
                Value::Native(n) => match n.as_any().and_then(|x| x.downcast_ref::<Context>()) {
                    Some(c) => {
                        let shared = c.0.clone();
                        CURRENT.with(|cur| *cur.borrow_mut() = shared);
                        Ok(Value::None)
                    }
                    None => type_error(format!("argument must be a context, not {}", v.type_name())),
                },
                _ => type_error(format!("argument must be a context, not {}", v.type_name())),
            }
        }
        "localcontext" => {
            let base = match a.get(0, "ctx") {
                None | Some(Value::None) => Context::new(settings()),
                Some(v) => context_of(v)?,
            };
            apply_settings(&base, &a.kw)?;
            Ok(Value::Native(Rc::new(LocalContext { context: base, saved: RefCell::new(None) })))
        }
        "Context" => {
            let ctx = Context::new(Settings::default());
            let positional = ["prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"];
            let mut kw: Vec<(&str, Value)> = Vec::new();
            for (i, v) in a.pos.iter().enumerate() {
                if let Some(k) = positional.get(i) {
                    if !v.is_none() {
                        kw.push((k, v.clone()));
                    }
                }
            }
            kw.extend(a.kw.iter().filter(|(_, v)| !v.is_none()).cloned());
            apply_settings(&ctx, &kw)?;
            Ok(Value::Native(ctx))
        }
        _ => type_error(format!("{} is not available", name)),
    }
}

/// The exception classes, for `except decimal.InvalidOperation:`.
pub fn exception(name: &str) -> Option<&'static ExcType> {
    let short = name.rsplit('.').next()?;
    Some(match short {
        "DecimalException" => &DECIMAL_EXCEPTION,
        "InvalidOperation" => &INVALID_OPERATION,
        "DivisionByZero" => &DIVISION_BY_ZERO,
        "Inexact" => &INEXACT,
        "Rounded" => &ROUNDED,
        "Overflow" => &OVERFLOW,
        "Underflow" => &UNDERFLOW,
        "Subnormal" => &SUBNORMAL,
        "Clamped" => &CLAMPED,
        "FloatOperation" => &FLOAT_OPERATION,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        parse(s).unwrap()
    }

    #[test]
    fn text_round_trips() {
        for s in ["1.10", "0E-8", "1E+3", "-0", "123.456", "1.23E-7", "Infinity", "NaN", "0.000001", "1E-7"] {
            assert_eq!(d(s).to_sci(true), s);
        }
        assert_eq!(Decimal::from_float(0.1).to_sci(true), "0.1000000000000000055511151231257827021181583404541015625");
        assert_eq!(Decimal::from_float(-0.0).to_sci(true), "-0");
    }

    #[test]
    fn arithmetic_rounds_to_context() {
        let s = Settings::default();
        assert_eq!(d("1").div(&d("3"), &s).unwrap().to_sci(true), "0.3333333333333333333333333333");
        assert_eq!(d("2").sqrt(&s).unwrap().to_sci(true), "1.414213562373095048801688724");
        assert_eq!(d("2").ln(&s).unwrap().to_sci(true), "0.6931471805599453094172321215");
        assert_eq!(d("1").exp(&s).unwrap().to_sci(true), "2.718281828459045235360287471");
        assert_eq!(d("1.10").add(&d("2.2"), &s).unwrap().to_sci(true), "3.30");
        assert_eq!(d("7.325").quantize(&d("0.01"), Rounding::HalfEven, &s).unwrap().to_sci(true), "7.32");
    }
}
