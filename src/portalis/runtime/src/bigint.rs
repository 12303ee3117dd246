//! Arbitrary-precision signed integers with Python `int` semantics, for values that
//! outgrow `i64` (factorials, Fibonacci numbers, `2**100`, pi digits).  Generated code
//! keeps ordinary ints as `i64`, switches to [`BigInt`] on overflow, and can come back
//! with [`BigInt::to_i64`].
//!
//! Representation: a sign and a magnitude of little-endian `u32` limbs, normalised (no
//! leading zero limb; zero is the empty magnitude and never negative), so the derived
//! `PartialEq`/`Hash` are value equality.  `u32` limbs keep every intermediate in `u64`,
//! where division by a constant (10^9 when printing) compiles to a multiplication.
//!
//! Python behaviour reproduced: floor division and modulo (the remainder takes the
//! divisor's sign), infinite two's-complement bit operations on negatives, three-argument
//! `pow` including negative exponents (modular inverse), correctly rounded `float(n)` and
//! `n / m`, CPython's numeric hash, and `int(str, base)` parsing (whitespace, sign,
//! `0x`/`0o`/`0b` prefixes, underscores).  Failures are [`IntError`]s naming the Python
//! exception and carrying CPython 3.11's message.
//!
//! Algorithms: schoolbook multiplication below [`KARATSUBA_THRESHOLD`] limbs, Karatsuba
//! above; Knuth's algorithm D for division, whose cost is divisor length times quotient
//! length, so the small quotients of spigot programs are cheap; output in other bases
//! than powers of two splits the number by powers of the base with long divisions down
//! to small pieces converted limb by limb (still quadratic, but about 5 ms of CPU for the
//! 30,103 digits of 2**100000, faster than CPython 3.11); input is chunked Horner.
//! Unlike CPython 3.11, no limit on the digits of a decimal conversion is enforced
//! (`sys.set_int_max_str_digits(0)` behaviour).

use std::cmp::Ordering;
use std::fmt;

/// Limb count below which schoolbook multiplication beats Karatsuba's extra additions.
const KARATSUBA_THRESHOLD: usize = 32;

/// An arbitrary-precision signed integer.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct BigInt {
    neg: bool,
    mag: Vec<u32>,
}

/// A failed integer operation: the Python exception to raise and CPython's message.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum IntError {
    /// `ZeroDivisionError`.
    ZeroDivision(&'static str),
    /// `OverflowError`: the result does not fit a float.
    Overflow(&'static str),
    /// `ValueError`: a bad literal, base, modulus or argument.
    Value(String),
}

impl IntError {
    /// The name of the Python exception class, for mapping onto the runtime's exceptions.
    pub fn exception_name(&self) -> &'static str {
        match self {
            IntError::ZeroDivision(_) => "ZeroDivisionError",
            IntError::Overflow(_) => "OverflowError",
            IntError::Value(_) => "ValueError",
        }
    }

    /// The message Python prints after the class name.
    pub fn message(&self) -> &str {
        match self {
            IntError::ZeroDivision(m) | IntError::Overflow(m) => m,
            IntError::Value(m) => m,
        }
    }
}

impl fmt::Display for IntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

// ---------------------------------------------------------------------------
// Magnitudes: little-endian limb slices.  Unless noted, inputs are normalised and
// outputs are normalised.
// ---------------------------------------------------------------------------

/// Drops leading zero limbs.
fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

/// The slice without its leading zero limbs (the halves of a split need not be normalised).
fn trimmed(v: &[u32]) -> &[u32] {
    let mut n = v.len();
    while n > 0 && v[n - 1] == 0 {
        n -= 1;
    }
    &v[..n]
}

fn mag_cmp(a: &[u32], b: &[u32]) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// The low 64 bits of a magnitude.
fn low_u64(a: &[u32]) -> u64 {
    let lo = a.first().map_or(0, |&x| u64::from(x));
    let hi = a.get(1).map_or(0, |&x| u64::from(x));
    lo | hi << 32
}

fn mag_from_u64(v: u64) -> Vec<u32> {
    let mut m = vec![v as u32, (v >> 32) as u32];
    trim(&mut m);
    m
}

fn mag_bit_length(a: &[u32]) -> u64 {
    match a.last() {
        Some(&top) => (a.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
        None => 0,
    }
}

fn mag_bit(a: &[u32], i: u64) -> bool {
    a.get((i / 32) as usize).map_or(false, |&x| x >> (i % 32) & 1 == 1)
}

/// Whether any of the lowest `n` bits is set: what a right shift by `n` discards.
fn low_bits_set(a: &[u32], n: u64) -> bool {
    let whole = (n / 32).min(a.len() as u64) as usize;
    let part = (n % 32) as u32;
    a[..whole].iter().any(|&x| x != 0) || (whole < a.len() && part != 0 && a[whole] & ((1u32 << part) - 1) != 0)
}

/// Two adjacent limbs as one 64-bit word: the carry loops below step two limbs at a
/// time, halving the length of their carry chains.
#[inline(always)]
fn pair(x: &[u32]) -> u64 {
    u64::from(x[0]) | u64::from(x[1]) << 32
}

#[inline(always)]
fn put_pair(o: &mut [u32], v: u64) {
    o[0] = v as u32;
    o[1] = (v >> 32) as u32;
}

fn mag_add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    // Writing into a zeroed buffer (not pushing) lets the carry loop run unchecked.
    let mut out = vec![0u32; a.len() + 1];
    let mut carry = false;
    let even = b.len() & !1;
    for (o, (x, y)) in out.chunks_exact_mut(2).zip(a.chunks_exact(2).zip(b.chunks_exact(2))) {
        let (s, c1) = pair(x).overflowing_add(pair(y));
        let (s, c2) = s.overflowing_add(u64::from(carry));
        put_pair(o, s);
        carry = c1 | c2;
    }
    let mut carry = u64::from(carry);
    for i in even..b.len() {
        let s = u64::from(a[i]) + u64::from(b[i]) + carry;
        out[i] = s as u32;
        carry = s >> 32;
    }
    for (o, &x) in out[b.len()..].iter_mut().zip(&a[b.len()..]) {
        let s = u64::from(x) + carry;
        *o = s as u32;
        carry = s >> 32;
    }
    out[a.len()] = carry as u32;
    trim(&mut out);
    out
}

/// `a -= b` for `a >= b`.
fn mag_sub_assign(a: &mut Vec<u32>, b: &[u32]) {
    let mut borrow = 0u64;
    for (x, &y) in a.iter_mut().zip(b) {
        let d = u64::from(*x).wrapping_sub(u64::from(y) + borrow);
        *x = d as u32;
        borrow = d >> 63;
    }
    for x in a[b.len()..].iter_mut() {
        if borrow == 0 {
            break;
        }
        let (d, o) = x.overflowing_sub(1);
        *x = d;
        borrow = u64::from(o);
    }
    trim(a);
}

/// `a - b` for `a >= b`, in one pass over both.
fn mag_sub(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len()];
    let mut borrow = false;
    let even = b.len() & !1;
    for (o, (x, y)) in out.chunks_exact_mut(2).zip(a.chunks_exact(2).zip(b.chunks_exact(2))) {
        let (d, b1) = pair(x).overflowing_sub(pair(y));
        let (d, b2) = d.overflowing_sub(u64::from(borrow));
        put_pair(o, d);
        borrow = b1 | b2;
    }
    let mut borrow = u64::from(borrow);
    for i in even..b.len() {
        let d = u64::from(a[i]).wrapping_sub(u64::from(b[i]) + borrow);
        out[i] = d as u32;
        borrow = d >> 63;
    }
    for (o, &x) in out[b.len()..].iter_mut().zip(&a[b.len()..]) {
        let (d, w) = x.overflowing_sub(borrow as u32);
        *o = d;
        borrow = u64::from(w);
    }
    trim(&mut out);
    out
}

/// `acc += b << (32 * offset)` inside a buffer known to be long enough for the sum.
fn add_at(acc: &mut [u32], b: &[u32], offset: usize) {
    let mut carry = 0u64;
    let mut i = offset;
    for &y in b {
        let s = u64::from(acc[i]) + u64::from(y) + carry;
        acc[i] = s as u32;
        carry = s >> 32;
        i += 1;
    }
    while carry != 0 {
        let s = u64::from(acc[i]) + carry;
        acc[i] = s as u32;
        carry = s >> 32;
        i += 1;
    }
}

fn mag_mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = if b.is_empty() {
        Vec::new()
    } else if b.len() == 1 {
        mul_limb(a, b[0])
    } else if b.len() < KARATSUBA_THRESHOLD {
        mul_schoolbook(a, b)
    } else if a.len() >= 2 * b.len() {
        // Unbalanced: Karatsuba on b-sized slices of `a` keeps each product balanced.
        let mut out = vec![0; a.len() + b.len()];
        for (i, chunk) in a.chunks(b.len()).enumerate() {
            add_at(&mut out, &mag_mul(trimmed(chunk), b), i * b.len());
        }
        out
    } else {
        mul_karatsuba(a, b)
    };
    trim(&mut out);
    out
}

/// `a * y` in one pass: the common `big * small` case (factorial loops, spigots), two
/// limbs per 64x32-bit product.
fn mul_limb(a: &[u32], y: u32) -> Vec<u32> {
    let mut out = vec![0u32; a.len() + 1];
    let wide = u128::from(y);
    let mut carry = 0u128;
    for (o, x) in out.chunks_exact_mut(2).zip(a.chunks_exact(2)) {
        let t = u128::from(pair(x)) * wide + carry;
        put_pair(o, t as u64);
        carry = t >> 64;
    }
    let mut carry = carry as u64;
    for i in (a.len() & !1)..a.len() {
        let t = u64::from(a[i]) * u64::from(y) + carry;
        out[i] = t as u32;
        carry = t >> 32;
    }
    out[a.len()] = carry as u32;
    out
}

/// Unnormalised product, `a.len() + b.len()` limbs.
fn mul_schoolbook(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &y) in b.iter().enumerate() {
        if y == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (r, &x) in out[i..i + a.len()].iter_mut().zip(a) {
            let t = u64::from(x) * u64::from(y) + u64::from(*r) + carry;
            *r = t as u32;
            carry = t >> 32;
        }
        out[i + a.len()] = carry as u32;
    }
    out
}

/// Unnormalised product for `b.len() <= a.len() < 2 * b.len()`: three half-size
/// products instead of four.
fn mul_karatsuba(a: &[u32], b: &[u32]) -> Vec<u32> {
    let m = a.len() / 2;
    let (a0, a1) = a.split_at(m);
    let (b0, b1) = b.split_at(m);
    let (a0, b0) = (trimmed(a0), trimmed(b0));
    let z0 = mag_mul(a0, b0);
    let z2 = mag_mul(a1, b1);
    let mut z1 = mag_mul(&mag_add(a0, a1), &mag_add(b0, b1));
    mag_sub_assign(&mut z1, &z0);
    mag_sub_assign(&mut z1, &z2);
    let mut out = vec![0; a.len() + b.len()];
    add_at(&mut out, &z0, 0);
    add_at(&mut out, &z1, m);
    add_at(&mut out, &z2, 2 * m);
    out
}

/// `a = a * m + add`.
fn mag_mul_small_add(a: &mut Vec<u32>, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for x in a.iter_mut() {
        let t = u64::from(*x) * u64::from(m) + carry;
        *x = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
}

/// `a /= d`, returning the remainder; the result may have a leading zero limb.  Always
/// inlined so that a constant `d` turns the division into a multiplication.
#[inline(always)]
fn mag_divrem_small(a: &mut [u32], d: u32) -> u32 {
    let d = u64::from(d);
    let mut rem = 0u64;
    for x in a.iter_mut().rev() {
        let cur = rem << 32 | u64::from(*x);
        *x = (cur / d) as u32;
        rem = cur % d;
    }
    rem as u32
}

/// Truncating division of magnitudes (Knuth, TAOCP vol. 2, 4.3.1, algorithm D);
/// `v` is nonzero.
fn mag_divrem(u: &[u32], v: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if mag_cmp(u, v) == Ordering::Less {
        return (Vec::new(), u.to_vec());
    }
    if v.len() == 1 {
        let mut q = u.to_vec();
        let r = mag_divrem_small(&mut q, v[0]);
        trim(&mut q);
        return (q, mag_from_u64(u64::from(r)));
    }
    // Each quotient limb is estimated from the top limbs of `u` and `v` as if both were
    // shifted left until v's top bit is set (which keeps the estimate at most two too
    // large), but the multiply-and-subtract runs on the unshifted limbs: no copies to
    // shift, and the remainder needs no shifting back.
    let s = v[v.len() - 1].leading_zeros();
    let scaled = |a: &[u32], i: usize| -> u64 {
        let lo = if s == 0 || i == 0 { 0 } else { a[i - 1] >> (32 - s) };
        u64::from(a[i] << s | lo)
    };
    let n = v.len();
    let (vtop, vnext) = (scaled(v, n - 1), scaled(v, n - 2));
    let mut u = u.to_vec();
    u.push(0);
    let m = u.len() - n - 1;
    let mut q = vec![0u32; m + 1];
    for j in (0..=m).rev() {
        let num = scaled(&u, j + n) << 32 | scaled(&u, j + n - 1);
        let (mut qhat, mut rhat) = (num / vtop, num % vtop);
        while qhat >> 32 != 0 || qhat * vnext > (rhat << 32 | scaled(&u, j + n - 2)) {
            qhat -= 1;
            rhat += vtop;
            if rhat >> 32 != 0 {
                break;
            }
        }
        // u[j..=j+n] -= qhat * v
        let mut borrow = 0u64;
        let mut carry = 0u64;
        for (x, &y) in u[j..j + n].iter_mut().zip(v) {
            let p = qhat * u64::from(y) + carry;
            carry = p >> 32;
            let d = u64::from(*x).wrapping_sub((p & 0xffff_ffff) + borrow);
            *x = d as u32;
            borrow = d >> 63;
        }
        let d = u64::from(u[j + n]).wrapping_sub(carry + borrow);
        u[j + n] = d as u32;
        if d >> 63 != 0 {
            // qhat was one too large: add v back.
            qhat -= 1;
            let mut c = 0u64;
            for (x, &y) in u[j..j + n].iter_mut().zip(v) {
                let s = u64::from(*x) + u64::from(y) + c;
                *x = s as u32;
                c = s >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    u.truncate(n);
    trim(&mut u);
    (q, u)
}

fn mag_shl(a: &[u32], n: u64) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let bits = (n % 32) as u32;
    let mut out = vec![0u32; (n / 32) as usize];
    out.reserve(a.len() + 1);
    if bits == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push(x << bits | carry);
            carry = x >> (32 - bits);
        }
        if carry != 0 {
            out.push(carry);
        }
    }
    out
}

fn mag_shr(a: &[u32], n: u64) -> Vec<u32> {
    if n / 32 >= a.len() as u64 {
        return Vec::new();
    }
    let a = &a[(n / 32) as usize..];
    let bits = (n % 32) as u32;
    let mut out: Vec<u32> = if bits == 0 {
        a.to_vec()
    } else {
        (0..a.len())
            .map(|i| a[i] >> bits | a.get(i + 1).map_or(0, |&h| h << (32 - bits)))
            .collect()
    };
    trim(&mut out);
    out
}

/// The largest power of `base` that fits a limb, and its exponent: the chunk in which
/// radix conversion moves digits.
fn chunk_power(base: u32) -> (u32, usize) {
    let (mut p, mut k) = (base, 1);
    while let Some(next) = p.checked_mul(base) {
        p = next;
        k += 1;
    }
    (p, k)
}

/// `2.0^e` for `e` in the normal exponent range, built exactly from its bits.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// `x * 2^e`, exact whenever the result is representable: steps stay in the normal range.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

/// Python's `repr` of a str, for error messages.
fn py_repr(s: &str) -> String {
    crate::format::python_str_repr(s)
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `digits` (most significant first, each below `radix`) as a magnitude.
fn digits_to_mag(digits: &[u8], radix: u32) -> Vec<u32> {
    let mut out;
    if radix.is_power_of_two() {
        let bits = radix.trailing_zeros() as usize;
        out = vec![0u32; (digits.len() * bits + 31) / 32];
        for (i, &d) in digits.iter().rev().enumerate() {
            let (limb, off) = (i * bits / 32, i * bits % 32);
            out[limb] |= u32::from(d) << off;
            if off + bits > 32 {
                out[limb + 1] |= u32::from(d) >> (32 - off);
            }
        }
    } else {
        let (chunk, k) = chunk_power(radix);
        out = Vec::new();
        let first = match digits.len() % k {
            0 => k,
            r => r,
        };
        let mut rest = digits;
        let mut take = first;
        while !rest.is_empty() {
            let (group, tail) = rest.split_at(take);
            let v = group.iter().fold(0u32, |acc, &d| acc * radix + u32::from(d));
            mag_mul_small_add(&mut out, chunk, v);
            rest = tail;
            take = k;
        }
    }
    trim(&mut out);
    out
}

/// The digits of a magnitude in `base`, without sign.
fn mag_to_string(mag: &[u32], base: u32) -> String {
    if mag.is_empty() {
        return "0".to_string();
    }
    let mut digits: Vec<u8> = Vec::new();
    if base.is_power_of_two() {
        let bits = u64::from(base.trailing_zeros());
        let count = (mag_bit_length(mag) + bits - 1) / bits;
        for i in (0..count).rev() {
            let pos = i * bits;
            let v = (low_u64(&mag[(pos / 32) as usize..]) >> (pos % 32)) as u32 & (base - 1);
            digits.push(DIGITS[v as usize]);
        }
    } else {
        // Splitting by chunk^(2^i), about half the number's size, turns most of the work
        // into long divisions, which run several times faster per limb than the
        // latency-bound chain of single-limb divisions.
        let mut powers = vec![vec![chunk_power(base).0]];
        while powers[powers.len() - 1].len() * 4 < mag.len() {
            let p = &powers[powers.len() - 1];
            powers.push(mag_mul(p, p));
        }
        write_digits(mag, base, &powers, 0, &mut digits);
    }
    String::from_utf8(digits).unwrap_or_default() // ASCII digits and letters
}

/// Below this many limbs, converting chunk by chunk beats splitting.
const SPLIT_CONVERSION_THRESHOLD: usize = 40;

/// Appends the digits of `x` in `base`, most significant first, zero-padded on the left to
/// `width` digits; `powers[i]` is `chunk^(2^i)` for the base's limb-sized chunk.
fn write_digits(x: &[u32], base: u32, powers: &[Vec<u32>], width: usize, out: &mut Vec<u8>) {
    let (chunk, k) = chunk_power(base);
    if x.len() > SPLIT_CONVERSION_THRESHOLD {
        if let Some(i) = (1..powers.len()).rev().find(|&i| powers[i].len() * 2 <= x.len() + 1) {
            let (q, r) = mag_divrem(x, &powers[i]);
            let low = k << i;
            write_digits(&q, base, powers, width.saturating_sub(low), out);
            write_digits(&r, base, powers, low, out);
            return;
        }
    }
    let start = out.len();
    let mut rest = x.to_vec();
    while !rest.is_empty() {
        let mut r = if base == 10 {
            mag_divrem_small(&mut rest, 1_000_000_000)
        } else {
            mag_divrem_small(&mut rest, chunk)
        };
        trim(&mut rest);
        for _ in 0..k {
            // Decimal, by far the common base, divides by a constant (a multiplication).
            let (q, d) = if base == 10 { (r / 10, r % 10) } else { (r / base, r % base) };
            out.push(DIGITS[d as usize]);
            r = q;
        }
    }
    while out.len() > start && out[out.len() - 1] == b'0' {
        out.pop();
    }
    out.resize(start + width.max(out.len() - start), b'0');
    out[start..].reverse();
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let r = a % b;
        a = b;
        b = r;
    }
    a
}

impl BigInt {
    /// Normalises a magnitude into a value (a zero magnitude is never negative).
    fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        BigInt {
            neg: neg && !mag.is_empty(),
            mag,
        }
    }

    pub fn zero() -> BigInt {
        BigInt {
            neg: false,
            mag: Vec::new(),
        }
    }

    pub fn from_i64(v: i64) -> BigInt {
        BigInt::from_parts(v < 0, mag_from_u64(v.unsigned_abs()))
    }

    pub fn from_u64(v: u64) -> BigInt {
        BigInt::from_parts(false, mag_from_u64(v))
    }

    /// The value as an `i64`, if it fits: how results return to the fast representation.
    pub fn to_i64(&self) -> Option<i64> {
        if self.mag.len() > 2 {
            return None;
        }
        let m = low_u64(&self.mag);
        if self.neg {
            (m <= 1 << 63).then(|| 0i64.wrapping_sub(m as i64))
        } else {
            i64::try_from(m).ok()
        }
    }

    /// `int(x)` for a float: truncates toward zero, exactly; `None` for nan and infinities
    /// (Python's ValueError and OverflowError respectively).
    pub fn from_f64(v: f64) -> Option<BigInt> {
        if !v.is_finite() {
            return None;
        }
        let t = v.trunc();
        if t.abs() < (1u64 << 63) as f64 {
            return Some(BigInt::from_i64(t as i64));
        }
        // |t| >= 2^63: an integer significand times a positive power of two.
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) - 1075;
        let significand = (bits & ((1 << 52) - 1)) | 1 << 52;
        Some(BigInt::from_parts(t < 0.0, mag_shl(&mag_from_u64(significand), exp)))
    }

    /// `float(n)`, correctly rounded (half to even) like CPython.
    pub fn to_f64(&self) -> Result<f64, IntError> {
        let n = self.bit_length();
        let m = if n <= 64 {
            low_u64(&self.mag) as f64
        } else {
            const TOO_LARGE: IntError = IntError::Overflow("int too large to convert to float");
            if n > 1024 {
                return Err(TOO_LARGE);
            }
            // 55 top bits (53 + a rounding bit + a sticky bit standing for all the rest)
            // make the u64 -> f64 conversion round exactly as the full value would.
            let shift = n - 55;
            let top = low_u64(&mag_shr(&self.mag, shift)) | u64::from(low_bits_set(&self.mag, shift));
            let m = top as f64 * pow2(shift as i64);
            if m.is_infinite() {
                return Err(TOO_LARGE);
            }
            m
        };
        Ok(if self.neg { -m } else { m })
    }

    /// `int(s, base)`: `base` is 0 (infer from prefix, as for literals) or 2..=36.  Accepts
    /// surrounding whitespace, a sign, a `0x`/`0o`/`0b` prefix matching the base, and single
    /// underscores between digits.  Only ASCII digits are recognised.
    pub fn parse(s: &str, base: u32) -> Result<BigInt, IntError> {
        if base == 1 || base > 36 {
            return Err(IntError::Value("int() base must be >= 2 and <= 36, or 0".to_string()));
        }
        let invalid = || {
            let repr: String = py_repr(s).chars().take(200).collect();
            IntError::Value(format!("invalid literal for int() with base {}: {}", base, repr))
        };
        let t = s.trim();
        let (neg, t) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let (mut radix, mut body, mut prefixed) = (base, t, false);
        let b = t.as_bytes();
        if b.len() >= 2 && b[0] == b'0' {
            let p = match b[1] {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => 0,
            };
            if p != 0 && (base == 0 || base == p) {
                radix = p;
                body = &t[2..];
                prefixed = true;
            }
        }
        if radix == 0 {
            radix = 10;
        }
        let mut digits = Vec::with_capacity(body.len());
        let mut after_underscore = false;
        for (i, c) in body.chars().enumerate() {
            if c == '_' {
                // One underscore between digits, or right after a prefix.
                if after_underscore || (i == 0 && !prefixed) {
                    return Err(invalid());
                }
                after_underscore = true;
            } else {
                digits.push(c.to_digit(radix).ok_or_else(invalid)? as u8);
                after_underscore = false;
            }
        }
        if digits.is_empty() || after_underscore {
            return Err(invalid());
        }
        // Like a literal, base 0 rejects leading zeros on a nonzero decimal ("010").
        if base == 0 && !prefixed && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
            return Err(invalid());
        }
        Ok(BigInt::from_parts(neg, digits_to_mag(&digits, radix)))
    }

    /// The digits in `base` (2..=36, lowercase letters) with a leading `-` if negative and
    /// no prefix: `format(n, 'x')` is `to_string_radix(16)`.
    pub fn to_string_radix(&self, base: u32) -> String {
        assert!((2..=36).contains(&base), "base must be in 2..=36");
        let digits = mag_to_string(&self.mag, base);
        if self.neg {
            format!("-{}", digits)
        } else {
            digits
        }
    }

    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    pub fn is_negative(&self) -> bool {
        self.neg
    }

    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.neg, self.mag.clone())
    }

    pub fn abs(&self) -> BigInt {
        BigInt {
            neg: false,
            mag: self.mag.clone(),
        }
    }

    pub fn add(&self, other: &BigInt) -> BigInt {
        self.add_signed(other, other.neg)
    }

    pub fn sub(&self, other: &BigInt) -> BigInt {
        self.add_signed(other, !other.neg)
    }

    /// `self + |other|` with `other_neg` as the second operand's sign: shares the
    /// sign analysis between addition and subtraction without negating a copy.
    fn add_signed(&self, other: &BigInt, other_neg: bool) -> BigInt {
        if self.neg == other_neg {
            return BigInt::from_parts(self.neg, mag_add(&self.mag, &other.mag));
        }
        match mag_cmp(&self.mag, &other.mag) {
            Ordering::Less => BigInt::from_parts(other_neg, mag_sub(&other.mag, &self.mag)),
            _ => BigInt::from_parts(self.neg, mag_sub(&self.mag, &other.mag)),
        }
    }

    pub fn mul(&self, other: &BigInt) -> BigInt {
        BigInt::from_parts(self.neg != other.neg, mag_mul(&self.mag, &other.mag))
    }

    /// `(self // other, self % other)` with Python's floor semantics: the remainder has
    /// the divisor's sign.  Python says "integer modulo by zero" for a bare `%`.
    pub fn divmod_floor(&self, other: &BigInt) -> Result<(BigInt, BigInt), IntError> {
        if other.is_zero() {
            return Err(IntError::ZeroDivision("integer division or modulo by zero"));
        }
        let (q, r) = mag_divrem(&self.mag, &other.mag);
        let q = BigInt::from_parts(self.neg != other.neg, q);
        let r = BigInt::from_parts(self.neg, r);
        if r.is_zero() || self.neg == other.neg {
            Ok((q, r))
        } else {
            Ok((q.sub(&BigInt::from_i64(1)), r.add(other)))
        }
    }

    /// `self ** exp` (a negative exponent gives a float in Python, so it is the caller's).
    pub fn pow(&self, exp: u64) -> BigInt {
        let neg = self.neg && exp % 2 == 1;
        if exp == 0 {
            return BigInt::from_i64(1);
        }
        if self.is_zero() {
            return BigInt::zero();
        }
        if self.mag.iter().map(|x| x.count_ones()).sum::<u32>() == 1 {
            // A power of two: one shift.
            let shift = (self.bit_length() - 1).saturating_mul(exp);
            return BigInt::from_parts(neg, mag_shl(&[1], shift));
        }
        let mut acc = self.mag.clone();
        for i in (0..63 - exp.leading_zeros()).rev() {
            acc = mag_mul(&acc, &acc);
            if exp >> i & 1 == 1 {
                acc = mag_mul(&acc, &self.mag);
            }
        }
        BigInt::from_parts(neg, acc)
    }

    /// Three-argument `pow(self, exp, modulus)`: the result has the modulus's sign; a
    /// negative exponent uses the modular inverse of the base.
    pub fn pow_mod(&self, exp: &BigInt, modulus: &BigInt) -> Result<BigInt, IntError> {
        if modulus.is_zero() {
            return Err(IntError::Value("pow() 3rd argument cannot be 0".to_string()));
        }
        let m = modulus.abs();
        let mut base = self.divmod_floor(&m)?.1;
        if exp.neg {
            base = base
                .mod_inverse(&m)
                .ok_or_else(|| IntError::Value("base is not invertible for the given modulus".to_string()))?;
        }
        let mut acc = mag_divrem(&[1], &m.mag).1;
        for i in (0..exp.bit_length()).rev() {
            acc = mag_divrem(&mag_mul(&acc, &acc), &m.mag).1;
            if mag_bit(&exp.mag, i) {
                acc = mag_divrem(&mag_mul(&acc, &base.mag), &m.mag).1;
            }
        }
        let r = BigInt::from_parts(false, acc);
        Ok(if modulus.neg && !r.is_zero() { r.add(modulus) } else { r })
    }

    /// The inverse of `self` (in `[0, m)`) modulo `m > 0` by the extended Euclidean
    /// algorithm, if `gcd(self, m) == 1`.
    fn mod_inverse(&self, m: &BigInt) -> Option<BigInt> {
        let (mut r0, mut r1) = (self.clone(), m.clone());
        let (mut s0, mut s1) = (BigInt::from_i64(1), BigInt::zero());
        while !r1.is_zero() {
            let (q, r) = r0.divmod_floor(&r1).ok()?;
            r0 = std::mem::replace(&mut r1, r);
            let s = s0.sub(&q.mul(&s1));
            s0 = std::mem::replace(&mut s1, s);
        }
        if r0 != BigInt::from_i64(1) {
            return None;
        }
        Some(s0.divmod_floor(m).ok()?.1)
    }

    /// `len` limbs of the two's-complement form, sign-extended.
    fn twos_complement(&self, len: usize) -> Vec<u32> {
        let mut out = self.mag.clone();
        out.resize(len, 0);
        if self.neg {
            negate_limbs(&mut out);
        }
        out
    }

    /// The value of a two's-complement limb vector whose top bit is the sign.
    fn from_twos_complement(mut limbs: Vec<u32>) -> BigInt {
        let neg = limbs.last().map_or(false, |&x| x >> 31 == 1);
        if neg {
            negate_limbs(&mut limbs);
        }
        BigInt::from_parts(neg, limbs)
    }

    /// A bitwise operation on Python's infinite two's-complement representations: one
    /// extra limb holds the sign that would otherwise extend forever.
    fn bitwise(&self, other: &BigInt, op: fn(u32, u32) -> u32) -> BigInt {
        let len = self.mag.len().max(other.mag.len()) + 1;
        let (a, b) = (self.twos_complement(len), other.twos_complement(len));
        BigInt::from_twos_complement(a.iter().zip(&b).map(|(&x, &y)| op(x, y)).collect())
    }

    pub fn bitand(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x & y)
    }

    pub fn bitor(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x | y)
    }

    pub fn bitxor(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x ^ y)
    }

    /// `~self`, which is `-self - 1`.
    pub fn not(&self) -> BigInt {
        self.add(&BigInt::from_i64(1)).neg()
    }

    /// `self << n` (the caller rejects negative counts with "negative shift count").
    pub fn shl(&self, n: u64) -> BigInt {
        BigInt::from_parts(self.neg, mag_shl(&self.mag, n))
    }

    /// `self >> n`, rounding toward negative infinity like Python.
    pub fn shr(&self, n: u64) -> BigInt {
        let mut q = mag_shr(&self.mag, n);
        if self.neg && low_bits_set(&self.mag, n) {
            q = mag_add(&q, &[1]);
        }
        BigInt::from_parts(self.neg, q)
    }

    /// `int.bit_length()`: bits of the magnitude.
    pub fn bit_length(&self) -> u64 {
        mag_bit_length(&self.mag)
    }

    /// `int.bit_count()`: set bits of the magnitude.
    pub fn bit_count(&self) -> u64 {
        self.mag.iter().map(|x| u64::from(x.count_ones())).sum()
    }

    /// `math.gcd`: never negative.
    pub fn gcd(&self, other: &BigInt) -> BigInt {
        let (mut a, mut b) = (self.mag.clone(), other.mag.clone());
        while !b.is_empty() {
            if a.len() <= 2 && b.len() <= 2 {
                return BigInt::from_u64(gcd_u64(low_u64(&a), low_u64(&b)));
            }
            let r = mag_divrem(&a, &b).1;
            a = std::mem::replace(&mut b, r);
        }
        BigInt::from_parts(false, a)
    }

    /// `math.isqrt`: the floor of the square root.  Like CPython, Newton steps at doubling
    /// precision: `a` is the root of the top `2d` bits of `n` within one, and each step
    /// roughly doubles `d`, so the work is about one full-size division.
    pub fn isqrt(&self) -> Result<BigInt, IntError> {
        if self.neg {
            return Err(IntError::Value("isqrt() argument must be nonnegative".to_string()));
        }
        if self.is_zero() {
            return Ok(BigInt::zero());
        }
        let c = (self.bit_length() - 1) / 2;
        let mut a = vec![1u32];
        let mut d = 0u64;
        for s in (0..64 - u64::from(c.leading_zeros())).rev() {
            let e = d;
            d = c >> s;
            let top = mag_shr(&self.mag, 2 * c - e - d + 1);
            a = mag_add(&mag_shl(&a, d - e - 1), &mag_divrem(&top, &a).0);
        }
        if mag_cmp(&mag_mul(&a, &a), &self.mag) == Ordering::Greater {
            mag_sub_assign(&mut a, &[1]);
        }
        Ok(BigInt::from_parts(false, a))
    }

    /// `hash(n)` as CPython computes it: `|n| mod (2**61 - 1)` with the sign, and -1
    /// (CPython's error marker) replaced by -2.  Equal to `hash(float(n))` when exact.
    pub fn py_hash(&self) -> i64 {
        const MODULUS: u64 = (1 << 61) - 1;
        let mut h = 0u64;
        for &x in self.mag.iter().rev() {
            // h * 2^32 mod (2^61 - 1) is a 61-bit rotation.
            h = ((h << 32) & MODULUS) | h >> 29;
            h += u64::from(x);
            if h >= MODULUS {
                h -= MODULUS;
            }
        }
        let h = if self.neg { -(h as i64) } else { h as i64 };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// `self / other`, correctly rounded like CPython's `int.__truediv__`: the quotient
    /// is computed to 55 or 56 bits plus an inexact flag, then rounded once.
    pub fn true_div(&self, other: &BigInt) -> Result<f64, IntError> {
        const MANT_DIG: i64 = 53;
        const MIN_EXP: i64 = -1021;
        const MAX_EXP: i64 = 1024;
        const TOO_LARGE: IntError = IntError::Overflow("integer division result too large for a float");
        if other.is_zero() {
            return Err(IntError::ZeroDivision("division by zero"));
        }
        let negate = self.neg != other.neg;
        let signed = |x: f64| if negate { -x } else { x };
        let (la, lb) = (self.bit_length() as i64, other.bit_length() as i64);
        if la <= MANT_DIG && lb <= MANT_DIG {
            // Both exact as floats, and IEEE division rounds correctly.
            return Ok(signed(low_u64(&self.mag) as f64 / low_u64(&other.mag) as f64));
        }
        let diff = la - lb;
        if diff > MAX_EXP {
            return Err(TOO_LARGE);
        }
        if self.is_zero() || diff < MIN_EXP - MANT_DIG - 1 {
            return Ok(signed(0.0));
        }
        // Scale so the quotient has MANT_DIG + 2 or + 3 bits (fewer bits are kept for
        // results in the subnormal range).
        let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
        let (x, mut inexact) = if shift <= 0 {
            (mag_shl(&self.mag, (-shift) as u64), false)
        } else {
            (mag_shr(&self.mag, shift as u64), low_bits_set(&self.mag, shift as u64))
        };
        let (q, r) = mag_divrem(&x, &other.mag);
        inexact |= !r.is_empty();
        let q = low_u64(&q);
        let q_bits = 64 - i64::from(q.leading_zeros());
        // Round half to even, dropping `extra` bits.
        let extra = q_bits.max(MIN_EXP - shift) - MANT_DIG;
        let mask = 1u64 << (extra - 1);
        let mut low = q | u64::from(inexact);
        if low & mask != 0 && low & (3 * mask - 1) != 0 {
            low += mask;
        }
        let q = low & !(2 * mask - 1);
        let dq = q as f64;
        if shift + q_bits >= MAX_EXP && (shift + q_bits > MAX_EXP || dq == pow2(q_bits)) {
            return Err(TOO_LARGE);
        }
        Ok(signed(ldexp(dq, shift)))
    }

    /// Python's exact comparison of an int with a float (`None` if the float is nan).
    pub fn cmp_f64(&self, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
        }
        let t = f.trunc();
        let whole = BigInt::from_f64(t)?;
        Some(
            self.cmp(&whole)
                .then_with(|| 0.0.partial_cmp(&(f - t)).unwrap_or(Ordering::Equal)),
        )
    }
}

/// Two's-complement negation in place: invert and add one.
fn negate_limbs(limbs: &mut [u32]) {
    let mut carry = true;
    for x in limbs.iter_mut() {
        let (v, c) = (!*x).overflowing_add(u32::from(carry));
        *x = v;
        carry = c;
    }
}

impl From<i64> for BigInt {
    fn from(v: i64) -> BigInt {
        BigInt::from_i64(v)
    }
}

impl Ord for BigInt {
    fn cmp(&self, other: &BigInt) -> Ordering {
        match (self.neg, other.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => mag_cmp(&self.mag, &other.mag),
            (true, true) => mag_cmp(&other.mag, &self.mag),
        }
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &BigInt) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Decimal, honouring width, fill and `+` flags like the integer `Display` impls.
impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad_integral(!self.neg, "", &mag_to_string(&self.mag, 10))
    }
}

#[cfg(test)]
#[path = "../tests/bigint.rs"]
mod tests;
