//! CPython 3.11-compatible text and number formatting for generated code.
//!
//! Portalis translates Python programs whose observable output depends on the
//! exact strings CPython produces: `repr(float)`, `format()`/f-strings with the
//! format-spec mini-language, `%`-formatting, `str.format` templates, `round()`,
//! `int(str)` and `float(str)`. This module reproduces those algorithms
//! (CPython's `formatter_unicode.c`, `pystrtod.c`, `unicodeobject.c`) so the
//! transpiled program prints byte-for-byte what the Python original printed.
//!
//! Errors are returned as `Err(message)` carrying CPython's exception message;
//! no input makes these functions panic. Widths and precisions above
//! [`MAX_FIELD`] are rejected with "Too many decimal digits in format string"
//! instead of allocating huge strings.

use std::fmt::Write as _;

/// Largest width or precision accepted; bigger ones return an error rather
/// than trying to build a gigantic string.
pub const MAX_FIELD: usize = 1_000_000;

const TOO_MANY_DIGITS: &str = "Too many decimal digits in format string";

// ---------------------------------------------------------------------------
// Character helpers
// ---------------------------------------------------------------------------

/// Value of a Unicode decimal digit (category Nd), as Python's `int()`,
/// `float()` and format specs accept them.
fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - '0' as u32);
    }
    if cp < 0x80 {
        return None;
    }
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    if idx == 0 {
        return None;
    }
    let off = cp - DECIMAL_ZEROS[idx - 1];
    if off < 10 {
        Some(off)
    } else {
        None
    }
}

/// Python's `str.isspace()` for non-ASCII code points.
fn is_unicode_space(c: char) -> bool {
    matches!(c as u32, 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// C's `Py_ISSPACE`: the ASCII whitespace that `int()`/`float()` strip.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// CPython's `str.isprintable()` for a single character.
fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return (0x20..0x7F).contains(&cp);
    }
    let idx = NON_PRINTABLE.partition_point(|&(lo, _)| lo <= cp);
    idx == 0 || NON_PRINTABLE[idx - 1].1 < cp
}

/// Renders a character the way CPython error messages quote format codes:
/// printable ASCII as itself, anything else as `\x..`.
fn code_display(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", cp)
    }
}

/// Pushes `n` copies of `c`.
fn push_repeat(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat(c).take(n));
}

/// A fixed-capacity ASCII buffer so hot paths can use `write!` without
/// allocating; it only ever holds short number renderings.
struct StackBuf {
    buf: [u8; 72],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        StackBuf { buf: [0; 72], len: 0 }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// repr(str)
// ---------------------------------------------------------------------------

/// `repr(s)` exactly as CPython writes it, so printed containers and error
/// messages match.
pub fn python_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if is_printable(c) => out.push(c),
            _ => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, whichever is the shortest that fits.
fn push_escape(out: &mut String, c: char) {
    let cp = c as u32;
    let _ = if cp <= 0xFF {
        write!(out, "\\x{:02x}", cp)
    } else if cp <= 0xFFFF {
        write!(out, "\\u{:04x}", cp)
    } else {
        write!(out, "\\U{:08x}", cp)
    };
}

/// `ascii(obj)` given `repr(obj)`: non-ASCII characters backslash-escaped.
fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Float to decimal digits
// ---------------------------------------------------------------------------

/// Splits a Rust `{:e}` rendering such as `1.2345e-7` into its significant
/// digits (pushed onto `digits`) and its decimal exponent.
fn split_exp_form(s: &str, digits: &mut Vec<u8>) -> i64 {
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, "0"),
    };
    digits.extend(mant.bytes().filter(u8::is_ascii_digit));
    exp.parse().unwrap_or(0)
}

/// Odd mantissa `m` and exponent `e` with `x == m * 2^e` (x finite, non-zero).
fn odd_mantissa(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i64;
    (m, e)
}

/// True when `x * 10^q` lies exactly halfway between two integers, i.e. when
/// rounding at that decimal position is a tie that must go to even.
fn is_decimal_tie(x: f64, q: i64) -> bool {
    let (m, e) = odd_mantissa(x);
    if m == 0 || e + q + 1 != 0 {
        return false;
    }
    if q >= 0 {
        return true;
    }
    // 2 * x * 10^q = m / 5^-q must be an (odd) integer.
    match 5u64.checked_pow((-q) as u32) {
        Some(p) => m % p == 0,
        None => false,
    }
}

/// Drops the final `5` of an exact tie and rounds the rest half-to-even.
/// Returns true when the carry ran off the front (e.g. 99|5 -> 100).
fn round_tie_to_even(digits: &mut Vec<u8>) -> bool {
    digits.pop();
    match digits.last() {
        Some(&d) if (d - b'0') % 2 == 1 => {}
        _ => return false,
    }
    if increment_digits(digits) {
        digits.insert(0, b'1');
        return true;
    }
    false
}

/// Adds one unit in the last place; true when every digit was a 9 (the
/// digits are then all zeros and a leading 1 is missing).
fn increment_digits(digits: &mut [u8]) -> bool {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return false;
        }
    }
    true
}

/// Strips trailing zeros like dtoa does; an all-zero result becomes "0".
fn trim_digits(digits: &mut Vec<u8>, decpt: &mut i64) {
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    *decpt -= lead as i64;
    if digits.is_empty() {
        digits.push(b'0');
        *decpt = 1;
    }
}

/// Shortest round-tripping digits of a finite `x >= 0` (dtoa mode 0).
/// Among equally short candidates Rust picks the nearest, like dtoa, but
/// breaks exact ties upwards; dtoa breaks them to even, so redo those.
fn shortest_digits(x: f64, digits: &mut Vec<u8>) -> i64 {
    let mut buf = StackBuf::new();
    let _ = write!(buf, "{:e}", x);
    let decpt = split_exp_form(buf.as_str(), digits) + 1;
    let n = digits.len();
    let odd_last = digits.last().map_or(false, |&d| (d - b'0') % 2 == 1);
    if !odd_last || x == 0.0 || !is_decimal_tie(x, n as i64 - decpt) {
        return decpt;
    }
    let mut even = Vec::with_capacity(n + 1);
    let even_decpt = significant_digits(x, n, &mut even);
    if digits_to_f64(&even, even_decpt) == x {
        *digits = even;
        return even_decpt;
    }
    decpt
}

/// Parses `0.<digits> * 10^decpt` back into a float.
fn digits_to_f64(digits: &[u8], decpt: i64) -> f64 {
    let mut text = String::with_capacity(digits.len() + 8);
    text.extend(digits.iter().map(|&b| b as char));
    let _ = write!(text, "e{}", decpt - digits.len() as i64);
    text.parse().unwrap_or(f64::NAN)
}

/// `n >= 1` correctly rounded significant digits of finite `x >= 0`
/// (dtoa mode 2); returns the decimal point position.
fn significant_digits(x: f64, n: usize, digits: &mut Vec<u8>) -> i64 {
    let s = format!("{:.*e}", n - 1, x);
    let mut exp = split_exp_form(&s, digits);
    if x != 0.0 && is_decimal_tie(x, (n as i64 - 1) - exp) {
        digits.clear();
        let exact = format!("{:.*e}", n, x);
        exp = split_exp_form(&exact, digits);
        if round_tie_to_even(digits) {
            digits.pop();
            exp += 1;
        }
    }
    let mut decpt = exp + 1;
    trim_digits(digits, &mut decpt);
    decpt
}

/// Digits of finite `x >= 0` correctly rounded to `p` places after the
/// decimal point (dtoa mode 3); returns the decimal point position.
fn fixed_digits(x: f64, p: usize, digits: &mut Vec<u8>) -> i64 {
    let tie = x != 0.0 && is_decimal_tie(x, p as i64);
    let s = if tie { format!("{:.*}", p + 1, x) } else { format!("{:.*}", p, x) };
    let mut decpt = s.find('.').unwrap_or(s.len()) as i64;
    digits.extend(s.bytes().filter(u8::is_ascii_digit));
    if tie && round_tie_to_even(digits) {
        decpt += 1;
    }
    trim_digits(digits, &mut decpt);
    decpt
}

/// Float presentation requested from [`float_to_ascii`] (PyOS_double_to_string).
#[derive(Clone, Copy, PartialEq)]
enum FloatMode {
    /// `repr`: shortest digits, exponent outside 1e-4..1e16.
    Repr,
    /// 'e': `precision` digits after the point, always an exponent.
    Exp,
    /// 'f': `precision` digits after the point.
    Fixed,
    /// 'g': `precision` significant digits, exponent when large or small.
    General,
}

/// Options mirroring CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy)]
struct FloatStyle {
    mode: FloatMode,
    precision: usize,
    upper: bool,
    alt: bool,
    add_dot_0: bool,
    no_neg_0: bool,
}

/// CPython's `PyOS_double_to_string` (format_float_short) appended to `out`,
/// including a leading '-' when negative.
fn float_to_ascii(out: &mut String, x: f64, st: FloatStyle) {
    if x.is_nan() {
        out.push_str(if st.upper { "NAN" } else { "nan" });
        return;
    }
    if x.is_infinite() {
        if x < 0.0 {
            out.push('-');
        }
        out.push_str(if st.upper { "INF" } else { "inf" });
        return;
    }
    let ax = x.abs();
    let mut digits = Vec::with_capacity(24);
    let decpt = match st.mode {
        FloatMode::Repr => shortest_digits(ax, &mut digits),
        FloatMode::Exp => significant_digits(ax, st.precision + 1, &mut digits),
        FloatMode::General => significant_digits(ax, st.precision.max(1), &mut digits),
        FloatMode::Fixed => fixed_digits(ax, st.precision, &mut digits),
    };
    if x.is_sign_negative() && !(st.no_neg_0 && digits == b"0") {
        out.push('-');
    }
    layout_digits(out, &digits, decpt, st);
}

/// Places the decimal point, padding zeros and exponent around `digits`
/// (the second half of CPython's format_float_short).
fn layout_digits(out: &mut String, digits: &[u8], mut decpt: i64, st: FloatStyle) {
    let ndig = digits.len() as i64;
    let prec = st.precision as i64;
    let mut vend = ndig;
    let mut use_exp = false;
    match st.mode {
        FloatMode::Exp => {
            use_exp = true;
            vend = prec + 1;
        }
        FloatMode::Fixed => vend = decpt + prec,
        FloatMode::General => {
            let p = prec.max(1);
            let limit = if st.add_dot_0 { p - 1 } else { p };
            use_exp = decpt <= -4 || decpt > limit;
            if st.alt {
                vend = p;
            }
        }
        FloatMode::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && st.add_dot_0 { decpt + 1 } else { decpt };
    vend = vend.max(min_end);

    let zeros = |out: &mut String, n: i64| push_repeat(out, '0', n.max(0) as usize);
    let text = |out: &mut String, d: &[u8]| out.extend(d.iter().map(|&b| b as char));
    if decpt <= 0 {
        zeros(out, decpt - vstart);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vstart);
    }
    if 0 < decpt && decpt <= ndig {
        text(out, &digits[..decpt as usize]);
        out.push('.');
        text(out, &digits[decpt as usize..]);
    } else {
        text(out, digits);
    }
    if ndig < decpt {
        zeros(out, decpt - ndig);
        out.push('.');
        zeros(out, vend - decpt);
    } else {
        zeros(out, vend - ndig);
    }
    if out.ends_with('.') && !st.alt {
        out.pop();
    }
    if use_exp {
        out.push(if st.upper { 'E' } else { 'e' });
        let _ = write!(out, "{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
}

const REPR_STYLE: FloatStyle = FloatStyle {
    mode: FloatMode::Repr,
    precision: 0,
    upper: false,
    alt: false,
    add_dot_0: true,
    no_neg_0: false,
};

/// `repr(x)` / `str(x)` for floats: the shortest string that round-trips,
/// with CPython's choice between fixed and exponent notation.
pub fn float_repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    float_to_ascii(&mut out, x, REPR_STYLE);
    out
}

// ---------------------------------------------------------------------------
// Format-spec mini-language
// ---------------------------------------------------------------------------

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Copy)]
struct Spec {
    fill: char,
    align: char,
    sign: Option<char>,
    no_neg_0: bool,
    alt: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of (Unicode) decimal digits; `None` when there are none.
fn read_number(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut value: Option<usize> = None;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let v = value.unwrap_or(0) * 10 + d as usize;
        if v > MAX_FIELD {
            return Err(TOO_MANY_DIGITS.to_string());
        }
        value = Some(v);
        *pos += 1;
    }
    Ok(value)
}

/// CPython's `parse_internal_render_format_spec`. `type_name` is used in
/// error messages; `default_type`/`default_align` depend on the object type.
fn parse_spec(
    spec: &str,
    type_name: &str,
    default_type: Option<char>,
    default_align: char,
) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut sp = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    let mut pos = 0;
    let (mut fill_given, mut align_given) = (false, false);
    if chars.len() >= 2 && is_align(chars[1]) {
        sp.fill = chars[0];
        sp.align = chars[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        sp.align = chars[0];
        align_given = true;
        pos = 1;
    }
    let at = |pos: usize| chars.get(pos).copied();
    if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
        sp.sign = Some(c);
        pos += 1;
    }
    if at(pos) == Some('z') {
        sp.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        sp.alt = true;
        pos += 1;
    }
    if !fill_given && at(pos) == Some('0') {
        sp.fill = '0';
        if !align_given && default_align == '>' {
            sp.align = '=';
        }
        pos += 1;
    }
    sp.width = read_number(&chars, &mut pos)?.unwrap_or(0);
    if at(pos) == Some(',') {
        sp.grouping = Some(',');
        pos += 1;
    }
    if at(pos) == Some('_') {
        if sp.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        sp.grouping = Some('_');
        pos += 1;
    }
    if at(pos) == Some(',') && sp.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if at(pos) == Some('.') {
        pos += 1;
        match read_number(&chars, &mut pos)? {
            Some(p) => sp.precision = Some(p),
            None => return Err("Format specifier missing precision".to_string()),
        }
    }
    if chars.len() - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        ));
    }
    if let Some(&c) = chars.get(pos) {
        sp.ty = Some(c);
    }
    if let Some(sep) = sp.grouping {
        check_grouping(sep, sp.ty)?;
    }
    Ok(sp)
}

/// PEP 378/515: which presentation types accept ',' or '_'.
fn check_grouping(sep: char, ty: Option<char>) -> Result<(), String> {
    match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(()),
        Some(t) => Err(format!("Cannot specify '{}' with '{}'.", sep, code_display(t))),
    }
}

fn unknown_code(ty: char, type_name: &str) -> String {
    format!("Unknown format code '{}' for object of type '{}'", code_display(ty), type_name)
}

/// The pieces of a rendered number, as CPython's calc_number_widths sees it:
/// `<sign><prefix><digits>[.<remainder>]` or `<sign><prefix><digits><remainder>`.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
    /// (separator, group size) for thousands grouping.
    grouping: Option<(char, usize)>,
}

/// Digits grouped right-to-left, zero-padded to `min_width` characters when
/// '0'-padding is in effect (CPython's _PyUnicode_InsertThousandsGrouping).
fn group_digits(digits: &str, grouping: Option<(char, usize)>, mut min_width: i64) -> String {
    let bytes = digits.as_bytes();
    let (sep, size) = match grouping {
        None => {
            let mut out = String::new();
            push_repeat(&mut out, '0', (min_width - bytes.len() as i64).max(0) as usize);
            out.push_str(digits);
            return out;
        }
        Some((sep, size)) => (sep, size as i64),
    };
    let mut rev: Vec<char> = Vec::with_capacity(bytes.len() * 2);
    let mut remaining = bytes.len() as i64;
    loop {
        let l = size.min(remaining.max(min_width).max(1));
        let n_chars = remaining.min(l).max(0);
        if !rev.is_empty() {
            rev.push(sep);
        }
        for i in 0..n_chars {
            rev.push(bytes[(remaining - 1 - i) as usize] as char);
        }
        push_repeat_vec(&mut rev, '0', (l - remaining).max(0));
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    rev.iter().rev().collect()
}

fn push_repeat_vec(v: &mut Vec<char>, c: char, n: i64) {
    v.extend(std::iter::repeat(c).take(n.max(0) as usize));
}

/// Lays out a number with sign, padding and grouping per the spec
/// (CPython's calc_number_widths + fill_number).
fn render_number(sp: &Spec, num: &Number) -> String {
    let sign = match (sp.sign, num.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let non_digit = sign.map_or(0, |_| 1)
        + num.prefix.chars().count()
        + usize::from(num.has_decimal)
        + num.remainder.chars().count();
    let min_width = if sp.fill == '0' && sp.align == '=' { sp.width as i64 - non_digit as i64 } else { 0 };
    let grouped = if num.digits.is_empty() {
        String::new()
    } else {
        group_digits(num.digits, num.grouping, min_width)
    };
    let used = non_digit + grouped.len();
    let padding = sp.width.saturating_sub(used);
    let (left, mid, right) = match sp.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(used + padding);
    push_repeat(&mut out, sp.fill, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(num.prefix);
    push_repeat(&mut out, sp.fill, mid);
    out.push_str(&grouped);
    if num.has_decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    push_repeat(&mut out, sp.fill, right);
    out
}

/// Digits of `v` in `base` (2..=16) into `buf`, returned as a str.
fn radix_digits(mut v: u64, base: u64, upper: bool, buf: &mut [u8; 64]) -> &str {
    let table: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = table[(v % base) as usize];
        v /= base;
        if v == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("")
}

/// `format(v, spec)` / `f"{v:spec}"` for Python ints (i64 range).
pub fn format_int(v: i64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let sp = parse_spec(spec, "int", Some('d'), '>')?;
    let ty = sp.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_with(v as f64, &sp),
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        _ => return Err(unknown_code(ty, "int")),
    }
    if sp.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if sp.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".to_string());
    }
    if ty == 'c' {
        return format_int_char(v, &sp);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let grouping = match (sp.grouping, base) {
        (Some(sep), 10) => Some((sep, 3)),
        (Some(sep), _) => Some((sep, 4)),
        (None, _) => None,
    };
    let mut buf = [0u8; 64];
    let digits = radix_digits(v.unsigned_abs(), base, ty == 'X', &mut buf);
    let num = Number {
        negative: v < 0,
        prefix: if sp.alt { prefix } else { "" },
        digits,
        has_decimal: false,
        remainder: "",
        grouping,
    };
    Ok(render_number(&sp, &num))
}

/// The 'c' presentation type: the code point `v` as a one-character field.
fn format_int_char(v: i64, sp: &Spec) -> Result<String, String> {
    if sp.sign.is_some() {
        return Err("Sign not allowed with integer format specifier 'c'".to_string());
    }
    if sp.alt {
        return Err("Alternate form (#) not allowed with integer format specifier 'c'".to_string());
    }
    let c = char_from_code(v)?;
    let mut buf = [0u8; 4];
    let num = Number {
        negative: false,
        prefix: "",
        digits: "",
        has_decimal: false,
        remainder: c.encode_utf8(&mut buf),
        grouping: None,
    };
    Ok(render_number(sp, &num))
}

/// `chr(v)` for '%c' and ':c'. Lone surrogates cannot live in a Rust string.
fn char_from_code(v: i64) -> Result<char, String> {
    if !(0..=0x10FFFF).contains(&v) {
        return Err("%c arg not in range(0x110000)".to_string());
    }
    char::from_u32(v as u32).ok_or_else(|| "%c arg is a lone surrogate, which is not supported".to_string())
}

/// `format(v, spec)` / `f"{v:spec}"` for Python floats.
pub fn format_float(v: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    let sp = parse_spec(spec, "float", None, '>')?;
    format_float_with(v, &sp)
}

/// CPython's format_float_internal on an already parsed spec.
fn format_float_with(v: f64, sp: &Spec) -> Result<String, String> {
    let mut x = v;
    let mut style = FloatStyle {
        mode: FloatMode::General,
        precision: sp.precision.unwrap_or(6),
        upper: false,
        alt: sp.alt,
        add_dot_0: false,
        no_neg_0: sp.no_neg_0,
    };
    let ty = sp.ty.unwrap_or('\0');
    match ty {
        '\0' => {
            style.add_dot_0 = true;
            if sp.precision.is_none() {
                style.mode = FloatMode::Repr;
            }
        }
        'e' | 'E' => style.mode = FloatMode::Exp,
        'f' | 'F' | '%' => style.mode = FloatMode::Fixed,
        'g' | 'G' | 'n' => {}
        _ => return Err(unknown_code(ty, "float")),
    }
    style.upper = matches!(ty, 'E' | 'F' | 'G');
    if ty == '%' {
        x *= 100.0;
    }
    let mut body = String::with_capacity(24);
    float_to_ascii(&mut body, x, style);
    if ty == '%' {
        body.push('%');
    }
    let (negative, rest) = match body.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, body.as_str()),
    };
    let split = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, tail) = rest.split_at(split);
    let (has_decimal, remainder) = match tail.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, tail),
    };
    let num = Number {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
        grouping: sp.grouping.map(|s| (s, 3)),
    };
    Ok(render_number(sp, &num))
}

/// The digits of a `decimal.Decimal` for a format spec: (negative, integer digits, whether
/// a decimal point follows, what follows it, whether the value is special (Infinity, NaN)).
pub type DecimalParts = (bool, String, bool, String, bool);

/// `format(d, spec)` for `decimal.Decimal`: `parts(type, precision, alt, no_neg_0)` rounds
/// and splits the number as the spec's type asks; sign, fill, alignment, width and
/// grouping are laid out as for every number.
pub fn format_decimal(
    spec: &str,
    parts: impl FnOnce(Option<char>, Option<usize>, bool, bool) -> Result<DecimalParts, String>,
) -> Result<String, String> {
    let sp = parse_spec(spec, "decimal.Decimal", None, '>')?;
    let (negative, int_digits, has_decimal, rest, special) = parts(sp.ty, sp.precision, sp.alt, sp.no_neg_0)?;
    let num = Number {
        negative,
        prefix: "",
        digits: if special { "" } else { &int_digits },
        has_decimal,
        remainder: if special { &int_digits } else { &rest },
        grouping: if special { None } else { sp.grouping.map(|s| (s, 3)) },
    };
    Ok(render_number(&sp, &num))
}

/// `format(s, spec)` / `f"{s:spec}"` for Python strings.
pub fn format_str(s: &str, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec(spec, "str", Some('s'), '<')?;
    if let Some(t) = sp.ty.filter(|&t| t != 's') {
        return Err(unknown_code(t, "str"));
    }
    match sp.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if sp.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_string());
    }
    if sp.alt {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if sp.align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let text = match sp.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    let padding = sp.width.saturating_sub(text.chars().count());
    let left = match sp.align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + padding);
    push_repeat(&mut out, sp.fill, left);
    out.push_str(text);
    push_repeat(&mut out, sp.fill, padding - left);
    Ok(out)
}

// ---------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------

/// `round(x, ndigits)` for floats; overflow saturates to ±inf (see
/// [`try_round_float`] for CPython's OverflowError).
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    try_round_float(x, ndigits).unwrap_or(if x < 0.0 { f64::NEG_INFINITY } else { f64::INFINITY })
}

/// `round(x, ndigits)` for floats: correctly rounded half-to-even on the
/// exact binary value, like CPython's double_round. Errs with CPython's
/// message when the result does not fit in a float.
pub fn try_round_float(x: f64, ndigits: i64) -> Result<f64, String> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let magnitude = if ndigits >= 0 {
        let mut digits = Vec::new();
        let decpt = fixed_digits(x.abs(), ndigits as usize, &mut digits);
        digits_to_f64(&digits, decpt)
    } else {
        round_to_power_of_ten(x.abs(), (-ndigits) as usize)
    };
    if magnitude.is_infinite() {
        return Err("rounded value too large to represent".to_string());
    }
    Ok(if x.is_sign_negative() { -magnitude } else { magnitude })
}

/// `x` (finite, >= 0) rounded half-to-even to a multiple of 10^k, k >= 1.
fn round_to_power_of_ten(x: f64, k: usize) -> f64 {
    let int_part = x.trunc();
    let text = format!("{:.0}", int_part);
    let all = text.as_bytes();
    if k > all.len() {
        return 0.0;
    }
    let (kept, rest) = all.split_at(all.len() - k);
    let beyond_half = rest[1..].iter().any(|&d| d != b'0') || x != int_part;
    let last_odd = kept.last().map_or(false, |&d| (d - b'0') % 2 == 1);
    let up = match rest[0] {
        b'6'..=b'9' => true,
        b'5' => beyond_half || last_odd,
        _ => false,
    };
    let mut kept = kept.to_vec();
    if up && increment_digits(&mut kept) {
        kept.insert(0, b'1');
    }
    if kept.is_empty() {
        return 0.0;
    }
    digits_to_f64(&kept, (kept.len() + k) as i64)
}

/// `round(v, ndigits)` for ints; results beyond i64 saturate (see
/// [`try_round_int`]).
pub fn round_int(v: i64, ndigits: i64) -> i64 {
    try_round_int(v, ndigits).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// `round(v, ndigits)` for ints: a no-op for `ndigits >= 0`, otherwise
/// rounds half-to-even to a multiple of 10^-ndigits.
pub fn try_round_int(v: i64, ndigits: i64) -> Result<i64, String> {
    if ndigits >= 0 {
        return Ok(v);
    }
    if ndigits < -19 {
        return Ok(0);
    }
    let pow = 10i128.pow((-ndigits) as u32);
    let a = (v as i128).abs();
    let (mut q, r) = (a / pow, a % pow);
    if 2 * r > pow || (2 * r == pow && q % 2 == 1) {
        q += 1;
    }
    let result = if v < 0 { -q * pow } else { q * pow };
    i64::try_from(result).map_err(|_| "int too large".to_string())
}

// ---------------------------------------------------------------------------
// int(str, base) and float(str)
// ---------------------------------------------------------------------------

/// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode spaces
/// become ' ', Unicode decimal digits their ASCII digit, anything else
/// non-ASCII an invalid '?'.
fn to_ascii_number(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s.as_bytes());
    }
    let mapped = s.chars().map(|c| {
        if c.is_ascii() {
            c as u8
        } else if is_unicode_space(c) {
            b' '
        } else {
            decimal_value(c).map_or(b'?', |d| b'0' + d as u8)
        }
    });
    std::borrow::Cow::Owned(mapped.collect())
}

fn trim_ascii_space(mut b: &[u8]) -> &[u8] {
    while let Some((&first, rest)) = b.split_first() {
        if !is_ascii_space(first) {
            break;
        }
        b = rest;
    }
    while let Some((&last, rest)) = b.split_last() {
        if !is_ascii_space(last) {
            break;
        }
        b = rest;
    }
    b
}

/// Digit value in bases up to 36; 99 for anything that is not a digit.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(s, base)`: CPython's literal rules (whitespace, sign, `_` between
/// digits, `0x`/`0o`/`0b` prefixes, base 0 auto-detection). Values outside
/// i64 give `Err("int too large")`.
pub fn parse_int(s: &str, base: u32) -> Result<i64, String> {
    if base == 1 || base > 36 {
        return Err("int() base must be >= 2 and <= 36, or 0".to_string());
    }
    let invalid = || {
        let repr: String = python_str_repr(s).chars().take(200).collect();
        format!("invalid literal for int() with base {}: {}", base, repr)
    };
    let ascii = to_ascii_number(s);
    let mut b = trim_ascii_space(&ascii);
    let negative = b.first() == Some(&b'-');
    if negative || b.first() == Some(&b'+') {
        b = &b[1..];
    }
    let prefix_base = match (b.first(), b.get(1)) {
        (Some(b'0'), Some(b'x' | b'X')) => 16,
        (Some(b'0'), Some(b'o' | b'O')) => 8,
        (Some(b'0'), Some(b'b' | b'B')) => 2,
        _ => 0,
    };
    let mut radix = base;
    let mut must_be_zero = false;
    if radix == 0 {
        radix = if prefix_base != 0 { prefix_base } else { 10 };
        must_be_zero = prefix_base == 0 && b.first() == Some(&b'0');
    }
    if prefix_base != 0 && prefix_base == radix {
        b = &b[2..];
        if b.first() == Some(&b'_') {
            b = &b[1..];
        }
    }
    let magnitude = parse_digits(b, radix).ok_or_else(invalid)?;
    if must_be_zero && magnitude != Some(0) {
        return Err(invalid());
    }
    let magnitude = magnitude.ok_or_else(|| "int too large".to_string())?;
    let value = if negative { -(magnitude as i128) } else { magnitude as i128 };
    i64::try_from(value).map_err(|_| "int too large".to_string())
}

/// Digits with single underscores between them. Outer `None`: not a valid
/// literal; inner `None`: valid but larger than u64.
fn parse_digits(b: &[u8], radix: u32) -> Option<Option<u64>> {
    if b.is_empty() || b[0] == b'_' || b[b.len() - 1] == b'_' {
        return None;
    }
    let mut acc: Option<u64> = Some(0);
    let mut prev_underscore = false;
    for &c in b {
        if c == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = digit_value(c);
        if d >= radix {
            return None;
        }
        acc = acc.and_then(|a| a.checked_mul(radix as u64)).and_then(|a| a.checked_add(d as u64));
    }
    Some(acc)
}

/// `float(s)`: CPython's accepted syntax (whitespace, sign, `inf`,
/// `infinity`, `nan`, underscores between digits), correctly rounded.
pub fn parse_float(s: &str) -> Result<f64, String> {
    let invalid = || format!("could not convert string to float: {}", python_str_repr(s));
    let ascii = to_ascii_number(s);
    let cleaned;
    let mut b: &[u8] = &ascii;
    if b.contains(&b'_') {
        cleaned = remove_underscores(b).ok_or_else(invalid)?;
        b = &cleaned;
    }
    let b = trim_ascii_space(b);
    let (negative, body) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, b),
    };
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    if !is_decimal_literal(body) {
        return Err(invalid());
    }
    let text = std::str::from_utf8(b).map_err(|_| invalid())?;
    text.parse::<f64>().map_err(|_| invalid())
}

/// CPython's underscore rule for float(): each '_' sits between two digits.
fn remove_underscores(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    for &c in b {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        None
    } else {
        Some(out)
    }
}

/// `digits [. digits] [(e|E) [sign] digits]` with at least one mantissa digit.
fn is_decimal_literal(b: &[u8]) -> bool {
    let count_digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
    let int_len = count_digits(b);
    let mut pos = int_len;
    let mut frac_len = 0;
    if b.get(pos) == Some(&b'.') {
        frac_len = count_digits(&b[pos + 1..]);
        pos += 1 + frac_len;
    }
    if int_len + frac_len == 0 {
        return false;
    }
    if matches!(b.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(b.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let exp_len = count_digits(&b[pos..]);
        if exp_len == 0 {
            return false;
        }
        pos += exp_len;
    }
    pos == b.len()
}

// ---------------------------------------------------------------------------
// printf-style formatting: fmt % args
// ---------------------------------------------------------------------------

/// One right-hand operand of `fmt % args`, classified by the caller.
///
/// `Str` is an actual Python `str`; `Other` is any other object, described
/// by its type name (for error messages), `str(obj)` and `repr(obj)`, and for
/// numbers (big ints, Decimal, Fraction) their float value and integer text, which
/// `%f` and `%d` use.
#[derive(Clone, Debug, PartialEq)]
pub enum PercentArg {
    Int(i64),
    Bool(bool),
    Float(f64),
    Str(String),
    Other { type_name: String, text: String, repr: String, real: Option<f64>, whole: Option<String> },
}

impl PercentArg {
    fn type_name(&self) -> &str {
        match self {
            PercentArg::Int(_) => "int",
            PercentArg::Bool(_) => "bool",
            PercentArg::Float(_) => "float",
            PercentArg::Str(_) => "str",
            PercentArg::Other { type_name, .. } => type_name,
        }
    }

    /// The value as a Python int, if the object is one (bool included).
    fn as_int(&self) -> Option<i64> {
        match *self {
            PercentArg::Int(v) => Some(v),
            PercentArg::Bool(b) => Some(i64::from(b)),
            _ => None,
        }
    }

    /// `str(obj)` (`repr == false`) or `repr(obj)`.
    fn to_text(&self, repr: bool) -> String {
        match self {
            PercentArg::Int(v) => v.to_string(),
            PercentArg::Bool(b) => (if *b { "True" } else { "False" }).to_string(),
            PercentArg::Float(f) => float_repr(*f),
            PercentArg::Str(s) if repr => python_str_repr(s),
            PercentArg::Str(s) => s.clone(),
            PercentArg::Other { repr: r, .. } if repr => r.clone(),
            PercentArg::Other { text, .. } => text.clone(),
        }
    }
}

/// Flags and sizes of one `%` conversion.
#[derive(Default)]
struct PercentSpec {
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// Walks the format string and the argument list together.
struct PercentState<'a> {
    chars: Vec<char>,
    pos: usize,
    args: &'a [PercentArg],
    next_arg: usize,
}

impl<'a> PercentState<'a> {
    fn next_arg(&mut self) -> Result<&'a PercentArg, String> {
        let arg = self.args.get(self.next_arg).ok_or("not enough arguments for format string")?;
        self.next_arg += 1;
        Ok(arg)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// A `*` operand: must be an int; returns it.
    fn star_arg(&mut self) -> Result<i64, String> {
        self.pos += 1;
        self.next_arg()?.as_int().ok_or_else(|| "* wants int".to_string())
    }

    /// A run of ASCII digits, or `None` when there is none.
    fn number(&mut self, too_big: &str) -> Result<Option<usize>, String> {
        let mut value = None;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            let v = value.unwrap_or(0usize) * 10 + d as usize;
            if v > MAX_FIELD {
                return Err(too_big.to_string());
            }
            value = Some(v);
            self.pos += 1;
        }
        Ok(value)
    }

    /// The key of a `%(key)` conversion (parentheses may nest), or `None`.
    fn mapping_key(&mut self) -> Result<Option<String>, String> {
        if self.peek() != Some('(') {
            return Ok(None);
        }
        self.pos += 1;
        let start = self.pos;
        let mut depth = 1;
        while let Some(c) = self.peek() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            self.pos += 1;
        }
        if depth != 0 {
            return Err("incomplete format key".to_string());
        }
        let key: String = self.chars[start..self.pos].iter().collect();
        self.pos += 1;
        Ok(Some(key))
    }

    /// Parses flags, width, precision and length modifier after '%'.
    fn spec(&mut self) -> Result<PercentSpec, String> {
        let mut sp = PercentSpec::default();
        while let Some(c) = self.peek() {
            match c {
                '-' => sp.ljust = true,
                '+' => sp.sign = true,
                ' ' => sp.blank = true,
                '#' => sp.alt = true,
                '0' => sp.zero = true,
                _ => break,
            }
            self.pos += 1;
        }
        if self.peek() == Some('*') {
            let w = self.star_arg()?;
            sp.ljust |= w < 0;
            sp.width = Some(clamp_field(w.unsigned_abs(), "width too big")?);
        } else {
            sp.width = self.number("width too big")?;
        }
        if self.peek() == Some('.') {
            self.pos += 1;
            if self.peek() == Some('*') {
                let p = self.star_arg()?;
                sp.precision = Some(clamp_field(p.max(0) as u64, "precision too big")?);
            } else {
                sp.precision = Some(self.number("precision too big")?.unwrap_or(0));
            }
        }
        if matches!(self.peek(), Some('h' | 'l' | 'L')) {
            self.pos += 1;
        }
        if self.pos >= self.chars.len() {
            return Err("incomplete format".to_string());
        }
        Ok(sp)
    }
}

fn clamp_field(v: u64, msg: &str) -> Result<usize, String> {
    if v > MAX_FIELD as u64 {
        Err(msg.to_string())
    } else {
        Ok(v as usize)
    }
}

/// `fmt % args` (printf-style formatting) with CPython's conversions,
/// flags and error messages; `%(name)s` needs [`percent_format_mapping`].
pub fn percent_format(fmt: &str, args: &[PercentArg]) -> Result<String, String> {
    percent_format_mapping(fmt, args, None)
}

/// Looks up the value of a `%(key)` conversion in the right operand.
pub type PercentLookup<'a> = &'a dyn Fn(&str) -> Result<PercentArg, String>;

/// `fmt % args` where the right operand may be a mapping: `lookup` resolves
/// `%(key)` conversions, and leftover positional arguments are then not an
/// error (CPython's rule for mapping operands).
pub fn percent_format_mapping(fmt: &str, args: &[PercentArg], lookup: Option<PercentLookup>) -> Result<String, String> {
    let mut st = PercentState { chars: fmt.chars().collect(), pos: 0, args, next_arg: 0 };
    let mut out = String::with_capacity(fmt.len() + 16 * args.len());
    while let Some(c) = st.peek() {
        st.pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if st.peek() == Some('%') {
            st.pos += 1;
            out.push('%');
            continue;
        }
        if st.peek().is_none() {
            return Err("incomplete format".to_string());
        }
        let key = st.mapping_key()?;
        let sp = st.spec()?;
        let conv = st.chars[st.pos];
        st.pos += 1;
        let keyed;
        let arg = match (key, lookup) {
            (Some(k), Some(find)) => {
                keyed = find(&k)?;
                &keyed
            }
            (Some(_), None) => return Err("format requires a mapping".to_string()),
            (None, _) => st.next_arg()?,
        };
        let body = percent_body(conv, &sp, arg, st.pos - 1)?;
        percent_output(&mut out, conv, &sp, &body);
    }
    if st.next_arg < args.len() && lookup.is_none() {
        return Err("not all arguments converted during string formatting".to_string());
    }
    Ok(out)
}

/// The text of one conversion before padding (CPython's
/// unicode_format_arg_format).
fn percent_body(conv: char, sp: &PercentSpec, arg: &PercentArg, index: usize) -> Result<String, String> {
    match conv {
        's' => Ok(arg.to_text(false)),
        'r' => Ok(arg.to_text(true)),
        'a' => Ok(ascii_escape(&arg.to_text(true))),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => percent_integer(conv, sp, arg),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match arg {
                PercentArg::Float(f) => *f,
                PercentArg::Other { real: Some(f), .. } => *f,
                _ => match arg.as_int() {
                    Some(v) => v as f64,
                    None => return Err(format!("must be real number, not {}", arg.type_name())),
                },
            };
            let mode = match conv {
                'e' | 'E' => FloatMode::Exp,
                'f' | 'F' => FloatMode::Fixed,
                _ => FloatMode::General,
            };
            let style = FloatStyle {
                mode,
                precision: sp.precision.unwrap_or(6),
                upper: conv.is_ascii_uppercase(),
                alt: sp.alt,
                add_dot_0: false,
                no_neg_0: false,
            };
            let mut body = String::new();
            float_to_ascii(&mut body, x, style);
            Ok(body)
        }
        'c' => {
            let c = match arg {
                PercentArg::Str(s) if s.chars().count() == 1 => s.chars().next(),
                _ => match arg.as_int() {
                    Some(v) => Some(char_from_code(v)?),
                    None => None,
                },
            };
            c.map(String::from).ok_or_else(|| "%c requires int or char".to_string())
        }
        _ => Err(format!(
            "unsupported format character '{}' (0x{:x}) at index {}",
            if ('\x1f'..='~').contains(&conv) { conv } else { '?' },
            conv as u32,
            index
        )),
    }
}

/// `%d`-style conversions: sign, optional `0o`/`0x` prefix, digits
/// zero-extended to the precision (CPython's _PyUnicode_FormatLong).
fn percent_integer(conv: char, sp: &PercentSpec, arg: &PercentArg) -> Result<String, String> {
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    let mut buf = [0u8; 64];
    let (negative, digits): (bool, String) = match (arg, arg.as_int()) {
        (_, Some(v)) => {
            let base = match conv {
                'o' => 8,
                'x' | 'X' => 16,
                _ => 10,
            };
            (v < 0, radix_digits(v.unsigned_abs(), base, conv == 'X', &mut buf).to_string())
        }
        (PercentArg::Float(f), None) if decimal => {
            if f.is_nan() {
                return Err("cannot convert float NaN to integer".to_string());
            }
            if f.is_infinite() {
                return Err("cannot convert float infinity to integer".to_string());
            }
            let t = f.trunc();
            (t < 0.0, format!("{:.0}", t.abs()))
        }
        // An int past 64 bits arrives as its decimal text.
        (PercentArg::Other { whole: Some(text), .. }, None) if decimal => {
            (text.starts_with('-'), text.trim_start_matches('-').to_string())
        }
        _ if decimal => return Err(format!("%{} format: a real number is required, not {}", conv, arg.type_name())),
        _ => return Err(format!("%{} format: an integer is required, not {}", conv, arg.type_name())),
    };
    let mut body = String::with_capacity(digits.len() + 4);
    if negative {
        body.push('-');
    }
    if sp.alt && !decimal {
        body.push('0');
        body.push(if conv == 'o' { 'o' } else { conv });
    }
    push_repeat(&mut body, '0', sp.precision.unwrap_or(0).saturating_sub(digits.len()));
    body.push_str(&digits);
    Ok(body)
}

/// Pads and signs one conversion (CPython's unicode_format_arg_output).
fn percent_output(out: &mut String, conv: char, sp: &PercentSpec, body: &str) {
    let numeric = matches!(conv, 'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G');
    let fill = if numeric && sp.zero { '0' } else { ' ' };
    let mut text = body;
    if matches!(conv, 's' | 'r' | 'a') {
        if let Some((i, _)) = sp.precision.and_then(|p| text.char_indices().nth(p)) {
            text = &text[..i];
        }
    }
    let mut sign = None;
    if numeric {
        if let Some(rest) = text.strip_prefix('-') {
            sign = Some('-');
            text = rest;
        } else if sp.sign {
            sign = Some('+');
        } else if sp.blank {
            sign = Some(' ');
        }
    }
    let mut prefix = "";
    if sp.alt && matches!(conv, 'o' | 'x' | 'X') {
        prefix = &text[..2];
        text = &text[2..];
    }
    let len = text.chars().count();
    let used = len + prefix.len() + usize::from(sign.is_some());
    let padding = sp.width.unwrap_or(0).saturating_sub(used);
    if fill == ' ' && !sp.ljust {
        push_repeat(out, ' ', padding);
    }
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    if fill == '0' && !sp.ljust {
        push_repeat(out, '0', padding);
    }
    out.push_str(text);
    if sp.ljust {
        push_repeat(out, ' ', padding);
    }
}

// ---------------------------------------------------------------------------
// str.format templates
// ---------------------------------------------------------------------------

/// One piece of a parsed `str.format` template: literal text (with `{{`/`}}`
/// already unescaped) or a replacement field.
#[derive(Clone, Debug, PartialEq)]
pub enum FormatPiece {
    Literal(String),
    Field(FormatField),
}

/// A replacement field `{arg<accessors>!conversion:spec}`.
///
/// `accessors` is the raw `.attr` / `[key]` chain (e.g. `".x[0]"`), not
/// validated. `conversion` is one of 'r', 's', 'a'. `spec` is the format
/// spec as pieces: nested `{}` fields inside it must be rendered and
/// concatenated by the caller before calling `format_*`.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatField {
    pub arg: FieldArg,
    pub accessors: String,
    pub conversion: Option<char>,
    pub spec: Vec<FormatPiece>,
}

/// Which argument a field refers to; automatic numbering (`{}`) is already
/// resolved to an index.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldArg {
    Index(usize),
    Keyword(String),
}

/// Automatic-vs-manual numbering state shared by a template and its
/// nested specs (CPython's AutoNumber).
struct AutoNumber {
    auto: Option<bool>,
    next: usize,
}

/// Parses a `str.format` template, resolving automatic field numbers and
/// reporting CPython's errors in the order CPython meets them.
pub fn parse_format_template(s: &str) -> Result<Vec<FormatPiece>, String> {
    let mut auto = AutoNumber { auto: None, next: 0 };
    parse_template_level(s, 2, &mut auto)
}

/// CPython's build_string + MarkupIterator for one nesting level.
fn parse_template_level(s: &str, depth: u32, auto: &mut AutoNumber) -> Result<Vec<FormatPiece>, String> {
    if depth == 0 {
        return Err("Max string recursion exceeded".to_string());
    }
    let b = s.as_bytes();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < b.len() {
        let start = pos;
        let mut brace = None;
        while pos < b.len() {
            pos += 1;
            if b[pos - 1] == b'{' || b[pos - 1] == b'}' {
                brace = Some(b[pos - 1]);
                break;
            }
        }
        let at_end = pos >= b.len();
        let mut lit_end = pos;
        let mut markup = brace.is_some();
        match brace {
            Some(b'}') if at_end || b[pos] != b'}' => {
                return Err("Single '}' encountered in format string".to_string());
            }
            Some(b'{') if at_end => return Err("Single '{' encountered in format string".to_string()),
            Some(c) if b[pos] == c => {
                pos += 1;
                markup = false;
            }
            Some(_) => lit_end -= 1,
            None => {}
        }
        literal.push_str(&s[start..lit_end]);
        if markup {
            if !literal.is_empty() {
                pieces.push(FormatPiece::Literal(std::mem::take(&mut literal)));
            }
            let (field, next) = parse_field(s, pos, depth, auto)?;
            pieces.push(FormatPiece::Field(field));
            pos = next;
        }
    }
    if !literal.is_empty() {
        pieces.push(FormatPiece::Literal(literal));
    }
    Ok(pieces)
}

/// Parses the field starting at byte `pos` (just after `{`); returns it and
/// the position after its closing `}`.
fn parse_field(s: &str, mut pos: usize, depth: u32, auto: &mut AutoNumber) -> Result<(FormatField, usize), String> {
    let b = s.as_bytes();
    let name_start = pos;
    let mut terminator = None;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'{' => return Err("unexpected '{' in field name".to_string()),
            b'[' => {
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
            }
            b'}' | b':' | b'!' => {
                terminator = Some(c);
                break;
            }
            _ => {}
        }
    }
    let last = terminator.ok_or("expected '}' before end of string")?;
    let name = &s[name_start..pos - 1];
    let mut conversion = None;
    let mut spec_text = "";
    let mut needs_expanding = false;
    if last == b'!' || last == b':' {
        if last == b'!' {
            let c = s[pos..].chars().next().ok_or("end of string while looking for conversion specifier")?;
            conversion = Some(c);
            pos += c.len_utf8();
            if pos < b.len() {
                pos += 1;
                match b[pos - 1] {
                    b'}' => return finish_field(name, conversion, "", false, pos, depth, auto),
                    b':' => {}
                    _ => return Err("expected ':' after conversion specifier".to_string()),
                }
            }
        }
        let spec_start = pos;
        let mut count = 1;
        loop {
            let c = *b.get(pos).ok_or("unmatched '{' in format spec")?;
            pos += 1;
            if c == b'{' {
                needs_expanding = true;
                count += 1;
            } else if c == b'}' {
                count -= 1;
                if count == 0 {
                    break;
                }
            }
        }
        spec_text = &s[spec_start..pos - 1];
    }
    finish_field(name, conversion, spec_text, needs_expanding, pos, depth, auto)
}

/// Resolves the argument reference, validates the conversion and parses a
/// nested spec, in CPython's order.
fn finish_field(
    name: &str,
    conversion: Option<char>,
    spec: &str,
    needs_expanding: bool,
    pos: usize,
    depth: u32,
    auto: &mut AutoNumber,
) -> Result<(FormatField, usize), String> {
    let split = name.find(&['.', '['][..]).unwrap_or(name.len());
    let (first, accessors) = name.split_at(split);
    let arg = resolve_arg(first, auto)?;
    if let Some(c) = conversion.filter(|c| !matches!(c, 'r' | 's' | 'a')) {
        return Err(format!("Unknown conversion specifier {}", code_display(c)));
    }
    let spec = if needs_expanding {
        parse_template_level(spec, depth - 1, auto)?
    } else if spec.is_empty() {
        Vec::new()
    } else {
        vec![FormatPiece::Literal(spec.to_string())]
    };
    let field = FormatField { arg, accessors: accessors.to_string(), conversion, spec };
    Ok((field, pos))
}

/// Numeric index, automatic number or keyword for the part of a field name
/// before any accessor (CPython's field_name_split).
fn resolve_arg(first: &str, auto: &mut AutoNumber) -> Result<FieldArg, String> {
    let empty = first.is_empty();
    let index = if empty { None } else { field_index(first)? };
    if !empty && index.is_none() {
        return Ok(FieldArg::Keyword(first.to_string()));
    }
    let is_auto = *auto.auto.get_or_insert(empty);
    if is_auto && !empty {
        return Err("cannot switch from automatic field numbering to manual field specification".to_string());
    }
    if !is_auto && empty {
        return Err("cannot switch from manual field specification to automatic field numbering".to_string());
    }
    Ok(FieldArg::Index(match index {
        Some(i) => i,
        None => {
            auto.next += 1;
            auto.next - 1
        }
    }))
}

/// A field name made only of decimal digits is an index.
fn field_index(first: &str) -> Result<Option<usize>, String> {
    let mut acc: usize = 0;
    for c in first.chars() {
        let d = match decimal_value(c) {
            Some(d) => d as usize,
            None => return Ok(None),
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or(TOO_MANY_DIGITS)?;
    }
    Ok(Some(acc))
}

// ---------------------------------------------------------------------------
// Unicode tables (generated from CPython 3.11's unicodedata)
// ---------------------------------------------------------------------------

/// Inclusive ranges of non-ASCII code points that CPython 3.11 (Unicode 14.0)
/// treats as non-printable in `repr` (categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs).
const NON_PRINTABLE: &[(u32, u32)] = &[
    (0x80, 0xA0), (0xAD, 0xAD), (0x378, 0x379), (0x380, 0x383), (0x38B, 0x38B), (0x38D, 0x38D),
    (0x3A2, 0x3A2), (0x530, 0x530), (0x557, 0x558), (0x58B, 0x58C), (0x590, 0x590), (0x5C8, 0x5CF),
    (0x5EB, 0x5EE), (0x5F5, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70E, 0x70F), (0x74B, 0x74C),
    (0x7B2, 0x7BF), (0x7FB, 0x7FC), (0x82E, 0x82F), (0x83F, 0x83F), (0x85C, 0x85D), (0x85F, 0x85F),
    (0x86B, 0x86F), (0x88F, 0x897), (0x8E2, 0x8E2), (0x984, 0x984), (0x98D, 0x98E), (0x991, 0x992),
    (0x9A9, 0x9A9), (0x9B1, 0x9B1), (0x9B3, 0x9B5), (0x9BA, 0x9BB), (0x9C5, 0x9C6), (0x9C9, 0x9CA),
    (0x9CF, 0x9D6), (0x9D8, 0x9DB), (0x9DE, 0x9DE), (0x9E4, 0x9E5), (0x9FF, 0xA00), (0xA04, 0xA04),
    (0xA0B, 0xA0E), (0xA11, 0xA12), (0xA29, 0xA29), (0xA31, 0xA31), (0xA34, 0xA34), (0xA37, 0xA37),
    (0xA3A, 0xA3B), (0xA3D, 0xA3D), (0xA43, 0xA46), (0xA49, 0xA4A), (0xA4E, 0xA50), (0xA52, 0xA58),
    (0xA5D, 0xA5D), (0xA5F, 0xA65), (0xA77, 0xA80), (0xA84, 0xA84), (0xA8E, 0xA8E), (0xA92, 0xA92),
    (0xAA9, 0xAA9), (0xAB1, 0xAB1), (0xAB4, 0xAB4), (0xABA, 0xABB), (0xAC6, 0xAC6), (0xACA, 0xACA),
    (0xACE, 0xACF), (0xAD1, 0xADF), (0xAE4, 0xAE5), (0xAF2, 0xAF8), (0xB00, 0xB00), (0xB04, 0xB04),
    (0xB0D, 0xB0E), (0xB11, 0xB12), (0xB29, 0xB29), (0xB31, 0xB31), (0xB34, 0xB34), (0xB3A, 0xB3B),
    (0xB45, 0xB46), (0xB49, 0xB4A), (0xB4E, 0xB54), (0xB58, 0xB5B), (0xB5E, 0xB5E), (0xB64, 0xB65),
    (0xB78, 0xB81), (0xB84, 0xB84), (0xB8B, 0xB8D), (0xB91, 0xB91), (0xB96, 0xB98), (0xB9B, 0xB9B),
    (0xB9D, 0xB9D), (0xBA0, 0xBA2), (0xBA5, 0xBA7), (0xBAB, 0xBAD), (0xBBA, 0xBBD), (0xBC3, 0xBC5),
    (0xBC9, 0xBC9), (0xBCE, 0xBCF), (0xBD1, 0xBD6), (0xBD8, 0xBE5), (0xBFB, 0xBFF), (0xC0D, 0xC0D),
    (0xC11, 0xC11), (0xC29, 0xC29), (0xC3A, 0xC3B), (0xC45, 0xC45), (0xC49, 0xC49), (0xC4E, 0xC54),
    (0xC57, 0xC57), (0xC5B, 0xC5C), (0xC5E, 0xC5F), (0xC64, 0xC65), (0xC70, 0xC76), (0xC8D, 0xC8D),
    (0xC91, 0xC91), (0xCA9, 0xCA9), (0xCB4, 0xCB4), (0xCBA, 0xCBB), (0xCC5, 0xCC5), (0xCC9, 0xCC9),
    (0xCCE, 0xCD4), (0xCD7, 0xCDC), (0xCDF, 0xCDF), (0xCE4, 0xCE5), (0xCF0, 0xCF0), (0xCF3, 0xCFF),
    (0xD0D, 0xD0D), (0xD11, 0xD11), (0xD45, 0xD45), (0xD49, 0xD49), (0xD50, 0xD53), (0xD64, 0xD65),
    (0xD80, 0xD80), (0xD84, 0xD84), (0xD97, 0xD99), (0xDB2, 0xDB2), (0xDBC, 0xDBC), (0xDBE, 0xDBF),
    (0xDC7, 0xDC9), (0xDCB, 0xDCE), (0xDD5, 0xDD5), (0xDD7, 0xDD7), (0xDE0, 0xDE5), (0xDF0, 0xDF1),
    (0xDF5, 0xE00), (0xE3B, 0xE3E), (0xE5C, 0xE80), (0xE83, 0xE83), (0xE85, 0xE85), (0xE8B, 0xE8B),
    (0xEA4, 0xEA4), (0xEA6, 0xEA6), (0xEBE, 0xEBF), (0xEC5, 0xEC5), (0xEC7, 0xEC7), (0xECE, 0xECF),
    (0xEDA, 0xEDB), (0xEE0, 0xEFF), (0xF48, 0xF48), (0xF6D, 0xF70), (0xF98, 0xF98), (0xFBD, 0xFBD),
    (0xFCD, 0xFCD), (0xFDB, 0xFFF), (0x10C6, 0x10C6), (0x10C8, 0x10CC), (0x10CE, 0x10CF),
    (0x1249, 0x1249), (0x124E, 0x124F), (0x1257, 0x1257), (0x1259, 0x1259), (0x125E, 0x125F),
    (0x1289, 0x1289), (0x128E, 0x128F), (0x12B1, 0x12B1), (0x12B6, 0x12B7), (0x12BF, 0x12BF),
    (0x12C1, 0x12C1), (0x12C6, 0x12C7), (0x12D7, 0x12D7), (0x1311, 0x1311), (0x1316, 0x1317),
    (0x135B, 0x135C), (0x137D, 0x137F), (0x139A, 0x139F), (0x13F6, 0x13F7), (0x13FE, 0x13FF),
    (0x1680, 0x1680), (0x169D, 0x169F), (0x16F9, 0x16FF), (0x1716, 0x171E), (0x1737, 0x173F),
    (0x1754, 0x175F), (0x176D, 0x176D), (0x1771, 0x1771), (0x1774, 0x177F), (0x17DE, 0x17DF),
    (0x17EA, 0x17EF), (0x17FA, 0x17FF), (0x180E, 0x180E), (0x181A, 0x181F), (0x1879, 0x187F),
    (0x18AB, 0x18AF), (0x18F6, 0x18FF), (0x191F, 0x191F), (0x192C, 0x192F), (0x193C, 0x193F),
    (0x1941, 0x1943), (0x196E, 0x196F), (0x1975, 0x197F), (0x19AC, 0x19AF), (0x19CA, 0x19CF),
    (0x19DB, 0x19DD), (0x1A1C, 0x1A1D), (0x1A5F, 0x1A5F), (0x1A7D, 0x1A7E), (0x1A8A, 0x1A8F),
    (0x1A9A, 0x1A9F), (0x1AAE, 0x1AAF), (0x1ACF, 0x1AFF), (0x1B4D, 0x1B4F), (0x1B7F, 0x1B7F),
    (0x1BF4, 0x1BFB), (0x1C38, 0x1C3A), (0x1C4A, 0x1C4C), (0x1C89, 0x1C8F), (0x1CBB, 0x1CBC),
    (0x1CC8, 0x1CCF), (0x1CFB, 0x1CFF), (0x1F16, 0x1F17), (0x1F1E, 0x1F1F), (0x1F46, 0x1F47),
    (0x1F4E, 0x1F4F), (0x1F58, 0x1F58), (0x1F5A, 0x1F5A), (0x1F5C, 0x1F5C), (0x1F5E, 0x1F5E),
    (0x1F7E, 0x1F7F), (0x1FB5, 0x1FB5), (0x1FC5, 0x1FC5), (0x1FD4, 0x1FD5), (0x1FDC, 0x1FDC),
    (0x1FF0, 0x1FF1), (0x1FF5, 0x1FF5), (0x1FFF, 0x200F), (0x2028, 0x202F), (0x205F, 0x206F),
    (0x2072, 0x2073), (0x208F, 0x208F), (0x209D, 0x209F), (0x20C1, 0x20CF), (0x20F1, 0x20FF),
    (0x218C, 0x218F), (0x2427, 0x243F), (0x244B, 0x245F), (0x2B74, 0x2B75), (0x2B96, 0x2B96),
    (0x2CF4, 0x2CF8), (0x2D26, 0x2D26), (0x2D28, 0x2D2C), (0x2D2E, 0x2D2F), (0x2D68, 0x2D6E),
    (0x2D71, 0x2D7E), (0x2D97, 0x2D9F), (0x2DA7, 0x2DA7), (0x2DAF, 0x2DAF), (0x2DB7, 0x2DB7),
    (0x2DBF, 0x2DBF), (0x2DC7, 0x2DC7), (0x2DCF, 0x2DCF), (0x2DD7, 0x2DD7), (0x2DDF, 0x2DDF),
    (0x2E5E, 0x2E7F), (0x2E9A, 0x2E9A), (0x2EF4, 0x2EFF), (0x2FD6, 0x2FEF), (0x2FFC, 0x3000),
    (0x3040, 0x3040), (0x3097, 0x3098), (0x3100, 0x3104), (0x3130, 0x3130), (0x318F, 0x318F),
    (0x31E4, 0x31EF), (0x321F, 0x321F), (0xA48D, 0xA48F), (0xA4C7, 0xA4CF), (0xA62C, 0xA63F),
    (0xA6F8, 0xA6FF), (0xA7CB, 0xA7CF), (0xA7D2, 0xA7D2), (0xA7D4, 0xA7D4), (0xA7DA, 0xA7F1),
    (0xA82D, 0xA82F), (0xA83A, 0xA83F), (0xA878, 0xA87F), (0xA8C6, 0xA8CD), (0xA8DA, 0xA8DF),
    (0xA954, 0xA95E), (0xA97D, 0xA97F), (0xA9CE, 0xA9CE), (0xA9DA, 0xA9DD), (0xA9FF, 0xA9FF),
    (0xAA37, 0xAA3F), (0xAA4E, 0xAA4F), (0xAA5A, 0xAA5B), (0xAAC3, 0xAADA), (0xAAF7, 0xAB00),
    (0xAB07, 0xAB08), (0xAB0F, 0xAB10), (0xAB17, 0xAB1F), (0xAB27, 0xAB27), (0xAB2F, 0xAB2F),
    (0xAB6C, 0xAB6F), (0xABEE, 0xABEF), (0xABFA, 0xABFF), (0xD7A4, 0xD7AF), (0xD7C7, 0xD7CA),
    (0xD7FC, 0xF8FF), (0xFA6E, 0xFA6F), (0xFADA, 0xFAFF), (0xFB07, 0xFB12), (0xFB18, 0xFB1C),
    (0xFB37, 0xFB37), (0xFB3D, 0xFB3D), (0xFB3F, 0xFB3F), (0xFB42, 0xFB42), (0xFB45, 0xFB45),
    (0xFBC3, 0xFBD2), (0xFD90, 0xFD91), (0xFDC8, 0xFDCE), (0xFDD0, 0xFDEF), (0xFE1A, 0xFE1F),
    (0xFE53, 0xFE53), (0xFE67, 0xFE67), (0xFE6C, 0xFE6F), (0xFE75, 0xFE75), (0xFEFD, 0xFF00),
    (0xFFBF, 0xFFC1), (0xFFC8, 0xFFC9), (0xFFD0, 0xFFD1), (0xFFD8, 0xFFD9), (0xFFDD, 0xFFDF),
    (0xFFE7, 0xFFE7), (0xFFEF, 0xFFFB), (0xFFFE, 0xFFFF), (0x1000C, 0x1000C), (0x10027, 0x10027),
    (0x1003B, 0x1003B), (0x1003E, 0x1003E), (0x1004E, 0x1004F), (0x1005E, 0x1007F),
    (0x100FB, 0x100FF), (0x10103, 0x10106), (0x10134, 0x10136), (0x1018F, 0x1018F),
    (0x1019D, 0x1019F), (0x101A1, 0x101CF), (0x101FE, 0x1027F), (0x1029D, 0x1029F),
    (0x102D1, 0x102DF), (0x102FC, 0x102FF), (0x10324, 0x1032C), (0x1034B, 0x1034F),
    (0x1037B, 0x1037F), (0x1039E, 0x1039E), (0x103C4, 0x103C7), (0x103D6, 0x103FF),
    (0x1049E, 0x1049F), (0x104AA, 0x104AF), (0x104D4, 0x104D7), (0x104FC, 0x104FF),
    (0x10528, 0x1052F), (0x10564, 0x1056E), (0x1057B, 0x1057B), (0x1058B, 0x1058B),
    (0x10593, 0x10593), (0x10596, 0x10596), (0x105A2, 0x105A2), (0x105B2, 0x105B2),
    (0x105BA, 0x105BA), (0x105BD, 0x105FF), (0x10737, 0x1073F), (0x10756, 0x1075F),
    (0x10768, 0x1077F), (0x10786, 0x10786), (0x107B1, 0x107B1), (0x107BB, 0x107FF),
    (0x10806, 0x10807), (0x10809, 0x10809), (0x10836, 0x10836), (0x10839, 0x1083B),
    (0x1083D, 0x1083E), (0x10856, 0x10856), (0x1089F, 0x108A6), (0x108B0, 0x108DF),
    (0x108F3, 0x108F3), (0x108F6, 0x108FA), (0x1091C, 0x1091E), (0x1093A, 0x1093E),
    (0x10940, 0x1097F), (0x109B8, 0x109BB), (0x109D0, 0x109D1), (0x10A04, 0x10A04),
    (0x10A07, 0x10A0B), (0x10A14, 0x10A14), (0x10A18, 0x10A18), (0x10A36, 0x10A37),
    (0x10A3B, 0x10A3E), (0x10A49, 0x10A4F), (0x10A59, 0x10A5F), (0x10AA0, 0x10ABF),
    (0x10AE7, 0x10AEA), (0x10AF7, 0x10AFF), (0x10B36, 0x10B38), (0x10B56, 0x10B57),
    (0x10B73, 0x10B77), (0x10B92, 0x10B98), (0x10B9D, 0x10BA8), (0x10BB0, 0x10BFF),
    (0x10C49, 0x10C7F), (0x10CB3, 0x10CBF), (0x10CF3, 0x10CF9), (0x10D28, 0x10D2F),
    (0x10D3A, 0x10E5F), (0x10E7F, 0x10E7F), (0x10EAA, 0x10EAA), (0x10EAE, 0x10EAF),
    (0x10EB2, 0x10EFF), (0x10F28, 0x10F2F), (0x10F5A, 0x10F6F), (0x10F8A, 0x10FAF),
    (0x10FCC, 0x10FDF), (0x10FF7, 0x10FFF), (0x1104E, 0x11051), (0x11076, 0x1107E),
    (0x110BD, 0x110BD), (0x110C3, 0x110CF), (0x110E9, 0x110EF), (0x110FA, 0x110FF),
    (0x11135, 0x11135), (0x11148, 0x1114F), (0x11177, 0x1117F), (0x111E0, 0x111E0),
    (0x111F5, 0x111FF), (0x11212, 0x11212), (0x1123F, 0x1127F), (0x11287, 0x11287),
    (0x11289, 0x11289), (0x1128E, 0x1128E), (0x1129E, 0x1129E), (0x112AA, 0x112AF),
    (0x112EB, 0x112EF), (0x112FA, 0x112FF), (0x11304, 0x11304), (0x1130D, 0x1130E),
    (0x11311, 0x11312), (0x11329, 0x11329), (0x11331, 0x11331), (0x11334, 0x11334),
    (0x1133A, 0x1133A), (0x11345, 0x11346), (0x11349, 0x1134A), (0x1134E, 0x1134F),
    (0x11351, 0x11356), (0x11358, 0x1135C), (0x11364, 0x11365), (0x1136D, 0x1136F),
    (0x11375, 0x113FF), (0x1145C, 0x1145C), (0x11462, 0x1147F), (0x114C8, 0x114CF),
    (0x114DA, 0x1157F), (0x115B6, 0x115B7), (0x115DE, 0x115FF), (0x11645, 0x1164F),
    (0x1165A, 0x1165F), (0x1166D, 0x1167F), (0x116BA, 0x116BF), (0x116CA, 0x116FF),
    (0x1171B, 0x1171C), (0x1172C, 0x1172F), (0x11747, 0x117FF), (0x1183C, 0x1189F),
    (0x118F3, 0x118FE), (0x11907, 0x11908), (0x1190A, 0x1190B), (0x11914, 0x11914),
    (0x11917, 0x11917), (0x11936, 0x11936), (0x11939, 0x1193A), (0x11947, 0x1194F),
    (0x1195A, 0x1199F), (0x119A8, 0x119A9), (0x119D8, 0x119D9), (0x119E5, 0x119FF),
    (0x11A48, 0x11A4F), (0x11AA3, 0x11AAF), (0x11AF9, 0x11BFF), (0x11C09, 0x11C09),
    (0x11C37, 0x11C37), (0x11C46, 0x11C4F), (0x11C6D, 0x11C6F), (0x11C90, 0x11C91),
    (0x11CA8, 0x11CA8), (0x11CB7, 0x11CFF), (0x11D07, 0x11D07), (0x11D0A, 0x11D0A),
    (0x11D37, 0x11D39), (0x11D3B, 0x11D3B), (0x11D3E, 0x11D3E), (0x11D48, 0x11D4F),
    (0x11D5A, 0x11D5F), (0x11D66, 0x11D66), (0x11D69, 0x11D69), (0x11D8F, 0x11D8F),
    (0x11D92, 0x11D92), (0x11D99, 0x11D9F), (0x11DAA, 0x11EDF), (0x11EF9, 0x11FAF),
    (0x11FB1, 0x11FBF), (0x11FF2, 0x11FFE), (0x1239A, 0x123FF), (0x1246F, 0x1246F),
    (0x12475, 0x1247F), (0x12544, 0x12F8F), (0x12FF3, 0x12FFF), (0x1342F, 0x143FF),
    (0x14647, 0x167FF), (0x16A39, 0x16A3F), (0x16A5F, 0x16A5F), (0x16A6A, 0x16A6D),
    (0x16ABF, 0x16ABF), (0x16ACA, 0x16ACF), (0x16AEE, 0x16AEF), (0x16AF6, 0x16AFF),
    (0x16B46, 0x16B4F), (0x16B5A, 0x16B5A), (0x16B62, 0x16B62), (0x16B78, 0x16B7C),
    (0x16B90, 0x16E3F), (0x16E9B, 0x16EFF), (0x16F4B, 0x16F4E), (0x16F88, 0x16F8E),
    (0x16FA0, 0x16FDF), (0x16FE5, 0x16FEF), (0x16FF2, 0x16FFF), (0x187F8, 0x187FF),
    (0x18CD6, 0x18CFF), (0x18D09, 0x1AFEF), (0x1AFF4, 0x1AFF4), (0x1AFFC, 0x1AFFC),
    (0x1AFFF, 0x1AFFF), (0x1B123, 0x1B14F), (0x1B153, 0x1B163), (0x1B168, 0x1B16F),
    (0x1B2FC, 0x1BBFF), (0x1BC6B, 0x1BC6F), (0x1BC7D, 0x1BC7F), (0x1BC89, 0x1BC8F),
    (0x1BC9A, 0x1BC9B), (0x1BCA0, 0x1CEFF), (0x1CF2E, 0x1CF2F), (0x1CF47, 0x1CF4F),
    (0x1CFC4, 0x1CFFF), (0x1D0F6, 0x1D0FF), (0x1D127, 0x1D128), (0x1D173, 0x1D17A),
    (0x1D1EB, 0x1D1FF), (0x1D246, 0x1D2DF), (0x1D2F4, 0x1D2FF), (0x1D357, 0x1D35F),
    (0x1D379, 0x1D3FF), (0x1D455, 0x1D455), (0x1D49D, 0x1D49D), (0x1D4A0, 0x1D4A1),
    (0x1D4A3, 0x1D4A4), (0x1D4A7, 0x1D4A8), (0x1D4AD, 0x1D4AD), (0x1D4BA, 0x1D4BA),
    (0x1D4BC, 0x1D4BC), (0x1D4C4, 0x1D4C4), (0x1D506, 0x1D506), (0x1D50B, 0x1D50C),
    (0x1D515, 0x1D515), (0x1D51D, 0x1D51D), (0x1D53A, 0x1D53A), (0x1D53F, 0x1D53F),
    (0x1D545, 0x1D545), (0x1D547, 0x1D549), (0x1D551, 0x1D551), (0x1D6A6, 0x1D6A7),
    (0x1D7CC, 0x1D7CD), (0x1DA8C, 0x1DA9A), (0x1DAA0, 0x1DAA0), (0x1DAB0, 0x1DEFF),
    (0x1DF1F, 0x1DFFF), (0x1E007, 0x1E007), (0x1E019, 0x1E01A), (0x1E022, 0x1E022),
    (0x1E025, 0x1E025), (0x1E02B, 0x1E0FF), (0x1E12D, 0x1E12F), (0x1E13E, 0x1E13F),
    (0x1E14A, 0x1E14D), (0x1E150, 0x1E28F), (0x1E2AF, 0x1E2BF), (0x1E2FA, 0x1E2FE),
    (0x1E300, 0x1E7DF), (0x1E7E7, 0x1E7E7), (0x1E7EC, 0x1E7EC), (0x1E7EF, 0x1E7EF),
    (0x1E7FF, 0x1E7FF), (0x1E8C5, 0x1E8C6), (0x1E8D7, 0x1E8FF), (0x1E94C, 0x1E94F),
    (0x1E95A, 0x1E95D), (0x1E960, 0x1EC70), (0x1ECB5, 0x1ED00), (0x1ED3E, 0x1EDFF),
    (0x1EE04, 0x1EE04), (0x1EE20, 0x1EE20), (0x1EE23, 0x1EE23), (0x1EE25, 0x1EE26),
    (0x1EE28, 0x1EE28), (0x1EE33, 0x1EE33), (0x1EE38, 0x1EE38), (0x1EE3A, 0x1EE3A),
    (0x1EE3C, 0x1EE41), (0x1EE43, 0x1EE46), (0x1EE48, 0x1EE48), (0x1EE4A, 0x1EE4A),
    (0x1EE4C, 0x1EE4C), (0x1EE50, 0x1EE50), (0x1EE53, 0x1EE53), (0x1EE55, 0x1EE56),
    (0x1EE58, 0x1EE58), (0x1EE5A, 0x1EE5A), (0x1EE5C, 0x1EE5C), (0x1EE5E, 0x1EE5E),
    (0x1EE60, 0x1EE60), (0x1EE63, 0x1EE63), (0x1EE65, 0x1EE66), (0x1EE6B, 0x1EE6B),
    (0x1EE73, 0x1EE73), (0x1EE78, 0x1EE78), (0x1EE7D, 0x1EE7D), (0x1EE7F, 0x1EE7F),
    (0x1EE8A, 0x1EE8A), (0x1EE9C, 0x1EEA0), (0x1EEA4, 0x1EEA4), (0x1EEAA, 0x1EEAA),
    (0x1EEBC, 0x1EEEF), (0x1EEF2, 0x1EFFF), (0x1F02C, 0x1F02F), (0x1F094, 0x1F09F),
    (0x1F0AF, 0x1F0B0), (0x1F0C0, 0x1F0C0), (0x1F0D0, 0x1F0D0), (0x1F0F6, 0x1F0FF),
    (0x1F1AE, 0x1F1E5), (0x1F203, 0x1F20F), (0x1F23C, 0x1F23F), (0x1F249, 0x1F24F),
    (0x1F252, 0x1F25F), (0x1F266, 0x1F2FF), (0x1F6D8, 0x1F6DC), (0x1F6ED, 0x1F6EF),
    (0x1F6FD, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D9, 0x1F7DF), (0x1F7EC, 0x1F7EF),
    (0x1F7F1, 0x1F7FF), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF), (0x1F8B2, 0x1F8FF), (0x1FA54, 0x1FA5F),
    (0x1FA6E, 0x1FA6F), (0x1FA75, 0x1FA77), (0x1FA7D, 0x1FA7F), (0x1FA87, 0x1FA8F),
    (0x1FAAD, 0x1FAAF), (0x1FABB, 0x1FABF), (0x1FAC6, 0x1FACF), (0x1FADA, 0x1FADF),
    (0x1FAE8, 0x1FAEF), (0x1FAF7, 0x1FAFF), (0x1FB93, 0x1FB93), (0x1FBCB, 0x1FBEF),
    (0x1FBFA, 0x1FFFF), (0x2A6E0, 0x2A6FF), (0x2B739, 0x2B73F), (0x2B81E, 0x2B81F),
    (0x2CEA2, 0x2CEAF), (0x2EBE1, 0x2F7FF), (0x2FA1E, 0x2FFFF), (0x3134B, 0xE00FF),
    (0xE01F0, 0x10FFFF),
];

/// First code point (digit zero) of each run of ten non-ASCII Unicode decimal
/// digits (category Nd), which `int()` and `float()` accept.
const DECIMAL_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

// ---------------------------------------------------------------------------
// Tests (expected values produced by CPython 3.11)
// ---------------------------------------------------------------------------

#[cfg(test)]
#[path = "../tests/format.rs"]
mod tests;
