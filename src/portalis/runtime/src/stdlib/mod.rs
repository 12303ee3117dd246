//! Standard-library modules, reached by qualified name (`"math.sqrt"`): the translator
//! emits `stdlib::call(name, args, kwargs)` and `stdlib::attribute(name)`, and this
//! module routes each name to its implementation.

pub mod argparse;
pub mod array;
pub mod base64;
pub mod bisect;
pub mod chainmap;
pub mod cmath;
pub mod collections;
pub mod copy;
pub mod csv;
pub mod dataclasses;
pub mod datetime;
pub mod decimal;
pub mod doctest;
pub mod fractions;
pub mod functools;
pub mod hashlib;
pub mod heapq;
pub mod itertools;
pub mod json;
pub mod operator;
pub mod os;
pub mod pathlib;
pub mod pprint;
pub mod random;
pub mod re;
pub mod shutil;
/// The backtracking regular-expression engine behind `re`.
pub mod regex;
pub mod statistics;
pub mod string;
/// `struct` (named with an underscore: `struct` is a Rust keyword).
pub mod struct_;
pub mod timeit;
pub mod textwrap;
pub mod time;
pub mod tzlocal;

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;

/// `module.function(*args, **kw)`.
pub fn call(name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
    let args = Args { method: name.rsplit('.').next().unwrap_or(name), pos, kw };
    let module = if name == "collections.ChainMap" { name } else { name.split('.').next().unwrap_or("") };
    match module {
        "math" => math_call(name, &args),
        "argparse" => crate::stdlib::argparse::call(name, &args),
        "cmath" => crate::stdlib::cmath::call(name, &args),
        "base64" => crate::stdlib::base64::call(name, &args),
        "re" => crate::stdlib::re::call(name, &args),
        "collections.ChainMap" => crate::stdlib::chainmap::construct(&args),
        "collections" => crate::stdlib::collections::call(name, &args),
        "heapq" => crate::stdlib::heapq::call(name, &args),
        "itertools" => crate::stdlib::itertools::call(name, &args),
        "functools" => crate::stdlib::functools::call(name, &args),
        "bisect" => crate::stdlib::bisect::call(name, &args),
        "operator" => crate::stdlib::operator::call(name, &args),
        "random" => crate::stdlib::random::call(name, &args),
        "hashlib" => crate::stdlib::hashlib::call(name, &args),
        "fractions" => crate::stdlib::fractions::call(name, &args),
        "statistics" => crate::stdlib::statistics::call(name, &args),
        "time" => crate::stdlib::time::call(name, &args),
        "json" => crate::stdlib::json::call(name, &args),
        "copy" => crate::stdlib::copy::call(name, &args),
        "datetime" => crate::stdlib::datetime::call(name, &args),
        "textwrap" => crate::stdlib::textwrap::call(name, &args),
        "csv" => crate::stdlib::csv::call(name, &args),
        "struct" => crate::stdlib::struct_::call(name, &args),
        "timeit" => crate::stdlib::timeit::call(name, &args),
        "pprint" => crate::stdlib::pprint::call(name, &args),
        "array" => crate::stdlib::array::call(name, &args),
        "dataclasses" => crate::stdlib::dataclasses::call(name, &args),
        "doctest" => crate::stdlib::doctest::call(name, &args),
        "decimal" | "_pydecimal" => crate::stdlib::decimal::call(name, &args),
        "string" => crate::stdlib::string::call(name, &args),
        "sys" => sys_call(name, &args),
        "os" => crate::stdlib::os::call(name, &args),
        "shutil" => crate::stdlib::shutil::call(name, &args),
        "pathlib" => crate::stdlib::pathlib::call(name, &args),
        "io" if name == "io.open" => crate::file::open(&args),
        "io" if name == "io.StringIO" => crate::file::string_io(&args),
        "bytes" | "bytearray" | "int" => crate::bytes::type_call(name, &args),
        _ => unknown(name),
    }
}

fn unknown<T>(name: &str) -> PyResult<T> {
    Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module attribute {} is not available", name)))
}

/// `module.name` as a value: a constant, or a function object.
pub fn attribute(name: &'static str) -> PyResult<Value> {
    let constant = match name {
        "math.pi" => Value::Float(std::f64::consts::PI),
        "math.e" => Value::Float(std::f64::consts::E),
        "math.tau" => Value::Float(std::f64::consts::TAU),
        "math.inf" => Value::Float(f64::INFINITY),
        "math.nan" => Value::Float(f64::NAN),
        "string.ascii_lowercase" => Value::str("abcdefghijklmnopqrstuvwxyz"),
        "string.ascii_uppercase" => Value::str("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        "string.ascii_letters" => Value::str("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        "string.digits" => Value::str("0123456789"),
        "string.hexdigits" => Value::str("0123456789abcdefABCDEF"),
        "string.octdigits" => Value::str("01234567"),
        "string.punctuation" => Value::str("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
        "string.whitespace" => Value::str(" \t\n\r\x0b\x0c"),
        "string.printable" => Value::str(
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c",
        ),
        "sys.maxsize" => Value::Int(i64::MAX),
        "sys.stdin" => Value::Native(std::rc::Rc::new(Stdin)),
        "sys.stdout" => crate::io::sys_stream(false),
        "sys.stderr" => crate::io::sys_stream(true),
        "sys.__stdout__" => crate::io::original_stream(false),
        "sys.__stderr__" => crate::io::original_stream(true),
        "sys.argv" => Value::list(std::env::args().map(Value::string).collect()),
        "sys.float_info" => Value::Native(std::rc::Rc::new(FloatInfo)),
        _ => match crate::stdlib::re::constant(name)
            .or_else(|| crate::stdlib::cmath::attribute(name))
            .or_else(|| crate::stdlib::itertools::attribute(name))
            .or_else(|| crate::stdlib::datetime::attribute(name))
            .or_else(|| crate::stdlib::csv::attribute(name))
            .or_else(|| crate::stdlib::os::attribute(name))
            .or_else(|| crate::stdlib::argparse::attribute(name))
            .or_else(|| crate::stdlib::doctest::attribute(name))
            .or_else(|| crate::stdlib::decimal::attribute(name))
        {
            Some(v) => v,
            None => return Ok(Value::func(name, move |args| call(name, args, Vec::new()))),
        },
    };
    Ok(constant)
}

/// A module used as a value: `names` are the qualified names it provides.
/// One object per module, as `import` gives (`m is math`).
pub fn module(name: &'static str, reprs: &'static [(&'static str, &'static str)],
              names: &'static [&'static str]) -> Value {
    thread_local! {
        static MODULES: std::cell::RefCell<Vec<Value>> = std::cell::RefCell::new(Vec::new());
    }
    MODULES.with(|made| {
        let mut made = made.borrow_mut();
        let repr = reprs.iter().find(|(m, _)| *m == name).map_or("", |(_, r)| *r);
        if let Some(m) = made.iter().find(|m| matches!(m, Value::Native(n) if n.type_name() == "module" && n.repr() == repr)) {
            return m.clone();
        }
        let m = Value::Native(std::rc::Rc::new(Module { name, repr, reprs, names }));
        made.push(m.clone());
        m
    })
}

struct Module {
    name: &'static str,
    repr: &'static str, // as CPython shows it on the machine that translated the program
    reprs: &'static [(&'static str, &'static str)], // its own and its submodules'
    names: &'static [&'static str],
}

impl Module {
    /// `module.attr` as one of the `'static` names the translator listed.
    fn qualified(&self, attr: &str) -> PyResult<&'static str> {
        let wanted = format!("{}.{}", self.name, attr);
        match self.names.iter().find(|n| **n == wanted) {
            Some(n) => Ok(n),
            None => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module '{}' has no attribute '{}'", self.name, attr))),
        }
    }
}

impl NativeObject for Module {
    fn type_name(&self) -> &'static str {
        "module"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        call(self.qualified(name)?, pos, kw)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let qualified = self.qualified(name)?;
        let prefix = format!("{}.", qualified);
        if self.names.iter().any(|n| n.starts_with(&prefix)) {
            return Ok(module(qualified, self.reprs, self.names));
        }
        attribute(qualified)
    }
    fn repr(&self) -> String {
        self.repr.to_string()
    }

}

fn sys_call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "sys.exit" if a.pos.len() > 1 => type_error(format!("exit expected at most 1 argument, got {}", a.pos.len())),
        "sys.exit" => Err(PyErr::with_args(&SYSTEM_EXIT, a.pos.clone())),
        "sys.setrecursionlimit" => crate::frames::set_limit(a.req(0, "limit")?),
        "sys.getrecursionlimit" => Ok(crate::frames::limit()),
        _ => unknown(name),
    }
}

fn domain_error<T>() -> PyResult<T> {
    value_error("math domain error")
}

/// A float result, or CPython's errors for NaN from finite input and overflow.
fn checked_float(x: f64, input_finite: bool) -> PyResult<Value> {
    if x.is_nan() && input_finite {
        return domain_error();
    }
    if x.is_infinite() && input_finite {
        return Err(PyErr::new(&OVERFLOW_ERROR, "math range error"));
    }
    Ok(Value::Float(x))
}

fn float_arg(a: &Args, i: usize, name: &str) -> PyResult<f64> {
    a.req(i, name)?.to_f64()
}

fn gcd(mut x: i64, mut y: i64) -> i64 {
    x = x.abs();
    y = y.abs();
    while y != 0 {
        let t = x % y;
        x = y;
        y = t;
    }
    x
}

/// `math.floor`/`ceil`/`trunc`: ints stay ints, floats become ints.
fn to_integral(v: &Value, f: fn(f64) -> f64, dunder: &str) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Bool(_) => Ok(Value::Int(v.to_int()?)),
        Value::BigInt(_) => Ok(v.clone()),
        Value::Native(n) => n.call_method(dunder, vec![], vec![]),
        _ => crate::builtins::float_to_int(f(v.to_f64()?)),
    }
}

/// `math.comb(n, k)`, exact past 64 bits.
fn comb(n: i64, k: i64) -> PyResult<Value> {
    if k < 0 || k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    let mut result = Value::Int(1);
    for i in 0..k {
        result = crate::ops::floordiv(&crate::ops::mul(&result, &Value::Int(n - i))?, &Value::Int(i + 1))?;
    }
    Ok(result)
}

fn math_call(name: &str, a: &Args) -> PyResult<Value> {
    let unary = |f: fn(f64) -> f64| -> PyResult<Value> {
        let x = float_arg(a, 0, "x")?;
        checked_float(f(x), x.is_finite())
    };
    match name {
        "math.sqrt" => {
            let x = float_arg(a, 0, "x")?;
            if x < 0.0 {
                return domain_error();
            }
            Ok(Value::Float(x.sqrt()))
        }
        "math.floor" => to_integral(a.req(0, "x")?, f64::floor, "__floor__"),
        "math.ceil" => to_integral(a.req(0, "x")?, f64::ceil, "__ceil__"),
        "math.trunc" => to_integral(a.req(0, "x")?, f64::trunc, "__trunc__"),
        "math.fabs" => Ok(Value::Float(float_arg(a, 0, "x")?.abs())),
        "math.exp" => unary(f64::exp),
        "math.sin" => unary(f64::sin),
        "math.cos" => unary(f64::cos),
        "math.tan" => unary(f64::tan),
        "math.asin" => unary(f64::asin),
        "math.acos" => unary(f64::acos),
        "math.atan" => unary(f64::atan),
        "math.sinh" => unary(f64::sinh),
        "math.cosh" => unary(f64::cosh),
        "math.tanh" => unary(f64::tanh),
        "math.log1p" => unary(f64::ln_1p),
        "math.degrees" => unary(f64::to_degrees),
        "math.radians" => unary(f64::to_radians),
        "math.log" | "math.log2" | "math.log10" => {
            let x = float_arg(a, 0, "x")?;
            if x <= 0.0 {
                return domain_error();
            }
            let r = match name {
                "math.log2" => x.log2(),
                "math.log10" => x.log10(),
                _ => match a.get(1, "base") {
                    Some(b) => {
                        let b = b.to_f64()?;
                        if b <= 0.0 || b == 1.0 {
                            return if b == 1.0 { zero_division("float division by zero") } else { domain_error() };
                        }
                        x.ln() / b.ln()
                    }
                    None => x.ln(),
                },
            };
            Ok(Value::Float(r))
        }
        "math.pow" => {
            let (x, y) = (float_arg(a, 0, "x")?, float_arg(a, 1, "y")?);
            if x == 0.0 && y < 0.0 {
                return domain_error();
            }
            checked_float(x.powf(y), x.is_finite() && y.is_finite())
        }
        "math.atan2" => Ok(Value::Float(float_arg(a, 0, "y")?.atan2(float_arg(a, 1, "x")?))),
        "math.hypot" => {
            let mut total = 0.0f64;
            for v in &a.pos {
                let x = v.to_f64()?;
                total = total.hypot(x);
            }
            Ok(Value::Float(total))
        }
        "math.copysign" => Ok(Value::Float(float_arg(a, 0, "x")?.copysign(float_arg(a, 1, "y")?))),
        "math.fmod" => {
            let (x, y) = (float_arg(a, 0, "x")?, float_arg(a, 1, "y")?);
            if y == 0.0 {
                return domain_error();
            }
            Ok(Value::Float(x % y))
        }
        "math.isfinite" => Ok(Value::Bool(float_arg(a, 0, "x")?.is_finite())),
        "math.isinf" => Ok(Value::Bool(float_arg(a, 0, "x")?.is_infinite())),
        "math.isnan" => Ok(Value::Bool(float_arg(a, 0, "x")?.is_nan())),
        "math.isclose" => {
            let (x, y) = (float_arg(a, 0, "a")?, float_arg(a, 1, "b")?);
            let rel = match a.get(2, "rel_tol") {
                Some(v) => v.to_f64()?,
                None => 1e-9,
            };
            let abs = match a.get(3, "abs_tol") {
                Some(v) => v.to_f64()?,
                None => 0.0,
            };
            let close = x == y || (x - y).abs() <= (rel * x.abs().max(y.abs())).max(abs);
            Ok(Value::Bool(close && !(x.is_infinite() || y.is_infinite()) || x == y))
        }
        "math.factorial" => {
            let n = a.req(0, "n")?.to_int()?;
            if n < 0 {
                return value_error("factorial() not defined for negative values");
            }
            let mut r = Value::Int(1);
            for i in 2..=n {
                r = crate::ops::mul(&r, &Value::Int(i))?;
            }
            Ok(r)
        }
        "math.lcm" => big_gcd_lcm(name, a),
        "math.gcd" if a.pos.iter().any(|v| matches!(v, Value::BigInt(_))) => big_gcd_lcm(name, a),
        "math.isqrt" if matches!(a.req(0, "n")?, Value::BigInt(_)) => match a.req(0, "n")? {
            Value::BigInt(b) => b.isqrt().map(crate::ops::int_value).map_err(crate::ops::int_error),
            _ => unknown(name),
        },
        "math.gcd" => {
            let mut g = 0;
            for v in &a.pos {
                g = gcd(g, v.to_int()?);
            }
            Ok(Value::Int(g))
        }
        "math.isqrt" => {
            let n = a.req(0, "n")?.to_int()?;
            if n < 0 {
                return value_error("isqrt() argument must be nonnegative");
            }
            let mut r = (n as f64).sqrt() as i64;
            while r > 0 && r.checked_mul(r).map_or(true, |sq| sq > n) {
                r -= 1;
            }
            while (r + 1).checked_mul(r + 1).map_or(false, |sq| sq <= n) {
                r += 1;
            }
            Ok(Value::Int(r))
        }
        "math.comb" => {
            let (n, k) = (a.req(0, "n")?.to_int()?, a.req(1, "k")?.to_int()?);
            if n < 0 || k < 0 {
                return value_error("n must be a non-negative integer");
            }
            comb(n, k)
        }
        "math.perm" => {
            let n = a.req(0, "n")?.to_int()?;
            let k = match a.get(1, "k") {
                Some(v) if !v.is_none() => v.to_int()?,
                _ => n,
            };
            if n < 0 || k < 0 {
                return value_error("n must be a non-negative integer");
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let mut r = Value::Int(1);
            for i in 0..k {
                r = crate::ops::mul(&r, &Value::Int(n - i))?;
            }
            Ok(r)
        }
        "math.prod" => {
            let mut acc = match a.get(1, "start") {
                Some(v) => v.clone(),
                None => Value::Int(1),
            };
            for v in crate::iter::collect_vec(a.req(0, "iterable")?)? {
                acc = crate::ops::mul(&acc, &v)?;
            }
            Ok(acc)
        }
        "math.fsum" => {
            // Neumaier summation: exact enough to match CPython's correctly rounded fsum
            // on ordinary inputs.
            let mut sum = 0.0f64;
            let mut comp = 0.0f64;
            for v in crate::iter::collect_vec(a.req(0, "iterable")?)? {
                let x = v.to_f64()?;
                let t = sum + x;
                if sum.abs() >= x.abs() {
                    comp += (sum - t) + x;
                } else {
                    comp += (x - t) + sum;
                }
                sum = t;
            }
            Ok(Value::Float(sum + comp))
        }
        "math.modf" => {
            let x = float_arg(a, 0, "x")?;
            Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
        }
        "math.frexp" => {
            let x = float_arg(a, 0, "x")?;
            if x == 0.0 || !x.is_finite() {
                return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
            }
            let mut e = x.abs().log2().floor() as i64 + 1;
            let mut m = x / 2f64.powi(e as i32);
            if m.abs() >= 1.0 {
                m /= 2.0;
                e += 1;
            } else if m.abs() < 0.5 {
                m *= 2.0;
                e -= 1;
            }
            Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
        }
        "math.ldexp" => {
            let (x, i) = (float_arg(a, 0, "x")?, a.req(1, "i")?.to_int()?);
            checked_float(x * 2f64.powi(i.clamp(-2000, 2000) as i32), x.is_finite())
        }
        "math.dist" => {
            let p = crate::iter::collect_vec(a.req(0, "p")?)?;
            let q = crate::iter::collect_vec(a.req(1, "q")?)?;
            if p.len() != q.len() {
                return value_error("both points must have the same number of dimensions");
            }
            let mut total = 0.0f64;
            for (x, y) in p.iter().zip(q.iter()) {
                total = total.hypot(x.to_f64()? - y.to_f64()?);
            }
            Ok(Value::Float(total))
        }
        _ => unknown(name),
    }
}

/// `sys.stdin`: read, readline, readlines and line iteration over standard input.
struct Stdin;

fn read_line() -> String {
    let mut line = String::new();
    let _ = std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut line);
    line
}

fn all_lines() -> Vec<Value> {
    let mut lines = Vec::new();
    loop {
        let line = read_line();
        if line.is_empty() {
            return lines;
        }
        lines.push(Value::string(line));
    }
}

impl NativeObject for Stdin {
    fn type_name(&self) -> &'static str {
        "_io.TextIOWrapper"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        match name {
            "read" => crate::io::read_stdin(),
            "readline" => Ok(Value::string(read_line())),
            "readlines" => Ok(Value::list(all_lines())),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_io.TextIOWrapper' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_io.TextIOWrapper' object has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>".to_string()
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(all_lines())
    }
}

/// `sys.float_info`: the f64 format's limits, a read-only named tuple.
struct FloatInfo;

impl FloatInfo {
    fn fields() -> [(&'static str, Value); 11] {
        [
            ("max", Value::Float(f64::MAX)),
            ("max_exp", Value::Int(f64::MAX_EXP as i64)),
            ("max_10_exp", Value::Int(f64::MAX_10_EXP as i64)),
            ("min", Value::Float(f64::MIN_POSITIVE)),
            ("min_exp", Value::Int(f64::MIN_EXP as i64)),
            ("min_10_exp", Value::Int(f64::MIN_10_EXP as i64)),
            ("dig", Value::Int(f64::DIGITS as i64)),
            ("mant_dig", Value::Int(f64::MANTISSA_DIGITS as i64)),
            ("epsilon", Value::Float(f64::EPSILON)),
            ("radix", Value::Int(f64::RADIX as i64)),
            ("rounds", Value::Int(1)),
        ]
    }
}

impl NativeObject for FloatInfo {
    fn type_name(&self) -> &'static str {
        "sys.float_info"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        self.getattr(name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match FloatInfo::fields().iter().find(|(n, _)| *n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'sys.float_info' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        let parts: Vec<String> = FloatInfo::fields().iter().map(|(n, v)| format!("{}={}", n, v.repr())).collect();
        format!("sys.float_info({})", parts.join(", "))
    }
    fn len(&self) -> PyResult<i64> {
        Ok(11)
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        crate::ops::getitem(&Value::tuple(self.items()?), index)
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(FloatInfo::fields().iter().map(|(_, v)| v.clone()).collect())
    }
}

/// `math.gcd` / `math.lcm` when an argument is beyond 64 bits.
fn big_gcd_lcm(name: &str, a: &Args) -> PyResult<Value> {
    use crate::bigint::BigInt;
    let mut acc = if name == "math.gcd" { BigInt::zero() } else { BigInt::from_i64(1) };
    for v in &a.pos {
        let x = match crate::ops::as_big(v) {
            Some(x) => x.abs(),
            None => return type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())),
        };
        acc = if name == "math.gcd" {
            acc.gcd(&x)
        } else if x.is_zero() || acc.is_zero() {
            BigInt::zero()
        } else {
            acc.divmod_floor(&acc.gcd(&x)).map_err(crate::ops::int_error)?.0.mul(&x)
        };
    }
    Ok(crate::ops::int_value(acc))
}
