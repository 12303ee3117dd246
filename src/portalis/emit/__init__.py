"""Printing the Rust IR as Rust text (`rust`) and the naming rules for identifiers and
literals (`names`)."""
