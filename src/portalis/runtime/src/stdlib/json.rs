//! `json`: `dumps`/`dump` writing byte for byte what CPython's encoder writes (separators,
//! indent, `sort_keys`, `ensure_ascii`, `default`, float repr, circular checks) and
//! `loads`/`load` with CPython's scanner rules and its `JSONDecodeError` messages.

use crate::exc::*;
use crate::format::float_repr;
use crate::methods::{call_method, Args};
use crate::value::*;
use std::fmt::Write;

/// `json.JSONDecodeError`, a ValueError (printed with its module, as CPython does).
pub static JSON_DECODE_ERROR: ExcType = ExcType { name: "json.decoder.JSONDecodeError", base: Some(&VALUE_ERROR) };

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "json.dumps" => Ok(Value::string(dumps(a)?)),
        "json.dump" => {
            let text = dumps(a)?;
            call_method(a.req(1, "fp")?, "write", vec![Value::string(text)])?;
            Ok(Value::None)
        }
        "json.loads" => loads(a, a.req(0, "s")?),
        "json.load" => {
            let text = call_method(a.req(0, "fp")?, "read", Vec::new())?;
            loads(a, &text)
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'json' has no attribute '{}'", &name[5..]))),
    }
}

// ---- encoding ---------------------------------------------------------------------------

/// The encoder's options, read from `dumps`' keyword arguments.
struct Encoder {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    skip_keys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    check_circular: bool,
    default: Option<Value>,
    /// Addresses of the containers being encoded, for "Circular reference detected".
    stack: Vec<usize>,
}

fn kw<'a>(a: &'a Args, name: &str) -> Option<&'a Value> {
    a.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v).filter(|v| !v.is_none())
}

fn flag(a: &Args, name: &str, default: bool) -> bool {
    kw(a, name).map_or(default, |v| v.truthy())
}

fn dumps(a: &Args) -> PyResult<String> {
    let obj = a.req(0, "obj")?;
    let indent = match kw(a, "indent") {
        None => None,
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(v) => Some(" ".repeat(v.to_int()?.max(0) as usize)),
    };
    let (item_sep, key_sep) = match kw(a, "separators") {
        Some(v) => {
            let parts = crate::iter::unpack(v, 2)?;
            let text = |p: &Value| match p {
                Value::Str(s) => Ok(s.to_string()),
                other => type_error(format!("make_encoder() argument 6 must be str, not {}", other.type_name())),
            };
            (text(&parts[0])?, text(&parts[1])?)
        }
        None if indent.is_some() => (",".to_string(), ": ".to_string()),
        None => (", ".to_string(), ": ".to_string()),
    };
    let mut enc = Encoder {
        indent,
        item_sep,
        key_sep,
        sort_keys: flag(a, "sort_keys", false),
        skip_keys: flag(a, "skipkeys", false),
        ensure_ascii: flag(a, "ensure_ascii", true),
        allow_nan: flag(a, "allow_nan", true),
        check_circular: flag(a, "check_circular", true),
        default: kw(a, "default").cloned(),
        stack: Vec::new(),
    };
    let mut out = String::new();
    enc.encode(&mut out, obj, 0)?;
    Ok(out)
}

/// The address that identifies a container for the circular-reference check.
fn container_id(v: &Value) -> Option<usize> {
    match v {
        Value::List(l) => Some(std::rc::Rc::as_ptr(l) as *const u8 as usize),
        Value::Dict(d) => Some(std::rc::Rc::as_ptr(d) as *const u8 as usize),
        Value::Tuple(t) => Some(std::rc::Rc::as_ptr(t) as *const u8 as usize),
        Value::Object(o) => Some(std::rc::Rc::as_ptr(o) as *const u8 as usize),
        Value::Native(n) => Some(std::rc::Rc::as_ptr(n) as *const u8 as usize),
        _ => None,
    }
}

/// A JSON string literal for `s`, escaped as CPython's encoder escapes it.
pub fn quote(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ensure_ascii && (c as u32) > 0x7e) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{:04x}", unit);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder {
    fn float(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.allow_nan {
            return value_error("Out of range float values are not JSON compliant");
        }
        Ok(if f.is_nan() { "NaN" } else if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string())
    }

    fn newline(&self, out: &mut String, level: usize) {
        if let Some(indent) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(indent);
            }
        }
    }

    fn enter(&mut self, v: &Value) -> PyResult<()> {
        if let (true, Some(id)) = (self.check_circular, container_id(v)) {
            if self.stack.contains(&id) {
                return value_error("Circular reference detected");
            }
            self.stack.push(id);
        }
        Ok(())
    }

    fn leave(&mut self, v: &Value) {
        if self.check_circular && container_id(v).is_some() {
            self.stack.pop();
        }
    }

    fn encode(&mut self, out: &mut String, v: &Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(_) | Value::BigInt(_) => out.push_str(&v.repr()),
            Value::Float(f) => out.push_str(&self.float(*f)?),
            Value::Str(s) => quote(out, s, self.ensure_ascii),
            Value::List(_) | Value::Tuple(_) => {
                let items = crate::iter::collect_vec(v)?;
                if items.is_empty() {
                    out.push_str("[]");
                    return Ok(());
                }
                self.enter(v)?;
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&self.item_sep);
                    }
                    self.newline(out, level + 1);
                    self.encode(out, item, level + 1)?;
                }
                self.newline(out, level);
                out.push(']');
                self.leave(v);
            }
            Value::Dict(d) => {
                let mut pairs: Vec<(Value, Value)> =
                    d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                if pairs.is_empty() {
                    out.push_str("{}");
                    return Ok(());
                }
                self.enter(v)?;
                if self.sort_keys {
                    let mut keys: Vec<Value> = pairs.iter().map(|(k, _)| k.clone()).collect();
                    crate::builtins::sort_values(&mut keys, None, false)?;
                    let table = d.borrow();
                    pairs = keys.into_iter().map(|k| (k.clone(), table.get(&k).cloned().unwrap_or_default())).collect();
                }
                out.push('{');
                let mut first = true;
                for (key, value) in &pairs {
                    let key = match key {
                        Value::Str(s) => s.to_string(),
                        Value::Float(f) => self.float(*f)?,
                        Value::Bool(b) => (if *b { "true" } else { "false" }).to_string(),
                        Value::None => "null".to_string(),
                        Value::Int(_) | Value::BigInt(_) => key.repr(),
                        _ if self.skip_keys => continue,
                        _ => {
                            return type_error(format!(
                                "keys must be str, int, float, bool or None, not {}",
                                key.type_name()
                            ))
                        }
                    };
                    if !first {
                        out.push_str(&self.item_sep);
                    }
                    first = false;
                    self.newline(out, level + 1);
                    quote(out, &key, self.ensure_ascii);
                    out.push_str(&self.key_sep);
                    self.encode(out, value, level + 1)?;
                }
                self.newline(out, level);
                out.push('}');
                self.leave(v);
            }
            _ => {
                let default = match &self.default {
                    Some(f) => f.clone(),
                    None => {
                        return type_error(format!("Object of type {} is not JSON serializable", v.type_name()))
                    }
                };
                self.enter(v)?;
                let replacement = crate::builtins::call(&default, vec![v.clone()])?;
                self.encode(out, &replacement, level)?;
                self.leave(v);
            }
        }
        Ok(())
    }
}

// ---- decoding ---------------------------------------------------------------------------

/// The hooks `loads` accepts: called on each object, pair list, float, int and constant text.
struct Decoder {
    text: Vec<char>,
    object_hook: Option<Value>,
    pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
}

fn loads(a: &Args, doc: &Value) -> PyResult<Value> {
    let text = match doc {
        Value::Str(s) => s.chars().collect::<Vec<char>>(),
        Value::Native(n) if n.type_name() == "bytes" || n.type_name() == "bytearray" => {
            let s = call_method(doc, "decode", Vec::new())?;
            s.as_str().unwrap_or("").chars().collect()
        }
        other => {
            return type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                other.type_name()
            ))
        }
    };
    let dec = Decoder {
        text,
        object_hook: kw(a, "object_hook").cloned(),
        pairs_hook: kw(a, "object_pairs_hook").cloned(),
        parse_float: kw(a, "parse_float").cloned(),
        parse_int: kw(a, "parse_int").cloned(),
        parse_constant: kw(a, "parse_constant").cloned(),
    };
    if dec.text.first() == Some(&'\u{feff}') {
        return Err(dec.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let start = dec.skip_ws(0);
    let (value, end) = dec.value(start)?;
    let end = dec.skip_ws(end);
    if end != dec.text.len() {
        return Err(dec.error("Extra data", end));
    }
    Ok(value)
}

impl Decoder {
    /// `JSONDecodeError(msg, doc, pos)`: the message with line, column and char index.
    fn error(&self, msg: &str, pos: usize) -> PyErr {
        let before = &self.text[..pos.min(self.text.len())];
        let line = before.iter().filter(|c| **c == '\n').count() + 1;
        let col = match before.iter().rposition(|c| *c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        let text: String = self.text.iter().collect();
        let shown = Value::str(&format!("{}: line {} column {} (char {})", msg, line, col, pos));
        let parts = [Value::str(msg), Value::str(&text), Value::Int(pos as i64), Value::Int(line as i64), Value::Int(col as i64)];
        PyErr::with_args(&JSON_DECODE_ERROR, std::iter::once(shown).chain(parts.iter().cloned()).collect())
    }

    fn at(&self, i: usize) -> Option<char> {
        self.text.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    fn starts_with(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| self.at(i + k) == Some(c))
    }

    fn hook(f: &Option<Value>, arg: Value) -> PyResult<Option<Value>> {
        match f {
            Some(f) => crate::builtins::call(f, vec![arg]).map(Some),
            None => Ok(None),
        }
    }

    /// The value starting at `i` (whitespace already skipped) and the index after it.
    fn value(&self, i: usize) -> PyResult<(Value, usize)> {
        let constants: [(&str, fn() -> Value); 6] = [
            ("null", || Value::None),
            ("true", || Value::Bool(true)),
            ("false", || Value::Bool(false)),
            ("NaN", || Value::Float(f64::NAN)),
            ("Infinity", || Value::Float(f64::INFINITY)),
            ("-Infinity", || Value::Float(f64::NEG_INFINITY)),
        ];
        match self.at(i) {
            Some('"') => {
                let (s, end) = self.string(i + 1)?;
                return Ok((Value::string(s), end));
            }
            Some('{') => return self.object(i + 1),
            Some('[') => return self.array(i + 1),
            _ => {}
        }
        if let Some(found) = self.number(i)? {
            return Ok(found);
        }
        for (word, make) in constants.iter() {
            if self.starts_with(i, word) {
                let v = match (&self.parse_constant, word.len() > 5 || *word == "NaN") {
                    (Some(_), true) => Decoder::hook(&self.parse_constant, Value::str(word))?.unwrap_or_default(),
                    _ => make(),
                };
                return Ok((v, i + word.chars().count()));
            }
        }
        Err(self.error("Expecting value", i))
    }

    /// A number per JSON's grammar: `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`.
    fn number(&self, start: usize) -> PyResult<Option<(Value, usize)>> {
        let digit = |i: usize| matches!(self.at(i), Some('0'..='9'));
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('0') => i += 1,
            Some('1'..='9') => {
                while digit(i) {
                    i += 1;
                }
            }
            _ => return Ok(None),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            i += 1;
            while digit(i) {
                i += 1;
            }
            is_float = true;
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some('+' | '-')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                i = j;
                is_float = true;
            }
        }
        let text: String = self.text[start..i].iter().collect();
        let value = if is_float {
            match Decoder::hook(&self.parse_float, Value::str(&text))? {
                Some(v) => v,
                None => Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
            }
        } else {
            match Decoder::hook(&self.parse_int, Value::str(&text))? {
                Some(v) => v,
                None => crate::builtins::int(Some(&Value::str(&text)), None)?,
            }
        };
        Ok(Some((value, i)))
    }

    /// The string whose opening quote is just before `start`; returns the index after
    /// the closing quote.
    fn string(&self, start: usize) -> PyResult<(String, usize)> {
        let mut out = String::new();
        let mut i = start;
        loop {
            let c = match self.at(i) {
                Some(c) => c,
                None => return Err(self.error("Unterminated string starting at", start - 1)),
            };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let esc = match self.at(i + 1) {
                        Some(e) => e,
                        None => return Err(self.error("Unterminated string starting at", start - 1)),
                    };
                    let simple = match esc {
                        '"' => Some('"'),
                        '\\' => Some('\\'),
                        '/' => Some('/'),
                        'b' => Some('\u{8}'),
                        'f' => Some('\u{c}'),
                        'n' => Some('\n'),
                        'r' => Some('\r'),
                        't' => Some('\t'),
                        'u' => None,
                        _ => return Err(self.error("Invalid \\escape", i)),
                    };
                    if let Some(ch) = simple {
                        out.push(ch);
                        i += 2;
                        continue;
                    }
                    let unit = self.hex4(i + 2).ok_or_else(|| self.error("Invalid \\uXXXX escape", i + 1))?;
                    i += 6;
                    let mut code = unit;
                    if (0xd800..0xdc00).contains(&unit) && self.at(i) == Some('\\') && self.at(i + 1) == Some('u') {
                        if let Some(low) = self.hex4(i + 2) {
                            if (0xdc00..0xe000).contains(&low) {
                                code = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                                i += 6;
                            }
                        } else {
                            return Err(self.error("Invalid \\uXXXX escape", i + 1));
                        }
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                c if (c as u32) < 0x20 => return Err(self.error("Invalid control character at", i)),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        if i + 4 > self.text.len() {
            return None;
        }
        let s: String = self.text[i..i + 4].iter().collect();
        if !s.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(&s, 16).ok()
    }

    fn array(&self, start: usize) -> PyResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some(']') {
            return Ok((Value::list(items), i + 1));
        }
        loop {
            let (v, end) = self.value(i)?;
            items.push(v);
            i = self.skip_ws(end);
            match self.at(i) {
                Some(']') => return Ok((Value::list(items), i + 1)),
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(self.error("Expecting ',' delimiter", i)),
            }
        }
    }

    fn object(&self, start: usize) -> PyResult<(Value, usize)> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some('}') {
            return Ok((self.finish_object(pairs)?, i + 1));
        }
        loop {
            if self.at(i) != Some('"') {
                return Err(self.error("Expecting property name enclosed in double quotes", i));
            }
            let (key, end) = self.string(i + 1)?;
            i = self.skip_ws(end);
            if self.at(i) != Some(':') {
                return Err(self.error("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (v, end) = self.value(i)?;
            pairs.push((Value::string(key), v));
            i = self.skip_ws(end);
            match self.at(i) {
                Some('}') => return Ok((self.finish_object(pairs)?, i + 1)),
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(self.error("Expecting ',' delimiter", i)),
            }
        }
    }

    fn finish_object(&self, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
        if let Some(hook) = &self.pairs_hook {
            let list = pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
            return crate::builtins::call(hook, vec![Value::list(list)]);
        }
        let dict = crate::methods::dict_from_pairs(pairs)?;
        match Decoder::hook(&self.object_hook, dict.clone())? {
            Some(v) => Ok(v),
            None => Ok(dict),
        }
    }
}
