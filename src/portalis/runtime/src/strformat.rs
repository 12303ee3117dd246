//! String formatting on values: `format(v, spec)`, f-string fields, `str.format` and
//! `%`-formatting, built on the value-free formatters in `format.rs`.

use crate::exc::*;
use crate::format::{self, FieldArg, FormatPiece, PercentArg};
use crate::value::*;

fn verr<T>(r: Result<T, String>) -> PyResult<T> {
    r.map_err(|m| PyErr::new(&VALUE_ERROR, m))
}

/// `format(v, spec)`, the work behind every f-string field.
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Int(i) => verr(format::format_int(*i, spec)),
        Value::BigInt(b) => format_big(b, spec),
        Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
        Value::Bool(b) => verr(format::format_int(*b as i64, spec)),
        Value::Float(f) => verr(format::format_float(*f, spec)),
        Value::Str(s) => verr(format::format_str(s, spec)),
        Value::Object(_) if !spec.is_empty() => {
            crate::classes::call_dunder(v, "__format__", vec![Value::str(spec)]).map(|r| r.to_str())
        }
        _ if spec.is_empty() => crate::classes::checked_text(|| v.to_str()),
        Value::Native(n) => match n.call_method("__format__", vec![Value::str(spec)], Vec::new()) {
            Err(e) if e.matches(&crate::exc::ATTRIBUTE_ERROR) => {
                type_error(format!("unsupported format string passed to {}.__format__", v.type_name()))
            }
            other => other.map(|r| r.to_str()),
        },
        _ => type_error(format!("unsupported format string passed to {}.__format__", v.type_name())),
    }
}

/// A big int under a format spec: the digits in the spec's base (with `,`/`_`
/// grouping for decimal), then fill, alignment and width as for text.
fn format_big(b: &crate::bigint::BigInt, spec: &str) -> PyResult<String> {
    let kind = spec.chars().last().filter(|c| c.is_ascii_alphabetic());
    let base = match kind {
        Some('x') | Some('X') => 16,
        Some('o') => 8,
        Some('b') => 2,
        Some('d') | None => 10,
        Some(_) => return verr(format::format_float(b.to_f64().map_err(crate::ops::int_error)?, spec)),
    };
    let mut digits = b.abs().to_string_radix(base);
    if kind == Some('X') {
        digits = digits.to_uppercase();
    }
    let body = spec.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let group = if body.ends_with(',') { Some(',') } else if body.ends_with('_') { Some('_') } else { None };
    if let Some(sep) = group {
        let bytes: Vec<char> = digits.chars().collect();
        let mut out = String::new();
        for (i, c) in bytes.iter().enumerate() {
            if i > 0 && (bytes.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(*c);
        }
        digits = out;
    }
    let layout = body.trim_end_matches(|c| c == ',' || c == '_');
    let sign = if b.is_negative() {
        "-"
    } else if layout.contains('+') {
        "+"
    } else {
        ""
    };
    let text = format!("{}{}", sign, digits);
    let layout: String = layout.chars().filter(|c| *c != '+' && *c != '-' && *c != ' ').collect();
    let layout = if layout.starts_with('0') && !layout.contains(['<', '>', '^', '=']) {
        format!("0>{}", &layout[1..])
    } else {
        layout
    };
    let default_right = if layout.chars().any(|c| matches!(c, '<' | '>' | '^')) { layout } else { format!(">{}", layout) };
    verr(format::format_str(&text, &default_right))
}

/// An f-string field holding a native float: `format(x, spec)` without boxing it.
pub fn float_field(x: f64, spec: &str) -> PyResult<String> {
    verr(format::format_float(x, spec))
}

/// An f-string field holding a machine int.
pub fn int_field(i: i64, spec: &str) -> PyResult<String> {
    verr(format::format_int(i, spec))
}

/// An f-string field holding a native str, under a format spec.
pub fn str_field(s: &str, spec: &str) -> PyResult<String> {
    verr(format::format_str(s, spec))
}

/// An f-string field: optional `!r`/`!s`/`!a` conversion, then the format spec.
pub fn format_field(v: &Value, conversion: Option<char>, spec: &str) -> PyResult<String> {
    match conversion {
        Some('r') | Some('a') => format_value(&Value::string(crate::classes::checked_text(|| v.repr())?), spec),
        Some('s') => format_value(&Value::string(crate::classes::checked_text(|| v.to_str())?), spec),
        _ => format_value(v, spec),
    }
}

/// `template.format(*pos, **kw)`.
pub fn str_format(template: &str, pos: &[Value], kw: &[(&str, Value)]) -> PyResult<String> {
    let pieces = verr(format::parse_format_template(template))?;
    render(&pieces, pos, kw)
}

fn render(pieces: &[FormatPiece], pos: &[Value], kw: &[(&str, Value)]) -> PyResult<String> {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            FormatPiece::Literal(text) => out.push_str(text),
            FormatPiece::Field(field) => {
                let mut value = match &field.arg {
                    FieldArg::Index(i) => match pos.get(*i) {
                        Some(v) => v.clone(),
                        None => {
                            return index_error(format!(
                                "Replacement index {} out of range for positional args tuple",
                                i
                            ))
                        }
                    },
                    FieldArg::Keyword(name) => match kw.iter().find(|(k, _)| *k == name.as_str()) {
                        Some((_, v)) => v.clone(),
                        None => return key_error(&Value::str(name)),
                    },
                };
                value = apply_accessors(value, &field.accessors)?;
                let spec = render(&field.spec, pos, kw)?;
                out.push_str(&format_field(&value, field.conversion, &spec)?);
            }
        }
    }
    Ok(out)
}

/// `{0[1]}` and `{p.x}` accessors.
fn apply_accessors(mut value: Value, accessors: &str) -> PyResult<Value> {
    let mut rest = accessors;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']').unwrap_or(after.len());
            let key = &after[..close];
            let index = match key.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => Value::str(key),
            };
            value = crate::ops::getitem(&value, &index)?;
            rest = after.get(close + 1..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(|c| c == '.' || c == '[').unwrap_or(after.len());
            let name: &'static str = Box::leak(after[..end].to_string().into_boxed_str());
            value = crate::classes::getattr(&value, name)?;
            rest = &after[end..];
        } else {
            return value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    Ok(value)
}

fn percent_arg(v: &Value) -> PercentArg {
    match v {
        Value::Int(i) => PercentArg::Int(*i),
        Value::Bool(b) => PercentArg::Bool(*b),
        Value::Float(f) => PercentArg::Float(*f),
        Value::Str(s) => PercentArg::Str(s.to_string()),
        _ => {
            // A number beyond i64 or a library number (Decimal, Fraction): its float and
            // integer values for %f and %d.
            let number = |method: &str| match v {
                Value::BigInt(_) => Some(v.clone()),
                Value::Native(n) => n.call_method(method, Vec::new(), Vec::new()).ok(),
                _ => None,
            };
            PercentArg::Other {
                type_name: v.type_name().to_string(),
                text: v.to_str(),
                repr: v.repr(),
                real: number("__float__").and_then(|f| f.as_f64()),
                whole: number("__int__").map(|i| i.to_str()),
            }
        }
    }
}

/// `fmt % args`: a tuple gives several arguments, anything else is one; a
/// dict or list operand also serves `%(key)s` conversions by subscription.
pub fn percent(fmt: &str, args: &Value) -> PyResult<Value> {
    let list: Vec<PercentArg> = match args {
        Value::Tuple(items) => items.iter().map(percent_arg).collect(),
        v => vec![percent_arg(v)],
    };
    let lookup_error: std::cell::RefCell<Option<PyErr>> = std::cell::RefCell::new(None);
    let find = |key: &str| -> Result<PercentArg, String> {
        match crate::ops::getitem(args, &Value::str(key)) {
            Ok(v) => Ok(percent_arg(&v)),
            Err(e) => {
                *lookup_error.borrow_mut() = Some(e);
                Err(String::new())
            }
        }
    };
    let is_mapping = matches!(args, Value::Dict(_) | Value::List(_));
    let lookup: Option<format::PercentLookup> = if is_mapping { Some(&find) } else { None };
    let result = format::percent_format_mapping(fmt, &list, lookup);
    if let Some(err) = lookup_error.borrow_mut().take() {
        return Err(err);
    }
    result.map(Value::string).map_err(|m| {
        let ty = if m.starts_with("not enough")
            || m.starts_with("not all")
            || m.contains("required")
            || m == "format requires a mapping"
        {
            &TYPE_ERROR
        } else {
            &VALUE_ERROR
        };
        PyErr::new(ty, m)
    })
}
