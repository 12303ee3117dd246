//! `heapq`: binary min-heaps kept in plain lists, with CPython's sift algorithms so a
//! heap prints element for element as it does in CPython; `merge` is CPython's lazy
//! heap merge.

use crate::builtins::{call as call_value, sort_values};
use crate::exc::*;
use crate::iter::{collect_vec, iterate, Iter};
use crate::methods::Args;
use crate::ops;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// `heapq.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "heapq.heappush" => {
            let item = a.req(1, "item")?.clone();
            with_heap(a, |h| {
                h.push(item);
                let last = h.len() - 1;
                sift_down(h, 0, last, false).map(|_| Value::None)
            })
        }
        "heapq.heappop" => with_heap(a, |h| {
            let last = match h.pop() {
                Some(v) => v,
                None => return index_error("index out of range"),
            };
            if h.is_empty() {
                return Ok(last);
            }
            let top = std::mem::replace(&mut h[0], last);
            sift_up(h, 0, false)?;
            Ok(top)
        }),
        "heapq.heapreplace" => {
            let item = a.req(1, "item")?.clone();
            with_heap(a, |h| {
                if h.is_empty() {
                    return index_error("index out of range");
                }
                let top = std::mem::replace(&mut h[0], item);
                sift_up(h, 0, false)?;
                Ok(top)
            })
        }
        "heapq.heappushpop" => {
            let item = a.req(1, "item")?.clone();
            with_heap(a, |h| {
                if h.is_empty() || !less(&h[0], &item)? {
                    return Ok(item);
                }
                let top = std::mem::replace(&mut h[0], item);
                sift_up(h, 0, false)?;
                Ok(top)
            })
        }
        "heapq.heapify" => with_heap(a, |h| {
            for i in (0..h.len() / 2).rev() {
                sift_up(h, i, false)?;
            }
            Ok(Value::None)
        }),
        "heapq.merge" => merge(a),
        "heapq.nlargest" | "heapq.nsmallest" => {
            let n = a.req(0, "n")?.to_int()?;
            let mut items = collect_vec(a.req(1, "iterable")?)?;
            sort_values(&mut items, a.get(2, "key"), name == "heapq.nlargest")?;
            items.truncate(n.max(0) as usize);
            Ok(Value::list(items))
        }
        _ => type_error(format!("{} is not available", name)),
    }
}

/// Run `f` on the list in argument 0.  The items are moved out while `f` runs, so a
/// comparison that calls back into the program cannot meet a borrowed list.
fn with_heap(a: &Args, f: impl FnOnce(&mut Vec<Value>) -> PyResult<Value>) -> PyResult<Value> {
    let list: &Rc<RefCell<Vec<Value>>> = match a.req(0, "heap")? {
        Value::List(l) => l,
        v => return type_error(format!("{}() argument 1 must be list, not {}", a.method, v.type_name())),
    };
    let mut items = std::mem::take(&mut *list.borrow_mut());
    let result = f(&mut items);
    *list.borrow_mut() = items;
    result
}

fn less(a: &Value, b: &Value) -> PyResult<bool> {
    ops::lt(a, b).map(|v| v.truthy())
}

/// `a` belongs above `b`: smaller in a min-heap, larger in a max-heap.
fn above(a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        less(b, a)
    } else {
        less(a, b)
    }
}

/// CPython's `_siftdown` (`_siftdown_max`): move the item at `pos` up towards `start`
/// while it belongs above its parent.
fn sift_down(h: &mut [Value], start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let item = h[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !above(&item, &h[parent], max)? {
            break;
        }
        h[pos] = h[parent].clone();
        pos = parent;
    }
    h[pos] = item;
    Ok(())
}

/// CPython's `_siftup` (`_siftup_max`): move the better child up until a leaf is
/// reached, put the item there, then sift it back down.
fn sift_up(h: &mut [Value], mut pos: usize, max: bool) -> PyResult<()> {
    let (end, start) = (h.len(), pos);
    let item = h[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !above(&h[child], &h[right], max)? {
            child = right;
        }
        h[pos] = h[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    h[pos] = item;
    sift_down(h, start, pos, max)
}

/// One input of `merge`: its current item and the rest of it.
type Source = Option<(Value, Iter)>;

/// A heap entry of `merge`: the sort key and the input's signed position, which breaks
/// ties in favour of earlier inputs.
fn merge_entry(key: &Option<Value>, item: &Value, i: usize, reverse: bool) -> PyResult<Value> {
    let k = match key {
        Some(f) => call_value(f, vec![item.clone()])?,
        None => item.clone(),
    };
    let order = if reverse { -(i as i64) } else { i as i64 };
    Ok(Value::tuple(vec![k, Value::Int(order)]))
}

fn entry_source(entry: &Value) -> usize {
    match entry {
        Value::Tuple(t) => t[1].as_index().map_or(0, |o| o.unsigned_abs() as usize),
        _ => 0,
    }
}

/// `merge(*iterables, key=None, reverse=False)`: CPython's lazy heap merge.
fn merge(a: &Args) -> PyResult<Value> {
    let kw = |name: &str| a.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
    let key = kw("key").filter(|k| !k.is_none());
    let reverse = kw("reverse").map_or(false, |r| r.truthy());
    let mut sources: Vec<Source> = Vec::new();
    let mut heap = Vec::new();
    for (i, v) in a.pos.iter().enumerate() {
        let mut it = iterate(v)?;
        let first = it.next()?;
        if let Some(item) = &first {
            heap.push(merge_entry(&key, item, i, reverse)?);
        }
        sources.push(first.map(|item| (item, it)));
    }
    for i in (0..heap.len() / 2).rev() {
        sift_up(&mut heap, i, reverse)?;
    }
    let mut yielded: Option<usize> = None;
    Ok(Value::iter(move || {
        if let Some(i) = yielded.take() {
            let next = match sources[i].as_mut() {
                Some((_, it)) => it.next()?,
                None => None,
            };
            match next {
                Some(item) => {
                    heap[0] = merge_entry(&key, &item, i, reverse)?;
                    sources[i] = sources[i].take().map(|(_, it)| (item, it));
                    sift_up(&mut heap, 0, reverse)?;
                }
                None => {
                    sources[i] = None;
                    let last = heap.pop().unwrap_or_default();
                    if !heap.is_empty() {
                        heap[0] = last;
                        sift_up(&mut heap, 0, reverse)?;
                    }
                }
            }
        }
        let i = match heap.first() {
            Some(top) => entry_source(top),
            None => return Ok(None),
        };
        yielded = Some(i);
        Ok(sources[i].as_ref().map(|(item, _)| item.clone()))
    }))
}
