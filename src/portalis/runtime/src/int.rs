//! `Int`: a Python `int` held natively where the translator could not prove it stays
//! within 64 bits.  It is an `i64` until a result overflows and a [`BigInt`] from then
//! on, so arithmetic never raises OverflowError and allocates nothing while small.
//!
//! Invariant: `Big` never holds a value that fits in an `i64` (every result goes
//! through [`Int::from_big`]), so equality, hashing and boxing into `Value` (`Int` or
//! `BigInt`) need no normalisation.  The operators follow Python: `//` and `%` floor
//! (the remainder takes the divisor's sign) and raise ZeroDivisionError as `Err`,
//! shifts reject negative counts, `~x` is `-x - 1`, and `hash` is CPython's.
//!
//! Generated code writes `&a + &b`, `&a * 10`, `a.floordiv(&b)?`, `a == 0`, `a < b`.

use crate::bigint::BigInt;
use crate::exc::*;
use crate::ops::{int_error, int_floordiv, int_mod};
use crate::strops::Str;
use crate::value::Value;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// An exact Python int: machine-sized while it fits, big after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(Rc<BigInt>),
}

impl Default for Int {
    fn default() -> Int {
        Int::Small(0)
    }
}

impl From<i64> for Int {
    #[inline]
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<bool> for Int {
    #[inline]
    fn from(v: bool) -> Int {
        Int::Small(v as i64)
    }
}

impl Int {
    /// A result of big arithmetic, back to `Small` when it fits.
    pub fn from_big(b: BigInt) -> Int {
        match b.to_i64() {
            Some(i) => Int::Small(i),
            None => Int::Big(Rc::new(b)),
        }
    }

    /// An integer literal too large for i64, written in decimal by the translator.
    pub fn literal(digits: &str) -> Int {
        Int::from_big(BigInt::parse(digits, 10).unwrap_or_else(|_| BigInt::zero()))
    }

    /// The value as a `BigInt` (allocates for a small value).
    pub fn to_big(&self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from_i64(*i),
            Int::Big(b) => b.as_ref().clone(),
        }
    }

    fn big_op(&self, other: &Int, op: fn(&BigInt, &BigInt) -> BigInt) -> Int {
        let (x, y) = (self.big_ref(), other.big_ref());
        Int::from_big(op(&x, &y))
    }

    /// A borrowed or temporary BigInt, so a big operand is not copied.
    fn big_ref(&self) -> std::borrow::Cow<'_, BigInt> {
        match self {
            Int::Small(i) => std::borrow::Cow::Owned(BigInt::from_i64(*i)),
            Int::Big(b) => std::borrow::Cow::Borrowed(b.as_ref()),
        }
    }

    /// The value as an i64, if it fits.
    #[inline]
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Int::Small(i) => Some(*i),
            Int::Big(_) => None,
        }
    }

    /// An index or count argument (`lst[n]`, `range(n)`, `s * n`): CPython's
    /// OverflowError when it does not fit.
    pub fn to_index(&self) -> PyResult<i64> {
        match self {
            Int::Small(i) => Ok(*i),
            Int::Big(_) => Err(PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C ssize_t")),
        }
    }

    #[inline]
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(i) => *i < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    // ---- arithmetic -----------------------------------------------------------------

    #[inline]
    pub fn add(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if let Some(r) = a.checked_add(*b) {
                return Int::Small(r);
            }
        }
        self.big_op(other, BigInt::add)
    }

    #[inline]
    pub fn sub(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if let Some(r) = a.checked_sub(*b) {
                return Int::Small(r);
            }
        }
        self.big_op(other, BigInt::sub)
    }

    #[inline]
    pub fn mul(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if let Some(r) = a.checked_mul(*b) {
                return Int::Small(r);
            }
        }
        self.big_op(other, BigInt::mul)
    }

    /// `self // other`, floored; ZeroDivisionError for a zero divisor.
    pub fn floordiv(&self, other: &Int) -> PyResult<Int> {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if !(*a == i64::MIN && *b == -1) {
                return int_floordiv(*a, *b).map(Int::Small);
            }
        }
        self.big_divmod(other).map(|(q, _)| q)
    }

    /// `self % other`, with the divisor's sign; ZeroDivisionError for a zero divisor.
    pub fn modulo(&self, other: &Int) -> PyResult<Int> {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return int_mod(*a, *b).map(Int::Small);
        }
        if other.is_zero() {
            return zero_division("integer modulo by zero");
        }
        self.big_divmod(other).map(|(_, r)| r)
    }

    /// `divmod(self, other)`.
    pub fn divmod(&self, other: &Int) -> PyResult<(Int, Int)> {
        Ok((self.floordiv(other)?, self.modulo(other)?))
    }

    fn big_divmod(&self, other: &Int) -> PyResult<(Int, Int)> {
        let (q, r) = self.big_ref().divmod_floor(&other.big_ref()).map_err(int_error)?;
        Ok((Int::from_big(q), Int::from_big(r)))
    }

    /// `self / other`: a correctly rounded float.
    pub fn truediv(&self, other: &Int) -> PyResult<f64> {
        self.big_ref().true_div(&other.big_ref()).map_err(int_error)
    }

    /// `self ** exp` for an exponent the translator knows is not negative (a negative
    /// one makes a float in Python, which is not an `Int`).
    pub fn pow(&self, exp: &Int) -> PyResult<Int> {
        let e = match exp {
            Int::Small(e) if *e >= 0 => *e as u64,
            Int::Small(_) => return value_error("negative exponent for an int result"),
            Int::Big(b) if b.is_negative() => return value_error("negative exponent for an int result"),
            Int::Big(_) => u64::MAX,
        };
        if let Int::Small(b) = self {
            if let Ok(small) = u32::try_from(e) {
                if let Some(r) = b.checked_pow(small) {
                    return Ok(Int::Small(r));
                }
            }
            if matches!(b, -1 | 0 | 1) {
                return Ok(Int::Small(if *b == -1 && e % 2 == 0 { 1 } else { *b }));
            }
        }
        if e > u32::MAX as u64 {
            return Err(PyErr::new(&MEMORY_ERROR, "exponent too large"));
        }
        Ok(Int::from_big(self.big_ref().pow(e)))
    }

    pub fn neg(&self) -> Int {
        match self {
            Int::Small(i) => match i.checked_neg() {
                Some(r) => Int::Small(r),
                None => Int::from_big(BigInt::from_i64(*i).neg()),
            },
            Int::Big(b) => Int::from_big(b.neg()),
        }
    }

    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// `~self`, which is `-self - 1`.
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(i) => Int::Small(!*i),
            Int::Big(b) => Int::from_big(b.not()),
        }
    }

    pub fn bitand(&self, other: &Int) -> Int {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a & b),
            _ => self.big_op(other, BigInt::bitand),
        }
    }

    pub fn bitor(&self, other: &Int) -> Int {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a | b),
            _ => self.big_op(other, BigInt::bitor),
        }
    }

    pub fn bitxor(&self, other: &Int) -> Int {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a ^ b),
            _ => self.big_op(other, BigInt::bitxor),
        }
    }

    fn shift_count(count: &Int) -> PyResult<u64> {
        match count {
            _ if count.is_negative() => value_error("negative shift count"),
            Int::Small(n) => Ok(*n as u64),
            Int::Big(_) => Ok(u64::MAX),
        }
    }

    /// `self << count`.
    pub fn lshift(&self, count: &Int) -> PyResult<Int> {
        let n = Int::shift_count(count)?;
        if let Int::Small(a) = self {
            if *a == 0 {
                return Ok(Int::Small(0));
            }
            if n < 63 {
                let shifted = a << n;
                if shifted >> n == *a {
                    return Ok(Int::Small(shifted));
                }
            }
        }
        if n > 1 << 32 {
            return Err(PyErr::new(&MEMORY_ERROR, "shift count too large"));
        }
        Ok(Int::from_big(self.big_ref().shl(n)))
    }

    /// `self >> count`, rounding toward negative infinity.
    pub fn rshift(&self, count: &Int) -> PyResult<Int> {
        let n = Int::shift_count(count)?;
        Ok(match self {
            Int::Small(a) => Int::Small(a >> n.min(63)),
            Int::Big(b) => Int::from_big(b.shr(n)),
        })
    }

    pub fn bit_length(&self) -> i64 {
        match self {
            Int::Small(i) => 64 - i64::from(i.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bit_length() as i64,
        }
    }

    // ---- conversions ----------------------------------------------------------------

    /// `float(self)`: correctly rounded; OverflowError beyond the float range.
    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            Int::Small(i) => Ok(*i as f64),
            Int::Big(b) => b.to_f64().map_err(int_error),
        }
    }

    /// The boxed `Value` (`Value::Int` or `Value::BigInt`).
    pub fn to_value(&self) -> Value {
        match self {
            Int::Small(i) => Value::Int(*i),
            Int::Big(b) => Value::BigInt(b.clone()),
        }
    }

    /// A value the inference proved to be an int (a bool counts as 0 or 1).
    pub fn unbox(v: &Value) -> PyResult<Int> {
        match v {
            Value::Int(i) => Ok(Int::Small(*i)),
            Value::BigInt(b) => Ok(Int::Big(b.clone())),
            Value::Bool(b) => Ok(Int::Small(*b as i64)),
            _ => type_error(format!("expected an int, got {}", v.type_name())),
        }
    }

    /// `int(s)`: decimal text with optional sign, whitespace and underscores.
    pub fn parse(s: &str) -> PyResult<Int> {
        Int::parse_base(s, 10)
    }

    /// `int(s, base)`, ValueError with CPython's message for bad text.
    pub fn parse_base(s: &str, base: u32) -> PyResult<Int> {
        match crate::format::parse_int(s, base) {
            Ok(i) => Ok(Int::Small(i)),
            Err(_) => BigInt::parse(s, base).map(Int::from_big).map_err(int_error),
        }
    }

    /// `str(self)` as the runtime's shared text.
    pub fn to_str(&self) -> Str {
        Str::from(self.to_string())
    }

    /// CPython's `hash(self)`, the same as the boxed value's.
    pub fn py_hash(&self) -> i64 {
        match self {
            Int::Small(i) => crate::tables::hash_int(*i),
            Int::Big(b) => b.py_hash(),
        }
    }
}

/// `range(start, stop, step)` over exact ints, for a loop whose variable is an `Int`
/// (Python's range takes big bounds too).
pub fn range(start: Int, stop: Int, step: Int) -> PyResult<IntRange> {
    if step.is_zero() {
        return value_error("range() arg 3 must not be zero");
    }
    Ok(IntRange { next: start, stop, step })
}

pub struct IntRange {
    next: Int,
    stop: Int,
    step: Int,
}

impl Iterator for IntRange {
    type Item = Int;
    fn next(&mut self) -> Option<Int> {
        let more = if self.step.is_negative() { self.next > self.stop } else { self.next < self.stop };
        if !more {
            return None;
        }
        let following = &self.next + &self.step;
        Some(std::mem::replace(&mut self.next, following))
    }
}

impl Hash for Int {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.py_hash());
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            // A big value lies beyond every small one, on the side of its sign.
            (Int::Small(_), Int::Big(b)) => if b.is_negative() { Ordering::Greater } else { Ordering::Less },
            (Int::Big(a), Int::Small(_)) => if a.is_negative() { Ordering::Less } else { Ordering::Greater },
            (Int::Big(a), Int::Big(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<i64> for Int {
    #[inline]
    fn eq(&self, other: &i64) -> bool {
        matches!(self, Int::Small(a) if a == other)
    }
}

impl PartialEq<Int> for i64 {
    #[inline]
    fn eq(&self, other: &Int) -> bool {
        other == self
    }
}

impl PartialOrd<i64> for Int {
    #[inline]
    fn partial_cmp(&self, other: &i64) -> Option<Ordering> {
        Some(self.cmp(&Int::Small(*other)))
    }
}

impl PartialOrd<Int> for i64 {
    #[inline]
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(Int::Small(*self).cmp(other))
    }
}

/// Decimal, like `str(n)` (and honouring width and fill like the integer impls).
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(i) => fmt::Display::fmt(i, f),
            Int::Big(b) => fmt::Display::fmt(b.as_ref(), f),
        }
    }
}

impl From<Int> for Value {
    fn from(v: Int) -> Value {
        match v {
            Int::Small(i) => Value::Int(i),
            Int::Big(b) => Value::BigInt(b),
        }
    }
}

// Operators on references (and with i64 on either side), so generated code reads
// `&a * &b + 1`; none of them can fail.
macro_rules! int_operator {
    ($trait:ident, $method:ident, $imp:ident) => {
        impl<'a, 'b> std::ops::$trait<&'b Int> for &'a Int {
            type Output = Int;
            #[inline]
            fn $method(self, other: &'b Int) -> Int {
                Int::$imp(self, other)
            }
        }
        impl<'a> std::ops::$trait<i64> for &'a Int {
            type Output = Int;
            #[inline]
            fn $method(self, other: i64) -> Int {
                Int::$imp(self, &Int::Small(other))
            }
        }
        impl<'b> std::ops::$trait<&'b Int> for i64 {
            type Output = Int;
            #[inline]
            fn $method(self, other: &'b Int) -> Int {
                Int::$imp(&Int::Small(self), other)
            }
        }
        impl std::ops::$trait<Int> for Int {
            type Output = Int;
            #[inline]
            fn $method(self, other: Int) -> Int {
                Int::$imp(&self, &other)
            }
        }
    };
}

int_operator!(Add, add, add);
int_operator!(Sub, sub, sub);
int_operator!(Mul, mul, mul);
int_operator!(BitAnd, bitand, bitand);
int_operator!(BitOr, bitor, bitor);
int_operator!(BitXor, bitxor, bitxor);

impl<'a> std::ops::Neg for &'a Int {
    type Output = Int;
    fn neg(self) -> Int {
        Int::neg(self)
    }
}

impl<'a> std::ops::Not for &'a Int {
    type Output = Int;
    fn not(self) -> Int {
        self.invert()
    }
}

#[cfg(test)]
#[path = "../tests/int.rs"]
mod tests;
