//! CPython-compatible hashing and hash tables for translated programs.
//!
//! Translated programs must print exactly what CPython 3.11 prints, and the
//! iteration order of a `set` is an accident of CPython's hash functions and
//! of its open-addressing table.  This module therefore reimplements, from the
//! algorithm descriptions of CPython 3.11 (`Objects/setobject.c`,
//! `Python/pyhash.c`, `Objects/tupleobject.c`):
//!
//! * the numeric hashes (`hash_int`, `hash_float`), the tuple hash
//!   (`hash_tuple`) and the frozenset hash (`hash_frozenset`);
//! * [`PySetTable`], the set table: linear probes of 9 slots, perturbed
//!   re-probing (shift 5), dummy slots left by deletions, the `fill`/`used`
//!   counters, the resize rule, the merge fast paths, `pop()`'s finger and the
//!   exact loops of every set operation, so that tables end up slot for slot
//!   like CPython's and iterate in the same order;
//! * [`PyDictTable`], an insertion-ordered dict with O(1) average lookups.
//!
//! Keys are anything implementing [`PyKey`] (CPython's `__hash__` and `__eq__`).
//! Keys that compare equal across kinds (`1`, `1.0`, `True`) must hash alike
//! and be `py_eq`; like CPython, a table keeps the key it already holds.
//!
//! Known differences from CPython (all documented where they arise):
//! * `hash(nan)` is identity-based in CPython 3.11; here it is 0, so sets
//!   holding NaNs may iterate in another order, and a NaN is never found
//!   again (CPython finds the very same NaN object by identity).
//! * `str` hashes are randomised per process in CPython; `hash_str` is a fixed
//!   hash, so string-set order matches no particular CPython run (none is
//!   reproducible anyway).
//! * Aliasing (`a |= a`, `a &= a`, `a -= a`, `a ^= a`) cannot be expressed
//!   with `&mut self` plus `&Self`; see [`PySetTable::intersection_update_self`]
//!   and the notes on the in-place operations.

/// What a key must offer the tables: CPython's `hash()` and `==`.
///
/// `py_hash` must never return -1 (CPython reserves it for errors; every hash
/// function here maps -1 to -2) and keys that are `py_eq` must have equal
/// hashes.
pub trait PyKey: Clone {
    /// CPython's `hash(self)`.
    fn py_hash(&self) -> i64;
    /// CPython's `self == other`.
    fn py_eq(&self, other: &Self) -> bool;
}

impl PyKey for i64 {
    fn py_hash(&self) -> i64 {
        hash_int(*self)
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

impl PyKey for bool {
    fn py_hash(&self) -> i64 {
        hash_int(i64::from(*self))
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

impl PyKey for f64 {
    fn py_hash(&self) -> i64 {
        hash_float(*self)
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

impl PyKey for String {
    fn py_hash(&self) -> i64 {
        hash_str(self)
    }
    fn py_eq(&self, other: &Self) -> bool {
        self == other
    }
}

// ---------------------------------------------------------------------------
// Hash functions
// ---------------------------------------------------------------------------

/// Number of bits of CPython's numeric hash modulus.
const HASH_BITS: u32 = 61;
/// CPython's numeric hash modulus, the Mersenne prime 2**61 - 1.
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `hash(float('inf'))`.
const HASH_INF: i64 = 314_159;

/// Maps the error value -1 to -2, as every CPython hash function does.
fn avoid_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `hash(int)`: the value modulo 2**61 - 1 carrying the sign, with
/// -1 mapped to -2.
pub fn hash_int(v: i64) -> i64 {
    let reduced = (v.unsigned_abs() % HASH_MODULUS) as i64;
    avoid_minus_one(if v < 0 { -reduced } else { reduced })
}

/// Splits a finite, non-zero float into a mantissa in [0.5, 1) (with the
/// sign of `v`) and a power of two, like C's `frexp`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let mantissa = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (mantissa, biased - 1022)
}

/// Rotates a 61-bit value left by `bits` within the hash modulus.
fn rotate_61(x: u64, bits: u32) -> u64 {
    ((x << bits) & HASH_MODULUS) | (x >> (HASH_BITS - bits))
}

/// CPython's `hash(float)`: equal to `hash_int` for integral values, the
/// value modulo 2**61 - 1 otherwise; `inf` is 314159, `-inf` is -314159.
///
/// NaN hashes to 0 here: CPython 3.11 hashes a NaN by object identity, which
/// a translated program cannot reproduce.
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    // Consume the mantissa 28 bits at a time.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = rotate_61(x, 28);
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    };
    let x = rotate_61(x, e as u32) as i64;
    avoid_minus_one(if negative { -x } else { x })
}

/// A deterministic 64-bit string hash (FNV-1a plus a final avalanche).
///
/// CPython randomises `str` hashes per process, so no particular value is
/// required; `hash("")` is 0 as in CPython, and -1 never occurs.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    avoid_minus_one(h as i64)
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// CPython 3.11's `hash(tuple)` (the xxHash-based `tuplehash`), given the
/// hashes of the items in order.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// Spreads the bits of one item hash before it is xor-ed into a frozenset's.
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// CPython 3.11's `hash(frozenset)`, given the hashes of the (distinct)
/// items in any order.
pub fn hash_frozenset<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    let mut hash: u64 = 0;
    let mut count: u64 = 0;
    for h in item_hashes {
        hash ^= shuffle_bits(h as u64);
        count += 1;
    }
    hash ^= (count + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

// ---------------------------------------------------------------------------
// Probing
// ---------------------------------------------------------------------------

/// Slots examined consecutively before CPython's set jumps elsewhere.
const LINEAR_PROBES: u64 = 9;
/// How far the unused hash bits shift into each jump.
const PERTURB_SHIFT: u32 = 5;

/// The endless sequence of slot indices CPython's set probes for a hash:
/// runs of up to 10 consecutive slots (when they fit below the mask), then
/// `i = (i * 5 + 1 + perturb) & mask` with `perturb >>= 5`.  The sequence
/// eventually visits every slot, so a search ends in any table that keeps
/// an empty slot, which every table here does.
struct Probe {
    mask: u64,
    perturb: u64,
    base: u64,
    offset: u64,
    run: u64,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Self {
        let mask = mask as u64;
        let base = hash as u64 & mask;
        Probe {
            mask,
            perturb: hash as u64,
            base,
            offset: 0,
            run: run_length(base, mask),
        }
    }
}

/// Extra consecutive slots probed from `base`: 9 if they fit, else none.
fn run_length(base: u64, mask: u64) -> u64 {
    if base + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    }
}

impl Probe {
    fn next_slot(&mut self) -> usize {
        if self.offset > self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.base = self
                .base
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
            self.offset = 0;
            self.run = run_length(self.base, self.mask);
        }
        let index = self.base + self.offset;
        self.offset += 1;
        index as usize
    }
}

// ---------------------------------------------------------------------------
// Set table
// ---------------------------------------------------------------------------

/// Size of a fresh set table (CPython's `PySet_MINSIZE`).
const SET_MIN_SIZE: usize = 8;

/// One slot of a set table.
#[derive(Clone, Debug)]
enum Slot<K> {
    /// Never used since the last rebuild: ends every search.
    Empty,
    /// Held a key that was removed: searches go on past it.
    Dummy,
    /// Holds a key and its hash.
    Active(i64, K),
}

/// Where a key is, or where `add` would put it.
enum Lookup {
    Found(usize),
    /// The last dummy met before the empty slot that ended the search.
    VacantDummy(usize),
    Empty(usize),
}

fn empty_slots<K>(size: usize) -> Vec<Slot<K>> {
    let mut slots = Vec::with_capacity(size);
    slots.resize_with(size, || Slot::Empty);
    slots
}

/// CPython 3.11's set (and frozenset) table, slot for slot.
///
/// Iteration is in table order, so a table built by the same sequence of
/// operations as in CPython iterates (and prints) in CPython's order.  Each
/// operation names the CPython expression it mirrors; building from another
/// set, from a dict and from any other iterable take different paths in
/// CPython and therefore have different functions here.
#[derive(Clone, Debug)]
pub struct PySetTable<K> {
    table: Vec<Slot<K>>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
}

impl<K: PyKey> Default for PySetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: PyKey> FromIterator<K> for PySetTable<K> {
    /// `set(iterable)` for an iterable that is neither a set nor a dict
    /// (list, tuple, range, generator, ...): adds one by one.
    fn from_iter<I: IntoIterator<Item = K>>(items: I) -> Self {
        let mut set = Self::new();
        set.update_from_iter(items);
        set
    }
}

impl<K: PyKey> PySetTable<K> {
    /// `set()`.
    pub fn new() -> Self {
        PySetTable {
            table: empty_slots(SET_MIN_SIZE),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// `set(a_set)`, `frozenset(a_set)`: a copy through CPython's merge,
    /// which drops dummies and may pick a different table size.
    pub fn copy(&self) -> Self {
        let mut set = Self::new();
        set.update(self);
        set
    }

    /// The folded frozenset constant that CPython's compiler makes of a set
    /// display with three or more constant items, e.g. the set iterated by
    /// `for x in {3, 1, 2}:` or tested by `x in {3, 1, 2}`.  The compiler
    /// builds it from the items, then rebuilds it from its own iteration.
    pub fn frozen_constant<I: IntoIterator<Item = K>>(items: I) -> Self {
        let first: Self = items.into_iter().collect();
        first.iter().cloned().collect()
    }

    /// A set display `{c1, c2, c3, ...}` of three or more constants, which
    /// CPython 3.11 compiles to `BUILD_SET 0` plus `SET_UPDATE` of the
    /// folded frozenset.  Displays with fewer items or with any non-constant
    /// item add their items in order: use `collect()` for those.
    pub fn from_const_display<I: IntoIterator<Item = K>>(items: I) -> Self {
        Self::frozen_constant(items).copy()
    }

    /// `set(d)` for an exact dict `d`.
    pub fn from_dict<V>(dict: &PyDictTable<K, V>) -> Self {
        let mut set = Self::new();
        set.update_from_dict(dict);
        set
    }

    /// The same table with each key converted, slot for slot (hashes, dummies and
    /// counters kept), so that it iterates in the same order: between a typed set
    /// and its `Value` form, whose keys hash alike.
    pub fn map_keys<U, E>(&self, mut convert: impl FnMut(&K) -> Result<U, E>) -> Result<PySetTable<U>, E> {
        let mut table = Vec::with_capacity(self.table.len());
        for slot in &self.table {
            table.push(match slot {
                Slot::Empty => Slot::Empty,
                Slot::Dummy => Slot::Dummy,
                Slot::Active(h, k) => Slot::Active(*h, convert(k)?),
            });
        }
        Ok(PySetTable { table, fill: self.fill, used: self.used, finger: self.finger })
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.used
    }

    /// `not s`.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// CPython's search: the key's slot, or where `add` would put it.
    fn lookup(&self, key: &K, hash: i64) -> Lookup {
        let mut dummy = None;
        let mut probe = Probe::new(hash, self.mask());
        loop {
            let i = probe.next_slot();
            match &self.table[i] {
                Slot::Empty => {
                    return match dummy {
                        Some(d) => Lookup::VacantDummy(d),
                        None => Lookup::Empty(i),
                    }
                }
                Slot::Dummy => dummy = Some(i),
                Slot::Active(h, k) => {
                    if *h == hash && k.py_eq(key) {
                        return Lookup::Found(i);
                    }
                }
            }
        }
    }

    fn contains_hashed(&self, key: &K, hash: i64) -> bool {
        matches!(self.lookup(key, hash), Lookup::Found(_))
    }

    /// `key in s`.
    pub fn contains(&self, key: &K) -> bool {
        self.contains_hashed(key, key.py_hash())
    }

    /// `s.add(key)`; true if the key was not there.  An equal key already
    /// present is kept (as CPython keeps `1` when `1.0` is added).
    pub fn add(&mut self, key: K) -> bool {
        let hash = key.py_hash();
        self.add_hashed(key, hash)
    }

    fn add_hashed(&mut self, key: K, hash: i64) -> bool {
        match self.lookup(&key, hash) {
            Lookup::Found(_) => false,
            Lookup::VacantDummy(i) => {
                self.table[i] = Slot::Active(hash, key);
                self.used += 1;
                true
            }
            Lookup::Empty(i) => {
                self.table[i] = Slot::Active(hash, key);
                self.fill += 1;
                self.used += 1;
                if self.fill * 5 >= self.mask() * 3 {
                    self.resize(self.growth_target());
                }
                true
            }
        }
    }

    /// `s.discard(key)`; true if the key was there (`s.remove` raises
    /// `KeyError` when this is false).  Leaves a dummy; never shrinks.
    pub fn discard(&mut self, key: &K) -> bool {
        self.discard_hashed(key, key.py_hash())
    }

    fn discard_hashed(&mut self, key: &K, hash: i64) -> bool {
        match self.lookup(key, hash) {
            Lookup::Found(i) => {
                self.table[i] = Slot::Dummy;
                self.used -= 1;
                true
            }
            _ => false,
        }
    }

    /// `s.pop()`: the first key at or after the finger, wrapping around;
    /// `None` where CPython raises `KeyError`.
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Active(..)) {
            i = if i == mask { 0 } else { i + 1 };
        }
        self.finger = i + 1;
        self.used -= 1;
        match std::mem::replace(&mut self.table[i], Slot::Dummy) {
            Slot::Active(_, key) => Some(key),
            _ => None,
        }
    }

    /// `s.clear()`: back to a fresh 8-slot table (the finger stays).
    pub fn clear(&mut self) {
        self.table = empty_slots(SET_MIN_SIZE);
        self.fill = 0;
        self.used = 0;
    }

    /// The keys in CPython's iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.entries().map(|(_, k)| k)
    }

    fn entries(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// Number of slots, for position-based iteration with [`Self::slot`]
    /// (what CPython's set iterator does; check `len()` between steps to
    /// raise "Set changed size during iteration").
    pub fn slot_count(&self) -> usize {
        self.table.len()
    }

    /// The key in slot `i`, if any.
    pub fn slot(&self, i: usize) -> Option<&K> {
        match self.table.get(i) {
            Some(Slot::Active(_, k)) => Some(k),
            _ => None,
        }
    }

    /// `hash(frozenset(s))`.
    pub fn frozen_hash(&self) -> i64 {
        hash_frozenset(self.entries().map(|(h, _)| h))
    }

    /// The size CPython grows to after an insertion fills 3/5 of the table.
    fn growth_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// CPython's `set_table_resize`: rebuild with the smallest power of two
    /// (at least 8) above `min_used`, re-inserting in old table order.
    fn resize(&mut self, min_used: usize) {
        let mut size = SET_MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == SET_MIN_SIZE && self.table.len() == SET_MIN_SIZE && self.fill == self.used {
            return; // small table without dummies: CPython leaves it alone
        }
        let old = std::mem::replace(&mut self.table, empty_slots(size));
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(hash, key) = slot {
                self.insert_clean(key, hash);
            }
        }
    }

    /// Puts a key known to be absent in the first empty slot of its probe
    /// sequence, leaving the counters to the caller.
    fn insert_clean(&mut self, key: K, hash: i64) {
        let mut probe = Probe::new(hash, self.mask());
        loop {
            let i = probe.next_slot();
            if let Slot::Empty = self.table[i] {
                self.table[i] = Slot::Active(hash, key);
                return;
            }
        }
    }

    /// After removals: rebuild if more than a quarter of the slots are
    /// dummies (the tail of CPython's `difference_update`).
    fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(self.growth_target());
        }
    }

    /// Takes over another table's body, keeping this set's finger (CPython's
    /// `set_swap_bodies`).
    fn take_body(&mut self, other: Self) {
        self.table = other.table;
        self.fill = other.fill;
        self.used = other.used;
    }

    /// `s |= other`, `s.update(other)` for a set or frozenset `other`
    /// (CPython's `set_merge`).  For `s |= s` do nothing.
    pub fn update(&mut self, other: &Self) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.table.len() == other.table.len() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
        } else if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (hash, key) in other.entries() {
                self.insert_clean(key.clone(), hash);
            }
        } else {
            for (hash, key) in other.entries() {
                self.add_hashed(key.clone(), hash);
            }
        }
    }

    /// `s.update(iterable)` for an iterable that is neither a set nor a dict.
    pub fn update_from_iter<I: IntoIterator<Item = K>>(&mut self, items: I) {
        for key in items {
            self.add(key);
        }
    }

    /// `s.update(d)` for an exact dict `d`: CPython sizes the table once,
    /// then adds in dict order.  Views such as `d.keys()` are plain
    /// iterables: use `update_from_iter` for them.
    pub fn update_from_dict<V>(&mut self, dict: &PyDictTable<K, V>) {
        if (self.fill + dict.len()) * 5 >= self.mask() * 3 {
            self.resize((self.used + dict.len()) * 2);
        }
        for (hash, key, _) in dict.hashed_entries() {
            self.add_hashed(key.clone(), hash);
        }
    }

    /// `s | other`, `s.union(other)` for a set `other` (chain `update` for
    /// more arguments).
    pub fn union(&self, other: &Self) -> Self {
        let mut result = self.copy();
        if !std::ptr::eq(self, other) {
            result.update(other);
        }
        result
    }

    /// `s & other`, `s.intersection(other)` for a set `other`: walks the
    /// smaller set (`other` on ties) and keeps its keys.
    pub fn intersection(&self, other: &Self) -> Self {
        if std::ptr::eq(self, other) {
            return self.copy();
        }
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut result = Self::new();
        for (hash, key) in small.entries() {
            if big.contains_hashed(key, hash) {
                result.add_hashed(key.clone(), hash);
            }
        }
        result
    }

    /// `s.intersection(iterable)` for an iterable that is not a set
    /// (including an exact dict's keys): keeps the iterable's keys.
    pub fn intersection_iter<I: IntoIterator<Item = K>>(&self, items: I) -> Self {
        let mut result = Self::new();
        for key in items {
            let hash = key.py_hash();
            if self.contains_hashed(&key, hash) {
                result.add_hashed(key, hash);
            }
        }
        result
    }

    /// `s &= other`, `s.intersection_update(other)` for a set `other`.
    pub fn intersection_update(&mut self, other: &Self) {
        let result = self.intersection(other);
        self.take_body(result);
    }

    /// `s &= s`: CPython replaces the body with a copy of itself.
    pub fn intersection_update_self(&mut self) {
        let result = self.copy();
        self.take_body(result);
    }

    /// `s.intersection_update(iterable)` for a non-set iterable.
    pub fn intersection_update_iter<I: IntoIterator<Item = K>>(&mut self, items: I) {
        let result = self.intersection_iter(items);
        self.take_body(result);
    }

    /// `s -= other`, `s.difference_update(other)` for a set `other`.  For
    /// `s -= s` use `clear()`.
    pub fn difference_update(&mut self, other: &Self) {
        if other.len() > self.len() {
            // Same final table as discarding other's keys one by one.
            for slot in self.table.iter_mut() {
                if let Slot::Active(hash, key) = slot {
                    if other.contains_hashed(key, *hash) {
                        *slot = Slot::Dummy;
                        self.used -= 1;
                    }
                }
            }
        } else {
            for (hash, key) in other.entries() {
                self.discard_hashed(key, hash);
            }
        }
        self.purge_dummies();
    }

    /// `s.difference_update(iterable)` for a non-set iterable, including an
    /// exact dict's keys.
    pub fn difference_update_iter<I: IntoIterator<Item = K>>(&mut self, items: I) {
        for key in items {
            self.discard(&key);
        }
        self.purge_dummies();
    }

    /// Shared shape of CPython's `set_difference`: copy-and-discard when this
    /// set is over four times larger than the other, else collect survivors.
    fn difference_with<F, G>(&self, other_len: usize, contains: F, discard_all: G) -> Self
    where
        F: Fn(&K, i64) -> bool,
        G: FnOnce(&mut Self),
    {
        if (self.len() >> 2) > other_len {
            let mut result = self.copy();
            discard_all(&mut result);
            result.purge_dummies();
            return result;
        }
        let mut result = Self::new();
        for (hash, key) in self.entries() {
            if !contains(key, hash) {
                result.add_hashed(key.clone(), hash);
            }
        }
        result
    }

    /// `s - other`, `s.difference(other)` for a set `other` (chain
    /// `difference_update` for more arguments).
    pub fn difference(&self, other: &Self) -> Self {
        self.difference_with(
            other.len(),
            |k, h| other.contains_hashed(k, h),
            |result| {
                for (hash, key) in other.entries() {
                    result.discard_hashed(key, hash);
                }
            },
        )
    }

    /// `s.difference(d)` for an exact dict `d`.
    pub fn difference_dict<V>(&self, dict: &PyDictTable<K, V>) -> Self {
        self.difference_with(
            dict.len(),
            |k, h| dict.contains_hashed(k, h),
            |result| {
                for (hash, key, _) in dict.hashed_entries() {
                    result.discard_hashed(key, hash);
                }
            },
        )
    }

    /// `s.difference(iterable)` for any other iterable: copy, then discard.
    pub fn difference_iter<I: IntoIterator<Item = K>>(&self, items: I) -> Self {
        let mut result = self.copy();
        result.difference_update_iter(items);
        result
    }

    /// `s ^= other`, `s.symmetric_difference_update(other)` for a set
    /// `other`: walks `other`, discarding what is here and adding the rest.
    /// For `s ^= s` use `clear()`.
    pub fn symmetric_difference_update(&mut self, other: &Self) {
        for (hash, key) in other.entries() {
            self.toggle(key, hash);
        }
    }

    fn toggle(&mut self, key: &K, hash: i64) {
        if !self.discard_hashed(key, hash) {
            self.add_hashed(key.clone(), hash);
        }
    }

    /// `s.symmetric_difference_update(d)` for an exact dict `d` (walks the
    /// dict in order).
    pub fn symmetric_difference_update_dict<V>(&mut self, dict: &PyDictTable<K, V>) {
        for (hash, key, _) in dict.hashed_entries() {
            self.toggle(key, hash);
        }
    }

    /// `s.symmetric_difference_update(iterable)` for any other iterable:
    /// CPython first makes a set of it.
    pub fn symmetric_difference_update_iter<I: IntoIterator<Item = K>>(&mut self, items: I) {
        let other: Self = items.into_iter().collect();
        self.symmetric_difference_update(&other);
    }

    /// `s ^ other`, `s.symmetric_difference(other)` for a set `other`:
    /// CPython copies `other` and toggles this set's keys into the copy.
    pub fn symmetric_difference(&self, other: &Self) -> Self {
        let mut result = other.copy();
        result.symmetric_difference_update(self);
        result
    }

    /// `s.symmetric_difference(d)` for an exact dict `d`.
    pub fn symmetric_difference_dict<V>(&self, dict: &PyDictTable<K, V>) -> Self {
        let mut result = Self::from_dict(dict);
        result.symmetric_difference_update(self);
        result
    }

    /// `s.symmetric_difference(iterable)` for any other iterable.
    pub fn symmetric_difference_iter<I: IntoIterator<Item = K>>(&self, items: I) -> Self {
        let mut result: Self = items.into_iter().collect();
        result.symmetric_difference_update(self);
        result
    }

    /// `s <= other`, `s.issubset(other)`.
    pub fn is_subset(&self, other: &Self) -> bool {
        self.len() <= other.len() && self.entries().all(|(h, k)| other.contains_hashed(k, h))
    }

    /// `s >= other`, `s.issuperset(other)`.
    pub fn is_superset(&self, other: &Self) -> bool {
        other.is_subset(self)
    }

    /// `s.isdisjoint(other)`.
    pub fn is_disjoint(&self, other: &Self) -> bool {
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        !small.entries().any(|(h, k)| big.contains_hashed(k, h))
    }

    /// `s == other`.
    pub fn equals(&self, other: &Self) -> bool {
        self.len() == other.len() && self.is_subset(other)
    }
}

// ---------------------------------------------------------------------------
// Dict table
// ---------------------------------------------------------------------------

/// Index-table marker: never used since the last rebuild.
const INDEX_EMPTY: usize = usize::MAX;
/// Index-table marker: its entry was removed.
const INDEX_DELETED: usize = usize::MAX - 1;
/// Smallest index table once anything is stored.
const DICT_MIN_INDEX: usize = 8;

#[derive(Clone, Debug)]
struct DictEntry<K, V> {
    hash: i64,
    key: K,
    value: V,
}

/// An insertion-ordered dict with CPython's order semantics: assigning to
/// an existing key keeps its place (and its original key object), deleting
/// removes it, re-inserting appends, `popitem()` takes the last.
///
/// Entries live in a vector in insertion order (holes where keys were
/// removed, compacted when holes outnumber keys); an open-addressing index
/// probed with the keys' `py_hash` finds them in O(1) on average.
#[derive(Clone, Debug)]
pub struct PyDictTable<K, V> {
    entries: Vec<Option<DictEntry<K, V>>>,
    /// Positions in `entries`, or `INDEX_EMPTY` / `INDEX_DELETED`; empty
    /// until the first insertion.
    indices: Vec<usize>,
    /// Index slots not `INDEX_EMPTY`.
    index_fill: usize,
    len: usize,
    version: u64,
}

impl<K: PyKey, V> Default for PyDictTable<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: PyKey, V> FromIterator<(K, V)> for PyDictTable<K, V> {
    /// `dict(pairs)`: later values win, first keys stay.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut dict = Self::new();
        for (key, value) in pairs {
            dict.insert(key, value);
        }
        dict
    }
}

impl<K: PyKey, V> PyDictTable<K, V> {
    /// `{}`; allocates nothing until the first insertion.
    pub fn new() -> Self {
        PyDictTable {
            entries: Vec::new(),
            indices: Vec::new(),
            index_fill: 0,
            len: 0,
            version: 0,
        }
    }

    /// An empty dict with room for `capacity` keys without rebuilding.
    pub fn with_capacity(capacity: usize) -> Self {
        let mut dict = Self::new();
        if capacity > 0 {
            dict.entries.reserve(capacity);
            dict.rebuild(capacity);
        }
        dict
    }

    /// `len(d)`.
    pub fn len(&self) -> usize {
        self.len
    }

    /// `not d`.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Changes whenever a key is added or removed (not when a value is
    /// replaced): an iterator that saw another version must raise
    /// "dictionary changed size during iteration" (if `len()` differs too)
    /// or "dictionary keys changed during iteration".
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Number of positions for [`Self::entry_at`]; positions stay valid
    /// while `version()` is unchanged.
    pub fn slot_count(&self) -> usize {
        self.entries.len()
    }

    /// The entry at position `i` (insertion order), `None` for a hole or
    /// past the end.
    pub fn entry_at(&self, i: usize) -> Option<(&K, &V)> {
        match self.entries.get(i) {
            Some(Some(e)) => Some((&e.key, &e.value)),
            _ => None,
        }
    }

    /// The entry at position `i` with a mutable value.
    pub fn entry_at_mut(&mut self, i: usize) -> Option<(&K, &mut V)> {
        match self.entries.get_mut(i) {
            Some(Some(e)) => Some((&e.key, &mut e.value)),
            _ => None,
        }
    }

    /// (index slot, entry position) of a key.
    fn find(&self, key: &K, hash: i64) -> Option<(usize, usize)> {
        if self.indices.is_empty() {
            return None;
        }
        let mut probe = Probe::new(hash, self.indices.len() - 1);
        loop {
            let slot = probe.next_slot();
            match self.indices[slot] {
                INDEX_EMPTY => return None,
                INDEX_DELETED => {}
                pos => {
                    if let Some(Some(e)) = self.entries.get(pos) {
                        if e.hash == hash && e.key.py_eq(key) {
                            return Some((slot, pos));
                        }
                    }
                }
            }
        }
    }

    fn contains_hashed(&self, key: &K, hash: i64) -> bool {
        self.find(key, hash).is_some()
    }

    /// `key in d`.
    pub fn contains_key(&self, key: &K) -> bool {
        self.contains_hashed(key, key.py_hash())
    }

    /// `d.get(key)`.
    pub fn get(&self, key: &K) -> Option<&V> {
        let (_, pos) = self.find(key, key.py_hash())?;
        self.entries[pos].as_ref().map(|e| &e.value)
    }

    /// The stored key equal to `key` and its value (the stored key may be
    /// of another kind: `1` stored, `1.0` asked).
    pub fn get_key_value(&self, key: &K) -> Option<(&K, &V)> {
        let (_, pos) = self.find(key, key.py_hash())?;
        self.entry_at(pos)
    }

    /// `d[key]` as an assignable place.
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let (_, pos) = self.find(key, key.py_hash())?;
        self.entries[pos].as_mut().map(|e| &mut e.value)
    }

    /// `d[key] = value`; returns the replaced value.  An existing key keeps
    /// its place and its original key object.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let hash = key.py_hash();
        if let Some((_, pos)) = self.find(&key, hash) {
            if let Some(e) = self.entries[pos].as_mut() {
                return Some(std::mem::replace(&mut e.value, value));
            }
        }
        if (self.index_fill + 1) * 3 > self.indices.len() * 2 {
            self.rebuild(self.len + 1);
        }
        self.place(hash, self.entries.len());
        self.entries.push(Some(DictEntry { hash, key, value }));
        self.len += 1;
        self.version = self.version.wrapping_add(1);
        None
    }

    /// Points a free index slot of `hash`'s probe sequence at `pos`.
    fn place(&mut self, hash: i64, pos: usize) {
        let mut probe = Probe::new(hash, self.indices.len() - 1);
        loop {
            let slot = probe.next_slot();
            let current = self.indices[slot];
            if current == INDEX_EMPTY || current == INDEX_DELETED {
                if current == INDEX_EMPTY {
                    self.index_fill += 1;
                }
                self.indices[slot] = pos;
                return;
            }
        }
    }

    /// Compacts the entries and rebuilds the index with room for `needed`
    /// keys at most a third full.
    fn rebuild(&mut self, needed: usize) {
        self.entries.retain(Option::is_some);
        let mut size = DICT_MIN_INDEX;
        while size < needed * 3 {
            size <<= 1;
        }
        self.indices = vec![INDEX_EMPTY; size];
        self.index_fill = 0;
        let hashes: Vec<i64> = self.entries.iter().flatten().map(|e| e.hash).collect();
        for (pos, hash) in hashes.into_iter().enumerate() {
            self.place(hash, pos);
        }
    }

    /// `del d[key]` / `d.pop(key)`: the removed key and value.
    pub fn remove_entry(&mut self, key: &K) -> Option<(K, V)> {
        let (slot, pos) = self.find(key, key.py_hash())?;
        self.indices[slot] = INDEX_DELETED;
        let entry = self.entries[pos].take()?;
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        self.trim_tail();
        let holes = self.entries.len() - self.len;
        if holes > DICT_MIN_INDEX && holes > self.len {
            self.rebuild(self.len);
        }
        Some((entry.key, entry.value))
    }

    /// `del d[key]` / `d.pop(key)`: the removed value.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        self.remove_entry(key).map(|(_, v)| v)
    }

    /// Drops holes at the end of the entries (cheap, keeps appends dense).
    fn trim_tail(&mut self) {
        while let Some(None) = self.entries.last() {
            self.entries.pop();
        }
    }

    /// `d.popitem()`: the last inserted entry.
    pub fn pop_last(&mut self) -> Option<(K, V)> {
        self.trim_tail();
        let pos = self.entries.len().checked_sub(1)?;
        let entry = self.entries.pop()??;
        self.unindex(entry.hash, pos);
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        self.trim_tail();
        Some((entry.key, entry.value))
    }

    /// Marks the index slot pointing at entry `pos` deleted.
    fn unindex(&mut self, hash: i64, pos: usize) {
        let mut probe = Probe::new(hash, self.indices.len() - 1);
        loop {
            let slot = probe.next_slot();
            match self.indices[slot] {
                INDEX_EMPTY => return,
                current if current == pos => {
                    self.indices[slot] = INDEX_DELETED;
                    return;
                }
                _ => {}
            }
        }
    }

    /// `d.clear()`.
    pub fn clear(&mut self) {
        self.entries = Vec::new();
        self.indices = Vec::new();
        self.index_fill = 0;
        self.len = 0;
        self.version = self.version.wrapping_add(1);
    }

    /// `d.items()` in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + '_ {
        self.entries.iter().flatten().map(|e| (&e.key, &e.value))
    }

    fn hashed_entries(&self) -> impl Iterator<Item = (i64, &K, &V)> + '_ {
        self.entries
            .iter()
            .flatten()
            .map(|e| (e.hash, &e.key, &e.value))
    }

    /// `d.keys()` in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// `d.values()` in insertion order.
    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// The values in insertion order, mutably.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> + '_ {
        self.entries.iter_mut().flatten().map(|e| &mut e.value)
    }
}

#[cfg(test)]
#[path = "../tests/tables.rs"]
mod tests;
