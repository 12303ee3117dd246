//! `timeit.timeit`, `timeit.repeat` and `timeit.default_timer` for callables (a statement
//! given as a string is rejected at translation time: there is no interpreter to run it).

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::time::Instant;

fn run(stmt: &Value, number: i64) -> PyResult<f64> {
    let start = Instant::now();
    for _ in 0..number.max(0) {
        crate::builtins::call(stmt, Vec::new())?;
    }
    Ok(start.elapsed().as_secs_f64())
}

fn stmt(a: &Args) -> PyResult<Value> {
    match a.get(0, "stmt") {
        Some(v) if !matches!(v, Value::Str(_)) => Ok(v.clone()),
        _ => type_error("timeit in a translated program needs a callable statement"),
    }
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    let number = |i: usize| -> PyResult<i64> { Ok(a.opt_int(i, "number")?.unwrap_or(1_000_000)) };
    match name {
        "timeit.timeit" => Ok(Value::Float(run(&stmt(a)?, number(2)?)?)),
        "timeit.repeat" => {
            let repeat = a.opt_int(2, "repeat")?.unwrap_or(5);
            let (f, n) = (stmt(a)?, number(3)?);
            let times = (0..repeat.max(0)).map(|_| run(&f, n).map(Value::Float)).collect::<PyResult<Vec<Value>>>()?;
            Ok(Value::list(times))
        }
        "timeit.default_timer" => crate::stdlib::time::call("time.perf_counter", a),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'timeit' has no attribute '{}'", &name[7..]))),
    }
}
