//! The dynamic value model: one `Value` enum for every Python object.
//!
//! Mutable containers live behind `Rc<RefCell<..>>`, so an alias (`b = a`) shares the
//! object exactly as in Python; immutable ones (str, tuple) are shared `Rc`s.  Cloning a
//! `Value` is cheap: it copies a scalar or bumps a reference count.

use crate::bigint::BigInt;
use crate::exc::*;
use crate::structs::Fields;
use crate::tables::{self, PyDictTable, PyKey, PySetTable};
use std::cell::RefCell;
use std::rc::Rc;

pub type Set = PySetTable<Value>;

/// Which mapping type a dict object is: they share storage and differ in `d[missing]`,
/// `repr` and a few methods.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictKind {
    Dict,
    DefaultDict,
    Counter,
    OrderedDict,
}

/// A dict object: the insertion-ordered table plus what its kind needs.
#[derive(Clone)]
pub struct Dict {
    pub table: PyDictTable<Value, Value>,
    pub kind: DictKind,
    /// `defaultdict`'s factory, called for a missing key.
    pub factory: Option<Value>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::of_kind(DictKind::Dict)
    }
    pub fn of_kind(kind: DictKind) -> Dict {
        Dict { table: PyDictTable::new(), kind, factory: None }
    }
}

impl Default for Dict {
    fn default() -> Dict {
        Dict::new()
    }
}

impl std::ops::Deref for Dict {
    type Target = PyDictTable<Value, Value>;
    fn deref(&self) -> &Self::Target {
        &self.table
    }
}

impl std::ops::DerefMut for Dict {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.table
    }
}

/// A callable: a built-in, a translated function used as a value, a lambda or a closure.
pub struct Func {
    pub name: Rc<str>,
    pub call: Box<dyn Fn(Vec<Value>) -> PyResult<Value>>,
    /// `__doc__`: the docstring of a translated function.
    pub doc: Option<&'static str>,
    /// Attributes set on the function (`f.calls = 0`, `__wrapped__`), in assignment order.
    pub attrs: RefCell<Vec<(&'static str, Value)>>,
}

/// An iterator object (`iter(x)`, `map`, `zip`, generator expressions ...).
pub struct PyIter {
    pub next: Box<dyn FnMut() -> PyResult<Option<Value>>>,
}

/// `range(start, stop, step)` kept lazy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

/// How a function in a class body binds: to the instance, to nothing, to the class, or
/// as a property getter or setter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    Instance,
    Static,
    Class,
    Getter,
    Setter,
}

/// The Rust function behind a method; its first argument is self (or the class).
pub type MethodFn = fn(Vec<Value>) -> PyResult<Value>;

/// A user class: its name, base and method table (class attributes live in `classes`).
/// A class lowered to a Rust struct allocates its instances with `alloc`.
pub struct Class {
    pub name: &'static str,
    pub base: Option<&'static Class>,
    pub methods: &'static [(&'static str, MethodKind, MethodFn)],
    pub alloc: Option<fn(&'static Class) -> Rc<Object>>,
}

/// An instance of a user class: its class, the attributes outside its struct in
/// assignment order (all of them for a class that is not a struct), and its typed
/// struct (`()` for dynamic classes; see `structs`).  `data` stays the last field so
/// that `Rc<Object<Node>>` coerces to `Rc<Object>`.
pub struct Object<F: ?Sized + Fields = dyn Fields> {
    pub class: &'static Class,
    pub fields: RefCell<Vec<(&'static str, Value)>>,
    pub data: F,
}

impl<F: ?Sized + Fields> std::ops::Deref for Object<F> {
    type Target = F;
    fn deref(&self) -> &F {
        &self.data
    }
}

#[derive(Clone, Default)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    /// An int outside i64's range (results that fit go back to `Int`).
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(Range),
    Func(Rc<Func>),
    Iter(Rc<RefCell<PyIter>>),
    Object(Rc<Object>),
    Exception(Rc<PyErr>),
    Native(Rc<dyn NativeObject>),
    Class(&'static Class),
}

/// A runtime-provided object (a compiled regex, a deque, ...) with its own methods.
/// The protocol hooks default to CPython's TypeError for types that lack them.
pub trait NativeObject {
    fn type_name(&self) -> &'static str;
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value>;
    fn getattr(&self, name: &str) -> PyResult<Value>;
    fn repr(&self) -> String;
    /// `str(obj)`; most objects print as their repr.
    fn str(&self) -> String {
        self.repr()
    }
    /// `hash(obj)` for hashable objects; 0 leaves them in one bucket.
    fn hash(&self) -> i64 {
        0
    }
    fn len(&self) -> PyResult<i64> {
        type_error(format!("object of type '{}' has no len()", self.type_name()))
    }
    fn getitem(&self, _index: &Value) -> PyResult<Value> {
        type_error(format!("'{}' object is not subscriptable", self.type_name()))
    }
    /// `obj[start:stop:step]`.
    fn getslice(&self, _start: &Value, _stop: &Value, _step: &Value) -> PyResult<Value> {
        type_error(format!("'{}' object is not subscriptable", self.type_name()))
    }
    /// `item in obj` when the object has its own test (otherwise `in` iterates).
    fn contains(&self, _item: &Value) -> Option<PyResult<bool>> {
        None
    }
    /// `obj += other` in place for mutable objects (`None`: rebind to `obj + other`).
    fn inplace_add(&self, _other: &Value) -> Option<PyResult<()>> {
        None
    }
    fn setitem(&self, _index: &Value, _value: Value) -> PyResult<()> {
        type_error(format!("'{}' object does not support item assignment", self.type_name()))
    }
    /// All items, for iteration, `in` and conversion to containers.
    fn items(&self) -> PyResult<Vec<Value>> {
        type_error(format!("'{}' object is not iterable", self.type_name()))
    }
    fn truthy(&self) -> bool {
        true
    }
    fn equals(&self, _other: &Value) -> bool {
        false
    }
    /// Ordering against another value, for objects that define one (`cmp_to_key` keys).
    fn compare(&self, _other: &Value) -> Option<PyResult<std::cmp::Ordering>> {
        None
    }
    /// `self op other` (or `other op self` when `reflected`) for numeric-like objects such
    /// as `fractions.Fraction`; `None` when the object does not take part in `op`
    /// ("+", "-", "*", "/", "//", "%", "**").
    fn binary_op(&self, _op: &str, _other: &Value, _reflected: bool) -> Option<PyResult<Value>> {
        None
    }
    /// The object as its concrete type, for library code that reads its own objects back.
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        None
    }
    /// The keyword arguments of a call, for the marker `callargs::Kwargs` only.
    fn keywords(&self) -> Option<&[(Rc<str>, Value)]> {
        None
    }
    /// `obj.name = value`, for objects whose attributes can be set (`argparse.Namespace`).
    fn setattr(&self, name: &str, _value: Value) -> PyResult<()> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute '{}'", self.type_name(), name)))
    }
    /// A callable native object (`functools.partial`, `operator.itemgetter`, ...).
    fn call(&self, _args: Vec<Value>) -> PyResult<Value> {
        type_error(format!("'{}' object is not callable", self.type_name()))
    }
    /// For a library class object (`datetime.date`): whether `v` is an instance of it, so
    /// `isinstance(v, date)` works; `None` for objects that are not classes.
    fn instance_check(&self, _v: &Value) -> Option<bool> {
        None
    }
    /// An object that is its own iterator and steps with `iter_next` (a generator).
    fn is_iterator(&self) -> bool {
        false
    }
    /// The next item of such an object: `Ok(None)` once exhausted.
    fn iter_next(&self) -> PyResult<Option<Value>> {
        Ok(None)
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }
    pub fn dict(table: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(table)))
    }
    pub fn set(table: Set) -> Value {
        Value::Set(Rc::new(RefCell::new(table)))
    }
    pub fn func(name: &str, call: impl Fn(Vec<Value>) -> PyResult<Value> + 'static) -> Value {
        Value::Func(Rc::new(Func { name: Rc::from(name), call: Box::new(call), doc: None, attrs: RefCell::default() }))
    }
    /// A translated function with a docstring, as a value.
    pub fn documented_func(
        name: &str,
        doc: &'static str,
        call: impl Fn(Vec<Value>) -> PyResult<Value> + 'static,
    ) -> Value {
        Value::Func(Rc::new(Func { name: Rc::from(name), call: Box::new(call), doc: Some(doc), attrs: RefCell::default() }))
    }
    pub fn iter(next: impl FnMut() -> PyResult<Option<Value>> + 'static) -> Value {
        Value::Iter(Rc::new(RefCell::new(PyIter { next: Box::new(next) })))
    }

    /// `type(x).__name__`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(d) => match d.borrow().kind {
                DictKind::Dict => "dict",
                DictKind::DefaultDict => "collections.defaultdict",
                DictKind::Counter => "Counter",
                DictKind::OrderedDict => "OrderedDict",
            },
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Range(_) => "range",
            Value::Func(_) => "function",
            Value::Iter(_) => "iterator",
            Value::Object(o) => o.class.name,
            Value::Exception(e) => e.ty.short_name(),
            Value::Native(n) => n.type_name(),
            Value::Class(_) => "type",
        }
    }

    /// Python truthiness (`if x:`).
    #[inline]
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(b) => !b.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => d.borrow().len() > 0,
            Value::Set(s) => s.borrow().len() > 0,
            Value::FrozenSet(s) => s.len() > 0,
            Value::Range(r) => crate::ops::range_len(r) > 0,
            Value::Object(o) => crate::classes::object_truthy(o),
            Value::Native(n) => n.truthy(),
            _ => true,
        }
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The value as an i64 when it is an int or bool (Python's `__index__`).
    #[inline]
    pub fn as_index(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    /// An integer argument, or the TypeError CPython gives.
    pub fn to_int(&self) -> PyResult<i64> {
        match self.as_index() {
            Some(i) => Ok(i),
            None if matches!(self, Value::BigInt(_)) => {
                Err(PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C ssize_t"))
            }
            None if matches!(crate::builtin_bases::builtin_part(self), Some(Value::Int(_) | Value::BigInt(_))) => {
                crate::builtin_bases::as_builtin(self).to_int()
            }
            None => type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name()
            )),
        }
    }

    /// A number as f64 (int, bool or float), for arithmetic that mixes them.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Float(f) => Some(*f),
            Value::BigInt(b) => b.to_f64().ok(),
            _ => None,
        }
    }

    pub fn to_f64(&self) -> PyResult<f64> {
        match self.as_f64() {
            Some(f) => Ok(f),
            None if matches!(self, Value::Object(_)) => match crate::builtin_bases::builtin_part(self) {
                Some(part) => part.to_f64(),
                None => type_error(format!("must be real number, not {}", self.type_name())),
            },
            None => type_error(format!("must be real number, not {}", self.type_name())),
        }
    }

    /// Borrow a str's text, or raise the TypeError CPython gives for `what`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// `a is b`: identity for heap objects, value equality for immutable scalars.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::BigInt(a), Value::BigInt(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            // CPython interns one-character strings and string constants made of name
            // characters, so two equal ones are one object.
            (Value::Str(a), Value::Str(b)) => {
                Rc::ptr_eq(a, b)
                    || (a == b && (a.len() <= 1 || a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')))
            }
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::FrozenSet(a), Value::FrozenSet(b)) => Rc::ptr_eq(a, b),
            // A built-in type is one object however many times it is named.
            (Value::Func(a), Value::Func(b)) => {
                Rc::ptr_eq(a, b) || (a.name == b.name && crate::builtins::is_builtin_type(&a.name))
            }
            (Value::Iter(a), Value::Iter(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::Exception(a), Value::Exception(b)) => Rc::ptr_eq(a, b),
            (Value::Native(a), Value::Native(b)) => Rc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }

    /// Raise TypeError unless the value can be a dict key or set member.
    pub fn check_hashable(&self) -> PyResult<()> {
        match self {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                type_error(format!("unhashable type: '{}'", self.type_name()))
            }
            Value::Tuple(items) => items.iter().try_for_each(|v| v.check_hashable()),
            _ => Ok(()),
        }
    }
}

impl PyKey for Value {
    fn py_hash(&self) -> i64 {
        match self {
            Value::None => 0x5f3759df,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => tables::hash_int(*i),
            Value::BigInt(b) => b.py_hash(),
            Value::Float(f) => tables::hash_float(*f),
            Value::Str(s) => tables::hash_str(s),
            Value::Tuple(items) => {
                let hashes: Vec<i64> = items.iter().map(|v| v.py_hash()).collect();
                tables::hash_tuple(&hashes)
            }
            Value::FrozenSet(s) => s.iter().fold(0x1f3a_5c7d_i64, |acc, v| acc ^ v.py_hash()),
            Value::Range(r) => tables::hash_tuple(&[r.start, r.stop, r.step]),
            Value::Object(_) => crate::classes::object_hash(self),
            Value::Class(c) => *c as *const Class as usize as i64 >> 4,
            // Built-in types are made on demand and equal by name, so they hash by name.
            Value::Func(f) if crate::builtins::is_builtin_type(&f.name) => tables::hash_str(&f.name),
            Value::Func(f) => Rc::as_ptr(f) as *const u8 as usize as i64 >> 4,
            Value::Native(n) => n.hash(),
            _ => 0,
        }
    }

    fn py_eq(&self, other: &Value) -> bool {
        crate::ops::values_equal(self, other)
    }
}

/// A variable shared between a function and the closures that capture it.
#[derive(Clone, Default)]
pub struct PyCell(Rc<RefCell<Value>>);

impl PyCell {
    pub fn new(v: Value) -> PyCell {
        PyCell(Rc::new(RefCell::new(v)))
    }
    pub fn get(&self) -> Value {
        self.0.borrow().clone()
    }
    pub fn set(&self, v: Value) {
        *self.0.borrow_mut() = v;
    }
    /// The value, made by `make` if the cell was never assigned.
    pub fn get_or_init(&self, make: impl FnOnce() -> Value) -> Value {
        if self.0.borrow().is_unbound() {
            self.set(make());
        }
        self.get()
    }
    /// A module global before its first assignment: reading it is a NameError.
    pub fn unbound() -> PyCell {
        PyCell::new(Value::Native(Rc::new(Unbound)))
    }
}

impl Value {
    /// Whether this is what an unassigned global holds (`PyCell::unbound`).
    pub fn is_unbound(&self) -> bool {
        matches!(self, Value::Native(n) if n.type_name() == "<unbound>")
    }
}

/// What an unassigned module global holds.
struct Unbound;

impl NativeObject for Unbound {
    fn type_name(&self) -> &'static str {
        "<unbound>"
    }
    fn call_method(&self, _name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        type_error("unbound name")
    }
    fn getattr(&self, _name: &str) -> PyResult<Value> {
        type_error("unbound name")
    }
    fn repr(&self) -> String {
        "<unbound>".to_string()
    }
}

/// Module globals are thread-local cells; this reads and writes them in one call.
pub trait GlobalCell {
    fn get_value(&'static self) -> Value;
    fn set_value(&'static self, v: Value);
    /// The global's value, or CPython's NameError when it was never assigned.
    fn bound_value(&'static self, name: &str) -> PyResult<Value>;
}

impl GlobalCell for std::thread::LocalKey<PyCell> {
    fn get_value(&'static self) -> Value {
        self.with(PyCell::get)
    }
    fn set_value(&'static self, v: Value) {
        self.with(|c| c.set(v))
    }
    fn bound_value(&'static self, name: &str) -> PyResult<Value> {
        let v = self.get_value();
        if v.is_unbound() {
            return Err(PyErr::new(&NAME_ERROR, format!("name '{}' is not defined", name)));
        }
        Ok(v)
    }
}
