//! `heapq`: binary min-heaps kept in plain lists, with CPython's sift algorithms so a
//! heap prints element for element as it does in CPython.

use crate::builtins::sort_values;
use crate::exc::*;
use crate::iter::collect_vec;
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
                sift_down(h, 0, last)
            })
            .map(|_| Value::None)
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
            sift_up(h, 0)?;
            Ok(top)
        }),
        "heapq.heapreplace" => {
            let item = a.req(1, "item")?.clone();
            with_heap(a, |h| {
                if h.is_empty() {
                    return index_error("index out of range");
                }
                let top = std::mem::replace(&mut h[0], item);
                sift_up(h, 0)?;
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
                sift_up(h, 0)?;
                Ok(top)
            })
        }
        "heapq.heapify" => with_heap(a, |h| {
            for i in (0..h.len() / 2).rev() {
                sift_up(h, i)?;
            }
            Ok(Value::None)
        }),
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
        _ => return type_error("heap argument must be a list"),
    };
    let mut items = std::mem::take(&mut *list.borrow_mut());
    let result = f(&mut items);
    *list.borrow_mut() = items;
    result
}

fn less(a: &Value, b: &Value) -> PyResult<bool> {
    ops::lt(a, b).map(|v| v.truthy())
}

/// CPython's `_siftdown`: move the item at `pos` up towards `start` while it is smaller
/// than its parent.
fn sift_down(h: &mut [Value], start: usize, mut pos: usize) -> PyResult<()> {
    let item = h[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !less(&item, &h[parent])? {
            break;
        }
        h[pos] = h[parent].clone();
        pos = parent;
    }
    h[pos] = item;
    Ok(())
}

/// CPython's `_siftup`: move the smaller child up until a leaf is reached, put the item
/// there, then sift it back down.
fn sift_up(h: &mut [Value], mut pos: usize) -> PyResult<()> {
    let (end, start) = (h.len(), pos);
    let item = h[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !less(&h[child], &h[right])? {
            child = right;
        }
        h[pos] = h[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    h[pos] = item;
    sift_down(h, start, pos)
}
