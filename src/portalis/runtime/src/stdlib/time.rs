//! `time`: wall-clock time, a monotonic performance counter, and sleeping.

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    /// The origin of `perf_counter()` and `monotonic()`: the first time either is read.
    static ORIGIN: Instant = Instant::now();
}

fn seconds_since_epoch() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// `time.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "time.time" => Ok(Value::Float(seconds_since_epoch())),
        "time.time_ns" => {
            let ns = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            Ok(Value::Int(ns as i64))
        }
        "time.perf_counter" | "time.monotonic" => {
            Ok(Value::Float(ORIGIN.with(|o| o.elapsed().as_secs_f64())))
        }
        "time.sleep" => {
            let secs = a.req(0, "secs")?.to_f64()?;
            if secs < 0.0 {
                return value_error("sleep length must be non-negative");
            }
            if !secs.is_finite() {
                return Err(PyErr::new(&OVERFLOW_ERROR, "sleep length is too large"));
            }
            std::thread::sleep(Duration::from_secs_f64(secs));
            Ok(Value::None)
        }
        _ => type_error(format!("{} is not available", name)),
    }
}
