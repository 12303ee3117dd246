//! `random`: CPython's Mersenne Twister (MT19937) with CPython's seeding and its
//! derived methods, so a seeded program draws the same numbers as under CPython.  The
//! module functions use one hidden generator; `random.Random(seed)` makes independent
//! ones with the same methods.

use crate::exc::*;
use crate::iter::collect_vec;
use crate::methods::Args;
use crate::ops;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

const N: usize = 624;
const M: usize = 397;

/// The generator state, plus the spare value `gauss()` keeps between calls.
struct Twister {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Twister {
    fn from_init(s: u32) -> Twister {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Twister { mt, index: N, gauss_next: None }
    }

    /// MT19937's `init_by_array`, which CPython seeds from an int's 32-bit words.
    fn from_key(key: &[u32]) -> Twister {
        let mut t = Twister::from_init(19650218);
        let mt = &mut t.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        t
    }

    fn regenerate(&mut self) {
        let mt = &mut self.mt;
        for k in 0..N {
            let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % N] & 0x7fff_ffff);
            let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: 53 random bits as a float in [0, 1).
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for k <= 64: 32-bit words from least significant up, the last
    /// one cut to the bits still needed.
    fn bits(&mut self, k: u32) -> u64 {
        if k <= 32 {
            return if k == 0 { 0 } else { (self.next_u32() >> (32 - k)) as u64 };
        }
        let low = self.next_u32() as u64;
        let high = (self.next_u32() >> (64 - k)) as u64;
        low | (high << 32)
    }

    /// CPython's `_randbelow_with_getrandbits`: rejection sampling on `n.bit_length()` bits.
    fn below(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits(k);
            if r < n {
                return r;
            }
        }
    }
}

/// A generator behind a `RefCell`, borrowed only for each draw so that callbacks into
/// user code (a list subclass's `__getitem__`, say) never find it borrowed.
type Rng = RefCell<Twister>;

thread_local! {
    static STATE: Rng = RefCell::new(Twister::from_key(&entropy()));
}

/// A seed key for unseeded generators: the clock mixed with the process id.
fn entropy() -> Vec<u32> {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    u64_key(nanos ^ ((std::process::id() as u64) << 32))
}

/// The 32-bit words of a non-negative integer, least significant first (`[0]` for 0).
fn u64_key(n: u64) -> Vec<u32> {
    if n >> 32 == 0 {
        vec![n as u32]
    } else {
        vec![n as u32, (n >> 32) as u32]
    }
}

/// `seed(a)`: ints by absolute value, floats by hash, and str as CPython's version 2
/// seeding does it: the UTF-8 bytes followed by their SHA-512, read as a big-endian int.
fn seed_key(v: Option<&Value>) -> PyResult<Vec<u32>> {
    Ok(match v {
        None | Some(Value::None) => entropy(),
        Some(Value::Int(i)) => u64_key(i.unsigned_abs()),
        Some(Value::Bool(b)) => u64_key(*b as u64),
        Some(Value::Float(f)) => u64_key(crate::tables::hash_float(*f).unsigned_abs()),
        Some(Value::BigInt(b)) => {
            let (mut n, mask) = (b.abs(), crate::bigint::BigInt::from_u64(0xffff_ffff));
            let mut key = Vec::new();
            while !n.is_zero() {
                key.push(n.bitand(&mask).to_i64().unwrap_or(0) as u32);
                n = n.shr(32);
            }
            key
        }
        Some(Value::Str(s)) => {
            let mut bytes = s.as_bytes().to_vec();
            bytes.extend(crate::stdlib::hashlib::sha512(s.as_bytes(), true));
            let mut key: Vec<u32> =
                bytes.rchunks(4).map(|c| c.iter().fold(0u32, |w, &b| w << 8 | b as u32)).collect();
            while key.len() > 1 && key.last() == Some(&0) {
                key.pop();
            }
            key
        }
        Some(_) => {
            return type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    })
}

fn random(rng: &Rng) -> f64 {
    rng.borrow_mut().random()
}

/// A random int in `[0, n)` for n > 0.
fn below(rng: &Rng, n: i64) -> i64 {
    rng.borrow_mut().below(n as u64) as i64
}

/// `getrandbits(k)`: 32-bit words from least significant up, the last one cut to the
/// bits still needed; big ints beyond 63 bits.
fn getrandbits(rng: &Rng, k: i64) -> PyResult<Value> {
    if k < 0 {
        return value_error("number of bits must be non-negative");
    }
    if k < 64 {
        return Ok(Value::Int(rng.borrow_mut().bits(k as u32) as i64));
    }
    let mut n = crate::bigint::BigInt::zero();
    let mut shift = 0;
    while shift < k {
        let word = rng.borrow_mut().bits((k - shift).min(32) as u32);
        n = n.bitor(&crate::bigint::BigInt::from_u64(word).shl(shift as u64));
        shift += 32;
    }
    Ok(ops::int_value(n))
}

fn randrange(rng: &Rng, a: &Args) -> PyResult<Value> {
    let start = a.req(0, "start")?.to_int()?;
    let stop = match a.get(1, "stop") {
        None | Some(Value::None) => {
            if a.get(2, "step").is_some() {
                return type_error("Missing a non-None stop argument");
            }
            if start > 0 {
                return Ok(Value::Int(below(rng, start)));
            }
            return value_error("empty range for randrange()");
        }
        Some(v) => v.to_int()?,
    };
    let width = match stop.checked_sub(start) {
        Some(w) => w,
        None => return overflow(),
    };
    let step = a.opt_int(2, "step")?.unwrap_or(1);
    if step == 1 {
        if width > 0 {
            return Ok(Value::Int(start + below(rng, width)));
        }
        return value_error(format!("empty range for randrange() ({}, {}, {})", start, stop, width));
    }
    let n = match step {
        0 => return value_error("zero step for randrange()"),
        s if s > 0 => ops::int_floordiv(width + s - 1, s)?,
        s => ops::int_floordiv(width + s + 1, s)?,
    };
    if n <= 0 {
        return value_error("empty range for randrange()");
    }
    Ok(Value::Int(start + step * below(rng, n)))
}

fn choice(rng: &Rng, seq: &Value) -> PyResult<Value> {
    let n = ops::len(seq)?;
    if n == 0 {
        return index_error("Cannot choose from an empty sequence");
    }
    ops::getitem(seq, &Value::Int(below(rng, n)))
}

fn shuffle(rng: &Rng, x: &Value) -> PyResult<Value> {
    for i in (1..ops::len(x)?).rev() {
        let j = Value::Int(below(rng, i + 1));
        let i = Value::Int(i);
        let (xi, xj) = (ops::getitem(x, &i)?, ops::getitem(x, &j)?);
        ops::setitem(x, &i, xj)?;
        ops::setitem(x, &j, xi)?;
    }
    Ok(Value::None)
}

/// `sample(population, k)`: CPython's pool method for small populations, and its
/// reselection method (tracking chosen indices) for large ones.
fn sample(rng: &Rng, population: &Value, k: i64) -> PyResult<Value> {
    if matches!(population, Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)) {
        return type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    let n = ops::len(population)?;
    if k < 0 || k > n {
        return value_error("Sample larger than population or is negative");
    }
    let mut setsize = 21i64;
    if k > 5 {
        let exp = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4i64.pow(exp.ceil() as u32);
    }
    let mut result = Vec::with_capacity(k as usize);
    if n <= setsize {
        let mut pool = collect_vec(population)?;
        for i in 0..k {
            let j = below(rng, n - i) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[(n - i - 1) as usize].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = below(rng, n);
            while selected.contains(&j) {
                j = below(rng, n);
            }
            selected.insert(j);
            result.push(ops::getitem(population, &Value::Int(j))?);
        }
    }
    Ok(Value::list(result))
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn choices(rng: &Rng, a: &Args) -> PyResult<Value> {
    let population = collect_vec(a.req(0, "population")?)?;
    let n = population.len();
    let k = a.kw.iter().find(|(name, _)| *name == "k").map_or(Ok(1), |(_, v)| v.to_int())?;
    let weights = a.get(1, "weights").filter(|w| !w.is_none());
    let cum = a.kw.iter().find(|(name, _)| *name == "cum_weights").map(|(_, v)| v).filter(|w| !w.is_none());
    let cum_weights = match (weights, cum) {
        (None, None) => {
            let out = (0..k.max(0)).map(|_| population[(random(rng) * n as f64) as usize].clone());
            return Ok(Value::list(out.collect()));
        }
        (Some(_), Some(_)) => return type_error("Cannot specify both weights and cumulative weights"),
        (Some(w), None) => {
            let mut total = Value::Int(0);
            let mut acc = Vec::new();
            for (i, x) in collect_vec(w)?.into_iter().enumerate() {
                total = if i == 0 { x } else { ops::add(&total, &x)? };
                acc.push(total.clone());
            }
            acc
        }
        (None, Some(c)) => collect_vec(c)?,
    };
    if cum_weights.len() != n {
        return value_error("The number of weights does not match the population");
    }
    let total = match cum_weights.last() {
        Some(t) => t.to_f64()?,
        None => return index_error("list index out of range"),
    };
    if total <= 0.0 {
        return value_error("Total of weights must be greater than zero");
    }
    if !total.is_finite() {
        return value_error("Total of weights must be finite");
    }
    let cum = Value::list(cum_weights);
    let mut out = Vec::new();
    for _ in 0..k.max(0) {
        let x = Value::Float(random(rng) * total);
        let i = crate::stdlib::bisect::position(&cum, &x, 0, n as i64 - 1, None, true)?;
        out.push(population[i as usize].clone());
    }
    Ok(Value::list(out))
}

/// `gauss(mu, sigma)`: the Box-Muller pair, one value kept for the next call.
fn gauss(rng: &Rng, mu: f64, sigma: f64) -> f64 {
    let mut t = rng.borrow_mut();
    let z = match t.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = t.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - t.random()).ln()).sqrt();
            t.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    mu + z * sigma
}

/// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
fn normalvariate(rng: &Rng, mu: f64, sigma: f64) -> f64 {
    let magic = 4.0 * (-0.5f64).exp() / 2f64.sqrt();
    loop {
        let u1 = random(rng);
        let u2 = 1.0 - random(rng);
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -u2.ln() {
            return mu + z * sigma;
        }
    }
}

/// `triangular(low, high, mode)`.
fn triangular(rng: &Rng, a: &Args) -> PyResult<f64> {
    let u = random(rng);
    let (mut low, mut high) = (float_arg(a, 0, "low", 0.0)?, float_arg(a, 1, "high", 1.0)?);
    let mut c = match a.get(2, "mode") {
        None | Some(Value::None) => 0.5,
        Some(_) if high == low => return Ok(low),
        Some(m) => (m.to_f64()? - low) / (high - low),
    };
    let mut u2 = u;
    if u > c {
        u2 = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(low + (high - low) * (u2 * c).sqrt())
}

fn float_arg(a: &Args, i: usize, name: &str, default: f64) -> PyResult<f64> {
    a.get(i, name).map_or(Ok(default), Value::to_f64)
}

fn float_div(x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return zero_division("float division by zero");
    }
    Ok(Value::Float(x / y))
}

/// The methods shared by the module functions and `Random` instances.
fn method(rng: &Rng, name: &str, a: &Args) -> PyResult<Value> {
    let float = |f: f64| Ok(Value::Float(f));
    match name {
        "seed" => {
            *rng.borrow_mut() = Twister::from_key(&seed_key(a.get(0, "a"))?);
            Ok(Value::None)
        }
        "random" => float(random(rng)),
        "getrandbits" => getrandbits(rng, a.req(0, "k")?.to_int()?),
        "randrange" => randrange(rng, a),
        "randint" => {
            let b = ops::add(a.req(1, "b")?, &Value::Int(1))?;
            randrange(rng, &Args { method: "randrange", pos: vec![a.req(0, "a")?.clone(), b], kw: Vec::new() })
        }
        "choice" => choice(rng, a.req(0, "seq")?),
        "choices" => choices(rng, a),
        "shuffle" => shuffle(rng, a.req(0, "x")?),
        "sample" => sample(rng, a.req(0, "population")?, a.req(1, "k")?.to_int()?),
        "uniform" => {
            let (lo, hi) = (a.req(0, "a")?.to_f64()?, a.req(1, "b")?.to_f64()?);
            float(lo + (hi - lo) * random(rng))
        }
        "gauss" => float(gauss(rng, float_arg(a, 0, "mu", 0.0)?, float_arg(a, 1, "sigma", 1.0)?)),
        "normalvariate" => float(normalvariate(rng, float_arg(a, 0, "mu", 0.0)?, float_arg(a, 1, "sigma", 1.0)?)),
        "lognormvariate" => {
            float(normalvariate(rng, a.req(0, "mu")?.to_f64()?, a.req(1, "sigma")?.to_f64()?).exp())
        }
        "expovariate" => {
            let lambd = a.req(0, "lambd")?.to_f64()?;
            float_div(-(1.0 - random(rng)).ln(), lambd)
        }
        "paretovariate" => {
            let alpha = a.req(0, "alpha")?.to_f64()?;
            let u = 1.0 - random(rng);
            ops::float_pow(u, -1.0 / alpha)
        }
        "weibullvariate" => {
            let (alpha, beta) = (a.req(0, "alpha")?.to_f64()?, a.req(1, "beta")?.to_f64()?);
            let u = 1.0 - random(rng);
            let p = ops::float_pow(-u.ln(), 1.0 / beta)?;
            ops::mul(&Value::Float(alpha), &p)
        }
        "triangular" => float(triangular(rng, a)?),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Random' object has no attribute '{}'", name))),
    }
}

/// A `random.Random` instance: its own generator.
struct Random(Rng);

impl NativeObject for Random {
    fn type_name(&self) -> &'static str {
        "Random"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        method(&self.0, name, &Args { method: name, pos: args, kw })
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Random' object has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        "<random.Random object>".to_string()
    }
}

/// `random.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "random.Random" => {
            let key = seed_key(a.get(0, "x"))?;
            Ok(Value::Native(Rc::new(Random(RefCell::new(Twister::from_key(&key))))))
        }
        _ => STATE.with(|rng| method(rng, name.trim_start_matches("random."), a)),
    }
}
