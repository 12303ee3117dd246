//! `List<T>`: a Python list of native elements behind a shared handle.

use std::cell::RefCell;
use std::rc::Rc;

use super::Elem;
use crate::ops::{norm_index, pick, slice_indices};
use crate::{index_error, value_error, PyResult, Value};

/// A Python list of `T`s; `clone` is an alias of the same list (see the module docs).
pub struct List<T>(Rc<RefCell<Vec<T>>>);

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        List(self.0.clone())
    }
}

impl<T: Elem> Default for List<T> {
    fn default() -> Self {
        List::from_vec(Vec::new())
    }
}

impl<T: Elem> Elem for List<T> {
    fn to_value(&self) -> Value {
        Value::list(self.0.borrow().iter().map(Elem::to_value).collect())
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        List::from_value(v)
    }
    fn py_lt(&self, other: &Self) -> bool {
        let (a, b) = (self.0.borrow(), other.0.borrow());
        for (x, y) in a.iter().zip(b.iter()) {
            if x.py_lt(y) {
                return true;
            }
            if y.py_lt(x) {
                return false;
            }
        }
        a.len() < b.len()
    }
    fn py_eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        let (a, b) = (self.0.borrow(), other.0.borrow());
        a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.py_eq(y))
    }
}

impl<T: Elem> List<T> {
    pub fn from_vec(items: Vec<T>) -> Self {
        List(Rc::new(RefCell::new(items)))
    }

    /// `[a, b] * n` (a count below one gives the empty list, as in Python).
    pub fn repeat(items: Vec<T>, n: i64) -> Self {
        let n = n.max(0) as usize;
        let mut out = Vec::with_capacity(items.len() * n);
        for _ in 0..n {
            out.extend(items.iter().cloned());
        }
        List::from_vec(out)
    }

    /// A new typed list with the items of any iterable `Value` (`list(x)`, `sorted(x)`).
    pub fn from_value(v: &Value) -> PyResult<Self> {
        if let Value::List(items) = v {
            let items = items.borrow();
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                out.push(T::from_value(item)?);
            }
            return Ok(List::from_vec(out));
        }
        let mut out = Vec::new();
        let mut it = crate::iter::iterate(v)?;
        while let Some(item) = it.next()? {
            out.push(T::from_value(&item)?);
        }
        Ok(List::from_vec(out))
    }

    /// A copy as a `Value` list (nested typed lists are copied too).
    pub fn to_value(&self) -> Value {
        Elem::to_value(self)
    }

    pub fn len(&self) -> i64 {
        self.0.borrow().len() as i64
    }

    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }

    /// `lst[i]`, counting from the end for a negative `i`.
    #[inline]
    pub fn get(&self, i: i64) -> PyResult<T> {
        let items = self.0.borrow();
        match norm_index(i, items.len()) {
            Some(j) => Ok(items[j].clone()),
            None => index_error("list index out of range"),
        }
    }

    /// `lst[i] = value`.
    #[inline]
    pub fn set(&self, i: i64, value: T) -> PyResult<()> {
        let mut items = self.0.borrow_mut();
        match norm_index(i, items.len()) {
            Some(j) => {
                items[j] = value;
                Ok(())
            }
            None => index_error("list assignment index out of range"),
        }
    }

    #[inline]
    pub fn append(&self, value: T) {
        self.0.borrow_mut().push(value);
    }

    /// `lst.pop()`.
    pub fn pop(&self) -> PyResult<T> {
        match self.0.borrow_mut().pop() {
            Some(v) => Ok(v),
            None => index_error("pop from empty list"),
        }
    }

    /// `lst.pop(i)`.
    pub fn pop_at(&self, i: i64) -> PyResult<T> {
        let mut items = self.0.borrow_mut();
        if items.is_empty() {
            return index_error("pop from empty list");
        }
        match norm_index(i, items.len()) {
            Some(j) => Ok(items.remove(j)),
            None => index_error("pop index out of range"),
        }
    }

    /// `lst.insert(i, value)`: an index past either end clamps to it.
    pub fn insert(&self, i: i64, value: T) {
        let mut items = self.0.borrow_mut();
        let len = items.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        items.insert(at as usize, value);
    }

    /// `lst[start:stop:step]`, a new list.
    pub fn slice(&self, start: &Value, stop: &Value, step: &Value) -> PyResult<List<T>> {
        let items = self.0.borrow();
        let (a, _, s, n) = slice_indices(items.len(), start, stop, step)?;
        Ok(List::from_vec(pick(&items, a, s, n)))
    }

    /// `lst.copy()` and `lst[:]`.
    pub fn copy(&self) -> List<T> {
        List::from_vec(self.0.borrow().clone())
    }

    /// `lst.extend(other)` and `lst += other` (`other` may be `lst` itself).
    pub fn extend(&self, other: &List<T>) {
        let added = other.0.borrow().clone();
        self.0.borrow_mut().extend(added);
    }

    /// `a + b`, a new list.
    pub fn concat(&self, other: &List<T>) -> List<T> {
        let mut out = self.0.borrow().clone();
        out.extend(other.0.borrow().iter().cloned());
        List::from_vec(out)
    }

    /// `value in lst`.
    pub fn contains(&self, value: &T) -> bool {
        self.0.borrow().iter().any(|x| x.py_eq(value))
    }

    /// `lst.remove(value)`: the first item equal to it.
    pub fn remove(&self, value: &T) -> PyResult<()> {
        let mut items = self.0.borrow_mut();
        match items.iter().position(|x| x.py_eq(value)) {
            Some(i) => {
                items.remove(i);
                Ok(())
            }
            None => value_error("list.remove(x): x not in list"),
        }
    }

    pub fn reverse(&self) {
        self.0.borrow_mut().reverse();
    }

    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }

    /// `lst.sort()`: stable, by Python's `<`.
    pub fn sort(&self) {
        self.0.borrow_mut().sort_by(order);
    }

    /// `sorted(lst)`: a new sorted list.
    pub fn sorted(&self) -> List<T> {
        let out = self.copy();
        out.sort();
        out
    }

    /// An iterator that reads the list as it is when each item is asked for, like
    /// Python's list iterator (items appended during the loop are visited).
    pub fn iter(&self) -> ListIter<T> {
        ListIter { list: self.clone(), pos: 0 }
    }

    /// A snapshot of the items (for code that only reads them).
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().clone()
    }
}

/// `heapq` on a typed list: CPython's algorithm step for step, so that the list holds
/// the same items in the same order as Python's afterwards (equal items included).
impl<T: Elem> List<T> {
    /// `heapq.heappush(heap, item)`.
    pub fn heappush(&self, item: T) {
        let mut heap = self.0.borrow_mut();
        heap.push(item);
        let last = heap.len() - 1;
        sift_down(&mut heap, 0, last);
    }

    /// `heapq.heappop(heap)`: the smallest item.
    pub fn heappop(&self) -> PyResult<T> {
        let mut heap = self.0.borrow_mut();
        let last = match heap.pop() {
            Some(item) => item,
            None => return index_error("index out of range"),
        };
        if heap.is_empty() {
            return Ok(last);
        }
        let smallest = std::mem::replace(&mut heap[0], last);
        sift_up(&mut heap, 0);
        Ok(smallest)
    }

    /// `heapq.heapreplace(heap, item)`: pop, then push.
    pub fn heapreplace(&self, item: T) -> PyResult<T> {
        let mut heap = self.0.borrow_mut();
        if heap.is_empty() {
            return index_error("index out of range");
        }
        let smallest = std::mem::replace(&mut heap[0], item);
        sift_up(&mut heap, 0);
        Ok(smallest)
    }

    /// `heapq.heappushpop(heap, item)`: push, then pop.
    pub fn heappushpop(&self, item: T) -> T {
        let mut heap = self.0.borrow_mut();
        if heap.is_empty() || !heap[0].py_lt(&item) {
            return item;
        }
        let smallest = std::mem::replace(&mut heap[0], item);
        sift_up(&mut heap, 0);
        smallest
    }

    /// `heapq.heapify(x)`.
    pub fn heapify(&self) {
        let mut heap = self.0.borrow_mut();
        for i in (0..heap.len() / 2).rev() {
            sift_up(&mut heap, i);
        }
    }
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down<T: Elem>(heap: &mut [T], start: usize, mut pos: usize) {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !heap[pos].py_lt(&heap[parent]) {
            break;
        }
        heap.swap(pos, parent);
        pos = parent;
    }
}

/// Moves the smaller child up until a leaf is reached, then sifts the item placed
/// there down: CPython's `_siftup`, which does fewer comparisons than a plain sift.
fn sift_up<T: Elem>(heap: &mut [T], mut pos: usize) {
    let (end, start) = (heap.len(), pos);
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !heap[child].py_lt(&heap[right]) {
            child = right;
        }
        heap.swap(pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(heap, start, pos);
}

fn order<T: Elem>(a: &T, b: &T) -> std::cmp::Ordering {
    if a.py_lt(b) {
        std::cmp::Ordering::Less
    } else if b.py_lt(a) {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// See `List::iter`.
pub struct ListIter<T> {
    list: List<T>,
    pos: usize,
}

impl<T: Elem> Iterator for ListIter<T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        let item = self.list.0.borrow().get(self.pos).cloned();
        self.pos += 1;
        item
    }
}
