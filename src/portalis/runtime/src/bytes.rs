//! `bytes` and `bytearray`: byte strings with CPython's repr, indexing (ints), slicing,
//! concatenation, comparison, hashing, the str-like methods, `hex`/`fromhex`, and the
//! codecs Portalis supports (utf-8, latin-1, ascii) in both directions with CPython's
//! Unicode errors; also `int.from_bytes` and `int.to_bytes`.
//!
//! The byte-string methods shared with `str` (split, strip, find, replace, ...) run the
//! `str` implementation over the latin-1 view of the bytes, which maps each byte to the
//! character with the same number, so positions and results carry over exactly; the
//! ones where `str` and `bytes` differ (case, character classes, default whitespace)
//! are implemented here with bytes' ASCII rules.

use crate::bigint::BigInt;
use crate::exc::*;
use crate::methods::{call_method_kw, Args};
use crate::value::*;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::fmt::Write;
use std::rc::Rc;

/// A `bytes` object (immutable) or a `bytearray` (mutable, shared by aliases).
pub struct Bytes {
    data: RefCell<Vec<u8>>,
    mutable: bool,
}

fn make(data: Vec<u8>, mutable: bool) -> Value {
    Value::Native(Rc::new(Bytes { data: RefCell::new(data), mutable }))
}

/// A new `bytes` value.
pub fn bytes_value(data: Vec<u8>) -> Value {
    make(data, false)
}

/// `b"..."` in the source.
pub fn literal(data: &[u8]) -> Value {
    make(data.to_vec(), false)
}

/// The bytes of a `bytes`/`bytearray` value.
pub fn as_bytes(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Native(n) => n.as_any()?.downcast_ref::<Bytes>().map(|b| b.data.borrow().clone()),
        _ => None,
    }
}

fn need_bytes(v: &Value) -> PyResult<Vec<u8>> {
    as_bytes(v).ok_or_else(|| PyErr::new(&TYPE_ERROR, format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// `bytes(x)` / `bytearray(x)`, also with `encoding` and `errors` for a str.
pub fn construct(source: Option<&Value>, encoding: Option<&Value>, errors: Option<&Value>, mutable: bool) -> PyResult<Value> {
    let name = if mutable { "bytearray" } else { "bytes" };
    let data = match source {
        None => Vec::new(),
        Some(Value::Str(s)) => match encoding {
            Some(e) => encode(s, &text_arg(e)?, errors.map(text_arg).transpose()?.as_deref().unwrap_or("strict"))?,
            None => return type_error("string argument without an encoding"),
        },
        Some(_) if encoding.is_some() => return type_error("encoding without a string argument"),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => {
            let n = v.to_int()?;
            if n < 0 {
                return value_error("negative count");
            }
            vec![0; n as usize]
        }
        Some(v) => match as_bytes(v) {
            Some(b) => b,
            None => {
                let items = match crate::iter::collect_vec(v) {
                    Ok(items) => items,
                    Err(_) => return type_error(format!("cannot convert '{}' object to {}", v.type_name(), name)),
                };
                items.iter().map(byte_of).collect::<PyResult<Vec<u8>>>().map_err(|e| match e.ty.name {
                    "ValueError" => PyErr::new(&VALUE_ERROR, "bytes must be in range(0, 256)"),
                    _ => e,
                })?
            }
        },
    };
    Ok(make(data, mutable))
}

fn text_arg(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ => type_error(format!("argument must be str, not {}", v.type_name())),
    }
}

fn byte_of(v: &Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(_) | Value::Bool(_) => v.to_int()?,
        _ => return type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())),
    };
    if !(0..256).contains(&i) {
        return value_error("byte must be in range(0, 256)");
    }
    Ok(i as u8)
}

// ---- codecs ---------------------------------------------------------------------------------

/// The codec an encoding name stands for, or CPython's LookupError.
/// The codec a name stands for (utf-8, latin-1 or ascii), or CPython's LookupError.
pub fn codec(name: &str) -> PyResult<&'static str> {
    let norm = name.to_ascii_lowercase().replace('_', "-");
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" => "utf-8",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" | "cp819" | "latin" => "latin-1",
        "ascii" | "us-ascii" | "646" => "ascii",
        _ => return Err(PyErr::new(&LOOKUP_ERROR, format!("unknown encoding: {}", name))),
    })
}

fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("'\\x{:02x}'", n)
    } else if n < 0x10000 {
        format!("'\\u{:04x}'", n)
    } else {
        format!("'\\U{:08x}'", n)
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let limit = match codec(encoding)? {
        "utf-8" => return Ok(s.as_bytes().to_vec()),
        "latin-1" => 0x100,
        _ => 0x80,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "xmlcharrefreplace" => out.extend(format!("&#{};", c as u32).bytes()),
            "backslashreplace" => out.extend(char_escape(c).trim_matches('\'').bytes()),
            _ => {
                let mut end = i + 1;
                while end < chars.len() && (chars[end] as u32) >= limit {
                    end += 1;
                }
                let name = if limit == 0x80 { "ascii" } else { "latin-1" };
                let what = if end - i == 1 {
                    format!("character {} in position {}", char_escape(c), i)
                } else {
                    format!("characters in position {}-{}", i, end - 1)
                };
                return Err(PyErr::new(
                    &UNICODE_ENCODE_ERROR,
                    format!("'{}' codec can't encode {}: ordinal not in range({})", name, what, limit),
                ));
            }
        }
        i += 1;
    }
    Ok(out)
}

/// `b.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match codec(encoding)? {
        "latin-1" => Ok(data.iter().map(|b| *b as char).collect()),
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, b) in data.iter().enumerate() {
                if *b < 0x80 {
                    out.push(*b as char);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        _ => {
                            return Err(PyErr::new(
                                &UNICODE_DECODE_ERROR,
                                format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", b, i),
                            ))
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => decode_utf8(data, errors),
    }
}

fn decode_utf8(data: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let bad_len = e.error_len().unwrap_or(rest.len() - good);
                let pos = offset + good;
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    _ => {
                        let b0 = rest[good];
                        let reason = match e.error_len() {
                            None => "unexpected end of data",
                            Some(_) if (0xc2..=0xf4).contains(&b0) => "invalid continuation byte",
                            Some(_) => "invalid start byte",
                        };
                        let what = if e.error_len().is_none() && bad_len > 1 {
                            format!("bytes in position {}-{}", pos, pos + bad_len - 1)
                        } else {
                            format!("byte 0x{:02x} in position {}", b0, pos)
                        };
                        return Err(PyErr::new(&UNICODE_DECODE_ERROR, format!("'utf-8' codec can't decode {}: {}", what, reason)));
                    }
                }
                rest = &rest[good + bad_len..];
                offset = pos + bad_len;
            }
        }
    }
}

// ---- text -----------------------------------------------------------------------------------

/// `repr(b)`: `b'...'`, quoted as CPython quotes it.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\\' => out.push_str("\\\\"),
            b'\'' if quote == '\'' => out.push_str("\\'"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\x{:02x}", b);
            }
        }
    }
    out.push(quote);
    out
}

fn latin1(data: &[u8]) -> Value {
    Value::string(data.iter().map(|b| *b as char).collect())
}

fn from_latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn hex(data: &[u8], sep: Option<&str>) -> String {
    let parts: Vec<String> = data.iter().map(|b| format!("{:02x}", b)).collect();
    parts.join(sep.unwrap_or(""))
}

fn fromhex(text: &str, mutable: bool) -> PyResult<Value> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let pair = (chars[i].to_digit(16), chars.get(i + 1).and_then(|c| c.to_digit(16)));
        match pair {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1))
            }
            _ => return value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i)),
        }
        i += 2;
    }
    Ok(make(out, mutable))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` / `int.from_bytes(...)`: calls on the types.
pub fn type_call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "bytes.fromhex" => fromhex(&a.text(0, "string")?, false),
        "bytearray.fromhex" => fromhex(&a.text(0, "string")?, true),
        "int.from_bytes" => int_from_bytes(a),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("type object has no attribute '{}'", name))),
    }
}

fn byteorder(a: &Args, i: usize) -> PyResult<bool> {
    match a.get(i, "byteorder") {
        None => Ok(true),
        Some(Value::Str(s)) if s.as_ref() == "big" => Ok(true),
        Some(Value::Str(s)) if s.as_ref() == "little" => Ok(false),
        Some(Value::Str(_)) => value_error("byteorder must be either 'little' or 'big'"),
        Some(v) => type_error(format!("to_bytes() argument 'byteorder' must be str, not {}", v.type_name())),
    }
}

fn int_from_bytes(a: &Args) -> PyResult<Value> {
    let source = a.req(0, "bytes")?;
    let mut data = match as_bytes(source) {
        Some(b) => b,
        None => crate::iter::collect_vec(source)?.iter().map(byte_of).collect::<PyResult<Vec<u8>>>()?,
    };
    if !byteorder(a, 1)? {
        data.reverse();
    }
    let signed = a.kw.iter().any(|(k, v)| *k == "signed" && v.truthy());
    let mut n = BigInt::zero();
    for b in &data {
        n = n.shl(8).add(&BigInt::from_i64(*b as i64));
    }
    if signed && data.first().map_or(false, |b| b & 0x80 != 0) {
        n = n.sub(&BigInt::from_i64(1).shl(8 * data.len() as u64));
    }
    Ok(crate::ops::int_value(n))
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(n: &Value, a: &Args) -> PyResult<Value> {
    let length = match a.get(0, "length") {
        Some(v) => v.to_int()?,
        None => 1,
    };
    if length < 0 {
        return value_error("length argument must be non-negative");
    }
    let big = crate::ops::as_big(n).unwrap_or_else(BigInt::zero);
    let signed = a.kw.iter().any(|(k, v)| *k == "signed" && v.truthy());
    if big.is_negative() && !signed {
        return Err(PyErr::new(&OVERFLOW_ERROR, "can't convert negative int to unsigned"));
    }
    let bits = 8 * length as u64;
    let fits = if signed {
        let limit = BigInt::from_i64(1).shl(bits.saturating_sub(1));
        length > 0 && big < limit && big >= limit.neg() || (length == 0 && big.is_zero())
    } else {
        big.bit_length() <= bits
    };
    if !fits {
        return Err(PyErr::new(&OVERFLOW_ERROR, "int too big to convert"));
    }
    let unsigned = if big.is_negative() { big.add(&BigInt::from_i64(1).shl(bits)) } else { big };
    let mask = BigInt::from_i64(255);
    let mut out: Vec<u8> = (0..length as u64)
        .map(|i| unsigned.shr(8 * i).bitand(&mask).to_i64().unwrap_or(0) as u8)
        .collect();
    if byteorder(a, 1)? {
        out.reverse();
    }
    Ok(make(out, false))
}

// ---- the object -----------------------------------------------------------------------------

impl Bytes {
    fn name(&self) -> &'static str {
        if self.mutable {
            "bytearray"
        } else {
            "bytes"
        }
    }

    fn new_like(&self, data: Vec<u8>) -> Value {
        make(data, self.mutable)
    }

    fn no_attribute<T>(&self, name: &str) -> PyResult<T> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute '{}'", self.name(), name)))
    }

    /// A method shared with `str`, run on the latin-1 view: bytes arguments become
    /// text, text results become bytes of this object's type.
    fn via_str(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let convert = |v: Value| -> PyResult<Value> {
            match &v {
                Value::Str(_) => type_error(format!("a bytes-like object is required, not 'str'")),
                Value::Tuple(t) => Ok(Value::tuple(
                    t.iter().map(|x| as_bytes(x).map(|b| latin1(&b)).unwrap_or_else(|| x.clone())).collect(),
                )),
                Value::List(l) if name == "join" => {
                    let items = l.borrow().clone();
                    let texts = items
                        .iter()
                        .map(|x| {
                            as_bytes(x).map(|b| latin1(&b)).ok_or_else(|| {
                                PyErr::new(
                                    &TYPE_ERROR,
                                    format!("sequence item 0: expected a bytes-like object, {} found", x.type_name()),
                                )
                            })
                        })
                        .collect::<PyResult<Vec<Value>>>()?;
                    Ok(Value::list(texts))
                }
                _ => Ok(as_bytes(&v).map(|b| latin1(&b)).unwrap_or(v)),
            }
        };
        let pos = pos
            .into_iter()
            .map(|v| if name == "join" && !matches!(v, Value::List(_)) { crate::builtins::list(Some(&v)) } else { Ok(v) })
            .map(|v| v.and_then(convert))
            .collect::<PyResult<Vec<Value>>>()?;
        let kw = kw.into_iter().map(|(k, v)| convert(v).map(|v| (k, v))).collect::<PyResult<Vec<_>>>()?;
        let me = latin1(&self.data.borrow());
        let back = |v: Value| -> Value {
            match &v {
                Value::Str(s) => self.new_like(from_latin1(s)),
                _ => v,
            }
        };
        let result = call_method_kw(&me, name, pos, kw)?;
        Ok(match &result {
            Value::List(l) => Value::list(l.borrow().iter().cloned().map(back).collect()),
            Value::Tuple(t) => Value::tuple(t.iter().cloned().map(back).collect()),
            _ => back(result),
        })
    }

    fn strip(&self, name: &str, a: &Args) -> PyResult<Value> {
        let data = self.data.borrow();
        let chars = match a.get(0, "bytes") {
            None | Some(Value::None) => None,
            Some(v) => Some(need_bytes(v)?),
        };
        let strip = |b: &u8| match &chars {
            Some(set) => set.contains(b),
            None => is_space(*b),
        };
        let mut start = 0;
        let mut end = data.len();
        if name != "rstrip" {
            while start < end && strip(&data[start]) {
                start += 1;
            }
        }
        if name != "lstrip" {
            while end > start && strip(&data[end - 1]) {
                end -= 1;
            }
        }
        Ok(self.new_like(data[start..end].to_vec()))
    }

    fn split_whitespace(&self, a: &Args) -> PyResult<Value> {
        let maxsplit = a.opt_int(1, "maxsplit")?.unwrap_or(-1);
        let data = self.data.borrow();
        let mut parts = Vec::new();
        let mut i = 0;
        while i < data.len() {
            while i < data.len() && is_space(data[i]) {
                i += 1;
            }
            if i == data.len() {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                let mut end = data.len();
                while end > i && is_space(data[end - 1]) {
                    end -= 1;
                }
                parts.push(self.new_like(data[i..end].to_vec()));
                break;
            }
            let start = i;
            while i < data.len() && !is_space(data[i]) {
                i += 1;
            }
            parts.push(self.new_like(data[start..i].to_vec()));
        }
        Ok(Value::list(parts))
    }

    fn mutate(&self, a: &Args) -> PyResult<Value> {
        let mut data = self.data.borrow_mut();
        match a.method {
            "append" => data.push(byte_of(a.req(0, "item")?)?),
            "extend" => {
                let v = a.req(0, "iterable_of_ints")?;
                let more = match as_bytes(v) {
                    Some(b) => b,
                    None => crate::iter::collect_vec(v)?.iter().map(byte_of).collect::<PyResult<Vec<u8>>>()?,
                };
                data.extend(more);
            }
            "pop" => {
                if data.is_empty() {
                    return index_error("pop from empty bytearray");
                }
                let i = a.opt_int(0, "index")?.unwrap_or(-1);
                let at = match crate::ops::norm_index(i, data.len()) {
                    Some(at) => at,
                    None => return index_error("pop index out of range"),
                };
                return Ok(Value::Int(data.remove(at) as i64));
            }
            "insert" => {
                let i = a.req(0, "index")?.to_int()?;
                let b = byte_of(a.req(1, "item")?)?;
                let len = data.len() as i64;
                let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
                data.insert(at as usize, b);
            }
            "remove" => {
                let b = byte_of(a.req(0, "value")?)?;
                match data.iter().position(|x| *x == b) {
                    Some(at) => {
                        data.remove(at);
                    }
                    None => return value_error("value not found in bytearray"),
                }
            }
            "reverse" => data.reverse(),
            "clear" => data.clear(),
            _ => return Ok(Value::None),
        }
        Ok(Value::None)
    }
}

impl NativeObject for Bytes {
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }

    fn type_name(&self) -> &'static str {
        self.name()
    }

    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        let ascii_test = |test: fn(&u8) -> bool| {
            let data = self.data.borrow();
            Ok(Value::Bool(!data.is_empty() && data.iter().all(test)))
        };
        let map_ascii = |f: fn(&u8) -> u8| Ok(self.new_like(self.data.borrow().iter().map(f).collect()));
        match name {
            "decode" => {
                let enc = a.opt_text(0, "encoding")?;
                let errors = a.opt_text(1, "errors")?;
                let text = decode(&self.data.borrow(), enc.as_deref().unwrap_or("utf-8"), errors.as_deref().unwrap_or("strict"))?;
                Ok(Value::string(text))
            }
            "hex" => {
                let sep = a.opt_text(0, "sep")?;
                Ok(Value::string(hex(&self.data.borrow(), sep.as_deref())))
            }
            "fromhex" => fromhex(&a.text(0, "string")?, self.mutable),
            "upper" => map_ascii(|b| b.to_ascii_uppercase()),
            "lower" => map_ascii(|b| b.to_ascii_lowercase()),
            "swapcase" => map_ascii(|b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }),
            "isdigit" => ascii_test(|b| b.is_ascii_digit()),
            "isalpha" => ascii_test(|b| b.is_ascii_alphabetic()),
            "isalnum" => ascii_test(|b| b.is_ascii_alphanumeric()),
            "isspace" => ascii_test(|b| is_space(*b)),
            "isascii" => Ok(Value::Bool(self.data.borrow().iter().all(|b| b.is_ascii()))),
            "isupper" | "islower" => {
                let data = self.data.borrow();
                let cased = data.iter().any(|b| b.is_ascii_alphabetic());
                let wrong = if name == "isupper" { data.iter().any(|b| b.is_ascii_lowercase()) } else { data.iter().any(|b| b.is_ascii_uppercase()) };
                Ok(Value::Bool(cased && !wrong))
            }
            "strip" | "lstrip" | "rstrip" => self.strip(name, &a),
            "split" if a.get(0, "sep").map_or(true, |v| v.is_none()) => self.split_whitespace(&a),
            "copy" if self.mutable => Ok(self.new_like(self.data.borrow().clone())),
            "append" | "extend" | "pop" | "insert" | "remove" | "reverse" | "clear" if self.mutable => self.mutate(&a),
            "count" | "find" | "rfind" | "index" | "rindex" if matches!(a.pos.first(), Some(Value::Int(_))) => {
                let mut a = a;
                let b = byte_of(&a.pos[0])?;
                a.pos[0] = make(vec![b], false);
                self.via_str(name, a.pos, a.kw)
            }
            "split" | "rsplit" | "join" | "replace" | "find" | "rfind" | "index" | "rindex" | "count" | "startswith"
            | "endswith" | "partition" | "rpartition" | "center" | "ljust" | "rjust" | "zfill" | "splitlines"
            | "capitalize" | "title" | "expandtabs" | "removeprefix" | "removesuffix" => self.via_str(name, a.pos, a.kw),
            "__add__" | "__mul__" => match self.binary_op(if name == "__add__" { "+" } else { "*" }, a.req(0, "other")?, false) {
                Some(r) => r,
                None => type_error(format!("can't concat {} to {}", a.pos[0].type_name(), self.name())),
            },
            _ => self.no_attribute(name),
        }
    }

    fn getattr(&self, name: &str) -> PyResult<Value> {
        self.no_attribute(name)
    }

    fn repr(&self) -> String {
        let text = bytes_repr(&self.data.borrow());
        if self.mutable {
            format!("bytearray({})", text)
        } else {
            text
        }
    }

    fn hash(&self) -> i64 {
        crate::tables::hash_str(&self.data.borrow().iter().map(|b| *b as char).collect::<String>())
    }

    fn len(&self) -> PyResult<i64> {
        Ok(self.data.borrow().len() as i64)
    }

    fn getitem(&self, index: &Value) -> PyResult<Value> {
        let data = self.data.borrow();
        let i = index.as_index().ok_or_else(|| {
            PyErr::new(&TYPE_ERROR, format!("byte indices must be integers or slices, not {}", index.type_name()))
        })?;
        match crate::ops::norm_index(i, data.len()) {
            Some(at) => Ok(Value::Int(data[at] as i64)),
            None if self.mutable => index_error("bytearray index out of range"),
            None => index_error("index out of range"),
        }
    }

    fn getslice(&self, start: &Value, stop: &Value, step: &Value) -> PyResult<Value> {
        let data = self.data.borrow();
        let (a, _, s, n) = crate::ops::slice_indices(data.len(), start, stop, step)?;
        Ok(self.new_like((0..n as i64).map(|k| data[(a + k * s) as usize]).collect()))
    }

    fn setitem(&self, index: &Value, value: Value) -> PyResult<()> {
        if !self.mutable {
            return type_error("'bytes' object does not support item assignment");
        }
        let mut data = self.data.borrow_mut();
        let i = index.to_int()?;
        let b = byte_of(&value)?;
        match crate::ops::norm_index(i, data.len()) {
            Some(at) => {
                data[at] = b;
                Ok(())
            }
            None => index_error("bytearray index out of range"),
        }
    }

    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(self.data.borrow().iter().map(|b| Value::Int(*b as i64)).collect())
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        let data = self.data.borrow();
        Some(match item {
            Value::Int(_) | Value::Bool(_) => byte_of(item).map(|b| data.contains(&b)),
            _ => need_bytes(item).map(|needle| needle.is_empty() || data.windows(needle.len()).any(|w| w == needle.as_slice())),
        })
    }

    fn truthy(&self) -> bool {
        !self.data.borrow().is_empty()
    }

    fn equals(&self, other: &Value) -> bool {
        as_bytes(other).map_or(false, |o| *self.data.borrow() == o)
    }

    fn compare(&self, other: &Value) -> Option<PyResult<Ordering>> {
        as_bytes(other).map(|o| Ok(self.data.borrow().as_slice().cmp(o.as_slice())))
    }

    fn binary_op(&self, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        let data = self.data.borrow();
        match op {
            "+" => {
                let o = match as_bytes(other) {
                    Some(o) => o,
                    None if !reflected => {
                        return Some(type_error(format!("can't concat {} to {}", other.type_name(), self.name())))
                    }
                    None => return None,
                };
                let joined = if reflected { [o.as_slice(), data.as_slice()].concat() } else { [data.as_slice(), o.as_slice()].concat() };
                Some(Ok(self.new_like(joined)))
            }
            "*" => {
                let n = other.as_index()?;
                Some(Ok(self.new_like(data.repeat(n.max(0) as usize))))
            }
            "%" if !reflected => {
                let text = latin1(&data);
                let args = match other {
                    Value::Tuple(t) => Value::tuple(t.iter().map(|x| as_bytes(x).map(|b| latin1(&b)).unwrap_or_else(|| x.clone())).collect()),
                    _ => as_bytes(other).map(|b| latin1(&b)).unwrap_or_else(|| other.clone()),
                };
                Some(crate::ops::modulo(&text, &args).map(|r| match &r {
                    Value::Str(s) => self.new_like(from_latin1(s)),
                    _ => r,
                }))
            }
            _ => None,
        }
    }

    fn inplace_add(&self, other: &Value) -> Option<PyResult<()>> {
        if !self.mutable {
            return None;
        }
        Some(match as_bytes(other) {
            Some(more) => {
                self.data.borrow_mut().extend(more);
                Ok(())
            }
            None => type_error(format!("can't concat {} to bytearray", other.type_name())),
        })
    }
}
