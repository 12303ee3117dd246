//! Unit tests of the runtime's `strmethods` module, kept out of the shipped source.
//! Expected values were produced by CPython 3.11 (generated, not hand-written).
use super::*;

fn t3(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.to_string(), b.to_string(), c.to_string())
}

/// (find, rfind, count, startswith, endswith) over one window.
fn search(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> (i64, i64, i64, bool, bool) {
    (
        find(s, sub, start, end),
        rfind(s, sub, start, end),
        count(s, sub, start, end),
        startswith(s, sub, start, end),
        endswith(s, sub, start, end),
    )
}

/// The is* predicates of `s` as 0/1 flags, in the order isdigit, isdecimal,
/// isnumeric, isalpha, isalnum, isspace, isupper, islower, istitle, isascii,
/// isidentifier, isprintable.
fn predicates(s: &str) -> String {
    let all: [fn(&str) -> bool; 12] = [
        isdigit,
        isdecimal,
        isnumeric,
        isalpha,
        isalnum,
        isspace,
        isupper,
        islower,
        istitle,
        isascii,
        isidentifier,
        isprintable,
    ];
    all.iter().map(|p| if p(s) { '1' } else { '0' }).collect()
}

#[test]
fn split_matches_cpython() {
    assert_eq!(split("  a  b c  ", None, -1).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(split("  a  b c  ", None, 0).unwrap(), vec!["a  b c  "]);
    assert_eq!(split("  a  b c  ", None, 1).unwrap(), vec!["a", "b c  "]);
    assert_eq!(split("  a  b c  ", None, 2).unwrap(), vec!["a", "b", "c  "]);
    assert_eq!(split("  a  b c  ", None, 10).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(split("a b c", None, -1).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(split("a b c", None, 0).unwrap(), vec!["a b c"]);
    assert_eq!(split("a b c", None, 1).unwrap(), vec!["a", "b c"]);
    assert_eq!(split("a b c", None, 2).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(split("a b c", None, 10).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(split("", None, -1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("", None, 0).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("", None, 1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("", None, 2).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("", None, 10).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("   ", None, -1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("   ", None, 0).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("   ", None, 1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("   ", None, 2).unwrap(), vec![] as Vec<&str>);
    assert_eq!(split("   ", None, 10).unwrap(), vec![] as Vec<&str>);
    assert_eq!(
        split("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, -1).unwrap(),
        vec!["a", "b", "c", "d", "e"]
    );
    assert_eq!(
        split("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 0).unwrap(),
        vec!["a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}"]
    );
    assert_eq!(
        split("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 1).unwrap(),
        vec!["a", "b\u{85}c\u{A0}d\u{2003}e\u{3000}"]
    );
    assert_eq!(
        split("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 2).unwrap(),
        vec!["a", "b", "c\u{A0}d\u{2003}e\u{3000}"]
    );
    assert_eq!(
        split("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 10).unwrap(),
        vec!["a", "b", "c", "d", "e"]
    );
    assert_eq!(
        split("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, -1).unwrap(),
        vec!["\u{E9}", "\u{DF}", "\u{1F600}", "\u{4E2D}"]
    );
    assert_eq!(
        split("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 0).unwrap(),
        vec!["\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}"]
    );
    assert_eq!(
        split("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 1).unwrap(),
        vec!["\u{E9}", "\u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}"]
    );
    assert_eq!(
        split("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 2).unwrap(),
        vec!["\u{E9}", "\u{DF}", "\u{1F600}\u{A}\u{4E2D}"]
    );
    assert_eq!(
        split("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 10).unwrap(),
        vec!["\u{E9}", "\u{DF}", "\u{1F600}", "\u{4E2D}"]
    );
    assert_eq!(split(" a b c ", None, -1).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(split(" a b c ", None, 0).unwrap(), vec!["a b c "]);
    assert_eq!(split(" a b c ", None, 1).unwrap(), vec!["a", "b c "]);
    assert_eq!(split(" a b c ", None, 2).unwrap(), vec!["a", "b", "c "]);
    assert_eq!(split(" a b c ", None, 10).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(split("x", None, -1).unwrap(), vec!["x"]);
    assert_eq!(split("x", None, 0).unwrap(), vec!["x"]);
    assert_eq!(split("x", None, 1).unwrap(), vec!["x"]);
    assert_eq!(split("x", None, 2).unwrap(), vec!["x"]);
    assert_eq!(split("x", None, 10).unwrap(), vec!["x"]);
    assert_eq!(
        split("a,b,,c", Some(","), -1).unwrap(),
        vec!["a", "b", "", "c"]
    );
    assert_eq!(split("a,b,,c", Some(","), 0).unwrap(), vec!["a,b,,c"]);
    assert_eq!(split("a,b,,c", Some(","), 1).unwrap(), vec!["a", "b,,c"]);
    assert_eq!(split("a,b,,c", Some(","), 2).unwrap(), vec!["a", "b", ",c"]);
    assert_eq!(split("", Some(","), -1).unwrap(), vec![""]);
    assert_eq!(split("", Some(","), 0).unwrap(), vec![""]);
    assert_eq!(split("", Some(","), 1).unwrap(), vec![""]);
    assert_eq!(split("", Some(","), 2).unwrap(), vec![""]);
    assert_eq!(split("aaa", Some("aa"), -1).unwrap(), vec!["", "a"]);
    assert_eq!(split("aaa", Some("aa"), 0).unwrap(), vec!["aaa"]);
    assert_eq!(split("aaa", Some("aa"), 1).unwrap(), vec!["", "a"]);
    assert_eq!(split("aaa", Some("aa"), 2).unwrap(), vec!["", "a"]);
    assert_eq!(split("aaaa", Some("aa"), -1).unwrap(), vec!["", "", ""]);
    assert_eq!(split("aaaa", Some("aa"), 0).unwrap(), vec!["aaaa"]);
    assert_eq!(split("aaaa", Some("aa"), 1).unwrap(), vec!["", "aa"]);
    assert_eq!(split("aaaa", Some("aa"), 2).unwrap(), vec!["", "", ""]);
    assert_eq!(
        split("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), -1).unwrap(),
        vec!["\u{1F600}", "\u{1F600}", "\u{1F600}"]
    );
    assert_eq!(
        split("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), 0).unwrap(),
        vec!["\u{1F600}x\u{1F600}x\u{1F600}"]
    );
    assert_eq!(
        split("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), 1).unwrap(),
        vec!["\u{1F600}", "\u{1F600}x\u{1F600}"]
    );
    assert_eq!(
        split("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), 2).unwrap(),
        vec!["\u{1F600}", "\u{1F600}", "\u{1F600}"]
    );
    assert_eq!(
        split("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), -1).unwrap(),
        vec!["\u{4E2D}", "\u{4E2D}", ""]
    );
    assert_eq!(
        split("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), 0).unwrap(),
        vec!["\u{4E2D}\u{6587}\u{4E2D}\u{6587}"]
    );
    assert_eq!(
        split("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), 1).unwrap(),
        vec!["\u{4E2D}", "\u{4E2D}\u{6587}"]
    );
    assert_eq!(
        split("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), 2).unwrap(),
        vec!["\u{4E2D}", "\u{4E2D}", ""]
    );
    assert_eq!(
        split("a::b::c", Some("::"), -1).unwrap(),
        vec!["a", "b", "c"]
    );
    assert_eq!(split("a::b::c", Some("::"), 0).unwrap(), vec!["a::b::c"]);
    assert_eq!(split("a::b::c", Some("::"), 1).unwrap(), vec!["a", "b::c"]);
    assert_eq!(
        split("a::b::c", Some("::"), 2).unwrap(),
        vec!["a", "b", "c"]
    );
    assert_eq!(split(",a,", Some(","), -1).unwrap(), vec!["", "a", ""]);
    assert_eq!(split(",a,", Some(","), 0).unwrap(), vec![",a,"]);
    assert_eq!(split(",a,", Some(","), 1).unwrap(), vec!["", "a,"]);
    assert_eq!(split(",a,", Some(","), 2).unwrap(), vec!["", "a", ""]);
    assert_eq!(
        split("\u{E9}-\u{E9}", Some("\u{E9}"), -1).unwrap(),
        vec!["", "-", ""]
    );
    assert_eq!(
        split("\u{E9}-\u{E9}", Some("\u{E9}"), 0).unwrap(),
        vec!["\u{E9}-\u{E9}"]
    );
    assert_eq!(
        split("\u{E9}-\u{E9}", Some("\u{E9}"), 1).unwrap(),
        vec!["", "-\u{E9}"]
    );
    assert_eq!(
        split("\u{E9}-\u{E9}", Some("\u{E9}"), 2).unwrap(),
        vec!["", "-", ""]
    );
    assert_eq!(
        split("abc", Some(""), -1),
        Err("empty separator".to_string())
    );
    assert_eq!(
        split("abc", Some(""), 0),
        Err("empty separator".to_string())
    );
    assert_eq!(
        split("abc", Some(""), 1),
        Err("empty separator".to_string())
    );
    assert_eq!(
        split("abc", Some(""), 2),
        Err("empty separator".to_string())
    );
    assert_eq!(
        split("a b", None, 4611686018427387904).unwrap(),
        vec!["a", "b"]
    );
}

#[test]
fn rsplit_matches_cpython() {
    assert_eq!(rsplit("  a  b c  ", None, -1).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(rsplit("  a  b c  ", None, 0).unwrap(), vec!["  a  b c"]);
    assert_eq!(rsplit("  a  b c  ", None, 1).unwrap(), vec!["  a  b", "c"]);
    assert_eq!(
        rsplit("  a  b c  ", None, 2).unwrap(),
        vec!["  a", "b", "c"]
    );
    assert_eq!(rsplit("  a  b c  ", None, 10).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(rsplit("a b c", None, -1).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(rsplit("a b c", None, 0).unwrap(), vec!["a b c"]);
    assert_eq!(rsplit("a b c", None, 1).unwrap(), vec!["a b", "c"]);
    assert_eq!(rsplit("a b c", None, 2).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(rsplit("a b c", None, 10).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(rsplit("", None, -1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("", None, 0).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("", None, 1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("", None, 2).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("", None, 10).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("   ", None, -1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("   ", None, 0).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("   ", None, 1).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("   ", None, 2).unwrap(), vec![] as Vec<&str>);
    assert_eq!(rsplit("   ", None, 10).unwrap(), vec![] as Vec<&str>);
    assert_eq!(
        rsplit("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, -1).unwrap(),
        vec!["a", "b", "c", "d", "e"]
    );
    assert_eq!(
        rsplit("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 0).unwrap(),
        vec!["\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e"]
    );
    assert_eq!(
        rsplit("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 1).unwrap(),
        vec!["\u{1C}a\u{1F}b\u{85}c\u{A0}d", "e"]
    );
    assert_eq!(
        rsplit("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 2).unwrap(),
        vec!["\u{1C}a\u{1F}b\u{85}c", "d", "e"]
    );
    assert_eq!(
        rsplit("\u{1C}a\u{1F}b\u{85}c\u{A0}d\u{2003}e\u{3000}", None, 10).unwrap(),
        vec!["a", "b", "c", "d", "e"]
    );
    assert_eq!(
        rsplit("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, -1).unwrap(),
        vec!["\u{E9}", "\u{DF}", "\u{1F600}", "\u{4E2D}"]
    );
    assert_eq!(
        rsplit("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 0).unwrap(),
        vec!["\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}"]
    );
    assert_eq!(
        rsplit("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 1).unwrap(),
        vec!["\u{E9} \u{DF}\u{9}\u{1F600}", "\u{4E2D}"]
    );
    assert_eq!(
        rsplit("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 2).unwrap(),
        vec!["\u{E9} \u{DF}", "\u{1F600}", "\u{4E2D}"]
    );
    assert_eq!(
        rsplit("\u{E9} \u{DF}\u{9}\u{1F600}\u{A}\u{4E2D}", None, 10).unwrap(),
        vec!["\u{E9}", "\u{DF}", "\u{1F600}", "\u{4E2D}"]
    );
    assert_eq!(rsplit(" a b c ", None, -1).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(rsplit(" a b c ", None, 0).unwrap(), vec![" a b c"]);
    assert_eq!(rsplit(" a b c ", None, 1).unwrap(), vec![" a b", "c"]);
    assert_eq!(rsplit(" a b c ", None, 2).unwrap(), vec![" a", "b", "c"]);
    assert_eq!(rsplit(" a b c ", None, 10).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(rsplit("x", None, -1).unwrap(), vec!["x"]);
    assert_eq!(rsplit("x", None, 0).unwrap(), vec!["x"]);
    assert_eq!(rsplit("x", None, 1).unwrap(), vec!["x"]);
    assert_eq!(rsplit("x", None, 2).unwrap(), vec!["x"]);
    assert_eq!(rsplit("x", None, 10).unwrap(), vec!["x"]);
    assert_eq!(
        rsplit("a,b,,c", Some(","), -1).unwrap(),
        vec!["a", "b", "", "c"]
    );
    assert_eq!(rsplit("a,b,,c", Some(","), 0).unwrap(), vec!["a,b,,c"]);
    assert_eq!(rsplit("a,b,,c", Some(","), 1).unwrap(), vec!["a,b,", "c"]);
    assert_eq!(
        rsplit("a,b,,c", Some(","), 2).unwrap(),
        vec!["a,b", "", "c"]
    );
    assert_eq!(rsplit("", Some(","), -1).unwrap(), vec![""]);
    assert_eq!(rsplit("", Some(","), 0).unwrap(), vec![""]);
    assert_eq!(rsplit("", Some(","), 1).unwrap(), vec![""]);
    assert_eq!(rsplit("", Some(","), 2).unwrap(), vec![""]);
    assert_eq!(rsplit("aaa", Some("aa"), -1).unwrap(), vec!["a", ""]);
    assert_eq!(rsplit("aaa", Some("aa"), 0).unwrap(), vec!["aaa"]);
    assert_eq!(rsplit("aaa", Some("aa"), 1).unwrap(), vec!["a", ""]);
    assert_eq!(rsplit("aaa", Some("aa"), 2).unwrap(), vec!["a", ""]);
    assert_eq!(rsplit("aaaa", Some("aa"), -1).unwrap(), vec!["", "", ""]);
    assert_eq!(rsplit("aaaa", Some("aa"), 0).unwrap(), vec!["aaaa"]);
    assert_eq!(rsplit("aaaa", Some("aa"), 1).unwrap(), vec!["aa", ""]);
    assert_eq!(rsplit("aaaa", Some("aa"), 2).unwrap(), vec!["", "", ""]);
    assert_eq!(
        rsplit("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), -1).unwrap(),
        vec!["\u{1F600}", "\u{1F600}", "\u{1F600}"]
    );
    assert_eq!(
        rsplit("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), 0).unwrap(),
        vec!["\u{1F600}x\u{1F600}x\u{1F600}"]
    );
    assert_eq!(
        rsplit("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), 1).unwrap(),
        vec!["\u{1F600}x\u{1F600}", "\u{1F600}"]
    );
    assert_eq!(
        rsplit("\u{1F600}x\u{1F600}x\u{1F600}", Some("x"), 2).unwrap(),
        vec!["\u{1F600}", "\u{1F600}", "\u{1F600}"]
    );
    assert_eq!(
        rsplit("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), -1).unwrap(),
        vec!["\u{4E2D}", "\u{4E2D}", ""]
    );
    assert_eq!(
        rsplit("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), 0).unwrap(),
        vec!["\u{4E2D}\u{6587}\u{4E2D}\u{6587}"]
    );
    assert_eq!(
        rsplit("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), 1).unwrap(),
        vec!["\u{4E2D}\u{6587}\u{4E2D}", ""]
    );
    assert_eq!(
        rsplit("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", Some("\u{6587}"), 2).unwrap(),
        vec!["\u{4E2D}", "\u{4E2D}", ""]
    );
    assert_eq!(
        rsplit("a::b::c", Some("::"), -1).unwrap(),
        vec!["a", "b", "c"]
    );
    assert_eq!(rsplit("a::b::c", Some("::"), 0).unwrap(), vec!["a::b::c"]);
    assert_eq!(rsplit("a::b::c", Some("::"), 1).unwrap(), vec!["a::b", "c"]);
    assert_eq!(
        rsplit("a::b::c", Some("::"), 2).unwrap(),
        vec!["a", "b", "c"]
    );
    assert_eq!(rsplit(",a,", Some(","), -1).unwrap(), vec!["", "a", ""]);
    assert_eq!(rsplit(",a,", Some(","), 0).unwrap(), vec![",a,"]);
    assert_eq!(rsplit(",a,", Some(","), 1).unwrap(), vec![",a", ""]);
    assert_eq!(rsplit(",a,", Some(","), 2).unwrap(), vec!["", "a", ""]);
    assert_eq!(
        rsplit("\u{E9}-\u{E9}", Some("\u{E9}"), -1).unwrap(),
        vec!["", "-", ""]
    );
    assert_eq!(
        rsplit("\u{E9}-\u{E9}", Some("\u{E9}"), 0).unwrap(),
        vec!["\u{E9}-\u{E9}"]
    );
    assert_eq!(
        rsplit("\u{E9}-\u{E9}", Some("\u{E9}"), 1).unwrap(),
        vec!["\u{E9}-", ""]
    );
    assert_eq!(
        rsplit("\u{E9}-\u{E9}", Some("\u{E9}"), 2).unwrap(),
        vec!["", "-", ""]
    );
    assert_eq!(
        rsplit("abc", Some(""), -1),
        Err("empty separator".to_string())
    );
    assert_eq!(
        rsplit("abc", Some(""), 0),
        Err("empty separator".to_string())
    );
    assert_eq!(
        rsplit("abc", Some(""), 1),
        Err("empty separator".to_string())
    );
    assert_eq!(
        rsplit("abc", Some(""), 2),
        Err("empty separator".to_string())
    );
    assert_eq!(
        rsplit("a,b", Some(","), 9223372036854775807).unwrap(),
        vec!["a", "b"]
    );
}

#[test]
fn splitlines_matches_cpython() {
    assert_eq!(splitlines("a\u{A}b\u{D}\u{A}c\u{D}d\u{B}e\u{C}f\u{1C}g\u{1D}h\u{1E}i\u{85}j\u{2028}k\u{2029}l", false), vec!["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]);
    assert_eq!(splitlines("a\u{A}b\u{D}\u{A}c\u{D}d\u{B}e\u{C}f\u{1C}g\u{1D}h\u{1E}i\u{85}j\u{2028}k\u{2029}l", true), vec!["a\u{A}", "b\u{D}\u{A}", "c\u{D}", "d\u{B}", "e\u{C}", "f\u{1C}", "g\u{1D}", "h\u{1E}", "i\u{85}", "j\u{2028}", "k\u{2029}", "l"]);
    assert_eq!(splitlines("", false), vec![] as Vec<&str>);
    assert_eq!(splitlines("", true), vec![] as Vec<&str>);
    assert_eq!(splitlines("\u{A}", false), vec![""]);
    assert_eq!(splitlines("\u{A}", true), vec!["\u{A}"]);
    assert_eq!(splitlines("a\u{A}\u{A}b\u{A}", false), vec!["a", "", "b"]);
    assert_eq!(
        splitlines("a\u{A}\u{A}b\u{A}", true),
        vec!["a\u{A}", "\u{A}", "b\u{A}"]
    );
    assert_eq!(splitlines("\u{D}\u{A}\u{D}", false), vec!["", ""]);
    assert_eq!(
        splitlines("\u{D}\u{A}\u{D}", true),
        vec!["\u{D}\u{A}", "\u{D}"]
    );
    assert_eq!(splitlines("no breaks", false), vec!["no breaks"]);
    assert_eq!(splitlines("no breaks", true), vec!["no breaks"]);
    assert_eq!(
        splitlines("\u{E9}\u{D}\u{A}\u{1F600}\u{2028}", false),
        vec!["\u{E9}", "\u{1F600}"]
    );
    assert_eq!(
        splitlines("\u{E9}\u{D}\u{A}\u{1F600}\u{2028}", true),
        vec!["\u{E9}\u{D}\u{A}", "\u{1F600}\u{2028}"]
    );
    assert_eq!(splitlines("x\u{1F}y", false), vec!["x\u{1F}y"]);
    assert_eq!(splitlines("x\u{1F}y", true), vec!["x\u{1F}y"]);
}

#[test]
fn strip_matches_cpython() {
    assert_eq!(strip("  hi  ", None), "hi");
    assert_eq!(strip("  hi  ", Some("x")), "  hi  ");
    assert_eq!(strip("  hi  ", Some("\u{E9}\u{1F600}")), "  hi  ");
    assert_eq!(strip("  hi  ", Some("")), "  hi  ");
    assert_eq!(
        strip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", None),
        "h\u{E9}"
    );
    assert_eq!(
        strip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", Some("x")),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(
        strip(
            "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}",
            Some("\u{E9}\u{1F600}")
        ),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(
        strip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", Some("")),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(strip("", None), "");
    assert_eq!(strip("", Some("x")), "");
    assert_eq!(strip("", Some("\u{E9}\u{1F600}")), "");
    assert_eq!(strip("", Some("")), "");
    assert_eq!(strip("   ", None), "");
    assert_eq!(strip("   ", Some("x")), "   ");
    assert_eq!(strip("   ", Some("\u{E9}\u{1F600}")), "   ");
    assert_eq!(strip("   ", Some("")), "   ");
    assert_eq!(strip("xxhixx", None), "xxhixx");
    assert_eq!(strip("xxhixx", Some("x")), "hi");
    assert_eq!(strip("xxhixx", Some("\u{E9}\u{1F600}")), "xxhixx");
    assert_eq!(strip("xxhixx", Some("")), "xxhixx");
    assert_eq!(
        strip("\u{E9}a\u{E9}\u{1F600}\u{E9}", None),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(
        strip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("x")),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(
        strip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("\u{E9}\u{1F600}")),
        "a"
    );
    assert_eq!(
        strip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("")),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(strip("\u{200B}zero\u{200B}", None), "\u{200B}zero\u{200B}");
    assert_eq!(
        strip("\u{200B}zero\u{200B}", Some("x")),
        "\u{200B}zero\u{200B}"
    );
    assert_eq!(
        strip("\u{200B}zero\u{200B}", Some("\u{E9}\u{1F600}")),
        "\u{200B}zero\u{200B}"
    );
    assert_eq!(
        strip("\u{200B}zero\u{200B}", Some("")),
        "\u{200B}zero\u{200B}"
    );
}

#[test]
fn lstrip_matches_cpython() {
    assert_eq!(lstrip("  hi  ", None), "hi  ");
    assert_eq!(lstrip("  hi  ", Some("x")), "  hi  ");
    assert_eq!(lstrip("  hi  ", Some("\u{E9}\u{1F600}")), "  hi  ");
    assert_eq!(lstrip("  hi  ", Some("")), "  hi  ");
    assert_eq!(
        lstrip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", None),
        "h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(
        lstrip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", Some("x")),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(
        lstrip(
            "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}",
            Some("\u{E9}\u{1F600}")
        ),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(
        lstrip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", Some("")),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(lstrip("", None), "");
    assert_eq!(lstrip("", Some("x")), "");
    assert_eq!(lstrip("", Some("\u{E9}\u{1F600}")), "");
    assert_eq!(lstrip("", Some("")), "");
    assert_eq!(lstrip("   ", None), "");
    assert_eq!(lstrip("   ", Some("x")), "   ");
    assert_eq!(lstrip("   ", Some("\u{E9}\u{1F600}")), "   ");
    assert_eq!(lstrip("   ", Some("")), "   ");
    assert_eq!(lstrip("xxhixx", None), "xxhixx");
    assert_eq!(lstrip("xxhixx", Some("x")), "hixx");
    assert_eq!(lstrip("xxhixx", Some("\u{E9}\u{1F600}")), "xxhixx");
    assert_eq!(lstrip("xxhixx", Some("")), "xxhixx");
    assert_eq!(
        lstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", None),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(
        lstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("x")),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(
        lstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("\u{E9}\u{1F600}")),
        "a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(
        lstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("")),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(lstrip("\u{200B}zero\u{200B}", None), "\u{200B}zero\u{200B}");
    assert_eq!(
        lstrip("\u{200B}zero\u{200B}", Some("x")),
        "\u{200B}zero\u{200B}"
    );
    assert_eq!(
        lstrip("\u{200B}zero\u{200B}", Some("\u{E9}\u{1F600}")),
        "\u{200B}zero\u{200B}"
    );
    assert_eq!(
        lstrip("\u{200B}zero\u{200B}", Some("")),
        "\u{200B}zero\u{200B}"
    );
}

#[test]
fn rstrip_matches_cpython() {
    assert_eq!(rstrip("  hi  ", None), "  hi");
    assert_eq!(rstrip("  hi  ", Some("x")), "  hi  ");
    assert_eq!(rstrip("  hi  ", Some("\u{E9}\u{1F600}")), "  hi  ");
    assert_eq!(rstrip("  hi  ", Some("")), "  hi  ");
    assert_eq!(
        rstrip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", None),
        "\u{1C}\u{85}\u{A0} h\u{E9}"
    );
    assert_eq!(
        rstrip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", Some("x")),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(
        rstrip(
            "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}",
            Some("\u{E9}\u{1F600}")
        ),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(
        rstrip("\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}", Some("")),
        "\u{1C}\u{85}\u{A0} h\u{E9} \u{3000}\u{9}"
    );
    assert_eq!(rstrip("", None), "");
    assert_eq!(rstrip("", Some("x")), "");
    assert_eq!(rstrip("", Some("\u{E9}\u{1F600}")), "");
    assert_eq!(rstrip("", Some("")), "");
    assert_eq!(rstrip("   ", None), "");
    assert_eq!(rstrip("   ", Some("x")), "   ");
    assert_eq!(rstrip("   ", Some("\u{E9}\u{1F600}")), "   ");
    assert_eq!(rstrip("   ", Some("")), "   ");
    assert_eq!(rstrip("xxhixx", None), "xxhixx");
    assert_eq!(rstrip("xxhixx", Some("x")), "xxhi");
    assert_eq!(rstrip("xxhixx", Some("\u{E9}\u{1F600}")), "xxhixx");
    assert_eq!(rstrip("xxhixx", Some("")), "xxhixx");
    assert_eq!(
        rstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", None),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(
        rstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("x")),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(
        rstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("\u{E9}\u{1F600}")),
        "\u{E9}a"
    );
    assert_eq!(
        rstrip("\u{E9}a\u{E9}\u{1F600}\u{E9}", Some("")),
        "\u{E9}a\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(rstrip("\u{200B}zero\u{200B}", None), "\u{200B}zero\u{200B}");
    assert_eq!(
        rstrip("\u{200B}zero\u{200B}", Some("x")),
        "\u{200B}zero\u{200B}"
    );
    assert_eq!(
        rstrip("\u{200B}zero\u{200B}", Some("\u{E9}\u{1F600}")),
        "\u{200B}zero\u{200B}"
    );
    assert_eq!(
        rstrip("\u{200B}zero\u{200B}", Some("")),
        "\u{200B}zero\u{200B}"
    );
}

#[test]
fn replace_matches_cpython() {
    assert_eq!(replace("abcabc", "b", "X", -1), "aXcaXc");
    assert_eq!(replace("abcabc", "b", "X", 0), "abcabc");
    assert_eq!(replace("abcabc", "b", "X", 1), "aXcabc");
    assert_eq!(replace("abcabc", "b", "X", 2), "aXcaXc");
    assert_eq!(replace("abcabc", "b", "X", 100), "aXcaXc");
    assert_eq!(replace("abc", "", "-", -1), "-a-b-c-");
    assert_eq!(replace("abc", "", "-", 0), "abc");
    assert_eq!(replace("abc", "", "-", 1), "-abc");
    assert_eq!(replace("abc", "", "-", 2), "-a-bc");
    assert_eq!(replace("abc", "", "-", 100), "-a-b-c-");
    assert_eq!(replace("", "", "x", -1), "x");
    assert_eq!(replace("", "", "x", 0), "");
    assert_eq!(replace("", "", "x", 1), "x");
    assert_eq!(replace("", "", "x", 2), "x");
    assert_eq!(replace("", "", "x", 100), "x");
    assert_eq!(replace("", "a", "b", -1), "");
    assert_eq!(replace("", "a", "b", 0), "");
    assert_eq!(replace("", "a", "b", 1), "");
    assert_eq!(replace("", "a", "b", 2), "");
    assert_eq!(replace("", "a", "b", 100), "");
    assert_eq!(replace("\u{E9}\u{E9}\u{E9}", "\u{E9}", "e", -1), "eee");
    assert_eq!(
        replace("\u{E9}\u{E9}\u{E9}", "\u{E9}", "e", 0),
        "\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(
        replace("\u{E9}\u{E9}\u{E9}", "\u{E9}", "e", 1),
        "e\u{E9}\u{E9}"
    );
    assert_eq!(replace("\u{E9}\u{E9}\u{E9}", "\u{E9}", "e", 2), "ee\u{E9}");
    assert_eq!(replace("\u{E9}\u{E9}\u{E9}", "\u{E9}", "e", 100), "eee");
    assert_eq!(
        replace("\u{1F600}a\u{1F600}", "\u{1F600}", "\u{1F389}", -1),
        "\u{1F389}a\u{1F389}"
    );
    assert_eq!(
        replace("\u{1F600}a\u{1F600}", "\u{1F600}", "\u{1F389}", 0),
        "\u{1F600}a\u{1F600}"
    );
    assert_eq!(
        replace("\u{1F600}a\u{1F600}", "\u{1F600}", "\u{1F389}", 1),
        "\u{1F389}a\u{1F600}"
    );
    assert_eq!(
        replace("\u{1F600}a\u{1F600}", "\u{1F600}", "\u{1F389}", 2),
        "\u{1F389}a\u{1F389}"
    );
    assert_eq!(
        replace("\u{1F600}a\u{1F600}", "\u{1F600}", "\u{1F389}", 100),
        "\u{1F389}a\u{1F389}"
    );
    assert_eq!(replace("aaaa", "aa", "b", -1), "bb");
    assert_eq!(replace("aaaa", "aa", "b", 0), "aaaa");
    assert_eq!(replace("aaaa", "aa", "b", 1), "baa");
    assert_eq!(replace("aaaa", "aa", "b", 2), "bb");
    assert_eq!(replace("aaaa", "aa", "b", 100), "bb");
    assert_eq!(
        replace("\u{4E2D}\u{6587}", "", "|", -1),
        "|\u{4E2D}|\u{6587}|"
    );
    assert_eq!(replace("\u{4E2D}\u{6587}", "", "|", 0), "\u{4E2D}\u{6587}");
    assert_eq!(replace("\u{4E2D}\u{6587}", "", "|", 1), "|\u{4E2D}\u{6587}");
    assert_eq!(
        replace("\u{4E2D}\u{6587}", "", "|", 2),
        "|\u{4E2D}|\u{6587}"
    );
    assert_eq!(
        replace("\u{4E2D}\u{6587}", "", "|", 100),
        "|\u{4E2D}|\u{6587}|"
    );
    assert_eq!(replace("abc", "abc", "", -1), "");
    assert_eq!(replace("abc", "abc", "", 0), "abc");
    assert_eq!(replace("abc", "abc", "", 1), "");
    assert_eq!(replace("abc", "abc", "", 2), "");
    assert_eq!(replace("abc", "abc", "", 100), "");
}

#[test]
fn search_matches_cpython() {
    assert_eq!(
        search("hello world", "o", None, None),
        (4, 7, 2, false, false)
    );
    assert_eq!(
        search("hello world", "o", Some(1), None),
        (4, 7, 2, false, false)
    );
    assert_eq!(
        search("hello world", "o", Some(-2), None),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("hello world", "o", None, Some(-1)),
        (4, 7, 2, false, false)
    );
    assert_eq!(
        search("hello world", "o", Some(2), Some(5)),
        (4, 4, 1, false, true)
    );
    assert_eq!(
        search(
            "hello world",
            "o",
            Some(-9223372036854775808),
            Some(9223372036854775807)
        ),
        (4, 7, 2, false, false)
    );
    assert_eq!(
        search("hello world", "o", Some(5), Some(2)),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("hello world", "o", Some(10), None),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("h\u{E9}llo w\u{F6}rld", "\u{F6}", None, None),
        (7, 7, 1, false, false)
    );
    assert_eq!(
        search("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(1), None),
        (7, 7, 1, false, false)
    );
    assert_eq!(
        search("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(-2), None),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("h\u{E9}llo w\u{F6}rld", "\u{F6}", None, Some(-1)),
        (7, 7, 1, false, false)
    );
    assert_eq!(
        search("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(2), Some(5)),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search(
            "h\u{E9}llo w\u{F6}rld",
            "\u{F6}",
            Some(-9223372036854775808),
            Some(9223372036854775807)
        ),
        (7, 7, 1, false, false)
    );
    assert_eq!(
        search("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(5), Some(2)),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(10), None),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", None, None),
        (0, 4, 3, true, true)
    );
    assert_eq!(
        search("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", Some(1), None),
        (2, 4, 2, false, true)
    );
    assert_eq!(
        search("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", Some(-2), None),
        (4, 4, 1, false, true)
    );
    assert_eq!(
        search("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", None, Some(-1)),
        (0, 2, 2, true, false)
    );
    assert_eq!(
        search(
            "\u{1F600}a\u{1F600}b\u{1F600}",
            "\u{1F600}",
            Some(2),
            Some(5)
        ),
        (2, 4, 2, true, true)
    );
    assert_eq!(
        search(
            "\u{1F600}a\u{1F600}b\u{1F600}",
            "\u{1F600}",
            Some(-9223372036854775808),
            Some(9223372036854775807)
        ),
        (0, 4, 3, true, true)
    );
    assert_eq!(
        search(
            "\u{1F600}a\u{1F600}b\u{1F600}",
            "\u{1F600}",
            Some(5),
            Some(2)
        ),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", Some(10), None),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", "\u{6587}", None, None),
        (1, 3, 2, false, true)
    );
    assert_eq!(
        search(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(1),
            None
        ),
        (1, 3, 2, true, true)
    );
    assert_eq!(
        search(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(-2),
            None
        ),
        (3, 3, 1, false, true)
    );
    assert_eq!(
        search(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            None,
            Some(-1)
        ),
        (1, 1, 1, false, false)
    );
    assert_eq!(
        search(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(2),
            Some(5)
        ),
        (3, 3, 1, false, true)
    );
    assert_eq!(
        search(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(-9223372036854775808),
            Some(9223372036854775807)
        ),
        (1, 3, 2, false, true)
    );
    assert_eq!(
        search(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(5),
            Some(2)
        ),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(10),
            None
        ),
        (-1, -1, 0, false, false)
    );
    assert_eq!(search("abc", "", None, None), (0, 3, 4, true, true));
    assert_eq!(search("abc", "", Some(1), None), (1, 3, 3, true, true));
    assert_eq!(search("abc", "", Some(-2), None), (1, 3, 3, true, true));
    assert_eq!(search("abc", "", None, Some(-1)), (0, 2, 3, true, true));
    assert_eq!(search("abc", "", Some(2), Some(5)), (2, 3, 2, true, true));
    assert_eq!(
        search(
            "abc",
            "",
            Some(-9223372036854775808),
            Some(9223372036854775807)
        ),
        (0, 3, 4, true, true)
    );
    assert_eq!(
        search("abc", "", Some(5), Some(2)),
        (-1, -1, 0, false, false)
    );
    assert_eq!(search("abc", "", Some(10), None), (-1, -1, 0, false, false));
    assert_eq!(search("", "", None, None), (0, 0, 1, true, true));
    assert_eq!(search("", "", Some(1), None), (-1, -1, 0, false, false));
    assert_eq!(search("", "", Some(-2), None), (0, 0, 1, true, true));
    assert_eq!(search("", "", None, Some(-1)), (0, 0, 1, true, true));
    assert_eq!(search("", "", Some(2), Some(5)), (-1, -1, 0, false, false));
    assert_eq!(
        search(
            "",
            "",
            Some(-9223372036854775808),
            Some(9223372036854775807)
        ),
        (0, 0, 1, true, true)
    );
    assert_eq!(search("", "", Some(5), Some(2)), (-1, -1, 0, false, false));
    assert_eq!(search("", "", Some(10), None), (-1, -1, 0, false, false));
    assert_eq!(search("aaa", "aa", None, None), (0, 1, 1, true, true));
    assert_eq!(search("aaa", "aa", Some(1), None), (1, 1, 1, true, true));
    assert_eq!(search("aaa", "aa", Some(-2), None), (1, 1, 1, true, true));
    assert_eq!(search("aaa", "aa", None, Some(-1)), (0, 0, 1, true, true));
    assert_eq!(
        search("aaa", "aa", Some(2), Some(5)),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search(
            "aaa",
            "aa",
            Some(-9223372036854775808),
            Some(9223372036854775807)
        ),
        (0, 1, 1, true, true)
    );
    assert_eq!(
        search("aaa", "aa", Some(5), Some(2)),
        (-1, -1, 0, false, false)
    );
    assert_eq!(
        search("aaa", "aa", Some(10), None),
        (-1, -1, 0, false, false)
    );
}

#[test]
fn index_matches_cpython() {
    assert_eq!(index("hello world", "o", None, None), Ok(4));
    assert_eq!(index("hello world", "o", Some(1), None), Ok(4));
    assert_eq!(
        index("hello world", "o", Some(-2), None),
        Err("substring not found".to_string())
    );
    assert_eq!(index("h\u{E9}llo w\u{F6}rld", "\u{F6}", None, None), Ok(7));
    assert_eq!(
        index("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(1), None),
        Ok(7)
    );
    assert_eq!(
        index("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(-2), None),
        Err("substring not found".to_string())
    );
    assert_eq!(
        index("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", None, None),
        Ok(0)
    );
    assert_eq!(
        index("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", Some(1), None),
        Ok(2)
    );
    assert_eq!(
        index("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", Some(-2), None),
        Ok(4)
    );
    assert_eq!(
        index("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", "\u{6587}", None, None),
        Ok(1)
    );
    assert_eq!(
        index(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(1),
            None
        ),
        Ok(1)
    );
    assert_eq!(
        index(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(-2),
            None
        ),
        Ok(3)
    );
    assert_eq!(index("abc", "", None, None), Ok(0));
    assert_eq!(index("abc", "", Some(1), None), Ok(1));
    assert_eq!(index("abc", "", Some(-2), None), Ok(1));
    assert_eq!(index("", "", None, None), Ok(0));
    assert_eq!(
        index("", "", Some(1), None),
        Err("substring not found".to_string())
    );
    assert_eq!(index("", "", Some(-2), None), Ok(0));
    assert_eq!(index("aaa", "aa", None, None), Ok(0));
    assert_eq!(index("aaa", "aa", Some(1), None), Ok(1));
    assert_eq!(index("aaa", "aa", Some(-2), None), Ok(1));
    assert_eq!(
        index("abc", "d", None, None),
        Err("substring not found".to_string())
    );
    assert_eq!(index("h\u{E9}llo", "l", Some(-2), None), Ok(3));
}

#[test]
fn rindex_matches_cpython() {
    assert_eq!(rindex("hello world", "o", None, None), Ok(7));
    assert_eq!(rindex("hello world", "o", Some(1), None), Ok(7));
    assert_eq!(
        rindex("hello world", "o", Some(-2), None),
        Err("substring not found".to_string())
    );
    assert_eq!(rindex("h\u{E9}llo w\u{F6}rld", "\u{F6}", None, None), Ok(7));
    assert_eq!(
        rindex("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(1), None),
        Ok(7)
    );
    assert_eq!(
        rindex("h\u{E9}llo w\u{F6}rld", "\u{F6}", Some(-2), None),
        Err("substring not found".to_string())
    );
    assert_eq!(
        rindex("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", None, None),
        Ok(4)
    );
    assert_eq!(
        rindex("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", Some(1), None),
        Ok(4)
    );
    assert_eq!(
        rindex("\u{1F600}a\u{1F600}b\u{1F600}", "\u{1F600}", Some(-2), None),
        Ok(4)
    );
    assert_eq!(
        rindex("\u{4E2D}\u{6587}\u{4E2D}\u{6587}", "\u{6587}", None, None),
        Ok(3)
    );
    assert_eq!(
        rindex(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(1),
            None
        ),
        Ok(3)
    );
    assert_eq!(
        rindex(
            "\u{4E2D}\u{6587}\u{4E2D}\u{6587}",
            "\u{6587}",
            Some(-2),
            None
        ),
        Ok(3)
    );
    assert_eq!(rindex("abc", "", None, None), Ok(3));
    assert_eq!(rindex("abc", "", Some(1), None), Ok(3));
    assert_eq!(rindex("abc", "", Some(-2), None), Ok(3));
    assert_eq!(rindex("", "", None, None), Ok(0));
    assert_eq!(
        rindex("", "", Some(1), None),
        Err("substring not found".to_string())
    );
    assert_eq!(rindex("", "", Some(-2), None), Ok(0));
    assert_eq!(rindex("aaa", "aa", None, None), Ok(1));
    assert_eq!(rindex("aaa", "aa", Some(1), None), Ok(1));
    assert_eq!(rindex("aaa", "aa", Some(-2), None), Ok(1));
    assert_eq!(
        rindex("abc", "a", Some(1), None),
        Err("substring not found".to_string())
    );
}

#[test]
fn upper_matches_cpython() {
    assert_eq!(upper(""), "");
    assert_eq!(upper("abc"), "ABC");
    assert_eq!(upper("h\u{E9}llo w\u{F6}rld"), "H\u{C9}LLO W\u{D6}RLD");
    assert_eq!(upper("stra\u{DF}e"), "STRASSE");
    assert_eq!(
        upper("\u{1F600} emoji \u{1F600}"),
        "\u{1F600} EMOJI \u{1F600}"
    );
    assert_eq!(
        upper("\u{4E2D}\u{6587} \u{5B57}\u{7B26}"),
        "\u{4E2D}\u{6587} \u{5B57}\u{7B26}"
    );
    assert_eq!(
        upper("\u{391}\u{3A3} \u{39F}\u{394}\u{39F}\u{3A3}"),
        "\u{391}\u{3A3} \u{39F}\u{394}\u{39F}\u{3A3}"
    );
    assert_eq!(upper("\u{1C6}a \u{1C8}B"), "\u{1C4}A \u{1C7}B");
    assert_eq!(upper("\u{1C5}"), "\u{1C4}");
    assert_eq!(upper("\u{DF}a"), "SSA");
    assert_eq!(upper("\u{FB03} \u{FB01}re"), "FFI FIRE");
    assert_eq!(upper("they're bill's friends"), "THEY'RE BILL'S FRIENDS");
    assert_eq!(upper("hello WORLD 1st"), "HELLO WORLD 1ST");
    assert_eq!(upper("\u{149}"), "\u{2BC}N");
    assert_eq!(
        upper("\u{1FB3} \u{1F80} \u{1FB7}"),
        "\u{391}\u{399} \u{1F08}\u{399} \u{391}\u{342}\u{399}"
    );
    assert_eq!(upper("\u{130}stanbul"), "\u{130}STANBUL");
    assert_eq!(
        upper("\u{3A3}\u{391}\u{3A3} \u{3A3} \u{391}\u{3A3}.\u{3A3}"),
        "\u{3A3}\u{391}\u{3A3} \u{3A3} \u{391}\u{3A3}.\u{3A3}"
    );
    assert_eq!(upper("a\u{3A3}"), "A\u{3A3}");
    assert_eq!(upper("\u{1F00}\u{3A3}\u{301}"), "\u{1F08}\u{3A3}\u{301}");
    assert_eq!(upper("\u{AB70}\u{13F8}"), "\u{13A0}\u{13F0}");
    assert_eq!(upper("\u{131}I"), "II");
    assert_eq!(upper("\u{1E9E}"), "\u{1E9E}");
    assert_eq!(upper("\u{13F8}\u{13A0}"), "\u{13F0}\u{13A0}");
    assert_eq!(upper("\u{10D0} \u{10D1}"), "\u{1C90} \u{1C91}");
    assert_eq!(upper("\u{1C4}"), "\u{1C4}");
    assert_eq!(upper("K \u{C5}"), "K \u{C5}");
    assert_eq!(upper("123abc ABC"), "123ABC ABC");
    assert_eq!(upper("a1b2"), "A1B2");
    assert_eq!(upper("\u{E9}_\u{E9}"), "\u{C9}_\u{C9}");
    assert_eq!(upper("\u{1C5}ungla"), "\u{1C4}UNGLA");
}

#[test]
fn lower_matches_cpython() {
    assert_eq!(lower(""), "");
    assert_eq!(lower("abc"), "abc");
    assert_eq!(lower("h\u{E9}llo w\u{F6}rld"), "h\u{E9}llo w\u{F6}rld");
    assert_eq!(lower("stra\u{DF}e"), "stra\u{DF}e");
    assert_eq!(
        lower("\u{1F600} emoji \u{1F600}"),
        "\u{1F600} emoji \u{1F600}"
    );
    assert_eq!(
        lower("\u{4E2D}\u{6587} \u{5B57}\u{7B26}"),
        "\u{4E2D}\u{6587} \u{5B57}\u{7B26}"
    );
    assert_eq!(
        lower("\u{391}\u{3A3} \u{39F}\u{394}\u{39F}\u{3A3}"),
        "\u{3B1}\u{3C2} \u{3BF}\u{3B4}\u{3BF}\u{3C2}"
    );
    assert_eq!(lower("\u{1C6}a \u{1C8}B"), "\u{1C6}a \u{1C9}b");
    assert_eq!(lower("\u{1C5}"), "\u{1C6}");
    assert_eq!(lower("\u{DF}a"), "\u{DF}a");
    assert_eq!(lower("\u{FB03} \u{FB01}re"), "\u{FB03} \u{FB01}re");
    assert_eq!(lower("they're bill's friends"), "they're bill's friends");
    assert_eq!(lower("hello WORLD 1st"), "hello world 1st");
    assert_eq!(lower("\u{149}"), "\u{149}");
    assert_eq!(
        lower("\u{1FB3} \u{1F80} \u{1FB7}"),
        "\u{1FB3} \u{1F80} \u{1FB7}"
    );
    assert_eq!(lower("\u{130}stanbul"), "i\u{307}stanbul");
    assert_eq!(
        lower("\u{3A3}\u{391}\u{3A3} \u{3A3} \u{391}\u{3A3}.\u{3A3}"),
        "\u{3C3}\u{3B1}\u{3C2} \u{3C3} \u{3B1}\u{3C3}.\u{3C2}"
    );
    assert_eq!(lower("a\u{3A3}"), "a\u{3C2}");
    assert_eq!(lower("\u{1F00}\u{3A3}\u{301}"), "\u{1F00}\u{3C2}\u{301}");
    assert_eq!(lower("\u{AB70}\u{13F8}"), "\u{AB70}\u{13F8}");
    assert_eq!(lower("\u{131}I"), "\u{131}i");
    assert_eq!(lower("\u{1E9E}"), "\u{DF}");
    assert_eq!(lower("\u{13F8}\u{13A0}"), "\u{13F8}\u{AB70}");
    assert_eq!(lower("\u{10D0} \u{10D1}"), "\u{10D0} \u{10D1}");
    assert_eq!(lower("\u{1C4}"), "\u{1C6}");
    assert_eq!(lower("K \u{C5}"), "k \u{E5}");
    assert_eq!(lower("123abc ABC"), "123abc abc");
    assert_eq!(lower("a1b2"), "a1b2");
    assert_eq!(lower("\u{E9}_\u{E9}"), "\u{E9}_\u{E9}");
    assert_eq!(lower("\u{1C5}ungla"), "\u{1C6}ungla");
}

#[test]
fn casefold_matches_cpython() {
    assert_eq!(casefold(""), "");
    assert_eq!(casefold("abc"), "abc");
    assert_eq!(casefold("h\u{E9}llo w\u{F6}rld"), "h\u{E9}llo w\u{F6}rld");
    assert_eq!(casefold("stra\u{DF}e"), "strasse");
    assert_eq!(
        casefold("\u{1F600} emoji \u{1F600}"),
        "\u{1F600} emoji \u{1F600}"
    );
    assert_eq!(
        casefold("\u{4E2D}\u{6587} \u{5B57}\u{7B26}"),
        "\u{4E2D}\u{6587} \u{5B57}\u{7B26}"
    );
    assert_eq!(
        casefold("\u{391}\u{3A3} \u{39F}\u{394}\u{39F}\u{3A3}"),
        "\u{3B1}\u{3C3} \u{3BF}\u{3B4}\u{3BF}\u{3C3}"
    );
    assert_eq!(casefold("\u{1C6}a \u{1C8}B"), "\u{1C6}a \u{1C9}b");
    assert_eq!(casefold("\u{1C5}"), "\u{1C6}");
    assert_eq!(casefold("\u{DF}a"), "ssa");
    assert_eq!(casefold("\u{FB03} \u{FB01}re"), "ffi fire");
    assert_eq!(casefold("they're bill's friends"), "they're bill's friends");
    assert_eq!(casefold("hello WORLD 1st"), "hello world 1st");
    assert_eq!(casefold("\u{149}"), "\u{2BC}n");
    assert_eq!(
        casefold("\u{1FB3} \u{1F80} \u{1FB7}"),
        "\u{3B1}\u{3B9} \u{1F00}\u{3B9} \u{3B1}\u{342}\u{3B9}"
    );
    assert_eq!(casefold("\u{130}stanbul"), "i\u{307}stanbul");
    assert_eq!(
        casefold("\u{3A3}\u{391}\u{3A3} \u{3A3} \u{391}\u{3A3}.\u{3A3}"),
        "\u{3C3}\u{3B1}\u{3C3} \u{3C3} \u{3B1}\u{3C3}.\u{3C3}"
    );
    assert_eq!(casefold("a\u{3A3}"), "a\u{3C3}");
    assert_eq!(casefold("\u{1F00}\u{3A3}\u{301}"), "\u{1F00}\u{3C3}\u{301}");
    assert_eq!(casefold("\u{AB70}\u{13F8}"), "\u{13A0}\u{13F0}");
    assert_eq!(casefold("\u{131}I"), "\u{131}i");
    assert_eq!(casefold("\u{1E9E}"), "ss");
    assert_eq!(casefold("\u{13F8}\u{13A0}"), "\u{13F0}\u{13A0}");
    assert_eq!(casefold("\u{10D0} \u{10D1}"), "\u{10D0} \u{10D1}");
    assert_eq!(casefold("\u{1C4}"), "\u{1C6}");
    assert_eq!(casefold("K \u{C5}"), "k \u{E5}");
    assert_eq!(casefold("123abc ABC"), "123abc abc");
    assert_eq!(casefold("a1b2"), "a1b2");
    assert_eq!(casefold("\u{E9}_\u{E9}"), "\u{E9}_\u{E9}");
    assert_eq!(casefold("\u{1C5}ungla"), "\u{1C6}ungla");
}

#[test]
fn swapcase_matches_cpython() {
    assert_eq!(swapcase(""), "");
    assert_eq!(swapcase("abc"), "ABC");
    assert_eq!(swapcase("h\u{E9}llo w\u{F6}rld"), "H\u{C9}LLO W\u{D6}RLD");
    assert_eq!(swapcase("stra\u{DF}e"), "STRASSE");
    assert_eq!(
        swapcase("\u{1F600} emoji \u{1F600}"),
        "\u{1F600} EMOJI \u{1F600}"
    );
    assert_eq!(
        swapcase("\u{4E2D}\u{6587} \u{5B57}\u{7B26}"),
        "\u{4E2D}\u{6587} \u{5B57}\u{7B26}"
    );
    assert_eq!(
        swapcase("\u{391}\u{3A3} \u{39F}\u{394}\u{39F}\u{3A3}"),
        "\u{3B1}\u{3C2} \u{3BF}\u{3B4}\u{3BF}\u{3C2}"
    );
    assert_eq!(swapcase("\u{1C6}a \u{1C8}B"), "\u{1C4}A \u{1C8}b");
    assert_eq!(swapcase("\u{1C5}"), "\u{1C5}");
    assert_eq!(swapcase("\u{DF}a"), "SSA");
    assert_eq!(swapcase("\u{FB03} \u{FB01}re"), "FFI FIRE");
    assert_eq!(swapcase("they're bill's friends"), "THEY'RE BILL'S FRIENDS");
    assert_eq!(swapcase("hello WORLD 1st"), "HELLO world 1ST");
    assert_eq!(swapcase("\u{149}"), "\u{2BC}N");
    assert_eq!(
        swapcase("\u{1FB3} \u{1F80} \u{1FB7}"),
        "\u{391}\u{399} \u{1F08}\u{399} \u{391}\u{342}\u{399}"
    );
    assert_eq!(swapcase("\u{130}stanbul"), "i\u{307}STANBUL");
    assert_eq!(
        swapcase("\u{3A3}\u{391}\u{3A3} \u{3A3} \u{391}\u{3A3}.\u{3A3}"),
        "\u{3C3}\u{3B1}\u{3C2} \u{3C3} \u{3B1}\u{3C3}.\u{3C2}"
    );
    assert_eq!(swapcase("a\u{3A3}"), "A\u{3C2}");
    assert_eq!(swapcase("\u{1F00}\u{3A3}\u{301}"), "\u{1F08}\u{3C2}\u{301}");
    assert_eq!(swapcase("\u{AB70}\u{13F8}"), "\u{13A0}\u{13F0}");
    assert_eq!(swapcase("\u{131}I"), "Ii");
    assert_eq!(swapcase("\u{1E9E}"), "\u{DF}");
    assert_eq!(swapcase("\u{13F8}\u{13A0}"), "\u{13F0}\u{AB70}");
    assert_eq!(swapcase("\u{10D0} \u{10D1}"), "\u{1C90} \u{1C91}");
    assert_eq!(swapcase("\u{1C4}"), "\u{1C6}");
    assert_eq!(swapcase("K \u{C5}"), "k \u{E5}");
    assert_eq!(swapcase("123abc ABC"), "123ABC abc");
    assert_eq!(swapcase("a1b2"), "A1B2");
    assert_eq!(swapcase("\u{E9}_\u{E9}"), "\u{C9}_\u{C9}");
    assert_eq!(swapcase("\u{1C5}ungla"), "\u{1C5}UNGLA");
}

#[test]
fn capitalize_matches_cpython() {
    assert_eq!(capitalize(""), "");
    assert_eq!(capitalize("abc"), "Abc");
    assert_eq!(capitalize("h\u{E9}llo w\u{F6}rld"), "H\u{E9}llo w\u{F6}rld");
    assert_eq!(capitalize("stra\u{DF}e"), "Stra\u{DF}e");
    assert_eq!(
        capitalize("\u{1F600} emoji \u{1F600}"),
        "\u{1F600} emoji \u{1F600}"
    );
    assert_eq!(
        capitalize("\u{4E2D}\u{6587} \u{5B57}\u{7B26}"),
        "\u{4E2D}\u{6587} \u{5B57}\u{7B26}"
    );
    assert_eq!(
        capitalize("\u{391}\u{3A3} \u{39F}\u{394}\u{39F}\u{3A3}"),
        "\u{391}\u{3C2} \u{3BF}\u{3B4}\u{3BF}\u{3C2}"
    );
    assert_eq!(capitalize("\u{1C6}a \u{1C8}B"), "\u{1C5}a \u{1C9}b");
    assert_eq!(capitalize("\u{1C5}"), "\u{1C5}");
    assert_eq!(capitalize("\u{DF}a"), "Ssa");
    assert_eq!(capitalize("\u{FB03} \u{FB01}re"), "Ffi \u{FB01}re");
    assert_eq!(
        capitalize("they're bill's friends"),
        "They're bill's friends"
    );
    assert_eq!(capitalize("hello WORLD 1st"), "Hello world 1st");
    assert_eq!(capitalize("\u{149}"), "\u{2BC}N");
    assert_eq!(
        capitalize("\u{1FB3} \u{1F80} \u{1FB7}"),
        "\u{1FBC} \u{1F80} \u{1FB7}"
    );
    assert_eq!(capitalize("\u{130}stanbul"), "\u{130}stanbul");
    assert_eq!(
        capitalize("\u{3A3}\u{391}\u{3A3} \u{3A3} \u{391}\u{3A3}.\u{3A3}"),
        "\u{3A3}\u{3B1}\u{3C2} \u{3C3} \u{3B1}\u{3C3}.\u{3C2}"
    );
    assert_eq!(capitalize("a\u{3A3}"), "A\u{3C2}");
    assert_eq!(
        capitalize("\u{1F00}\u{3A3}\u{301}"),
        "\u{1F08}\u{3C2}\u{301}"
    );
    assert_eq!(capitalize("\u{AB70}\u{13F8}"), "\u{13A0}\u{13F8}");
    assert_eq!(capitalize("\u{131}I"), "Ii");
    assert_eq!(capitalize("\u{1E9E}"), "\u{1E9E}");
    assert_eq!(capitalize("\u{13F8}\u{13A0}"), "\u{13F0}\u{AB70}");
    assert_eq!(capitalize("\u{10D0} \u{10D1}"), "\u{10D0} \u{10D1}");
    assert_eq!(capitalize("\u{1C4}"), "\u{1C5}");
    assert_eq!(capitalize("K \u{C5}"), "K \u{E5}");
    assert_eq!(capitalize("123abc ABC"), "123abc abc");
    assert_eq!(capitalize("a1b2"), "A1b2");
    assert_eq!(capitalize("\u{E9}_\u{E9}"), "\u{C9}_\u{E9}");
    assert_eq!(capitalize("\u{1C5}ungla"), "\u{1C5}ungla");
}

#[test]
fn title_matches_cpython() {
    assert_eq!(title(""), "");
    assert_eq!(title("abc"), "Abc");
    assert_eq!(title("h\u{E9}llo w\u{F6}rld"), "H\u{E9}llo W\u{F6}rld");
    assert_eq!(title("stra\u{DF}e"), "Stra\u{DF}e");
    assert_eq!(
        title("\u{1F600} emoji \u{1F600}"),
        "\u{1F600} Emoji \u{1F600}"
    );
    assert_eq!(
        title("\u{4E2D}\u{6587} \u{5B57}\u{7B26}"),
        "\u{4E2D}\u{6587} \u{5B57}\u{7B26}"
    );
    assert_eq!(
        title("\u{391}\u{3A3} \u{39F}\u{394}\u{39F}\u{3A3}"),
        "\u{391}\u{3C2} \u{39F}\u{3B4}\u{3BF}\u{3C2}"
    );
    assert_eq!(title("\u{1C6}a \u{1C8}B"), "\u{1C5}a \u{1C8}b");
    assert_eq!(title("\u{1C5}"), "\u{1C5}");
    assert_eq!(title("\u{DF}a"), "Ssa");
    assert_eq!(title("\u{FB03} \u{FB01}re"), "Ffi Fire");
    assert_eq!(title("they're bill's friends"), "They'Re Bill'S Friends");
    assert_eq!(title("hello WORLD 1st"), "Hello World 1St");
    assert_eq!(title("\u{149}"), "\u{2BC}N");
    assert_eq!(
        title("\u{1FB3} \u{1F80} \u{1FB7}"),
        "\u{1FBC} \u{1F88} \u{391}\u{342}\u{345}"
    );
    assert_eq!(title("\u{130}stanbul"), "\u{130}stanbul");
    assert_eq!(
        title("\u{3A3}\u{391}\u{3A3} \u{3A3} \u{391}\u{3A3}.\u{3A3}"),
        "\u{3A3}\u{3B1}\u{3C2} \u{3A3} \u{391}\u{3C3}.\u{3A3}"
    );
    assert_eq!(title("a\u{3A3}"), "A\u{3C2}");
    assert_eq!(title("\u{1F00}\u{3A3}\u{301}"), "\u{1F08}\u{3C2}\u{301}");
    assert_eq!(title("\u{AB70}\u{13F8}"), "\u{13A0}\u{13F8}");
    assert_eq!(title("\u{131}I"), "Ii");
    assert_eq!(title("\u{1E9E}"), "\u{1E9E}");
    assert_eq!(title("\u{13F8}\u{13A0}"), "\u{13F0}\u{AB70}");
    assert_eq!(title("\u{10D0} \u{10D1}"), "\u{10D0} \u{10D1}");
    assert_eq!(title("\u{1C4}"), "\u{1C5}");
    assert_eq!(title("K \u{C5}"), "K \u{C5}");
    assert_eq!(title("123abc ABC"), "123Abc Abc");
    assert_eq!(title("a1b2"), "A1B2");
    assert_eq!(title("\u{E9}_\u{E9}"), "\u{C9}_\u{C9}");
    assert_eq!(title("\u{1C5}ungla"), "\u{1C5}ungla");
}

#[test]
fn predicates_matches_cpython() {
    assert_eq!(predicates(""), "000000000101");
    assert_eq!(predicates("abc"), "000110010111");
    assert_eq!(predicates("ABC"), "000110100111");
    assert_eq!(predicates("Abc"), "000110001111");
    assert_eq!(predicates("Abc Def"), "000000001101");
    assert_eq!(predicates("ABC def"), "000000000101");
    assert_eq!(predicates("123"), "111010000101");
    assert_eq!(predicates("\u{B2}"), "101010000001");
    assert_eq!(predicates("\u{BD}"), "001010000001");
    assert_eq!(predicates("\u{4E09}"), "001110000011");
    assert_eq!(predicates("\u{663}"), "111010000001");
    assert_eq!(predicates("\u{216B}"), "001010101011");
    assert_eq!(predicates("\u{E9}"), "000110010011");
    assert_eq!(predicates("\u{C9}"), "000110101011");
    assert_eq!(predicates("\u{1F600}"), "000000000001");
    assert_eq!(predicates("\u{4E2D}\u{6587}"), "000110000011");
    assert_eq!(predicates("a b"), "000000010101");
    assert_eq!(predicates(" \u{9}\u{A}"), "000001000100");
    assert_eq!(predicates("\u{1C}\u{1F}"), "000001000100");
    assert_eq!(predicates("\u{85}\u{A0}\u{2000}\u{3000}"), "000001000000");
    assert_eq!(predicates("\u{200B}"), "000000000000");
    assert_eq!(predicates("\u{1C5}"), "000110001011");
    assert_eq!(predicates("\u{1C5}ungla"), "000110001011");
    assert_eq!(predicates("\u{DF}"), "000110010011");
    assert_eq!(predicates("\u{2B0}"), "000110010011");
    assert_eq!(predicates("\u{AA}"), "000110010011");
    assert_eq!(predicates("abc123"), "000010010111");
    assert_eq!(predicates("abc_1"), "000000010111");
    assert_eq!(predicates("_x"), "000000010111");
    assert_eq!(predicates("1x"), "000010010101");
    assert_eq!(predicates("\u{E9}clair"), "000110010011");
    assert_eq!(predicates("a\u{301}"), "000000010011");
    assert_eq!(
        predicates("\u{928}\u{92E}\u{938}\u{94D}\u{924}\u{947}"),
        "000000000011"
    );
    assert_eq!(predicates("\u{378}"), "000000000000");
    assert_eq!(predicates("\u{7F}"), "000000000100");
    assert_eq!(predicates("a\u{AD}"), "000000010000");
    assert_eq!(predicates("\u{E000}"), "000000000000");
    assert_eq!(predicates("\u{345}"), "000000010001");
    assert_eq!(predicates("\u{345}"), "000000010001");
    assert_eq!(predicates("\u{24B6}"), "000000101001");
    assert_eq!(predicates("x\u{B2}"), "000010010001");
    assert_eq!(predicates("a-b"), "000000010101");
    assert_eq!(predicates("They'Re"), "000000001101");
    assert_eq!(predicates("\u{3A3}\u{391}\u{3A3}"), "000110100011");
    assert_eq!(predicates("\u{1F88}"), "000110001011");
    assert_eq!(predicates("\u{1F80}"), "000110010011");
    assert_eq!(predicates("\u{300}"), "000000000001");
    assert_eq!(predicates("ab\u{E0100}"), "000000010011");
}

#[test]
fn center_matches_cpython() {
    assert_eq!(center("", -5, '*'), "");
    assert_eq!(center("", -5, '\u{E9}'), "");
    assert_eq!(center("", 2, '*'), "**");
    assert_eq!(center("", 2, '\u{E9}'), "\u{E9}\u{E9}");
    assert_eq!(center("", 5, '*'), "*****");
    assert_eq!(center("", 5, '\u{E9}'), "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}");
    assert_eq!(center("", 6, '*'), "******");
    assert_eq!(
        center("", 6, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(center("", 7, '*'), "*******");
    assert_eq!(
        center("", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(center("ab", -5, '*'), "ab");
    assert_eq!(center("ab", -5, '\u{E9}'), "ab");
    assert_eq!(center("ab", 2, '*'), "ab");
    assert_eq!(center("ab", 2, '\u{E9}'), "ab");
    assert_eq!(center("ab", 5, '*'), "**ab*");
    assert_eq!(center("ab", 5, '\u{E9}'), "\u{E9}\u{E9}ab\u{E9}");
    assert_eq!(center("ab", 6, '*'), "**ab**");
    assert_eq!(center("ab", 6, '\u{E9}'), "\u{E9}\u{E9}ab\u{E9}\u{E9}");
    assert_eq!(center("ab", 7, '*'), "***ab**");
    assert_eq!(
        center("ab", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}ab\u{E9}\u{E9}"
    );
    assert_eq!(center("abc", -5, '*'), "abc");
    assert_eq!(center("abc", -5, '\u{E9}'), "abc");
    assert_eq!(center("abc", 2, '*'), "abc");
    assert_eq!(center("abc", 2, '\u{E9}'), "abc");
    assert_eq!(center("abc", 5, '*'), "*abc*");
    assert_eq!(center("abc", 5, '\u{E9}'), "\u{E9}abc\u{E9}");
    assert_eq!(center("abc", 6, '*'), "*abc**");
    assert_eq!(center("abc", 6, '\u{E9}'), "\u{E9}abc\u{E9}\u{E9}");
    assert_eq!(center("abc", 7, '*'), "**abc**");
    assert_eq!(center("abc", 7, '\u{E9}'), "\u{E9}\u{E9}abc\u{E9}\u{E9}");
    assert_eq!(center("\u{E9}\u{1F600}", -5, '*'), "\u{E9}\u{1F600}");
    assert_eq!(center("\u{E9}\u{1F600}", -5, '\u{E9}'), "\u{E9}\u{1F600}");
    assert_eq!(center("\u{E9}\u{1F600}", 2, '*'), "\u{E9}\u{1F600}");
    assert_eq!(center("\u{E9}\u{1F600}", 2, '\u{E9}'), "\u{E9}\u{1F600}");
    assert_eq!(center("\u{E9}\u{1F600}", 5, '*'), "**\u{E9}\u{1F600}*");
    assert_eq!(
        center("\u{E9}\u{1F600}", 5, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{1F600}\u{E9}"
    );
    assert_eq!(center("\u{E9}\u{1F600}", 6, '*'), "**\u{E9}\u{1F600}**");
    assert_eq!(
        center("\u{E9}\u{1F600}", 6, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{1F600}\u{E9}\u{E9}"
    );
    assert_eq!(center("\u{E9}\u{1F600}", 7, '*'), "***\u{E9}\u{1F600}**");
    assert_eq!(
        center("\u{E9}\u{1F600}", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{1F600}\u{E9}\u{E9}"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", -5, '*'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", -5, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 2, '*'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 2, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 5, '*'),
        "*\u{4E2D}\u{6587}\u{5B57}*"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 5, '\u{E9}'),
        "\u{E9}\u{4E2D}\u{6587}\u{5B57}\u{E9}"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 6, '*'),
        "*\u{4E2D}\u{6587}\u{5B57}**"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 6, '\u{E9}'),
        "\u{E9}\u{4E2D}\u{6587}\u{5B57}\u{E9}\u{E9}"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 7, '*'),
        "**\u{4E2D}\u{6587}\u{5B57}**"
    );
    assert_eq!(
        center("\u{4E2D}\u{6587}\u{5B57}", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{4E2D}\u{6587}\u{5B57}\u{E9}\u{E9}"
    );
}

#[test]
fn ljust_matches_cpython() {
    assert_eq!(ljust("", -5, '*'), "");
    assert_eq!(ljust("", -5, '\u{E9}'), "");
    assert_eq!(ljust("", 2, '*'), "**");
    assert_eq!(ljust("", 2, '\u{E9}'), "\u{E9}\u{E9}");
    assert_eq!(ljust("", 5, '*'), "*****");
    assert_eq!(ljust("", 5, '\u{E9}'), "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}");
    assert_eq!(ljust("", 6, '*'), "******");
    assert_eq!(
        ljust("", 6, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(ljust("", 7, '*'), "*******");
    assert_eq!(
        ljust("", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(ljust("ab", -5, '*'), "ab");
    assert_eq!(ljust("ab", -5, '\u{E9}'), "ab");
    assert_eq!(ljust("ab", 2, '*'), "ab");
    assert_eq!(ljust("ab", 2, '\u{E9}'), "ab");
    assert_eq!(ljust("ab", 5, '*'), "ab***");
    assert_eq!(ljust("ab", 5, '\u{E9}'), "ab\u{E9}\u{E9}\u{E9}");
    assert_eq!(ljust("ab", 6, '*'), "ab****");
    assert_eq!(ljust("ab", 6, '\u{E9}'), "ab\u{E9}\u{E9}\u{E9}\u{E9}");
    assert_eq!(ljust("ab", 7, '*'), "ab*****");
    assert_eq!(ljust("ab", 7, '\u{E9}'), "ab\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}");
    assert_eq!(ljust("abc", -5, '*'), "abc");
    assert_eq!(ljust("abc", -5, '\u{E9}'), "abc");
    assert_eq!(ljust("abc", 2, '*'), "abc");
    assert_eq!(ljust("abc", 2, '\u{E9}'), "abc");
    assert_eq!(ljust("abc", 5, '*'), "abc**");
    assert_eq!(ljust("abc", 5, '\u{E9}'), "abc\u{E9}\u{E9}");
    assert_eq!(ljust("abc", 6, '*'), "abc***");
    assert_eq!(ljust("abc", 6, '\u{E9}'), "abc\u{E9}\u{E9}\u{E9}");
    assert_eq!(ljust("abc", 7, '*'), "abc****");
    assert_eq!(ljust("abc", 7, '\u{E9}'), "abc\u{E9}\u{E9}\u{E9}\u{E9}");
    assert_eq!(ljust("\u{E9}\u{1F600}", -5, '*'), "\u{E9}\u{1F600}");
    assert_eq!(ljust("\u{E9}\u{1F600}", -5, '\u{E9}'), "\u{E9}\u{1F600}");
    assert_eq!(ljust("\u{E9}\u{1F600}", 2, '*'), "\u{E9}\u{1F600}");
    assert_eq!(ljust("\u{E9}\u{1F600}", 2, '\u{E9}'), "\u{E9}\u{1F600}");
    assert_eq!(ljust("\u{E9}\u{1F600}", 5, '*'), "\u{E9}\u{1F600}***");
    assert_eq!(
        ljust("\u{E9}\u{1F600}", 5, '\u{E9}'),
        "\u{E9}\u{1F600}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(ljust("\u{E9}\u{1F600}", 6, '*'), "\u{E9}\u{1F600}****");
    assert_eq!(
        ljust("\u{E9}\u{1F600}", 6, '\u{E9}'),
        "\u{E9}\u{1F600}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(ljust("\u{E9}\u{1F600}", 7, '*'), "\u{E9}\u{1F600}*****");
    assert_eq!(
        ljust("\u{E9}\u{1F600}", 7, '\u{E9}'),
        "\u{E9}\u{1F600}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", -5, '*'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", -5, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 2, '*'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 2, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 5, '*'),
        "\u{4E2D}\u{6587}\u{5B57}**"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 5, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}\u{E9}\u{E9}"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 6, '*'),
        "\u{4E2D}\u{6587}\u{5B57}***"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 6, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 7, '*'),
        "\u{4E2D}\u{6587}\u{5B57}****"
    );
    assert_eq!(
        ljust("\u{4E2D}\u{6587}\u{5B57}", 7, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
}

#[test]
fn rjust_matches_cpython() {
    assert_eq!(rjust("", -5, '*'), "");
    assert_eq!(rjust("", -5, '\u{E9}'), "");
    assert_eq!(rjust("", 2, '*'), "**");
    assert_eq!(rjust("", 2, '\u{E9}'), "\u{E9}\u{E9}");
    assert_eq!(rjust("", 5, '*'), "*****");
    assert_eq!(rjust("", 5, '\u{E9}'), "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}");
    assert_eq!(rjust("", 6, '*'), "******");
    assert_eq!(
        rjust("", 6, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(rjust("", 7, '*'), "*******");
    assert_eq!(
        rjust("", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}"
    );
    assert_eq!(rjust("ab", -5, '*'), "ab");
    assert_eq!(rjust("ab", -5, '\u{E9}'), "ab");
    assert_eq!(rjust("ab", 2, '*'), "ab");
    assert_eq!(rjust("ab", 2, '\u{E9}'), "ab");
    assert_eq!(rjust("ab", 5, '*'), "***ab");
    assert_eq!(rjust("ab", 5, '\u{E9}'), "\u{E9}\u{E9}\u{E9}ab");
    assert_eq!(rjust("ab", 6, '*'), "****ab");
    assert_eq!(rjust("ab", 6, '\u{E9}'), "\u{E9}\u{E9}\u{E9}\u{E9}ab");
    assert_eq!(rjust("ab", 7, '*'), "*****ab");
    assert_eq!(rjust("ab", 7, '\u{E9}'), "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}ab");
    assert_eq!(rjust("abc", -5, '*'), "abc");
    assert_eq!(rjust("abc", -5, '\u{E9}'), "abc");
    assert_eq!(rjust("abc", 2, '*'), "abc");
    assert_eq!(rjust("abc", 2, '\u{E9}'), "abc");
    assert_eq!(rjust("abc", 5, '*'), "**abc");
    assert_eq!(rjust("abc", 5, '\u{E9}'), "\u{E9}\u{E9}abc");
    assert_eq!(rjust("abc", 6, '*'), "***abc");
    assert_eq!(rjust("abc", 6, '\u{E9}'), "\u{E9}\u{E9}\u{E9}abc");
    assert_eq!(rjust("abc", 7, '*'), "****abc");
    assert_eq!(rjust("abc", 7, '\u{E9}'), "\u{E9}\u{E9}\u{E9}\u{E9}abc");
    assert_eq!(rjust("\u{E9}\u{1F600}", -5, '*'), "\u{E9}\u{1F600}");
    assert_eq!(rjust("\u{E9}\u{1F600}", -5, '\u{E9}'), "\u{E9}\u{1F600}");
    assert_eq!(rjust("\u{E9}\u{1F600}", 2, '*'), "\u{E9}\u{1F600}");
    assert_eq!(rjust("\u{E9}\u{1F600}", 2, '\u{E9}'), "\u{E9}\u{1F600}");
    assert_eq!(rjust("\u{E9}\u{1F600}", 5, '*'), "***\u{E9}\u{1F600}");
    assert_eq!(
        rjust("\u{E9}\u{1F600}", 5, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{1F600}"
    );
    assert_eq!(rjust("\u{E9}\u{1F600}", 6, '*'), "****\u{E9}\u{1F600}");
    assert_eq!(
        rjust("\u{E9}\u{1F600}", 6, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{1F600}"
    );
    assert_eq!(rjust("\u{E9}\u{1F600}", 7, '*'), "*****\u{E9}\u{1F600}");
    assert_eq!(
        rjust("\u{E9}\u{1F600}", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{1F600}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", -5, '*'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", -5, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 2, '*'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 2, '\u{E9}'),
        "\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 5, '*'),
        "**\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 5, '\u{E9}'),
        "\u{E9}\u{E9}\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 6, '*'),
        "***\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 6, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 7, '*'),
        "****\u{4E2D}\u{6587}\u{5B57}"
    );
    assert_eq!(
        rjust("\u{4E2D}\u{6587}\u{5B57}", 7, '\u{E9}'),
        "\u{E9}\u{E9}\u{E9}\u{E9}\u{4E2D}\u{6587}\u{5B57}"
    );
}

#[test]
fn zfill_matches_cpython() {
    assert_eq!(zfill("", -1), "");
    assert_eq!(zfill("", 0), "");
    assert_eq!(zfill("", 1), "0");
    assert_eq!(zfill("", 3), "000");
    assert_eq!(zfill("", 5), "00000");
    assert_eq!(zfill("42", -1), "42");
    assert_eq!(zfill("42", 0), "42");
    assert_eq!(zfill("42", 1), "42");
    assert_eq!(zfill("42", 3), "042");
    assert_eq!(zfill("42", 5), "00042");
    assert_eq!(zfill("-42", -1), "-42");
    assert_eq!(zfill("-42", 0), "-42");
    assert_eq!(zfill("-42", 1), "-42");
    assert_eq!(zfill("-42", 3), "-42");
    assert_eq!(zfill("-42", 5), "-0042");
    assert_eq!(zfill("+42", -1), "+42");
    assert_eq!(zfill("+42", 0), "+42");
    assert_eq!(zfill("+42", 1), "+42");
    assert_eq!(zfill("+42", 3), "+42");
    assert_eq!(zfill("+42", 5), "+0042");
    assert_eq!(zfill("-", -1), "-");
    assert_eq!(zfill("-", 0), "-");
    assert_eq!(zfill("-", 1), "-");
    assert_eq!(zfill("-", 3), "-00");
    assert_eq!(zfill("-", 5), "-0000");
    assert_eq!(zfill("\u{E9}", -1), "\u{E9}");
    assert_eq!(zfill("\u{E9}", 0), "\u{E9}");
    assert_eq!(zfill("\u{E9}", 1), "\u{E9}");
    assert_eq!(zfill("\u{E9}", 3), "00\u{E9}");
    assert_eq!(zfill("\u{E9}", 5), "0000\u{E9}");
    assert_eq!(zfill("--1", -1), "--1");
    assert_eq!(zfill("--1", 0), "--1");
    assert_eq!(zfill("--1", 1), "--1");
    assert_eq!(zfill("--1", 3), "--1");
    assert_eq!(zfill("--1", 5), "-00-1");
    assert_eq!(zfill("3.14", -1), "3.14");
    assert_eq!(zfill("3.14", 0), "3.14");
    assert_eq!(zfill("3.14", 1), "3.14");
    assert_eq!(zfill("3.14", 3), "3.14");
    assert_eq!(zfill("3.14", 5), "03.14");
    assert_eq!(zfill("\u{1F600}", -1), "\u{1F600}");
    assert_eq!(zfill("\u{1F600}", 0), "\u{1F600}");
    assert_eq!(zfill("\u{1F600}", 1), "\u{1F600}");
    assert_eq!(zfill("\u{1F600}", 3), "00\u{1F600}");
    assert_eq!(zfill("\u{1F600}", 5), "0000\u{1F600}");
}

#[test]
fn partition_matches_cpython() {
    assert_eq!(partition("a=b=c", "="), Ok(t3("a", "=", "b=c")));
    assert_eq!(partition("abc", "x"), Ok(t3("abc", "", "")));
    assert_eq!(partition("", "="), Ok(t3("", "", "")));
    assert_eq!(partition("abc", ""), Err("empty separator".to_string()));
    assert_eq!(
        partition("\u{E9}\u{1F600}\u{E9}\u{1F600}", "\u{1F600}"),
        Ok(t3("\u{E9}", "\u{1F600}", "\u{E9}\u{1F600}"))
    );
    assert_eq!(
        partition("\u{4E2D}\u{6587}\u{4E2D}", "\u{4E2D}"),
        Ok(t3("", "\u{4E2D}", "\u{6587}\u{4E2D}"))
    );
}

#[test]
fn rpartition_matches_cpython() {
    assert_eq!(rpartition("a=b=c", "="), Ok(t3("a=b", "=", "c")));
    assert_eq!(rpartition("abc", "x"), Ok(t3("", "", "abc")));
    assert_eq!(rpartition("", "="), Ok(t3("", "", "")));
    assert_eq!(rpartition("abc", ""), Err("empty separator".to_string()));
    assert_eq!(
        rpartition("\u{E9}\u{1F600}\u{E9}\u{1F600}", "\u{1F600}"),
        Ok(t3("\u{E9}\u{1F600}\u{E9}", "\u{1F600}", ""))
    );
    assert_eq!(
        rpartition("\u{4E2D}\u{6587}\u{4E2D}", "\u{4E2D}"),
        Ok(t3("\u{4E2D}\u{6587}", "\u{4E2D}", ""))
    );
}

#[test]
fn expandtabs_matches_cpython() {
    assert_eq!(expandtabs("a\u{9}b", 8), "a       b");
    assert_eq!(expandtabs("a\u{9}b", 4), "a   b");
    assert_eq!(expandtabs("a\u{9}b", 1), "a b");
    assert_eq!(expandtabs("a\u{9}b", 0), "ab");
    assert_eq!(expandtabs("a\u{9}b", -1), "ab");
    assert_eq!(expandtabs("\u{9}", 8), "        ");
    assert_eq!(expandtabs("\u{9}", 4), "    ");
    assert_eq!(expandtabs("\u{9}", 1), " ");
    assert_eq!(expandtabs("\u{9}", 0), "");
    assert_eq!(expandtabs("\u{9}", -1), "");
    assert_eq!(
        expandtabs("ab\u{9}c\u{A}d\u{9}e", 8),
        "ab      c\u{A}d       e"
    );
    assert_eq!(expandtabs("ab\u{9}c\u{A}d\u{9}e", 4), "ab  c\u{A}d   e");
    assert_eq!(expandtabs("ab\u{9}c\u{A}d\u{9}e", 1), "ab c\u{A}d e");
    assert_eq!(expandtabs("ab\u{9}c\u{A}d\u{9}e", 0), "abc\u{A}de");
    assert_eq!(expandtabs("ab\u{9}c\u{A}d\u{9}e", -1), "abc\u{A}de");
    assert_eq!(
        expandtabs("\u{E9}\u{9}\u{1F600}\u{9}", 8),
        "\u{E9}       \u{1F600}       "
    );
    assert_eq!(
        expandtabs("\u{E9}\u{9}\u{1F600}\u{9}", 4),
        "\u{E9}   \u{1F600}   "
    );
    assert_eq!(
        expandtabs("\u{E9}\u{9}\u{1F600}\u{9}", 1),
        "\u{E9} \u{1F600} "
    );
    assert_eq!(
        expandtabs("\u{E9}\u{9}\u{1F600}\u{9}", 0),
        "\u{E9}\u{1F600}"
    );
    assert_eq!(
        expandtabs("\u{E9}\u{9}\u{1F600}\u{9}", -1),
        "\u{E9}\u{1F600}"
    );
    assert_eq!(expandtabs("a\u{D}\u{9}b", 8), "a\u{D}        b");
    assert_eq!(expandtabs("a\u{D}\u{9}b", 4), "a\u{D}    b");
    assert_eq!(expandtabs("a\u{D}\u{9}b", 1), "a\u{D} b");
    assert_eq!(expandtabs("a\u{D}\u{9}b", 0), "a\u{D}b");
    assert_eq!(expandtabs("a\u{D}\u{9}b", -1), "a\u{D}b");
    assert_eq!(expandtabs("", 8), "");
    assert_eq!(expandtabs("", 4), "");
    assert_eq!(expandtabs("", 1), "");
    assert_eq!(expandtabs("", 0), "");
    assert_eq!(expandtabs("", -1), "");
    assert_eq!(expandtabs("12345678\u{9}x", 8), "12345678        x");
    assert_eq!(expandtabs("12345678\u{9}x", 4), "12345678    x");
    assert_eq!(expandtabs("12345678\u{9}x", 1), "12345678 x");
    assert_eq!(expandtabs("12345678\u{9}x", 0), "12345678x");
    assert_eq!(expandtabs("12345678\u{9}x", -1), "12345678x");
    assert_eq!(
        expandtabs("\u{4E2D}\u{9}\u{6587}", 8),
        "\u{4E2D}       \u{6587}"
    );
    assert_eq!(
        expandtabs("\u{4E2D}\u{9}\u{6587}", 4),
        "\u{4E2D}   \u{6587}"
    );
    assert_eq!(expandtabs("\u{4E2D}\u{9}\u{6587}", 1), "\u{4E2D} \u{6587}");
    assert_eq!(expandtabs("\u{4E2D}\u{9}\u{6587}", 0), "\u{4E2D}\u{6587}");
    assert_eq!(expandtabs("\u{4E2D}\u{9}\u{6587}", -1), "\u{4E2D}\u{6587}");
}

#[test]
fn removeprefix_matches_cpython() {
    assert_eq!(removeprefix("prefix_body", "prefix_"), "body");
    assert_eq!(removeprefix("body", "x"), "body");
    assert_eq!(removeprefix("\u{E9}\u{E9}", "\u{E9}"), "\u{E9}");
    assert_eq!(removeprefix("", ""), "");
    assert_eq!(
        removeprefix("\u{1F600}\u{1F600}a", "\u{1F600}"),
        "\u{1F600}a"
    );
}

#[test]
fn removesuffix_matches_cpython() {
    assert_eq!(removesuffix("prefix_body", "prefix_"), "prefix_body");
    assert_eq!(removesuffix("prefix_body", "y"), "prefix_bod");
    assert_eq!(removesuffix("body", "x"), "body");
    assert_eq!(removesuffix("body", "y"), "bod");
    assert_eq!(removesuffix("\u{E9}\u{E9}", "\u{E9}"), "\u{E9}");
    assert_eq!(removesuffix("\u{E9}\u{E9}", "\u{E9}"), "\u{E9}");
    assert_eq!(removesuffix("", ""), "");
    assert_eq!(removesuffix("", ""), "");
    assert_eq!(
        removesuffix("\u{1F600}\u{1F600}a", "\u{1F600}"),
        "\u{1F600}\u{1F600}a"
    );
    assert_eq!(
        removesuffix("\u{1F600}\u{1F600}a", "a"),
        "\u{1F600}\u{1F600}"
    );
}

#[test]
fn char_at_matches_cpython() {
    assert_eq!(char_at("", -6), None);
    assert_eq!(char_at("", -4), None);
    assert_eq!(char_at("", -3), None);
    assert_eq!(char_at("", -1), None);
    assert_eq!(char_at("", 0), None);
    assert_eq!(char_at("", 1), None);
    assert_eq!(char_at("", 2), None);
    assert_eq!(char_at("", 4), None);
    assert_eq!(char_at("", 5), None);
    assert_eq!(char_at("abc", -6), None);
    assert_eq!(char_at("abc", -4), None);
    assert_eq!(char_at("abc", -3), Some('a'));
    assert_eq!(char_at("abc", -1), Some('c'));
    assert_eq!(char_at("abc", 0), Some('a'));
    assert_eq!(char_at("abc", 1), Some('b'));
    assert_eq!(char_at("abc", 2), Some('c'));
    assert_eq!(char_at("abc", 4), None);
    assert_eq!(char_at("abc", 5), None);
    assert_eq!(char_at("h\u{E9}llo", -6), None);
    assert_eq!(char_at("h\u{E9}llo", -4), Some('\u{E9}'));
    assert_eq!(char_at("h\u{E9}llo", -3), Some('l'));
    assert_eq!(char_at("h\u{E9}llo", -1), Some('o'));
    assert_eq!(char_at("h\u{E9}llo", 0), Some('h'));
    assert_eq!(char_at("h\u{E9}llo", 1), Some('\u{E9}'));
    assert_eq!(char_at("h\u{E9}llo", 2), Some('l'));
    assert_eq!(char_at("h\u{E9}llo", 4), Some('o'));
    assert_eq!(char_at("h\u{E9}llo", 5), None);
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", -6), None);
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", -4), None);
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", -3), Some('\u{1F600}'));
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", -1), Some('\u{E9}'));
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", 0), Some('\u{1F600}'));
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", 1), Some('\u{4E2D}'));
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", 2), Some('\u{E9}'));
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", 4), None);
    assert_eq!(char_at("\u{1F600}\u{4E2D}\u{E9}", 5), None);
}

#[test]
fn char_len_matches_cpython() {
    assert_eq!(char_len(""), 0);
    assert_eq!(char_len("abc"), 3);
    assert_eq!(char_len("h\u{E9}llo"), 5);
    assert_eq!(char_len("\u{1F600}\u{4E2D}\u{E9}"), 3);
}

#[test]
fn substring_matches_cpython() {
    assert_eq!(substring("", 0, 0), "");
    assert_eq!(substring("", 0, 2), "");
    assert_eq!(substring("", 1, 10), "");
    assert_eq!(substring("", 3, 1), "");
    assert_eq!(substring("", 2, 3), "");
    assert_eq!(substring("", 10, 20), "");
    assert_eq!(substring("abc", 0, 0), "");
    assert_eq!(substring("abc", 0, 2), "ab");
    assert_eq!(substring("abc", 1, 10), "bc");
    assert_eq!(substring("abc", 3, 1), "");
    assert_eq!(substring("abc", 2, 3), "c");
    assert_eq!(substring("abc", 10, 20), "");
    assert_eq!(substring("h\u{E9}llo", 0, 0), "");
    assert_eq!(substring("h\u{E9}llo", 0, 2), "h\u{E9}");
    assert_eq!(substring("h\u{E9}llo", 1, 10), "\u{E9}llo");
    assert_eq!(substring("h\u{E9}llo", 3, 1), "");
    assert_eq!(substring("h\u{E9}llo", 2, 3), "l");
    assert_eq!(substring("h\u{E9}llo", 10, 20), "");
    assert_eq!(substring("\u{1F600}\u{4E2D}\u{E9}", 0, 0), "");
    assert_eq!(
        substring("\u{1F600}\u{4E2D}\u{E9}", 0, 2),
        "\u{1F600}\u{4E2D}"
    );
    assert_eq!(
        substring("\u{1F600}\u{4E2D}\u{E9}", 1, 10),
        "\u{4E2D}\u{E9}"
    );
    assert_eq!(substring("\u{1F600}\u{4E2D}\u{E9}", 3, 1), "");
    assert_eq!(substring("\u{1F600}\u{4E2D}\u{E9}", 2, 3), "\u{E9}");
    assert_eq!(substring("\u{1F600}\u{4E2D}\u{E9}", 10, 20), "");
}

#[test]
fn slice_step_matches_cpython() {
    assert_eq!(slice_step("", 0, 0, 2), "");
    assert_eq!(slice_step("", -1, -1, -1), "");
    assert_eq!(slice_step("", -1, -1, -2), "");
    assert_eq!(slice_step("", 0, 0, 3), "");
    assert_eq!(slice_step("", -1, -1, -1), "");
    assert_eq!(slice_step("", 0, 0, 1), "");
    assert_eq!(slice_step("", -1, -1, -1), "");
    assert_eq!(slice_step("", 0, 0, 1000000000000000000), "");
    assert_eq!(slice_step("", -1, -1, -1000000000000000000), "");
    assert_eq!(slice_step("abc", 0, 3, 2), "ac");
    assert_eq!(slice_step("abc", 2, -1, -1), "cba");
    assert_eq!(slice_step("abc", 2, 0, -2), "c");
    assert_eq!(slice_step("abc", 1, 3, 3), "b");
    assert_eq!(slice_step("abc", 2, -1, -1), "cba");
    assert_eq!(slice_step("abc", 0, 3, 1), "abc");
    assert_eq!(slice_step("abc", 0, 0, -1), "");
    assert_eq!(slice_step("abc", 0, 3, 1000000000000000000), "a");
    assert_eq!(slice_step("abc", 2, -1, -1000000000000000000), "c");
    assert_eq!(slice_step("h\u{E9}llo", 0, 5, 2), "hlo");
    assert_eq!(slice_step("h\u{E9}llo", 4, -1, -1), "oll\u{E9}h");
    assert_eq!(slice_step("h\u{E9}llo", 4, 0, -2), "ol");
    assert_eq!(slice_step("h\u{E9}llo", 1, 5, 3), "\u{E9}o");
    assert_eq!(slice_step("h\u{E9}llo", 4, -1, -1), "oll\u{E9}h");
    assert_eq!(slice_step("h\u{E9}llo", 0, 5, 1), "h\u{E9}llo");
    assert_eq!(slice_step("h\u{E9}llo", 0, 0, -1), "");
    assert_eq!(slice_step("h\u{E9}llo", 0, 5, 1000000000000000000), "h");
    assert_eq!(slice_step("h\u{E9}llo", 4, -1, -1000000000000000000), "o");
    assert_eq!(
        slice_step("\u{1F600}\u{4E2D}\u{E9}", 0, 3, 2),
        "\u{1F600}\u{E9}"
    );
    assert_eq!(
        slice_step("\u{1F600}\u{4E2D}\u{E9}", 2, -1, -1),
        "\u{E9}\u{4E2D}\u{1F600}"
    );
    assert_eq!(slice_step("\u{1F600}\u{4E2D}\u{E9}", 2, 0, -2), "\u{E9}");
    assert_eq!(slice_step("\u{1F600}\u{4E2D}\u{E9}", 1, 3, 3), "\u{4E2D}");
    assert_eq!(
        slice_step("\u{1F600}\u{4E2D}\u{E9}", 2, -1, -1),
        "\u{E9}\u{4E2D}\u{1F600}"
    );
    assert_eq!(
        slice_step("\u{1F600}\u{4E2D}\u{E9}", 0, 3, 1),
        "\u{1F600}\u{4E2D}\u{E9}"
    );
    assert_eq!(slice_step("\u{1F600}\u{4E2D}\u{E9}", 0, 0, -1), "");
    assert_eq!(
        slice_step("\u{1F600}\u{4E2D}\u{E9}", 0, 3, 1000000000000000000),
        "\u{1F600}"
    );
    assert_eq!(
        slice_step("\u{1F600}\u{4E2D}\u{E9}", 2, -1, -1000000000000000000),
        "\u{E9}"
    );
}

#[test]
fn repeat_matches_cpython() {
    assert_eq!(repeat("", -1), "");
    assert_eq!(repeat("", 0), "");
    assert_eq!(repeat("", 1), "");
    assert_eq!(repeat("", 3), "");
    assert_eq!(repeat("abc", -1), "");
    assert_eq!(repeat("abc", 0), "");
    assert_eq!(repeat("abc", 1), "abc");
    assert_eq!(repeat("abc", 3), "abcabcabc");
    assert_eq!(repeat("h\u{E9}llo", -1), "");
    assert_eq!(repeat("h\u{E9}llo", 0), "");
    assert_eq!(repeat("h\u{E9}llo", 1), "h\u{E9}llo");
    assert_eq!(repeat("h\u{E9}llo", 3), "h\u{E9}lloh\u{E9}lloh\u{E9}llo");
    assert_eq!(repeat("\u{1F600}\u{4E2D}\u{E9}", -1), "");
    assert_eq!(repeat("\u{1F600}\u{4E2D}\u{E9}", 0), "");
    assert_eq!(
        repeat("\u{1F600}\u{4E2D}\u{E9}", 1),
        "\u{1F600}\u{4E2D}\u{E9}"
    );
    assert_eq!(
        repeat("\u{1F600}\u{4E2D}\u{E9}", 3),
        "\u{1F600}\u{4E2D}\u{E9}\u{1F600}\u{4E2D}\u{E9}\u{1F600}\u{4E2D}\u{E9}"
    );
}

#[test]
fn compare_matches_cpython() {
    assert_eq!(compare("a", "b"), Ordering::Less);
    assert_eq!(compare("b", "a"), Ordering::Greater);
    assert_eq!(compare("", ""), Ordering::Equal);
    assert_eq!(compare("", "a"), Ordering::Less);
    assert_eq!(compare("\u{E9}", "z"), Ordering::Greater);
    assert_eq!(compare("\u{1F600}", "\u{FFFF}"), Ordering::Greater);
    assert_eq!(compare("\u{4E2D}", "\u{1F600}"), Ordering::Less);
    assert_eq!(compare("abc", "abd"), Ordering::Less);
    assert_eq!(compare("ab", "abc"), Ordering::Less);
}

#[test]
fn translate_matches_cpython() {
    let table = |c: char| match c {
        'a' => Some(Some("xy".to_string())),
        'l' => Some(None),
        '\u{1F600}' => Some(Some("\u{1F389}".to_string())),
        '\u{E9}' => Some(Some("e".to_string())),
        _ => None,
    };
    assert_eq!(translate("abc", &table), "xybc");
    assert_eq!(translate("h\u{E9}llo \u{1F600}", &table), "heo \u{1F389}");
    assert_eq!(translate("", &table), "");
}

#[test]
fn splitting_slices_the_text_like_python() {
    // Every line boundary CPython 3.11 knows, CRLF as one, with and without ends kept.
    let text = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\u{85}j\u{2028}k\u{2029}l";
    assert_eq!(splitlines(text, false), ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]);
    assert_eq!(splitlines("x\r\n\r\u{85}é\n", true), ["x\r\n", "\r", "\u{85}", "é\n"]);
    assert!(splitlines("", false).is_empty());
    assert_eq!(splitlines("\u{2027}\u{2030}", false), ["\u{2027}\u{2030}"]);
    // One-byte separators take the char search; longer ones the substring search.
    assert_eq!(split("a;b;;c", Some(";"), -1).unwrap(), ["a", "b", "", "c"]);
    assert_eq!(split("a;b;;c", Some(";"), 1).unwrap(), ["a", "b;;c"]);
    assert_eq!(split("é;;ü", Some(";;"), -1).unwrap(), ["é", "ü"]);
    assert_eq!(rsplit("a;b;c", Some(";"), 1).unwrap(), ["a;b", "c"]);
    assert_eq!(split("  a \t b\n", None, -1).unwrap(), ["a", "b"]);
    assert_eq!(rsplit("  a  b c ", None, 1).unwrap(), ["  a  b", "c"]);
    assert_eq!(split("a", Some(""), -1), Err("empty separator".to_string()));
}

#[test]
fn concat_copies_pieces_end_to_end() {
    use crate::strops::concat;
    assert_eq!(&*concat(&[]), "");
    assert_eq!(&*concat(&["id-", "000042", ";", "é"]), "id-000042;é");
    let long = "ü".repeat(200); // past the stack buffer
    assert_eq!(&*concat(&[&long, "|", &long]), format!("{}|{}", long, long));
}
