//! Python's recursion limit.  Every translated function counts one frame on entry, so a
//! runaway recursion raises `RecursionError` where CPython does (1000 frames, or what
//! `sys.setrecursionlimit` set) instead of overflowing the Rust stack.  The program runs
//! on a thread with a large stack, and a frame is also refused when that stack runs low.

use crate::exc::*;
use crate::value::Value;
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The stacks the program may run on, largest first: reserved up front, committed by the
/// OS as they are used.  A smaller one serves where an address-space limit (a sandbox's,
/// `ulimit -v`) refuses the larger.
const STACK_SIZES: [usize; 4] = [1 << 30, 256 << 20, 64 << 20, 16 << 20];
/// The size of the stack the program got.
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// Stack kept free below the deepest frame for the runtime's own calls.
const STACK_RESERVE: usize = 4 << 20;

// Constant-initialised, so that reaching them on every call needs no lazy set-up.
thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(1) }; // the module's frame
    static LIMIT: Cell<usize> = const { Cell::new(1000) };
    static STACK_BASE: Cell<usize> = const { Cell::new(0) };
}

/// One active Python frame; leaving the function drops it.
pub struct Frame(());

impl Drop for Frame {
    #[inline]
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

#[inline]
fn stack_address() -> usize {
    let marker = 0u8;
    &marker as *const u8 as usize
}

/// Enter a function: CPython's RecursionError past the limit.
#[inline]
pub fn enter() -> PyResult<Frame> {
    let depth = DEPTH.with(|d| d.get()) + 1;
    let base = STACK_BASE.with(|b| b.get());
    let size = STACK_SIZE.load(Ordering::Relaxed);
    let stack_low = base != 0 && base.saturating_sub(stack_address()) > size - STACK_RESERVE;
    if depth > LIMIT.with(|l| l.get()) || stack_low {
        return Err(PyErr::new(&RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    DEPTH.with(|d| d.set(depth));
    Ok(Frame(()))
}

/// The number of Python frames active (the module's included).
pub fn depth() -> usize {
    DEPTH.with(|d| d.get())
}

/// `sys.setrecursionlimit(n)`.
pub fn set_limit(n: &Value) -> PyResult<Value> {
    let n = n.to_int()?;
    if n < 1 {
        return value_error("recursion limit must be greater or equal than 1");
    }
    LIMIT.with(|l| l.set(n as usize));
    Ok(Value::None)
}

/// `sys.getrecursionlimit()`.
pub fn limit() -> Value {
    Value::Int(LIMIT.with(|l| l.get()) as i64)
}

/// Run `program` on a thread with the large stack (WebAssembly has no threads: there it
/// runs in place, with the depth limit alone).
pub fn run_on_large_stack(program: impl FnOnce() + Send + 'static) {
    if cfg!(target_os = "wasi") {
        program();
        return;
    }
    let mut program = Some(program);
    for size in STACK_SIZES {
        let slot = std::sync::Arc::new(std::sync::Mutex::new(program.take()));
        let handed = slot.clone();
        let spawned = std::thread::Builder::new().name("main".to_string()).stack_size(size).spawn(move || {
            STACK_SIZE.store(size, Ordering::Relaxed);
            STACK_BASE.with(|b| b.set(stack_address()));
            let run = handed.lock().ok().and_then(|mut p| p.take());
            if let Some(run) = run {
                run()
            }
        });
        match spawned {
            Ok(handle) => {
                if handle.join().is_err() {
                    std::process::exit(101);
                }
                return;
            }
            Err(_) => program = slot.lock().ok().and_then(|mut p| p.take()),
        }
    }
    program_unavailable()
}

fn program_unavailable() {
    eprintln!("MemoryError: cannot reserve the program's stack");
    std::process::exit(1);
}
