"""Analyses over the desugared AST: where names live (scopes), what types values have
(types), which functions are generators (effects), and the stdlib names Portalis knows."""
