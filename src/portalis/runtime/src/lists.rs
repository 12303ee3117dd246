//! List operations the translator calls directly where the inference proved the
//! receiver is a list, instead of dispatching a method call by name.

use crate::exc::*;
use crate::value::Value;

/// `list.append(item)`.
#[inline]
pub fn append(list: &Value, item: Value) -> PyResult<Value> {
    match list {
        Value::List(items) => {
            items.borrow_mut().push(item);
            Ok(Value::None)
        }
        _ => crate::methods::call_method(list, "append", vec![item]),
    }
}
