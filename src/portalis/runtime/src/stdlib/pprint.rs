//! `pprint.pprint`, `pprint.pformat` and `pprint.pp`: CPython's PrettyPrinter layout
//! (dicts sorted unless `sort_dicts=False`, containers broken one item a line when their
//! repr exceeds the width, long strings split into adjacent literals, `compact` packing).

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;

struct Printer {
    width: i64,
    indent_per_level: i64,
    compact: bool,
    sort_dicts: bool,
}

fn chars(s: &str) -> i64 {
    s.chars().count() as i64
}

impl Printer {
    fn from_args(a: &Args, sort_default: bool) -> PyResult<Printer> {
        let int = |i: usize, name: &str, d: i64| -> PyResult<i64> { Ok(a.opt_int(i, name)?.unwrap_or(d)) };
        let p = Printer {
            indent_per_level: int(usize::MAX, "indent", 1)?,
            width: int(usize::MAX, "width", 80)?,
            compact: a.get(usize::MAX, "compact").map_or(false, |v| v.truthy()),
            sort_dicts: a.get(usize::MAX, "sort_dicts").map_or(sort_default, |v| v.truthy()),
        };
        if p.indent_per_level < 0 {
            return value_error("indent must be >= 0");
        }
        if p.width < 0 {
            return value_error("width must be != 0");
        }
        if a.get(usize::MAX, "depth").map_or(false, |v| !v.is_none()) {
            return value_error("pprint depth limits are not supported by this translation");
        }
        Ok(p)
    }

    /// Dict items in print order.
    fn dict_items(&self, d: &Dict) -> PyResult<Vec<(Value, Value)>> {
        let mut keys: Vec<Value> = d.keys().cloned().collect();
        if self.sort_dicts {
            sort_safely(&mut keys);
        }
        Ok(keys.into_iter().map(|k| (k.clone(), d.get(&k).cloned().unwrap_or_default())).collect())
    }

    /// PrettyPrinter's `_safe_repr`: the one-line repr, with dicts in print order.
    fn repr(&self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Dict(d) if d.borrow().kind == DictKind::Dict => {
                let items = self.dict_items(&d.borrow())?;
                let parts = items
                    .iter()
                    .map(|(k, x)| Ok(format!("{}: {}", self.repr(k)?, self.repr(x)?)))
                    .collect::<PyResult<Vec<String>>>()?;
                format!("{{{}}}", parts.join(", "))
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                format!("[{}]", items.iter().map(|x| self.repr(x)).collect::<PyResult<Vec<_>>>()?.join(", "))
            }
            Value::Tuple(t) if t.len() == 1 => format!("({},)", self.repr(&t[0])?),
            Value::Tuple(t) => format!("({})", t.iter().map(|x| self.repr(x)).collect::<PyResult<Vec<_>>>()?.join(", ")),
            _ => v.repr(),
        })
    }

    fn format(&self, out: &mut String, v: &Value, indent: i64, allowance: i64, level: i64) -> PyResult<()> {
        let rep = self.repr(v)?;
        if chars(&rep) <= self.width - indent - allowance {
            out.push_str(&rep);
            return Ok(());
        }
        match v {
            Value::Dict(d) if d.borrow().kind == DictKind::Dict => {
                out.push('{');
                self.pad(out);
                let items = self.dict_items(&d.borrow())?;
                if !items.is_empty() {
                    self.dict_items_out(out, &items, indent, allowance + 1, level + 1)?;
                }
                out.push('}');
            }
            Value::List(l) => {
                out.push('[');
                let items = l.borrow().clone();
                self.items(out, &items, indent, allowance + 1, level + 1)?;
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                let end = if t.len() == 1 { ",)" } else { ")" };
                self.items(out, t, indent, allowance + chars(end), level + 1)?;
                out.push_str(end);
            }
            Value::Set(_) | Value::FrozenSet(_) => {
                let mut items = crate::iter::collect_vec(v)?;
                if items.is_empty() {
                    out.push_str(&rep);
                    return Ok(());
                }
                sort_safely(&mut items);
                let (open, end, extra) = if matches!(v, Value::Set(_)) { ("{", "}", 0) } else { ("frozenset({", "})", 10) };
                out.push_str(open);
                self.items(out, &items, indent + extra, allowance + chars(end), level + 1)?;
                out.push_str(end);
            }
            Value::Str(s) => self.string(out, s, indent, allowance, level + 1),
            _ => out.push_str(&rep),
        }
        Ok(())
    }

    fn pad(&self, out: &mut String) {
        if self.indent_per_level > 1 {
            out.push_str(&" ".repeat((self.indent_per_level - 1) as usize));
        }
    }

    fn dict_items_out(&self, out: &mut String, items: &[(Value, Value)], indent: i64, allowance: i64, level: i64) -> PyResult<()> {
        let indent = indent + self.indent_per_level;
        let delim = format!(",\n{}", " ".repeat(indent as usize));
        for (i, (k, v)) in items.iter().enumerate() {
            let last = i + 1 == items.len();
            let rep = self.repr(k)?;
            out.push_str(&rep);
            out.push_str(": ");
            self.format(out, v, indent + chars(&rep) + 2, if last { allowance } else { 1 }, level)?;
            if !last {
                out.push_str(&delim);
            }
        }
        Ok(())
    }

    fn items(&self, out: &mut String, items: &[Value], indent: i64, allowance: i64, level: i64) -> PyResult<()> {
        let indent = indent + self.indent_per_level;
        self.pad(out);
        let delimnl = format!(",\n{}", " ".repeat(indent as usize));
        let mut delim = String::new();
        let mut max_width = self.width - indent + 1;
        let mut width = max_width;
        for (i, item) in items.iter().enumerate() {
            let last = i + 1 == items.len();
            if last {
                max_width -= allowance;
                width -= allowance;
            }
            if self.compact {
                let rep = self.repr(item)?;
                let w = chars(&rep) + 2;
                if width < w {
                    width = max_width;
                    if !delim.is_empty() {
                        delim = delimnl.clone();
                    }
                }
                if width >= w {
                    width -= w;
                    out.push_str(&delim);
                    delim = ", ".to_string();
                    out.push_str(&rep);
                    continue;
                }
            }
            out.push_str(&delim);
            delim = delimnl.clone();
            self.format(out, item, indent, if last { allowance } else { 1 }, level)?;
        }
        Ok(())
    }

    /// A long string as adjacent literals, split at line ends and then between words.
    fn string(&self, out: &mut String, s: &str, mut indent: i64, mut allowance: i64, level: i64) {
        if s.is_empty() {
            out.push_str("''");
            return;
        }
        let lines = crate::strmethods::splitlines(s, true);
        if level == 1 {
            indent += 1;
            allowance += 1;
        }
        let max_width = self.width - indent;
        let mut max_width1 = max_width;
        let mut chunks: Vec<String> = Vec::new();
        let mut last_rep = String::new();
        for (i, line) in lines.iter().enumerate() {
            let rep = crate::format::python_str_repr(line);
            last_rep = rep.clone();
            let last_line = i + 1 == lines.len();
            if last_line {
                max_width1 -= allowance;
            }
            if chars(&rep) <= max_width1 {
                chunks.push(rep);
                continue;
            }
            let parts = words_with_space(line);
            let mut max_width2 = max_width;
            let mut current = String::new();
            for (j, part) in parts.iter().enumerate() {
                let candidate = format!("{}{}", current, part);
                if j + 1 == parts.len() && last_line {
                    max_width2 -= allowance;
                }
                if chars(&crate::format::python_str_repr(&candidate)) > max_width2 {
                    if !current.is_empty() {
                        chunks.push(crate::format::python_str_repr(&current));
                    }
                    current = part.clone();
                } else {
                    current = candidate;
                }
            }
            if !current.is_empty() {
                chunks.push(crate::format::python_str_repr(&current));
            }
        }
        if chunks.len() == 1 {
            out.push_str(&last_rep);
            return;
        }
        if level == 1 {
            out.push('(');
        }
        for (i, rep) in chunks.iter().enumerate() {
            if i > 0 {
                out.push('\n');
                out.push_str(&" ".repeat(indent as usize));
            }
            out.push_str(rep);
        }
        if level == 1 {
            out.push(')');
        }
    }
}

/// `re.findall(r'\S*\s*', line)` without its final empty match.
fn words_with_space(line: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_space = false;
    for c in line.chars() {
        if !c.is_whitespace() && in_space {
            parts.push(std::mem::take(&mut current));
            in_space = false;
        }
        if c.is_whitespace() {
            in_space = true;
        }
        current.push(c);
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// pprint's `_safe_key` order: natural order, or by type name then repr when the
/// values cannot be compared.
fn sort_safely(items: &mut Vec<Value>) {
    if crate::builtins::sort_values(items, None, false).is_err() {
        items.sort_by(|a, b| (a.type_name(), a.repr()).cmp(&(b.type_name(), b.repr())));
    }
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    let obj = a.req(0, "object")?;
    let printer = Printer::from_args(a, name != "pprint.pp")?;
    let mut out = String::new();
    printer.format(&mut out, obj, 0, 0, 0)?;
    match name {
        "pprint.pformat" => Ok(Value::string(out)),
        "pprint.pprint" | "pprint.pp" => {
            if a.get(1, "stream").map_or(false, |s| !s.is_none()) {
                out.push('\n');
                crate::methods::call_method(a.req(1, "stream")?, "write", vec![Value::string(out)])?;
            } else {
                out.push('\n');
                crate::io::write_stdout(&out);
            }
            Ok(Value::None)
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'pprint' has no attribute '{}'", &name[7..]))),
    }
}
