//! `csv`: `reader`, `writer`, `DictReader`, `DictWriter` with the excel, excel-tab and
//! unix dialects and the format parameters (delimiter, quotechar, escapechar,
//! doublequote, skipinitialspace, lineterminator, quoting, strict).  The reader is
//! CPython's `_csv` state machine, fed line by line from any iterable of strings; the
//! writer writes each row through the target's `write` method.

use crate::exc::*;
use crate::methods::{call_method, Args};
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// `csv.Error`.
pub static CSV_ERROR: ExcType = ExcType { name: "_csv.Error", base: Some(&EXCEPTION) };

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

fn csv_error<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(PyErr::new(&CSV_ERROR, msg))
}

#[derive(Clone)]
struct Dialect {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    lineterminator: String,
    quoting: i64,
    strict: bool,
}

fn one_char(name: &str, v: &Value, optional: bool) -> PyResult<Option<char>> {
    match v {
        Value::None if optional => Ok(None),
        Value::Str(s) if s.chars().count() == 1 => Ok(s.chars().next()),
        Value::Str(_) => type_error(format!("\"{}\" must be a 1-character string", name)),
        _ if optional => type_error(format!("\"{}\" must be string or None, not {}", name, v.type_name())),
        _ => type_error(format!("\"{}\" must be string, not {}", name, v.type_name())),
    }
}

impl Dialect {
    /// The dialect named or given at `at` (default excel), with keyword overrides.
    fn from_args(a: &Args, at: usize) -> PyResult<Dialect> {
        let mut d = Dialect {
            delimiter: ',',
            quotechar: Some('"'),
            escapechar: None,
            doublequote: true,
            skipinitialspace: false,
            lineterminator: "\r\n".to_string(),
            quoting: QUOTE_MINIMAL,
            strict: false,
        };
        match a.get(at, "dialect") {
            None => {}
            Some(Value::Str(name)) => match name.as_ref() {
                "excel" => {}
                "excel-tab" => d.delimiter = '\t',
                "unix" => {
                    d.lineterminator = "\n".to_string();
                    d.quoting = QUOTE_ALL;
                }
                _ => return csv_error("unknown dialect"),
            },
            Some(_) => return type_error("dialect must be a name: 'excel', 'excel-tab' or 'unix'"),
        }
        for (k, v) in &a.kw {
            match *k {
                "delimiter" => d.delimiter = one_char("delimiter", v, false)?.unwrap_or(','),
                "quotechar" => d.quotechar = one_char("quotechar", v, true)?,
                "escapechar" => d.escapechar = one_char("escapechar", v, true)?,
                "doublequote" => d.doublequote = v.truthy(),
                "skipinitialspace" => d.skipinitialspace = v.truthy(),
                "strict" => d.strict = v.truthy(),
                "lineterminator" => match v {
                    Value::Str(s) => d.lineterminator = s.to_string(),
                    _ => return type_error(format!("\"lineterminator\" must be a string, not {}", v.type_name())),
                },
                "quoting" => {
                    d.quoting = v.to_int()?;
                    if !(0..=3).contains(&d.quoting) {
                        return type_error("bad \"quoting\" value");
                    }
                }
                "dialect" | "fieldnames" | "restkey" | "restval" | "extrasaction" => {}
                _ => return type_error(format!("'{}' is an invalid keyword argument for this function", k)),
            }
        }
        if d.quoting != QUOTE_NONE && d.quotechar.is_none() {
            return type_error("quotechar must be set if quoting enabled");
        }
        Ok(d)
    }
}

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "csv.reader" => {
            let parser = Rc::new(RefCell::new(Parser::new(a.req(0, "csvfile")?, Dialect::from_args(a, 1)?)?));
            Ok(Value::iter(move || parser.borrow_mut().next_record().map(|r| r.map(Value::list))))
        }
        "csv.writer" => Ok(Value::Native(Rc::new(Writer { target: a.req(0, "csvfile")?.clone(), dialect: Dialect::from_args(a, 1)? }))),
        "csv.DictReader" => {
            let source = a.req(0, "f")?;
            let fieldnames = a.get(1, "fieldnames").filter(|v| !v.is_none()).map(crate::iter::collect_vec).transpose()?;
            let reader = DictReader {
                parser: RefCell::new(Parser::new(source, Dialect::from_args(a, 4)?)?),
                fieldnames: RefCell::new(fieldnames),
                restkey: a.get(2, "restkey").cloned().unwrap_or_default(),
                restval: a.get(3, "restval").cloned().unwrap_or_default(),
            };
            Ok(Value::Native(Rc::new(reader)))
        }
        "csv.DictWriter" => {
            let extras = a.get(3, "extrasaction").cloned().unwrap_or_else(|| Value::str("raise"));
            let raise = match extras.as_str() {
                Some("raise") => true,
                Some("ignore") => false,
                _ => return value_error(format!("extrasaction ({}) must be 'raise' or 'ignore'", extras.to_str())),
            };
            Ok(Value::Native(Rc::new(DictWriter {
                writer: Writer { target: a.req(0, "f")?.clone(), dialect: Dialect::from_args(a, 4)? },
                fieldnames: crate::iter::collect_vec(a.req(1, "fieldnames")?)?,
                restval: a.get(2, "restval").cloned().unwrap_or_else(|| Value::str("")),
                raise_extras: raise,
            })))
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'csv' has no attribute '{}'", &name[4..]))),
    }
}

pub fn attribute(name: &str) -> Option<Value> {
    Some(Value::Int(match name {
        "csv.QUOTE_MINIMAL" => QUOTE_MINIMAL,
        "csv.QUOTE_ALL" => QUOTE_ALL,
        "csv.QUOTE_NONNUMERIC" => QUOTE_NONNUMERIC,
        "csv.QUOTE_NONE" => QUOTE_NONE,
        _ => return None,
    }))
}

// ---- reading ----------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
}

struct Parser {
    lines: crate::iter::Iter,
    dialect: Dialect,
    state: State,
    field: String,
    quoted: bool,
    fields: Vec<Value>,
    line_num: i64,
}

impl Parser {
    fn new(source: &Value, dialect: Dialect) -> PyResult<Parser> {
        Ok(Parser {
            lines: crate::iter::iterate(source)?,
            dialect,
            state: State::StartRecord,
            field: String::new(),
            quoted: false,
            fields: Vec::new(),
            line_num: 0,
        })
    }

    fn save_field(&mut self) -> PyResult<()> {
        let text = std::mem::take(&mut self.field);
        let v = if self.dialect.quoting == QUOTE_NONNUMERIC && !self.quoted && !text.is_empty() {
            crate::builtins::float(Some(&Value::str(&text)))?
        } else {
            Value::string(text)
        };
        self.quoted = false;
        self.fields.push(v);
        Ok(())
    }

    /// The state after a field that ends at `c` (end of line, newline or delimiter).
    fn field_end(&mut self, c: Option<char>) -> PyResult<Option<State>> {
        let next = match c {
            None => State::StartRecord,
            Some('\r') | Some('\n') => State::EatCrnl,
            Some(ch) if ch == self.dialect.delimiter => State::StartField,
            _ => return Ok(None),
        };
        self.save_field()?;
        Ok(Some(next))
    }

    /// One character of input (`None` marks the end of a line).
    fn feed(&mut self, c: Option<char>) -> PyResult<()> {
        let d = self.dialect.clone();
        let is_quote = |c: char| d.quoting != QUOTE_NONE && Some(c) == d.quotechar;
        let newline = |c: Option<char>| matches!(c, Some('\r') | Some('\n'));
        let mut state = self.state;
        if state == State::StartRecord {
            match c {
                None => return Ok(()),
                Some('\r') | Some('\n') => {
                    self.state = State::EatCrnl;
                    return Ok(());
                }
                _ => state = State::StartField,
            }
        }
        if matches!(state, State::StartField | State::InField | State::QuoteInQuotedField) {
            if let Some(next) = self.field_end(c)? {
                self.state = next;
                return Ok(());
            }
        }
        self.state = match state {
            State::StartField => match c {
                Some(ch) if is_quote(ch) => {
                    self.quoted = true;
                    State::InQuotedField
                }
                Some(ch) if Some(ch) == d.escapechar => State::EscapedChar,
                Some(' ') if d.skipinitialspace => State::StartField,
                Some(ch) => {
                    self.field.push(ch);
                    State::InField
                }
                None => State::StartRecord,
            },
            State::EscapedChar => {
                self.field.push(c.unwrap_or('\n'));
                State::InField
            }
            State::InField => match c {
                Some(ch) if Some(ch) == d.escapechar => State::EscapedChar,
                Some(ch) => {
                    self.field.push(ch);
                    State::InField
                }
                None => State::StartRecord,
            },
            State::InQuotedField => match c {
                None => State::InQuotedField,
                Some(ch) if Some(ch) == d.escapechar => State::EscapeInQuotedField,
                Some(ch) if is_quote(ch) => {
                    if d.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    }
                }
                Some(ch) => {
                    self.field.push(ch);
                    State::InQuotedField
                }
            },
            State::EscapeInQuotedField => {
                self.field.push(c.unwrap_or('\n'));
                State::InQuotedField
            }
            State::QuoteInQuotedField => match c {
                Some(ch) if is_quote(ch) => {
                    self.field.push(ch);
                    State::InQuotedField
                }
                Some(ch) if !d.strict => {
                    self.field.push(ch);
                    State::InField
                }
                _ => {
                    return csv_error(format!(
                        "'{}' expected after '{}'",
                        d.delimiter,
                        d.quotechar.unwrap_or('"')
                    ))
                }
            },
            State::EatCrnl => match c {
                None => State::StartRecord,
                _ if newline(c) => State::EatCrnl,
                Some(_) => {
                    return csv_error(
                        "new-line character seen in unquoted field - do you need to open the file with newline=''?",
                    )
                }
            },
            State::StartRecord => State::StartRecord,
        };
        Ok(())
    }

    /// The next record, or `None` at the end of the input.
    fn next_record(&mut self) -> PyResult<Option<Vec<Value>>> {
        loop {
            let line = match self.lines.next()? {
                Some(l) => l,
                None => {
                    let pending = self.state != State::StartRecord
                        && self.state != State::EatCrnl
                        && (!self.field.is_empty() || self.state == State::InQuotedField);
                    if pending {
                        if self.dialect.strict {
                            return csv_error("unexpected end of data");
                        }
                        self.save_field()?;
                        self.state = State::StartRecord;
                        return Ok(Some(std::mem::take(&mut self.fields)));
                    }
                    if !self.fields.is_empty() {
                        return Ok(Some(std::mem::take(&mut self.fields)));
                    }
                    return Ok(None);
                }
            };
            let text = match &line {
                Value::Str(s) => s.clone(),
                _ => {
                    return csv_error(format!(
                        "iterator should return strings, not {} (the file should be opened in text mode)",
                        line.type_name()
                    ))
                }
            };
            self.line_num += 1;
            for c in text.chars() {
                if c == '\0' {
                    return csv_error("line contains NUL");
                }
                self.feed(Some(c))?;
            }
            self.feed(None)?;
            if self.state == State::StartRecord {
                return Ok(Some(std::mem::take(&mut self.fields)));
            }
        }
    }
}

/// `csv.DictReader`: rows as dicts keyed by the header row (or the given field names).
struct DictReader {
    parser: RefCell<Parser>,
    fieldnames: RefCell<Option<Vec<Value>>>,
    restkey: Value,
    restval: Value,
}

impl DictReader {
    fn fieldnames(&self) -> PyResult<Vec<Value>> {
        if self.fieldnames.borrow().is_none() {
            let header = self.parser.borrow_mut().next_record()?.unwrap_or_default();
            *self.fieldnames.borrow_mut() = Some(header);
        }
        Ok(self.fieldnames.borrow().clone().unwrap_or_default())
    }

    fn next_row(&self) -> PyResult<Option<Value>> {
        let names = self.fieldnames()?;
        let row = loop {
            match self.parser.borrow_mut().next_record()? {
                None => return Ok(None),
                Some(r) if r.is_empty() => continue,
                Some(r) => break r,
            }
        };
        let mut d = Dict::new();
        for (k, v) in names.iter().zip(row.iter()) {
            crate::methods::dict_insert(&mut d, k.clone(), v.clone())?;
        }
        if row.len() > names.len() {
            crate::methods::dict_insert(&mut d, self.restkey.clone(), Value::list(row[names.len()..].to_vec()))?;
        } else {
            for k in &names[row.len()..] {
                crate::methods::dict_insert(&mut d, k.clone(), self.restval.clone())?;
            }
        }
        Ok(Some(Value::dict(d)))
    }
}

impl NativeObject for DictReader {
    fn type_name(&self) -> &'static str {
        "DictReader"
    }
    fn call_method(&self, name: &str, _args: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        match name {
            "__next__" => match self.next_row()? {
                Some(row) => Ok(row),
                None => Err(PyErr::with_args(&STOP_ITERATION, vec![])),
            },
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'DictReader' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "fieldnames" => Ok(Value::list(self.fieldnames()?)),
            "line_num" => Ok(Value::Int(self.parser.borrow().line_num)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'DictReader' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        "<csv.DictReader object>".to_string()
    }
    fn items(&self) -> PyResult<Vec<Value>> {
        let mut rows = Vec::new();
        while let Some(row) = self.next_row()? {
            rows.push(row);
        }
        Ok(rows)
    }
}

// ---- writing ----------------------------------------------------------------------------------

struct Writer {
    target: Value,
    dialect: Dialect,
}

impl Writer {
    fn format_row(&self, row: &Value) -> PyResult<String> {
        let d = &self.dialect;
        let fields = match row {
            Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Native(_) | Value::Iter(_) | Value::Dict(_) => {
                crate::iter::collect_vec(row)?
            }
            _ => return csv_error(format!("iterable expected, not {}", row.type_name())),
        };
        let mut out = String::new();
        let single = fields.len() == 1;
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(d.delimiter);
            }
            let numeric = matches!(f, Value::Int(_) | Value::Float(_) | Value::BigInt(_) | Value::Bool(_));
            let text = match f {
                Value::None => String::new(),
                Value::Float(x) => crate::format::float_repr(*x),
                _ => f.to_str(),
            };
            let mut quote = match d.quoting {
                QUOTE_ALL => true,
                QUOTE_NONNUMERIC => !numeric,
                QUOTE_MINIMAL => single && text.is_empty(),
                _ => false,
            };
            if single && text.is_empty() && d.quoting == QUOTE_NONE {
                return csv_error("single empty field record must be quoted");
            }
            let mut field = String::new();
            for c in text.chars() {
                let special = c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar
                    || c == '\r' || c == '\n' || d.lineterminator.contains(c);
                let mut escape = false;
                if special {
                    if d.quoting == QUOTE_NONE {
                        escape = true;
                    } else {
                        if Some(c) == d.quotechar {
                            if d.doublequote {
                                field.push(c);
                            } else {
                                escape = true;
                            }
                        } else if Some(c) == d.escapechar {
                            escape = true;
                        }
                        if !escape {
                            quote = true;
                        }
                    }
                }
                if escape {
                    match d.escapechar {
                        Some(e) => field.push(e),
                        None => return csv_error("need to escape, but no escapechar set"),
                    }
                }
                field.push(c);
            }
            if quote {
                let q = d.quotechar.unwrap_or('"');
                out.push(q);
                out.push_str(&field);
                out.push(q);
            } else {
                out.push_str(&field);
            }
        }
        out.push_str(&d.lineterminator);
        Ok(out)
    }

    fn writerow(&self, row: &Value) -> PyResult<Value> {
        let line = self.format_row(row)?;
        call_method(&self.target, "write", vec![Value::string(line)])
    }
}

impl NativeObject for Writer {
    fn type_name(&self) -> &'static str {
        "_csv.writer"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        match name {
            "writerow" => self.writerow(a.req(0, "row")?),
            "writerows" => {
                for row in crate::iter::collect_vec(a.req(0, "rows")?)? {
                    self.writerow(&row)?;
                }
                Ok(Value::None)
            }
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_csv.writer' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_csv.writer' object has no attribute '{}'", name)))
    }
    fn repr(&self) -> String {
        "<_csv.writer object>".to_string()
    }
}

/// `csv.DictWriter`: dict rows written in `fieldnames` order.
struct DictWriter {
    writer: Writer,
    fieldnames: Vec<Value>,
    restval: Value,
    raise_extras: bool,
}

impl DictWriter {
    fn row_values(&self, row: &Value) -> PyResult<Value> {
        let d = match row {
            Value::Dict(d) => d.borrow().clone(),
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'{}' object has no attribute 'keys'", row.type_name()))),
        };
        if self.raise_extras {
            let wrong: Vec<String> = d
                .keys()
                .filter(|k| !self.fieldnames.iter().any(|f| crate::ops::values_equal(f, k)))
                .map(|k| k.repr())
                .collect();
            if !wrong.is_empty() {
                return value_error(format!("dict contains fields not in fieldnames: {}", wrong.join(", ")));
            }
        }
        Ok(Value::list(self.fieldnames.iter().map(|k| d.get(k).cloned().unwrap_or_else(|| self.restval.clone())).collect()))
    }
}

impl NativeObject for DictWriter {
    fn type_name(&self) -> &'static str {
        "DictWriter"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        let a = Args { method: name, pos, kw };
        match name {
            "writeheader" => self.writer.writerow(&Value::list(self.fieldnames.clone())),
            "writerow" => self.writer.writerow(&self.row_values(a.req(0, "rowdict")?)?),
            "writerows" => {
                for row in crate::iter::collect_vec(a.req(0, "rowdicts")?)? {
                    self.writer.writerow(&self.row_values(&row)?)?;
                }
                Ok(Value::None)
            }
            _ => self.getattr(name),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        match name {
            "fieldnames" => Ok(Value::list(self.fieldnames.clone())),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'DictWriter' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        "<csv.DictWriter object>".to_string()
    }
}
