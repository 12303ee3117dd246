use super::*;

fn big(s: &str) -> Int {
    Int::literal(s)
}

#[test]
fn small_arithmetic_stays_small() {
    let a = Int::from(40);
    assert_eq!(&a + 2, Int::Small(42));
    assert_eq!(&a - &Int::from(50), Int::Small(-10));
    assert_eq!(&a * &a, Int::Small(1600));
    assert_eq!(3 * &a, Int::Small(120));
}

#[test]
fn overflow_grows_and_shrinks_back() {
    let max = Int::from(i64::MAX);
    let over = &max + 1;
    assert!(matches!(over, Int::Big(_)));
    assert_eq!(over.to_string(), "9223372036854775808");
    assert_eq!(&over - 1, Int::Small(i64::MAX));
    let min = Int::from(i64::MIN);
    assert_eq!((&min - 1).to_string(), "-9223372036854775809");
    assert_eq!(min.neg().to_string(), "9223372036854775808");
    assert_eq!(min.abs().to_string(), "9223372036854775808");
    assert_eq!(min.floordiv(&Int::from(-1)).unwrap().to_string(), "9223372036854775808");
    assert_eq!(min.modulo(&Int::from(-1)).unwrap(), 0);
}

#[test]
fn factorial_and_powers() {
    let mut f = Int::from(1);
    for i in 1..=30 {
        f = &f * i;
    }
    assert_eq!(f.to_string(), "265252859812191058636308480000000");
    assert_eq!(Int::from(2).pow(&Int::from(100)).unwrap().to_string(), "1267650600228229401496703205376");
    assert_eq!(Int::from(-3).pow(&Int::from(3)).unwrap(), -27);
    assert_eq!(Int::from(-1).pow(&Int::from(1 << 40)).unwrap(), 1);
    assert_eq!(Int::from(7).pow(&Int::from(0)).unwrap(), 1);
    assert!(Int::from(2).pow(&Int::from(-1)).is_err());
}

#[test]
fn floor_division_and_modulo_follow_python() {
    let cases = [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1)];
    for (a, b, q, r) in cases {
        assert_eq!(Int::from(a).floordiv(&Int::from(b)).unwrap(), q);
        assert_eq!(Int::from(a).modulo(&Int::from(b)).unwrap(), r);
    }
    let n = big("-100000000000000000000");
    assert_eq!(n.floordiv(&Int::from(7)).unwrap().to_string(), "-14285714285714285715");
    assert_eq!(n.modulo(&Int::from(7)).unwrap(), 5);
    assert_eq!(n.divmod(&Int::from(-7)).unwrap().1, -2);
    let zero = Int::from(0);
    let e = Int::from(1).floordiv(&zero).unwrap_err();
    assert!(e.matches(&ZERO_DIVISION_ERROR));
    assert!(n.modulo(&zero).unwrap_err().matches(&ZERO_DIVISION_ERROR));
    assert!(n.floordiv(&zero).is_err());
    assert_eq!(Int::from(1).truediv(&Int::from(4)).unwrap(), 0.25);
}

#[test]
fn comparisons_order_small_and_big() {
    let huge = big("100000000000000000000");
    let neg = huge.neg();
    assert!(Int::from(5) < huge);
    assert!(neg < Int::from(i64::MIN));
    assert!(huge > 0 && neg < 0 && 0 < huge);
    assert_eq!(Int::from(3), 3);
    assert!(huge != 3);
    let mut v = vec![huge.clone(), Int::from(1), neg.clone(), Int::from(-1)];
    v.sort();
    assert_eq!(v, vec![neg, Int::from(-1), Int::from(1), huge]);
}

#[test]
fn bits_and_shifts() {
    assert_eq!(Int::from(1).lshift(&Int::from(64)).unwrap().to_string(), "18446744073709551616");
    assert_eq!(Int::from(-1).lshift(&Int::from(3)).unwrap(), -8);
    assert_eq!(big("18446744073709551616").rshift(&Int::from(60)).unwrap(), 16);
    assert_eq!(Int::from(-5).rshift(&Int::from(1)).unwrap(), -3);
    assert_eq!(Int::from(-5).rshift(&Int::from(100)).unwrap(), -1);
    assert!(Int::from(1).lshift(&Int::from(-1)).is_err());
    assert_eq!(&Int::from(12) & &Int::from(10), 8);
    assert_eq!(&Int::from(12) | 3, 15);
    assert_eq!(&Int::from(12) ^ 5, 9);
    assert_eq!(!&Int::from(5), -6);
    let b = big("-18446744073709551616");
    assert_eq!((!&b).to_string(), "18446744073709551615");
    assert_eq!(&b & -1, b);
    assert_eq!(Int::from(255).bit_length(), 8);
    assert_eq!(Int::from(-256).bit_length(), 9);
    assert_eq!(b.bit_length(), 65);
}

#[test]
fn text_and_values() {
    assert_eq!(Int::parse(" -42 ").unwrap(), -42);
    assert_eq!(Int::parse("1_000").unwrap(), 1000);
    assert_eq!(Int::parse("123456789012345678901234567890").unwrap().to_string(), "123456789012345678901234567890");
    let err = Int::parse("12a").unwrap_err();
    assert!(err.matches(&VALUE_ERROR));
    assert_eq!(Int::parse_base("ff", 16).unwrap(), 255);
    assert_eq!(&*Int::from(-7).to_str(), "-7");
    let b = big("99999999999999999999");
    assert!(matches!(b.to_value(), Value::BigInt(_)));
    assert!(matches!(Int::from(3).to_value(), Value::Int(3)));
    assert_eq!(Int::unbox(&b.to_value()).unwrap(), b);
    assert_eq!(Int::unbox(&Value::Bool(true)).unwrap(), 1);
    assert!(Int::unbox(&Value::Float(1.0)).is_err());
    assert_eq!(Int::from(3).to_f64().unwrap(), 3.0);
    assert_eq!(b.to_f64().unwrap(), 1e20);
    assert!(Int::from(10).pow(&Int::from(400)).unwrap().to_f64().is_err());
    assert!(b.to_index().is_err());
    assert_eq!(format!("{:>5}", Int::from(42)), "   42");
}

#[test]
fn hashes_match_boxed_values() {
    for v in [Int::from(5), Int::from(-1), Int::from(i64::MIN), big("1267650600228229401496703205376"), big("-2305843009213693951")] {
        assert_eq!(v.py_hash(), crate::tables::PyKey::py_hash(&v.to_value()));
    }
    assert_eq!(Int::from(-1).py_hash(), -2);
}

#[test]
fn ranges_cross_into_big_values() {
    let start = Int::from(i64::MAX - 1);
    let items: Vec<String> = range(start, big("9223372036854775809"), Int::from(1)).unwrap().map(|i| i.to_string()).collect();
    assert_eq!(items, vec!["9223372036854775806", "9223372036854775807", "9223372036854775808"]);
    let down: Vec<Int> = range(Int::from(3), Int::from(-3), Int::from(-2)).unwrap().collect();
    assert_eq!(down, vec![Int::from(3), Int::from(1), Int::from(-1)]);
    assert!(range(Int::from(0), Int::from(1), Int::from(0)).is_err());
}
