"""Front end: source text to a checked, desugared Python AST (parse, desugar, generators)."""
