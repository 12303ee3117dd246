//! `argparse`: ArgumentParser, its actions, subcommands and Namespace, parsing with
//! CPython 3.11's algorithm (option/argument patterns matched against each action's
//! nargs) and printing help, usage and errors exactly as its HelpFormatter does.

use crate::exc::*;
use crate::methods::{call_method, Args};
use crate::value::*;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

pub static ARGUMENT_ERROR: ExcType = ExcType { name: "argparse.ArgumentError", base: Some(&EXCEPTION) };
pub static ARGUMENT_TYPE_ERROR: ExcType = ExcType { name: "argparse.ArgumentTypeError", base: Some(&EXCEPTION) };

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "argparse.ArgumentParser" => Ok(parser_value(Parser::new(a, None)?)),
        "argparse.Namespace" => {
            let ns = Namespace::default();
            for (k, v) in &a.kw {
                ns.set(k, v.clone());
            }
            Ok(Value::Native(Rc::new(ns)))
        }
        "argparse.ArgumentTypeError" => Ok(Value::Exception(Rc::new(PyErr::with_args(&ARGUMENT_TYPE_ERROR, a.pos.clone())))),
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'argparse' has no attribute '{}'", &name[9..]))),
    }
}

/// `argparse.SUPPRESS` and the formatter classes, as values.
pub fn attribute(name: &str) -> Option<Value> {
    match name {
        "argparse.SUPPRESS" => Some(Value::str(SUPPRESS)),
        _ => None,
    }
}

const SUPPRESS: &str = "==SUPPRESS==";

fn is_suppress(v: &Value) -> bool {
    v.as_str() == Some(SUPPRESS)
}

// ---- actions ------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Store,
    StoreConst,
    Append,
    AppendConst,
    Extend,
    Count,
    Help,
    Version,
    BooleanOptional,
    Parsers,
}

#[derive(Clone, Copy, PartialEq)]
enum Nargs {
    Single,
    Optional,
    ZeroOrMore,
    OneOrMore,
    Exactly(usize),
    Parser,
    Remainder,
}

struct Action {
    option_strings: Vec<String>,
    /// None: `dest=SUPPRESS` (nothing is stored).
    dest: Option<String>,
    kind: Kind,
    nargs: Nargs,
    konst: Value,
    /// The default; `argparse.SUPPRESS` leaves the attribute unset.
    default: RefCell<Value>,
    type_: Value,
    choices: Option<Value>,
    required: bool,
    help: Value,
    metavar: Value,
    version: Value,
    subparsers: Option<Rc<Subparsers>>,
}

impl Action {
    fn takes_no_value(&self) -> bool {
        matches!(self.kind, Kind::StoreConst | Kind::AppendConst | Kind::Count | Kind::Help | Kind::Version | Kind::BooleanOptional)
    }
    fn nargs_value(&self) -> Value {
        if self.takes_no_value() {
            return Value::Int(0);
        }
        match self.nargs {
            Nargs::Single => Value::None,
            Nargs::Optional => Value::str("?"),
            Nargs::ZeroOrMore => Value::str("*"),
            Nargs::OneOrMore => Value::str("+"),
            Nargs::Exactly(n) => Value::Int(n as i64),
            Nargs::Parser => Value::str("A..."),
            Nargs::Remainder => Value::str("..."),
        }
    }
    fn help_suppressed(&self) -> bool {
        is_suppress(&self.help)
    }
    /// The choices as shown (`{a,b}`) and checked: a subcommand's are its parser names.
    fn choice_list(&self) -> PyResult<Option<Vec<Value>>> {
        if let Some(sub) = &self.subparsers {
            return Ok(Some(sub.parsers.borrow().iter().map(|(n, _)| Value::str(n)).collect()));
        }
        match &self.choices {
            None => Ok(None),
            Some(c) => crate::iter::collect_vec(c).map(Some),
        }
    }
    /// `_get_action_name`: how errors name the argument.
    fn name(&self) -> PyResult<Option<String>> {
        if !self.option_strings.is_empty() {
            return Ok(Some(self.option_strings.join("/")));
        }
        if !self.metavar.is_none() && !is_suppress(&self.metavar) {
            return Ok(Some(self.metavar.to_str()));
        }
        if let Some(d) = &self.dest {
            return Ok(Some(d.clone()));
        }
        Ok(self.choice_list()?.filter(|c| !c.is_empty()).map(|c| {
            format!("{{{}}}", c.iter().map(|v| v.to_str()).collect::<Vec<_>>().join(","))
        }))
    }
}

/// An error of the command line: argparse's ArgumentError, reported by `parser.error`.
enum Stop {
    Arg(String),
    Py(PyErr),
}

impl From<PyErr> for Stop {
    fn from(e: PyErr) -> Stop {
        Stop::Py(e)
    }
}

fn arg_error(action: &Action, message: String) -> Stop {
    match action.name() {
        Ok(Some(name)) => Stop::Arg(format!("argument {}: {}", name, message)),
        Ok(None) => Stop::Arg(message),
        Err(e) => Stop::Py(e),
    }
}

// ---- namespace ----------------------------------------------------------------------------

/// `argparse.Namespace`: attributes in the order they were first set.
#[derive(Default)]
pub struct Namespace {
    attrs: RefCell<Vec<(String, Value)>>,
}

impl Namespace {
    fn get(&self, name: &str) -> Option<Value> {
        self.attrs.borrow().iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }
    fn set(&self, name: &str, value: Value) {
        let mut attrs = self.attrs.borrow_mut();
        match attrs.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => attrs.push((name.to_string(), value)),
        }
    }
}

impl NativeObject for Namespace {
    fn type_name(&self) -> &'static str {
        "Namespace"
    }
    /// `args.func(...)`: a stored callable (`set_defaults(func=...)` with subcommands).
    fn call_method(&self, name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        crate::builtins::call(&self.getattr(name)?, crate::callargs::with_kwargs(args, kw))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        if name == "__dict__" {
            let mut table = Dict::new();
            for (k, v) in self.attrs.borrow().iter() {
                table.insert(Value::str(k), v.clone());
            }
            return Ok(Value::dict(table));
        }
        self.get(name)
            .ok_or_else(|| PyErr::new(&ATTRIBUTE_ERROR, format!("'Namespace' object has no attribute '{}'", name)))
    }
    fn setattr(&self, name: &str, value: Value) -> PyResult<()> {
        self.set(name, value);
        Ok(())
    }
    fn repr(&self) -> String {
        let mut parts = Vec::new();
        let mut star = Vec::new();
        for (k, v) in self.attrs.borrow().iter() {
            if is_identifier(k) {
                parts.push(format!("{}={}", k, v.repr()));
            } else {
                star.push(format!("{}: {}", Value::str(k).repr(), v.repr()));
            }
        }
        if !star.is_empty() {
            parts.push(format!("**{{{}}}", star.join(", ")));
        }
        format!("Namespace({})", parts.join(", "))
    }
    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(Ok(item.as_str().map_or(false, |k| self.get(k).is_some())))
    }
    fn equals(&self, other: &Value) -> bool {
        let other = match other {
            Value::Native(n) => n.as_any().and_then(|a| a.downcast_ref::<Namespace>()),
            _ => None,
        };
        match other {
            Some(o) => {
                let (a, b) = (self.attrs.borrow(), o.attrs.borrow());
                a.len() == b.len()
                    && a.iter().all(|(k, v)| o.get(k).map_or(false, |w| crate::ops::values_equal(v, &w)))
            }
            None => false,
        }
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric())
}

// ---- the parser ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    RawDescription,
    RawText,
    ArgumentDefaults,
}

struct Group {
    title: Option<String>,
    description: Option<String>,
    actions: Vec<Rc<Action>>,
}

pub struct Parser {
    prog: String,
    usage: Option<String>,
    description: Option<String>,
    epilog: Option<String>,
    style: Style,
    add_help: bool,
    allow_abbrev: bool,
    exit_on_error: bool,
    actions: RefCell<Vec<Rc<Action>>>,
    groups: RefCell<Vec<Group>>,
    defaults: RefCell<Vec<(String, Value)>>,
    has_subparsers: RefCell<bool>,
    negative_number_options: RefCell<bool>,
}

fn opt_string(a: &Args, i: usize, name: &str) -> PyResult<Option<String>> {
    Ok(a.opt_text(i, name)?.map(|s| s.to_string()))
}

impl Parser {
    /// `ArgumentParser(prog, usage, description, epilog, parents, formatter_class, ...)`;
    /// `default_prog` is a subcommand's (`main.py sub`).
    fn new(a: &Args, default_prog: Option<String>) -> PyResult<Rc<Parser>> {
        let prog = match opt_string(a, 0, "prog")? {
            Some(p) => p,
            None => default_prog.unwrap_or_else(script_name),
        };
        let style = match a.get(5, "formatter_class") {
            Some(Value::Func(f)) => match &*f.name {
                "argparse.RawDescriptionHelpFormatter" => Style::RawDescription,
                "argparse.RawTextHelpFormatter" => Style::RawText,
                "argparse.ArgumentDefaultsHelpFormatter" => Style::ArgumentDefaults,
                _ => Style::Plain,
            },
            _ => Style::Plain,
        };
        let flag = |i: usize, name: &str| a.get(i, name).map_or(true, |v| v.truthy());
        let parser = Rc::new(Parser {
            prog,
            usage: opt_string(a, 1, "usage")?,
            description: opt_string(a, 2, "description")?,
            epilog: opt_string(a, 3, "epilog")?,
            style,
            add_help: flag(10, "add_help"),
            allow_abbrev: flag(11, "allow_abbrev"),
            exit_on_error: flag(12, "exit_on_error"),
            actions: RefCell::new(Vec::new()),
            groups: RefCell::new(vec![
                Group { title: Some("positional arguments".into()), description: None, actions: Vec::new() },
                Group { title: Some("options".into()), description: None, actions: Vec::new() },
            ]),
            defaults: RefCell::new(Vec::new()),
            has_subparsers: RefCell::new(false),
            negative_number_options: RefCell::new(false),
        });
        if parser.add_help {
            let help = Args {
                method: "add_argument",
                pos: vec![Value::str("-h"), Value::str("--help")],
                kw: vec![
                    ("action", Value::str("help")),
                    ("default", Value::str(SUPPRESS)),
                    ("help", Value::str("show this help message and exit")),
                ],
            };
            parser.add_argument(&help, None)?;
        }
        if let Some(parents) = a.get(4, "parents") {
            for parent in crate::iter::collect_vec(parents)? {
                if let Some(p) = as_parser(&parent) {
                    for action in p.actions.borrow().iter() {
                        if action.kind != Kind::Help {
                            parser.add_action(action.clone(), None)?;
                        }
                    }
                    parser.defaults.borrow_mut().extend(p.defaults.borrow().iter().cloned());
                }
            }
        }
        Ok(parser)
    }

    fn find_option(&self, option: &str) -> Option<Rc<Action>> {
        self.actions.borrow().iter().find(|a| a.option_strings.iter().any(|o| o == option)).cloned()
    }

    /// All option strings, in the order they were added (`_option_string_actions`).
    fn option_strings(&self) -> Vec<(String, Rc<Action>)> {
        let mut out = Vec::new();
        for action in self.actions.borrow().iter() {
            for o in &action.option_strings {
                out.push((o.clone(), action.clone()));
            }
        }
        out
    }

    /// `add_argument(*names, **options)` into group `group` (None: by kind).
    fn add_argument(&self, a: &Args, group: Option<usize>) -> PyResult<Rc<Action>> {
        let names: Vec<String> = a.pos.iter().map(|v| v.to_str()).collect();
        let kw = |name: &str| a.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
        let positional = names.is_empty() || (names.len() == 1 && !names[0].starts_with('-'));
        let mut option_strings = Vec::new();
        let dest = if positional {
            if kw("required").is_some() {
                return type_error("'required' is an invalid argument for positionals");
            }
            match (names.first(), kw("dest")) {
                (Some(_), Some(_)) => return value_error("dest supplied twice for positional argument"),
                (Some(n), None) => n.clone(),
                (None, Some(d)) => d.to_str(),
                (None, None) => return type_error("add_argument() missing 1 required positional argument: 'dest'"),
            }
        } else {
            for n in &names {
                if !n.starts_with('-') {
                    return value_error(format!(
                        "invalid option string {}: must start with a character '-'",
                        Value::str(n).repr()
                    ));
                }
                option_strings.push(n.clone());
            }
            match kw("dest") {
                Some(d) => d.to_str(),
                None => {
                    let long = names.iter().find(|n| n.len() > 1 && n[1..].starts_with('-'));
                    let d = long.unwrap_or(&names[0]).trim_start_matches('-').to_string();
                    if d.is_empty() {
                        return value_error(format!("dest= is required for options like {}", Value::str(&names[0]).repr()));
                    }
                    d.replace('-', "_")
                }
            }
        };
        let kind = match kw("action") {
            None => Kind::Store,
            Some(Value::Func(f)) if &*f.name == "argparse.BooleanOptionalAction" => Kind::BooleanOptional,
            Some(v) => match v.to_str().as_str() {
                "store" => Kind::Store,
                "store_const" | "store_true" | "store_false" => Kind::StoreConst,
                "append" => Kind::Append,
                "append_const" => Kind::AppendConst,
                "extend" => Kind::Extend,
                "count" => Kind::Count,
                "help" => Kind::Help,
                "version" => Kind::Version,
                other => return value_error(format!("unknown action \"{}\"", other)),
            },
        };
        let action_name = kw("action").map(|v| v.to_str()).unwrap_or_default();
        let nargs = match kw("nargs") {
            None | Some(Value::None) => Nargs::Single,
            Some(Value::Int(0)) if matches!(kind, Kind::Store | Kind::Append | Kind::Extend) => {
                return value_error(format!(
                    "nargs for {} actions must be != 0; if {}",
                    if kind == Kind::Store { "store" } else { "append" },
                    if kind == Kind::Store {
                        "you have nothing to store, actions such as store true or store const may be more appropriate"
                    } else {
                        "arg strings are not supplying the value to append, the append const action may be more appropriate"
                    }
                ))
            }
            Some(Value::Int(n)) if n >= 0 => Nargs::Exactly(n as usize),
            Some(v) => match v.to_str().as_str() {
                "?" => Nargs::Optional,
                "*" => Nargs::ZeroOrMore,
                "+" => Nargs::OneOrMore,
                "..." => Nargs::Remainder,
                "A..." => Nargs::Parser,
                _ => return value_error("invalid nargs value"),
            },
        };
        let mut option_strings = option_strings;
        if kind == Kind::BooleanOptional {
            let mut with_negatives = Vec::new();
            for o in option_strings {
                if let Some(rest) = o.strip_prefix("--") {
                    let negative = format!("--no-{}", rest);
                    with_negatives.push(o);
                    with_negatives.push(negative);
                } else {
                    with_negatives.push(o);
                }
            }
            option_strings = with_negatives;
        }
        let (konst, default) = match action_name.as_str() {
            "store_true" => (Value::Bool(true), kw("default").unwrap_or(Value::Bool(false))),
            "store_false" => (Value::Bool(false), kw("default").unwrap_or(Value::Bool(true))),
            "help" | "version" => (Value::None, kw("default").unwrap_or_else(|| Value::str(SUPPRESS))),
            _ => (kw("const").unwrap_or(Value::None), kw("default").unwrap_or(Value::None)),
        };
        let default = match (kw("default"), self.defaults.borrow().iter().find(|(k, _)| *k == dest)) {
            (None, Some((_, v))) => v.clone(),
            _ => default,
        };
        let required = if positional {
            !matches!(nargs, Nargs::Optional | Nargs::ZeroOrMore)
                || (nargs == Nargs::ZeroOrMore && kw("default").is_none())
        } else {
            kw("required").map_or(false, |v| v.truthy())
        };
        let help = match kw("help") {
            Some(h) => h,
            None if kind == Kind::Version => Value::str("show program's version number and exit"),
            None => Value::None,
        };
        let action = Rc::new(Action {
            option_strings,
            dest: Some(dest).filter(|d| d != SUPPRESS),
            kind,
            nargs,
            konst,
            default: RefCell::new(default),
            type_: kw("type").unwrap_or(Value::None),
            choices: kw("choices").filter(|v| !v.is_none()),
            required,
            help,
            metavar: kw("metavar").unwrap_or(Value::None),
            version: kw("version").unwrap_or(Value::None),
            subparsers: None,
        });
        if let Value::Tuple(items) = &action.metavar {
            let wanted = match action.nargs {
                Nargs::Exactly(n) => Some(n),
                Nargs::OneOrMore => Some(2),
                Nargs::ZeroOrMore => None,
                _ => Some(1),
            };
            if wanted.map_or(!(1..=2).contains(&items.len()), |n| n != items.len()) {
                return value_error("length of metavar tuple does not match nargs");
            }
        }
        self.add_action(action, group)
    }

    fn add_action(&self, action: Rc<Action>, group: Option<usize>) -> PyResult<Rc<Action>> {
        let conflicts: Vec<String> =
            action.option_strings.iter().filter(|o| self.find_option(o).is_some()).cloned().collect();
        if !conflicts.is_empty() {
            let name = action.name()?.unwrap_or_default();
            let (s, list) = (if conflicts.len() == 1 { "" } else { "s" }, conflicts.join(", "));
            return Err(PyErr::new(&ARGUMENT_ERROR, format!("argument {}: conflicting option string{}: {}", name, s, list)));
        }
        if action.option_strings.iter().any(|o| looks_negative(o)) {
            *self.negative_number_options.borrow_mut() = true;
        }
        self.actions.borrow_mut().push(action.clone());
        let index = group.unwrap_or(if action.option_strings.is_empty() { 0 } else { 1 });
        self.groups.borrow_mut()[index].actions.push(action.clone());
        Ok(action)
    }

    fn add_subparsers(&self, a: &Args) -> PyResult<Value> {
        if *self.has_subparsers.borrow() {
            return Err(self.error("cannot have multiple subparser arguments"));
        }
        *self.has_subparsers.borrow_mut() = true;
        let kw = |name: &str| a.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
        let group = if kw("title").is_some() || kw("description").is_some() {
            let title = kw("title").map_or_else(|| "subcommands".to_string(), |v| v.to_str());
            let description = kw("description").filter(|v| !v.is_none()).map(|v| v.to_str());
            let mut groups = self.groups.borrow_mut();
            groups.push(Group { title: Some(title), description, actions: Vec::new() });
            groups.len() - 1
        } else {
            0
        };
        let prefix = match kw("prog").filter(|v| !v.is_none()) {
            Some(p) => p.to_str(),
            None => {
                let positionals: Vec<Rc<Action>> =
                    self.actions.borrow().iter().filter(|a| a.option_strings.is_empty()).cloned().collect();
                let f = self.formatter();
                let mut text = f.usage(self.usage.as_deref(), &positionals, "")?;
                text = text.trim().to_string();
                text
            }
        };
        let sub = Rc::new(Subparsers { prog_prefix: prefix, parsers: RefCell::new(Vec::new()), choices: RefCell::new(Vec::new()) });
        let action = Rc::new(Action {
            option_strings: Vec::new(),
            dest: kw("dest").filter(|v| !v.is_none() && !is_suppress(v)).map(|v| v.to_str()),
            kind: Kind::Parsers,
            nargs: Nargs::Parser,
            konst: Value::None,
            default: RefCell::new(Value::None),
            type_: Value::None,
            choices: None,
            required: kw("required").map_or(false, |v| v.truthy()),
            help: kw("help").unwrap_or(Value::None),
            metavar: kw("metavar").unwrap_or(Value::None),
            version: Value::None,
            subparsers: Some(sub.clone()),
        });
        self.add_action(action.clone(), Some(group))?;
        Ok(Value::Native(Rc::new(SubparsersHandle { action, sub })))
    }

    fn formatter(&self) -> Formatter {
        Formatter::new(&self.prog, self.style)
    }

    fn format_usage(&self) -> PyResult<String> {
        let f = self.formatter();
        Ok(f.finish(f.usage(self.usage.as_deref(), &self.actions.borrow(), "usage: ")?))
    }

    fn format_help(&self) -> PyResult<String> {
        let mut f = self.formatter();
        let groups = self.groups.borrow();
        for group in groups.iter() {
            for action in &group.actions {
                f.note_action(action, 2)?;
            }
        }
        let mut out = f.usage(self.usage.as_deref(), &self.actions.borrow(), "usage: ")?;
        out.push_str(&f.text(self.description.as_deref(), 0)?);
        for group in groups.iter() {
            let mut items = f.text(group.description.as_deref(), 2)?;
            for action in &group.actions {
                items.push_str(&f.action(action, 2)?);
            }
            if !items.is_empty() {
                out.push('\n');
                if let Some(title) = &group.title {
                    out.push_str(title);
                    out.push_str(":\n");
                }
                out.push_str(&items);
                out.push('\n');
            }
        }
        out.push_str(&f.text(self.epilog.as_deref(), 0)?);
        Ok(f.finish(out))
    }

    /// `parser.error(message)`: usage and `prog: error: message` on stderr, exit status 2.
    fn error(&self, message: &str) -> PyErr {
        let usage = self.format_usage().unwrap_or_default();
        crate::io::flush_stdout();
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{}{}: error: {}\n", usage, self.prog, message);
        let _ = stderr.flush();
        PyErr::with_args(&SYSTEM_EXIT, vec![Value::Int(2)])
    }

    fn parse_args(&self, args: Option<&Value>, ns: Option<&Value>, known: bool) -> PyResult<Value> {
        let strings: Vec<String> = match args {
            None | Some(Value::None) => std::env::args().skip(1).collect(),
            Some(v) => crate::iter::collect_vec(v)?.iter().map(|s| s.to_str()).collect(),
        };
        let ns = match ns {
            None | Some(Value::None) => Rc::new(Namespace::default()),
            Some(v) => match v {
                Value::Native(n) if n.as_any().map_or(false, |a| a.is::<Namespace>()) => {
                    let any = n.as_any().unwrap();
                    let copy = Namespace::default();
                    *copy.attrs.borrow_mut() = any.downcast_ref::<Namespace>().unwrap().attrs.borrow().clone();
                    Rc::new(copy)
                }
                _ => return type_error("namespace must be an argparse.Namespace"),
            },
        };
        let extras = self.parse_known(strings, &ns)?;
        if known {
            let extras = Value::list(extras.into_iter().map(Value::string).collect());
            return Ok(Value::tuple(vec![Value::Native(ns), extras]));
        }
        if !extras.is_empty() {
            return Err(self.error(&format!("unrecognized arguments: {}", extras.join(" "))));
        }
        Ok(Value::Native(ns))
    }

    /// `parse_known_args`: fill `ns`, return the strings no argument took.
    fn parse_known(&self, args: Vec<String>, ns: &Namespace) -> PyResult<Vec<String>> {
        for action in self.actions.borrow().iter() {
            if let Some(dest) = &action.dest {
                let default = action.default.borrow().clone();
                if ns.get(dest).is_none() && !is_suppress(&default) {
                    ns.set(dest, default);
                }
            }
        }
        for (k, v) in self.defaults.borrow().iter() {
            if ns.get(k).is_none() {
                ns.set(k, v.clone());
            }
        }
        let mut extras = match self.parse_strings(&args, ns) {
            Ok(extras) => extras,
            Err(Stop::Py(e)) => return Err(e),
            Err(Stop::Arg(message)) if self.exit_on_error => return Err(self.error(&message)),
            Err(Stop::Arg(message)) => return Err(PyErr::new(&ARGUMENT_ERROR, message)),
        };
        if let Some(more) = ns.get(UNRECOGNIZED) {
            ns.attrs.borrow_mut().retain(|(k, _)| k != UNRECOGNIZED);
            extras.extend(crate::iter::collect_vec(&more)?.iter().map(|v| v.to_str()));
        }
        Ok(extras)
    }

    /// `_parse_optional`: the action an option-looking string names, with the option
    /// string and an explicit `=value`; None for a positional argument.
    fn parse_optional(&self, arg: &str) -> Result<Option<(Option<Rc<Action>>, String, Option<String>)>, Stop> {
        if !arg.starts_with('-') {
            return Ok(None);
        }
        if let Some(action) = self.find_option(arg) {
            return Ok(Some((Some(action), arg.to_string(), None)));
        }
        if arg.chars().count() == 1 {
            return Ok(None);
        }
        if let Some((option, explicit)) = arg.split_once('=') {
            if let Some(action) = self.find_option(option) {
                return Ok(Some((Some(action), option.to_string(), Some(explicit.to_string()))));
            }
        }
        let tuples = self.option_tuples(arg);
        if tuples.len() > 1 {
            let options: Vec<&str> = tuples.iter().map(|(_, o, _)| o.as_str()).collect();
            return Err(Stop::Py(self.error(&format!("ambiguous option: {} could match {}", arg, options.join(", ")))));
        }
        if let Some((action, option, explicit)) = tuples.into_iter().next() {
            return Ok(Some((Some(action), option, explicit)));
        }
        if looks_negative(arg) && !*self.negative_number_options.borrow() {
            return Ok(None);
        }
        if arg.contains(' ') {
            return Ok(None);
        }
        Ok(Some((None, arg.to_string(), None)))
    }

    /// `_get_option_tuples`: options `arg` abbreviates (or a short option glued to its value).
    fn option_tuples(&self, arg: &str) -> Vec<(Rc<Action>, String, Option<String>)> {
        let mut out = Vec::new();
        if arg.starts_with("--") {
            if self.allow_abbrev {
                let (prefix, explicit) = match arg.split_once('=') {
                    Some((p, e)) => (p, Some(e.to_string())),
                    None => (arg, None),
                };
                for (o, action) in self.option_strings() {
                    if o.starts_with(prefix) {
                        out.push((action, o, explicit.clone()));
                    }
                }
            }
        } else {
            let cut = arg.char_indices().nth(2).map_or(arg.len(), |(i, _)| i);
            let (short, rest) = arg.split_at(cut);
            for (o, action) in self.option_strings() {
                if o == short {
                    out.push((action, o, Some(rest.to_string())));
                } else if o.starts_with(arg) {
                    out.push((action, o, None));
                }
            }
        }
        out
    }

    /// `_parse_known_args`: options and positionals consumed alternately.
    fn parse_strings(&self, args: &[String], ns: &Namespace) -> Result<Vec<String>, Stop> {
        let mut options: Vec<(usize, (Option<Rc<Action>>, String, Option<String>))> = Vec::new();
        let mut pattern = String::new();
        let mut after_dashes = false;
        for (i, arg) in args.iter().enumerate() {
            if after_dashes {
                pattern.push('A');
            } else if arg == "--" {
                pattern.push('-');
                after_dashes = true;
            } else {
                match self.parse_optional(arg)? {
                    None => pattern.push('A'),
                    Some(t) => {
                        options.push((i, t));
                        pattern.push('O');
                    }
                }
            }
        }
        let option_at = |i: usize| options.iter().find(|(j, _)| *j == i).map(|(_, t)| t.clone());
        let mut seen: Vec<*const Action> = Vec::new();
        let mut extras: Vec<String> = Vec::new();
        let mut positionals: Vec<Rc<Action>> =
            self.actions.borrow().iter().filter(|a| a.option_strings.is_empty()).cloned().collect();

        let take = |action: &Rc<Action>, strings: Vec<String>, option: Option<&str>, seen: &mut Vec<*const Action>| -> Result<(), Stop> {
            seen.push(Rc::as_ptr(action));
            let values = self.values(action, strings)?;
            if !is_suppress(&values) {
                self.act(action, ns, values, option)?;
            }
            Ok(())
        };

        let max_option = options.iter().map(|(i, _)| *i as i64).max().unwrap_or(-1);
        let mut start = 0usize;
        while (start as i64) <= max_option {
            let next_option = options.iter().map(|(i, _)| *i).filter(|i| *i >= start).min().unwrap_or(start);
            if start != next_option {
                let end = self.consume_positionals(&mut positionals, args, &pattern, start, &mut |a, s| take(a, s, None, &mut seen))?;
                if end > start {
                    start = end;
                    continue;
                }
                start = end;
            }
            if option_at(start).is_none() {
                extras.extend(args[start..next_option].iter().cloned());
                start = next_option;
            }
            // consume_optional
            let (mut action, mut option, mut explicit) = option_at(start).unwrap();
            let mut tuples: Vec<(Rc<Action>, Vec<String>, String)> = Vec::new();
            let mut stop = start + 1;
            loop {
                let act = match action {
                    None => {
                        extras.push(args[start].clone());
                        break;
                    }
                    Some(a) => a,
                };
                if let Some(arg) = explicit.clone() {
                    let count = self.match_argument(&act, "A")?;
                    if count == 0 && !option[1..].starts_with('-') && !arg.is_empty() {
                        tuples.push((act.clone(), Vec::new(), option.clone()));
                        let first: String = arg.chars().take(1).collect();
                        option = format!("-{}", first);
                        let rest: String = arg.chars().skip(1).collect();
                        match self.find_option(&option) {
                            Some(next) => {
                                action = Some(next);
                                explicit = if rest.is_empty() { None } else { Some(rest) };
                            }
                            None => {
                                return Err(arg_error(&act, format!("ignored explicit argument {}", Value::str(&arg).repr())))
                            }
                        }
                    } else if count == 1 {
                        tuples.push((act.clone(), vec![arg], option.clone()));
                        stop = start + 1;
                        break;
                    } else {
                        return Err(arg_error(&act, format!("ignored explicit argument {}", Value::str(&arg).repr())));
                    }
                } else {
                    let from = start + 1;
                    let count = self.match_argument(&act, &pattern[from..])?;
                    tuples.push((act.clone(), args[from..from + count].to_vec(), option.clone()));
                    stop = from + count;
                    break;
                }
            }
            for (act, strings, opt) in tuples {
                take(&act, strings, Some(&opt), &mut seen)?;
            }
            start = stop;
        }
        let stop = self.consume_positionals(&mut positionals, args, &pattern, start, &mut |a, s| take(a, s, None, &mut seen))?;
        extras.extend(args[stop..].iter().cloned());

        let mut missing = Vec::new();
        for action in self.actions.borrow().iter() {
            if seen.contains(&Rc::as_ptr(action)) {
                continue;
            }
            if action.required {
                missing.push(action.name()?.unwrap_or_default());
            } else if let (Some(dest), Value::Str(d)) = (&action.dest, &*action.default.borrow()) {
                if let Some(Value::Str(current)) = ns.get(dest) {
                    if Rc::ptr_eq(&current, d) {
                        let converted = self.value(action, d)?;
                        ns.set(dest, converted);
                    }
                }
            }
        }
        if !missing.is_empty() {
            return Err(Stop::Py(self.error(&format!("the following arguments are required: {}", missing.join(", ")))));
        }
        Ok(extras)
    }

    /// `consume_positionals`: as many positionals as the pattern from `start` matches.
    fn consume_positionals(
        &self,
        positionals: &mut Vec<Rc<Action>>,
        args: &[String],
        pattern: &str,
        mut start: usize,
        take: &mut dyn FnMut(&Rc<Action>, Vec<String>) -> Result<(), Stop>,
    ) -> Result<usize, Stop> {
        let counts = match_partial(positionals, &pattern[start..])?;
        let taken: Vec<Rc<Action>> = positionals.drain(..counts.len()).collect();
        for (action, count) in taken.iter().zip(counts) {
            let strings = args[start..start + count].to_vec();
            start += count;
            take(action, strings)?;
        }
        Ok(start)
    }

    /// `_match_argument`: how many strings of `pattern` the action takes, or its error.
    fn match_argument(&self, action: &Action, pattern: &str) -> Result<usize, Stop> {
        match regex_groups(&nargs_pattern(action), pattern)? {
            Some(groups) => Ok(groups[0]),
            None => Err(arg_error(
                action,
                match action.nargs {
                    Nargs::Single => "expected one argument".to_string(),
                    Nargs::Optional => "expected at most one argument".to_string(),
                    Nargs::OneOrMore => "expected at least one argument".to_string(),
                    Nargs::Exactly(1) => "expected 1 argument".to_string(),
                    Nargs::Exactly(n) => format!("expected {} arguments", n),
                    _ => "expected arguments".to_string(),
                },
            )),
        }
    }

    /// `_get_values`: the strings an action took, converted and checked.
    fn values(&self, action: &Action, mut strings: Vec<String>) -> Result<Value, Stop> {
        if !matches!(action.nargs, Nargs::Parser | Nargs::Remainder) {
            if let Some(i) = strings.iter().position(|s| s == "--") {
                strings.remove(i);
            }
        }
        let positional = action.option_strings.is_empty();
        if action.takes_no_value() {
            return Ok(Value::list(Vec::new()));
        }
        if strings.is_empty() && action.nargs == Nargs::Optional {
            let value = if positional { action.default.borrow().clone() } else { action.konst.clone() };
            return match &value {
                Value::Str(s) => {
                    let v = self.value(action, s)?;
                    self.check(action, &v)?;
                    Ok(v)
                }
                _ => Ok(value),
            };
        }
        if strings.is_empty() && action.nargs == Nargs::ZeroOrMore && positional {
            let default = action.default.borrow().clone();
            let value = if default.is_none() { Value::list(Vec::new()) } else { default };
            self.check(action, &value)?;
            return Ok(value);
        }
        if strings.len() == 1 && matches!(action.nargs, Nargs::Single | Nargs::Optional) {
            let v = self.value(action, &strings[0])?;
            self.check(action, &v)?;
            return Ok(v);
        }
        let values = strings.iter().map(|s| self.value(action, s)).collect::<Result<Vec<_>, Stop>>()?;
        match action.nargs {
            Nargs::Remainder => {}
            Nargs::Parser => self.check(action, &values[0])?,
            _ => {
                for v in &values {
                    self.check(action, v)?;
                }
            }
        }
        Ok(Value::list(values))
    }

    /// `_get_value`: one string through the action's `type`.
    fn value(&self, action: &Action, text: &str) -> Result<Value, Stop> {
        if action.type_.is_none() {
            return Ok(Value::str(text));
        }
        match crate::builtins::call(&action.type_, vec![Value::str(text)]) {
            Ok(v) => Ok(v),
            Err(e) if e.matches(&ARGUMENT_TYPE_ERROR) => Err(arg_error(action, e.message())),
            Err(e) if e.matches(&TYPE_ERROR) || e.matches(&VALUE_ERROR) => {
                let name = match crate::classes::getattr(&action.type_, "__name__") {
                    Ok(n) => n.to_str(),
                    Err(_) => action.type_.repr(),
                };
                let name = name.rsplit('.').next().unwrap_or("").to_string();
                Err(arg_error(action, format!("invalid {} value: {}", name, Value::str(text).repr())))
            }
            Err(e) => Err(Stop::Py(e)),
        }
    }

    /// `_check_value`: the value is one of the choices.
    fn check(&self, action: &Action, value: &Value) -> Result<(), Stop> {
        let choices = match action.choice_list()? {
            Some(c) => c,
            None => return Ok(()),
        };
        let found = match (&action.subparsers, &action.choices) {
            (None, Some(c)) => crate::ops::contains(c, value)?,
            _ => choices.iter().any(|c| crate::ops::values_equal(c, value)),
        };
        if found {
            return Ok(());
        }
        let listed: Vec<String> = choices.iter().map(|c| c.repr()).collect();
        Err(arg_error(action, format!("invalid choice: {} (choose from {})", value.repr(), listed.join(", "))))
    }

    /// The action's effect on the namespace (`Action.__call__`).
    fn act(&self, action: &Action, ns: &Namespace, values: Value, option: Option<&str>) -> Result<(), Stop> {
        let dest = action.dest.clone().unwrap_or_default();
        let items = |ns: &Namespace| -> PyResult<Vec<Value>> {
            match ns.get(&dest) {
                None | Some(Value::None) => Ok(Vec::new()),
                Some(v) => crate::iter::collect_vec(&v),
            }
        };
        match action.kind {
            Kind::Store => ns.set(&dest, values),
            Kind::StoreConst => ns.set(&dest, action.konst.clone()),
            Kind::BooleanOptional => ns.set(&dest, Value::Bool(!option.unwrap_or("").starts_with("--no-"))),
            Kind::Append | Kind::AppendConst | Kind::Extend => {
                let mut list = items(ns)?;
                match action.kind {
                    Kind::Append => list.push(values),
                    Kind::AppendConst => list.push(action.konst.clone()),
                    _ => list.extend(crate::iter::collect_vec(&values)?),
                }
                ns.set(&dest, Value::list(list));
            }
            Kind::Count => {
                let count = match ns.get(&dest) {
                    None | Some(Value::None) => Value::Int(0),
                    Some(v) => v,
                };
                ns.set(&dest, crate::ops::add(&count, &Value::Int(1))?);
            }
            Kind::Help => {
                crate::io::write_stdout(&self.format_help()?);
                return Err(Stop::Py(PyErr::with_args(&SYSTEM_EXIT, vec![Value::Int(0)])));
            }
            Kind::Version => {
                let f = self.formatter();
                let version = if action.version.is_none() { None } else { Some(action.version.to_str()) };
                crate::io::write_stdout(&f.finish(f.text(version.as_deref(), 0)?));
                return Err(Stop::Py(PyErr::with_args(&SYSTEM_EXIT, vec![Value::Int(0)])));
            }
            Kind::Parsers => {
                let sub = action.subparsers.as_ref().unwrap();
                let strings = crate::iter::collect_vec(&values)?;
                let name = strings[0].to_str();
                if let Some(d) = &action.dest {
                    ns.set(d, strings[0].clone());
                }
                let parser = sub.parsers.borrow().iter().find(|(n, _)| *n == name).map(|(_, p)| p.clone());
                let parser = match parser {
                    Some(p) => p,
                    None => {
                        let names: Vec<String> = sub.parsers.borrow().iter().map(|(n, _)| n.clone()).collect();
                        return Err(arg_error(
                            action,
                            format!("unknown parser {} (choices: {})", Value::str(&name).repr(), names.join(", ")),
                        ));
                    }
                };
                let inner = Namespace::default();
                let rest: Vec<String> = strings[1..].iter().map(|v| v.to_str()).collect();
                let extras = parser.parse_known(rest, &inner)?;
                for (k, v) in inner.attrs.borrow().iter() {
                    ns.set(k, v.clone());
                }
                if !extras.is_empty() {
                    let mut all = items_of(ns.get(UNRECOGNIZED))?;
                    all.extend(extras.into_iter().map(Value::string));
                    ns.set(UNRECOGNIZED, Value::list(all));
                }
            }
        }
        Ok(())
    }
}

const UNRECOGNIZED: &str = "_unrecognized_args";

fn items_of(v: Option<Value>) -> PyResult<Vec<Value>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => crate::iter::collect_vec(&v),
    }
}

/// `^-\d+$|^-\d*\.\d+$`: a string that reads as a negative number.
fn looks_negative(s: &str) -> bool {
    let rest = match s.strip_prefix('-') {
        Some(r) => r,
        None => return false,
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if !rest.is_empty() && digits(rest) {
        return true;
    }
    match rest.split_once('.') {
        Some((a, b)) => digits(a) && !b.is_empty() && digits(b),
        None => false,
    }
}

/// `_get_nargs_pattern`: the regular expression over 'A'/'O'/'-' an action's strings match.
fn nargs_pattern(action: &Action) -> String {
    let pattern = if action.takes_no_value() {
        "(-*-*)".to_string()
    } else {
        match action.nargs {
            Nargs::Single => "(-*A-*)".to_string(),
            Nargs::Optional => "(-*A?-*)".to_string(),
            Nargs::ZeroOrMore => "(-*[A-]*)".to_string(),
            Nargs::OneOrMore => "(-*A[A-]*)".to_string(),
            Nargs::Remainder => "([-AO]*)".to_string(),
            Nargs::Parser => "(-*A[-AO]*)".to_string(),
            Nargs::Exactly(n) => format!("(-*{}-*)", vec!["A"; n].join("-*")),
        }
    };
    if action.option_strings.is_empty() {
        pattern
    } else {
        pattern.replace("-*", "").replace('-', "")
    }
}

/// `re.match(pattern, text)`: the lengths of its groups, or None.
fn regex_groups(pattern: &str, text: &str) -> PyResult<Option<Vec<usize>>> {
    let m = crate::stdlib::call("re.match", vec![Value::str(pattern), Value::str(text)], Vec::new())?;
    if m.is_none() {
        return Ok(None);
    }
    let groups = crate::iter::collect_vec(&call_method(&m, "groups", Vec::new())?)?;
    Ok(Some(groups.iter().map(|g| g.as_str().map_or(0, |s| s.len())).collect()))
}

/// `_match_arguments_partial`: the longest prefix of `actions` the pattern matches.
fn match_partial(actions: &[Rc<Action>], pattern: &str) -> PyResult<Vec<usize>> {
    for i in (1..=actions.len()).rev() {
        let joined: String = actions[..i].iter().map(|a| nargs_pattern(a)).collect();
        if let Some(groups) = regex_groups(&joined, pattern)? {
            return Ok(groups);
        }
    }
    Ok(Vec::new())
}

fn as_parser(v: &Value) -> Option<&Parser> {
    match v {
        Value::Native(n) => n.as_any().and_then(|a| a.downcast_ref::<ParserObject>()).map(|p| &*p.0),
        _ => None,
    }
}

/// `os.path.basename(sys.argv[0])`: the script's name, as `python3 script.py` has it.
fn script_name() -> String {
    let script = crate::io::script_name();
    script.rsplit('/').next().unwrap_or("").to_string()
}

/// An `ArgumentParser` as a Python object.
struct ParserObject(Rc<Parser>);

fn parser_value(parser: Rc<Parser>) -> Value {
    Value::Native(Rc::new(ParserObject(parser)))
}

impl Parser {
    /// `parser.name(*args, **kw)`.
    fn method(self: &Rc<Self>, name: &str, a: Args) -> PyResult<Value> {
        match name {
            "add_argument" => self.add_argument(&a, None).map(action_value),
            "add_argument_group" => {
                let mut groups = self.groups.borrow_mut();
                groups.push(Group {
                    title: opt_string(&a, 0, "title")?,
                    description: opt_string(&a, 1, "description")?,
                    actions: Vec::new(),
                });
                Ok(Value::Native(Rc::new(GroupHandle { parser: self.clone(), index: groups.len() - 1 })))
            }
            "add_subparsers" => self.add_subparsers(&a),
            "parse_args" => self.parse_args(a.get(0, "args"), a.get(1, "namespace"), false),
            "parse_known_args" => self.parse_args(a.get(0, "args"), a.get(1, "namespace"), true),
            "set_defaults" => {
                for (k, v) in &a.kw {
                    let mut defaults = self.defaults.borrow_mut();
                    match defaults.iter_mut().find(|(d, _)| d == k) {
                        Some(slot) => slot.1 = v.clone(),
                        None => defaults.push((k.to_string(), v.clone())),
                    }
                    for action in self.actions.borrow().iter() {
                        if action.dest.as_deref() == Some(*k) {
                            *action.default.borrow_mut() = v.clone();
                        }
                    }
                }
                Ok(Value::None)
            }
            "get_default" => {
                let dest = a.text(0, "dest")?;
                for action in self.actions.borrow().iter() {
                    if action.dest.as_deref() == Some(&*dest) && !action.default.borrow().is_none() {
                        return Ok(action.default.borrow().clone());
                    }
                }
                Ok(self.defaults.borrow().iter().find(|(k, _)| **k == *dest).map_or(Value::None, |(_, v)| v.clone()))
            }
            "format_help" => Ok(Value::string(self.format_help()?)),
            "format_usage" => Ok(Value::string(self.format_usage()?)),
            "print_help" | "print_usage" => {
                let text = if name == "print_help" { self.format_help()? } else { self.format_usage()? };
                match a.get(0, "file") {
                    None | Some(Value::None) => crate::io::write_stdout(&text),
                    Some(f) => {
                        call_method(f, "write", vec![Value::string(text)])?;
                    }
                }
                Ok(Value::None)
            }
            "error" => Err(self.error(&a.text(0, "message")?)),
            "exit" => {
                if let Some(message) = a.get(1, "message").filter(|m| !m.is_none()) {
                    crate::io::flush_stdout();
                    let _ = write!(std::io::stderr(), "{}", message.to_str());
                }
                Err(PyErr::with_args(&SYSTEM_EXIT, vec![a.get(0, "status").cloned().unwrap_or(Value::Int(0))]))
            }
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'ArgumentParser' object has no attribute '{}'", name))),
        }
    }
}

impl NativeObject for ParserObject {
    fn type_name(&self) -> &'static str {
        "ArgumentParser"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        self.0.method(name, Args { method: name, pos, kw })
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let p = &self.0;
        let text = |s: &Option<String>| s.as_deref().map_or(Value::None, Value::str);
        Ok(match name {
            "prog" => Value::str(&p.prog),
            "usage" => text(&p.usage),
            "description" => text(&p.description),
            "epilog" => text(&p.epilog),
            "add_help" => Value::Bool(p.add_help),
            "allow_abbrev" => Value::Bool(p.allow_abbrev),
            "exit_on_error" => Value::Bool(p.exit_on_error),
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'ArgumentParser' object has no attribute '{}'", name))),
        })
    }
    fn repr(&self) -> String {
        let p = &self.0;
        let text = |s: &Option<String>| s.as_deref().map_or(Value::None, Value::str).repr();
        format!(
            "ArgumentParser(prog={}, usage={}, description={}, formatter_class=<class 'argparse.{}'>, conflict_handler='error', add_help={})",
            Value::str(&p.prog).repr(),
            text(&p.usage),
            text(&p.description),
            match p.style {
                Style::Plain => "HelpFormatter",
                Style::RawDescription => "RawDescriptionHelpFormatter",
                Style::RawText => "RawTextHelpFormatter",
                Style::ArgumentDefaults => "ArgumentDefaultsHelpFormatter",
            },
            if p.add_help { "True" } else { "False" }
        )
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

/// The object `add_argument` returns: the action's settings, read-only.
struct ActionHandle(Rc<Action>);

fn action_value(action: Rc<Action>) -> Value {
    Value::Native(Rc::new(ActionHandle(action)))
}

impl NativeObject for ActionHandle {
    fn type_name(&self) -> &'static str {
        "Action"
    }
    fn call_method(&self, name: &str, _pos: Vec<Value>, _kw: Vec<(&str, Value)>) -> PyResult<Value> {
        Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Action' object has no attribute '{}'", name)))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let a = &self.0;
        Ok(match name {
            "option_strings" => Value::list(a.option_strings.iter().map(|s| Value::str(s)).collect()),
            "dest" => Value::str(a.dest.as_deref().unwrap_or(SUPPRESS)),
            "nargs" => a.nargs_value(),
            "const" => a.konst.clone(),
            "default" => a.default.borrow().clone(),
            "type" => a.type_.clone(),
            "choices" => a.choices.clone().unwrap_or(Value::None),
            "required" => Value::Bool(a.required),
            "help" => a.help.clone(),
            "metavar" => a.metavar.clone(),
            _ => return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'Action' object has no attribute '{}'", name))),
        })
    }
    fn repr(&self) -> String {
        format!("Action(dest={})", Value::str(self.0.dest.as_deref().unwrap_or(SUPPRESS)).repr())
    }
}

/// `parser.add_argument_group(title, description)`: adds arguments under its own heading.
struct GroupHandle {
    parser: Rc<Parser>,
    index: usize,
}

impl NativeObject for GroupHandle {
    fn type_name(&self) -> &'static str {
        "_ArgumentGroup"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        match name {
            "add_argument" => self.parser.add_argument(&Args { method: name, pos, kw }, Some(self.index)).map(action_value),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_ArgumentGroup' object has no attribute '{}'", name))),
        }
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        let groups = self.parser.groups.borrow();
        let text = |s: &Option<String>| s.as_deref().map_or(Value::None, Value::str);
        match name {
            "title" => Ok(text(&groups[self.index].title)),
            "description" => Ok(text(&groups[self.index].description)),
            _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_ArgumentGroup' object has no attribute '{}'", name))),
        }
    }
    fn repr(&self) -> String {
        "<argparse._ArgumentGroup object>".to_string()
    }
}

/// The subcommands of a parser: their parsers by name (aliases too) and help entries.
struct Subparsers {
    prog_prefix: String,
    parsers: RefCell<Vec<(String, Rc<Parser>)>>,
    choices: RefCell<Vec<Rc<Action>>>,
}

/// What `add_subparsers()` returns: `add_parser(name, help=..., aliases=..., ...)`.
struct SubparsersHandle {
    action: Rc<Action>,
    sub: Rc<Subparsers>,
}

impl NativeObject for SubparsersHandle {
    fn type_name(&self) -> &'static str {
        "_SubParsersAction"
    }
    fn call_method(&self, name: &str, pos: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
        if name != "add_parser" {
            return Err(PyErr::new(&ATTRIBUTE_ERROR, format!("'_SubParsersAction' object has no attribute '{}'", name)));
        }
        let a = Args { method: name, pos, kw };
        let parser_name = a.text(0, "name")?.to_string();
        let aliases: Vec<String> = match a.kw.iter().find(|(k, _)| *k == "aliases") {
            Some((_, v)) => crate::iter::collect_vec(v)?.iter().map(|s| s.to_str()).collect(),
            None => Vec::new(),
        };
        for n in std::iter::once(&parser_name).chain(aliases.iter()) {
            if self.sub.parsers.borrow().iter().any(|(m, _)| m == n) {
                let what = if *n == parser_name { "subparser" } else { "subparser alias" };
                let label = self.action.name()?.unwrap_or_default();
                return Err(PyErr::new(&ARGUMENT_ERROR, format!("argument {}: conflicting {}: {}", label, what, n)));
            }
        }
        if let Some((_, help)) = a.kw.iter().find(|(k, _)| *k == "help") {
            let mut metavar = parser_name.clone();
            if !aliases.is_empty() {
                metavar = format!("{} ({})", metavar, aliases.join(", "));
            }
            self.sub.choices.borrow_mut().push(Rc::new(Action {
                option_strings: Vec::new(),
                dest: Some(parser_name.clone()),
                kind: Kind::Store,
                nargs: Nargs::Single,
                konst: Value::None,
                default: RefCell::new(Value::None),
                type_: Value::None,
                choices: None,
                required: false,
                help: help.clone(),
                metavar: Value::string(metavar),
                version: Value::None,
                subparsers: None,
            }));
        }
        let rest: Vec<(&str, Value)> =
            a.kw.iter().filter(|(k, _)| !matches!(*k, "help" | "aliases")).map(|(k, v)| (*k, v.clone())).collect();
        let parser_args = Args { method: "ArgumentParser", pos: Vec::new(), kw: rest };
        let parser = Parser::new(&parser_args, Some(format!("{} {}", self.sub.prog_prefix, parser_name)))?;
        for n in std::iter::once(parser_name).chain(aliases) {
            self.sub.parsers.borrow_mut().push((n, parser.clone()));
        }
        Ok(parser_value(parser))
    }
    fn getattr(&self, name: &str) -> PyResult<Value> {
        ActionHandle(self.action.clone()).getattr(name)
    }
    fn repr(&self) -> String {
        "<argparse._SubParsersAction object>".to_string()
    }
}

// ---- help formatting ----------------------------------------------------------------------

/// CPython's HelpFormatter, for one help or usage text.
struct Formatter {
    prog: String,
    style: Style,
    width: usize,
    max_help_position: usize,
    action_max_length: usize,
}

/// `shutil.get_terminal_size().columns`: `COLUMNS`, else the terminal's width, else 80.
fn terminal_columns() -> usize {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|v| v.trim().parse::<i64>().ok()) {
        if n > 0 {
            return n as usize;
        }
    }
    match crate::io::terminal_width() {
        Some(n) if n > 0 => n,
        _ => 80,
    }
}

impl Formatter {
    fn new(prog: &str, style: Style) -> Formatter {
        let width = terminal_columns().saturating_sub(2);
        Formatter {
            prog: prog.to_string(),
            style,
            width,
            max_help_position: 24.min(width.saturating_sub(20).max(4)),
            action_max_length: 0,
        }
    }

    /// `format_help`'s last step on the joined parts.
    fn finish(&self, text: String) -> String {
        let mut out = String::with_capacity(text.len());
        let mut newlines = 0;
        for c in text.chars() {
            if c == '\n' {
                newlines += 1;
                continue;
            }
            if newlines > 0 {
                out.push_str(if newlines >= 3 { "\n\n" } else if newlines == 2 { "\n\n" } else { "\n" });
                newlines = 0;
            }
            out.push(c);
        }
        let trimmed = out.trim_matches('\n');
        if trimmed.is_empty() {
            String::new()
        } else {
            format!("{}\n", trimmed)
        }
    }

    /// `add_argument`: widen the help column for this action's invocation.
    fn note_action(&mut self, action: &Action, indent: usize) -> PyResult<()> {
        if action.help_suppressed() {
            return Ok(());
        }
        let mut length = self.invocation(action)?.chars().count() + indent;
        if let Some(sub) = &action.subparsers {
            for choice in sub.choices.borrow().iter() {
                length = length.max(self.invocation(choice)?.chars().count() + indent + 2);
            }
        }
        self.action_max_length = self.action_max_length.max(length);
        Ok(())
    }

    fn metavar(&self, action: &Action, default: &str) -> PyResult<Vec<String>> {
        if !action.metavar.is_none() {
            if let Value::Tuple(items) = &action.metavar {
                return Ok(items.iter().map(|v| v.to_str()).collect());
            }
            return Ok(vec![action.metavar.to_str()]);
        }
        if let Some(choices) = action.choice_list()? {
            let names: Vec<String> = choices.iter().map(|c| c.to_str()).collect();
            return Ok(vec![format!("{{{}}}", names.join(","))]);
        }
        Ok(vec![default.to_string()])
    }

    fn default_metavar(action: &Action) -> String {
        let dest = action.dest.clone().unwrap_or_else(|| SUPPRESS.to_string());
        if action.option_strings.is_empty() {
            dest
        } else {
            dest.to_uppercase()
        }
    }

    /// `_format_args`.
    fn args(&self, action: &Action) -> PyResult<String> {
        let m = self.metavar(action, &Self::default_metavar(action))?;
        let one = |i: usize| m.get(i).or_else(|| m.last()).cloned().unwrap_or_default();
        if action.takes_no_value() {
            return Ok(String::new());
        }
        Ok(match action.nargs {
            Nargs::Single => one(0),
            Nargs::Optional => format!("[{}]", one(0)),
            Nargs::ZeroOrMore if m.len() == 2 => format!("[{} [{} ...]]", m[0], m[1]),
            Nargs::ZeroOrMore => format!("[{} ...]", one(0)),
            Nargs::OneOrMore => format!("{} [{} ...]", one(0), one(1)),
            Nargs::Remainder => "...".to_string(),
            Nargs::Parser => format!("{} ...", one(0)),
            Nargs::Exactly(n) => (0..n).map(one).collect::<Vec<_>>().join(" "),
        })
    }

    /// `_format_action_invocation`: `-v, --verbose` or `-o FILE, --output FILE`.
    fn invocation(&self, action: &Action) -> PyResult<String> {
        if action.option_strings.is_empty() {
            return Ok(self.metavar(action, &Self::default_metavar(action))?[0].clone());
        }
        if action.takes_no_value() {
            return Ok(action.option_strings.join(", "));
        }
        let args = self.args(action)?;
        Ok(action.option_strings.iter().map(|o| format!("{} {}", o, args)).collect::<Vec<_>>().join(", "))
    }

    /// `_format_actions_usage` (no mutually exclusive groups).
    fn actions_usage(&self, actions: &[Rc<Action>]) -> PyResult<String> {
        let mut parts = Vec::new();
        for action in actions {
            if action.help_suppressed() {
                continue;
            }
            if action.option_strings.is_empty() {
                parts.push(self.args(action)?);
                continue;
            }
            let mut part = if action.takes_no_value() {
                if action.kind == Kind::BooleanOptional {
                    action.option_strings.join(" | ")
                } else {
                    action.option_strings[0].clone()
                }
            } else {
                format!("{} {}", action.option_strings[0], self.args(action)?)
            };
            if !action.required {
                part = format!("[{}]", part);
            }
            parts.push(part);
        }
        Ok(parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ").trim().to_string())
    }

    /// `_format_usage`: `usage: prog [-h] ...` wrapped as CPython wraps it, then a blank line.
    fn usage(&self, usage: Option<&str>, actions: &[Rc<Action>], prefix: &str) -> PyResult<String> {
        let text = if let Some(u) = usage {
            percent_prog(u, &self.prog)?
        } else if actions.is_empty() {
            self.prog.clone()
        } else {
            let optionals: Vec<Rc<Action>> = actions.iter().filter(|a| !a.option_strings.is_empty()).cloned().collect();
            let positionals: Vec<Rc<Action>> = actions.iter().filter(|a| a.option_strings.is_empty()).cloned().collect();
            let all: Vec<Rc<Action>> = optionals.iter().chain(positionals.iter()).cloned().collect();
            let action_usage = self.actions_usage(&all)?;
            let full = [self.prog.clone(), action_usage].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" ");
            let text_width = self.width;
            if prefix.chars().count() + full.chars().count() > text_width {
                let opt_parts = usage_parts(&self.actions_usage(&optionals)?)?;
                let pos_parts = usage_parts(&self.actions_usage(&positionals)?)?;
                let prog = self.prog.clone();
                let lines: Vec<String> = if (prefix.chars().count() + prog.chars().count()) as f64 <= 0.75 * text_width as f64 {
                    let indent = " ".repeat(prefix.chars().count() + prog.chars().count() + 1);
                    if !opt_parts.is_empty() {
                        let mut first = vec![prog.clone()];
                        first.extend(opt_parts.iter().cloned());
                        let mut lines = wrap_parts(&first, &indent, Some(prefix), text_width);
                        lines.extend(wrap_parts(&pos_parts, &indent, None, text_width));
                        lines
                    } else if !pos_parts.is_empty() {
                        let mut first = vec![prog.clone()];
                        first.extend(pos_parts.iter().cloned());
                        wrap_parts(&first, &indent, Some(prefix), text_width)
                    } else {
                        vec![prog.clone()]
                    }
                } else {
                    let indent = " ".repeat(prefix.chars().count());
                    let all_parts: Vec<String> = opt_parts.iter().chain(pos_parts.iter()).cloned().collect();
                    let mut lines = wrap_parts(&all_parts, &indent, None, text_width);
                    if lines.len() > 1 {
                        lines = wrap_parts(&opt_parts, &indent, None, text_width);
                        lines.extend(wrap_parts(&pos_parts, &indent, None, text_width));
                    }
                    let mut with_prog = vec![prog.clone()];
                    with_prog.extend(lines);
                    with_prog
                };
                lines.join("\n")
            } else {
                full
            }
        };
        Ok(format!("{}{}\n\n", prefix, text))
    }

    /// `_format_text`: a description or epilog, filled at `indent`.
    fn text(&self, text: Option<&str>, indent: usize) -> PyResult<String> {
        let text = match text {
            None => return Ok(String::new()),
            Some(t) if t == SUPPRESS => return Ok(String::new()),
            Some(t) => t,
        };
        let text = if text.contains("%(prog)") { percent_prog(text, &self.prog)? } else { text.to_string() };
        let width = self.width.saturating_sub(indent).max(11);
        let pad = " ".repeat(indent);
        let filled = if matches!(self.style, Style::RawDescription | Style::RawText) {
            split_lines_keepends(&text).iter().map(|l| format!("{}{}", pad, l)).collect::<String>()
        } else {
            let kw = vec![("initial_indent", Value::str(&pad)), ("subsequent_indent", Value::str(&pad))];
            let args = vec![Value::string(squash_whitespace(&text)), Value::Int(width as i64)];
            crate::stdlib::call("textwrap.fill", args, kw)?.to_str()
        };
        Ok(format!("{}\n\n", filled))
    }

    /// `_format_action`: the invocation, then the help in its column.
    fn action(&self, action: &Action, indent: usize) -> PyResult<String> {
        if action.help_suppressed() {
            return Ok(String::new());
        }
        let help_position = (self.action_max_length + 2).min(self.max_help_position);
        let help_width = self.width.saturating_sub(help_position).max(11);
        let action_width = help_position.saturating_sub(indent + 2);
        let header = self.invocation(action)?;
        let raw_help = if action.help.is_none() { String::new() } else { action.help.to_str() };
        let has_help = !raw_help.is_empty();
        let mut out;
        let indent_first;
        if !has_help {
            out = format!("{}{}\n", " ".repeat(indent), header);
            indent_first = 0;
        } else if header.chars().count() <= action_width {
            out = format!("{}{:<w$}  ", " ".repeat(indent), header, w = action_width);
            indent_first = 0;
        } else {
            out = format!("{}{}\n", " ".repeat(indent), header);
            indent_first = help_position;
        }
        match self.help_string(action) {
            Some(h) if !raw_help.trim().is_empty() => {
                let expanded = self.expand_help(action, &h)?;
                let lines = self.split_lines(&expanded, help_width)?;
                if !expanded.is_empty() {
                    if let Some(first) = lines.first() {
                        out.push_str(&format!("{}{}\n", " ".repeat(indent_first), first));
                    } else {
                        out.push_str(&format!("{}\n", " ".repeat(indent_first)));
                    }
                    for line in lines.iter().skip(1) {
                        out.push_str(&format!("{}{}\n", " ".repeat(help_position), line));
                    }
                }
            }
            _ => {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
        if let Some(sub) = &action.subparsers {
            for choice in sub.choices.borrow().iter() {
                out.push_str(&self.action(choice, indent + 2)?);
            }
        }
        Ok(out)
    }

    /// `_get_help_string`: the help, with ` (default: ...)` for ArgumentDefaultsHelpFormatter.
    fn help_string(&self, action: &Action) -> Option<String> {
        let help = if action.help.is_none() { None } else { Some(action.help.to_str()) };
        if self.style != Style::ArgumentDefaults {
            return help;
        }
        let mut help = help.unwrap_or_default();
        if !help.contains("%(default)")
            && !is_suppress(&action.default.borrow())
            && (!action.option_strings.is_empty() || matches!(action.nargs, Nargs::Optional | Nargs::ZeroOrMore))
        {
            help.push_str(" (default: %(default)s)");
        }
        Some(help)
    }

    /// `_expand_help`: `%(default)s`, `%(prog)s`, `%(choices)s`... in the help text.
    fn expand_help(&self, action: &Action, help: &str) -> PyResult<String> {
        if !help.contains('%') {
            return Ok(help.to_string());
        }
        let mut table = Dict::new();
        let mut put = |k: &str, v: Value| {
            if !is_suppress(&v) {
                table.insert(Value::str(k), v);
            }
        };
        put("option_strings", Value::list(action.option_strings.iter().map(|s| Value::str(s)).collect()));
        put("dest", Value::str(action.dest.as_deref().unwrap_or(SUPPRESS)));
        put("nargs", action.nargs_value());
        put("const", action.konst.clone());
        put("default", action.default.borrow().clone());
        let type_name = match &action.type_ {
            Value::None => Value::None,
            t => crate::classes::getattr(t, "__name__").unwrap_or_else(|_| t.clone()),
        };
        put("type", type_name);
        let choices = match action.choice_list()? {
            Some(c) => Value::string(c.iter().map(|v| v.to_str()).collect::<Vec<_>>().join(", ")),
            None => Value::None,
        };
        put("choices", choices);
        put("required", Value::Bool(action.required));
        put("help", action.help.clone());
        put("metavar", action.metavar.clone());
        put("prog", Value::str(&self.prog));
        Ok(crate::strformat::percent(help, &Value::dict(table))?.to_str())
    }

    /// `_split_lines`: whitespace squashed, wrapped to `width` (RawText: the lines as given).
    fn split_lines(&self, text: &str, width: usize) -> PyResult<Vec<String>> {
        if self.style == Style::RawText {
            return Ok(text.lines().map(|l| l.to_string()).collect());
        }
        let wrapped = crate::stdlib::call(
            "textwrap.wrap",
            vec![Value::string(squash_whitespace(text)), Value::Int(width as i64)],
            Vec::new(),
        )?;
        Ok(crate::iter::collect_vec(&wrapped)?.iter().map(|v| v.to_str()).collect())
    }
}

fn percent_prog(text: &str, prog: &str) -> PyResult<String> {
    let mut table = Dict::new();
    table.insert(Value::str("prog"), Value::str(prog));
    Ok(crate::strformat::percent(text, &Value::dict(table))?.to_str())
}

/// `re.sub(r'\s+', ' ', text, flags=re.ASCII).strip()`.
fn squash_whitespace(text: &str) -> String {
    let ascii_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    text.split(ascii_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn split_lines_keepends(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        line.push(c);
        if c == '\n' {
            out.push(std::mem::take(&mut line));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// The wrappable pieces of a usage line: bracketed groups stay whole.
fn usage_parts(text: &str) -> PyResult<Vec<String>> {
    let found = crate::stdlib::call(
        "re.findall",
        vec![Value::str(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+"), Value::str(text)],
        Vec::new(),
    )?;
    Ok(crate::iter::collect_vec(&found)?.iter().map(|v| v.to_str()).collect())
}

/// `get_lines` of `_format_usage`: parts filled into lines of `width`.
fn wrap_parts(parts: &[String], indent: &str, prefix: Option<&str>, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line: Vec<&str> = Vec::new();
    let start = prefix.map_or(indent.chars().count(), |p| p.chars().count()) as i64 - 1;
    let mut len = start;
    for part in parts {
        let n = part.chars().count() as i64;
        if len + 1 + n > width as i64 && !line.is_empty() {
            lines.push(format!("{}{}", indent, line.join(" ")));
            line.clear();
            len = indent.chars().count() as i64 - 1;
        }
        line.push(part);
        len += n + 1;
    }
    if !line.is_empty() {
        lines.push(format!("{}{}", indent, line.join(" ")));
    }
    if prefix.is_some() && !lines.is_empty() {
        lines[0] = lines[0][indent.len()..].to_string();
    }
    lines
}
