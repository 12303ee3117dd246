//! `hashlib`: MD5, SHA-1 and the SHA-2 family (224/256/384/512) over byte data.
//!
//! There is no bytes type yet, so data is a list of ints (what `str.encode()` returns)
//! or a str (hashed as its UTF-8 encoding); `digest()` returns a list of ints.  The
//! SHA-2 round constants and initial values are derived from the primes as the standard
//! defines them, with exact integer roots.

use crate::bigint::BigInt;
use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The algorithms `hashlib` offers: name, digest size and block size in bytes.
const ALGORITHMS: [(&str, usize, usize); 6] =
    [("md5", 16, 64), ("sha1", 20, 64), ("sha224", 28, 64), ("sha256", 32, 64), ("sha384", 48, 128), ("sha512", 64, 128)];

/// The message padded to whole blocks: a 1 bit, zeros, then the bit length in
/// `len_bytes` bytes (big-endian, or little-endian for MD5).
fn pad(data: &[u8], block: usize, len_bytes: usize, little_endian: bool) -> Vec<u8> {
    let mut m = data.to_vec();
    m.push(0x80);
    while (m.len() + len_bytes) % block != 0 {
        m.push(0);
    }
    let bits = (data.len() as u128) * 8;
    let len = &bits.to_be_bytes()[16 - len_bytes..];
    if little_endian {
        m.extend(len.iter().rev());
    } else {
        m.extend_from_slice(len);
    }
    m
}

fn md5(data: &[u8]) -> Vec<u8> {
    const SHIFTS: [[u32; 4]; 4] = [[7, 12, 17, 22], [5, 9, 14, 20], [4, 11, 16, 23], [6, 10, 15, 21]];
    let k: Vec<u32> = (1..=64).map(|i| ((i as f64).sin().abs() * 4294967296.0) as u32).collect();
    let mut h: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    for chunk in pad(data, 64, 8, true).chunks(64) {
        let w: Vec<u32> =
            chunk.chunks(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let sum = a.wrapping_add(f).wrapping_add(k[i]).wrapping_add(w[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(sum.rotate_left(SHIFTS[i / 16][i % 4]));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn sha1(data: &[u8]) -> Vec<u8> {
    let mut h: [u32; 5] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0];
    for chunk in pad(data, 64, 8, false).chunks(64) {
        let mut w: Vec<u32> =
            chunk.chunks(4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])).collect();
        for i in 16..80 {
            w.push((w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1));
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6u32),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().flat_map(|x| x.to_be_bytes()).collect()
}

/// The first 64 fractional bits of the `root`-th root of `p`, computed exactly.
fn root_fraction(p: u64, root: u64) -> u64 {
    let target = BigInt::from_u64(p).shl(64 * root);
    let mut x = BigInt::zero();
    for bit in (0..72).rev() {
        let candidate = x.bitor(&BigInt::from_i64(1).shl(bit));
        if candidate.pow(root) <= target {
            x = candidate;
        }
    }
    let word = |shift: u64| x.shr(shift).bitand(&BigInt::from_u64(0xffff_ffff)).to_i64().unwrap_or(0) as u64;
    word(32) << 32 | word(0)
}

/// SHA-2's constants: the cube-root fractions of the first 80 primes (round constants)
/// and the square-root fractions of the first 16 (initial values).
struct Sha2Constants {
    k: Vec<u64>,
    iv: Vec<u64>,
}

thread_local! {
    static SHA2: Sha2Constants = {
        let primes: Vec<u64> = (2u64..).filter(|&n| (2..n).take_while(|d| d * d <= n).all(|d| n % d != 0)).take(80).collect();
        Sha2Constants {
            k: primes.iter().map(|&p| root_fraction(p, 3)).collect(),
            iv: primes[..16].iter().map(|&p| root_fraction(p, 2)).collect(),
        }
    };
}

/// SHA-224 (`wide` false) and SHA-256 (`wide` true).
fn sha256(data: &[u8], wide: bool) -> Vec<u8> {
    let (k, mut h): (Vec<u32>, Vec<u32>) = SHA2.with(|c| {
        let iv = if wide { c.iv[..8].iter().map(|v| (v >> 32) as u32).collect() } else { c.iv[8..].iter().map(|&v| v as u32).collect() };
        (c.k[..64].iter().map(|v| (v >> 32) as u32).collect(), iv)
    });
    for chunk in pad(data, 64, 8, false).chunks(64) {
        let mut w: Vec<u32> =
            chunk.chunks(4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])).collect();
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w.push(w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1));
        }
        let mut v = h.clone();
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(k[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            v.rotate_right(1);
            v[0] = t1.wrapping_add(s0.wrapping_add(maj));
            v[4] = v[4].wrapping_add(t1);
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let out: Vec<u8> = h.iter().flat_map(|x| x.to_be_bytes()).collect();
    out[..if wide { 32 } else { 28 }].to_vec()
}

/// SHA-384 (`wide` false) and SHA-512 (`wide` true).
pub fn sha512(data: &[u8], wide: bool) -> Vec<u8> {
    let (k, mut h) = SHA2.with(|c| (c.k.clone(), if wide { c.iv[..8].to_vec() } else { c.iv[8..].to_vec() }));
    for chunk in pad(data, 128, 16, false).chunks(128) {
        let mut w: Vec<u64> = chunk
            .chunks(8)
            .map(|b| u64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            .collect();
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w.push(w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1));
        }
        let mut v = h.clone();
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(k[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            v.rotate_right(1);
            v[0] = t1.wrapping_add(s0.wrapping_add(maj));
            v[4] = v[4].wrapping_add(t1);
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let out: Vec<u8> = h.iter().flat_map(|x| x.to_be_bytes()).collect();
    out[..if wide { 64 } else { 48 }].to_vec()
}

/// The bytes of a data argument: bytes, a list or tuple of ints in 0..256, or a str's UTF-8.
fn data_bytes(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(data) = crate::bytes::as_bytes(v) {
        return Ok(data);
    }
    let items = match v {
        Value::Str(s) => return Ok(s.as_bytes().to_vec()),
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.as_ref().clone(),
        _ => return type_error(format!("object supporting the buffer API required, not '{}'", v.type_name())),
    };
    items
        .iter()
        .map(|x| match x.as_index() {
            Some(b) if (0..256).contains(&b) => Ok(b as u8),
            _ => value_error("bytes must be in range(0, 256)"),
        })
        .collect()
}

/// A hash object: the algorithm and all data fed to it so far.
struct Hash {
    algorithm: usize,
    data: RefCell<Vec<u8>>,
}

impl Hash {
    fn digest(&self) -> Vec<u8> {
        let data = self.data.borrow();
        match ALGORITHMS[self.algorithm].0 {
            "md5" => md5(&data),
            "sha1" => sha1(&data),
            "sha224" => sha256(&data, false),
            "sha256" => sha256(&data, true),
            "sha384" => sha512(&data, false),
            _ => sha512(&data, true),
        }
    }
}

impl NativeObject for Hash {
    fn type_name(&self) -> &'static str {
        "_hashlib.HASH"
    }
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos: args, kw };
        match name {
            "hexdigest" => Ok(Value::string(self.digest().iter().map(|b| format!("{:02x}", b)).collect())),
            "digest" => Ok(crate::bytes::bytes_value(self.digest())),
            "update" => {
                let more = data_bytes(a.req(0, "data")?)?;
                self.data.borrow_mut().extend(more);
                Ok(Value::None)
            }
            "copy" => Ok(Value::Native(Rc::new(Hash { algorithm: self.algorithm, data: self.data.clone() }))),
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let (algorithm, digest_size, block_size) = ALGORITHMS[self.algorithm];
        match name {
            "name" => Ok(Value::str(algorithm)),
            "digest_size" => Ok(Value::Int(digest_size as i64)),
            "block_size" => Ok(Value::Int(block_size as i64)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_hashlib.HASH' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        format!("<{} _hashlib.HASH object>", ALGORITHMS[self.algorithm].0)
    }
}

/// A new hash object for `algorithm`, fed the optional initial data.
fn new_hash(algorithm: &str, data: Option<&Value>) -> PyResult<Value> {
    let index = match ALGORITHMS.iter().position(|(n, _, _)| n.eq_ignore_ascii_case(algorithm)) {
        Some(i) => i,
        None => return value_error(format!("unsupported hash type {}", algorithm)),
    };
    let data = match data {
        Some(v) => data_bytes(v)?,
        None => Vec::new(),
    };
    Ok(Value::Native(Rc::new(Hash { algorithm: index, data: RefCell::new(data) })))
}

/// `hashlib.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "hashlib.new" => new_hash(&a.text(0, "name")?, a.get(1, "data")),
        _ => new_hash(name.trim_start_matches("hashlib."), a.get(0, "string").or_else(|| a.get(0, "data"))),
    }
}
