//! Python `re` (CPython 3.11) regular expressions for translated programs.
//!
//! Patterns are parsed with the syntax rules and error messages of
//! `re._parser`, compiled once into a small instruction program, and run by a
//! backtracking VM that keeps every choice point on an explicit heap stack, so
//! matching never recurses per input character.  Repeats follow sre's rules
//! (an iteration that matched empty ends a loop), captures and `lastindex`
//! are restored on backtracking, and the search/sub/split drivers use the
//! Python 3.7+ empty-match rules.  All positions are char offsets.
//!
//! Supported beyond the basics: atomic groups `(?>...)`, possessive
//! quantifiers, conditionals `(?(1)yes|no)`, the ASCII flag.  Not supported:
//! `\N{name}` escapes (a compile error) and the LOCALE flag (rejected, as
//! CPython does for str patterns).

use std::fmt;
use std::rc::Rc;

/// `re.IGNORECASE`.
pub const IGNORECASE: u32 = 2;
/// `re.LOCALE` (rejected for str patterns, as in Python).
pub const LOCALE: u32 = 4;
/// `re.MULTILINE`.
pub const MULTILINE: u32 = 8;
/// `re.DOTALL`.
pub const DOTALL: u32 = 16;
/// `re.UNICODE` (the default for str patterns).
pub const UNICODE: u32 = 32;
/// `re.VERBOSE`.
pub const VERBOSE: u32 = 64;
/// `re.ASCII`.
pub const ASCII: u32 = 256;

const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
/// sre's MAXREPEAT; also the "unbounded" marker for repeat maxima.
const INF: u32 = u32::MAX;
/// Marker for an unset capture slot or repeat position.
const NONE: usize = usize::MAX;
/// sre's MAXGROUPS on 64-bit builds.
const MAXGROUPS: usize = 1_073_741_823;
/// Limit on the parser's nesting counter (two steps per parenthesis), close
/// 200 levels: enough for real patterns and safe on 2 MB thread stacks
/// (CPython itself gives up with RecursionError near 490 levels).
const MAX_NESTING: usize = 400;

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// A compiled pattern (`re.Pattern`). Cloning is cheap.
#[derive(Clone)]
pub struct Regex {
    prog: Rc<Prog>,
}

/// A successful match (`re.Match`); owns the subject text as chars.
#[derive(Clone)]
pub struct Match {
    prog: Rc<Prog>,
    text: Rc<[char]>,
    /// Two char offsets per group (group 0 first), `NONE` when unmatched.
    slots: Vec<usize>,
    pos: usize,
    endpos: usize,
    lastindex: usize,
}

/// One element of `re.findall`'s result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindAllItem {
    /// Whole match (no groups) or the single group's text.
    Text(String),
    /// One text per group when the pattern has several groups.
    Tuple(Vec<String>),
}

impl fmt::Debug for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "re.compile({:?}, {})",
            self.prog.pattern, self.prog.flags
        )
    }
}

impl fmt::Debug for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<re.Match object; span=({}, {}), match={:?}>",
            self.slots[0],
            self.slots[1],
            self.group(0).unwrap_or_default()
        )
    }
}

/// How a match attempt must be anchored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

impl Regex {
    /// Compiles `pattern` with Python flag bits; errors carry CPython's text.
    pub fn new(pattern: &str, flags: u32) -> Result<Regex, String> {
        let parsed = Parser::parse(pattern, flags)?;
        let prog = compile(parsed, pattern)?;
        Ok(Regex {
            prog: Rc::new(prog),
        })
    }

    /// Number of capturing groups (`Pattern.groups`).
    pub fn groups(&self) -> usize {
        self.prog.ngroups
    }

    /// Group number for a `(?P<name>...)` group.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.prog.group_index(name)
    }

    /// `Pattern.groupindex` in definition order.
    pub fn group_names(&self) -> Vec<(String, usize)> {
        self.prog.names.clone()
    }

    /// The source pattern.
    pub fn pattern(&self) -> &str {
        &self.prog.pattern
    }

    /// `Pattern.flags`, including inline flags and the implied UNICODE bit.
    pub fn flags(&self) -> u32 {
        self.prog.flags
    }

    /// `Pattern.match`: anchored at `pos`.
    pub fn match_at(&self, text: &str, pos: usize, endpos: Option<usize>) -> Option<Match> {
        self.run_once(text, pos, endpos, Mode::Match)
    }

    /// `Pattern.fullmatch`: must span exactly `pos..endpos`.
    pub fn fullmatch(&self, text: &str, pos: usize, endpos: Option<usize>) -> Option<Match> {
        self.run_once(text, pos, endpos, Mode::FullMatch)
    }

    /// `Pattern.search`: first match at or after `pos`.
    pub fn search(&self, text: &str, pos: usize, endpos: Option<usize>) -> Option<Match> {
        self.run_once(text, pos, endpos, Mode::Search)
    }

    /// `Pattern.finditer` over the whole text.
    pub fn find_iter(&self, text: &str) -> Vec<Match> {
        self.find_iter_range(text, 0, None)
    }

    /// `Pattern.finditer(text, pos, endpos)`.
    pub fn find_iter_range(&self, text: &str, pos: usize, endpos: Option<usize>) -> Vec<Match> {
        let chars: Rc<[char]> = text.chars().collect();
        self.scan(&chars, pos, endpos, 0)
    }

    /// `Pattern.findall`.
    pub fn findall(&self, text: &str) -> Vec<FindAllItem> {
        let n = self.prog.ngroups;
        let texts = |m: &Match, g: usize| m.group(g).unwrap_or_default();
        self.find_iter(text)
            .iter()
            .map(|m| match n {
                0 => FindAllItem::Text(texts(m, 0)),
                1 => FindAllItem::Text(texts(m, 1)),
                _ => FindAllItem::Tuple((1..=n).map(|g| texts(m, g)).collect()),
            })
            .collect()
    }

    /// `Pattern.subn(repl, text, count)` with a template string; `count == 0`
    /// replaces all.
    pub fn sub(&self, repl: &str, text: &str, count: usize) -> Result<(String, usize), String> {
        let template = parse_template(repl, &self.prog)?;
        self.sub_fn(text, count, &mut |m: &Match| {
            Ok(expand_template(&template, m))
        })
    }

    /// `Pattern.subn` with a callable replacement; its errors are passed on.
    pub fn sub_fn(
        &self,
        text: &str,
        count: usize,
        f: &mut dyn FnMut(&Match) -> Result<String, String>,
    ) -> Result<(String, usize), String> {
        let chars: Rc<[char]> = text.chars().collect();
        let matches = self.scan(&chars, 0, None, count);
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for m in &matches {
            out.extend(chars[last..m.slots[0]].iter());
            out.push_str(&f(m)?);
            last = m.slots[1];
        }
        out.extend(chars[last..].iter());
        Ok((out, matches.len()))
    }

    /// `Pattern.split`; captured groups are interleaved, `None` when unmatched.
    pub fn split(&self, text: &str, maxsplit: usize) -> Vec<Option<String>> {
        let chars: Rc<[char]> = text.chars().collect();
        let mut out = Vec::new();
        let mut last = 0;
        for m in self.scan(&chars, 0, None, maxsplit) {
            out.push(Some(chars[last..m.slots[0]].iter().collect()));
            out.extend((1..=self.prog.ngroups).map(|g| m.group(g)));
            last = m.slots[1];
        }
        out.push(Some(chars[last..].iter().collect()));
        out
    }

    fn run_once(&self, text: &str, pos: usize, endpos: Option<usize>, mode: Mode) -> Option<Match> {
        let chars: Rc<[char]> = text.chars().collect();
        let (pos, endpos) = clamp(chars.len(), pos, endpos)?;
        let mut vm = Vm::new(&self.prog, &chars[..endpos]);
        let span = match mode {
            Mode::Search => vm.search(pos, false),
            _ => vm
                .try_at(pos, false, mode == Mode::FullMatch)
                .map(|e| (pos, e)),
        }?;
        Some(self.make_match(&vm, &chars, span, pos, endpos))
    }

    /// All successive matches with Python's must-advance rule for empty
    /// matches; `limit == 0` means no limit.
    fn scan(
        &self,
        chars: &Rc<[char]>,
        pos: usize,
        endpos: Option<usize>,
        limit: usize,
    ) -> Vec<Match> {
        let mut out = Vec::new();
        let (mut pos, endpos) = match clamp(chars.len(), pos, endpos) {
            Some(p) => p,
            None => return out,
        };
        let start_pos = pos;
        let mut vm = Vm::new(&self.prog, &chars[..endpos]);
        let mut must_advance = false;
        while limit == 0 || out.len() < limit {
            let (s, e) = match vm.search(pos, must_advance) {
                Some(span) => span,
                None => break,
            };
            out.push(self.make_match(&vm, chars, (s, e), start_pos, endpos));
            must_advance = s == e;
            pos = e;
        }
        out
    }

    fn make_match(
        &self,
        vm: &Vm,
        chars: &Rc<[char]>,
        span: (usize, usize),
        pos: usize,
        endpos: usize,
    ) -> Match {
        let mut slots = vm.slots.clone();
        slots[0] = span.0;
        slots[1] = span.1;
        Match {
            prog: self.prog.clone(),
            text: chars.clone(),
            slots,
            pos,
            endpos,
            lastindex: vm.lastindex,
        }
    }
}

/// Clamps `pos`/`endpos` like sre's state_init; `None` when no match is possible.
fn clamp(len: usize, pos: usize, endpos: Option<usize>) -> Option<(usize, usize)> {
    let endpos = endpos.map_or(len, |e| e.min(len));
    let pos = pos.min(len);
    if pos > endpos {
        None
    } else {
        Some((pos, endpos))
    }
}

impl Match {
    /// Start offset of group `g`; `None` if unmatched or out of range.
    pub fn start(&self, g: usize) -> Option<usize> {
        self.span(g).map(|s| s.0)
    }

    /// End offset of group `g`; `None` if unmatched or out of range.
    pub fn end(&self, g: usize) -> Option<usize> {
        self.span(g).map(|s| s.1)
    }

    /// `(start, end)` of group `g`; `None` where Python gives `(-1, -1)` or
    /// raises IndexError.
    pub fn span(&self, g: usize) -> Option<(usize, usize)> {
        let s = *self.slots.get(2 * g)?;
        let e = *self.slots.get(2 * g + 1)?;
        if s == NONE || e == NONE {
            None
        } else {
            Some((s, e))
        }
    }

    /// Text of group `g`; `None` if unmatched or out of range.
    pub fn group(&self, g: usize) -> Option<String> {
        self.span(g).map(|(s, e)| self.text[s..e].iter().collect())
    }

    /// `Match.groups()` (default `None`).
    pub fn groups(&self) -> Vec<Option<String>> {
        (1..=self.prog.ngroups).map(|g| self.group(g)).collect()
    }

    /// `Match.group(name)`: outer `None` if there is no such group.
    pub fn group_by_name(&self, name: &str) -> Option<Option<String>> {
        self.prog.group_index(name).map(|g| self.group(g))
    }

    /// `Match.groupdict()` in definition order.
    pub fn groupdict(&self) -> Vec<(String, Option<String>)> {
        self.prog
            .names
            .iter()
            .map(|(n, g)| (n.clone(), self.group(*g)))
            .collect()
    }

    /// The `pos` argument the match was made with.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The (clamped) `endpos` argument the match was made with.
    pub fn endpos(&self) -> usize {
        self.endpos
    }

    /// `Match.lastindex`.
    pub fn lastindex(&self) -> Option<usize> {
        if self.lastindex == 0 {
            None
        } else {
            Some(self.lastindex)
        }
    }

    /// `Match.lastgroup`.
    pub fn lastgroup(&self) -> Option<String> {
        let last = self.lastindex()?;
        self.prog
            .names
            .iter()
            .find(|(_, g)| *g == last)
            .map(|(n, _)| n.clone())
    }

    /// `Match.string`.
    pub fn string(&self) -> String {
        self.text.iter().collect()
    }

    /// `Match.expand(template)`.
    pub fn expand(&self, template: &str) -> Result<String, String> {
        Ok(expand_template(
            &parse_template(template, &self.prog)?,
            self,
        ))
    }
}

/// `re.escape`: backslash before the characters Python 3.7+ escapes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "()[]{}?*+-|^$\\.&~# \t\n\r\u{b}\u{c}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Formats an error like `re.error.__str__`, with line/column for multi-line sources.
fn error_at(msg: &str, src: &[char], pos: usize) -> String {
    let mut s = format!("{} at position {}", msg, pos);
    if src.contains(&'\n') {
        let before = &src[..pos.min(src.len())];
        let line = before.iter().filter(|&&c| c == '\n').count() + 1;
        let col = match before.iter().rposition(|&c| c == '\n') {
            Some(k) => pos - k,
            None => pos + 1,
        };
        s.push_str(&format!(" (line {}, column {})", line, col));
    }
    s
}

/// Python's `repr()` of a str, as used inside error messages.
fn py_repr(s: &str) -> String {
    crate::format::python_str_repr(s)
}

/// Approximates `str.isidentifier()` for group names.
fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || c.is_alphabetic() => it.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Parser: pattern text -> Node tree (mirrors re._parser, including messages)
// ---------------------------------------------------------------------------

/// Case-insensitivity in effect for a literal, set or backreference.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fold {
    None,
    Unicode,
    Ascii,
}

/// Zero-width position tests.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Anchor {
    /// `^` without MULTILINE, `\A`.
    Begin,
    /// `^` with MULTILINE.
    BeginLine,
    /// `$` without MULTILINE: end or before a final newline.
    End,
    /// `$` with MULTILINE.
    EndLine,
    /// `\Z`.
    EndText,
    /// `\b`; the flag selects ASCII word characters.
    Boundary(bool),
    /// `\B`.
    NonBoundary(bool),
}

/// Character categories of `\d \s \w` and their negations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Category {
    Digit,
    Space,
    Word,
}

#[derive(Clone, Debug)]
enum ClassItem {
    /// Code point range; may include surrogates, which never occur in text.
    Range(u32, u32),
    /// Category, negated flag, ASCII-only flag.
    Cat(Category, bool, bool),
}

/// A character set `[...]` (also used for `\d` etc. and ASCII-folded literals).
#[derive(Clone, Debug)]
struct ClassSet {
    negated: bool,
    fold: Fold,
    items: Vec<ClassItem>,
    /// Precomputed answers for ASCII characters.
    ascii: [u64; 2],
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RepKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Debug)]
enum Node {
    Empty,
    /// A code point (possibly a lone surrogate from `\ud800`, which never matches).
    Lit(u32, Fold),
    Any(bool),
    Set(ClassSet),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Group(Option<usize>, Box<Node>),
    Repeat(Box<Node>, u32, u32, RepKind),
    Assert(Anchor),
    Backref(usize, Fold),
    /// Lookaround: behind?, negated?, body, body width (min, max).
    Look(bool, bool, Box<Node>, (usize, usize)),
    Atomic(Box<Node>),
    /// `(?(group)yes|no)`.
    Cond(usize, Box<Node>, Box<Node>),
}

/// One element of a class before ranges are formed.
enum ClassAtom {
    Lit(u32),
    Cat(Category, bool),
}

struct Parser {
    p: Vec<char>,
    i: usize,
    /// Furthest position read before a backtrack to re-scan (for `{` literals).
    high_water: usize,
    /// Global flags (argument plus leading inline flags).
    flags: u32,
    /// Groups opened so far, plus one (sre's `state.groups`).
    groups: usize,
    /// Width of each closed group; `None` while the group is open.
    widths: Vec<Option<(usize, usize)>>,
    names: Vec<(String, usize)>,
    /// First group number defined inside the lookbehind being parsed.
    lookbehind_groups: Option<usize>,
    /// Numeric `(?(N)...)` references, validated once all groups are known.
    cond_refs: Vec<(usize, usize)>,
}

/// Result of parsing: the tree plus what the compiler needs from the parser.
struct Parsed {
    node: Node,
    flags: u32,
    ngroups: usize,
    names: Vec<(String, usize)>,
}

/// Index of a final backslash that has nothing left to escape.
fn unpaired_backslash(p: &[char]) -> Option<usize> {
    let trailing = p.iter().rev().take_while(|&&c| c == '\\').count();
    if trailing % 2 == 1 {
        Some(p.len() - 1)
    } else {
        None
    }
}

fn fold_mode(fl: u32) -> Fold {
    if fl & IGNORECASE == 0 {
        Fold::None
    } else if fl & ASCII != 0 {
        Fold::Ascii
    } else {
        Fold::Unicode
    }
}

fn flag_value(c: char) -> Option<u32> {
    match c {
        'i' => Some(IGNORECASE),
        'L' => Some(LOCALE),
        'm' => Some(MULTILINE),
        's' => Some(DOTALL),
        'x' => Some(VERBOSE),
        'a' => Some(ASCII),
        'u' => Some(UNICODE),
        _ => None,
    }
}

/// sre's `_combine_flags` for a scoped `(?flags-flags:...)` group.
fn combine_flags(fl: u32, add: u32, del: u32) -> u32 {
    let base = if add & TYPE_FLAGS != 0 {
        fl & !TYPE_FLAGS
    } else {
        fl
    };
    (base | add) & !del
}

fn is_pattern_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

fn is_oct(c: char) -> bool {
    ('0'..='7').contains(&c)
}

fn seq(mut items: Vec<Node>) -> Node {
    match items.len() {
        0 => Node::Empty,
        1 => items.pop().unwrap_or(Node::Empty),
        _ => Node::Cat(items),
    }
}

impl Parser {
    fn parse(pattern: &str, flags: u32) -> Result<Parsed, String> {
        let p: Vec<char> = pattern.chars().collect();
        let bad_end = unpaired_backslash(&p);
        let mut ps = Parser {
            p,
            i: 0,
            high_water: 0,
            flags,
            groups: 1,
            widths: vec![Some((0, 0))],
            names: Vec::new(),
            lookbehind_groups: None,
            cond_refs: Vec::new(),
        };
        let result = ps.parse_all();
        match bad_end {
            // sre's tokenizer fails as soon as it steps onto the lone final
            // backslash, pre-empting any error found later.
            Some(b) if result.is_ok() || ps.i.max(ps.high_water) >= b => {
                Err(error_at("bad escape (end of pattern)", &ps.p, b))
            }
            _ => result,
        }
    }

    /// The whole pattern plus the checks sre makes once parsing is done.
    fn parse_all(&mut self) -> Result<Parsed, String> {
        let node = self.parse_sub(0, None)?;
        let flags = fix_flags(self.flags)?;
        if self.peek().is_some() {
            return Err(self.err("unbalanced parenthesis", self.i));
        }
        for &(g, pos) in &self.cond_refs {
            if g >= self.groups {
                return Err(self.err(&format!("invalid group reference {}", g), pos));
            }
        }
        Ok(Parsed {
            node,
            flags,
            ngroups: self.groups - 1,
            names: std::mem::take(&mut self.names),
        })
    }

    fn err(&self, msg: &str, pos: usize) -> String {
        error_at(msg, &self.p, pos)
    }

    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Consumes one sre token (a char, or a backslash and the next char).
    fn next_token(&mut self) -> Option<String> {
        let c = self.next()?;
        let mut t = c.to_string();
        if c == '\\' {
            t.extend(self.next());
        }
        Some(t)
    }

    /// Source text of the token starting at `start`.
    fn token_text(&self, start: usize) -> String {
        let len = if self.p.get(start) == Some(&'\\') {
            2
        } else {
            1
        };
        self.p[start..(start + len).min(self.p.len())]
            .iter()
            .collect()
    }

    /// `getwhile`: up to `n` chars satisfying `ok`.
    fn take_while(&mut self, n: usize, ok: fn(char) -> bool) -> String {
        let mut s = String::new();
        while s.len() < n {
            match self.peek() {
                Some(c) if ok(c) => {
                    s.push(c);
                    self.i += 1;
                }
                _ => break,
            }
        }
        s
    }

    /// `getuntil`: a name up to `term`, with sre's "missing" errors.
    fn get_until(&mut self, term: char, what: &str) -> Result<String, String> {
        let mut name = String::new();
        loop {
            let start = self.i;
            match self.next_token() {
                None if name.is_empty() => {
                    return Err(self.err(&format!("missing {}", what), self.i))
                }
                None => {
                    let msg = format!("missing {}, unterminated name", term);
                    return Err(self.err(&msg, self.i - name.chars().count()));
                }
                Some(t) if t.len() == 1 && t.starts_with(term) => {
                    if name.is_empty() {
                        return Err(self.err(&format!("missing {}", what), start));
                    }
                    return Ok(name);
                }
                Some(t) => name.push_str(&t),
            }
        }
    }

    fn check_group_name(&self, name: &str, offset: usize) -> Result<(), String> {
        if is_identifier(name) {
            Ok(())
        } else {
            let msg = format!("bad character in group name {}", py_repr(name));
            Err(self.err(&msg, self.i - name.chars().count() - offset))
        }
    }

    fn check_group(&self, g: usize) -> bool {
        g < self.groups && self.widths[g].is_some()
    }

    fn check_lookbehind_group(&self, g: usize) -> Result<(), String> {
        if let Some(first) = self.lookbehind_groups {
            if !self.check_group(g) {
                return Err(self.err("cannot refer to an open group", self.i));
            }
            if g >= first {
                let msg = "cannot refer to group defined in the same lookbehind subpattern";
                return Err(self.err(msg, self.i));
            }
        }
        Ok(())
    }

    /// Alternation (`_parse_sub`). `scope` is `None` at top level, where the
    /// global flags may still change; otherwise the effective flags.
    fn parse_sub(&mut self, nested: usize, scope: Option<u32>) -> Result<Node, String> {
        if nested > MAX_NESTING {
            return Err("maximum recursion depth exceeded".to_string());
        }
        let mut alts = Vec::new();
        loop {
            let first = nested == 0 && alts.is_empty();
            alts.push(self.parse_seq(nested + 1, first, scope)?);
            if !self.eat('|') {
                break;
            }
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    /// A sequence of items up to `|`, `)` or the end (`_parse`).
    fn parse_seq(
        &mut self,
        nested: usize,
        first: bool,
        scope: Option<u32>,
    ) -> Result<Node, String> {
        let mut items: Vec<Node> = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            self.i += 1;
            let fl = scope.unwrap_or(self.flags);
            if fl & VERBOSE != 0 {
                if is_pattern_space(c) {
                    continue;
                }
                if c == '#' {
                    while let Some(t) = self.next_token() {
                        if t == "\n" {
                            break;
                        }
                    }
                    continue;
                }
            }
            match c {
                '\\' => {
                    let node = self.parse_escape(fl)?;
                    items.push(node);
                }
                '[' => {
                    let node = self.parse_class(fl)?;
                    items.push(node);
                }
                '*' | '+' | '?' | '{' => self.parse_repeat(c, &mut items)?,
                '.' => items.push(Node::Any(fl & DOTALL != 0)),
                '(' => self.parse_group(nested, first, fl, &mut items)?,
                '^' => items.push(Node::Assert(if fl & MULTILINE != 0 {
                    Anchor::BeginLine
                } else {
                    Anchor::Begin
                })),
                '$' => items.push(Node::Assert(if fl & MULTILINE != 0 {
                    Anchor::EndLine
                } else {
                    Anchor::End
                })),
                _ => items.push(Node::Lit(c as u32, fold_mode(fl))),
            }
        }
        Ok(seq(items))
    }

    fn parse_repeat(&mut self, c: char, items: &mut Vec<Node>) -> Result<(), String> {
        let here = self.i;
        let (min, max) = match c {
            '?' => (0, 1),
            '*' => (0, INF),
            '+' => (1, INF),
            _ => {
                if self.peek() == Some('}') {
                    items.push(Node::Lit('{' as u32, Fold::None));
                    return Ok(());
                }
                let lo = self.take_while(usize::MAX, |c| c.is_ascii_digit());
                let hi = if self.eat(',') {
                    self.take_while(usize::MAX, |c| c.is_ascii_digit())
                } else {
                    lo.clone()
                };
                if !self.eat('}') {
                    items.push(Node::Lit('{' as u32, Fold::None));
                    self.high_water = self.high_water.max(self.i);
                    self.i = here;
                    return Ok(());
                }
                let min = if lo.is_empty() { 0 } else { repeat_count(&lo)? };
                let max = if hi.is_empty() {
                    INF
                } else {
                    repeat_count(&hi)?
                };
                if max < min {
                    return Err(self.err("min repeat greater than max repeat", here));
                }
                (min, max)
            }
        };
        let item = match items.pop() {
            None | Some(Node::Assert(_)) => return Err(self.err("nothing to repeat", here - 1)),
            Some(Node::Repeat(..)) => return Err(self.err("multiple repeat", here - 1)),
            Some(item) => item,
        };
        let kind = if self.eat('?') {
            RepKind::Lazy
        } else if self.eat('+') {
            RepKind::Possessive
        } else {
            RepKind::Greedy
        };
        items.push(Node::Repeat(Box::new(item), min, max, kind));
        Ok(())
    }

    /// Everything after `(`: groups, extensions, lookarounds, inline flags.
    fn parse_group(
        &mut self,
        nested: usize,
        first: bool,
        fl: u32,
        items: &mut Vec<Node>,
    ) -> Result<(), String> {
        let start = self.i - 1;
        let mut name = None;
        let mut capture = true;
        let mut atomic = false;
        let mut sub_flags = fl;
        if self.eat('?') {
            let c = match self.next_token() {
                None => return Err(self.err("unexpected end of pattern", self.i)),
                Some(t) => t,
            };
            match c.as_str() {
                "P" => {
                    if self.eat('<') {
                        let n = self.get_until('>', "group name")?;
                        self.check_group_name(&n, 1)?;
                        name = Some(n);
                    } else if self.eat('=') {
                        let n = self.get_until(')', "group name")?;
                        self.check_group_name(&n, 1)?;
                        let at = self.i - n.chars().count() - 1;
                        let g = match self.names.iter().find(|(k, _)| *k == n) {
                            Some(&(_, g)) => g,
                            None => {
                                return Err(
                                    self.err(&format!("unknown group name {}", py_repr(&n)), at)
                                )
                            }
                        };
                        if !self.check_group(g) {
                            return Err(self.err("cannot refer to an open group", at));
                        }
                        self.check_lookbehind_group(g)?;
                        items.push(Node::Backref(g, fold_mode(fl)));
                        return Ok(());
                    } else {
                        return match self.next_token() {
                            None => Err(self.err("unexpected end of pattern", self.i)),
                            Some(t) => {
                                let at = self.i - t.chars().count() - 2;
                                Err(self.err(&format!("unknown extension ?P{}", t), at))
                            }
                        };
                    }
                }
                ":" => capture = false,
                "#" => loop {
                    match self.next_token() {
                        None => return Err(self.err("missing ), unterminated comment", start)),
                        Some(t) if t == ")" => return Ok(()),
                        Some(_) => {}
                    }
                },
                "=" | "!" | "<" => return self.parse_lookaround(&c, start, nested, fl, items),
                "(" => return self.parse_conditional(start, nested, fl, items),
                ">" => {
                    capture = false;
                    atomic = true;
                }
                t if t == "-" || t.chars().next().and_then(flag_value).is_some() => {
                    let ch = t.chars().next().unwrap_or('-');
                    match self.parse_flags(ch)? {
                        None => {
                            if !first || !items.is_empty() {
                                let msg = "global flags not at the start of the expression";
                                return Err(self.err(msg, start));
                            }
                            return Ok(());
                        }
                        Some((add, del)) => {
                            capture = false;
                            sub_flags = combine_flags(fl, add, del);
                        }
                    }
                }
                t => {
                    let at = self.i - t.chars().count() - 1;
                    return Err(self.err(&format!("unknown extension ?{}", t), at));
                }
            }
        }
        let gid = if capture {
            Some(self.open_group(name)?)
        } else {
            None
        };
        let body = self.parse_sub(nested + 1, Some(sub_flags))?;
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern", start));
        }
        if let Some(g) = gid {
            self.widths[g] = Some(self.width(&body));
        }
        items.push(if atomic {
            Node::Atomic(Box::new(body))
        } else {
            Node::Group(gid, Box::new(body))
        });
        Ok(())
    }

    fn open_group(&mut self, name: Option<String>) -> Result<usize, String> {
        let g = self.groups;
        self.groups += 1;
        self.widths.push(None);
        if self.groups > MAXGROUPS {
            return Err(self.err("too many groups", self.i));
        }
        if let Some(n) = name {
            if let Some(&(_, old)) = self.names.iter().find(|(k, _)| *k == n) {
                let msg = format!(
                    "redefinition of group name {} as group {}; was group {}",
                    py_repr(&n),
                    g,
                    old
                );
                return Err(self.err(&msg, self.i - n.chars().count() - 1));
            }
            self.names.push((n, g));
        }
        Ok(g)
    }

    fn parse_lookaround(
        &mut self,
        c: &str,
        start: usize,
        nested: usize,
        fl: u32,
        items: &mut Vec<Node>,
    ) -> Result<(), String> {
        let mut kind = c.to_string();
        let behind = c == "<";
        let saved = self.lookbehind_groups;
        if behind {
            kind = match self.next_token() {
                None => return Err(self.err("unexpected end of pattern", self.i)),
                Some(t) if t == "=" || t == "!" => t,
                Some(t) => {
                    let at = self.i - t.chars().count() - 2;
                    return Err(self.err(&format!("unknown extension ?<{}", t), at));
                }
            };
            if saved.is_none() {
                self.lookbehind_groups = Some(self.groups);
            }
        }
        let body = self.parse_sub(nested + 1, Some(fl))?;
        if behind && saved.is_none() {
            self.lookbehind_groups = None;
        }
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern", start));
        }
        let width = self.width(&body);
        items.push(Node::Look(behind, kind == "!", Box::new(body), width));
        Ok(())
    }

    fn parse_conditional(
        &mut self,
        start: usize,
        nested: usize,
        fl: u32,
        items: &mut Vec<Node>,
    ) -> Result<(), String> {
        let name = self.get_until(')', "group name")?;
        let at = self.i - name.chars().count() - 1;
        let g = if is_identifier(&name) {
            match self.names.iter().find(|(k, _)| *k == name) {
                Some(&(_, g)) => g,
                None => return Err(self.err(&format!("unknown group name {}", py_repr(&name)), at)),
            }
        } else {
            let g = match name.parse::<usize>() {
                Ok(g) if name.bytes().all(|b| b.is_ascii_digit()) => g,
                _ => {
                    return Err(self.err(
                        &format!("bad character in group name {}", py_repr(&name)),
                        at,
                    ))
                }
            };
            if g == 0 {
                return Err(self.err("bad group number", at));
            }
            if g >= MAXGROUPS {
                return Err(self.err(&format!("invalid group reference {}", g), at));
            }
            if !self.cond_refs.iter().any(|&(k, _)| k == g) {
                self.cond_refs.push((g, at));
            }
            g
        };
        self.check_lookbehind_group(g)?;
        let yes = self.parse_seq(nested + 1, false, Some(fl))?;
        let no = if self.eat('|') {
            let no = self.parse_seq(nested + 1, false, Some(fl))?;
            if self.peek() == Some('|') {
                return Err(self.err("conditional backref with more than two branches", self.i));
            }
            no
        } else {
            Node::Empty
        };
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern", start));
        }
        items.push(Node::Cond(g, Box::new(yes), Box::new(no)));
        Ok(())
    }

    /// `_parse_flags`: `Ok(None)` for global flags `(?i)`, else (add, del).
    fn parse_flags(&mut self, first: char) -> Result<Option<(u32, u32)>, String> {
        let mut add = 0;
        let mut del = 0;
        let mut ch = first;
        if ch != '-' {
            loop {
                if ch == 'L' {
                    return Err(self.err(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.i,
                    ));
                }
                let f = flag_value(ch).unwrap_or(0);
                add |= f;
                if f & TYPE_FLAGS != 0 && add & TYPE_FLAGS != f {
                    return Err(self.err(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        self.i,
                    ));
                }
                ch = self.flag_char("missing -, : or )")?;
                if ch == ')' || ch == '-' || ch == ':' {
                    break;
                }
                if flag_value(ch).is_none() {
                    return Err(self.bad_flag(ch, "missing -, : or )"));
                }
            }
        }
        if ch == ')' {
            self.flags |= add;
            return Ok(None);
        }
        if ch == '-' {
            ch = self.flag_char("missing flag")?;
            if flag_value(ch).is_none() {
                return Err(self.bad_flag(ch, "missing flag"));
            }
            loop {
                let f = flag_value(ch).unwrap_or(0);
                if f & TYPE_FLAGS != 0 {
                    return Err(self.err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.i,
                    ));
                }
                del |= f;
                ch = self.flag_char("missing :")?;
                if ch == ':' {
                    break;
                }
                if flag_value(ch).is_none() {
                    return Err(self.bad_flag(ch, "missing :"));
                }
            }
        }
        if add & del != 0 {
            return Err(self.err("bad inline flags: flag turned on and off", self.i - 1));
        }
        Ok(Some((add, del)))
    }

    fn flag_char(&mut self, missing: &str) -> Result<char, String> {
        match self.next() {
            None => Err(self.err(missing, self.i)),
            Some('\\') => {
                self.i = (self.i + 1).min(self.p.len());
                Ok('\\')
            }
            Some(c) => Ok(c),
        }
    }

    fn bad_flag(&self, ch: char, otherwise: &str) -> String {
        let len = if ch == '\\' { 2 } else { 1 };
        let msg = if ch.is_alphabetic() {
            "unknown flag"
        } else {
            otherwise
        };
        self.err(msg, self.i - len)
    }

    /// Escape outside a class (`_escape`); the backslash is consumed.
    fn parse_escape(&mut self, fl: u32) -> Result<Node, String> {
        let start = self.i - 1;
        let e = self.next().unwrap_or('\\');
        let ascii = fl & ASCII != 0;
        Ok(match e {
            'A' => Node::Assert(Anchor::Begin),
            'Z' => Node::Assert(Anchor::EndText),
            'b' => Node::Assert(Anchor::Boundary(ascii)),
            'B' => Node::Assert(Anchor::NonBoundary(ascii)),
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => {
                let (cat, neg) = category_of(e);
                Node::Set(ClassSet::new(
                    false,
                    Fold::None,
                    vec![ClassItem::Cat(cat, neg, ascii)],
                ))
            }
            '0' => {
                let digits = self.take_while(2, is_oct);
                Node::Lit(u32::from_str_radix(&digits, 8).unwrap_or(0), fold_mode(fl))
            }
            '1'..='9' => self.parse_group_ref(e, start, fl)?,
            _ => Node::Lit(self.common_escape(e, start)?, fold_mode(fl)),
        })
    }

    /// `\N`: a backreference, or an octal escape when three octal digits follow.
    fn parse_group_ref(&mut self, e: char, start: usize, fl: u32) -> Result<Node, String> {
        let mut digits = e.to_string();
        if let Some(d) = self.peek().filter(|d| d.is_ascii_digit()) {
            self.i += 1;
            digits.push(d);
            if let Some(d3) = self
                .peek()
                .filter(|&d3| is_oct(e) && is_oct(d) && is_oct(d3))
            {
                self.i += 1;
                digits.push(d3);
                return Ok(Node::Lit(self.octal(&digits, start)?, fold_mode(fl)));
            }
        }
        let g: usize = digits.parse().unwrap_or(0);
        if g < self.groups {
            if !self.check_group(g) {
                return Err(self.err("cannot refer to an open group", start));
            }
            self.check_lookbehind_group(g)?;
            return Ok(Node::Backref(g, fold_mode(fl)));
        }
        Err(self.err(&format!("invalid group reference {}", g), start + 1))
    }

    fn octal(&self, digits: &str, start: usize) -> Result<u32, String> {
        let v = u32::from_str_radix(digits, 8).unwrap_or(0);
        if v > 0o377 {
            let msg = format!("octal escape value \\{} outside of range 0-0o377", digits);
            return Err(self.err(&msg, start));
        }
        Ok(v)
    }

    /// Escapes shared by both contexts: control letters, hex/unicode, literals.
    fn common_escape(&mut self, e: char, start: usize) -> Result<u32, String> {
        let hex = |ps: &mut Parser, n: usize| -> Result<u32, String> {
            let digits = ps.take_while(n, |c| c.is_ascii_hexdigit());
            if digits.len() != n {
                return Err(ps.err(&format!("incomplete escape \\{}{}", e, digits), start));
            }
            Ok(u32::from_str_radix(&digits, 16).unwrap_or(0))
        };
        Ok(match e {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            'x' => hex(self, 2)?,
            'u' => hex(self, 4)?,
            'U' => {
                let v = hex(self, 8)?;
                if v > 0x10ffff {
                    return Err(self.err(&format!("bad escape \\U{:08x}", v), start));
                }
                v
            }
            'N' => {
                return Err(self.err("bad escape \\N (named characters are not supported)", start))
            }
            c if c.is_ascii_alphabetic() || c.is_ascii_digit() => {
                return Err(self.err(&format!("bad escape \\{}", c), start));
            }
            c => c as u32,
        })
    }

    /// Escape inside a class (`_class_escape`).
    fn class_escape(&mut self) -> Result<ClassAtom, String> {
        let start = self.i - 1;
        let e = self.next().unwrap_or('\\');
        Ok(match e {
            'b' => ClassAtom::Lit(8),
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => {
                let (cat, neg) = category_of(e);
                ClassAtom::Cat(cat, neg)
            }
            '0'..='7' => {
                let digits = format!("{}{}", e, self.take_while(2, is_oct));
                ClassAtom::Lit(self.octal(&digits, start)?)
            }
            _ => ClassAtom::Lit(self.common_escape(e, start)?),
        })
    }

    /// `[...]`; the `[` is consumed.
    fn parse_class(&mut self, fl: u32) -> Result<Node, String> {
        let here = self.i - 1;
        let ascii = fl & ASCII != 0;
        let negated = self.eat('^');
        let mut items = Vec::new();
        let atom_item = |a: ClassAtom| match a {
            ClassAtom::Lit(c) => ClassItem::Range(c, c),
            ClassAtom::Cat(cat, neg) => ClassItem::Cat(cat, neg, ascii),
        };
        loop {
            let this_start = self.i;
            let c = match self.next() {
                None => return Err(self.err("unterminated character set", here)),
                Some(c) => c,
            };
            if c == ']' && !items.is_empty() {
                break;
            }
            let code1 = if c == '\\' {
                self.class_escape()?
            } else {
                ClassAtom::Lit(c as u32)
            };
            let this = self.token_text(this_start);
            if !self.eat('-') {
                items.push(atom_item(code1));
                continue;
            }
            let that_start = self.i;
            let d = match self.next() {
                None => return Err(self.err("unterminated character set", here)),
                Some(d) => d,
            };
            if d == ']' {
                items.push(atom_item(code1));
                items.push(ClassItem::Range('-' as u32, '-' as u32));
                break;
            }
            let code2 = if d == '\\' {
                self.class_escape()?
            } else {
                ClassAtom::Lit(d as u32)
            };
            let that = self.token_text(that_start);
            match (code1, code2) {
                (ClassAtom::Lit(lo), ClassAtom::Lit(hi)) if lo <= hi => {
                    items.push(ClassItem::Range(lo, hi))
                }
                _ => {
                    let msg = format!("bad character range {}-{}", this, that);
                    let at = self.i - this.chars().count() - 1 - that.chars().count();
                    return Err(self.err(&msg, at));
                }
            }
        }
        Ok(Node::Set(ClassSet::new(negated, fold_mode(fl), items)))
    }

    /// sre's `getwidth`: (min, max) chars a node can match, `NONE` = unbounded.
    fn width(&self, node: &Node) -> (usize, usize) {
        match node {
            Node::Empty | Node::Assert(_) | Node::Look(..) => (0, 0),
            Node::Lit(..) | Node::Any(_) | Node::Set(_) => (1, 1),
            Node::Cat(items) => items.iter().fold((0, 0), |(lo, hi), n| {
                let (l, h) = self.width(n);
                (lo.saturating_add(l), hi.saturating_add(h))
            }),
            Node::Alt(alts) => alts.iter().fold((NONE, 0), |(lo, hi), n| {
                let (l, h) = self.width(n);
                (lo.min(l), hi.max(h))
            }),
            Node::Group(_, body) | Node::Atomic(body) => self.width(body),
            Node::Repeat(body, min, max, _) => {
                let (l, h) = self.width(body);
                let hi = if *max == INF && h > 0 {
                    NONE
                } else {
                    h.saturating_mul(*max as usize)
                };
                (l.saturating_mul(*min as usize), hi)
            }
            Node::Backref(g, _) => self.widths.get(*g).copied().flatten().unwrap_or((0, NONE)),
            Node::Cond(_, yes, no) => {
                let (l1, h1) = self.width(yes);
                let (l2, h2) = self.width(no);
                (l1.min(l2), h1.max(h2))
            }
        }
    }
}

fn category_of(e: char) -> (Category, bool) {
    match e {
        'd' => (Category::Digit, false),
        'D' => (Category::Digit, true),
        's' => (Category::Space, false),
        'S' => (Category::Space, true),
        'w' => (Category::Word, false),
        _ => (Category::Word, true),
    }
}

/// A `{m,n}` bound; sre rejects values >= MAXREPEAT.
fn repeat_count(digits: &str) -> Result<u32, String> {
    match digits.parse::<u64>() {
        Ok(v) if v < INF as u64 => Ok(v as u32),
        _ => Err("the repetition number is too large".to_string()),
    }
}

/// `fix_flags` for str patterns: UNICODE unless ASCII; LOCALE is invalid.
fn fix_flags(flags: u32) -> Result<u32, String> {
    if flags & LOCALE != 0 {
        return Err("cannot use LOCALE flag with a str pattern".to_string());
    }
    if flags & ASCII == 0 {
        Ok(flags | UNICODE)
    } else if flags & UNICODE != 0 {
        Err("ASCII and UNICODE flags are incompatible".to_string())
    } else {
        Ok(flags)
    }
}

// ---------------------------------------------------------------------------
// Compiler: Node tree -> instruction program
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
enum Inst {
    Char(char),
    /// Unicode-folded literal: matches when `fold(ch)` equals the operand.
    CharFold(char),
    /// ASCII-folded literal: operand is lowercase.
    CharAsciiFold(char),
    /// `.`; the flag is DOTALL.
    Any(bool),
    Set(u32),
    /// Try the first target, keep the second as a choice point.
    Split(u32, u32),
    Jmp(u32),
    Save(u32),
    Assert(Anchor),
    Backref(u32, Fold),
    /// Repeat of the single-character instruction that follows (sre REPEAT_ONE);
    /// execution continues two instructions later.
    RepeatOne {
        min: u32,
        max: u32,
        greedy: bool,
    },
    /// Resets the counters of a general repeat.
    RepStart(u32),
    /// Loop head of a general repeat (sre MAX_UNTIL / MIN_UNTIL); the body
    /// follows and jumps back here.
    RepTest {
        id: u32,
        min: u32,
        max: u32,
        greedy: bool,
        exit: u32,
    },
    /// Lookaround; the body follows and ends in `SubMatch`.
    Look {
        behind: u32,
        negate: bool,
        exit: u32,
    },
    /// Atomic group; the body follows and ends in `SubMatch`.
    Atomic {
        exit: u32,
    },
    /// `(?(g)...)`: fall through if group `g` matched, else jump.
    CondGroup {
        group: u32,
        no: u32,
    },
    SubMatch,
    Match,
}

#[derive(Debug)]
struct Prog {
    insts: Vec<Inst>,
    sets: Vec<ClassSet>,
    nrep: usize,
    ngroups: usize,
    names: Vec<(String, usize)>,
    pattern: String,
    flags: u32,
    /// Chars every match must start with, for a fast search scan.
    first: Option<Vec<char>>,
    /// Single-char instruction every match must start with (same purpose).
    first_inst: Option<Inst>,
    /// Pattern can only match at the beginning of the string.
    anchored: bool,
}

impl Prog {
    fn group_index(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }
}

fn compile(parsed: Parsed, pattern: &str) -> Result<Prog, String> {
    let mut c = Compiler {
        insts: Vec::new(),
        sets: Vec::new(),
        nrep: 0,
    };
    c.emit(&parsed.node)?;
    c.push(Inst::Match);
    let first_inst = start_inst(&c.insts);
    let mut first = Vec::new();
    let first = if first_chars(&parsed.node, &mut first) {
        Some(first)
    } else {
        None
    };
    Ok(Prog {
        insts: c.insts,
        sets: c.sets,
        nrep: c.nrep as usize,
        ngroups: parsed.ngroups,
        names: parsed.names,
        pattern: pattern.to_string(),
        flags: parsed.flags,
        first,
        first_inst,
        anchored: anchored(&parsed.node),
    })
}

/// The character test a match must pass at its start position, when the
/// program begins (after captures) with one.
fn start_inst(insts: &[Inst]) -> Option<Inst> {
    let mut pc = 0;
    while let Some(Inst::Save(_)) = insts.get(pc) {
        pc += 1;
    }
    match insts.get(pc)? {
        Inst::RepeatOne { min, .. } if *min > 0 => Some(insts[pc + 1]),
        i if is_single(i) => Some(*i),
        _ => None,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    sets: Vec<ClassSet>,
    nrep: u32,
}

impl Compiler {
    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn push(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn set(&mut self, s: ClassSet) {
        let idx = self.sets.len() as u32;
        self.sets.push(s);
        self.push(Inst::Set(idx));
    }

    fn emit(&mut self, node: &Node) -> Result<(), String> {
        match node {
            Node::Empty => {}
            Node::Lit(c, fold) => self.literal(*c, *fold),
            Node::Any(dotall) => {
                self.push(Inst::Any(*dotall));
            }
            Node::Set(s) => self.set(s.clone()),
            Node::Cat(items) => {
                for n in items {
                    self.emit(n)?;
                }
            }
            Node::Alt(alts) => self.alternation(alts)?,
            Node::Group(g, body) => match g {
                Some(g) => {
                    self.push(Inst::Save(2 * *g as u32));
                    self.emit(body)?;
                    self.push(Inst::Save(2 * *g as u32 + 1));
                }
                None => self.emit(body)?,
            },
            Node::Repeat(body, min, max, kind) => self.repeat(body, *min, *max, *kind)?,
            Node::Assert(a) => {
                self.push(Inst::Assert(*a));
            }
            Node::Backref(g, fold) => {
                self.push(Inst::Backref(*g as u32, *fold));
            }
            Node::Look(behind, negate, body, (lo, hi)) => {
                if *behind && lo != hi {
                    return Err("look-behind requires fixed-width pattern".to_string());
                }
                let behind = if *behind {
                    u32::try_from(*lo).map_err(|_| "looks too much behind".to_string())?
                } else {
                    0
                };
                let at = self.push(Inst::Look {
                    behind,
                    negate: *negate,
                    exit: 0,
                });
                self.emit(body)?;
                self.push(Inst::SubMatch);
                let exit = self.pc();
                self.insts[at] = Inst::Look {
                    behind,
                    negate: *negate,
                    exit,
                };
            }
            Node::Atomic(body) => self.atomic(|c| c.emit(body))?,
            Node::Cond(g, yes, no) => {
                let at = self.push(Inst::CondGroup {
                    group: *g as u32,
                    no: 0,
                });
                self.emit(yes)?;
                let jmp = self.push(Inst::Jmp(0));
                let no_pc = self.pc();
                self.emit(no)?;
                self.insts[at] = Inst::CondGroup {
                    group: *g as u32,
                    no: no_pc,
                };
                self.insts[jmp] = Inst::Jmp(self.pc());
            }
        }
        Ok(())
    }

    fn literal(&mut self, c: u32, fold: Fold) {
        let ch = match char::from_u32(c) {
            Some(ch) => ch,
            None => return self.set(ClassSet::new(false, Fold::None, Vec::new())),
        };
        let inst = match fold {
            Fold::Unicode if is_cased(ch) => Inst::CharFold(fold_char(ch)),
            Fold::Ascii if ch.is_ascii_alphabetic() => Inst::CharAsciiFold(ch.to_ascii_lowercase()),
            _ => Inst::Char(ch),
        };
        self.push(inst);
    }

    fn alternation(&mut self, alts: &[Node]) -> Result<(), String> {
        let mut jumps = Vec::new();
        for (k, alt) in alts.iter().enumerate() {
            if k + 1 == alts.len() {
                self.emit(alt)?;
            } else {
                let split = self.push(Inst::Split(0, 0));
                self.emit(alt)?;
                jumps.push(self.push(Inst::Jmp(0)));
                self.insts[split] = Inst::Split(split as u32 + 1, self.pc());
            }
        }
        let end = self.pc();
        for j in jumps {
            self.insts[j] = Inst::Jmp(end);
        }
        Ok(())
    }

    /// Wraps whatever `body` emits in an atomic group.
    fn atomic(
        &mut self,
        body: impl FnOnce(&mut Compiler) -> Result<(), String>,
    ) -> Result<(), String> {
        let at = self.push(Inst::Atomic { exit: 0 });
        body(self)?;
        self.push(Inst::SubMatch);
        self.insts[at] = Inst::Atomic { exit: self.pc() };
        Ok(())
    }

    fn repeat(&mut self, body: &Node, min: u32, max: u32, kind: RepKind) -> Result<(), String> {
        if max == 0 {
            // Never runs, but is still compiled so that its errors surface.
            let jmp = self.push(Inst::Jmp(0));
            self.emit(body)?;
            self.insts[jmp] = Inst::Jmp(self.pc());
            return Ok(());
        }
        if kind == RepKind::Possessive {
            return self.atomic(|c| c.repeat(body, min, max, RepKind::Greedy));
        }
        let greedy = kind == RepKind::Greedy;
        // A body that only tests positions gives the same result on every
        // iteration, so huge counts need not be run (or stacked) one by one.
        let (min, max) = if is_pure_assertion(body) {
            (min.min(1), max.min(2))
        } else {
            (min, max)
        };
        if is_simple(body) {
            self.push(Inst::RepeatOne { min, max, greedy });
            return self.emit(body);
        }
        let id = self.nrep;
        self.nrep += 1;
        self.push(Inst::RepStart(id));
        let test = self.push(Inst::RepTest {
            id,
            min,
            max,
            greedy,
            exit: 0,
        });
        self.emit(body)?;
        self.push(Inst::Jmp(test as u32));
        self.insts[test] = Inst::RepTest {
            id,
            min,
            max,
            greedy,
            exit: self.pc(),
        };
        Ok(())
    }
}

/// Zero-width and free of captures, backreferences and conditionals.
fn is_pure_assertion(n: &Node) -> bool {
    match n {
        Node::Empty | Node::Assert(_) => true,
        Node::Look(_, _, body, _) => has_no_state(body),
        Node::Cat(items) | Node::Alt(items) => items.iter().all(is_pure_assertion),
        Node::Group(None, body) | Node::Atomic(body) => is_pure_assertion(body),
        _ => false,
    }
}

/// Matching does not read or write captures.
fn has_no_state(n: &Node) -> bool {
    match n {
        Node::Group(Some(_), _) | Node::Backref(..) | Node::Cond(..) => false,
        Node::Cat(items) | Node::Alt(items) => items.iter().all(has_no_state),
        Node::Group(None, body)
        | Node::Atomic(body)
        | Node::Look(_, _, body, _)
        | Node::Repeat(body, ..) => has_no_state(body),
        _ => true,
    }
}

/// sre's `_simple`: a single-character item without captures.
fn is_simple(n: &Node) -> bool {
    match n {
        Node::Lit(..) | Node::Any(_) | Node::Set(_) => true,
        Node::Group(None, body) => is_simple(body),
        _ => false,
    }
}

/// Collects the chars any match must start with; false when unknown.
fn first_chars(n: &Node, out: &mut Vec<char>) -> bool {
    let ok = match n {
        Node::Lit(c, fold) => match char::from_u32(*c) {
            Some(ch) => {
                match fold {
                    Fold::None => out.push(ch),
                    Fold::Ascii => {
                        out.push(ch.to_ascii_lowercase());
                        out.push(ch.to_ascii_uppercase());
                    }
                    Fold::Unicode => out.extend(case_variants(ch).iter().copied()),
                }
                true
            }
            None => false,
        },
        Node::Cat(items) => match items
            .iter()
            .find(|i| !matches!(i, Node::Assert(_) | Node::Look(..)))
        {
            Some(item) => first_chars(item, out),
            None => false,
        },
        Node::Alt(alts) => alts.iter().all(|a| first_chars(a, out)),
        Node::Group(_, body) | Node::Atomic(body) => first_chars(body, out),
        Node::Repeat(body, min, _, _) => *min > 0 && first_chars(body, out),
        _ => false,
    };
    out.sort_unstable();
    out.dedup();
    ok && out.len() <= 16
}

/// True when every match must start at the beginning of the string.
fn anchored(n: &Node) -> bool {
    match n {
        Node::Assert(Anchor::Begin) => true,
        Node::Cat(items) => matches!(items.first(), Some(first) if anchored(first)),
        Node::Group(_, body) | Node::Atomic(body) => anchored(body),
        Node::Alt(alts) => alts.iter().all(anchored),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Backtracking VM
// ---------------------------------------------------------------------------

/// Backtrack-stack entry: either a choice point to resume or an undo record.
#[derive(Clone, Copy)]
enum Frame {
    /// Resume at `pc` with `pos`.
    Alt { pc: u32, pos: usize },
    /// Undo a group-start capture.
    Slot { slot: u32, old: usize },
    /// Undo a group-end capture and the `lastindex` it set.
    Close { slot: u32, old: usize, last: usize },
    /// Undo a repeat counter change.
    Rep { id: u32, count: usize, last: usize },
    /// Greedy single-char repeat: retry the tail with one char fewer.
    GreedyOne {
        next: u32,
        min_pos: usize,
        pos: usize,
    },
    /// Lazy single-char repeat (at `pc`): retry the tail with one char more.
    LazyOne { pc: u32, pos: usize, max_pos: usize },
    /// Lazy general repeat (RepTest at `pc`): try one more iteration.
    LazyIter { pc: u32, pos: usize },
}

impl Frame {
    fn is_undo(&self) -> bool {
        matches!(
            self,
            Frame::Slot { .. } | Frame::Close { .. } | Frame::Rep { .. }
        )
    }
}

struct Vm<'a> {
    prog: &'a Prog,
    /// Subject text truncated at `endpos`; offset 0 is the string start.
    text: &'a [char],
    slots: Vec<usize>,
    /// Per general repeat: (iterations entered, start of the last iteration).
    reps: Vec<(usize, usize)>,
    lastindex: usize,
    stack: Vec<Frame>,
    start: usize,
    must_advance: bool,
    match_all: bool,
}

impl<'a> Vm<'a> {
    fn new(prog: &'a Prog, text: &'a [char]) -> Vm<'a> {
        Vm {
            prog,
            text,
            slots: vec![NONE; 2 * (prog.ngroups + 1)],
            reps: vec![(0, NONE); prog.nrep],
            lastindex: 0,
            stack: Vec::new(),
            start: 0,
            must_advance: false,
            match_all: false,
        }
    }

    /// Finds the leftmost match starting at or after `pos`.
    fn search(&mut self, pos: usize, must_advance: bool) -> Option<(usize, usize)> {
        let len = self.text.len();
        let mut s = pos;
        loop {
            if let Some(first) = &self.prog.first {
                while s < len && first.binary_search(&self.text[s]).is_err() {
                    s += 1;
                }
                if s >= len {
                    return None;
                }
            } else if let Some(inst) = &self.prog.first_inst {
                while s < len && !single(self.prog, inst, self.text[s]) {
                    s += 1;
                }
                if s >= len {
                    return None;
                }
            }
            if let Some(e) = self.try_at(s, must_advance && s == pos, false) {
                return Some((s, e));
            }
            if s >= len || self.prog.anchored {
                return None;
            }
            s += 1;
        }
    }

    /// One anchored attempt at `start`; returns the match end.
    fn try_at(&mut self, start: usize, must_advance: bool, match_all: bool) -> Option<usize> {
        for s in self.slots.iter_mut() {
            *s = NONE;
        }
        self.lastindex = 0;
        self.stack.clear();
        self.start = start;
        self.must_advance = must_advance;
        self.match_all = match_all;
        self.run(0, start)
    }

    /// Runs from `pc` until `Match`/`SubMatch` succeeds or every choice point
    /// pushed since entry is exhausted (stack back at its entry height).
    fn run(&mut self, mut pc: usize, mut pos: usize) -> Option<usize> {
        let base = self.stack.len();
        let prog = self.prog;
        let text = self.text;
        loop {
            let ok = match prog.insts[pc] {
                Inst::Char(_)
                | Inst::CharFold(_)
                | Inst::CharAsciiFold(_)
                | Inst::Any(_)
                | Inst::Set(_) => {
                    let hit = pos < text.len() && single(prog, &prog.insts[pc], text[pos]);
                    if hit {
                        pos += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Split(a, b) => {
                    self.stack.push(Frame::Alt { pc: b, pos });
                    pc = a as usize;
                    true
                }
                Inst::Jmp(a) => {
                    pc = a as usize;
                    true
                }
                Inst::Save(slot) => {
                    self.save(slot, pos);
                    pc += 1;
                    true
                }
                Inst::Assert(a) => {
                    pc += 1;
                    at_anchor(text, pos, a)
                }
                Inst::Backref(g, fold) => match self.backref(g as usize, fold, pos) {
                    Some(p) => {
                        pos = p;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::RepeatOne { min, max, greedy } => {
                    match self.repeat_one(pc, pos, min, max, greedy) {
                        Some(p) => {
                            pos = p;
                            pc += 2;
                            true
                        }
                        None => false,
                    }
                }
                Inst::RepStart(id) => {
                    self.set_rep(id, (0, NONE));
                    pc += 1;
                    true
                }
                Inst::RepTest { .. } => {
                    pc = self.rep_test(pc, pos);
                    true
                }
                Inst::Look {
                    behind,
                    negate,
                    exit,
                } => {
                    let mark = self.stack.len();
                    let found =
                        pos >= behind as usize && self.run(pc + 1, pos - behind as usize).is_some();
                    pc = exit as usize;
                    if found && negate {
                        self.unwind(mark);
                    } else if found {
                        self.commit(mark);
                    }
                    found != negate
                }
                Inst::Atomic { exit } => {
                    let mark = self.stack.len();
                    match self.run(pc + 1, pos) {
                        Some(p) => {
                            self.commit(mark);
                            pos = p;
                            pc = exit as usize;
                            true
                        }
                        None => false,
                    }
                }
                Inst::CondGroup { group, no } => {
                    pc = if self.group_span(group as usize).is_some() {
                        pc + 1
                    } else {
                        no as usize
                    };
                    true
                }
                Inst::SubMatch => return Some(pos),
                Inst::Match => {
                    if (self.match_all && pos != text.len())
                        || (self.must_advance && pos == self.start)
                    {
                        false
                    } else {
                        return Some(pos);
                    }
                }
            };
            if !ok {
                let (p, q) = self.backtrack(base)?;
                pc = p;
                pos = q;
            }
        }
    }

    fn save(&mut self, slot: u32, pos: usize) {
        let s = slot as usize;
        let old = self.slots[s];
        if s % 2 == 1 {
            self.stack.push(Frame::Close {
                slot,
                old,
                last: self.lastindex,
            });
            self.lastindex = s / 2;
        } else {
            self.stack.push(Frame::Slot { slot, old });
        }
        self.slots[s] = pos;
    }

    fn set_rep(&mut self, id: u32, value: (usize, usize)) {
        let (count, last) = self.reps[id as usize];
        self.stack.push(Frame::Rep { id, count, last });
        self.reps[id as usize] = value;
    }

    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let s = *self.slots.get(2 * g)?;
        let e = *self.slots.get(2 * g + 1)?;
        if s == NONE || e == NONE || e < s {
            None
        } else {
            Some((s, e))
        }
    }

    fn backref(&self, g: usize, fold: Fold, pos: usize) -> Option<usize> {
        let (s, e) = self.group_span(g)?;
        let end = pos
            .checked_add(e - s)
            .filter(|&end| end <= self.text.len())?;
        let same = self.text[s..e]
            .iter()
            .zip(&self.text[pos..end])
            .all(|(&a, &b)| match fold {
                Fold::None => a == b,
                Fold::Ascii => a.eq_ignore_ascii_case(&b),
                Fold::Unicode => lower(a) == lower(b),
            });
        if same {
            Some(end)
        } else {
            None
        }
    }

    /// Matches the minimum, then pushes a frame that retries other counts.
    fn repeat_one(
        &mut self,
        pc: usize,
        pos: usize,
        min: u32,
        max: u32,
        greedy: bool,
    ) -> Option<usize> {
        let prog = self.prog;
        let item = &prog.insts[pc + 1];
        let len = self.text.len();
        let limit = if max == INF {
            len
        } else {
            len.min(pos.saturating_add(max as usize))
        };
        let min_pos = pos.checked_add(min as usize).filter(|&m| m <= limit)?;
        let mut p = pos;
        let stop = if greedy { limit } else { min_pos };
        while p < stop && single(prog, item, self.text[p]) {
            p += 1;
        }
        if p < min_pos {
            return None;
        }
        if greedy {
            let p = self.back_off(pc + 2, min_pos, p);
            if p > min_pos {
                self.stack.push(Frame::GreedyOne {
                    next: pc as u32 + 2,
                    min_pos,
                    pos: p,
                });
            }
            Some(p)
        } else {
            if p < limit {
                self.stack.push(Frame::LazyOne {
                    pc: pc as u32,
                    pos: p,
                    max_pos: limit,
                });
            }
            Some(p)
        }
    }

    /// Steps a greedy count down past positions where a literal-like tail
    /// instruction cannot match.
    fn back_off(&self, next: usize, min_pos: usize, mut p: usize) -> usize {
        let inst = &self.prog.insts[next];
        if is_single(inst) {
            while p > min_pos && (p >= self.text.len() || !single(self.prog, inst, self.text[p])) {
                p -= 1;
            }
        }
        p
    }

    /// Decides whether a general repeat runs its body again (sre's UNTIL ops).
    fn rep_test(&mut self, pc: usize, pos: usize) -> usize {
        let (id, min, max, greedy, exit) = match self.prog.insts[pc] {
            Inst::RepTest {
                id,
                min,
                max,
                greedy,
                exit,
            } => (id, min, max, greedy, exit),
            _ => return pc + 1,
        };
        let (count, last) = self.reps[id as usize];
        if count < min as usize {
            self.set_rep(id, (count + 1, last));
            return pc + 1;
        }
        if !greedy {
            self.stack.push(Frame::LazyIter { pc: pc as u32, pos });
            return exit as usize;
        }
        if (max == INF || count < max as usize) && pos != last {
            self.stack.push(Frame::Alt { pc: exit, pos });
            self.set_rep(id, (count + 1, pos));
            return pc + 1;
        }
        exit as usize
    }

    /// Pops frames, applying undo records, until a choice point yields a new
    /// (pc, pos); `None` once the stack is back to `base`.
    fn backtrack(&mut self, base: usize) -> Option<(usize, usize)> {
        while self.stack.len() > base {
            let frame = self.stack.pop()?;
            match frame {
                Frame::Alt { pc, pos } => return Some((pc as usize, pos)),
                Frame::Slot { slot, old } => self.slots[slot as usize] = old,
                Frame::Close { slot, old, last } => {
                    self.slots[slot as usize] = old;
                    self.lastindex = last;
                }
                Frame::Rep { id, count, last } => self.reps[id as usize] = (count, last),
                Frame::GreedyOne { next, min_pos, pos } => {
                    let p = self.back_off(next as usize, min_pos, pos - 1);
                    if p > min_pos {
                        self.stack.push(Frame::GreedyOne {
                            next,
                            min_pos,
                            pos: p,
                        });
                    }
                    return Some((next as usize, p));
                }
                Frame::LazyOne { pc, pos, max_pos } => {
                    let item = &self.prog.insts[pc as usize + 1];
                    if single(self.prog, item, self.text[pos]) {
                        if pos + 1 < max_pos {
                            self.stack.push(Frame::LazyOne {
                                pc,
                                pos: pos + 1,
                                max_pos,
                            });
                        }
                        return Some((pc as usize + 2, pos + 1));
                    }
                }
                Frame::LazyIter { pc, pos } => {
                    if let Inst::RepTest { id, max, .. } = self.prog.insts[pc as usize] {
                        let (count, last) = self.reps[id as usize];
                        if (max == INF || count < max as usize) && pos != last {
                            self.set_rep(id, (count + 1, pos));
                            return Some((pc as usize + 1, pos));
                        }
                    }
                }
            }
        }
        None
    }

    /// After a successful lookahead/atomic body: drop its choice points but
    /// keep undo records so outer backtracking still restores captures.
    fn commit(&mut self, mark: usize) {
        let mut w = mark;
        for r in mark..self.stack.len() {
            if self.stack[r].is_undo() {
                self.stack[w] = self.stack[r];
                w += 1;
            }
        }
        self.stack.truncate(w);
    }

    /// Discards everything pushed since `mark`, restoring captures.
    fn unwind(&mut self, mark: usize) {
        while self.stack.len() > mark {
            match self.stack.pop() {
                Some(Frame::Slot { slot, old }) => self.slots[slot as usize] = old,
                Some(Frame::Close { slot, old, last }) => {
                    self.slots[slot as usize] = old;
                    self.lastindex = last;
                }
                Some(Frame::Rep { id, count, last }) => self.reps[id as usize] = (count, last),
                _ => {}
            }
        }
    }
}

fn is_single(inst: &Inst) -> bool {
    matches!(
        inst,
        Inst::Char(_) | Inst::CharFold(_) | Inst::CharAsciiFold(_) | Inst::Any(_) | Inst::Set(_)
    )
}

/// Does a single-character instruction accept `ch`?
fn single(prog: &Prog, inst: &Inst, ch: char) -> bool {
    match *inst {
        Inst::Char(c) => ch == c,
        Inst::CharFold(c) => fold_char(ch) == c,
        Inst::CharAsciiFold(c) => ch.to_ascii_lowercase() == c,
        Inst::Any(dotall) => dotall || ch != '\n',
        Inst::Set(i) => prog.sets[i as usize].matches(ch),
        _ => false,
    }
}

fn at_anchor(text: &[char], pos: usize, a: Anchor) -> bool {
    let len = text.len();
    match a {
        Anchor::Begin => pos == 0,
        Anchor::BeginLine => pos == 0 || text[pos - 1] == '\n',
        Anchor::End => pos == len || (pos + 1 == len && text[pos] == '\n'),
        Anchor::EndLine => pos == len || text[pos] == '\n',
        Anchor::EndText => pos == len,
        Anchor::Boundary(ascii) | Anchor::NonBoundary(ascii) => {
            if len == 0 {
                return false;
            }
            let before = pos > 0 && is_word(text[pos - 1], ascii);
            let after = pos < len && is_word(text[pos], ascii);
            (before != after) == matches!(a, Anchor::Boundary(_))
        }
    }
}

// ---------------------------------------------------------------------------
// Character classes and case folding (sre's str-pattern rules)
// ---------------------------------------------------------------------------

impl ClassSet {
    fn new(negated: bool, fold: Fold, items: Vec<ClassItem>) -> ClassSet {
        let mut set = ClassSet {
            negated,
            fold,
            items,
            ascii: [0; 2],
        };
        for b in 0..128u8 {
            if set.matches_slow(b as char) {
                set.ascii[(b >> 6) as usize] |= 1 << (b & 63);
            }
        }
        set
    }

    fn matches(&self, ch: char) -> bool {
        let cp = ch as u32;
        if cp < 128 {
            self.ascii[(cp >> 6) as usize] >> (cp & 63) & 1 == 1
        } else {
            self.matches_slow(ch)
        }
    }

    fn matches_slow(&self, ch: char) -> bool {
        let hit = match self.fold {
            Fold::None => self.contains(ch),
            Fold::Ascii => {
                self.contains(ch)
                    || (ch.is_ascii_alphabetic()
                        && (self.contains(ch.to_ascii_lowercase())
                            || self.contains(ch.to_ascii_uppercase())))
            }
            Fold::Unicode => case_variants(ch).iter().any(|&v| self.contains(v)),
        };
        hit != self.negated
    }

    fn contains(&self, ch: char) -> bool {
        let cp = ch as u32;
        self.items.iter().any(|item| match *item {
            ClassItem::Range(lo, hi) => lo <= cp && cp <= hi,
            ClassItem::Cat(cat, neg, ascii) => {
                let hit = match cat {
                    Category::Digit => is_digit(ch, ascii),
                    Category::Space => is_space(ch, ascii),
                    Category::Word => is_word(ch, ascii),
                };
                hit != neg
            }
        })
    }
}

/// sre's `unicode_tolower`: the simple (single char) lowercase mapping.
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == '\u{130}' {
        return 'i';
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Single-char uppercase mapping, if there is one.
fn upper(c: char) -> Option<char> {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) if u != c => Some(u),
        _ => None,
    }
}

/// sre's `unicode_iscased`.
fn is_cased(c: char) -> bool {
    let mut up = c.to_uppercase();
    lower(c) != c || up.next() != Some(c) || up.next().is_some()
}

/// Lowercase chars that sre also treats as equal under IGNORECASE
/// (`re._casefix`), as (member, canonical member) pairs sorted by member.
#[rustfmt::skip]
const FOLD_FIX: &[(u32, u32)] = &[
    (0x131, 0x69), (0x17f, 0x73), (0x3b9, 0x345), (0x3bc, 0xb5), (0x3c3, 0x3c2), (0x3d0, 0x3b2),
    (0x3d1, 0x3b8), (0x3d5, 0x3c6), (0x3d6, 0x3c0), (0x3f0, 0x3ba), (0x3f1, 0x3c1), (0x3f5, 0x3b5),
    (0x1c80, 0x432), (0x1c81, 0x434), (0x1c82, 0x43e), (0x1c83, 0x441), (0x1c84, 0x442),
    (0x1c85, 0x442), (0x1c86, 0x44a), (0x1c87, 0x463), (0x1e9b, 0x1e61), (0x1fbe, 0x345),
    (0x1fd3, 0x390), (0x1fe3, 0x3b0), (0xa64b, 0x1c88), (0xfb06, 0xfb05),
];

/// Characters whose simple lowercase is the key but which are not its
/// simple uppercase (Kelvin sign, titlecase digraphs, ...).
#[rustfmt::skip]
const EXTRA_UPPER: &[(u32, u32)] = &[
    (0x69, 0x130), (0x6b, 0x212a), (0xdf, 0x1e9e), (0xe5, 0x212b), (0x1c6, 0x1c5), (0x1c9, 0x1c8),
    (0x1cc, 0x1cb), (0x1f3, 0x1f2), (0x3b8, 0x3f4), (0x3c9, 0x2126), (0x1fb3, 0x1fbc), (0x1fc3, 0x1fcc),
    (0x1ff3, 0x1ffc),
];

/// Canonical case-insensitive key: equal keys match under IGNORECASE.
fn fold_char(c: char) -> char {
    let l = lower(c);
    if l.is_ascii() {
        return l;
    }
    match FOLD_FIX.binary_search_by_key(&(l as u32), |&(m, _)| m) {
        Ok(k) => char::from_u32(FOLD_FIX[k].1).unwrap_or(l),
        Err(_) => l,
    }
}

/// Small fixed-capacity list of characters, to avoid allocating per test.
struct CharList {
    items: [char; 16],
    len: usize,
}

impl CharList {
    fn push(&mut self, c: char) {
        if self.len < self.items.len() && !self.items[..self.len].contains(&c) {
            self.items[self.len] = c;
            self.len += 1;
        }
    }

    fn iter(&self) -> std::slice::Iter<'_, char> {
        self.items[..self.len].iter()
    }
}

/// Every char with the same fold key as `c` (including `c`).
fn case_variants(c: char) -> CharList {
    let key = fold_char(c);
    let mut out = CharList {
        items: ['\0'; 16],
        len: 0,
    };
    out.push(c);
    let members = std::iter::once(key as u32).chain(
        FOLD_FIX
            .iter()
            .filter(|&&(_, canon)| canon == key as u32)
            .map(|&(m, _)| m),
    );
    for m in members.filter_map(char::from_u32) {
        out.push(m);
        if let Some(u) = upper(m) {
            out.push(u);
        }
        for &(l, x) in EXTRA_UPPER {
            if l == m as u32 {
                out.extend_from(x);
            }
        }
        let greek = m as u32;
        if (0x1f80..=0x1fa7).contains(&greek) && greek & 0xf < 8 {
            out.extend_from(greek + 8);
        }
    }
    let mut kept = CharList {
        items: ['\0'; 16],
        len: 0,
    };
    for &v in out.iter() {
        if fold_char(v) == key {
            kept.push(v);
        }
    }
    kept
}

impl CharList {
    fn extend_from(&mut self, cp: u32) {
        if let Some(c) = char::from_u32(cp) {
            self.push(c);
        }
    }
}

fn in_ranges(c: char, table: &[(u32, u32)]) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `\w`: `str.isalnum()` or underscore.
fn is_word(c: char, ascii: bool) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        !ascii && in_ranges(c, WORD_RANGES)
    }
}

/// `\d`: `str.isdecimal()`.
fn is_digit(c: char, ascii: bool) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !ascii && in_ranges(c, DIGIT_RANGES)
    }
}

/// `\s`: `str.isspace()` (ASCII mode: `[ \t\n\r\f\v]`).
fn is_space(c: char, ascii: bool) -> bool {
    match c {
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' => true,
        '\u{1c}'..='\u{1f}' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' => !ascii,
        '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => !ascii,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Replacement templates (re._parser.parse_template / expand_template)
// ---------------------------------------------------------------------------

enum Piece {
    Text(String),
    Group(usize),
}

/// Parses a `sub` template against the pattern's groups.
fn parse_template(repl: &str, prog: &Prog) -> Result<Vec<Piece>, String> {
    let src: Vec<char> = repl.chars().collect();
    let bad_end = unpaired_backslash(&src);
    let mut i = 0;
    let result = template_pieces(&src, &mut i, prog);
    match bad_end {
        // As in the pattern parser: reaching the lone final backslash wins.
        Some(b) if result.is_ok() || i >= b => {
            Err(error_at("bad escape (end of pattern)", &src, b))
        }
        _ => result,
    }
}

/// The body of `parse_template`; `i` tracks how far the scan got.
fn template_pieces(src: &[char], i: &mut usize, prog: &Prog) -> Result<Vec<Piece>, String> {
    let err = |msg: &str, pos: usize| error_at(msg, src, pos);
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let add_group = |lit: &mut String, pieces: &mut Vec<Piece>, g: usize, at: usize| {
        if g > prog.ngroups {
            return Err(err(&format!("invalid group reference {}", g), at));
        }
        if !lit.is_empty() {
            pieces.push(Piece::Text(std::mem::take(lit)));
        }
        pieces.push(Piece::Group(g));
        Ok(())
    };
    while *i < src.len() {
        let c = src[*i];
        *i += 1;
        if c != '\\' {
            lit.push(c);
            continue;
        }
        let e = match src.get(*i) {
            Some(&e) => e,
            None => break,
        };
        *i += 1;
        let digit_at = |k: usize, oct: bool| matches!(src.get(k), Some(&d) if if oct { is_oct(d) } else { d.is_ascii_digit() });
        match e {
            'g' => {
                if src.get(*i) != Some(&'<') {
                    return Err(err("missing <", *i));
                }
                let name_start = *i + 1;
                let close = src[name_start..].iter().position(|&c| c == '>');
                let name: String = match close {
                    Some(0) => return Err(err("missing group name", name_start)),
                    Some(n) => src[name_start..name_start + n].iter().collect(),
                    None => {
                        *i = src.len();
                        let msg = if name_start == src.len() {
                            "missing group name"
                        } else {
                            "missing >, unterminated name"
                        };
                        return Err(err(msg, name_start));
                    }
                };
                *i = name_start + name.chars().count() + 1;
                let g = if is_identifier(&name) {
                    match prog.group_index(&name) {
                        Some(g) => g,
                        None => return Err(format!("unknown group name {}", py_repr(&name))),
                    }
                } else {
                    match name.parse::<usize>() {
                        Ok(g) if name.bytes().all(|b| b.is_ascii_digit()) => g,
                        _ => {
                            let msg = format!("bad character in group name {}", py_repr(&name));
                            return Err(err(&msg, name_start));
                        }
                    }
                };
                add_group(&mut lit, &mut pieces, g, name_start)?;
            }
            '0' => {
                let mut v = 0;
                let mut n = 0;
                while n < 2 && digit_at(*i, true) {
                    v = v * 8 + src[*i].to_digit(8).unwrap_or(0);
                    *i += 1;
                    n += 1;
                }
                lit.push(char::from_u32(v & 0xff).unwrap_or('\0'));
            }
            '1'..='9' => {
                let start = *i - 1;
                if digit_at(*i, false) {
                    if is_oct(e) && is_oct(src[*i]) && digit_at(*i + 1, true) {
                        let digits: String = src[start..*i + 2].iter().collect();
                        let v = u32::from_str_radix(&digits, 8).unwrap_or(0);
                        if v > 0o377 {
                            let msg =
                                format!("octal escape value \\{} outside of range 0-0o377", digits);
                            return Err(err(&msg, start - 1));
                        }
                        lit.push(char::from_u32(v).unwrap_or('\0'));
                        *i += 2;
                        continue;
                    }
                    *i += 1;
                }
                let g: usize = src[start..*i]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
                add_group(&mut lit, &mut pieces, g, start)?;
            }
            _ => match e {
                'a' => lit.push('\u{7}'),
                'b' => lit.push('\u{8}'),
                'f' => lit.push('\u{c}'),
                'n' => lit.push('\n'),
                'r' => lit.push('\r'),
                't' => lit.push('\t'),
                'v' => lit.push('\u{b}'),
                '\\' => lit.push('\\'),
                e if e.is_ascii_alphabetic() => {
                    return Err(err(&format!("bad escape \\{}", e), *i - 2))
                }
                e => {
                    lit.push('\\');
                    lit.push(e);
                }
            },
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Text(lit));
    }
    Ok(pieces)
}

fn expand_template(pieces: &[Piece], m: &Match) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Group(g) => {
                if let Some((s, e)) = m.span(*g) {
                    out.extend(m.text[s..e].iter());
                }
            }
        }
    }
    out
}

/// Non-ASCII ranges where CPython 3.11 (Unicode 14) str.isalnum() is true.
#[rustfmt::skip]
const WORD_RANGES: &[(u32, u32)] = &[
    (0xaa, 0xaa), (0xb2, 0xb3), (0xb5, 0xb5), (0xb9, 0xba), (0xbc, 0xbe), (0xc0, 0xd6),
    (0xd8, 0xf6), (0xf8, 0x2c1), (0x2c6, 0x2d1), (0x2e0, 0x2e4), (0x2ec, 0x2ec), (0x2ee, 0x2ee),
    (0x370, 0x374), (0x376, 0x377), (0x37a, 0x37d), (0x37f, 0x37f), (0x386, 0x386),
    (0x388, 0x38a), (0x38c, 0x38c), (0x38e, 0x3a1), (0x3a3, 0x3f5), (0x3f7, 0x481),
    (0x48a, 0x52f), (0x531, 0x556), (0x559, 0x559), (0x560, 0x588), (0x5d0, 0x5ea),
    (0x5ef, 0x5f2), (0x620, 0x64a), (0x660, 0x669), (0x66e, 0x66f), (0x671, 0x6d3),
    (0x6d5, 0x6d5), (0x6e5, 0x6e6), (0x6ee, 0x6fc), (0x6ff, 0x6ff), (0x710, 0x710),
    (0x712, 0x72f), (0x74d, 0x7a5), (0x7b1, 0x7b1), (0x7c0, 0x7ea), (0x7f4, 0x7f5),
    (0x7fa, 0x7fa), (0x800, 0x815), (0x81a, 0x81a), (0x824, 0x824), (0x828, 0x828),
    (0x840, 0x858), (0x860, 0x86a), (0x870, 0x887), (0x889, 0x88e), (0x8a0, 0x8c9),
    (0x904, 0x939), (0x93d, 0x93d), (0x950, 0x950), (0x958, 0x961), (0x966, 0x96f),
    (0x971, 0x980), (0x985, 0x98c), (0x98f, 0x990), (0x993, 0x9a8), (0x9aa, 0x9b0),
    (0x9b2, 0x9b2), (0x9b6, 0x9b9), (0x9bd, 0x9bd), (0x9ce, 0x9ce), (0x9dc, 0x9dd),
    (0x9df, 0x9e1), (0x9e6, 0x9f1), (0x9f4, 0x9f9), (0x9fc, 0x9fc), (0xa05, 0xa0a),
    (0xa0f, 0xa10), (0xa13, 0xa28), (0xa2a, 0xa30), (0xa32, 0xa33), (0xa35, 0xa36),
    (0xa38, 0xa39), (0xa59, 0xa5c), (0xa5e, 0xa5e), (0xa66, 0xa6f), (0xa72, 0xa74),
    (0xa85, 0xa8d), (0xa8f, 0xa91), (0xa93, 0xaa8), (0xaaa, 0xab0), (0xab2, 0xab3),
    (0xab5, 0xab9), (0xabd, 0xabd), (0xad0, 0xad0), (0xae0, 0xae1), (0xae6, 0xaef),
    (0xaf9, 0xaf9), (0xb05, 0xb0c), (0xb0f, 0xb10), (0xb13, 0xb28), (0xb2a, 0xb30),
    (0xb32, 0xb33), (0xb35, 0xb39), (0xb3d, 0xb3d), (0xb5c, 0xb5d), (0xb5f, 0xb61),
    (0xb66, 0xb6f), (0xb71, 0xb77), (0xb83, 0xb83), (0xb85, 0xb8a), (0xb8e, 0xb90),
    (0xb92, 0xb95), (0xb99, 0xb9a), (0xb9c, 0xb9c), (0xb9e, 0xb9f), (0xba3, 0xba4),
    (0xba8, 0xbaa), (0xbae, 0xbb9), (0xbd0, 0xbd0), (0xbe6, 0xbf2), (0xc05, 0xc0c),
    (0xc0e, 0xc10), (0xc12, 0xc28), (0xc2a, 0xc39), (0xc3d, 0xc3d), (0xc58, 0xc5a),
    (0xc5d, 0xc5d), (0xc60, 0xc61), (0xc66, 0xc6f), (0xc78, 0xc7e), (0xc80, 0xc80),
    (0xc85, 0xc8c), (0xc8e, 0xc90), (0xc92, 0xca8), (0xcaa, 0xcb3), (0xcb5, 0xcb9),
    (0xcbd, 0xcbd), (0xcdd, 0xcde), (0xce0, 0xce1), (0xce6, 0xcef), (0xcf1, 0xcf2),
    (0xd04, 0xd0c), (0xd0e, 0xd10), (0xd12, 0xd3a), (0xd3d, 0xd3d), (0xd4e, 0xd4e),
    (0xd54, 0xd56), (0xd58, 0xd61), (0xd66, 0xd78), (0xd7a, 0xd7f), (0xd85, 0xd96),
    (0xd9a, 0xdb1), (0xdb3, 0xdbb), (0xdbd, 0xdbd), (0xdc0, 0xdc6), (0xde6, 0xdef),
    (0xe01, 0xe30), (0xe32, 0xe33), (0xe40, 0xe46), (0xe50, 0xe59), (0xe81, 0xe82),
    (0xe84, 0xe84), (0xe86, 0xe8a), (0xe8c, 0xea3), (0xea5, 0xea5), (0xea7, 0xeb0),
    (0xeb2, 0xeb3), (0xebd, 0xebd), (0xec0, 0xec4), (0xec6, 0xec6), (0xed0, 0xed9),
    (0xedc, 0xedf), (0xf00, 0xf00), (0xf20, 0xf33), (0xf40, 0xf47), (0xf49, 0xf6c),
    (0xf88, 0xf8c), (0x1000, 0x102a), (0x103f, 0x1049), (0x1050, 0x1055), (0x105a, 0x105d),
    (0x1061, 0x1061), (0x1065, 0x1066), (0x106e, 0x1070), (0x1075, 0x1081), (0x108e, 0x108e),
    (0x1090, 0x1099), (0x10a0, 0x10c5), (0x10c7, 0x10c7), (0x10cd, 0x10cd), (0x10d0, 0x10fa),
    (0x10fc, 0x1248), (0x124a, 0x124d), (0x1250, 0x1256), (0x1258, 0x1258), (0x125a, 0x125d),
    (0x1260, 0x1288), (0x128a, 0x128d), (0x1290, 0x12b0), (0x12b2, 0x12b5), (0x12b8, 0x12be),
    (0x12c0, 0x12c0), (0x12c2, 0x12c5), (0x12c8, 0x12d6), (0x12d8, 0x1310), (0x1312, 0x1315),
    (0x1318, 0x135a), (0x1369, 0x137c), (0x1380, 0x138f), (0x13a0, 0x13f5), (0x13f8, 0x13fd),
    (0x1401, 0x166c), (0x166f, 0x167f), (0x1681, 0x169a), (0x16a0, 0x16ea), (0x16ee, 0x16f8),
    (0x1700, 0x1711), (0x171f, 0x1731), (0x1740, 0x1751), (0x1760, 0x176c), (0x176e, 0x1770),
    (0x1780, 0x17b3), (0x17d7, 0x17d7), (0x17dc, 0x17dc), (0x17e0, 0x17e9), (0x17f0, 0x17f9),
    (0x1810, 0x1819), (0x1820, 0x1878), (0x1880, 0x1884), (0x1887, 0x18a8), (0x18aa, 0x18aa),
    (0x18b0, 0x18f5), (0x1900, 0x191e), (0x1946, 0x196d), (0x1970, 0x1974), (0x1980, 0x19ab),
    (0x19b0, 0x19c9), (0x19d0, 0x19da), (0x1a00, 0x1a16), (0x1a20, 0x1a54), (0x1a80, 0x1a89),
    (0x1a90, 0x1a99), (0x1aa7, 0x1aa7), (0x1b05, 0x1b33), (0x1b45, 0x1b4c), (0x1b50, 0x1b59),
    (0x1b83, 0x1ba0), (0x1bae, 0x1be5), (0x1c00, 0x1c23), (0x1c40, 0x1c49), (0x1c4d, 0x1c7d),
    (0x1c80, 0x1c88), (0x1c90, 0x1cba), (0x1cbd, 0x1cbf), (0x1ce9, 0x1cec), (0x1cee, 0x1cf3),
    (0x1cf5, 0x1cf6), (0x1cfa, 0x1cfa), (0x1d00, 0x1dbf), (0x1e00, 0x1f15), (0x1f18, 0x1f1d),
    (0x1f20, 0x1f45), (0x1f48, 0x1f4d), (0x1f50, 0x1f57), (0x1f59, 0x1f59), (0x1f5b, 0x1f5b),
    (0x1f5d, 0x1f5d), (0x1f5f, 0x1f7d), (0x1f80, 0x1fb4), (0x1fb6, 0x1fbc), (0x1fbe, 0x1fbe),
    (0x1fc2, 0x1fc4), (0x1fc6, 0x1fcc), (0x1fd0, 0x1fd3), (0x1fd6, 0x1fdb), (0x1fe0, 0x1fec),
    (0x1ff2, 0x1ff4), (0x1ff6, 0x1ffc), (0x2070, 0x2071), (0x2074, 0x2079), (0x207f, 0x2089),
    (0x2090, 0x209c), (0x2102, 0x2102), (0x2107, 0x2107), (0x210a, 0x2113), (0x2115, 0x2115),
    (0x2119, 0x211d), (0x2124, 0x2124), (0x2126, 0x2126), (0x2128, 0x2128), (0x212a, 0x212d),
    (0x212f, 0x2139), (0x213c, 0x213f), (0x2145, 0x2149), (0x214e, 0x214e), (0x2150, 0x2189),
    (0x2460, 0x249b), (0x24ea, 0x24ff), (0x2776, 0x2793), (0x2c00, 0x2ce4), (0x2ceb, 0x2cee),
    (0x2cf2, 0x2cf3), (0x2cfd, 0x2cfd), (0x2d00, 0x2d25), (0x2d27, 0x2d27), (0x2d2d, 0x2d2d),
    (0x2d30, 0x2d67), (0x2d6f, 0x2d6f), (0x2d80, 0x2d96), (0x2da0, 0x2da6), (0x2da8, 0x2dae),
    (0x2db0, 0x2db6), (0x2db8, 0x2dbe), (0x2dc0, 0x2dc6), (0x2dc8, 0x2dce), (0x2dd0, 0x2dd6),
    (0x2dd8, 0x2dde), (0x2e2f, 0x2e2f), (0x3005, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035),
    (0x3038, 0x303c), (0x3041, 0x3096), (0x309d, 0x309f), (0x30a1, 0x30fa), (0x30fc, 0x30ff),
    (0x3105, 0x312f), (0x3131, 0x318e), (0x3192, 0x3195), (0x31a0, 0x31bf), (0x31f0, 0x31ff),
    (0x3220, 0x3229), (0x3248, 0x324f), (0x3251, 0x325f), (0x3280, 0x3289), (0x32b1, 0x32bf),
    (0x3400, 0x4dbf), (0x4e00, 0xa48c), (0xa4d0, 0xa4fd), (0xa500, 0xa60c), (0xa610, 0xa62b),
    (0xa640, 0xa66e), (0xa67f, 0xa69d), (0xa6a0, 0xa6ef), (0xa717, 0xa71f), (0xa722, 0xa788),
    (0xa78b, 0xa7ca), (0xa7d0, 0xa7d1), (0xa7d3, 0xa7d3), (0xa7d5, 0xa7d9), (0xa7f2, 0xa801),
    (0xa803, 0xa805), (0xa807, 0xa80a), (0xa80c, 0xa822), (0xa830, 0xa835), (0xa840, 0xa873),
    (0xa882, 0xa8b3), (0xa8d0, 0xa8d9), (0xa8f2, 0xa8f7), (0xa8fb, 0xa8fb), (0xa8fd, 0xa8fe),
    (0xa900, 0xa925), (0xa930, 0xa946), (0xa960, 0xa97c), (0xa984, 0xa9b2), (0xa9cf, 0xa9d9),
    (0xa9e0, 0xa9e4), (0xa9e6, 0xa9fe), (0xaa00, 0xaa28), (0xaa40, 0xaa42), (0xaa44, 0xaa4b),
    (0xaa50, 0xaa59), (0xaa60, 0xaa76), (0xaa7a, 0xaa7a), (0xaa7e, 0xaaaf), (0xaab1, 0xaab1),
    (0xaab5, 0xaab6), (0xaab9, 0xaabd), (0xaac0, 0xaac0), (0xaac2, 0xaac2), (0xaadb, 0xaadd),
    (0xaae0, 0xaaea), (0xaaf2, 0xaaf4), (0xab01, 0xab06), (0xab09, 0xab0e), (0xab11, 0xab16),
    (0xab20, 0xab26), (0xab28, 0xab2e), (0xab30, 0xab5a), (0xab5c, 0xab69), (0xab70, 0xabe2),
    (0xabf0, 0xabf9), (0xac00, 0xd7a3), (0xd7b0, 0xd7c6), (0xd7cb, 0xd7fb), (0xf900, 0xfa6d),
    (0xfa70, 0xfad9), (0xfb00, 0xfb06), (0xfb13, 0xfb17), (0xfb1d, 0xfb1d), (0xfb1f, 0xfb28),
    (0xfb2a, 0xfb36), (0xfb38, 0xfb3c), (0xfb3e, 0xfb3e), (0xfb40, 0xfb41), (0xfb43, 0xfb44),
    (0xfb46, 0xfbb1), (0xfbd3, 0xfd3d), (0xfd50, 0xfd8f), (0xfd92, 0xfdc7), (0xfdf0, 0xfdfb),
    (0xfe70, 0xfe74), (0xfe76, 0xfefc), (0xff10, 0xff19), (0xff21, 0xff3a), (0xff41, 0xff5a),
    (0xff66, 0xffbe), (0xffc2, 0xffc7), (0xffca, 0xffcf), (0xffd2, 0xffd7), (0xffda, 0xffdc),
    (0x10000, 0x1000b), (0x1000d, 0x10026), (0x10028, 0x1003a), (0x1003c, 0x1003d),
    (0x1003f, 0x1004d), (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10107, 0x10133),
    (0x10140, 0x10178), (0x1018a, 0x1018b), (0x10280, 0x1029c), (0x102a0, 0x102d0),
    (0x102e1, 0x102fb), (0x10300, 0x10323), (0x1032d, 0x1034a), (0x10350, 0x10375),
    (0x10380, 0x1039d), (0x103a0, 0x103c3), (0x103c8, 0x103cf), (0x103d1, 0x103d5),
    (0x10400, 0x1049d), (0x104a0, 0x104a9), (0x104b0, 0x104d3), (0x104d8, 0x104fb),
    (0x10500, 0x10527), (0x10530, 0x10563), (0x10570, 0x1057a), (0x1057c, 0x1058a),
    (0x1058c, 0x10592), (0x10594, 0x10595), (0x10597, 0x105a1), (0x105a3, 0x105b1),
    (0x105b3, 0x105b9), (0x105bb, 0x105bc), (0x10600, 0x10736), (0x10740, 0x10755),
    (0x10760, 0x10767), (0x10780, 0x10785), (0x10787, 0x107b0), (0x107b2, 0x107ba),
    (0x10800, 0x10805), (0x10808, 0x10808), (0x1080a, 0x10835), (0x10837, 0x10838),
    (0x1083c, 0x1083c), (0x1083f, 0x10855), (0x10858, 0x10876), (0x10879, 0x1089e),
    (0x108a7, 0x108af), (0x108e0, 0x108f2), (0x108f4, 0x108f5), (0x108fb, 0x1091b),
    (0x10920, 0x10939), (0x10980, 0x109b7), (0x109bc, 0x109cf), (0x109d2, 0x10a00),
    (0x10a10, 0x10a13), (0x10a15, 0x10a17), (0x10a19, 0x10a35), (0x10a40, 0x10a48),
    (0x10a60, 0x10a7e), (0x10a80, 0x10a9f), (0x10ac0, 0x10ac7), (0x10ac9, 0x10ae4),
    (0x10aeb, 0x10aef), (0x10b00, 0x10b35), (0x10b40, 0x10b55), (0x10b58, 0x10b72),
    (0x10b78, 0x10b91), (0x10ba9, 0x10baf), (0x10c00, 0x10c48), (0x10c80, 0x10cb2),
    (0x10cc0, 0x10cf2), (0x10cfa, 0x10d23), (0x10d30, 0x10d39), (0x10e60, 0x10e7e),
    (0x10e80, 0x10ea9), (0x10eb0, 0x10eb1), (0x10f00, 0x10f27), (0x10f30, 0x10f45),
    (0x10f51, 0x10f54), (0x10f70, 0x10f81), (0x10fb0, 0x10fcb), (0x10fe0, 0x10ff6),
    (0x11003, 0x11037), (0x11052, 0x1106f), (0x11071, 0x11072), (0x11075, 0x11075),
    (0x11083, 0x110af), (0x110d0, 0x110e8), (0x110f0, 0x110f9), (0x11103, 0x11126),
    (0x11136, 0x1113f), (0x11144, 0x11144), (0x11147, 0x11147), (0x11150, 0x11172),
    (0x11176, 0x11176), (0x11183, 0x111b2), (0x111c1, 0x111c4), (0x111d0, 0x111da),
    (0x111dc, 0x111dc), (0x111e1, 0x111f4), (0x11200, 0x11211), (0x11213, 0x1122b),
    (0x11280, 0x11286), (0x11288, 0x11288), (0x1128a, 0x1128d), (0x1128f, 0x1129d),
    (0x1129f, 0x112a8), (0x112b0, 0x112de), (0x112f0, 0x112f9), (0x11305, 0x1130c),
    (0x1130f, 0x11310), (0x11313, 0x11328), (0x1132a, 0x11330), (0x11332, 0x11333),
    (0x11335, 0x11339), (0x1133d, 0x1133d), (0x11350, 0x11350), (0x1135d, 0x11361),
    (0x11400, 0x11434), (0x11447, 0x1144a), (0x11450, 0x11459), (0x1145f, 0x11461),
    (0x11480, 0x114af), (0x114c4, 0x114c5), (0x114c7, 0x114c7), (0x114d0, 0x114d9),
    (0x11580, 0x115ae), (0x115d8, 0x115db), (0x11600, 0x1162f), (0x11644, 0x11644),
    (0x11650, 0x11659), (0x11680, 0x116aa), (0x116b8, 0x116b8), (0x116c0, 0x116c9),
    (0x11700, 0x1171a), (0x11730, 0x1173b), (0x11740, 0x11746), (0x11800, 0x1182b),
    (0x118a0, 0x118f2), (0x118ff, 0x11906), (0x11909, 0x11909), (0x1190c, 0x11913),
    (0x11915, 0x11916), (0x11918, 0x1192f), (0x1193f, 0x1193f), (0x11941, 0x11941),
    (0x11950, 0x11959), (0x119a0, 0x119a7), (0x119aa, 0x119d0), (0x119e1, 0x119e1),
    (0x119e3, 0x119e3), (0x11a00, 0x11a00), (0x11a0b, 0x11a32), (0x11a3a, 0x11a3a),
    (0x11a50, 0x11a50), (0x11a5c, 0x11a89), (0x11a9d, 0x11a9d), (0x11ab0, 0x11af8),
    (0x11c00, 0x11c08), (0x11c0a, 0x11c2e), (0x11c40, 0x11c40), (0x11c50, 0x11c6c),
    (0x11c72, 0x11c8f), (0x11d00, 0x11d06), (0x11d08, 0x11d09), (0x11d0b, 0x11d30),
    (0x11d46, 0x11d46), (0x11d50, 0x11d59), (0x11d60, 0x11d65), (0x11d67, 0x11d68),
    (0x11d6a, 0x11d89), (0x11d98, 0x11d98), (0x11da0, 0x11da9), (0x11ee0, 0x11ef2),
    (0x11fb0, 0x11fb0), (0x11fc0, 0x11fd4), (0x12000, 0x12399), (0x12400, 0x1246e),
    (0x12480, 0x12543), (0x12f90, 0x12ff0), (0x13000, 0x1342e), (0x14400, 0x14646),
    (0x16800, 0x16a38), (0x16a40, 0x16a5e), (0x16a60, 0x16a69), (0x16a70, 0x16abe),
    (0x16ac0, 0x16ac9), (0x16ad0, 0x16aed), (0x16b00, 0x16b2f), (0x16b40, 0x16b43),
    (0x16b50, 0x16b59), (0x16b5b, 0x16b61), (0x16b63, 0x16b77), (0x16b7d, 0x16b8f),
    (0x16e40, 0x16e96), (0x16f00, 0x16f4a), (0x16f50, 0x16f50), (0x16f93, 0x16f9f),
    (0x16fe0, 0x16fe1), (0x16fe3, 0x16fe3), (0x17000, 0x187f7), (0x18800, 0x18cd5),
    (0x18d00, 0x18d08), (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb), (0x1affd, 0x1affe),
    (0x1b000, 0x1b122), (0x1b150, 0x1b152), (0x1b164, 0x1b167), (0x1b170, 0x1b2fb),
    (0x1bc00, 0x1bc6a), (0x1bc70, 0x1bc7c), (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99),
    (0x1d2e0, 0x1d2f3), (0x1d360, 0x1d378), (0x1d400, 0x1d454), (0x1d456, 0x1d49c),
    (0x1d49e, 0x1d49f), (0x1d4a2, 0x1d4a2), (0x1d4a5, 0x1d4a6), (0x1d4a9, 0x1d4ac),
    (0x1d4ae, 0x1d4b9), (0x1d4bb, 0x1d4bb), (0x1d4bd, 0x1d4c3), (0x1d4c5, 0x1d505),
    (0x1d507, 0x1d50a), (0x1d50d, 0x1d514), (0x1d516, 0x1d51c), (0x1d51e, 0x1d539),
    (0x1d53b, 0x1d53e), (0x1d540, 0x1d544), (0x1d546, 0x1d546), (0x1d54a, 0x1d550),
    (0x1d552, 0x1d6a5), (0x1d6a8, 0x1d6c0), (0x1d6c2, 0x1d6da), (0x1d6dc, 0x1d6fa),
    (0x1d6fc, 0x1d714), (0x1d716, 0x1d734), (0x1d736, 0x1d74e), (0x1d750, 0x1d76e),
    (0x1d770, 0x1d788), (0x1d78a, 0x1d7a8), (0x1d7aa, 0x1d7c2), (0x1d7c4, 0x1d7cb),
    (0x1d7ce, 0x1d7ff), (0x1df00, 0x1df1e), (0x1e100, 0x1e12c), (0x1e137, 0x1e13d),
    (0x1e140, 0x1e149), (0x1e14e, 0x1e14e), (0x1e290, 0x1e2ad), (0x1e2c0, 0x1e2eb),
    (0x1e2f0, 0x1e2f9), (0x1e7e0, 0x1e7e6), (0x1e7e8, 0x1e7eb), (0x1e7ed, 0x1e7ee),
    (0x1e7f0, 0x1e7fe), (0x1e800, 0x1e8c4), (0x1e8c7, 0x1e8cf), (0x1e900, 0x1e943),
    (0x1e94b, 0x1e94b), (0x1e950, 0x1e959), (0x1ec71, 0x1ecab), (0x1ecad, 0x1ecaf),
    (0x1ecb1, 0x1ecb4), (0x1ed01, 0x1ed2d), (0x1ed2f, 0x1ed3d), (0x1ee00, 0x1ee03),
    (0x1ee05, 0x1ee1f), (0x1ee21, 0x1ee22), (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27),
    (0x1ee29, 0x1ee32), (0x1ee34, 0x1ee37), (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b),
    (0x1ee42, 0x1ee42), (0x1ee47, 0x1ee47), (0x1ee49, 0x1ee49), (0x1ee4b, 0x1ee4b),
    (0x1ee4d, 0x1ee4f), (0x1ee51, 0x1ee52), (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57),
    (0x1ee59, 0x1ee59), (0x1ee5b, 0x1ee5b), (0x1ee5d, 0x1ee5d), (0x1ee5f, 0x1ee5f),
    (0x1ee61, 0x1ee62), (0x1ee64, 0x1ee64), (0x1ee67, 0x1ee6a), (0x1ee6c, 0x1ee72),
    (0x1ee74, 0x1ee77), (0x1ee79, 0x1ee7c), (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89),
    (0x1ee8b, 0x1ee9b), (0x1eea1, 0x1eea3), (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb),
    (0x1f100, 0x1f10c), (0x1fbf0, 0x1fbf9), (0x20000, 0x2a6df), (0x2a700, 0x2b738),
    (0x2b740, 0x2b81d), (0x2b820, 0x2cea1), (0x2ceb0, 0x2ebe0), (0x2f800, 0x2fa1d),
    (0x30000, 0x3134a),
];
/// Non-ASCII ranges where CPython 3.11 (Unicode 14) str.isdecimal() is true.
#[rustfmt::skip]
const DIGIT_RANGES: &[(u32, u32)] = &[
    (0x660, 0x669), (0x6f0, 0x6f9), (0x7c0, 0x7c9), (0x966, 0x96f), (0x9e6, 0x9ef),
    (0xa66, 0xa6f), (0xae6, 0xaef), (0xb66, 0xb6f), (0xbe6, 0xbef), (0xc66, 0xc6f),
    (0xce6, 0xcef), (0xd66, 0xd6f), (0xde6, 0xdef), (0xe50, 0xe59), (0xed0, 0xed9),
    (0xf20, 0xf29), (0x1040, 0x1049), (0x1090, 0x1099), (0x17e0, 0x17e9), (0x1810, 0x1819),
    (0x1946, 0x194f), (0x19d0, 0x19d9), (0x1a80, 0x1a89), (0x1a90, 0x1a99), (0x1b50, 0x1b59),
    (0x1bb0, 0x1bb9), (0x1c40, 0x1c49), (0x1c50, 0x1c59), (0xa620, 0xa629), (0xa8d0, 0xa8d9),
    (0xa900, 0xa909), (0xa9d0, 0xa9d9), (0xa9f0, 0xa9f9), (0xaa50, 0xaa59), (0xabf0, 0xabf9),
    (0xff10, 0xff19), (0x104a0, 0x104a9), (0x10d30, 0x10d39), (0x11066, 0x1106f),
    (0x110f0, 0x110f9), (0x11136, 0x1113f), (0x111d0, 0x111d9), (0x112f0, 0x112f9),
    (0x11450, 0x11459), (0x114d0, 0x114d9), (0x11650, 0x11659), (0x116c0, 0x116c9),
    (0x11730, 0x11739), (0x118e0, 0x118e9), (0x11950, 0x11959), (0x11c50, 0x11c59),
    (0x11d50, 0x11d59), (0x11da0, 0x11da9), (0x16a60, 0x16a69), (0x16ac0, 0x16ac9),
    (0x16b50, 0x16b59), (0x1d7ce, 0x1d7ff), (0x1e140, 0x1e149), (0x1e2f0, 0x1e2f9),
    (0x1e950, 0x1e959), (0x1fbf0, 0x1fbf9),
];

#[cfg(test)]
#[path = "../../tests/regex.rs"]
mod tests;
