//! Portalis runtime: the Python semantics that translated programs rely on, in plain
//! std-only Rust (1.63 and later).  Generated code does `use portalis_runtime::*;`.
//!
//! The core value model is `value` (the dynamic `Value`), `exc` (exceptions as `Result`),
//! `ops`/`intops`/`floatops`/`bigint` (arithmetic), `int` (the native exact `Int`), `tables` (dict and set hash tables),
//! `lists` (direct list operations), `classes` and `methods` (objects and method calls),
//! `repr`/`format`/`strformat` (text), `file` (file objects, `io.StringIO`, OS errors);
//! the Python standard-library modules live under `stdlib/`, one file a module.

pub mod attributes;
pub mod bigint;
pub mod builtin_bases;
pub mod builtins;
pub mod bytes;
pub mod callargs;
pub mod classes;
pub mod complex;
pub mod exc;
pub mod file;
pub mod floatops;
pub mod format;
pub mod frames;
pub mod generator;
pub mod generic_alias;
pub mod int;
pub mod intops;
pub mod num;
pub mod io;
pub mod iter;
pub mod lists;
pub mod methods;
pub mod ops;
pub mod repr;
pub mod stdlib;
pub mod strformat;
pub mod strmethods;
pub mod strops;
pub mod structs;
pub mod tables;
pub mod traceback;
pub mod typed;
pub mod value;

pub use exc::*;
pub use int::Int;
pub use num::Num;
pub use std::cell::Cell;
pub use strops::Str;
pub use traceback::{Code, Site, Traced};
pub use typed::{List, Map, SetOf};
pub use structs::{Field, Fields, FromValue, IntoValue, Obj, StructClass};
pub use value::*;

/// `expr?` inside a Python `try` body: an error goes to the handler slot and leaves the
/// labelled loop that stands for the `try` block.
#[macro_export]
macro_rules! py_try {
    ($e:expr, $slot:ident, $label:lifetime) => {
        match $e {
            Ok(v) => v,
            Err(e) => {
                $slot = Some(e);
                break $label;
            }
        }
    };
}
