"""The translation passes, in pipeline order: parse, scopes, types, effects, lower,
rust_printer.  Each module's docstring says what it decides and why."""
