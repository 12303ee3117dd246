"""Lowering to the typed Rust IR, one module per syntax area: `module` (program structure
and statements), `expr` (expressions), `calls` (builtins, user functions, methods, stdlib),
`classes` (class definitions)."""
