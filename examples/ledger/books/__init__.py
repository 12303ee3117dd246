"""Bookkeeping: model (dataclasses), ledger (posting rules, persistence), journal (CSV), reports."""
