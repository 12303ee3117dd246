//! `random`: CPython's Mersenne Twister (MT19937) with CPython's seeding and its
//! derived methods, so a seeded program draws the same numbers as under CPython.

use crate::exc::*;
use crate::iter::collect_vec;
use crate::methods::Args;
use crate::ops;
use crate::value::*;
use std::cell::RefCell;

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

    /// Seed from a non-negative integer, as CPython's `random.seed(n)`.
    fn from_int(n: u64) -> Twister {
        let key: Vec<u32> = if n >> 32 == 0 { vec![n as u32] } else { vec![n as u32, (n >> 32) as u32] };
        Twister::from_key(&key)
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

thread_local! {
    static STATE: RefCell<Option<Twister>> = RefCell::new(None);
}

/// Run `f` on the module's generator, seeding it from the clock on first use.
fn with_rng<T>(f: impl FnOnce(&mut Twister) -> T) -> T {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let t = s.get_or_insert_with(|| Twister::from_int(entropy()));
        f(t)
    })
}

/// A seed for unseeded programs: the clock mixed with the process id.
fn entropy() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    nanos ^ ((std::process::id() as u64) << 32)
}

fn seed(v: Option<&Value>) -> PyResult<Twister> {
    let n = match v {
        None | Some(Value::None) => entropy(),
        Some(Value::Int(i)) => i.unsigned_abs(),
        Some(Value::Bool(b)) => *b as u64,
        Some(Value::Float(f)) => crate::tables::hash_float(*f).unsigned_abs(),
        Some(_) => {
            return type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    };
    Ok(Twister::from_int(n))
}

/// A random int in `[0, n)` for n > 0.
fn below(n: i64) -> i64 {
    with_rng(|t| t.below(n as u64)) as i64
}

fn randrange(a: &Args) -> PyResult<Value> {
    let start = a.req(0, "start")?.to_int()?;
    let stop = match a.get(1, "stop") {
        None | Some(Value::None) => {
            if a.get(2, "step").is_some() {
                return type_error("Missing a non-None stop argument");
            }
            if start > 0 {
                return Ok(Value::Int(below(start)));
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
            return Ok(Value::Int(start + below(width)));
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
    Ok(Value::Int(start + step * below(n)))
}

fn choice(seq: &Value) -> PyResult<Value> {
    let n = ops::len(seq)?;
    if n == 0 {
        return index_error("Cannot choose from an empty sequence");
    }
    ops::getitem(seq, &Value::Int(below(n)))
}

fn shuffle(x: &Value) -> PyResult<Value> {
    for i in (1..ops::len(x)?).rev() {
        let j = Value::Int(below(i + 1));
        let i = Value::Int(i);
        let (xi, xj) = (ops::getitem(x, &i)?, ops::getitem(x, &j)?);
        ops::setitem(x, &i, xj)?;
        ops::setitem(x, &j, xi)?;
    }
    Ok(Value::None)
}

/// `sample(population, k)`: CPython's pool method for small populations, and its
/// reselection method (tracking chosen indices) for large ones.
fn sample(population: &Value, k: i64) -> PyResult<Value> {
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
            let j = below(n - i) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[(n - i - 1) as usize].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = below(n);
            while selected.contains(&j) {
                j = below(n);
            }
            selected.insert(j);
            result.push(ops::getitem(population, &Value::Int(j))?);
        }
    }
    Ok(Value::list(result))
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn choices(a: &Args) -> PyResult<Value> {
    let population = collect_vec(a.req(0, "population")?)?;
    let n = population.len();
    let k = a.kw.iter().find(|(name, _)| *name == "k").map_or(Ok(1), |(_, v)| v.to_int())?;
    let weights = a.get(1, "weights").filter(|w| !w.is_none());
    let cum = a.kw.iter().find(|(name, _)| *name == "cum_weights").map(|(_, v)| v).filter(|w| !w.is_none());
    let cum_weights = match (weights, cum) {
        (None, None) => {
            let out = (0..k.max(0)).map(|_| population[(with_rng(Twister::random) * n as f64) as usize].clone());
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
        let x = Value::Float(with_rng(Twister::random) * total);
        let i = crate::pybisect::position(&cum, &x, 0, n as i64 - 1, None, true)?;
        out.push(population[i as usize].clone());
    }
    Ok(Value::list(out))
}

/// `gauss(mu, sigma)`: the Box-Muller pair, one value kept for the next call.
fn gauss(mu: f64, sigma: f64) -> f64 {
    let z = with_rng(|t| match t.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = t.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - t.random()).ln()).sqrt();
            t.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    });
    mu + z * sigma
}

fn float_arg(a: &Args, i: usize, name: &str, default: f64) -> PyResult<f64> {
    a.get(i, name).map_or(Ok(default), Value::to_f64)
}

/// `random.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "random.seed" => {
            let t = seed(a.get(0, "a"))?;
            STATE.with(|s| *s.borrow_mut() = Some(t));
            Ok(Value::None)
        }
        "random.random" => Ok(Value::Float(with_rng(Twister::random))),
        "random.getrandbits" => {
            let k = a.req(0, "k")?.to_int()?;
            match k {
                k if k < 0 => value_error("number of bits must be non-negative"),
                k if k < 64 => Ok(Value::Int(with_rng(|t| t.bits(k as u32)) as i64)),
                _ => overflow(),
            }
        }
        "random.randrange" => randrange(a),
        "random.randint" => {
            let b = ops::add(a.req(1, "b")?, &Value::Int(1))?;
            randrange(&Args { method: "randrange", pos: vec![a.req(0, "a")?.clone(), b], kw: Vec::new() })
        }
        "random.choice" => choice(a.req(0, "seq")?),
        "random.choices" => choices(a),
        "random.shuffle" => shuffle(a.req(0, "x")?),
        "random.sample" => sample(a.req(0, "population")?, a.req(1, "k")?.to_int()?),
        "random.uniform" => {
            let (lo, hi) = (a.req(0, "a")?.to_f64()?, a.req(1, "b")?.to_f64()?);
            Ok(Value::Float(lo + (hi - lo) * with_rng(Twister::random)))
        }
        "random.gauss" => {
            Ok(Value::Float(gauss(float_arg(a, 0, "mu", 0.0)?, float_arg(a, 1, "sigma", 1.0)?)))
        }
        _ => type_error(format!("{} is not available", name)),
    }
}
