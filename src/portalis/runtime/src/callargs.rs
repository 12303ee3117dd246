//! Keyword arguments through the dynamic call convention.
//!
//! Methods, closures and function values take `args: Vec<Value>`.  A call that names
//! arguments appends one `Kwargs` marker holding the (name, value) pairs; the callee's
//! prologue (`bind`) matches them to its parameters exactly as CPython does, with
//! CPython's TypeErrors for unexpected, repeated and missing arguments.

use crate::exc::*;
use crate::value::*;
use std::rc::Rc;

/// The named arguments of one call, travelling as the last positional value.
pub struct Kwargs(pub Vec<(Rc<str>, Value)>);

impl NativeObject for Kwargs {
    fn type_name(&self) -> &'static str {
        "dict"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        type_error(format!("keyword arguments have no method {}()", name))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        type_error(format!("keyword arguments have no attribute {}", name))
    }
    fn repr(&self) -> String {
        let parts: Vec<String> = self.0.iter().map(|(k, v)| format!("'{}': {}", k, v.repr())).collect();
        format!("{{{}}}", parts.join(", "))
    }
    fn keywords(&self) -> Option<&[(Rc<str>, Value)]> {
        Some(&self.0)
    }
}

/// `pos` followed by the marker for `kw` (nothing when there are no keywords).
pub fn with_kwargs(mut pos: Vec<Value>, kw: Vec<(&str, Value)>) -> Vec<Value> {
    if !kw.is_empty() {
        pos.push(Value::Native(Rc::new(Kwargs(kw.into_iter().map(|(k, v)| (Rc::from(k), v)).collect()))));
    }
    pos
}

/// `pos` followed by the marker for the `**mapping` of a call (merged into the marker
/// `pos` may already end with); a key given twice is CPython's TypeError, naming `callee`.
pub fn with_kwargs_mapping(mut pos: Vec<Value>, mapping: &Value, callee: &str) -> PyResult<Vec<Value>> {
    let mut pairs = split_kwargs(&mut pos);
    if let Value::Dict(d) = mapping {
        for (k, v) in d.borrow().iter() {
            match k {
                Value::Str(s) if pairs.iter().any(|(name, _)| name == s) => {
                    return type_error(format!("{}() got multiple values for keyword argument '{}'", callee, s));
                }
                Value::Str(s) => pairs.push((s.clone(), v.clone())),
                _ => return type_error("keywords must be strings".to_string()),
            }
        }
    } else {
        return type_error(format!("argument after ** must be a mapping, not {}", mapping.type_name()));
    }
    if !pairs.is_empty() {
        pos.push(Value::Native(Rc::new(Kwargs(pairs))));
    }
    Ok(pos)
}

/// Remove the marker from `args`, returning its pairs.
pub fn split_kwargs(args: &mut Vec<Value>) -> Vec<(Rc<str>, Value)> {
    let has = matches!(args.last(), Some(Value::Native(n)) if n.keywords().is_some());
    if !has {
        return Vec::new();
    }
    match args.pop() {
        Some(Value::Native(n)) => n.keywords().map(|k| k.to_vec()).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The arguments of one call matched to the callee's parameters.
pub struct Bound {
    slots: Vec<Option<Value>>,
    rest: Vec<Value>,
    extra: Vec<(Rc<str>, Value)>,
}

impl Bound {
    /// Whether parameter `i` got a value (else its default applies).
    pub fn given(&self, i: usize) -> bool {
        self.slots[i].is_some()
    }
    /// The value of parameter `i`.
    pub fn take(&mut self, i: usize) -> Value {
        self.slots[i].take().unwrap_or_default()
    }
    /// `*args`: the positional values beyond the parameters.
    pub fn star(&mut self) -> Value {
        Value::tuple(std::mem::take(&mut self.rest))
    }
    /// `**kwargs`: the keywords no parameter took.
    pub fn star_star(&mut self) -> PyResult<Value> {
        let pairs: Vec<(Value, Value)> =
            std::mem::take(&mut self.extra).into_iter().map(|(k, v)| (Value::Str(k), v)).collect();
        crate::methods::dict_from_pairs(pairs)
    }
}

fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Match `args` to `params` (the first `positional` of them positional, the rest
/// keyword-only); `has_default[i]` tells whether parameter `i` may be left out.
pub fn bind(
    name: &str,
    mut args: Vec<Value>,
    params: &[&str],
    positional: usize,
    has_default: &[bool],
    vararg: bool,
    kwarg: bool,
) -> PyResult<Bound> {
    let keywords_given = matches!(args.last(), Some(Value::Native(n)) if n.keywords().is_some());
    if !keywords_given && args.len() == positional && positional == params.len() {
        // the common call: every parameter by position (the Vec is reused for the slots)
        return Ok(Bound { slots: args.into_iter().map(Some).collect(), rest: Vec::new(), extra: Vec::new() });
    }
    let keywords = split_kwargs(&mut args);
    let mut slots: Vec<Option<Value>> = vec![None; params.len()];
    let mut rest = Vec::new();
    let given = args.len();
    if given > positional && !vararg {
        let least = has_default[..positional].iter().filter(|d| !**d).count();
        crate::builtins::check_arity(name, given, least, positional)?;
    }
    for (i, v) in args.into_iter().enumerate() {
        if i < positional {
            slots[i] = Some(v);
        } else {
            rest.push(v);
        }
    }
    let mut extra = Vec::new();
    for (key, value) in keywords {
        match params.iter().position(|p| **p == *key) {
            Some(i) if slots[i].is_some() => {
                return type_error(format!("{}() got multiple values for argument '{}'", name, key));
            }
            Some(i) => slots[i] = Some(value),
            None if kwarg => extra.push((key, value)),
            None => {
                return type_error(format!("{}() got an unexpected keyword argument '{}'", name, key));
            }
        }
    }
    let missing = |range: std::ops::Range<usize>| -> Vec<&str> {
        range.filter(|i| slots[*i].is_none() && !has_default[*i]).map(|i| params[i]).collect()
    };
    for (range, kind) in [(0..positional, "positional"), (positional..params.len(), "keyword-only")] {
        let names = missing(range);
        if !names.is_empty() {
            return type_error(format!(
                "{}() missing {} required {} argument{}: {}",
                name,
                names.len(),
                kind,
                if names.len() == 1 { "" } else { "s" },
                quoted_list(&names)
            ));
        }
    }
    Ok(Bound { slots, rest, extra })
}
