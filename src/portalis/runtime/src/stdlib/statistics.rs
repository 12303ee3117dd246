//! `statistics`: averages and spread computed as CPython does, with exact rational sums
//! (`fractions::Fraction`) converted back to the data's type at the end, and `stdev`
//! as a correctly rounded square root of the exact variance.

use crate::bigint::BigInt;
use crate::exc::*;
use crate::iter::collect_vec;
use crate::methods::Args;
use crate::ops;
use crate::stdlib::fractions::{float_ratio, Fraction};
use crate::value::*;

/// `statistics.StatisticsError`, a ValueError.
pub static STATISTICS_ERROR: ExcType = ExcType { name: "StatisticsError", base: Some(&VALUE_ERROR) };

fn stats_error<T>(msg: &str) -> PyResult<T> {
    Err(PyErr::new(&STATISTICS_ERROR, msg))
}

/// The type results convert back to: CPython's `_coerce` over the data's types, where
/// int (and bool) gives way to Fraction, and Fraction to float.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Int,
    Fraction,
    Float,
}

/// A sum of data: exact while every value is finite, else the float sum of the
/// infinities and nans (which decides the result on its own).
enum Total {
    Exact(Fraction),
    NonFinite(f64),
}

/// `_exact_ratio(x)` with the value's kind; `Err(x)` for a float nan or infinity.
fn exact(x: &Value) -> PyResult<(Kind, Result<Fraction, f64>)> {
    if let Value::Float(f) = x {
        if !f.is_finite() {
            return Ok((Kind::Float, Err(*f)));
        }
        let (num, den) = float_ratio(*f)?;
        return Ok((Kind::Float, Ok(Fraction { num, den })));
    }
    match Fraction::of_rational(x) {
        Some(r) => Ok((if matches!(x, Value::Native(_)) { Kind::Fraction } else { Kind::Int }, Ok(r))),
        None => type_error(format!("can't convert type '{}' to numerator/denominator", x.type_name())),
    }
}

fn zero() -> Fraction {
    Fraction::from_int(BigInt::zero())
}

fn count_fraction(n: usize) -> Fraction {
    Fraction::from_int(BigInt::from_u64(n as u64))
}

/// `_sum(data)`: the kind, the exact total and the count.
fn sum(data: &[Value]) -> PyResult<(Kind, Total, usize)> {
    let (mut kind, mut total, mut special) = (Kind::Int, zero(), None);
    for x in data {
        let (k, r) = exact(x)?;
        kind = kind.max(k);
        match r {
            Ok(r) => total = total.add(&r),
            Err(f) => special = Some(special.unwrap_or(0.0) + f),
        }
    }
    Ok((kind, special.map_or(Total::Exact(total), Total::NonFinite), data.len()))
}

/// `_ss(data, c)`: the kind, the sum of squared deviations and the count.  Without `c`
/// the deviations are from the exact mean; with it they are computed in the data's
/// own arithmetic, as CPython does.
fn sum_squares(data: &[Value], c: Option<&Value>) -> PyResult<(Kind, Total, usize)> {
    if let Some(c) = c.filter(|c| !c.is_none()) {
        let mut squares = Vec::with_capacity(data.len());
        for x in data {
            let d = ops::sub(x, c)?;
            squares.push(ops::mul(&d, &d)?);
        }
        return sum(&squares);
    }
    let (mut kind, mut sx, mut sxx, mut special) = (Kind::Int, zero(), zero(), None);
    for x in data {
        let (k, r) = exact(x)?;
        kind = kind.max(k);
        match r {
            Ok(r) => {
                sxx = sxx.add(&r.mul(&r));
                sx = sx.add(&r);
            }
            Err(f) => special = Some(special.unwrap_or(0.0) + f),
        }
    }
    if let Some(f) = special {
        return Ok((kind, Total::NonFinite(f), data.len()));
    }
    if data.is_empty() {
        return Ok((kind, Total::Exact(zero()), 0));
    }
    let n = count_fraction(data.len());
    let ssd = n.mul(&sxx).sub(&sx.mul(&sx)).div(&n)?;
    Ok((kind, Total::Exact(ssd), data.len()))
}

/// `_convert(total / n, T)`: an int when exact and the data were ints, else the type.
fn convert(total: Total, n: usize, kind: Kind) -> PyResult<Value> {
    let value = match total {
        Total::NonFinite(f) => return Ok(Value::Float(f / n as f64)),
        Total::Exact(t) => t.div(&count_fraction(n))?,
    };
    match kind {
        Kind::Int if value.den == BigInt::from_i64(1) => Ok(ops::int_value(value.num)),
        Kind::Fraction => Ok(value.into_value()),
        _ => Ok(Value::Float(value.to_f64()?)),
    }
}

/// `isqrt(n / m)` rounded to odd: the low bit records an inexact root.
fn isqrt_frac_rto(n: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    let q = n.divmod_floor(m).map_err(ops::int_error)?.0;
    let a = q.isqrt().map_err(ops::int_error)?;
    let exact = a.mul(&a).mul(m) == *n;
    Ok(if exact { a } else { a.bitor(&BigInt::from_i64(1)) })
}

/// `_float_sqrt_of_frac`: the correctly rounded float square root of `total / n`.
fn sqrt_of(total: Total, n: usize) -> PyResult<Value> {
    let mss = match total {
        Total::NonFinite(_) => {
            return Err(PyErr::new(&ATTRIBUTE_ERROR, "'float' object has no attribute 'numerator'"))
        }
        Total::Exact(t) => t.div(&count_fraction(n))?,
    };
    let (num, den) = (&mss.num, &mss.den);
    let q = (num.bit_length() as i64 - den.bit_length() as i64 - 109).div_euclid(2);
    let (root, scale) = if q >= 0 {
        (isqrt_frac_rto(num, &den.shl(2 * q as u64))?.shl(q as u64), BigInt::from_i64(1))
    } else {
        (isqrt_frac_rto(&num.shl((-2 * q) as u64), den)?, BigInt::from_i64(1).shl((-q) as u64))
    };
    root.true_div(&scale).map(Value::Float).map_err(ops::int_error)
}

fn sorted_data(a: &Args) -> PyResult<Vec<Value>> {
    let mut data = collect_vec(a.req(0, "data")?)?;
    crate::builtins::sort_values(&mut data, None, false)?;
    if data.is_empty() {
        return stats_error("no median for empty data");
    }
    Ok(data)
}

/// Each distinct value with its count, in first-seen order (a Counter).
fn counts(data: Vec<Value>) -> PyResult<Vec<(Value, i64)>> {
    let mut table = Dict::new();
    for x in data {
        x.check_hashable()?;
        let n = table.get(&x).map_or(0, |v| v.as_index().unwrap_or(0));
        table.insert(x, Value::Int(n + 1));
    }
    Ok(table.iter().map(|(k, v)| (k.clone(), v.as_index().unwrap_or(0))).collect())
}

/// `median_grouped(data, interval=1.0)`.
fn median_grouped(a: &Args) -> PyResult<Value> {
    let data = sorted_data(a)?;
    let n = data.len();
    let x = &data[n / 2];
    let i = data.iter().position(|v| ops::values_equal(v, x)).unwrap_or(n / 2);
    let j = data.iter().rposition(|v| ops::values_equal(v, x)).map_or(n / 2 + 1, |j| j + 1);
    let interval = crate::builtins::float(Some(a.get(1, "interval").unwrap_or(&Value::Float(1.0))))?.to_f64()?;
    let x = crate::builtins::float(Some(x))?.to_f64()?;
    let low = x - interval / 2.0;
    Ok(Value::Float(low + interval * (n as f64 / 2.0 - i as f64) / (j - i) as f64))
}

/// `quantiles(data, *, n=4, method='exclusive')`.
fn quantiles(a: &Args) -> PyResult<Value> {
    let n = a.kw.iter().find(|(k, _)| *k == "n").map_or(Ok(4), |(_, v)| v.to_int())?;
    if n < 1 {
        return stats_error("n must be at least 1");
    }
    let mut data = collect_vec(a.req(0, "data")?)?;
    crate::builtins::sort_values(&mut data, None, false)?;
    let ld = data.len() as i64;
    if ld < 2 {
        return stats_error("must have at least two data points");
    }
    let method = a.kw.iter().find(|(k, _)| *k == "method").map_or("exclusive".to_string(), |(_, v)| v.to_str());
    let interpolate = |lo: &Value, hi: &Value, delta: i64| {
        let sum = ops::add(&ops::mul(lo, &Value::Int(n - delta))?, &ops::mul(hi, &Value::Int(delta))?)?;
        ops::truediv(&sum, &Value::Int(n))
    };
    let mut result = Vec::new();
    for i in 1..n {
        let point = match method.as_str() {
            "inclusive" => {
                let m = ld - 1;
                let (j, delta) = ((i * m).div_euclid(n), (i * m).rem_euclid(n));
                interpolate(&data[j as usize], &data[(j + 1).min(ld - 1) as usize], delta)?
            }
            "exclusive" => {
                let m = ld + 1;
                let j = (i * m / n).clamp(1, ld - 1);
                interpolate(&data[j as usize - 1], &data[j as usize], i * m - j * n)?
            }
            _ => return value_error(format!("Unknown method: {}", Value::string(method).repr())),
        };
        result.push(point);
    }
    Ok(Value::list(result))
}

/// `statistics.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "statistics.mean" => {
            let (kind, total, n) = sum(&collect_vec(a.req(0, "data")?)?)?;
            if n < 1 {
                return stats_error("mean requires at least one data point");
            }
            convert(total, n, kind)
        }
        "statistics.fmean" => {
            let data = collect_vec(a.req(0, "data")?)?;
            let floats: PyResult<Vec<Value>> = data.iter().map(|x| crate::builtins::float(Some(x))).collect();
            let (_, total, n) = sum(&floats?)?;
            if n < 1 {
                return stats_error("fmean requires at least one data point");
            }
            let total = match total {
                Total::Exact(t) => t.to_f64()?,
                Total::NonFinite(f) => f,
            };
            Ok(Value::Float(total / n as f64))
        }
        "statistics.geometric_mean" => {
            let data = collect_vec(a.req(0, "data")?)?;
            let mut logs = Vec::with_capacity(data.len());
            for x in &data {
                match x.to_f64()? {
                    f if f > 0.0 => logs.push(Value::Float(f.ln())),
                    _ => return stats_error("geometric mean requires a non-empty dataset containing positive numbers"),
                }
            }
            let mean = call("statistics.fmean", &Args { method: "fmean", pos: vec![Value::list(logs)], kw: Vec::new() });
            match mean {
                Ok(m) => Ok(Value::Float(m.to_f64()?.exp())),
                Err(_) => stats_error("geometric mean requires a non-empty dataset containing positive numbers"),
            }
        }
        "statistics.median" => {
            let data = sorted_data(a)?;
            let n = data.len();
            if n % 2 == 1 {
                return Ok(data[n / 2].clone());
            }
            ops::truediv(&ops::add(&data[n / 2 - 1], &data[n / 2])?, &Value::Int(2))
        }
        "statistics.median_low" => {
            let data = sorted_data(a)?;
            Ok(data[(data.len() - 1) / 2].clone())
        }
        "statistics.median_high" => {
            let data = sorted_data(a)?;
            Ok(data[data.len() / 2].clone())
        }
        "statistics.median_grouped" => median_grouped(a),
        "statistics.mode" => match counts(collect_vec(a.req(0, "data")?)?)?.into_iter().reduce(|best, c| if c.1 > best.1 { c } else { best }) {
            Some((v, _)) => Ok(v),
            None => stats_error("no mode for empty data"),
        },
        "statistics.multimode" => {
            let counts = counts(collect_vec(a.req(0, "data")?)?)?;
            let max = counts.iter().map(|c| c.1).max().unwrap_or(0);
            Ok(Value::list(counts.into_iter().filter(|c| c.1 == max).map(|c| c.0).collect()))
        }
        "statistics.quantiles" => quantiles(a),
        "statistics.variance" | "statistics.stdev" | "statistics.pvariance" | "statistics.pstdev" => {
            let sample = matches!(name, "statistics.variance" | "statistics.stdev");
            let centre = a.get(1, if sample { "xbar" } else { "mu" });
            let (kind, ss, n) = sum_squares(&collect_vec(a.req(0, "data")?)?, centre)?;
            let short = a.method;
            if sample && n < 2 {
                return stats_error(&format!("{} requires at least two data points", short));
            }
            if n < 1 {
                return stats_error(&format!("{} requires at least one data point", short));
            }
            let divisor = if sample { n - 1 } else { n };
            if short.ends_with("stdev") {
                sqrt_of(ss, divisor)
            } else {
                convert(ss, divisor, kind)
            }
        }
        _ => type_error(format!("{} is not available", name)),
    }
}
