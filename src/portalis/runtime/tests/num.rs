use super::*;

fn big(s: &str) -> Num {
    Num::Int(Int::literal(s))
}

#[test]
fn each_value_keeps_its_kind() {
    let two = Num::from(4).floordiv(&Num::from(2)).unwrap();
    assert_eq!(two, Num::from(2));
    assert_eq!(Num::from(4).truediv(&Num::from(2)).unwrap(), 2.0);
    assert_eq!(Num::from(3).add(&Num::from(0.5)).unwrap(), Num::Float(3.5));
    assert_eq!(Num::from(7).modulo(&Num::from(-2)).unwrap(), Num::from(-1));
    assert_eq!(Num::from(7.5).floordiv(&Num::from(2)).unwrap(), Num::Float(3.0));
    assert!(matches!(Num::from(2).to_value(), Value::Int(2)));
    assert!(matches!(Num::from(2.0).to_value(), Value::Float(f) if f == 2.0));
}

#[test]
fn ints_stay_exact_past_two_to_the_53() {
    let n = Num::from(1i64 << 53).add(&Num::from(1)).unwrap();
    assert_eq!(n, Num::from((1i64 << 53) + 1));
    let huge = big("100000000000000000000000").mul(&Num::from(10)).unwrap();
    assert_eq!(huge, big("1000000000000000000000000"));
}

#[test]
fn mixed_comparisons_are_exact() {
    let n = Num::from((1i64 << 53) + 1);
    let f = Num::from(9007199254740992.0);
    assert!(n.gt(&f).unwrap());
    assert!(!n.eq(&f).unwrap());
    assert!(Num::from(2).eq(&Num::from(2.0)).unwrap());
    assert!(Num::from(1).lt(&Num::from(1.5)).unwrap());
    let nan = Num::from(f64::NAN);
    assert!(!nan.eq(&nan).unwrap() && nan.ne(&nan).unwrap() && !nan.lt(&Num::from(1)).unwrap());
}

#[test]
fn python_errors() {
    assert!(Num::from(1).floordiv(&Num::from(0)).is_err());
    assert!(Num::from(1.0).truediv(&Num::from(0)).is_err());
    let too_big = Num::Int(Int::literal(&format!("1{}", "0".repeat(400))));
    assert!(too_big.add(&Num::from(1.0)).is_err());
    assert!(Num::unbox(&Value::Bool(true)).is_err());
}
