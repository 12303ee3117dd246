"""The journal file: CSV rows (number, date, account, debit, credit, memo); rows sharing a
number make one transaction. Bad rows and unbalanced transactions are rejected with reasons."""
import csv
from datetime import date

from .ledger import LedgerError


def cents(text):
    text = text.strip()
    if not text:
        return 0
    whole, _, frac = text.partition(".")
    if not whole.isdigit() or (frac and (not frac.isdigit() or len(frac) > 2)):
        raise ValueError(f"bad amount {text!r}")
    return int(whole) * 100 + int((frac + "00")[:2])


def load(path, ledger):
    groups = {}
    order = []
    rejected = []
    with open(path, newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), 2):
            where = f"{path}:{line}"
            try:
                day = date.fromisoformat(row["date"])
                amount = cents(row["debit"]) - cents(row["credit"])
            except ValueError as e:
                rejected.append((where, str(e)))
                continue
            key = row["number"]
            if key not in groups:
                groups[key] = {"date": day, "memo": row["memo"], "postings": [], "where": where}
                order.append(key)
            groups[key]["postings"].append((row["account"], amount))
    posted = 0
    for key in order:
        group = groups[key]
        try:
            ledger.post(group["date"].isoformat(), group["memo"], group["postings"])
            posted += 1
        except LedgerError as e:
            rejected.append((group["where"], str(e)))
    return posted, rejected
