//! Python exceptions as Rust values: `PyErr` travels in `Err` through `?`, never as a panic
//! (a panic aborts a WebAssembly module).  Exception classes form a static hierarchy so
//! `except ValueError` can match subclasses; user classes add entries at run time.

use crate::value::Value;
use std::fmt;
use std::rc::Rc;

/// An exception class: a name and its base, enough for `except` matching and printing.
#[derive(Debug)]
pub struct ExcType {
    pub name: &'static str,
    pub base: Option<&'static ExcType>,
}

impl ExcType {
    /// `type(e).__name__`: the name without the module path a library class carries.
    pub fn short_name(&self) -> &'static str {
        self.name.rsplit('.').next().unwrap_or(self.name)
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass_of(&'static self, other: &'static ExcType) -> bool {
        let mut cur: Option<&'static ExcType> = Some(self);
        while let Some(t) = cur {
            if std::ptr::eq(t, other) {
                return true;
            }
            cur = t.base;
        }
        false
    }
}

macro_rules! exc_types {
    ($($konst:ident = $name:literal : $base:expr;)*) => {
        $(pub static $konst: ExcType = ExcType { name: $name, base: $base };)*
        /// The built-in exception class with this name, for `except` clauses and `raise`.
        pub fn builtin_exc_type(name: &str) -> Option<&'static ExcType> {
            match name { $($name => Some(&$konst),)* _ => None }
        }
    };
}

exc_types! {
    BASE_EXCEPTION = "BaseException": None;
    SYSTEM_EXIT = "SystemExit": Some(&BASE_EXCEPTION);
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": Some(&BASE_EXCEPTION);
    GENERATOR_EXIT = "GeneratorExit": Some(&BASE_EXCEPTION);
    EXCEPTION = "Exception": Some(&BASE_EXCEPTION);
    STOP_ITERATION = "StopIteration": Some(&EXCEPTION);
    ARITHMETIC_ERROR = "ArithmeticError": Some(&EXCEPTION);
    ZERO_DIVISION_ERROR = "ZeroDivisionError": Some(&ARITHMETIC_ERROR);
    OVERFLOW_ERROR = "OverflowError": Some(&ARITHMETIC_ERROR);
    ASSERTION_ERROR = "AssertionError": Some(&EXCEPTION);
    ATTRIBUTE_ERROR = "AttributeError": Some(&EXCEPTION);
    LOOKUP_ERROR = "LookupError": Some(&EXCEPTION);
    INDEX_ERROR = "IndexError": Some(&LOOKUP_ERROR);
    KEY_ERROR = "KeyError": Some(&LOOKUP_ERROR);
    NAME_ERROR = "NameError": Some(&EXCEPTION);
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": Some(&NAME_ERROR);
    RUNTIME_ERROR = "RuntimeError": Some(&EXCEPTION);
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": Some(&RUNTIME_ERROR);
    RECURSION_ERROR = "RecursionError": Some(&RUNTIME_ERROR);
    TYPE_ERROR = "TypeError": Some(&EXCEPTION);
    VALUE_ERROR = "ValueError": Some(&EXCEPTION);
    UNICODE_ERROR = "UnicodeError": Some(&VALUE_ERROR);
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": Some(&UNICODE_ERROR);
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": Some(&UNICODE_ERROR);
    OS_ERROR = "OSError": Some(&EXCEPTION);
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": Some(&OS_ERROR);
    FILE_EXISTS_ERROR = "FileExistsError": Some(&OS_ERROR);
    PERMISSION_ERROR = "PermissionError": Some(&OS_ERROR);
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": Some(&OS_ERROR);
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": Some(&OS_ERROR);
    UNSUPPORTED_OPERATION = "io.UnsupportedOperation": Some(&OS_ERROR);
    EOF_ERROR = "EOFError": Some(&EXCEPTION);
    MEMORY_ERROR = "MemoryError": Some(&EXCEPTION);
}

/// A raised exception: its class and its `args`, and for a user exception class with
/// methods or attributes, the instance itself.
#[derive(Clone)]
pub struct PyErr {
    pub ty: &'static ExcType,
    pub args: Rc<Vec<Value>>,
    pub instance: Option<Value>,
    /// `raise ... from cause`: the cause (None for `from None` or no `from`).
    pub cause: Option<Value>,
    /// The frames it left and its context, once it has left one (see `traceback`).
    pub trace: Option<Box<crate::traceback::Trace>>,
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(ty: &'static ExcType, msg: impl Into<String>) -> PyErr {
        let msg: String = msg.into();
        PyErr { ty, args: Rc::new(vec![Value::str(&msg)]), instance: None, cause: None, trace: None }
    }

    pub fn with_args(ty: &'static ExcType, args: Vec<Value>) -> PyErr {
        PyErr { ty, args: Rc::new(args), instance: None, cause: None, trace: None }
    }

    /// `except T:` matches this error.
    pub fn matches(&self, ty: &'static ExcType) -> bool {
        self.ty.is_subclass_of(ty)
    }

    /// `str(e)`: the instance's `__str__`, the single argument's str, KeyError's repr,
    /// or the args tuple.
    pub fn message(&self) -> String {
        if let Some(text) = self.instance.as_ref().and_then(crate::classes::exception_str) {
            return text;
        }
        if self.json_error_parts().is_some() {
            return self.args[0].to_str();
        }
        if let Some((errno, text, filename)) = self.os_error_parts() {
            let base = format!("[Errno {}] {}", errno, text.to_str());
            return match filename {
                Value::None => base,
                name => format!("{}: {}", base, name.repr()),
            };
        }
        match self.args.len() {
            0 => String::new(),
            1 if std::ptr::eq(self.ty, &KEY_ERROR) => self.args[0].repr(),
            1 => self.args[0].to_str(),
            _ => Value::tuple(self.args.to_vec()).repr(),
        }
    }

    /// An OSError made from (errno, strerror[, filename]): those three, as
    /// `e.errno`, `e.strerror`, `e.filename`.
    /// A `json.JSONDecodeError` keeps, after its message, what CPython has as
    /// attributes: `msg`, `doc`, `pos`, `lineno`, `colno`.
    pub fn json_error_parts(&self) -> Option<&[Value]> {
        if std::ptr::eq(self.ty, &crate::stdlib::json::JSON_DECODE_ERROR) && self.args.len() == 6 {
            Some(&self.args[1..])
        } else {
            None
        }
    }

    /// `e.args` as Python shows it: without the parts kept for attributes.
    pub fn shown_args(&self) -> &[Value] {
        let shown = if self.json_error_parts().is_some() {
            1
        } else if self.os_error_parts().is_some() {
            2
        } else {
            self.args.len()
        };
        &self.args[..shown]
    }

    pub fn os_error_parts(&self) -> Option<(i64, Value, Value)> {
        if !self.ty.is_subclass_of(&OS_ERROR) || !(2..=3).contains(&self.args.len()) {
            return None;
        }
        match self.args[0] {
            Value::Int(errno) => Some((errno, self.args[1].clone(), self.args.get(2).cloned().unwrap_or_default())),
            _ => None,
        }
    }

    /// The last line of a traceback: `ValueError: msg`.
    pub fn summary(&self) -> String {
        let msg = self.message();
        if msg.is_empty() {
            self.ty.name.to_string()
        } else {
            format!("{}: {}", self.ty.name, msg)
        }
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary())
    }
}

/// Shorthand constructors for the errors the runtime raises itself.
pub fn type_error<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::new(&TYPE_ERROR, msg))
}
pub fn value_error<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::new(&VALUE_ERROR, msg))
}
pub fn index_error<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::new(&INDEX_ERROR, msg))
}
pub fn zero_division<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::new(&ZERO_DIVISION_ERROR, msg))
}
pub fn overflow<T>() -> PyResult<T> {
    Err(PyErr::new(&OVERFLOW_ERROR, "integer overflow: the result does not fit in 64 bits"))
}
pub fn key_error<T>(key: &Value) -> PyResult<T> {
    Err(PyErr::with_args(&KEY_ERROR, vec![key.clone()]))
}

/// A read of a variable whose bound flag is down, with CPython's error for its `kind`:
/// a function's "local", a module's "global", or a "free" one read by a comprehension.
pub fn require_bound(bound: bool, name: &str, kind: &str) -> PyResult<()> {
    if bound {
        return Ok(());
    }
    Err(match kind {
        "local" => PyErr::new(&UNBOUND_LOCAL_ERROR,
                              format!("cannot access local variable '{}' where it is not associated with a value", name)),
        "free" => PyErr::new(&NAME_ERROR, format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope", name)),
        _ => PyErr::new(&NAME_ERROR, format!("name '{}' is not defined", name)),
    })
}

/// `raise e` where `e` is an exception value (caught earlier or constructed).
pub fn exc_from_value(v: &Value) -> PyResult<PyErr> {
    match v {
        Value::Exception(e) => Ok(e.as_ref().clone()),
        _ => type_error("exceptions must derive from BaseException"),
    }
}

/// `isinstance(v, SomeError)`.
pub fn exc_isinstance(v: &Value, ty: &'static ExcType) -> bool {
    matches!(v, Value::Exception(e) if e.matches(ty))
}

/// `raise err from cause`.
pub fn with_cause(mut err: PyErr, cause: &Value) -> PyErr {
    err.cause = if cause.is_none() { None } else { Some(cause.clone()) };
    err.trace.get_or_insert_with(Default::default).suppress_context = true;
    err
}
