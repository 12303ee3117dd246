//! `base64`: the standard and URL-safe Base64 alphabets and Base16, with CPython's
//! decoding rules (characters outside the alphabet skipped unless `validate=True`,
//! `binascii.Error` for bad padding).

use crate::bytes::{as_bytes, bytes_value};
use crate::exc::*;
use crate::methods::Args;
use crate::value::*;

/// `binascii.Error` (what `base64.b64decode` raises), a ValueError.
pub static BINASCII_ERROR: ExcType = ExcType { name: "binascii.Error", base: Some(&VALUE_ERROR) };

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn binascii_error<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::new(&BINASCII_ERROR, msg))
}

/// The data to encode: a bytes-like object.
fn data_to_encode(v: &Value) -> PyResult<Vec<u8>> {
    as_bytes(v).ok_or_else(|| PyErr::new(&TYPE_ERROR, format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// The data to decode: bytes, or a str of ASCII characters.
fn data_to_decode(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) if s.is_ascii() => Ok(s.as_bytes().to_vec()),
        Value::Str(_) => value_error("string argument should contain only ASCII characters"),
        _ => as_bytes(v).ok_or_else(|| {
            PyErr::new(
                &TYPE_ERROR,
                format!("argument should be a bytes-like object or ASCII string, not '{}'", v.type_name()),
            )
        }),
    }
}

/// `data` with the two characters of `from` replaced by those of `to` (alternative alphabets).
fn translate(mut data: Vec<u8>, from: &[u8], to: &[u8]) -> Vec<u8> {
    for b in data.iter_mut() {
        if let Some(i) = from.iter().position(|c| c == b) {
            *b = to[i];
        }
    }
    data
}

fn altchars(a: &Args) -> PyResult<Option<Vec<u8>>> {
    match a.get(1, "altchars") {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let chars = data_to_decode(v)?;
            if chars.len() != 2 {
                return value_error(format!("invalid altchars: {}", v.repr()));
            }
            Ok(Some(chars))
        }
    }
}

pub fn encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity((data.len() + 2) / 3 * 4);
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' });
        }
    }
    out
}

/// binascii.a2b_base64: `strict` is `validate=True`.
pub fn decode(data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads, mut padding, mut count) = (0, 0u32, 0, false, 0usize);
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding = true;
            if strict && quad == 0 {
                return binascii_error("Excess padding not allowed");
            }
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                if strict && i + 1 < data.len() {
                    return binascii_error("Excess data after padding");
                }
                return Ok(out);
            }
            continue;
        }
        let v = match ALPHABET.iter().position(|&a| a == c) {
            Some(v) => v as u32,
            None if strict => return binascii_error("Only base64 data is allowed"),
            None => continue,
        };
        if strict && padding {
            return binascii_error("Discontinuous padding not allowed");
        }
        pads = 0;
        count += 1;
        match quad {
            0 => left = v,
            1 => {
                out.push((left << 2 | v >> 4) as u8);
                left = v & 0x0f;
            }
            2 => {
                out.push((left << 4 | v >> 2) as u8);
                left = v & 0x03;
            }
            _ => out.push((left << 6 | v) as u8),
        }
        quad = (quad + 1) % 4;
    }
    match quad {
        0 => Ok(out),
        1 => binascii_error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            count
        )),
        _ => binascii_error("Incorrect padding"),
    }
}

fn b16decode(data: &[u8], casefold: bool) -> PyResult<Vec<u8>> {
    if data.len() % 2 == 1 {
        return binascii_error("Odd-length string");
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'A'..=b'F' => Ok(c - b'A' + 10),
        b'a'..=b'f' if casefold => Ok(c - b'a' + 10),
        _ => binascii_error("Non-base16 digit found"),
    };
    data.chunks(2).map(|p| Ok(digit(p[0])? << 4 | digit(p[1])?)).collect()
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    let url = (b"+/".as_slice(), b"-_".as_slice());
    let out = match name {
        "base64.b64encode" | "base64.standard_b64encode" | "base64.urlsafe_b64encode" => {
            let encoded = encode(&data_to_encode(a.req(0, "s")?)?);
            match (name, altchars(a)?) {
                ("base64.urlsafe_b64encode", _) => translate(encoded, url.0, url.1),
                (_, Some(alt)) => translate(encoded, url.0, &alt),
                _ => encoded,
            }
        }
        "base64.b64decode" | "base64.standard_b64decode" | "base64.urlsafe_b64decode" => {
            let mut data = data_to_decode(a.req(0, "s")?)?;
            if name == "base64.urlsafe_b64decode" {
                data = translate(data, url.1, url.0);
            } else if let Some(alt) = altchars(a)? {
                data = translate(data, &alt, url.0);
            }
            let strict = name == "base64.b64decode" && a.get(2, "validate").map_or(false, |v| v.truthy());
            decode(&data, strict)?
        }
        "base64.b16encode" => {
            let data = data_to_encode(a.req(0, "s")?)?;
            data.iter().flat_map(|b| format!("{:02X}", b).into_bytes()).collect()
        }
        "base64.b16decode" => {
            let casefold = a.get(1, "casefold").map_or(false, |v| v.truthy());
            b16decode(&data_to_decode(a.req(0, "s")?)?, casefold)?
        }
        _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module attribute {} is not available", name))),
    };
    Ok(bytes_value(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        assert_eq!(encode(b"any carnal pleas"), b"YW55IGNhcm5hbCBwbGVhcw==".to_vec());
        assert_eq!(encode(b"ab"), b"YWI=".to_vec());
        assert_eq!(decode(b"YW55IGNh\ncm5hbA==", false).unwrap(), b"any carnal".to_vec());
        assert!(decode(b"YWJ", false).is_err());
        assert!(decode(b"YW!=", true).is_err());
    }
}
