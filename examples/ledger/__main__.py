"""A small bookkeeping app: a chart of accounts and opening balances from data/opening.json,
a journal of transactions from data/journal.csv (rows sharing a number form one balanced
transaction), rejected rows with reasons, the book persisted as JSON and loaded back, and
a trial balance, income statement and balance sheet. Amounts are integer cents.
Run from this folder: python3 __main__.py (or `portalis check .`)."""
import json
import os

from books.model import Kind
from books.ledger import Ledger, LedgerError
from books import journal, reports

OUT = "out"


def main():
    with open("data/opening.json", encoding="utf-8") as f:
        opening = json.load(f)
    ledger = Ledger.from_chart(opening["company"], opening["accounts"])
    ledger.open_balances(opening["date"], opening["balances"])
    print(f"{ledger.company}: {len(ledger.accounts)} accounts, opened {opening['date']}")

    posted, rejected = journal.load("data/journal.csv", ledger)
    print(f"journal: {posted} transactions posted, {len(rejected)} rejected")
    for where, reason in rejected:
        print(f"  rejected {where}: {reason}")
    try:
        ledger.post("2024-03-31", "bad on purpose", [("1000", 100), ("4000", -90)])
    except LedgerError as e:
        print("refused:", e)

    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "book.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(ledger.to_dict(), f, indent=2)
    with open(path, encoding="utf-8") as f:
        again = Ledger.from_dict(json.load(f))
    same = again.to_dict() == ledger.to_dict()
    print(f"saved {path} ({os.path.getsize(path)} bytes); reloaded identical: {same}")

    print()
    print(reports.trial_balance(again))
    print()
    print(reports.income_statement(again))
    print()
    print(reports.balance_sheet(again))
    print()
    biggest = max(again.transactions, key=lambda t: t.total())
    print(f"largest transaction: #{biggest.number} {biggest.memo!r} {reports.money(biggest.total())}")
    kinds = {kind.name: len(again.accounts_of(kind)) for kind in Kind}
    print("accounts by kind:", kinds)


main()
