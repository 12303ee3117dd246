//! `time`: wall-clock time, a monotonic performance counter, sleeping, and calendar
//! time as `struct_time` (`gmtime`, `localtime` in the machine's zone: `tzlocal`, `strftime`).

use crate::exc::*;
use crate::methods::Args;
use crate::value::*;
use crate::stdlib::datetime::{strftime, Hms, Ymd};
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    /// The origin of `perf_counter()` and `monotonic()`: the first time either is read.
    static ORIGIN: Instant = Instant::now();
}

fn seconds_since_epoch() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// `time.<name>(...)`.
pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "time.time" => Ok(Value::Float(seconds_since_epoch())),
        "time.time_ns" => {
            let ns = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            Ok(Value::Int(ns as i64))
        }
        "time.perf_counter" | "time.monotonic" => {
            Ok(Value::Float(ORIGIN.with(|o| o.elapsed().as_secs_f64())))
        }
        "time.sleep" => {
            let secs = a.req(0, "secs")?.to_f64()?;
            if secs < 0.0 {
                return value_error("sleep length must be non-negative");
            }
            if !secs.is_finite() {
                return Err(PyErr::new(&OVERFLOW_ERROR, "sleep length is too large"));
            }
            std::thread::sleep(Duration::from_secs_f64(secs));
            Ok(Value::None)
        }
        "time.gmtime" | "time.localtime" => {
            let secs = match a.get(0, "secs") {
                None | Some(Value::None) => seconds_since_epoch(),
                Some(v) => v.to_f64()?,
            };
            let secs = secs.floor() as i64;
            Ok(Value::Native(Rc::new(if name == "time.gmtime" { StructTime::utc(secs) } else { StructTime::local(secs) })))
        }
        "time.strftime" => {
            let fmt = a.text(0, "format")?;
            let t = match a.get(1, "t") {
                None => StructTime::local(seconds_since_epoch().floor() as i64),
                Some(v) => StructTime::from_value(v)?,
            };
            Ok(Value::string(t.strftime(&fmt)))
        }
        _ => type_error(format!("{} is not available", name)),
    }
}

/// A `time.struct_time`: the nine calendar fields, the zone's name and offset (seconds east).
struct StructTime {
    fields: [i64; 9],
    zone: Rc<str>,
    gmtoff: i64,
}

const FIELD_NAMES: [&str; 9] =
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

/// A `time.struct_time` of the nine fields (`date.timetuple()`), with no zone name.
pub fn struct_time(fields: [i64; 9]) -> Value {
    Value::Native(std::rc::Rc::new(StructTime { fields, zone: Rc::from(""), gmtoff: 0 }))
}

impl StructTime {
    fn utc(secs: i64) -> StructTime {
        StructTime::from_epoch(secs, Rc::from("GMT"), 0)
    }

    fn local(secs: i64) -> StructTime {
        let offset = crate::stdlib::tzlocal::offset_at(secs);
        let mut t = StructTime::from_epoch(secs + offset.seconds, offset.name, offset.seconds);
        t.fields[8] = offset.is_dst as i64;
        t
    }

    fn from_epoch(secs: i64, zone: Rc<str>, gmtoff: i64) -> StructTime {
        let days = secs.div_euclid(86_400);
        let rest = secs.rem_euclid(86_400);
        let d = Ymd::from_ordinal(days + Ymd { year: 1970, month: 1, day: 1 }.ordinal());
        let yday = days + Ymd { year: 1970, month: 1, day: 1 }.ordinal() - Ymd { year: d.year, month: 1, day: 1 }.ordinal() + 1;
        let wday = (d.ordinal() + 6) % 7;
        StructTime { fields: [d.year, d.month, d.day, rest / 3600, rest / 60 % 60, rest % 60, wday, yday, 0], zone, gmtoff }
    }

    /// A struct_time or a 9-tuple given to `strftime`.
    fn from_value(v: &Value) -> PyResult<StructTime> {
        let mut zone_and_offset = None;
        let items = match v {
            Value::Native(n) if n.type_name() == "time.struct_time" => {
                zone_and_offset = Some((Rc::from(n.getattr("tm_zone")?.to_str()), n.getattr("tm_gmtoff")?.to_int()?));
                n.items()?
            }
            Value::Tuple(t) => t.to_vec(),
            _ => return type_error("Tuple or struct_time argument required"),
        };
        if items.len() != 9 {
            return type_error("strftime(): illegal time tuple argument");
        }
        let mut fields = [0i64; 9];
        for (slot, item) in fields.iter_mut().zip(items.iter()) {
            *slot = item.to_int()?;
        }
        let (zone, gmtoff) = zone_and_offset.unwrap_or_else(|| {
            // a plain tuple: the zone's name by its tm_isdst, no offset (as CPython prints)
            let (std, dst) = crate::stdlib::tzlocal::tzname(seconds_since_epoch() as i64);
            (if fields[8] > 0 { dst } else { std }, 0)
        });
        Ok(StructTime { fields, zone, gmtoff })
    }

    fn strftime(&self, fmt: &str) -> String {
        let f = &self.fields;
        let mut spec = String::new();
        let mut chars = fmt.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                ('%', Some('Z')) => {
                    chars.next();
                    spec.push_str(&self.zone.replace('%', "%%"));
                }
                ('%', Some('z')) => {
                    chars.next();
                    let (sign, off) = if self.gmtoff < 0 { ('-', -self.gmtoff) } else { ('+', self.gmtoff) };
                    spec.push_str(&format!("{}{:02}{:02}", sign, off / 3600, off / 60 % 60));
                }
                ('%', Some(&next)) => {
                    chars.next();
                    spec.push('%');
                    spec.push(next);
                }
                _ => spec.push(c),
            }
        }
        let date = Ymd { year: f[0], month: f[1].clamp(1, 12), day: f[2].max(1) };
        let time = Hms { hour: f[3], minute: f[4], second: f[5], micro: 0 };
        strftime(&date, &time, &spec)
    }
}

impl NativeObject for StructTime {
    fn type_name(&self) -> &'static str {
        "time.struct_time"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        self.getattr(name)
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match FIELD_NAMES.iter().position(|n| *n == name) {
            Some(i) => Ok(Value::Int(self.fields[i])),
            None if name == "tm_zone" => Ok(Value::Str(self.zone.clone())),
            None if name == "tm_gmtoff" => Ok(Value::Int(self.gmtoff)),
            None => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'time.struct_time' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        let parts: Vec<String> = FIELD_NAMES.iter().zip(self.fields.iter()).map(|(n, v)| format!("{}={}", n, v)).collect();
        format!("time.struct_time({})", parts.join(", "))
    }
    fn len(&self) -> PyResult<i64> {
        Ok(9)
    }
    fn getitem(&self, index: &Value) -> PyResult<Value> {
        crate::ops::getitem(&Value::tuple(self.items()?), index)
    }
    fn getslice(&self, start: &Value, stop: &Value, step: &Value) -> PyResult<Value> {
        crate::ops::getslice(&Value::tuple(self.items()?), start, stop, step)
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        Ok(self.fields.iter().map(|v| Value::Int(*v)).collect())
    }
    fn equals(&self, other: &Value) -> bool {
        crate::ops::values_equal(&Value::tuple(self.fields.iter().map(|v| Value::Int(*v)).collect()), other)
    }
}
