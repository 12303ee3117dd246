//! `str()` and `repr()` of every value, exactly as CPython writes them.

use crate::format::{float_repr, python_str_repr};
use crate::value::*;
use std::fmt::Write;

impl Value {
    /// `str(x)`.
    pub fn to_str(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            Value::Object(_) => crate::classes::object_str(self),
            Value::Exception(e) => e.message(),
            Value::Native(n) => n.str(),
            _ => self.repr(),
        }
    }

    /// `repr(x)`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        write_repr(&mut out, self, 0);
        out
    }
}

/// Containers nested deeper than this print as `[...]`, like CPython's recursion guard.
const MAX_DEPTH: usize = 200;

fn write_seq(out: &mut String, items: &[Value], open: &str, close: &str, depth: usize) {
    out.push_str(open);
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, v, depth + 1);
    }
    out.push_str(close);
}

pub fn write_repr(out: &mut String, v: &Value, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match v {
        Value::None => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => {
            let _ = write!(out, "{}", i);
        }
        Value::BigInt(b) => {
            let _ = write!(out, "{}", b);
        }
        Value::Float(f) => out.push_str(&float_repr(*f)),
        Value::Str(s) => out.push_str(&python_str_repr(s)),
        Value::List(l) => match l.try_borrow() {
            Ok(items) => write_seq(out, &items, "[", "]", depth),
            Err(_) => out.push_str("[...]"),
        },
        Value::Tuple(t) => {
            if t.len() == 1 {
                out.push('(');
                write_repr(out, &t[0], depth + 1);
                out.push_str(",)");
            } else {
                write_seq(out, t, "(", ")", depth);
            }
        }
        Value::Dict(d) => match d.try_borrow() {
            Ok(d) => write_dict(out, &d, depth),
            Err(_) => out.push_str("{...}"),
        },
        Value::Set(s) => {
            let s = s.borrow();
            if s.len() == 0 {
                out.push_str("set()");
            } else {
                let items: Vec<Value> = s.iter().cloned().collect();
                write_seq(out, &items, "{", "}", depth);
            }
        }
        Value::FrozenSet(s) => {
            if s.len() == 0 {
                out.push_str("frozenset()");
            } else {
                let items: Vec<Value> = s.iter().cloned().collect();
                write_seq(out, &items, "frozenset({", "})", depth);
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                let _ = write!(out, "range({}, {})", r.start, r.stop);
            } else {
                let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
            }
        }
        Value::Func(f) => {
            if crate::builtins::is_builtin_type(&f.name) {
                let _ = write!(out, "<class '{}'>", f.name);
            } else {
                let _ = write!(out, "<function {}>", f.name);
            }
        }
        Value::Iter(_) => out.push_str("<iterator object>"),
        Value::Object(_) => out.push_str(&crate::classes::object_repr(v)),
        Value::Exception(e) => {
            out.push_str(e.ty.short_name());
            write_seq(out, e.shown_args(), "(", ")", depth);
        }
        Value::Native(n) => out.push_str(&n.repr()),
        Value::Class(c) => {
            let _ = write!(out, "<class '__main__.{}'>", c.name);
        }
    }
}

fn write_entries<'a>(out: &mut String, entries: impl Iterator<Item = (&'a Value, &'a Value)>, depth: usize) {
    out.push('{');
    for (i, (k, v)) in entries.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, k, depth + 1);
        out.push_str(": ");
        write_repr(out, v, depth + 1);
    }
    out.push('}');
}

/// A dict and the mapping types that share its storage, each in CPython's format.
fn write_dict(out: &mut String, d: &Dict, depth: usize) {
    match d.kind {
        DictKind::Dict => write_entries(out, d.iter(), depth),
        DictKind::DefaultDict => {
            out.push_str("defaultdict(");
            match &d.factory {
                Some(f) => write_repr(out, f, depth + 1),
                None => out.push_str("None"),
            }
            out.push_str(", ");
            write_entries(out, d.iter(), depth);
            out.push(')');
        }
        DictKind::Counter => {
            out.push_str("Counter(");
            if d.len() > 0 {
                let ordered = crate::builtins::counter_most_common(d);
                write_entries(out, ordered.iter().map(|(k, v)| (k, v)), depth);
            }
            out.push(')');
        }
        DictKind::OrderedDict => {
            out.push_str("OrderedDict(");
            if d.len() > 0 {
                let pairs: Vec<Value> = d.iter().map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])).collect();
                write_seq(out, &pairs, "[", "]", depth);
            }
            out.push(')');
        }
    }
}
