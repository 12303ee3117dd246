//! `datetime`: naive `date`, `time`, `datetime` and `timedelta` with CPython's
//! validation, arithmetic, ordering, `repr`/`str`, `isoformat`/`fromisoformat`,
//! `strftime`/`strptime` (C locale).  Calendar arithmetic is on proleptic Gregorian
//! ordinals (day 1 = 0001-01-01), timedeltas are whole microseconds.
//! `datetime.date` & co. used as values are class objects whose methods are the
//! alternative constructors (`today`, `fromisoformat`, `strptime`, ...).

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use std::cmp::Ordering;
use std::fmt::Write;
use std::rc::Rc;

const US_PER_DAY: i128 = 86_400_000_000;
const MAX_ORDINAL: i64 = 3_652_059; // 9999-12-31
const MAX_DELTA_DAYS: i128 = 999_999_999;
const DAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Ymd {
    pub year: i64,
    pub month: i64,
    pub day: i64,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Hms {
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub micro: i64,
}

/// The four value types of the module, and the class objects that stand for them.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Dt {
    Date(Ymd),
    Time(Hms),
    DateTime(Ymd, Hms),
    Delta(i128),
    Class(Kind),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Date,
    Time,
    DateTime,
    Delta,
}

const MIDNIGHT: Hms = Hms { hour: 0, minute: 0, second: 0, micro: 0 };

// ---- calendar ---------------------------------------------------------------------------

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_before_year(y: i64) -> i64 {
    let y = y - 1;
    y * 365 + y / 4 - y / 100 + y / 400
}

fn days_before_month(y: i64, m: i64) -> i64 {
    (1..m).map(|k| days_in_month(y, k)).sum()
}

impl Ymd {
    pub fn ordinal(&self) -> i64 {
        days_before_year(self.year) + days_before_month(self.year, self.month) + self.day
    }

    pub fn from_ordinal(n: i64) -> Ymd {
        let mut n = n - 1;
        let n400 = n / 146_097;
        n %= 146_097;
        let n100 = n / 36_524;
        n %= 36_524;
        let n4 = n / 1461;
        n %= 1461;
        let n1 = n / 365;
        n %= 365;
        let mut year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
        if n1 == 4 || n100 == 4 {
            year -= 1;
            return Ymd { year, month: 12, day: 31 };
        }
        let mut month = 1;
        while n >= days_in_month(year, month) {
            n -= days_in_month(year, month);
            month += 1;
        }
        if month > 12 {
            year += 1;
            month = 1;
        }
        Ymd { year, month, day: n + 1 }
    }

    /// Monday is 0.
    fn weekday(&self) -> i64 {
        (self.ordinal() + 6) % 7
    }

    fn yday(&self) -> i64 {
        days_before_month(self.year, self.month) + self.day
    }

    fn iso_calendar(&self) -> (i64, i64, i64) {
        fn week1_monday(year: i64) -> i64 {
            let first = Ymd { year, month: 1, day: 1 }.ordinal();
            let first_weekday = (first + 6) % 7;
            let mut monday = first - first_weekday;
            if first_weekday > 3 {
                monday += 7;
            }
            monday
        }
        let mut year = self.year;
        let today = self.ordinal();
        let mut monday = week1_monday(year);
        let (mut week, mut day) = ((today - monday).div_euclid(7), (today - monday).rem_euclid(7));
        if week < 0 {
            year -= 1;
            monday = week1_monday(year);
            week = (today - monday).div_euclid(7);
            day = (today - monday).rem_euclid(7);
        } else if week >= 52 && today >= week1_monday(year + 1) {
            year += 1;
            week = 0;
        }
        (year, week + 1, day + 1)
    }
}

fn check_date(year: i64, month: i64, day: i64) -> PyResult<Ymd> {
    if !(1..=9999).contains(&year) {
        return value_error(format!("year {} is out of range", year));
    }
    if !(1..=12).contains(&month) {
        return value_error("month must be in 1..12");
    }
    if day < 1 || day > days_in_month(year, month) {
        return value_error("day is out of range for month");
    }
    Ok(Ymd { year, month, day })
}

fn check_time(hour: i64, minute: i64, second: i64, micro: i64) -> PyResult<Hms> {
    if !(0..24).contains(&hour) {
        return value_error("hour must be in 0..23");
    }
    if !(0..60).contains(&minute) {
        return value_error("minute must be in 0..59");
    }
    if !(0..60).contains(&second) {
        return value_error("second must be in 0..59");
    }
    if !(0..1_000_000).contains(&micro) {
        return value_error("microsecond must be in 0..999999");
    }
    Ok(Hms { hour, minute, second, micro })
}

impl Hms {
    fn micros(&self) -> i128 {
        ((self.hour * 3600 + self.minute * 60 + self.second) as i128) * 1_000_000 + self.micro as i128
    }
    fn from_micros(us: i128) -> Hms {
        let secs = (us / 1_000_000) as i64;
        Hms { hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60, micro: (us % 1_000_000) as i64 }
    }
}

/// A datetime as microseconds since 0001-01-01T00:00, for arithmetic.
fn moment(d: &Ymd, t: &Hms) -> i128 {
    (d.ordinal() - 1) as i128 * US_PER_DAY + t.micros()
}

fn from_moment(us: i128) -> PyResult<Dt> {
    let days = us.div_euclid(US_PER_DAY);
    if days < 0 || days >= MAX_ORDINAL as i128 {
        return Err(PyErr::new(&OVERFLOW_ERROR, "date value out of range"));
    }
    Ok(Dt::DateTime(Ymd::from_ordinal(days as i64 + 1), Hms::from_micros(us.rem_euclid(US_PER_DAY))))
}

fn date_from_ordinal(n: i128) -> PyResult<Dt> {
    if n < 1 || n > MAX_ORDINAL as i128 {
        return Err(PyErr::new(&OVERFLOW_ERROR, "date value out of range"));
    }
    Ok(Dt::Date(Ymd::from_ordinal(n as i64)))
}

fn delta(us: i128) -> PyResult<Dt> {
    let days = us.div_euclid(US_PER_DAY);
    if days.abs() > MAX_DELTA_DAYS {
        return Err(PyErr::new(
            &OVERFLOW_ERROR,
            format!("days={}; must have magnitude <= {}", days, MAX_DELTA_DAYS),
        ));
    }
    Ok(Dt::Delta(us))
}

/// The parts of a timedelta as CPython keeps them: days, seconds in the day, micros.
fn delta_parts(us: i128) -> (i64, i64, i64) {
    let days = us.div_euclid(US_PER_DAY);
    let rest = us.rem_euclid(US_PER_DAY);
    (days as i64, (rest / 1_000_000) as i64, (rest % 1_000_000) as i64)
}

/// Round a float to the nearest integer, ties to even, as CPython's timedelta does.
fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn wrap(dt: Dt) -> Value {
    Value::Native(Rc::new(dt))
}

fn ok(r: PyResult<Dt>) -> PyResult<Value> {
    r.map(wrap)
}

/// The datetime value inside `v`, if it is one.
pub fn as_dt(v: &Value) -> Option<Dt> {
    match v {
        Value::Native(n) => n.as_any()?.downcast_ref::<Dt>().copied(),
        _ => None,
    }
}

// ---- module functions -------------------------------------------------------------------

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "datetime.date" => construct(Kind::Date, a),
        "datetime.time" => construct(Kind::Time, a),
        "datetime.datetime" => construct(Kind::DateTime, a),
        "datetime.timedelta" => construct(Kind::Delta, a),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'datetime' has no attribute '{}'", &name[9..]))),
    }
}

/// `datetime.date` & co. as values (class objects), and the module's constants.
pub fn attribute(name: &str) -> Option<Value> {
    Some(match name {
        "datetime.date" => wrap(Dt::Class(Kind::Date)),
        "datetime.time" => wrap(Dt::Class(Kind::Time)),
        "datetime.datetime" => wrap(Dt::Class(Kind::DateTime)),
        "datetime.timedelta" => wrap(Dt::Class(Kind::Delta)),
        "datetime.MINYEAR" => Value::Int(1),
        "datetime.MAXYEAR" => Value::Int(9999),
        _ => return None,
    })
}

fn int_arg(a: &Args, i: usize, name: &str, default: Option<i64>) -> PyResult<i64> {
    match (a.get(i, name), default) {
        (Some(v), _) => match v {
            Value::Int(_) | Value::Bool(_) => v.to_int(),
            Value::Float(_) => type_error("'float' object cannot be interpreted as an integer"),
            _ => type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())),
        },
        (None, Some(d)) => Ok(d),
        (None, None) => type_error(format!(
            "function missing required argument '{}' (pos {})",
            name,
            i + 1
        )),
    }
}

fn construct(kind: Kind, a: &Args) -> PyResult<Value> {
    let names: &[&str] = match kind {
        Kind::Date => &["year", "month", "day"],
        Kind::Time => &["hour", "minute", "second", "microsecond", "tzinfo"],
        Kind::DateTime => &["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"],
        Kind::Delta => &["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"],
    };
    let type_name = Dt::Class(kind).instance_name();
    if a.pos.len() > names.len() {
        return type_error(format!(
            "{}() takes at most {} arguments ({} given)",
            &type_name[9..],
            names.len(),
            a.pos.len()
        ));
    }
    for (k, _) in &a.kw {
        if !names.contains(k) {
            return type_error(format!("'{}' is an invalid keyword argument for {}()", k, &type_name[9..]));
        }
    }
    let tz = match kind {
        Kind::Time | Kind::DateTime => a.get(names.len() - 1, "tzinfo").filter(|v| !v.is_none()),
        _ => None,
    };
    if let Some(tz) = tz {
        return type_error(format!(
            "time zones are not supported by this translation (tzinfo={})",
            tz.repr()
        ));
    }
    match kind {
        Kind::Date => ok(check_date(int_arg(a, 0, "year", None)?, int_arg(a, 1, "month", None)?, int_arg(a, 2, "day", None)?)
            .map(Dt::Date)),
        Kind::Time => ok(check_time(
            int_arg(a, 0, "hour", Some(0))?,
            int_arg(a, 1, "minute", Some(0))?,
            int_arg(a, 2, "second", Some(0))?,
            int_arg(a, 3, "microsecond", Some(0))?,
        )
        .map(Dt::Time)),
        Kind::DateTime => {
            let d = check_date(int_arg(a, 0, "year", None)?, int_arg(a, 1, "month", None)?, int_arg(a, 2, "day", None)?)?;
            let t = check_time(
                int_arg(a, 3, "hour", Some(0))?,
                int_arg(a, 4, "minute", Some(0))?,
                int_arg(a, 5, "second", Some(0))?,
                int_arg(a, 6, "microsecond", Some(0))?,
            )?;
            Ok(wrap(Dt::DateTime(d, t)))
        }
        Kind::Delta => {
            let scales: [f64; 7] = [86_400e6, 1e6, 1.0, 1e3, 60e6, 3_600e6, 604_800e6];
            let mut exact: i128 = 0;
            let mut fractional = 0.0f64;
            for (i, name) in names.iter().enumerate() {
                match a.get(i, name) {
                    None => {}
                    Some(Value::Float(f)) => fractional += f * scales[i],
                    Some(v @ (Value::Int(_) | Value::Bool(_))) => exact += v.to_int()? as i128 * scales[i] as i128,
                    Some(v) => {
                        return type_error(format!(
                            "unsupported type for timedelta {} component: {}",
                            name,
                            v.type_name()
                        ))
                    }
                }
            }
            if !fractional.is_finite() {
                return value_error("cannot convert float NaN to integer");
            }
            ok(delta(exact + round_half_even(fractional) as i128))
        }
    }
}

/// The current time, naive: local (the machine's zone, `tzlocal`) or UTC.
fn now(local: bool) -> Dt {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let epoch = moment(&Ymd { year: 1970, month: 1, day: 1 }, &MIDNIGHT);
    let offset = if local { crate::stdlib::tzlocal::offset_at(since.as_secs() as i64).seconds } else { 0 };
    from_moment(epoch + since.as_micros() as i128 + offset as i128 * 1_000_000).unwrap_or(Dt::Class(Kind::DateTime))
}

// ---- text ---------------------------------------------------------------------------------

fn date_iso(d: &Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn time_iso(t: &Hms, timespec: &str) -> PyResult<String> {
    Ok(match timespec {
        "auto" if t.micro != 0 => format!("{:02}:{:02}:{:02}.{:06}", t.hour, t.minute, t.second, t.micro),
        "auto" | "seconds" => format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second),
        "hours" => format!("{:02}", t.hour),
        "minutes" => format!("{:02}:{:02}", t.hour, t.minute),
        "milliseconds" => format!("{:02}:{:02}:{:02}.{:03}", t.hour, t.minute, t.second, t.micro / 1000),
        "microseconds" => format!("{:02}:{:02}:{:02}.{:06}", t.hour, t.minute, t.second, t.micro),
        _ => return value_error("Unknown timespec value"),
    })
}

fn delta_str(us: i128) -> String {
    let (days, secs, micro) = delta_parts(us);
    let mut s = String::new();
    if days != 0 {
        let _ = write!(s, "{} day{}, ", days, if days.abs() != 1 { "s" } else { "" });
    }
    let _ = write!(s, "{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60);
    if micro != 0 {
        let _ = write!(s, ".{:06}", micro);
    }
    s
}

fn delta_repr(us: i128) -> String {
    let (days, secs, micro) = delta_parts(us);
    let mut parts = Vec::new();
    if days != 0 {
        parts.push(format!("days={}", days));
    }
    if secs != 0 {
        parts.push(format!("seconds={}", secs));
    }
    if micro != 0 {
        parts.push(format!("microseconds={}", micro));
    }
    if parts.is_empty() {
        parts.push("0".to_string());
    }
    format!("datetime.timedelta({})", parts.join(", "))
}

/// `strftime` in the C locale, with the glibc extensions Python passes through.
pub fn strftime(d: &Ymd, t: &Hms, fmt: &str) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let no_pad = chars.peek() == Some(&'-');
        if no_pad {
            chars.next();
        }
        let spec = match chars.next() {
            Some(s) => s,
            None => {
                out.push('%');
                break;
            }
        };
        let num = |v: i64, width: usize| if no_pad { v.to_string() } else { format!("{:0w$}", v, w = width) };
        let wday = d.weekday();
        let hour12 = if t.hour % 12 == 0 { 12 } else { t.hour % 12 };
        let piece = match spec {
            'Y' => d.year.to_string(),
            'y' => num(d.year % 100, 2),
            'C' => num(d.year / 100, 2),
            'm' => num(d.month, 2),
            'd' => num(d.day, 2),
            'e' => format!("{:2}", d.day),
            'H' => num(t.hour, 2),
            'k' => format!("{:2}", t.hour),
            'I' => num(hour12, 2),
            'l' => format!("{:2}", hour12),
            'M' => num(t.minute, 2),
            'S' => num(t.second, 2),
            'f' => format!("{:06}", t.micro),
            'p' => (if t.hour < 12 { "AM" } else { "PM" }).to_string(),
            'a' => DAY_NAMES[wday as usize][..3].to_string(),
            'A' => DAY_NAMES[wday as usize].to_string(),
            'b' | 'h' => MONTH_NAMES[d.month as usize - 1][..3].to_string(),
            'B' => MONTH_NAMES[d.month as usize - 1].to_string(),
            'w' => ((wday + 1) % 7).to_string(),
            'u' => (wday + 1).to_string(),
            'j' => num(d.yday(), 3),
            'U' => num((d.yday() - 1 + 7 - (wday + 1) % 7) / 7, 2),
            'W' => num((d.yday() - 1 + 7 - wday) / 7, 2),
            'G' => d.iso_calendar().0.to_string(),
            'V' => num(d.iso_calendar().1, 2),
            'D' => format!("{:02}/{:02}/{:02}", d.month, d.day, d.year % 100),
            'x' => format!("{:02}/{:02}/{:02}", d.month, d.day, d.year % 100),
            'F' => format!("{}-{:02}-{:02}", d.year, d.month, d.day),
            'T' | 'X' => format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second),
            'R' => format!("{:02}:{:02}", t.hour, t.minute),
            'r' => format!("{:02}:{:02}:{:02} {}", hour12, t.minute, t.second, if t.hour < 12 { "AM" } else { "PM" }),
            'c' => format!(
                "{} {} {:2} {:02}:{:02}:{:02} {}",
                &DAY_NAMES[wday as usize][..3],
                &MONTH_NAMES[d.month as usize - 1][..3],
                d.day,
                t.hour,
                t.minute,
                t.second,
                d.year
            ),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            'z' | 'Z' => String::new(),
            '%' => "%".to_string(),
            other => format!("%{}{}", if no_pad { "-" } else { "" }, other),
        };
        out.push_str(&piece);
    }
    out
}

// ---- strptime -------------------------------------------------------------------------------

/// What `strptime` has read so far.
#[derive(Clone, Copy, Default)]
struct Parsed {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    hour: i64,
    hour12: Option<i64>,
    pm: Option<bool>,
    minute: i64,
    second: i64,
    micro: i64,
    yday: Option<i64>,
}

/// The candidate lengths of a numeric directive at `s`, longest first, with the value
/// accepted at each length (the alternatives of CPython's `_strptime` regexes).
fn digits_options(s: &[char], max: usize, min: usize, accept: &dyn Fn(i64, usize) -> bool) -> Vec<(usize, i64)> {
    let mut found = Vec::new();
    for len in (min..=max).rev() {
        if len <= s.len() && s[..len].iter().all(|c| c.is_ascii_digit()) {
            let v: i64 = s[..len].iter().collect::<String>().parse().unwrap_or(-1);
            if accept(v, len) {
                found.push((len, v));
            }
        }
    }
    found
}

fn name_options(s: &[char], names: &[&str], abbreviated: bool) -> Vec<(usize, i64)> {
    let mut found = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let name: Vec<char> = if abbreviated { name.chars().take(3).collect() } else { name.chars().collect() };
        if s.len() >= name.len() && s[..name.len()].iter().zip(&name).all(|(a, b)| a.to_ascii_lowercase() == b.to_ascii_lowercase()) {
            found.push((name.len(), i as i64));
        }
    }
    found
}

/// Match `fmt[fi..]` against `s[si..]` with backtracking; the end of the match in `s`.
fn match_format(fmt: &[char], fi: usize, s: &[char], si: usize, p: Parsed, out: &mut Parsed) -> Option<usize> {
    if fi == fmt.len() {
        *out = p;
        return Some(si);
    }
    let c = fmt[fi];
    if c.is_whitespace() {
        let mut fj = fi;
        while fj < fmt.len() && fmt[fj].is_whitespace() {
            fj += 1;
        }
        let mut sj = si;
        while sj < s.len() && s[sj].is_whitespace() {
            sj += 1;
        }
        if sj == si {
            return None;
        }
        return match_format(fmt, fj, s, sj, p, out);
    }
    if c != '%' || fi + 1 >= fmt.len() {
        let matches = si < s.len() && s[si].to_lowercase().eq(c.to_lowercase());
        return if matches { match_format(fmt, fi + 1, s, si + 1, p, out) } else { None };
    }
    let spec = fmt[fi + 1];
    let rest = &s[si..];
    let options: Vec<(usize, i64)> = match spec {
        'Y' => digits_options(rest, 4, 4, &|_, _| true),
        'y' | 'C' => digits_options(rest, 2, 2, &|_, _| true),
        'm' => digits_options(rest, 2, 1, &|v, _| (1..=12).contains(&v)),
        'd' => digits_options(rest, 2, 1, &|v, _| (1..=31).contains(&v)),
        'H' => digits_options(rest, 2, 1, &|v, _| (0..=23).contains(&v)),
        'I' => digits_options(rest, 2, 1, &|v, _| (1..=12).contains(&v)),
        'M' => digits_options(rest, 2, 1, &|v, _| (0..=59).contains(&v)),
        'S' => digits_options(rest, 2, 1, &|v, _| (0..=61).contains(&v)),
        'j' => digits_options(rest, 3, 1, &|v, _| (1..=366).contains(&v)),
        'f' => digits_options(rest, 6, 1, &|_, _| true),
        'b' | 'h' => name_options(rest, &MONTH_NAMES, true),
        'B' => name_options(rest, &MONTH_NAMES, false),
        'a' => name_options(rest, &DAY_NAMES, true),
        'A' => name_options(rest, &DAY_NAMES, false),
        'w' => digits_options(rest, 1, 1, &|v, _| (0..=6).contains(&v)),
        'p' => name_options(rest, &["AM", "PM"], false),
        '%' => if rest.first() == Some(&'%') { vec![(1, 0)] } else { vec![] },
        _ => return None,
    };
    for (len, v) in options {
        let mut q = p;
        match spec {
            'Y' => q.year = Some(v),
            'y' => q.year = Some(if v < 69 { 2000 + v } else { 1900 + v }),
            'm' | 'b' | 'h' | 'B' => q.month = Some(if spec == 'm' { v } else { v + 1 }),
            'd' => q.day = Some(v),
            'H' => q.hour = v,
            'I' => q.hour12 = Some(v),
            'M' => q.minute = v,
            'S' => q.second = v.min(59),
            'j' => q.yday = Some(v),
            'f' => q.micro = v * 10i64.pow(6 - len as u32),
            'p' => q.pm = Some(v == 1),
            _ => {}
        }
        if let Some(end) = match_format(fmt, fi + 2, s, si + len, q, out) {
            return Some(end);
        }
    }
    None
}

fn strptime(text: &str, fmt: &str) -> PyResult<(Ymd, Hms)> {
    let s: Vec<char> = text.chars().collect();
    let f: Vec<char> = fmt.chars().collect();
    let mut bad = f.iter().enumerate().filter(|(i, c)| **c == '%' && (*i == 0 || f[i - 1] != '%'));
    if let Some((i, _)) = bad.find(|(i, _)| {
        f.get(i + 1).map_or(true, |d| !"YyCmdHIMSjfbhBaAwp%".contains(*d))
    }) {
        return match f.get(i + 1) {
            Some(d) => value_error(format!("'{}' is a bad directive in format '{}'", d, fmt)),
            None => value_error(format!("stray % in format '{}'", fmt)),
        };
    }
    let mut p = Parsed::default();
    let end = match match_format(&f, 0, &s, 0, Parsed::default(), &mut p) {
        Some(end) => end,
        None => {
            return value_error(format!("time data {} does not match format {}", crate::format::python_str_repr(text), crate::format::python_str_repr(fmt)))
        }
    };
    if end != s.len() {
        return value_error(format!("unconverted data remains: {}", s[end..].iter().collect::<String>()));
    }
    let year = p.year.unwrap_or(1900);
    let mut hour = p.hour;
    if let Some(h) = p.hour12 {
        hour = match p.pm {
            Some(true) => h % 12 + 12,
            _ => h % 12,
        };
    }
    let date = match (p.yday, p.month, p.day) {
        (Some(yday), None, None) => {
            let first = Ymd { year, month: 1, day: 1 }.ordinal();
            Ymd::from_ordinal(first + yday - 1)
        }
        (_, m, d) => check_date(year, m.unwrap_or(1), d.unwrap_or(1))?,
    };
    Ok((date, check_time(hour, p.minute, p.second, p.micro)?))
}

// ---- fromisoformat --------------------------------------------------------------------------

fn digits_at(s: &[u8], at: usize, n: usize) -> Option<i64> {
    let part = s.get(at..at + n)?;
    if part.iter().all(|c| c.is_ascii_digit()) {
        std::str::from_utf8(part).ok()?.parse().ok()
    } else {
        None
    }
}

fn iso_date(s: &[u8]) -> Option<(i64, i64, i64)> {
    match s.len() {
        10 if s[4] == b'-' && s[7] == b'-' => Some((digits_at(s, 0, 4)?, digits_at(s, 5, 2)?, digits_at(s, 8, 2)?)),
        8 => Some((digits_at(s, 0, 4)?, digits_at(s, 4, 2)?, digits_at(s, 6, 2)?)),
        _ => None,
    }
}

fn iso_time(s: &[u8]) -> Option<(i64, i64, i64, i64)> {
    let (main, frac) = match s.iter().position(|c| *c == b'.' || *c == b',') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let colons = main.contains(&b':');
    let step = if colons { 3 } else { 2 };
    let hour = digits_at(main, 0, 2)?;
    let mut fields = vec![hour];
    let mut at = 2;
    while at < main.len() {
        if colons && main[at] != b':' {
            return None;
        }
        let start = if colons { at + 1 } else { at };
        fields.push(digits_at(main, start, 2)?);
        at += step;
        if fields.len() > 3 {
            return None;
        }
    }
    if at != main.len() {
        return None;
    }
    let micro = match frac {
        None => 0,
        Some(f) if fields.len() == 3 && !f.is_empty() && f.len() <= 9 && f.iter().all(|c| c.is_ascii_digit()) => {
            let mut digits: String = std::str::from_utf8(f).ok()?.chars().take(6).collect();
            while digits.len() < 6 {
                digits.push('0');
            }
            digits.parse().ok()?
        }
        Some(_) => return None,
    };
    Some((fields[0], *fields.get(1).unwrap_or(&0), *fields.get(2).unwrap_or(&0), micro))
}

fn fromisoformat(kind: Kind, v: &Value) -> PyResult<Value> {
    let text = match v {
        Value::Str(s) => s.clone(),
        _ => return type_error(format!("fromisoformat: argument must be str")),
    };
    let invalid = || value_error(format!("Invalid isoformat string: {}", crate::format::python_str_repr(&text)));
    let b = text.as_bytes();
    match kind {
        Kind::Date => match iso_date(b) {
            Some((y, m, d)) => ok(check_date(y, m, d).map(Dt::Date)),
            None => invalid(),
        },
        Kind::Time => match iso_time(b) {
            Some((h, mi, s, us)) => ok(check_time(h, mi, s, us).map(Dt::Time)),
            None => invalid(),
        },
        _ => {
            let split = (if b.get(4) == Some(&b'-') { 10 } else { 8 }).min(b.len());
            let date = match iso_date(&b[..split]) {
                Some(d) => d,
                None => return invalid(),
            };
            let time = if b.len() > split + 1 && text.is_char_boundary(split + 1) {
                match iso_time(&b[split + 1..]) {
                    Some(t) => t,
                    None => return invalid(),
                }
            } else if b.len() == split {
                (0, 0, 0, 0)
            } else {
                return invalid();
            };
            let d = check_date(date.0, date.1, date.2)?;
            let t = check_time(time.0, time.1, time.2, time.3)?;
            Ok(wrap(Dt::DateTime(d, t)))
        }
    }
}

// ---- the objects ----------------------------------------------------------------------------

/// `datetime.IsoCalendarDate(year=..., week=..., weekday=...)`: a named 3-tuple.
struct IsoCalendarDate([i64; 3]);

impl NativeObject for IsoCalendarDate {
    fn type_name(&self) -> &'static str {
        "datetime.IsoCalendarDate"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        self.getattr(name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "year" => Ok(Value::Int(self.0[0])),
            "week" => Ok(Value::Int(self.0[1])),
            "weekday" => Ok(Value::Int(self.0[2])),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'IsoCalendarDate' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        format!("datetime.IsoCalendarDate(year={}, week={}, weekday={})", self.0[0], self.0[1], self.0[2])
    }
    fn len(&self) -> PyResult<i64> {
        Ok(3)
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        crate::ops::getitem(&Value::tuple(self.0.iter().map(|v| Value::Int(*v)).collect()), index)
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(self.0.iter().map(|v| Value::Int(*v)).collect())
    }
    fn equals(&self, other: &Value) -> bool {
        crate::ops::values_equal(&Value::tuple(self.0.iter().map(|v| Value::Int(*v)).collect()), other)
    }
    fn hash(&self) -> i64 {
        crate::tables::hash_tuple(&self.0.iter().map(|v| crate::tables::hash_int(*v)).collect::<Vec<_>>())
    }
}

impl Dt {
    fn instance_name(&self) -> &'static str {
        match self {
            Dt::Date(_) | Dt::Class(Kind::Date) => "datetime.date",
            Dt::Time(_) | Dt::Class(Kind::Time) => "datetime.time",
            Dt::DateTime(..) | Dt::Class(Kind::DateTime) => "datetime.datetime",
            Dt::Delta(_) | Dt::Class(Kind::Delta) => "datetime.timedelta",
        }
    }

    fn date_part(&self) -> Option<Ymd> {
        match self {
            Dt::Date(d) | Dt::DateTime(d, _) => Some(*d),
            _ => None,
        }
    }

    fn time_part(&self) -> Hms {
        match self {
            Dt::Time(t) | Dt::DateTime(_, t) => *t,
            _ => MIDNIGHT,
        }
    }

    fn no_attribute<T>(&self, name: &str) -> PyResult<T> {
        let what = if let Dt::Class(_) = self {
            format!("type object '{}'", self.instance_name())
        } else {
            format!("'{}' object", self.instance_name())
        };
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("{} has no attribute '{}'", what, name)))
    }

    /// `replace(year=..., ...)` on a date, time or datetime.
    fn replace(&self, a: &Args) -> PyResult<Value> {
        let d = self.date_part().unwrap_or(Ymd { year: 1, month: 1, day: 1 });
        let t = self.time_part();
        let get = |name: &str, i: usize, cur: i64| -> PyResult<i64> {
            match a.get(i, name) {
                Some(v) => v.to_int(),
                None => Ok(cur),
            }
        };
        match self {
            Dt::Date(_) => ok(check_date(get("year", 0, d.year)?, get("month", 1, d.month)?, get("day", 2, d.day)?).map(Dt::Date)),
            Dt::Time(_) => ok(check_time(
                get("hour", 0, t.hour)?,
                get("minute", 1, t.minute)?,
                get("second", 2, t.second)?,
                get("microsecond", 3, t.micro)?,
            )
            .map(Dt::Time)),
            _ => {
                let d = check_date(get("year", 0, d.year)?, get("month", 1, d.month)?, get("day", 2, d.day)?)?;
                let t = check_time(
                    get("hour", 3, t.hour)?,
                    get("minute", 4, t.minute)?,
                    get("second", 5, t.second)?,
                    get("microsecond", 6, t.micro)?,
                )?;
                Ok(wrap(Dt::DateTime(d, t)))
            }
        }
    }

    /// Methods of the class objects: the alternative constructors.
    fn class_method(&self, kind: Kind, a: &Args) -> PyResult<Value> {
        match (kind, a.method) {
            (Kind::Date, "today") => Ok(wrap(Dt::Date(now(true).date_part().unwrap_or(Ymd { year: 1970, month: 1, day: 1 })))),
            (Kind::DateTime, "now" | "today" | "utcnow") => Ok(wrap(now(a.method != "utcnow"))),
            (Kind::Date | Kind::DateTime | Kind::Time, "fromisoformat") => fromisoformat(kind, a.req(0, "date_string")?),
            (Kind::Date | Kind::DateTime, "fromordinal") => {
                let n = a.req(0, "ordinal")?.to_int()?;
                if n < 1 || n > MAX_ORDINAL {
                    return value_error(format!("ordinal must be >= 1"));
                }
                let d = Ymd::from_ordinal(n);
                Ok(wrap(if kind == Kind::Date { Dt::Date(d) } else { Dt::DateTime(d, MIDNIGHT) }))
            }
            (Kind::DateTime, "strptime") => {
                let (d, t) = strptime(&a.text(0, "date_string")?, &a.text(1, "format")?)?;
                Ok(wrap(Dt::DateTime(d, t)))
            }
            (Kind::DateTime, "combine") => {
                let d = as_dt(a.req(0, "date")?).and_then(|v| v.date_part());
                let t = as_dt(a.req(1, "time")?).map(|v| v.time_part());
                match (d, t) {
                    (Some(d), Some(t)) => Ok(wrap(Dt::DateTime(d, t))),
                    _ => type_error("combine() argument 1 must be datetime.date"),
                }
            }
            (Kind::Date, "fromisocalendar") | (Kind::DateTime, "fromisocalendar") => {
                let (y, w, wd) = (a.req(0, "year")?.to_int()?, a.req(1, "week")?.to_int()?, a.req(2, "day")?.to_int()?);
                if !(1..=7).contains(&wd) {
                    return value_error(format!("Invalid weekday: {} (range is [1, 7])", wd));
                }
                let jan4 = Ymd { year: y, month: 1, day: 4 }.ordinal();
                let monday = jan4 - (jan4 + 6) % 7;
                let d = Ymd::from_ordinal(monday + (w - 1) * 7 + wd - 1);
                Ok(wrap(if kind == Kind::Date { Dt::Date(d) } else { Dt::DateTime(d, MIDNIGHT) }))
            }
            _ => self.no_attribute(a.method),
        }
    }

    fn delta_op(&self, us: i128, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        let o = as_dt(other);
        let result = match (op, o, other) {
            ("+", Some(Dt::Delta(v)), _) => ok(delta(us + v)),
            ("-", Some(Dt::Delta(v)), _) => ok(delta(if reflected { v - us } else { us - v })),
            ("*", _, Value::Int(_) | Value::Bool(_)) => ok(delta(us * other.to_int().unwrap_or(0) as i128)),
            ("*", _, Value::Float(f)) => ok(delta(round_half_even(us as f64 * f) as i128)),
            ("/", Some(Dt::Delta(v)), _) if !reflected => {
                if v == 0 {
                    zero_division("division by zero")
                } else {
                    Ok(Value::Float(us as f64 / v as f64))
                }
            }
            ("/", _, Value::Int(_) | Value::Float(_)) if !reflected => {
                let x = other.to_f64().unwrap_or(0.0);
                if x == 0.0 {
                    zero_division("integer division or modulo by zero")
                } else if let Value::Int(n) = other {
                    // exact integer division, rounded half to even
                    let (q, r) = (us.div_euclid(*n as i128), us.rem_euclid(*n as i128));
                    let twice = 2 * r * (*n as i128).signum();
                    let n_abs = (*n as i128).abs();
                    let up = twice > n_abs || (twice == n_abs && q % 2 != 0);
                    ok(delta(if up { q + 1 } else { q }))
                } else {
                    ok(delta(round_half_even(us as f64 / x) as i128))
                }
            }
            ("//", Some(Dt::Delta(v)), _) if !reflected => {
                if v == 0 {
                    zero_division("integer division or modulo by zero")
                } else {
                    Ok(Value::Int(us.div_euclid(v) as i64 - if us.rem_euclid(v) != 0 && v < 0 { 1 } else { 0 }))
                }
            }
            ("//", _, Value::Int(n)) if !reflected => {
                if *n == 0 {
                    zero_division("integer division or modulo by zero")
                } else {
                    ok(delta(floor_div(us, *n as i128)))
                }
            }
            ("%", Some(Dt::Delta(v)), _) if !reflected => {
                if v == 0 {
                    zero_division("integer division or modulo by zero")
                } else {
                    ok(delta(us - v * floor_div(us, v)))
                }
            }
            _ => return None,
        };
        Some(result)
    }
}

fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn kind_order(dt: &Dt) -> u8 {
    match dt {
        Dt::Date(_) => 0,
        Dt::DateTime(..) => 1,
        Dt::Time(_) => 2,
        Dt::Delta(_) => 3,
        Dt::Class(_) => 4,
    }
}

impl NativeObject for Dt {
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
    fn instance_check(&self, v: &Value) -> Option<bool> {
        let class = match self {
            Dt::Class(kind) => *kind,
            _ => return None,
        };
        let instance = match v {
            Value::Native(n) => n.as_any().and_then(|a| a.downcast_ref::<Dt>()),
            _ => None,
        };
        Some(match (class, instance) {
            (Kind::Date, Some(Dt::Date(_) | Dt::DateTime(..))) => true, // datetime is a subclass of date
            (Kind::DateTime, Some(Dt::DateTime(..))) => true,
            (Kind::Time, Some(Dt::Time(_))) => true,
            (Kind::Delta, Some(Dt::Delta(_))) => true,
            _ => false,
        })
    }
    fn type_name(&self) -> &'static str {
        match self {
            Dt::Class(_) => "type",
            _ => self.instance_name(),
        }
    }

    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        if let Dt::Class(kind) = self {
            return self.class_method(*kind, &a);
        }
        let d = self.date_part();
        let t = self.time_part();
        match (name, self, d) {
            ("weekday", _, Some(d)) => Ok(Value::Int(d.weekday())),
            ("isoweekday", _, Some(d)) => Ok(Value::Int(d.weekday() + 1)),
            ("toordinal", _, Some(d)) => Ok(Value::Int(d.ordinal())),
            ("timetuple", _, Some(d)) => {
                let yday = d.ordinal() - Ymd { year: d.year, month: 1, day: 1 }.ordinal() + 1;
                let fields = [d.year, d.month, d.day, t.hour, t.minute, t.second, d.weekday(), yday, -1];
                Ok(crate::stdlib::time::struct_time(fields))
            }
            ("isocalendar", _, Some(d)) => {
                let (y, w, wd) = d.iso_calendar();
                Ok(Value::Native(Rc::new(IsoCalendarDate([y, w, wd]))))
            }
            ("ctime", _, Some(d)) => Ok(Value::string(strftime(&d, &t, "%c"))),
            ("strftime" | "__format__", Dt::Time(t), _) => {
                Ok(Value::string(strftime(&Ymd { year: 1900, month: 1, day: 1 }, t, &a.text(0, "format")?)))
            }
            ("strftime" | "__format__", _, Some(d)) => {
                let fmt = a.text(0, "format")?;
                if name == "__format__" && fmt.is_empty() {
                    return Ok(Value::string(self.str()));
                }
                Ok(Value::string(strftime(&d, &t, &fmt)))
            }
            ("isoformat", Dt::Date(d), _) => Ok(Value::string(date_iso(d))),
            ("isoformat", Dt::Time(t), _) => {
                let spec = a.opt_text(0, "timespec")?;
                Ok(Value::string(time_iso(t, spec.as_deref().unwrap_or("auto"))?))
            }
            ("isoformat", Dt::DateTime(d, t), _) => {
                let sep = a.opt_text(0, "sep")?;
                let spec = a.opt_text(1, "timespec")?;
                Ok(Value::string(format!(
                    "{}{}{}",
                    date_iso(d),
                    sep.as_deref().unwrap_or("T"),
                    time_iso(t, spec.as_deref().unwrap_or("auto"))?
                )))
            }
            ("replace", Dt::Date(_) | Dt::Time(_) | Dt::DateTime(..), _) => self.replace(&a),
            ("date", Dt::DateTime(d, _), _) => Ok(wrap(Dt::Date(*d))),
            ("time", Dt::DateTime(_, t), _) => Ok(wrap(Dt::Time(*t))),
            ("total_seconds", Dt::Delta(us), _) => Ok(Value::Float(*us as f64 / 1e6)),
            ("__neg__", Dt::Delta(us), _) => ok(delta(-us)),
            ("__pos__", Dt::Delta(_), _) => Ok(wrap(*self)),
            ("__abs__", Dt::Delta(us), _) => ok(delta(us.abs())),
            _ => self.no_attribute(name),
        }
    }

    fn getattr(&self, name: &str) -> PyResult<Value> {
        let int = |v: i64| Ok(Value::Int(v));
        let t = self.time_part();
        match (self, name) {
            (Dt::Date(d) | Dt::DateTime(d, _), "year") => int(d.year),
            (Dt::Date(d) | Dt::DateTime(d, _), "month") => int(d.month),
            (Dt::Date(d) | Dt::DateTime(d, _), "day") => int(d.day),
            (Dt::Time(_) | Dt::DateTime(..), "hour") => int(t.hour),
            (Dt::Time(_) | Dt::DateTime(..), "minute") => int(t.minute),
            (Dt::Time(_) | Dt::DateTime(..), "second") => int(t.second),
            (Dt::Time(_) | Dt::DateTime(..), "microsecond") => int(t.micro),
            (Dt::Time(_) | Dt::DateTime(..), "tzinfo") => Ok(Value::None),
            (Dt::Delta(us), "days") => int(delta_parts(*us).0),
            (Dt::Delta(us), "seconds") => int(delta_parts(*us).1),
            (Dt::Delta(us), "microseconds") => int(delta_parts(*us).2),
            (Dt::Class(Kind::Date), "min") => Ok(wrap(Dt::Date(Ymd { year: 1, month: 1, day: 1 }))),
            (Dt::Class(Kind::Date), "max") => Ok(wrap(Dt::Date(Ymd { year: 9999, month: 12, day: 31 }))),
            (Dt::Class(Kind::DateTime), "min") => Ok(wrap(Dt::DateTime(Ymd { year: 1, month: 1, day: 1 }, MIDNIGHT))),
            (Dt::Class(Kind::DateTime), "max") => Ok(wrap(Dt::DateTime(
                Ymd { year: 9999, month: 12, day: 31 },
                Hms { hour: 23, minute: 59, second: 59, micro: 999_999 },
            ))),
            (Dt::Class(Kind::Time), "min") => Ok(wrap(Dt::Time(MIDNIGHT))),
            (Dt::Class(Kind::Time), "max") => Ok(wrap(Dt::Time(Hms { hour: 23, minute: 59, second: 59, micro: 999_999 }))),
            (Dt::Class(Kind::Delta), "min") => Ok(wrap(Dt::Delta(-MAX_DELTA_DAYS * US_PER_DAY))),
            (Dt::Class(Kind::Delta), "max") => Ok(wrap(Dt::Delta((MAX_DELTA_DAYS + 1) * US_PER_DAY - 1))),
            (Dt::Class(Kind::Delta), "resolution") => Ok(wrap(Dt::Delta(1))),
            (Dt::Class(Kind::Date), "resolution") => Ok(wrap(Dt::Delta(US_PER_DAY))),
            (Dt::Class(_), "__name__") => Ok(Value::str(&self.instance_name()[9..])),
            _ => {
                let me = wrap(*self);
                let method: Rc<str> = Rc::from(name);
                let test = self.call_method(name, Vec::new(), Vec::new());
                match test {
                    Err(e) if e.matches(&ATTRIBUTE_ERROR) => self.no_attribute(name),
                    _ => Ok(Value::func(name, move |args| crate::methods::call_method(&me, &method, args))),
                }
            }
        }
    }

    fn repr(&self) -> String {
        match self {
            Dt::Date(d) => format!("datetime.date({}, {}, {})", d.year, d.month, d.day),
            Dt::Time(t) => {
                let tail = if t.micro != 0 {
                    format!(", {}, {}", t.second, t.micro)
                } else if t.second != 0 {
                    format!(", {}", t.second)
                } else {
                    String::new()
                };
                format!("datetime.time({}, {}{})", t.hour, t.minute, tail)
            }
            Dt::DateTime(d, t) => {
                let mut fields = vec![d.year, d.month, d.day, t.hour, t.minute, t.second, t.micro];
                for _ in 0..2 {
                    if fields.last() == Some(&0) {
                        fields.pop();
                    }
                }
                let text: Vec<String> = fields.iter().map(|v| v.to_string()).collect();
                format!("datetime.datetime({})", text.join(", "))
            }
            Dt::Delta(us) => delta_repr(*us),
            Dt::Class(_) => format!("<class '{}'>", self.instance_name()),
        }
    }

    fn str(&self) -> String {
        match self {
            Dt::Date(d) => date_iso(d),
            Dt::Time(t) => time_iso(t, "auto").unwrap_or_default(),
            Dt::DateTime(d, t) => format!("{} {}", date_iso(d), time_iso(t, "auto").unwrap_or_default()),
            Dt::Delta(us) => delta_str(*us),
            Dt::Class(_) => self.repr(),
        }
    }

    fn hash(&self) -> i64 {
        match self {
            Dt::Date(d) => crate::tables::hash_int(d.ordinal()),
            Dt::DateTime(d, t) => crate::tables::hash_int(moment(d, t) as i64),
            Dt::Time(t) => crate::tables::hash_int(t.micros() as i64),
            Dt::Delta(us) => crate::tables::hash_int(*us as i64),
            Dt::Class(_) => 0,
        }
    }

    fn truthy(&self) -> bool {
        !matches!(self, Dt::Delta(0))
    }

    fn equals(&self, other: &Value) -> bool {
        match as_dt(other) {
            Some(o) => kind_order(self) == kind_order(&o) && self.compare(other).map_or(false, |r| r.ok() == Some(Ordering::Equal)),
            None => false,
        }
    }

    fn compare(&self, other: &Value) -> Option<PyResult<Ordering>> {
        let o = as_dt(other)?;
        Some(match (self, &o) {
            (Dt::Date(a), Dt::Date(b)) => Ok(a.cmp(b)),
            (Dt::Time(a), Dt::Time(b)) => Ok(a.cmp(b)),
            (Dt::DateTime(a, x), Dt::DateTime(b, y)) => Ok((a, x).cmp(&(b, y))),
            (Dt::Delta(a), Dt::Delta(b)) => Ok(a.cmp(b)),
            (Dt::Date(_), Dt::DateTime(..)) | (Dt::DateTime(..), Dt::Date(_)) => {
                type_error("can't compare datetime.datetime to datetime.date")
            }
            _ => return None,
        })
    }

    fn binary_op(&self, op: &str, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        let o = as_dt(other);
        match (self, op, o) {
            (Dt::Delta(us), _, _) => self.delta_op(*us, op, other, reflected),
            (Dt::Date(d), "+", Some(Dt::Delta(v))) => Some(ok(date_from_ordinal(d.ordinal() as i128 + v.div_euclid(US_PER_DAY)))),
            (Dt::Date(d), "-", Some(Dt::Delta(v))) if !reflected => {
                Some(ok(date_from_ordinal(d.ordinal() as i128 - v.div_euclid(US_PER_DAY))))
            }
            (Dt::Date(d), "-", Some(Dt::Date(e))) => {
                let days = (d.ordinal() - e.ordinal()) as i128 * if reflected { -1 } else { 1 };
                Some(ok(delta(days * US_PER_DAY)))
            }
            (Dt::DateTime(d, t), "+", Some(Dt::Delta(v))) => Some(ok(from_moment(moment(d, t) + v))),
            (Dt::DateTime(d, t), "-", Some(Dt::Delta(v))) if !reflected => Some(ok(from_moment(moment(d, t) - v))),
            (Dt::DateTime(d, t), "-", Some(Dt::DateTime(e, u))) => {
                let diff = moment(d, t) - moment(&e, &u);
                Some(ok(delta(if reflected { -diff } else { diff })))
            }
            _ => None,
        }
    }

    fn call(&self, args: Vec<Value>) -> PyResult<Value> {
        match self {
            Dt::Class(kind) => construct(*kind, &Args { method: self.instance_name(), pos: args, kw: Vec::new() }),
            _ => type_error(format!("'{}' object is not callable", self.instance_name())),
        }
    }
}
