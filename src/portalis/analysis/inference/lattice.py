"""The type lattice of the inference: what a Python value held in one place can be.

A type is a set of *atoms*: scalars (`int`, `float`, `bool`, `str`, `None`),
containers (`list`, `set`, `dict`, `iter` carry the `Place` of their elements; a tuple
of each arity carries its items' types), instances of a user class (`class:Name`),
`func` (a function used as a value) and `dyn` (unknown, with the reason why).

Containers are unified, not copied: a list has one element place shared by every
variable, parameter or field it flows into, so appending through one alias widens
what all aliases see.  Scalars join (`int` then `str` is `int | str`).  Both only
grow, so iterating the walk over the program reaches a fixed point.
"""
from __future__ import annotations

SCALARS = ("bool", "int", "float", "str", "None")
CONTAINERS = ("list", "set", "iter")
MAX_DEPTH = 4  # deeper nesting (x = [x]) is dynamic, which keeps the lattice finite


class Place:
    """Somewhere a value lives: a variable, parameter, return value, field or the
    elements of a container.  Places are merged with union-find."""
    __slots__ = ("parent", "ty", "label", "lines", "solver")

    def __init__(self, solver, label: str = ""):
        self.parent: Place | None = None
        self.ty = EMPTY
        self.label = label
        self.lines: dict[str, int] = {}  # atom -> line where it first arrived
        self.solver = solver

    def find(self) -> "Place":
        p = self
        while p.parent is not None:
            if p.parent.parent is not None:
                p.parent = p.parent.parent
            p = p.parent
        return p

    def add(self, ty: "Ty", line: int = 0) -> None:
        root = self.find()
        if not ty.atoms or _contains(root.ty.atoms, ty.atoms):
            return
        joined = join(root.ty, ty)
        if signature(joined) != signature(root.ty):
            for atom in joined.atoms:
                if atom not in root.lines:
                    root.lines[atom] = line
            root.ty = joined
            root.solver.changed += 1

    @property
    def type(self) -> "Ty":
        return self.find().ty


def _contains(have: dict, new: dict) -> bool:
    """Whether joining `new` into `have` would change nothing (the common case)."""
    for atom, payload in new.items():
        if atom not in have:
            return False
        if payload is None or atom == "dyn":
            continue
        old = have[atom]
        if atom in CONTAINERS:
            if payload is not old and payload.find() is not old.find():
                return False
        elif payload is not old and signature(Ty({atom: payload})) != signature(Ty({atom: old})):
            return False
    return True


class Ty:
    """An immutable set of atoms (see the module docstring)."""
    __slots__ = ("atoms",)

    def __init__(self, atoms: dict):
        self.atoms = atoms

    def has(self, atom: str) -> bool:
        return atom in self.atoms

    def only(self, *atoms: str) -> bool:
        return bool(self.atoms) and all(a in atoms for a in self.atoms)

    def single(self) -> str | None:
        return next(iter(self.atoms)) if len(self.atoms) == 1 else None

    @property
    def is_dyn(self) -> bool:
        return "dyn" in self.atoms

    def elem(self, kind: str):
        return self.atoms.get(kind)

    def classes(self) -> list[str]:
        return [a[6:] for a in self.atoms if a.startswith("class:")]

    def tuples(self) -> list[tuple]:
        return [v for a, v in self.atoms.items() if a.startswith("tuple")]


EMPTY = Ty({})


def scalar(name: str) -> Ty:
    return _SCALAR_TYS[name]


_SCALAR_TYS = {name: Ty({name: None}) for name in SCALARS}
INT, FLOAT, BOOL, STR, NONE = (scalar(n) for n in ("int", "float", "bool", "str", "None"))
FUNC = Ty({"func": None})


def dyn(reason: str) -> Ty:
    return Ty({"dyn": reason})


def container(kind: str, elements: Place) -> Ty:
    return Ty({kind: elements})


def dict_of(keys: Place, values: Place) -> Ty:
    return Ty({"dict": (keys, values)})


def tuple_of(items: list[Ty]) -> Ty:
    if any(depth(t) >= MAX_DEPTH for t in items):
        return dyn("tuple nested too deeply")
    return Ty({f"tuple{len(items)}": tuple(items)})


def instance(cls: str) -> Ty:
    return Ty({f"class:{cls}": None})


def join(a: Ty, b: Ty) -> Ty:
    if not a.atoms:
        return b
    if not b.atoms:
        return a
    out = dict(a.atoms)
    for atom, payload in b.atoms.items():
        if atom not in out:
            out[atom] = payload
        elif atom in CONTAINERS:
            unify(out[atom], payload)
        elif atom == "dict":
            unify(out[atom][0], payload[0])
            unify(out[atom][1], payload[1])
        elif atom.startswith("tuple"):
            items = tuple(join(x, y) for x, y in zip(out[atom], payload))
            out[atom] = items if all(depth(t) < MAX_DEPTH for t in items) else None
            if out[atom] is None:
                del out[atom]
                out.setdefault("dyn", "tuple nested too deeply")
    return Ty(out)


def unify(p: Place, q: Place) -> None:
    p, q = p.find(), q.find()
    if p is q:
        return
    q.parent = p
    for atom, line in q.lines.items():
        p.lines.setdefault(atom, line)
    p.ty = join(p.ty, q.ty)
    p.solver.changed += 1


def depth(ty: Ty, seen: frozenset = frozenset()) -> int:
    """How deeply containers nest in `ty` (MAX_DEPTH for a type that contains itself)."""
    best = 0
    for atom, payload in ty.atoms.items():
        if atom in CONTAINERS or atom == "dict":
            for place in (payload,) if atom in CONTAINERS else payload:
                inner = place.find()
                if id(inner) in seen:
                    return MAX_DEPTH
                best = max(best, 1 + depth(inner.ty, seen | {id(inner)}))
                if best >= MAX_DEPTH:
                    return best
        elif atom.startswith("tuple"):
            best = max(best, 1 + max((depth(t, seen) for t in payload), default=0))
    return best


def signature(ty: Ty):
    """A hashable summary that changes whenever the type grows."""
    parts = []
    for atom, payload in ty.atoms.items():
        if atom in CONTAINERS:
            parts.append((atom, id(payload.find())))
        elif atom == "dict":
            parts.append((atom, id(payload[0].find()), id(payload[1].find())))
        elif atom.startswith("tuple"):
            parts.append((atom, tuple(signature(t) for t in payload)))
        else:
            parts.append((atom,))
    return frozenset(parts)


def show(ty: Ty, seen: frozenset = frozenset()) -> str:
    """Python-style spelling: `list[int]`, `dict[str, float]`, `int | None`."""
    if not ty.atoms:
        return "never"
    parts = []
    for atom, payload in ty.atoms.items():
        if atom in CONTAINERS:
            parts.append(f"{'Iterator' if atom == 'iter' else atom}[{_show_place(payload, seen)}]")
        elif atom == "dict":
            parts.append(f"dict[{_show_place(payload[0], seen)}, {_show_place(payload[1], seen)}]")
        elif atom.startswith("tuple"):
            parts.append("tuple[" + (", ".join(show(t, seen) for t in payload) or "()") + "]")
        elif atom.startswith("class:"):
            parts.append(atom[6:])
        elif atom == "func":
            parts.append("Callable")
        elif atom == "dyn":
            parts.append("Any")
        else:
            parts.append(atom)
    order = {"None": 2, "Any": 3}
    return " | ".join(sorted(parts, key=lambda p: order.get(p, 0)))


def _show_place(place: Place, seen: frozenset) -> str:
    root = place.find()
    if id(root) in seen:
        return "..."
    return show(root.ty, seen | {id(root)}) if root.ty.atoms else "Any"
