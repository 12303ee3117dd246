//! `collections`: Counter, defaultdict and OrderedDict (dicts of another `DictKind`)
//! and their extra methods.

use crate::exc::*;
use crate::methods::{dict_method, Args};
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Methods of the dict kinds other than plain dict; what they share with dict falls through.
pub fn mapping_method(d: &Rc<RefCell<Dict>>, a: &Args) -> PyResult<Value> {
    dict_method(d, a)
}
