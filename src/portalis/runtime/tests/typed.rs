use super::*;

fn ints(items: &[i64]) -> List<i64> {
    List::from_vec(items.to_vec())
}

#[test]
fn indexing_follows_python() {
    let l = ints(&[1, 2, 3]);
    assert_eq!(l.get(0).unwrap(), 1);
    assert_eq!(l.get(-1).unwrap(), 3);
    assert_eq!(l.get(-3).unwrap(), 1);
    assert!(l.get(3).is_err());
    assert!(l.get(-4).is_err());
    l.set(-1, 9).unwrap();
    assert_eq!(l.to_vec(), vec![1, 2, 9]);
    assert!(l.set(5, 0).is_err());
}

#[test]
fn clones_are_aliases_and_copies_are_not() {
    let a = ints(&[1]);
    let b = a.clone();
    b.append(2);
    assert_eq!(a.to_vec(), vec![1, 2]);
    let c = a.copy();
    c.append(3);
    assert_eq!(a.len(), 2);
    assert_eq!(c.len(), 3);
}

#[test]
fn pop_insert_repeat_extend() {
    let l = List::repeat(vec![0_i64], 3);
    assert_eq!(l.to_vec(), vec![0, 0, 0]);
    assert!(List::<i64>::repeat(vec![1], -2).is_empty());
    l.insert(-1, 5);
    l.insert(100, 7);
    l.insert(-100, 8);
    assert_eq!(l.to_vec(), vec![8, 0, 0, 5, 0, 7]);
    assert_eq!(l.pop().unwrap(), 7);
    assert_eq!(l.pop_at(0).unwrap(), 8);
    assert!(l.pop_at(10).is_err());
    l.extend(&l.clone());
    assert_eq!(l.len(), 8);
    let empty: List<i64> = List::default();
    assert!(empty.pop().is_err());
}

#[test]
fn slices_use_python_bounds() {
    let l = ints(&[0, 1, 2, 3, 4]);
    let s = l.slice(&Value::Int(1), &Value::Int(-1), &Value::None).unwrap();
    assert_eq!(s.to_vec(), vec![1, 2, 3]);
    let r = l.slice(&Value::None, &Value::None, &Value::Int(-2)).unwrap();
    assert_eq!(r.to_vec(), vec![4, 2, 0]);
    assert!(l.slice(&Value::None, &Value::None, &Value::Int(0)).is_err());
}

#[test]
fn iteration_sees_appends_made_during_the_loop() {
    let l = ints(&[1, 2]);
    let mut seen = vec![];
    for x in l.iter() {
        if x < 3 {
            l.append(x + 2);
        }
        seen.push(x);
    }
    assert_eq!(seen, vec![1, 2, 3, 4]);
}

#[test]
fn sorting_and_boxing() {
    let l = List::from_vec(vec![2.5, -1.0, 2.0]);
    assert_eq!(l.sorted().to_vec(), vec![-1.0, 2.0, 2.5]);
    let nested = List::from_vec(vec![ints(&[2]), ints(&[1, 5]), ints(&[1])]);
    nested.sort();
    assert_eq!(nested.to_value().repr(), "[[1], [1, 5], [2]]");
    let flags = List::from_vec(vec![true, false]);
    assert_eq!(flags.to_value().repr(), "[True, False]");
    let back: List<bool> = List::from_value(&flags.to_value()).unwrap();
    assert_eq!(back.to_vec(), vec![true, false]);
    assert!(List::<f64>::from_value(&Value::list(vec![Value::Int(1)])).is_err());
}

fn counts(pairs: &[(&str, i64)]) -> Map<Str, i64> {
    Map::from_pairs(pairs.iter().map(|(k, v)| (Str::from(*k), *v)).collect())
}

#[test]
fn maps_keep_insertion_order_and_alias() {
    let a = counts(&[("b", 1), ("a", 2), ("b", 3)]);
    assert_eq!(a.entries(), vec![(Str::from("b"), 3), (Str::from("a"), 2)]);
    let b = a.clone();
    b.set(Str::from("c"), 4);
    assert_eq!(a.len(), 3);
    assert_eq!(a.get_or(&Str::from("c"), 0), 4);
    assert_eq!(a.setdefault(Str::from("a"), 9), 2);
    assert_eq!(a.pop_or(&Str::from("zz"), 7), 7);
    let c = a.copy();
    c.clear();
    assert_eq!((a.len(), c.len()), (3, 0));
    assert_eq!(a.to_value().repr(), "{'b': 3, 'a': 2, 'c': 4}");
}

#[test]
fn missing_keys_raise_key_error_with_the_key() {
    let a: Map<i64, f64> = Map::new();
    let err = a.get_item(&5).unwrap_err();
    assert!(err.matches(&crate::KEY_ERROR));
    assert_eq!(err.message(), "5");
    assert!(a.pop(&5).is_err());
}

#[test]
fn map_iterators_fail_when_the_size_changes() {
    let a = counts(&[("x", 1), ("y", 2)]);
    let mut keys = a.keys();
    assert_eq!(&*keys.next().unwrap().unwrap(), "x");
    a.set(Str::from("z"), 3);
    assert!(keys.next().unwrap().is_err());
    let values: Vec<i64> = a.values().map(|v| v.unwrap()).collect();
    assert_eq!(values, vec![1, 2, 3]);
}

#[test]
fn text_methods_give_typed_lists() {
    let parts = text::split("a  b c", None).unwrap();
    assert_eq!(parts.len(), 3);
    assert!(text::split("abc", Some("")).is_err());
    assert_eq!(&*text::join("-", &parts), "a-b-c");
    assert_eq!(text::splitlines("x\ny\r\n").len(), 2);
    assert_eq!(text::rsplit("a,b", Some(",")).unwrap().len(), 2);
}

#[test]
fn tuples_compare_like_python() {
    assert!((1_i64, 5_i64).py_lt(&(2, 0)));
    assert!(!(2_i64, 0_i64).py_lt(&(2, 0)));
    assert!((2_i64, 0_i64).py_eq(&(2, 0)));
    // The first unequal pair decides: NaN is unequal to itself and not less than 1.0.
    assert!(!(f64::NAN, 0.0).py_lt(&(1.0, 1.0)));
    assert!((0.0, 1.0).py_lt(&(-0.0, 2.0)));
    let v = (3_i64, Str::from("a")).to_value();
    assert_eq!(<(i64, Str)>::from_value(&v).unwrap(), (3, Str::from("a")));
    assert!(<(i64, i64)>::from_value(&Value::Int(1)).is_err());
}

#[test]
fn heapq_keeps_cpythons_layout() {
    // heapq.heappush over these items, as CPython leaves the list.
    let h: List<(i64, i64)> = List::from_vec(vec![]);
    for (i, x) in [5, 3, 8, 1, 9, 2, 7, 3].iter().enumerate() {
        h.heappush((*x, i as i64));
    }
    let firsts: Vec<i64> = h.to_vec().iter().map(|t| t.0).collect();
    assert_eq!(firsts, vec![1, 3, 2, 3, 9, 8, 7, 5]);
    assert_eq!(h.heappop().unwrap(), (1, 3));
    assert_eq!(h.to_vec().iter().map(|t| t.0).collect::<Vec<_>>(), vec![2, 3, 5, 3, 9, 8, 7]);
    assert_eq!(h.heappushpop((0, 0)), (0, 0));
    assert_eq!(h.heapreplace((4, 0)).unwrap(), (2, 5));
    let x = ints(&[9, 8, 7, 6, 5, 4, 3, 2, 1]);
    x.heapify();
    assert_eq!(x.to_vec(), vec![1, 2, 3, 6, 5, 4, 7, 8, 9]);
    let empty = ints(&[]);
    assert!(empty.heappop().is_err());
    assert!(empty.heapreplace(1).is_err());
    assert_eq!(empty.heappushpop(4), 4);
}

#[test]
fn typed_sets_keep_cpythons_order_and_box_slot_for_slot() {
    let s: SetOf<Int> = SetOf::new();
    for k in [33_i64, 1, 17, 9, -1, 64, 5] {
        s.add(Int::from(k));
    }
    s.discard(&Int::from(17));
    // CPython 3.11: s = set(); for k in [33, 1, 17, 9, -1, 64, 5]: s.add(k); s.discard(17) -> {64, 33, 1, 5, 9, -1}
    assert_eq!(s.to_value().repr(), "{64, 33, 1, 5, 9, -1}");
    assert!(s.contains(&Int::from(-1)) && !s.contains(&Int::from(17)));
    let back = SetOf::<Int>::from_value(&s.to_value()).unwrap();
    assert_eq!(back.to_value().repr(), s.to_value().repr());
    assert!(s.remove(&Int::from(17)).is_err());
    let mut it = s.iter();
    it.next().unwrap().unwrap();
    s.add(Int::from(2));
    assert!(it.next().unwrap().is_err());
    let c: SetOf<Int> = SetOf::from_constants(vec![Int::from(3), Int::from(1), Int::from(2)]);
    assert_eq!(c.len(), 3);
}
