//! `struct`: `pack`, `unpack`, `calcsize`, `iter_unpack` and `Struct` for the integer,
//! float, bool, char, pad and byte-string codes, with native (`@`, aligned) and standard
//! (`=<>!`) layouts and CPython's `struct.error` messages.

use crate::bytes::{as_bytes, bytes_value};
use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::rc::Rc;

/// `struct.error`.
pub static STRUCT_ERROR: ExcType = ExcType { name: "struct.error", base: Some(&EXCEPTION) };

fn error<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::new(&STRUCT_ERROR, msg))
}

/// One item of a format: its code, its repeat count (a byte length for `s`), its size.
struct Item {
    code: char,
    count: usize,
    size: usize,
}

struct Layout {
    little: bool,
    items: Vec<Item>,
    /// Offsets of each item (alignment applied for native layout).
    offsets: Vec<usize>,
    size: usize,
}

fn parse(fmt: &str) -> PyResult<Layout> {
    let mut chars = fmt.chars().peekable();
    let (native, little) = match chars.peek() {
        Some('@') => (true, cfg!(target_endian = "little")),
        Some('=') => (false, cfg!(target_endian = "little")),
        Some('<') => (false, true),
        Some('>') | Some('!') => (false, false),
        _ => (true, cfg!(target_endian = "little")),
    };
    if matches!(chars.peek(), Some('@' | '=' | '<' | '>' | '!')) {
        chars.next();
    }
    let mut items = Vec::new();
    let mut offsets = Vec::new();
    let mut offset = 0usize;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut count_text = String::new();
        let mut code = c;
        while code.is_ascii_digit() {
            count_text.push(code);
            code = match chars.next() {
                Some(n) => n,
                None => return error("repeat count given without format specifier"),
            };
        }
        let count: usize = if count_text.is_empty() { 1 } else { count_text.parse().unwrap_or(0) };
        let size = match code {
            'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
            'h' | 'H' | 'e' => 2,
            'i' | 'I' | 'f' => 4,
            'l' | 'L' => {
                if native {
                    8
                } else {
                    4
                }
            }
            'q' | 'Q' | 'd' => 8,
            'n' | 'N' | 'P' if native => 8,
            _ => return error("bad char in struct format"),
        };
        if native && size > 1 {
            offset = (offset + size - 1) / size * size;
        }
        if code == 's' || code == 'p' {
            offsets.push(offset);
            items.push(Item { code, count, size: count });
            offset += count;
        } else {
            for _ in 0..count {
                offsets.push(offset);
                items.push(Item { code, count: 1, size });
                offset += size;
            }
        }
    }
    Ok(Layout { little, items, offsets, size: offset })
}

fn int_range(code: char) -> (i128, i128, String) {
    let (lo, hi): (i128, i128) = match code {
        'b' => (-128, 127),
        'B' => (0, 255),
        'h' => (-32768, 32767),
        'H' => (0, 65535),
        'i' | 'l' => (i32::MIN as i128, i32::MAX as i128),
        'I' | 'L' => (0, u32::MAX as i128),
        'q' | 'n' => (i64::MIN as i128, i64::MAX as i128),
        _ => (0, u64::MAX as i128),
    };
    let name = match code {
        'b' => "byte format".to_string(),
        'B' => "ubyte format".to_string(),
        'h' => "short format".to_string(),
        'H' => "ushort format".to_string(),
        _ => format!("'{}' format", code),
    };
    (lo, hi, name)
}

fn pack(fmt: &str, values: &[Value]) -> PyResult<Vec<u8>> {
    let layout = parse(fmt)?;
    let wanted = layout.items.iter().filter(|i| i.code != 'x').count();
    if wanted != values.len() {
        return error(format!("pack expected {} items for packing (got {})", wanted, values.len()));
    }
    let mut out = vec![0u8; layout.size];
    let mut values = values.iter();
    for (item, &at) in layout.items.iter().zip(&layout.offsets) {
        if item.code == 'x' {
            continue;
        }
        let v = values.next().cloned().unwrap_or_default();
        let raw: Vec<u8> = match item.code {
            's' | 'p' => {
                let data = match as_bytes(&v) {
                    Some(d) => d,
                    None => return error(format!("argument for '{}' must be a bytes object", item.code)),
                };
                let mut field = vec![0u8; item.count];
                let n = data.len().min(item.count);
                field[..n].copy_from_slice(&data[..n]);
                out[at..at + item.count].copy_from_slice(&field);
                continue;
            }
            'c' => match as_bytes(&v) {
                Some(d) if d.len() == 1 => d,
                _ => return error("char format requires a bytes object of length 1"),
            },
            '?' => vec![v.truthy() as u8],
            'f' | 'd' | 'e' => {
                let x = match v.as_f64() {
                    Some(x) => x,
                    None => return error("required argument is not a float"),
                };
                match item.code {
                    'f' => {
                        let single = x as f32;
                        if single.is_infinite() && x.is_finite() {
                            return Err(PyErr::new(&OVERFLOW_ERROR, "float too large to pack with f format"));
                        }
                        single.to_le_bytes().to_vec()
                    }
                    'd' => x.to_le_bytes().to_vec(),
                    _ => return error("the 'e' format is not supported by this translation"),
                }
            }
            code => {
                let n: i128 = match &v {
                    Value::Int(_) | Value::Bool(_) => v.to_int()? as i128,
                    Value::BigInt(b) => b.to_string().parse::<i128>().unwrap_or(i128::MAX),
                    _ => return error("required argument is not an integer"),
                };
                let (lo, hi, name) = int_range(code);
                if n < lo || n > hi {
                    return if matches!(code, 'q' | 'Q' | 'n' | 'N') || (code == 'L' && item.size == 8) {
                        error("argument out of range")
                    } else {
                        error(format!("{} requires {} <= number <= {}", name, lo, hi))
                    };
                }
                (n as u128).to_le_bytes()[..item.size].to_vec()
            }
        };
        let mut raw = raw;
        if !layout.little {
            raw.reverse();
        }
        out[at..at + raw.len()].copy_from_slice(&raw);
    }
    Ok(out)
}

fn unpack(fmt: &str, data: &[u8]) -> PyResult<Value> {
    let layout = parse(fmt)?;
    if data.len() != layout.size {
        return error(format!("unpack requires a buffer of {} bytes", layout.size));
    }
    let mut values = Vec::new();
    for (item, &at) in layout.items.iter().zip(&layout.offsets) {
        let mut raw = data[at..at + item.size].to_vec();
        match item.code {
            'x' => continue,
            's' => {
                values.push(bytes_value(raw));
                continue;
            }
            'p' => {
                let n = (raw.first().copied().unwrap_or(0) as usize).min(item.size.saturating_sub(1));
                values.push(bytes_value(raw[1..1 + n].to_vec()));
                continue;
            }
            'c' => {
                values.push(bytes_value(raw));
                continue;
            }
            _ => {}
        }
        if !layout.little {
            raw.reverse();
        }
        let mut wide = [0u8; 16];
        wide[..raw.len()].copy_from_slice(&raw);
        let v = match item.code {
            '?' => Value::Bool(raw[0] != 0),
            'f' => Value::Float(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64),
            'd' => {
                let mut b = [0u8; 8];
                b.copy_from_slice(&raw);
                Value::Float(f64::from_le_bytes(b))
            }
            code => {
                let unsigned = u128::from_le_bytes(wide);
                let signed = code.is_ascii_lowercase();
                let bits = 8 * item.size as u32;
                let n: i128 = if signed && bits < 128 && unsigned >> (bits - 1) & 1 == 1 {
                    unsigned as i128 - (1i128 << bits)
                } else {
                    unsigned as i128
                };
                if n > i64::MAX as i128 {
                    crate::ops::big_literal(&n.to_string())
                } else {
                    Value::Int(n as i64)
                }
            }
        };
        values.push(v);
    }
    Ok(Value::tuple(values))
}

fn buffer(v: &Value) -> PyResult<Vec<u8>> {
    as_bytes(v).ok_or_else(|| PyErr::new(&TYPE_ERROR, format!("a bytes-like object is required, not '{}'", v.type_name())))
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "struct.pack" => Ok(bytes_value(pack(&a.text(0, "format")?, &a.pos[1..])?)),
        "struct.unpack" => unpack(&a.text(0, "format")?, &buffer(a.req(1, "buffer")?)?),
        "struct.calcsize" => Ok(Value::Int(parse(&a.text(0, "format")?)?.size as i64)),
        "struct.iter_unpack" => {
            let fmt = a.text(0, "format")?;
            let data = buffer(a.req(1, "buffer")?)?;
            let size = parse(&fmt)?.size;
            if size == 0 || data.len() % size != 0 {
                return error(format!("iterative unpacking requires a buffer of a multiple of {} bytes", size));
            }
            let rows = data.chunks(size).map(|c| unpack(&fmt, c)).collect::<PyResult<Vec<Value>>>()?;
            Ok(crate::iter::into_iter_value(crate::iter::iterate(&Value::list(rows))?))
        }
        "struct.Struct" => {
            let fmt = a.text(0, "format")?;
            let size = parse(&fmt)?.size;
            Ok(Value::Native(Rc::new(Struct { format: fmt, size })))
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'struct' has no attribute '{}'", &name[7..]))),
    }
}

/// A compiled `struct.Struct(format)`.
struct Struct {
    format: Rc<str>,
    size: usize,
}

impl NativeObject for Struct {
    fn type_name(&self) -> &'static str {
        "_struct.Struct"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let mut all = vec![Value::Str(self.format.clone())];
        all.extend(pos);
        let a = Args { method: name, pos: all, kw };
        match name {
            "pack" | "unpack" | "iter_unpack" => call(&format!("struct.{}", name), &a),
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "size" => Ok(Value::Int(self.size as i64)),
            "format" => Ok(Value::Str(self.format.clone())),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_struct.Struct' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        format!("Struct({})", crate::format::python_str_repr(&self.format))
    }
}
