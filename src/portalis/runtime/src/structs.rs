//! User classes lowered to Rust structs.
//!
//! An instance of such a class is an `Obj<Node>` (= `Rc<Object<Node>>`): the same
//! `Object` a dynamic instance is, but with a typed struct `Node` as its data, so that
//! generated code reads and writes `obj.left` directly, while `Value::Object(obj)` (a
//! free unsizing coercion, identity kept) hands the very same object to dynamic code,
//! which reaches the typed fields by name through the `Fields` trait.  `cast` turns a
//! `Value` the inference proved to hold such an instance back into its typed handle.
//!
//! Fields are shared the way Python shares objects: `Cell` for `i64`/`f64`/`bool`,
//! `Field` (a `RefCell` whose borrows never escape `get`/`set`) for the others.

use crate::exc::*;
use crate::strops::Str;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The typed handle of an instance of a struct class.
pub type Obj<F> = Rc<Object<F>>;

/// Access to an object's typed fields by name, for dynamic code (`getattr`, `print`
/// of a dataclass, `setattr`, ...).  Dynamic classes have no typed fields: `()`.
pub trait Fields {
    /// The field `name` as a Value; None when the struct has no such field.
    fn get(&self, name: &str) -> Option<Value>;
    /// Store into the field `name`; Ok(false) when the struct has no such field.
    fn set(&self, name: &str, value: &Value) -> PyResult<bool>;
    /// The names of the typed fields, in declaration order.
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
}

impl Fields for () {
    fn get(&self, _name: &str) -> Option<Value> {
        None
    }
    fn set(&self, _name: &str, _value: &Value) -> PyResult<bool> {
        Ok(false)
    }
}

/// A struct generated for a user class, or for a class hierarchy whose classes all
/// share it: the hierarchy's root class (the tag `cast` checks) and the field values of
/// an instance not yet initialised by `__init__`.
pub trait StructClass: Fields + Sized + 'static {
    fn class() -> &'static Class;
    fn blank() -> Self;
}

/// A new instance of the struct's root class with blank fields, to be initialised by
/// its `__init__`.
pub fn alloc<F: StructClass>() -> Obj<F> {
    alloc_in::<F>(F::class())
}

/// A new instance of `class` (the root or a subclass sharing the struct).
pub fn alloc_in<F: StructClass>(class: &'static Class) -> Obj<F> {
    Rc::new(Object { class, fields: RefCell::new(Vec::new()), data: F::blank() })
}

/// The same, for the class's table (instantiation through a class value).
pub fn alloc_value<F: StructClass>(class: &'static Class) -> Rc<Object> {
    alloc_in::<F>(class)
}

/// Whether `o` is exactly an instance of `class` (dispatch of an overridden method).
#[inline]
pub fn is<F: ?Sized + Fields>(o: &Object<F>, class: &'static Class) -> bool {
    std::ptr::eq(o.class, class)
}

/// A field holding a value that is not `Copy` (text, an object, a `Value`).
pub struct Field<T>(RefCell<T>);

impl<T: Clone> Field<T> {
    pub fn new(value: T) -> Field<T> {
        Field(RefCell::new(value))
    }
    #[inline]
    pub fn get(&self) -> T {
        self.0.borrow().clone()
    }
    #[inline]
    pub fn set(&self, value: T) {
        let old = self.0.replace(value);
        drop(old); // dropped once the borrow is over
    }
}

/// The instance in `v`, which the inference proved is one of class `F`.
pub fn cast<F: StructClass>(v: &Value) -> PyResult<Obj<F>> {
    if let Value::Object(o) = v {
        if crate::classes::is_subclass(o.class, F::class()) {
            // Only `alloc_in::<F>` makes objects of the classes sharing `F`.
            let raw = Rc::into_raw(o.clone()) as *const Object<F>;
            return Ok(unsafe { Rc::from_raw(raw) });
        }
    }
    type_error(format!("expected a {} object, got {}", F::class().name, v.type_name()))
}

/// `x` of type `F | None`.
pub fn cast_opt<F: StructClass>(v: &Value) -> PyResult<Option<Obj<F>>> {
    match v {
        Value::None => Ok(None),
        _ => cast(v).map(Some),
    }
}

/// `x.name` on `x` of type `F | None`: the instance, or CPython's AttributeError on None.
#[inline]
pub fn some<'a, F: StructClass>(v: &'a Option<Obj<F>>, name: &str) -> PyResult<&'a Obj<F>> {
    match v {
        Some(o) => Ok(o),
        None => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'NoneType' object has no attribute '{}'", name))),
    }
}

/// A field that some classes sharing the struct lack (`Option`, None while absent), as
/// its value, or CPython's AttributeError.
#[inline]
pub fn present<F: ?Sized + Fields, T>(o: &Object<F>, value: Option<T>, name: &str) -> PyResult<T> {
    match value {
        Some(v) => Ok(v),
        None => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute '{}'", o.class.name, name))),
    }
}

/// A typed instance, or None: its class, for `isinstance`.
pub trait Instance {
    fn class_of(&self) -> Option<&'static Class>;
}

impl<F: StructClass> Instance for Obj<F> {
    fn class_of(&self) -> Option<&'static Class> {
        Some(self.class)
    }
}

impl<F: StructClass> Instance for Option<Obj<F>> {
    fn class_of(&self) -> Option<&'static Class> {
        self.as_ref().map(|o| o.class)
    }
}

/// `isinstance(x, C)` on a typed instance (None is an instance of no user class).
#[inline]
pub fn isinstance<T: Instance>(x: &T, class: &'static Class) -> bool {
    x.class_of().map_or(false, |c| crate::classes::is_subclass(c, class))
}

/// A typed value handed to dynamic code.
pub trait IntoValue {
    fn into_value(self) -> Value;
}

/// A Value the inference proved to have a field's type, as that type.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> PyResult<Self>;
}

impl IntoValue for Value {
    fn into_value(self) -> Value {
        self
    }
}

impl FromValue for Value {
    fn from_value(v: &Value) -> PyResult<Value> {
        Ok(v.clone())
    }
}

impl IntoValue for f64 {
    fn into_value(self) -> Value {
        Value::Float(self)
    }
}

impl FromValue for f64 {
    fn from_value(v: &Value) -> PyResult<f64> {
        crate::floatops::unbox(v)
    }
}

impl IntoValue for bool {
    fn into_value(self) -> Value {
        Value::Bool(self)
    }
}

impl FromValue for bool {
    fn from_value(v: &Value) -> PyResult<bool> {
        crate::floatops::unbox_bool(v)
    }
}

impl IntoValue for i64 {
    fn into_value(self) -> Value {
        Value::Int(self)
    }
}

impl FromValue for i64 {
    fn from_value(v: &Value) -> PyResult<i64> {
        crate::intops::unbox(v)
    }
}

impl IntoValue for crate::int::Int {
    fn into_value(self) -> Value {
        self.to_value()
    }
}

impl FromValue for crate::int::Int {
    fn from_value(v: &Value) -> PyResult<crate::int::Int> {
        crate::int::Int::unbox(v)
    }
}

impl IntoValue for Str {
    fn into_value(self) -> Value {
        Value::Str(self)
    }
}

impl FromValue for Str {
    fn from_value(v: &Value) -> PyResult<Str> {
        crate::strops::unbox(v)
    }
}

impl<F: StructClass> IntoValue for Obj<F> {
    fn into_value(self) -> Value {
        Value::Object(self)
    }
}

impl<F: StructClass> FromValue for Obj<F> {
    fn from_value(v: &Value) -> PyResult<Obj<F>> {
        cast(v)
    }
}

impl<F: StructClass> IntoValue for Option<Obj<F>> {
    fn into_value(self) -> Value {
        match self {
            Some(o) => Value::Object(o),
            None => Value::None,
        }
    }
}

impl<F: StructClass> FromValue for Option<Obj<F>> {
    fn from_value(v: &Value) -> PyResult<Option<Obj<F>>> {
        cast_opt(v)
    }
}

/// The typed fields of `o` copied into `new` (same class), each value mapped by `copy`.
pub fn copy_fields(o: &Object, new: &Object, copy: &mut dyn FnMut(Value) -> PyResult<Value>) -> PyResult<()> {
    for name in o.data.names() {
        if let Some(v) = o.data.get(name) {
            new.data.set(name, &copy(v)?)?;
        }
    }
    Ok(())
}

/// Instances as the elements of a typed list (`List<Obj<Body>>`).  Python compares them by
/// identity (the translator keeps lists of classes defining comparisons dynamic, and
/// never sorts a typed list of instances), so `==` and `in` are `Rc::ptr_eq`.
impl<F: StructClass> crate::typed::Elem for Obj<F> {
    fn to_value(&self) -> Value {
        Value::Object(self.clone())
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        cast(v)
    }
    fn py_lt(&self, _other: &Self) -> bool {
        false // instances have no order (sorting such a list stays dynamic)
    }
    fn py_eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(self, other)
    }
}

/// Instances or None as the elements of a typed list (`[None] * 6`, then tasks).
impl<F: StructClass> crate::typed::Elem for Option<Obj<F>> {
    fn to_value(&self) -> Value {
        self.clone().into_value()
    }
    fn from_value(v: &Value) -> PyResult<Self> {
        cast_opt(v)
    }
    fn py_lt(&self, _other: &Self) -> bool {
        false // neither instances nor None have an order
    }
    fn py_eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}
