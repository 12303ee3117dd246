//! `bisect`: binary search and sorted insertion on any sequence, with `lo`, `hi` and
//! `key=` as in CPython.

use crate::builtins::call as call_value;
use crate::exc::*;
use crate::methods::{call_method, Args};
use crate::ops;
use crate::value::*;

/// `bisect.<name>(a, x, lo=0, hi=len(a), *, key=None)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    let seq = a.req(0, "a")?;
    let x = a.req(1, "x")?;
    let key = a.get(4, "key").filter(|k| !k.is_none());
    let right = !name.ends_with("_left");
    match name {
        "bisect.bisect" | "bisect.bisect_left" | "bisect.bisect_right" => {
            search(seq, x, a, key, right).map(|i| Value::Int(i as i64))
        }
        "bisect.insort" | "bisect.insort_left" | "bisect.insort_right" => {
            let k = match key {
                Some(f) => call_value(f, vec![x.clone()])?,
                None => x.clone(),
            };
            let i = search(seq, &k, a, key, right)?;
            call_method(seq, "insert", vec![Value::Int(i as i64), x.clone()])
        }
        _ => type_error(format!("{} is not available", name)),
    }
}

fn search(seq: &Value, x: &Value, a: &Args, key: Option<&Value>, right: bool) -> PyResult<i64> {
    let lo = a.opt_int(2, "lo")?.unwrap_or(0);
    if lo < 0 {
        return value_error("lo must be non-negative");
    }
    let hi = match a.opt_int(3, "hi")? {
        Some(h) => h,
        None => ops::len(seq)?,
    };
    position(seq, x, lo, hi, key, right)
}

/// The insertion point for `x` in `seq[lo:hi]`: before equal items, or after them when
/// `right`.
pub fn position(seq: &Value, x: &Value, mut lo: i64, mut hi: i64, key: Option<&Value>, right: bool) -> PyResult<i64> {
    while lo < hi {
        let mid = (lo + hi) / 2;
        let mut item = ops::getitem(seq, &Value::Int(mid))?;
        if let Some(f) = key {
            item = call_value(f, vec![item])?;
        }
        let go_right = if right { !ops::lt(x, &item)?.truthy() } else { ops::lt(&item, x)?.truthy() };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}
