//! `cmath`: functions of a complex variable, with CPython's formulas (scaled to avoid
//! overflow and loss of precision near 1) so results agree to the last digit on finite
//! input, and its errors: ValueError for a domain error, OverflowError for a result too
//! large.

use crate::complex::Complex;
use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::f64::consts::{LN_2, PI};

/// log(f64::MAX / 4): beyond it, exp() of a real part would overflow.
const LOG_LARGE_DOUBLE: f64 = 708.3964185322641;
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const SQRT_LARGE_DOUBLE: f64 = 6.703903964971299e+153;
const SQRT_DBL_MIN: f64 = 1.4916681462400413e-154;

/// A cmath argument: a complex, int, bool or float.
fn arg(a: &Args, i: usize, name: &str) -> PyResult<Complex> {
    let v = a.req(i, name)?;
    match Complex::of(v) {
        Some(c) => Ok(c),
        None => type_error(format!("must be real number, not {}", v.type_name())),
    }
}

fn domain_error<T>() -> PyResult<T> {
    value_error("math domain error")
}

/// A result, or OverflowError when finite input gave an infinite part.
fn checked(z: Complex, input: Complex) -> PyResult<Value> {
    let finite_in = input.re.is_finite() && input.im.is_finite();
    if finite_in && (z.re.is_infinite() || z.im.is_infinite()) {
        return Err(PyErr::new(&OVERFLOW_ERROR, "math range error"));
    }
    Ok(z.into_value())
}

/// asinh as the C library computes it (fdlibm's method), so the inverse functions
/// below round like CPython's.
fn asinh(x: f64) -> f64 {
    let ax = x.abs();
    if ax < 2f64.powi(-28) || !x.is_finite() {
        return x;
    }
    let w = if ax > 2f64.powi(28) {
        ax.ln() + LN_2
    } else if ax > 2.0 {
        (2.0 * ax + 1.0 / ((ax * ax + 1.0).sqrt() + ax)).ln()
    } else {
        let t = ax * ax;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

pub fn sqrt(z: Complex) -> Complex {
    if z.re == 0.0 && z.im == 0.0 {
        return Complex::new(0.0, z.im);
    }
    if z.im.is_infinite() {
        return Complex::new(f64::INFINITY, z.im);
    }
    if z.re.is_infinite() {
        return if z.re > 0.0 {
            Complex::new(z.re, if z.im.is_nan() { z.im } else { 0.0f64.copysign(z.im) })
        } else {
            Complex::new(if z.im.is_nan() { f64::NAN } else { 0.0 }, f64::INFINITY.copysign(z.im))
        };
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax *= 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        Complex::new(s, d.copysign(z.im))
    } else {
        Complex::new(d, s.copysign(z.im))
    }
}

pub fn exp(z: Complex) -> Complex {
    if z.re.is_infinite() && z.im.is_finite() {
        return if z.re > 0.0 {
            if z.im == 0.0 {
                Complex::new(f64::INFINITY, z.im)
            } else {
                Complex::new(f64::INFINITY * z.im.cos(), f64::INFINITY * z.im.sin())
            }
        } else {
            Complex::new(0.0 * z.im.cos(), 0.0 * z.im.sin())
        };
    }
    if z.im == 0.0 && z.re.is_finite() {
        return Complex::new(z.re.exp(), z.im);
    }
    if z.re > LOG_LARGE_DOUBLE {
        let l = (z.re - 1.0).exp();
        Complex::new(l * z.im.cos() * std::f64::consts::E, l * z.im.sin() * std::f64::consts::E)
    } else {
        let l = z.re.exp();
        Complex::new(l * z.im.cos(), l * z.im.sin())
    }
}

pub fn log(z: Complex) -> PyResult<Complex> {
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax.is_infinite() || ay.is_infinite() {
        f64::INFINITY
    } else if ax.is_nan() || ay.is_nan() {
        f64::NAN
    } else if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let scale = 2f64.powi(53);
            (ax * scale).hypot(ay * scale).ln() - 53.0 * LN_2
        } else {
            return domain_error();
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok(Complex::new(re, z.im.atan2(z.re)))
}

fn cosh(z: Complex) -> Complex {
    if z.re.abs() > LOG_LARGE_DOUBLE {
        let x1 = z.re - 1f64.copysign(z.re);
        let e = std::f64::consts::E;
        Complex::new(z.im.cos() * x1.cosh() * e, z.im.sin() * x1.sinh() * e)
    } else {
        Complex::new(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    }
}

fn sinh(z: Complex) -> Complex {
    if z.re.abs() > LOG_LARGE_DOUBLE {
        let x1 = z.re - 1f64.copysign(z.re);
        let e = std::f64::consts::E;
        Complex::new(z.im.cos() * x1.sinh() * e, z.im.sin() * x1.cosh() * e)
    } else {
        Complex::new(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    }
}

fn tanh(z: Complex) -> Complex {
    if z.re.abs() > LOG_LARGE_DOUBLE {
        Complex::new(1f64.copysign(z.re), 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp())
    } else {
        let (tx, ty, cx) = (z.re.tanh(), z.im.tan(), 1.0 / z.re.cosh());
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        Complex::new(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    }
}

/// log|z| + ln 4 for huge z, computed without overflow (the inverse functions' tails).
fn half_log(z: Complex) -> f64 {
    (z.re / 2.0).hypot(z.im / 2.0).ln() + 2.0 * LN_2
}

fn acos(z: Complex) -> Complex {
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = half_log(z);
        let im = if z.re < 0.0 { -l.copysign(z.im) } else { l.copysign(-z.im) };
        return Complex::new(z.im.abs().atan2(z.re), im);
    }
    let s1 = sqrt(Complex::new(1.0 - z.re, -z.im));
    let s2 = sqrt(Complex::new(1.0 + z.re, z.im));
    Complex::new(2.0 * s1.re.atan2(s2.re), asinh(s2.re * s1.im - s2.im * s1.re))
}

fn acosh(z: Complex) -> Complex {
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        return Complex::new(half_log(z), z.im.atan2(z.re));
    }
    let s1 = sqrt(Complex::new(z.re - 1.0, z.im));
    let s2 = sqrt(Complex::new(z.re + 1.0, z.im));
    Complex::new(asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * s1.im.atan2(s2.re))
}

fn asinh_c(z: Complex) -> Complex {
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = half_log(z);
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        return Complex::new(re, z.im.atan2(z.re.abs()));
    }
    let s1 = sqrt(Complex::new(1.0 + z.im, -z.re));
    let s2 = sqrt(Complex::new(1.0 - z.im, z.re));
    Complex::new(asinh(s1.re * s2.im - s2.re * s1.im), z.im.atan2(s1.re * s2.re - s1.im * s2.im))
}

fn atanh(z: Complex) -> PyResult<Complex> {
    if z.re < 0.0 {
        return atanh(z.neg()).map(Complex::neg);
    }
    let ay = z.im.abs();
    if z.re > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return Ok(Complex::new(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)));
    }
    if z.re == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            return domain_error();
        }
        return Ok(Complex::new(-(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), (2f64.atan2(-ay) / 2.0).copysign(z.im)));
    }
    let one_minus = 1.0 - z.re;
    Ok(Complex::new(
        (4.0 * z.re / (one_minus * one_minus + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.im).atan2(one_minus * (1.0 + z.re) - ay * ay) / 2.0,
    ))
}

/// `-i * f(i * z)`: the circular functions from the hyperbolic ones.
fn rotated(z: Complex, f: impl Fn(Complex) -> PyResult<Complex>) -> PyResult<Complex> {
    let r = f(Complex::new(-z.im, z.re))?;
    Ok(Complex::new(r.im, -r.re))
}

fn float_arg(a: &Args, i: usize, name: &str) -> PyResult<f64> {
    a.req(i, name)?.to_f64()
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    let z = || arg(a, 0, "z");
    let ok = |c: Complex| -> PyResult<Value> { checked(c, z()?) };
    match name {
        "cmath.sqrt" => ok(sqrt(z()?)),
        "cmath.exp" => ok(exp(z()?)),
        "cmath.log" => {
            let l = log(z()?)?;
            match a.get(1, "base") {
                None => ok(l),
                Some(b) => {
                    let base = match Complex::of(b) {
                        Some(c) => c,
                        None => return type_error(format!("must be real number, not {}", b.type_name())),
                    };
                    Ok(l.div(log(base)?)?.into_value())
                }
            }
        }
        "cmath.log10" => {
            let l = log(z()?)?;
            ok(Complex::new(l.re / std::f64::consts::LN_10, l.im / std::f64::consts::LN_10))
        }
        "cmath.phase" => {
            let c = z()?;
            Ok(Value::Float(c.im.atan2(c.re)))
        }
        "cmath.polar" => {
            let c = z()?;
            let r = c.abs().map_err(|_| PyErr::new(&OVERFLOW_ERROR, "math range error"))?;
            Ok(Value::tuple(vec![Value::Float(r), Value::Float(c.im.atan2(c.re))]))
        }
        "cmath.rect" => {
            let (r, phi) = (float_arg(a, 0, "r")?, float_arg(a, 1, "phi")?);
            if r.is_finite() && phi.is_infinite() {
                return domain_error();
            }
            let c = if phi == 0.0 { Complex::new(r, r * phi) } else { Complex::new(r * phi.cos(), r * phi.sin()) };
            Ok(c.into_value())
        }
        "cmath.cos" => ok(cosh(Complex::new(-z()?.im, z()?.re))),
        "cmath.sin" => ok(rotated(z()?, |w| Ok(sinh(w)))?),
        "cmath.tan" => ok(rotated(z()?, |w| Ok(tanh(w)))?),
        "cmath.cosh" => ok(cosh(z()?)),
        "cmath.sinh" => ok(sinh(z()?)),
        "cmath.tanh" => ok(tanh(z()?)),
        "cmath.acos" => ok(acos(z()?)),
        "cmath.acosh" => ok(acosh(z()?)),
        "cmath.asinh" => ok(asinh_c(z()?)),
        "cmath.asin" => ok(rotated(z()?, |w| Ok(asinh_c(w)))?),
        "cmath.atanh" => ok(atanh(z()?)?),
        "cmath.atan" => ok(rotated(z()?, atanh)?),
        "cmath.isfinite" => Ok(Value::Bool(z()?.re.is_finite() && z()?.im.is_finite())),
        "cmath.isnan" => Ok(Value::Bool(z()?.re.is_nan() || z()?.im.is_nan())),
        "cmath.isinf" => Ok(Value::Bool(z()?.re.is_infinite() || z()?.im.is_infinite())),
        "cmath.isclose" => {
            let (x, y) = (arg(a, 0, "a")?, arg(a, 1, "b")?);
            let tol = |i: usize, key: &str, default: f64| a.pos.get(i).or_else(|| a.kw.iter().find(|(k, _)| *k == key).map(|(_, v)| v)).map_or(Ok(default), |v| v.to_f64());
            let (rel, abs_tol) = (tol(2, "rel_tol", 1e-9)?, tol(3, "abs_tol", 0.0)?);
            if rel < 0.0 || abs_tol < 0.0 {
                return value_error("tolerances must be non-negative");
            }
            if x == y {
                return Ok(Value::Bool(true));
            }
            if [x.re, x.im, y.re, y.im].iter().any(|p| p.is_infinite()) {
                return Ok(Value::Bool(false));
            }
            let diff = x.sub(y).abs()?;
            Ok(Value::Bool(diff <= rel * y.abs()? || diff <= rel * x.abs()? || diff <= abs_tol))
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module attribute {} is not available", name))),
    }
}

/// `cmath.pi`, `cmath.infj`, ...
pub fn attribute(name: &str) -> Option<Value> {
    Some(match name {
        "cmath.pi" => Value::Float(PI),
        "cmath.e" => Value::Float(std::f64::consts::E),
        "cmath.tau" => Value::Float(std::f64::consts::TAU),
        "cmath.inf" => Value::Float(f64::INFINITY),
        "cmath.nan" => Value::Float(f64::NAN),
        "cmath.infj" => Complex::new(0.0, f64::INFINITY).into_value(),
        "cmath.nanj" => Complex::new(0.0, f64::NAN).into_value(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_cpython() {
        assert_eq!(sqrt(Complex::new(-1.0, 0.0)), Complex::new(0.0, 1.0));
        assert_eq!(sqrt(Complex::new(3.0, 4.0)), Complex::new(2.0, 1.0));
        assert_eq!(log(Complex::new(-1.0, 0.0)).unwrap(), Complex::new(0.0, PI));
        assert!(log(Complex::new(0.0, 0.0)).is_err());
        assert_eq!(asinh(0.5), 0.48121182505960347);
    }
}
