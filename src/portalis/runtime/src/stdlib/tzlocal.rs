//! The machine's local time zone, as the C library finds it for CPython: the `TZ`
//! environment variable (a zone file name, or a POSIX rule such as `EST5EDT,M3.2.0,M11.1.0`),
//! else `/etc/localtime`; UTC when neither can be read.  Zone files are TZif (versions 1
//! to 4): transitions, then the footer's POSIX rule for times after the last one.

use std::rc::Rc;

/// The local time at one instant: seconds east of UTC, daylight saving, abbreviation.
#[derive(Clone)]
pub struct Offset {
    pub seconds: i64,
    pub is_dst: bool,
    pub name: Rc<str>,
}

/// The offset in force at `secs` (seconds since the epoch, UTC).
pub fn offset_at(secs: i64) -> Offset {
    thread_local! {
        static ZONE: Zone = load();
    }
    ZONE.with(|z| z.offset_at(secs))
}

enum Zone {
    /// One offset; the name `time.tzname` gives for daylight time.
    Fixed(Offset, Rc<str>),
    Rule(Rule),
    File { transitions: Vec<(i64, usize)>, types: Vec<Offset>, footer: Option<Rule> },
}

fn utc() -> Zone {
    Zone::Fixed(Offset { seconds: 0, is_dst: false, name: Rc::from("UTC") }, Rc::from("UTC"))
}

fn load() -> Zone {
    match std::env::var("TZ") {
        Err(_) => std::fs::read("/etc/localtime").ok().and_then(|d| parse_tzif(&d)).unwrap_or_else(utc),
        Ok(tz) => {
            let tz = tz.strip_prefix(':').unwrap_or(&tz).to_string();
            if tz.is_empty() {
                return utc();
            }
            let path = if tz.starts_with('/') { tz.clone() } else { format!("/usr/share/zoneinfo/{}", tz) };
            if !tz.contains("..") {
                if let Some(zone) = std::fs::read(&path).ok().and_then(|d| parse_tzif(&d)) {
                    return zone;
                }
            }
            match parse_rule(&tz) {
                Some(rule) if rule.dst.is_none() => {
                    // glibc names daylight time as standard time, but "" for a bare name
                    let dst = if tz.bytes().any(|b| b.is_ascii_digit()) { rule.std.name.clone() } else { Rc::from("") };
                    Zone::Fixed(rule.std, dst)
                }
                Some(rule) => Zone::Rule(rule),
                // glibc: an unreadable TZ is UTC under the name given (or "UTC")
                None => utc(),
            }
        }
    }
}

impl Zone {
    fn offset_at(&self, secs: i64) -> Offset {
        match self {
            Zone::Fixed(o, _) => o.clone(),
            Zone::Rule(r) => r.offset_at(secs),
            Zone::File { transitions, types, footer } => {
                let first_standard = || types.iter().find(|t| !t.is_dst).unwrap_or(&types[0]).clone();
                match transitions.iter().rposition(|(at, _)| *at <= secs) {
                    None => first_standard(),
                    Some(i) if i + 1 == transitions.len() => match footer {
                        Some(rule) => rule.offset_at(secs),
                        None => types[transitions[i].1].clone(),
                    },
                    Some(i) => types[transitions[i].1].clone(),
                }
            }
        }
    }
}

fn be(data: &[u8], at: usize, size: usize) -> Option<i64> {
    let bytes = data.get(at..at + size)?;
    let mut v: i64 = if bytes[0] & 0x80 != 0 { -1 } else { 0 };
    for b in bytes {
        v = (v << 8) | *b as i64;
    }
    Some(v)
}

fn parse_tzif(data: &[u8]) -> Option<Zone> {
    if data.get(0..4)? != b"TZif" {
        return None;
    }
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, slot) in c.iter_mut().enumerate() {
            *slot = be(data, at + 20 + 4 * i, 4)? as usize;
        }
        Some(c)
    };
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0)?;
    let v1_len = timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    let (base, width) = if data[4] >= b'2' { (44 + v1_len, 8) } else { (0, 4) };
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = if width == 8 { counts(base)? } else { [isut, isstd, leap, timecnt, typecnt, charcnt] };
    let mut at = base + 44;
    let mut transitions = Vec::with_capacity(timecnt);
    for i in 0..timecnt {
        transitions.push((be(data, at + i * width, width)?, *data.get(at + timecnt * width + i)? as usize));
    }
    at += timecnt * (width + 1);
    let chars_at = at + typecnt * 6;
    let mut types = Vec::with_capacity(typecnt);
    for i in 0..typecnt {
        let p = at + i * 6;
        let name_at = chars_at + *data.get(p + 5)? as usize;
        let end = data.get(name_at..chars_at + charcnt)?.iter().position(|b| *b == 0)? + name_at;
        types.push(Offset {
            seconds: be(data, p, 4)?,
            is_dst: *data.get(p + 4)? != 0,
            name: Rc::from(String::from_utf8_lossy(&data[name_at..end]).as_ref()),
        });
    }
    if types.is_empty() || transitions.iter().any(|(_, t)| *t >= types.len()) {
        return None;
    }
    at = chars_at + charcnt + leap * (width + 4) + isstd + isut;
    let footer = if width == 8 {
        data.get(at + 1..).and_then(|rest| {
            let end = rest.iter().position(|b| *b == b'\n')?;
            parse_rule(std::str::from_utf8(&rest[..end]).ok()?)
        })
    } else {
        None
    };
    Some(Zone::File { transitions, types, footer })
}

/// A POSIX TZ rule: standard time, and daylight time with its start and end.
struct Rule {
    std: Offset,
    dst: Option<(Offset, Change, Change)>,
}

/// When a change happens in a year: the day (`Mm.w.d`, `Jn` or `n`) and the local time.
enum Day {
    MonthWeek(i64, i64, i64),
    Julian(i64),
    Zero(i64),
}

struct Change {
    day: Day,
    time: i64,
}

fn parse_rule(text: &str) -> Option<Rule> {
    let mut p = Cursor { s: text.as_bytes(), i: 0 };
    let std_name = p.name()?;
    let std_offset = if p.done() { 0 } else { -p.offset()? }; // glibc: a bare name is UTC under that name
    let std = Offset { seconds: std_offset, is_dst: false, name: Rc::from(std_name.as_str()) };
    if p.done() {
        return Some(Rule { std, dst: None });
    }
    let dst_name = p.name()?;
    let dst_offset = if p.peek() != Some(b',') && !p.done() { -p.offset()? } else { std_offset + 3600 };
    let dst = Offset { seconds: dst_offset, is_dst: true, name: Rc::from(dst_name.as_str()) };
    let (start, end) = if p.done() {
        // no rule given: the US rules
        (Change { day: Day::MonthWeek(3, 2, 0), time: 7200 }, Change { day: Day::MonthWeek(11, 1, 0), time: 7200 })
    } else {
        p.expect(b',')?;
        let start = p.change()?;
        p.expect(b',')?;
        (start, p.change()?)
    };
    if !p.done() {
        return None;
    }
    Some(Rule { std, dst: Some((dst, start, end)) })
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
    fn expect(&mut self, c: u8) -> Option<()> {
        if self.peek() == Some(c) {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }
    fn name(&mut self) -> Option<String> {
        let start = self.i;
        if self.expect(b'<').is_some() {
            while self.peek()? != b'>' {
                self.i += 1;
            }
            self.i += 1;
            return Some(String::from_utf8_lossy(&self.s[start + 1..self.i - 1]).into_owned());
        }
        while matches!(self.peek(), Some(c) if c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        if self.i - start < 3 {
            return None;
        }
        Some(String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }
    fn number(&mut self) -> Option<i64> {
        let start = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()
    }
    /// `[+-]hh[:mm[:ss]]` in seconds (positive: west of Greenwich, as POSIX writes it).
    fn offset(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let mut secs = self.number()? * 3600;
        if self.expect(b':').is_some() {
            secs += self.number()? * 60;
            if self.expect(b':').is_some() {
                secs += self.number()?;
            }
        }
        Some(sign * secs)
    }
    fn change(&mut self) -> Option<Change> {
        let day = if self.expect(b'M').is_some() {
            let m = self.number()?;
            self.expect(b'.')?;
            let w = self.number()?;
            self.expect(b'.')?;
            Day::MonthWeek(m, w, self.number()?)
        } else if self.expect(b'J').is_some() {
            Day::Julian(self.number()?)
        } else {
            Day::Zero(self.number()?)
        };
        let time = if self.expect(b'/').is_some() { self.offset()? } else { 7200 };
        Some(Change { day, time })
    }
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days from 1970-01-01 to the first of January of `year`.
fn days_to_year(year: i64) -> i64 {
    let leaps = |y: i64| y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400);
    365 * (year - 1970) + leaps(year - 1) - leaps(1969)
}

impl Change {
    /// The day of the year (0-based) the change falls on in `year`.
    fn yday(&self, year: i64) -> i64 {
        let leap = is_leap(year);
        match self.day {
            Day::Julian(n) => n - 1 + if leap && n >= 60 { 1 } else { 0 },
            Day::Zero(n) => n,
            Day::MonthWeek(m, w, d) => {
                let lengths = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
                let first = lengths[..(m - 1) as usize].iter().sum::<i64>();
                let weekday_of_first = (days_to_year(year) + first + 4).rem_euclid(7); // 1970-01-01 was a Thursday
                let mut day = (d - weekday_of_first).rem_euclid(7) + (w - 1) * 7;
                while day >= lengths[(m - 1) as usize] {
                    day -= 7;
                }
                first + day
            }
        }
    }
}

impl Rule {
    fn offset_at(&self, secs: i64) -> Offset {
        let (dst, start, end) = match &self.dst {
            None => return self.std.clone(),
            Some(d) => d,
        };
        let days = (secs + self.std.seconds).div_euclid(86_400);
        let year = {
            let mut y = 1970 + days.div_euclid(366);
            while days_to_year(y + 1) <= days {
                y += 1;
            }
            y
        };
        // the changes as UTC instants: the start is in standard time, the end in daylight
        // time; glibc counts a year before 1970 from 1970's first day
        let base = days_to_year(year.max(1970)) * 86_400;
        let begins = base + start.yday(year) * 86_400 + start.time - self.std.seconds;
        let ends = base + end.yday(year) * 86_400 + end.time - dst.seconds;
        let in_dst = if begins < ends { secs >= begins && secs < ends } else { !(secs >= ends && secs < begins) };
        if in_dst { dst.clone() } else { self.std.clone() }
    }
}

/// `time.tzname`: the standard and daylight names in force around `now` (the daylight
/// one is the standard one where the zone has none).
pub fn tzname(now: i64) -> (Rc<str>, Rc<str>) {
    thread_local! {
        static FIXED_DST_NAME: Option<Rc<str>> = match load() {
            Zone::Fixed(_, dst) => Some(dst),
            _ => None,
        };
    }
    if let Some(dst) = FIXED_DST_NAME.with(|d| d.clone()) {
        return (offset_at(now).name, dst);
    }
    let half_year = 183 * 86_400;
    let (a, b) = (offset_at(now), offset_at(now + half_year));
    let std = if a.is_dst { b.name.clone() } else { a.name.clone() };
    let dst = if a.is_dst { a.name } else if b.is_dst { b.name } else { std.clone() };
    (std, dst)
}
