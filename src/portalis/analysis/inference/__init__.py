"""Whole-program type inference, no annotations required.

- `lattice`: what a place can hold (scalars, unified containers, class instances, dyn).
- `program`: the places of a module: variables, parameters, returns, class attributes.
- `builtins`: result types of builtins, builtin-type methods and stdlib functions.
- `walk`: the constraint walk over one scope's statements and expressions.
- `solve`: the fixed point across calls.
- `report`: signatures, attributes, globals and fallbacks with their reasons.
"""
from portalis.analysis.inference.solve import Inference, infer

__all__ = ["Inference", "infer"]
