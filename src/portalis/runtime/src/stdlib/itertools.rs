//! `itertools`: lazy iterator building blocks, each yielding values in CPython's order.
//! Combinatoric iterators follow the index algorithms of CPython's documentation.

use crate::builtins::call as call_value;
use crate::exc::*;
use crate::iter::{collect_vec, iterate, Iter};
use crate::methods::Args;
use crate::ops;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// `itertools.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "itertools.count" => count(a),
        "itertools.cycle" => cycle(a.req(0, "iterable")?),
        "itertools.repeat" => repeat(a),
        "itertools.accumulate" => accumulate(a),
        "itertools.chain" => chain(a.pos.clone()),
        "itertools.compress" => compress(a.req(0, "data")?, a.req(1, "selectors")?),
        "itertools.dropwhile" | "itertools.takewhile" => {
            let pred = a.req(0, "predicate")?.clone();
            let it = iterate(a.req(1, "iterable")?)?;
            Ok(if name == "itertools.dropwhile" { dropwhile(pred, it) } else { takewhile(pred, it) })
        }
        "itertools.filterfalse" => filterfalse(a.req(0, "predicate")?.clone(), iterate(a.req(1, "iterable")?)?),
        "itertools.groupby" => groupby(a),
        "itertools.islice" => islice(a),
        "itertools.pairwise" => pairwise(iterate(a.req(0, "iterable")?)?),
        "itertools.starmap" => starmap(a.req(0, "function")?.clone(), iterate(a.req(1, "iterable")?)?),
        "itertools.tee" => tee(a),
        "itertools.zip_longest" => zip_longest(a),
        "itertools.product" => product(a),
        "itertools.permutations" => {
            let pool = collect_vec(a.req(0, "iterable")?)?;
            let r = match a.opt_int(1, "r")? {
                Some(r) if r < 0 => return value_error("r must be non-negative"),
                Some(r) => r as usize,
                None => pool.len(),
            };
            Ok(permutations(pool, r))
        }
        "itertools.combinations" | "itertools.combinations_with_replacement" => {
            let pool = collect_vec(a.req(0, "iterable")?)?;
            let r = a.req(1, "r")?.to_int()?;
            if r < 0 {
                return value_error("r must be non-negative");
            }
            let replace = name == "itertools.combinations_with_replacement";
            Ok(combinations(pool, r as usize, replace))
        }
        _ => type_error(format!("{} is not available", name)),
    }
}

/// `itertools.chain` as a value: callable, with the `from_iterable` alternate constructor.
pub fn attribute(name: &str) -> Option<Value> {
    match name {
        "itertools.chain" => Some(Value::Native(Rc::new(ChainType))),
        _ => None,
    }
}

struct ChainType;

impl NativeObject for ChainType {
    fn type_name(&self) -> &'static str {
        "type"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        match name {
            "from_iterable" => from_iterable(iterate(a.req(0, "iterable")?)?),
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("type object 'itertools.chain' has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        "<class 'itertools.chain'>".to_string()
    }
    fn call(&self, args: Vec<Value>) -> PyResult<Value> {
        chain(args)
    }
}

fn chain(iterables: Vec<Value>) -> PyResult<Value> {
    from_iterable(Iter::Values(iterables.into_iter()))
}

/// `chain.from_iterable`: each inner iterable is opened only when it is reached.
fn from_iterable(mut outer: Iter) -> PyResult<Value> {
    let mut current: Option<Iter> = None;
    Ok(Value::iter(move || loop {
        if let Some(it) = current.as_mut() {
            if let Some(v) = it.next()? {
                return Ok(Some(v));
            }
        }
        match outer.next()? {
            Some(next) => current = Some(iterate(&next)?),
            None => return Ok(None),
        }
    }))
}

fn count(a: &Args) -> PyResult<Value> {
    let mut n = a.get(0, "start").cloned().unwrap_or(Value::Int(0));
    let step = a.get(1, "step").cloned().unwrap_or(Value::Int(1));
    for v in [&n, &step] {
        if v.as_f64().is_none() {
            return type_error("a number is required");
        }
    }
    Ok(Value::iter(move || {
        let next = ops::add(&n, &step)?;
        Ok(Some(std::mem::replace(&mut n, next)))
    }))
}

/// `cycle(iterable)`: the first pass is read lazily and remembered for the next ones.
fn cycle(iterable: &Value) -> PyResult<Value> {
    let mut it = Some(iterate(iterable)?);
    let mut saved: Vec<Value> = Vec::new();
    let mut pos = 0;
    Ok(Value::iter(move || {
        if let Some(source) = it.as_mut() {
            if let Some(v) = source.next()? {
                saved.push(v.clone());
                return Ok(Some(v));
            }
            it = None;
        }
        if saved.is_empty() {
            return Ok(None);
        }
        pos = pos % saved.len() + 1;
        Ok(Some(saved[pos - 1].clone()))
    }))
}

fn repeat(a: &Args) -> PyResult<Value> {
    let obj = a.req(0, "object")?.clone();
    let mut left = a.opt_int(1, "times")?.map(|t| t.max(0));
    Ok(Value::iter(move || match left.as_mut() {
        Some(0) => Ok(None),
        Some(n) => {
            *n -= 1;
            Ok(Some(obj.clone()))
        }
        None => Ok(Some(obj.clone())),
    }))
}

/// `accumulate(iterable, func=operator.add, *, initial=None)`.
fn accumulate(a: &Args) -> PyResult<Value> {
    let mut it = iterate(a.req(0, "iterable")?)?;
    let func = a.get(1, "func").filter(|f| !f.is_none()).cloned();
    let mut total: Option<Value> = None;
    let mut initial = a.get(2, "initial").filter(|v| !v.is_none()).cloned();
    Ok(Value::iter(move || {
        if let Some(first) = initial.take() {
            total = Some(first.clone());
            return Ok(Some(first));
        }
        let v = match it.next()? {
            Some(v) => v,
            None => return Ok(None),
        };
        let next = match (&total, &func) {
            (None, _) => v,
            (Some(t), Some(f)) => call_value(f, vec![t.clone(), v])?,
            (Some(t), None) => ops::add(t, &v)?,
        };
        total = Some(next.clone());
        Ok(Some(next))
    }))
}

fn compress(data: &Value, selectors: &Value) -> PyResult<Value> {
    let (mut data, mut selectors) = (iterate(data)?, iterate(selectors)?);
    Ok(Value::iter(move || loop {
        let (d, s) = match (data.next()?, selectors.next()?) {
            (Some(d), Some(s)) => (d, s),
            _ => return Ok(None),
        };
        if s.truthy() {
            return Ok(Some(d));
        }
    }))
}

fn test(pred: &Value, v: &Value) -> PyResult<bool> {
    if pred.is_none() {
        return Ok(v.truthy());
    }
    call_value(pred, vec![v.clone()]).map(|r| r.truthy())
}

fn dropwhile(pred: Value, mut it: Iter) -> Value {
    let mut dropping = true;
    Value::iter(move || {
        while let Some(v) = it.next()? {
            if !dropping || !test(&pred, &v)? {
                dropping = false;
                return Ok(Some(v));
            }
        }
        Ok(None)
    })
}

fn takewhile(pred: Value, mut it: Iter) -> Value {
    let mut done = false;
    Value::iter(move || {
        if done {
            return Ok(None);
        }
        match it.next()? {
            Some(v) if test(&pred, &v)? => Ok(Some(v)),
            _ => {
                done = true;
                Ok(None)
            }
        }
    })
}

fn filterfalse(pred: Value, mut it: Iter) -> PyResult<Value> {
    Ok(Value::iter(move || {
        while let Some(v) = it.next()? {
            if !test(&pred, &v)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }))
}

fn pairwise(mut it: Iter) -> PyResult<Value> {
    let mut prev: Option<Value> = None;
    Ok(Value::iter(move || {
        if prev.is_none() {
            prev = it.next()?;
        }
        let first = match prev.take() {
            Some(v) => v,
            None => return Ok(None),
        };
        match it.next()? {
            Some(second) => {
                prev = Some(second.clone());
                Ok(Some(Value::tuple(vec![first, second])))
            }
            None => Ok(None),
        }
    }))
}

fn starmap(f: Value, mut it: Iter) -> PyResult<Value> {
    Ok(Value::iter(move || match it.next()? {
        Some(args) => call_value(&f, collect_vec(&args)?).map(Some),
        None => Ok(None),
    }))
}

fn zip_longest(a: &Args) -> PyResult<Value> {
    let fill = a.kw.iter().find(|(k, _)| *k == "fillvalue").map_or(Value::None, |(_, v)| v.clone());
    let mut its: Vec<Option<Iter>> = a.pos.iter().map(|v| iterate(v).map(Some)).collect::<PyResult<_>>()?;
    Ok(Value::iter(move || {
        let mut row = Vec::with_capacity(its.len());
        let mut live = false;
        for slot in its.iter_mut() {
            let got = match slot.as_mut() {
                Some(it) => it.next()?,
                None => None,
            };
            match got {
                Some(v) => {
                    live = true;
                    row.push(v);
                }
                None => {
                    *slot = None;
                    row.push(fill.clone());
                }
            }
        }
        Ok(if live { Some(Value::tuple(row)) } else { None })
    }))
}

/// An `islice` argument as CPython reads it: None, or an int (anything else counts as -1).
fn islice_arg(v: Option<&Value>) -> Option<i64> {
    match v {
        None | Some(Value::None) => None,
        Some(v) => Some(v.as_index().unwrap_or(-1)),
    }
}

/// `islice(it, stop)` / `islice(it, start, stop[, step])`, consuming the source exactly
/// as far as CPython does.
fn islice(a: &Args) -> PyResult<Value> {
    let mut it = Some(iterate(a.req(0, "iterable")?)?);
    let (start, stop) = match a.pos.len() {
        0..=2 => (0, islice_arg(a.pos.get(1))),
        _ => (islice_arg(a.pos.get(1)).unwrap_or(0), islice_arg(a.pos.get(2))),
    };
    if stop == Some(-1) {
        return value_error("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    }
    if start < 0 || stop.map_or(false, |s| s < 0) {
        return value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    }
    let step = islice_arg(a.pos.get(3)).unwrap_or(1);
    if step < 1 {
        return value_error("Step for islice() must be a positive integer or None.");
    }
    let mut next = start;
    let mut seen = 0i64;
    Ok(Value::iter(move || {
        let source = match it.as_mut() {
            Some(s) => s,
            None => return Ok(None),
        };
        while seen < next {
            if source.next()?.is_none() {
                it = None;
                return Ok(None);
            }
            seen += 1;
        }
        if stop.map_or(false, |s| seen >= s) {
            it = None;
            return Ok(None);
        }
        let item = source.next()?;
        if item.is_none() {
            it = None;
            return Ok(None);
        }
        seen += 1;
        next = next.saturating_add(step);
        if let Some(s) = stop {
            next = next.min(s);
        }
        Ok(item)
    }))
}

/// The shared state of a `groupby`: the source, the current item and its key, and the
/// key of the group handed out last (a group iterator stops once the outer one moves on).
struct GroupState {
    it: Iter,
    key: Option<Value>,
    current: Option<(Value, Value)>,
    target: Option<Value>,
    generation: u64,
}

impl GroupState {
    /// Read the next item and its key; false at the end of the source.
    fn advance(&mut self) -> PyResult<bool> {
        let v = match self.it.next()? {
            Some(v) => v,
            None => return Ok(false),
        };
        let k = match &self.key {
            Some(f) => call_value(f, vec![v.clone()])?,
            None => v.clone(),
        };
        self.current = Some((k, v));
        Ok(true)
    }

    /// The current item's key equals the group's key.
    fn in_group(&self, target: &Option<Value>) -> bool {
        match (&self.current, target) {
            (None, None) => true,
            (Some((k, _)), Some(t)) => ops::values_equal(k, t),
            _ => false,
        }
    }
}

fn groupby(a: &Args) -> PyResult<Value> {
    let state = Rc::new(RefCell::new(GroupState {
        it: iterate(a.req(0, "iterable")?)?,
        key: a.get(1, "key").filter(|k| !k.is_none()).cloned(),
        current: None,
        target: None,
        generation: 0,
    }));
    Ok(Value::iter(move || {
        let mut s = state.borrow_mut();
        s.generation += 1;
        let target = s.target.clone();
        while s.in_group(&target) {
            if !s.advance()? {
                return Ok(None);
            }
        }
        let key = s.current.as_ref().map(|(k, _)| k.clone()).unwrap_or_default();
        s.target = Some(key.clone());
        let group = grouper(state.clone(), s.generation, key.clone());
        Ok(Some(Value::tuple(vec![key, group])))
    }))
}

/// One group of a `groupby`: items while their key matches and the outer iterator has
/// not moved on.
fn grouper(state: Rc<RefCell<GroupState>>, generation: u64, key: Value) -> Value {
    let (mut started, mut done) = (false, false);
    let target = Some(key);
    Value::iter(move || {
        let mut s = state.borrow_mut();
        if done {
            return Ok(None);
        }
        if started && !s.advance()? {
            done = true;
            return Ok(None);
        }
        started = true;
        if s.generation != generation || !s.in_group(&target) {
            done = true;
            return Ok(None);
        }
        Ok(s.current.as_ref().map(|(_, v)| v.clone()))
    })
}

/// `tee(iterable, n=2)`: independent iterators over one source, sharing what was read.
fn tee(a: &Args) -> PyResult<Value> {
    let n = a.opt_int(1, "n")?.unwrap_or(2);
    if n < 0 {
        return value_error("n must be >= 0");
    }
    let shared = Rc::new(RefCell::new((iterate(a.req(0, "iterable")?)?, Vec::<Value>::new())));
    let copies = (0..n)
        .map(|_| {
            let shared = shared.clone();
            let mut pos = 0;
            Value::iter(move || {
                let mut s = shared.borrow_mut();
                if pos == s.1.len() {
                    match s.0.next()? {
                        Some(v) => s.1.push(v),
                        None => return Ok(None),
                    }
                }
                pos += 1;
                Ok(Some(s.1[pos - 1].clone()))
            })
        })
        .collect();
    Ok(Value::tuple(copies))
}

/// Advance an odometer of indices (`limits[i]` values each, rightmost fastest); false
/// when it wraps around.
fn odometer_step(indices: &mut [usize], limits: &[usize]) -> bool {
    for i in (0..indices.len()).rev() {
        indices[i] += 1;
        if indices[i] < limits[i] {
            return true;
        }
        indices[i] = 0;
    }
    false
}

fn product(a: &Args) -> PyResult<Value> {
    let repeat = a.kw.iter().find(|(k, _)| *k == "repeat").map_or(Ok(1), |(_, v)| v.to_int())?;
    if repeat < 0 {
        return value_error("repeat argument cannot be negative");
    }
    let pools: Vec<Vec<Value>> = a.pos.iter().map(collect_vec).collect::<PyResult<_>>()?;
    let pools: Vec<Vec<Value>> = (0..repeat).flat_map(|_| pools.iter().cloned()).collect();
    let limits: Vec<usize> = pools.iter().map(Vec::len).collect();
    let mut indices = vec![0; pools.len()];
    let mut done = limits.contains(&0);
    let mut first = true;
    Ok(Value::iter(move || {
        if done {
            return Ok(None);
        }
        if !first && !odometer_step(&mut indices, &limits) {
            done = true;
            return Ok(None);
        }
        first = false;
        Ok(Some(Value::tuple(indices.iter().zip(&pools).map(|(&i, p)| p[i].clone()).collect())))
    }))
}

fn pick(pool: &[Value], indices: &[usize]) -> Value {
    Value::tuple(indices.iter().map(|&i| pool[i].clone()).collect())
}

/// CPython's permutations algorithm: a cycle counter per position.
fn permutations(pool: Vec<Value>, r: usize) -> Value {
    let n = pool.len();
    let mut indices: Vec<usize> = (0..n).collect();
    let mut cycles: Vec<usize> = (0..r.min(n)).map(|i| n - i).collect();
    let mut state = if r > n { None } else { Some(false) };
    Value::iter(move || {
        let started = match state {
            None => return Ok(None),
            Some(s) => s,
        };
        if started && !next_permutation(&mut indices, &mut cycles, r) {
            state = None;
            return Ok(None);
        }
        state = Some(true);
        Ok(Some(pick(&pool, &indices[..r])))
    })
}

fn next_permutation(indices: &mut [usize], cycles: &mut [usize], r: usize) -> bool {
    let n = indices.len();
    for i in (0..r).rev() {
        cycles[i] -= 1;
        if cycles[i] == 0 {
            indices[i..].rotate_left(1);
            cycles[i] = n - i;
        } else {
            let j = cycles[i];
            indices.swap(i, n - j);
            return true;
        }
    }
    false
}

/// Combinations in lexicographic index order, with or without repeated elements.
fn combinations(pool: Vec<Value>, r: usize, replace: bool) -> Value {
    let n = pool.len();
    let mut indices: Vec<usize> = if replace { vec![0; r] } else { (0..r).collect() };
    let mut state = if (!replace && r > n) || (replace && n == 0 && r > 0) { None } else { Some(false) };
    Value::iter(move || {
        let started = match state {
            None => return Ok(None),
            Some(s) => s,
        };
        if started && !next_combination(&mut indices, n, replace) {
            state = None;
            return Ok(None);
        }
        state = Some(true);
        Ok(Some(pick(&pool, &indices)))
    })
}

fn next_combination(indices: &mut [usize], n: usize, replace: bool) -> bool {
    let r = indices.len();
    let max_at = |i: usize| if replace { n - 1 } else { i + n - r };
    let i = match (0..r).rev().find(|&i| indices[i] != max_at(i)) {
        Some(i) => i,
        None => return false,
    };
    if replace {
        let v = indices[i] + 1;
        indices[i..].iter_mut().for_each(|x| *x = v);
    } else {
        indices[i] += 1;
        for j in i + 1..r {
            indices[j] = indices[j - 1] + 1;
        }
    }
    true
}
