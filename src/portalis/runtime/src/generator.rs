//! Generator objects.  The translator turns a generator function's body into a *step*
//! function (a state machine: frontend/generators.py) and the function itself into a call
//! of `new`; this object is the protocol around the step: `next`, `send`, `throw`,
//! `close`, StopIteration with the return value.  The generator's locals live in `slots`
//! (a list the step indexes), its position in `pc` (the block to resume; -1 when done),
//! so resuming costs a call and a few indexed loads, not attribute lookups by name.

use crate::exc::*;
use crate::value::*;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

pub struct Generator {
    name: Rc<str>,
    /// The step function, called with the generator: runs to the next yield (returning
    /// the yielded value) or to the end (`pc` -1, `result` the return value).
    step: Value,
    /// The generator's locals, kept between steps (a list value the step indexes).
    slots: Value,
    pc: Cell<i64>,
    sent: RefCell<Value>,
    thrown: RefCell<Value>,
    result: RefCell<Value>,
    running: Cell<bool>,
    me: Weak<Generator>,
}

/// `name(...)` of a generator function: a new generator over `step` with its initial locals.
/// (A `PyResult`, as every call of a generator function may fail by the lowering's rules.)
pub fn new(name: &str, step: Value, slots: Value) -> PyResult<Value> {
    Ok(Value::Native(Rc::new_cyclic(|me| Generator {
        name: Rc::from(name),
        step,
        slots,
        pc: Cell::new(0),
        sent: RefCell::new(Value::None),
        thrown: RefCell::new(Value::None),
        result: RefCell::new(Value::None),
        running: Cell::new(false),
        me: me.clone(),
    })))
}

/// The step function's test `pc == block` (`pc` is always an int).
#[inline(always)]
pub fn at(pc: &Value, block: i64) -> bool {
    matches!(pc, Value::Int(i) if *i == block)
}

/// What the paused yield of generator `g` evaluates to (see `Generator::received`).
pub fn received(g: &Value) -> PyResult<Value> {
    match g {
        Value::Native(n) => match n.as_any().and_then(|a| a.downcast_ref::<Generator>()) {
            Some(g) => g.received(),
            None => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}

/// `isinstance(v, generator)`, for `yield from`'s delegation.
pub fn is_generator(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.as_any().map_or(false, |a| a.is::<Generator>()))
}

impl Generator {
    fn value(&self) -> Value {
        match self.me.upgrade() {
            Some(me) => Value::Native(me),
            None => Value::None,
        }
    }

    /// Resume with a sent value or a thrown exception; the next yielded value.
    fn advance(&self, value: Value, exc: Value) -> PyResult<Value> {
        let pc = self.pc.get();
        if pc == -1 || (pc == 0 && !exc.is_none()) {
            self.pc.set(-1);
            if !exc.is_none() {
                return Err(exc_from_value(&exc)?);
            }
            return Ok(Value::None);
        }
        if self.running.get() {
            return value_error("generator already executing");
        }
        *self.sent.borrow_mut() = value;
        *self.thrown.borrow_mut() = exc;
        self.running.set(true);
        let outcome = crate::builtins::call(&self.step, vec![self.value()]);
        self.running.set(false);
        outcome.map_err(|e| {
            self.pc.set(-1);
            if e.matches(&STOP_ITERATION) {
                PyErr::new(&RUNTIME_ERROR, "generator raised StopIteration")
            } else {
                e
            }
        })
    }

    /// The generator has finished: StopIteration carrying its return value.
    fn stop(&self) -> PyErr {
        let result = std::mem::take(&mut *self.result.borrow_mut());
        if result.is_none() {
            PyErr::with_args(&STOP_ITERATION, vec![])
        } else {
            PyErr::with_args(&STOP_ITERATION, vec![result])
        }
    }

    fn resume(&self, value: Value, exc: Value) -> PyResult<Value> {
        let got = self.advance(value, exc)?;
        if self.pc.get() == -1 {
            return Err(self.stop());
        }
        Ok(got)
    }

    fn close(&self) -> PyResult<Value> {
        if self.pc.get() > 0 {
            let exit = Value::Exception(Rc::new(PyErr::with_args(&GENERATOR_EXIT, vec![])));
            match self.advance(Value::None, exit) {
                Err(e) if e.matches(&GENERATOR_EXIT) => return Ok(Value::None),
                Err(e) => return Err(e),
                Ok(_) if self.pc.get() != -1 => {
                    return Err(PyErr::new(&RUNTIME_ERROR, "generator ignored GeneratorExit"))
                }
                Ok(_) => {}
            }
        }
        self.pc.set(-1);
        Ok(Value::None)
    }

    /// What the paused yield evaluates to: the sent value, or the thrown exception raised there.
    fn received(&self) -> PyResult<Value> {
        let thrown = std::mem::take(&mut *self.thrown.borrow_mut());
        if !thrown.is_none() {
            return Err(exc_from_value(&thrown)?);
        }
        Ok(self.sent.borrow().clone())
    }
}

fn arg(pos: &[Value], i: usize) -> Value {
    pos.get(i).cloned().unwrap_or(Value::None)
}

impl NativeObject for Generator {
    fn type_name(&self) -> &'static str {
        "generator"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        match name {
            "__next__" => self.resume(Value::None, Value::None),
            "send" => {
                let value = arg(&pos, 0);
                if self.pc.get() == 0 && !value.is_none() {
                    return type_error("can't send non-None value to a just-started generator");
                }
                self.resume(value, Value::None)
            }
            "throw" => self.resume(Value::None, arg(&pos, 0)),
            "close" => self.close(),
            "__iter__" => Ok(self.value()),
            "_advance" => self.advance(arg(&pos, 0), arg(&pos, 1)),
            _ => crate::stdlib::collections::no_attribute(self.type_name(), name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "_slots" => Ok(self.slots.clone()),
            "_pc" => Ok(Value::Int(self.pc.get())),
            "_result" => Ok(self.result.borrow().clone()),
            "gi_running" => Ok(Value::Bool(self.running.get())),
            "__name__" | "__qualname__" => Ok(Value::Str(self.name.clone())),
            _ => crate::stdlib::collections::no_attribute(self.type_name(), name),
        }
    }
    fn setattr(&self, name: &str, value: Value) -> PyResult<()> {
        match name {
            "_pc" => self.pc.set(value.to_int()?),
            "_result" => *self.result.borrow_mut() = value,
            _ => return crate::stdlib::collections::no_attribute(self.type_name(), name),
        }
        Ok(())
    }
    fn repr(&self) -> String {
        format!("<generator object {}>", self.name)
    }
    fn equals(&self, other: &Value) -> bool {
        matches!(other, Value::Native(o) if std::ptr::eq(Rc::as_ptr(o) as *const u8, self as *const Generator as *const u8))
    }
    fn hash(&self) -> i64 {
        self as *const Generator as usize as i64
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn iter_next(&self) -> PyResult<Option<Value>> {
        let got = self.advance(Value::None, Value::None)?;
        if self.pc.get() == -1 {
            *self.result.borrow_mut() = Value::None;
            return Ok(None);
        }
        Ok(Some(got))
    }
}
