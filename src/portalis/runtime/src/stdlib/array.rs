//! `array.array`: a typed list (codes b B h H i I l L q Q f d u) with CPython's range
//! checks and errors, its repr, slicing, concatenation and the list-like methods, plus
//! `tobytes`/`frombytes` in native byte order.

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

const CODES: &str = "bBuhHiIlLqQfd";

pub struct Array {
    code: char,
    items: RefCell<Vec<Value>>,
}

fn item_size(code: char) -> usize {
    match code {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'u' | 'i' | 'I' | 'f' => 4,
        _ => 8,
    }
}

/// Check and convert one item for an array of `code`.
fn convert(code: char, v: &Value) -> PyResult<Value> {
    match code {
        'f' | 'd' => match v.as_f64() {
            Some(x) => Ok(Value::Float(if code == 'f' { x as f32 as f64 } else { x })),
            _ => type_error(format!("must be real number, not {}", v.type_name())),
        },
        'u' => match v {
            Value::Str(s) if s.chars().count() == 1 => Ok(v.clone()),
            _ => type_error(format!("array item must be unicode character, not {}", v.type_name())),
        },
        _ => {
            let n: i128 = match v {
                Value::Int(_) | Value::Bool(_) => v.to_int()? as i128,
                Value::BigInt(b) => b.to_string().parse::<i128>().unwrap_or(i128::MAX),
                _ => return type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())),
            };
            let (lo, hi, name): (i128, i128, &str) = match code {
                'b' => (-128, 127, "signed char"),
                'B' => (0, 255, "unsigned byte integer"),
                'h' => (-32768, 32767, "signed short integer"),
                'H' => (0, 65535, "unsigned short"),
                'i' => (i32::MIN as i128, i32::MAX as i128, "signed integer"),
                'I' => (0, u32::MAX as i128, "unsigned int"),
                'l' | 'q' => (i64::MIN as i128, i64::MAX as i128, ""),
                _ => (0, u64::MAX as i128, ""),
            };
            if n >= lo && n <= hi {
                return Ok(v.clone());
            }
            let msg = match (code, n < lo) {
                ('I' | 'L', true) => "can't convert negative value to unsigned int".to_string(),
                ('Q', true) => "can't convert negative int to unsigned".to_string(),
                ('l', _) => "Python int too large to convert to C long".to_string(),
                ('q' | 'Q', _) => "int too big to convert".to_string(),
                (_, true) => format!("{} is less than minimum", name),
                _ => format!("{} is greater than maximum", name),
            };
            Err(PyErr::new(&OVERFLOW_ERROR, msg))
        }
    }
}

fn make(code: char, items: Vec<Value>) -> Value {
    Value::Native(Rc::new(Array { code, items: RefCell::new(items) }))
}

fn as_array(v: &Value) -> Option<(char, Vec<Value>)> {
    match v {
        Value::Native(n) => n.as_any()?.downcast_ref::<Array>().map(|a| (a.code, a.items.borrow().clone())),
        _ => None,
    }
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "array.array" => {
            let code = match a.req(0, "typecode")? {
                Value::Str(s) if s.chars().count() == 1 && CODES.contains(s.as_ref()) => s.chars().next().unwrap_or('b'),
                Value::Str(_) => return value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"),
                v => {
                    return type_error(format!("array() argument 1 must be a unicode character, not {}", v.type_name()))
                }
            };
            let items = match a.get(1, "initializer") {
                None => Vec::new(),
                Some(Value::Str(s)) if code == 'u' => s.chars().map(|c| Value::string(c.to_string())).collect(),
                Some(Value::Str(_)) => {
                    return type_error(format!("cannot use a str to initialize an array with typecode '{}'", code))
                }
                Some(v) => match crate::bytes::as_bytes(v) {
                    Some(data) => from_bytes(code, &data)?,
                    None => crate::iter::collect_vec(v)?.iter().map(|x| convert(code, x)).collect::<PyResult<_>>()?,
                },
            };
            Ok(make(code, items))
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'array' has no attribute '{}'", &name[6..]))),
    }
}

fn to_bytes(code: char, items: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in items {
        match code {
            'f' => out.extend((v.as_f64().unwrap_or(0.0) as f32).to_ne_bytes()),
            'd' => out.extend(v.as_f64().unwrap_or(0.0).to_ne_bytes()),
            'u' => out.extend((v.as_str().and_then(|s| s.chars().next()).unwrap_or('\0') as u32).to_ne_bytes()),
            _ => {
                let n = v.as_index().unwrap_or(0) as i128 as u128;
                let bytes = n.to_ne_bytes();
                let size = item_size(code);
                if cfg!(target_endian = "little") {
                    out.extend(&bytes[..size]);
                } else {
                    out.extend(&bytes[16 - size..]);
                }
            }
        }
    }
    out
}

fn from_bytes(code: char, data: &[u8]) -> PyResult<Vec<Value>> {
    let size = item_size(code);
    if data.len() % size != 0 {
        return value_error("bytes length not a multiple of item size");
    }
    Ok(data
        .chunks(size)
        .map(|c| {
            let mut wide = [0u8; 8];
            wide[..size].copy_from_slice(c);
            let raw = u64::from_ne_bytes(wide);
            match code {
                'f' => Value::Float(f32::from_ne_bytes([c[0], c[1], c[2], c[3]]) as f64),
                'd' => Value::Float(f64::from_bits(raw)),
                'u' => Value::string(char::from_u32(raw as u32).unwrap_or('\u{fffd}').to_string()),
                'b' | 'h' | 'i' | 'l' | 'q' => {
                    let shift = 64 - 8 * size as u32;
                    Value::Int(((raw << shift) as i64) >> shift)
                }
                _ if raw > i64::MAX as u64 => crate::ops::big_literal(&raw.to_string()),
                _ => Value::Int(raw as i64),
            }
        })
        .collect())
}

impl Array {
    fn method(&self, a: &Args) -> PyResult<Value> {
        let code = self.code;
        match a.method {
            "append" => {
                let v = convert(code, a.req(0, "v")?)?;
                self.items.borrow_mut().push(v);
            }
            "extend" | "fromlist" => {
                let src = a.req(0, "bb")?;
                let more = match as_array(src) {
                    Some((c, items)) if c == code => items,
                    Some(_) => return type_error("can only extend with array of same kind"),
                    None => crate::iter::collect_vec(src)?.iter().map(|x| convert(code, x)).collect::<PyResult<_>>()?,
                };
                self.items.borrow_mut().extend(more);
            }
            "insert" => {
                let i = a.req(0, "i")?.to_int()?;
                let v = convert(code, a.req(1, "v")?)?;
                let mut items = self.items.borrow_mut();
                let len = items.len() as i64;
                let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
                items.insert(at as usize, v);
            }
            "pop" => {
                let mut items = self.items.borrow_mut();
                if items.is_empty() {
                    return index_error("pop from empty array");
                }
                let i = a.opt_int(0, "i")?.unwrap_or(-1);
                return match crate::ops::norm_index(i, items.len()) {
                    Some(at) => Ok(items.remove(at)),
                    None => index_error("pop index out of range"),
                };
            }
            "remove" | "index" | "count" => {
                let x = a.req(0, "v")?;
                let items = self.items.borrow();
                let found = items.iter().position(|v| crate::ops::values_equal(v, x));
                return match (a.method, found) {
                    ("count", _) => Ok(Value::Int(items.iter().filter(|v| crate::ops::values_equal(v, x)).count() as i64)),
                    ("index", Some(i)) => Ok(Value::Int(i as i64)),
                    ("remove", Some(i)) => {
                        drop(items);
                        self.items.borrow_mut().remove(i);
                        Ok(Value::None)
                    }
                    (m, None) => value_error(format!("array.{}(x): x not in array", m)),
                    _ => Ok(Value::None),
                };
            }
            "reverse" => self.items.borrow_mut().reverse(),
            "tolist" => return Ok(Value::list(self.items.borrow().clone())),
            "tobytes" => return Ok(crate::bytes::bytes_value(to_bytes(code, &self.items.borrow()))),
            "frombytes" => {
                let data = crate::bytes::as_bytes(a.req(0, "buffer")?)
                    .ok_or_else(|| PyErr::new(&TYPE_ERROR, "a bytes-like object is required"))?;
                let more = from_bytes(code, &data)?;
                self.items.borrow_mut().extend(more);
            }
            "tounicode" if code == 'u' => {
                return Ok(Value::string(self.items.borrow().iter().map(|v| v.to_str()).collect()));
            }
            "copy" | "__copy__" => return Ok(make(code, self.items.borrow().clone())),
            "buffer_info" => {
                return Ok(Value::tuple(vec![Value::Int(0), Value::Int(self.items.borrow().len() as i64)]));
            }
            _ => return self.getattr(a.method),
        }
        Ok(Value::None)
    }
}

impl NativeObject for Array {
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
    fn type_name(&self) -> &'static str {
        "array.array"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        self.method(&Args { method: name, pos, kw })
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "typecode" => Ok(Value::string(self.code.to_string())),
            "itemsize" => Ok(Value::Int(item_size(self.code) as i64)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'array.array' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        let items = self.items.borrow();
        if items.is_empty() {
            return format!("array('{}')", self.code);
        }
        if self.code == 'u' {
            let text: String = items.iter().map(|v| v.to_str()).collect();
            return format!("array('u', {})", crate::format::python_str_repr(&text));
        }
        format!("array('{}', {})", self.code, Value::list(items.clone()).repr())
    }
    fn len(&self) -> PyResult<i64> {
        Ok(self.items.borrow().len() as i64)
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        let items = self.items.borrow();
        let i = index.to_int()?;
        match crate::ops::norm_index(i, items.len()) {
            Some(at) => Ok(items[at].clone()),
            None => index_error("array index out of range"),
        }
    }
    fn getslice(&self, start: &Value, stop: &Value, step: &Value) -> PyResult<Value> {
        let items = Value::list(self.items.borrow().clone());
        let picked = crate::ops::getslice(&items, start, stop, step)?;
        Ok(make(self.code, crate::iter::collect_vec(&picked)?))
    }
    fn setitem(&self, index: &Value, value: Value) -> PyResult<()> {
        let v = convert(self.code, &value)?;
        let mut items = self.items.borrow_mut();
        let i = index.to_int()?;
        match crate::ops::norm_index(i, items.len()) {
            Some(at) => {
                items[at] = v;
                Ok(())
            }
            None => index_error("array assignment index out of range"),
        }
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(self.items.borrow().clone())
    }
    fn truthy(&self) -> bool {
        !self.items.borrow().is_empty()
    }
    fn equals(&self, other: &Value) -> bool {
        as_array(other).map_or(false, |(_, items)| crate::ops::values_equal(&Value::list(self.items.borrow().clone()), &Value::list(items)))
    }
    fn compare(&self, other: &Value) -> Option<PyResult<std::cmp::Ordering>> {
        let (_, items) = as_array(other)?;
        Some(crate::ops::compare(&Value::list(self.items.borrow().clone()), &Value::list(items), "<"))
    }
    fn binary_op(&self, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        let mine = self.items.borrow().clone();
        match op {
            "+" if !reflected => Some(match as_array(other) {
                Some((c, items)) if c == self.code => Ok(make(self.code, [mine, items].concat())),
                Some(_) => type_error("bad argument type for built-in operation"),
                None => type_error(format!("can only append array (not \"{}\") to array", other.type_name())),
            }),
            "*" => {
                let n = other.as_index()?.max(0) as usize;
                Some(Ok(make(self.code, (0..n).flat_map(|_| mine.iter().cloned()).collect())))
            }
            _ => None,
        }
    }
    fn inplace_add(&self, other: &Value) -> Option<PyResult<()>> {
        Some(match as_array(other) {
            Some((c, items)) if c == self.code => {
                self.items.borrow_mut().extend(items);
                Ok(())
            }
            Some(_) => type_error("bad argument type for built-in operation"),
            None => type_error(format!("can only extend array with array (not \"{}\")", other.type_name())),
        })
    }
}
