"""Reports: trial balance, income statement, balance sheet."""
from .model import Kind


def money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d}"


def trial_balance(ledger):
    lines = ["TRIAL BALANCE", f"{'code':<6}{'account':<22}{'debit':>12}{'credit':>12}"]
    debits = credits = 0
    for account in sorted(ledger.accounts.values(), key=lambda a: a.code):
        if account.balance == 0:
            continue
        debit = account.balance if account.balance > 0 else 0
        credit = -account.balance if account.balance < 0 else 0
        debits += debit
        credits += credit
        lines.append(f"{account.code:<6}{account.name:<22}{money(debit) if debit else '':>12}{money(credit) if credit else '':>12}")
    lines.append(f"{'':<28}{money(debits):>12}{money(credits):>12}")
    lines.append("balanced" if debits == credits else "NOT BALANCED")
    return "\n".join(lines)


def _section(ledger, kind, title):
    rows = [(a.name, a.signed()) for a in ledger.accounts_of(kind) if a.balance]
    total = sum(amount for _, amount in rows)
    lines = [f"  {title}"] + [f"    {name:<24}{money(amount):>12}" for name, amount in rows]
    lines.append(f"    {'total ' + title.lower():<24}{money(total):>12}")
    return lines, total


def income_statement(ledger):
    income, earned = _section(ledger, Kind.INCOME, "Income")
    expenses, spent = _section(ledger, Kind.EXPENSE, "Expenses")
    result = earned - spent
    word = "profit" if result >= 0 else "loss"
    return "\n".join(["INCOME STATEMENT"] + income + expenses + [f"  net {word:<26}{money(result):>12}"])


def balance_sheet(ledger):
    assets, total_assets = _section(ledger, Kind.ASSET, "Assets")
    liabilities, total_liabilities = _section(ledger, Kind.LIABILITY, "Liabilities")
    equity, total_equity = _section(ledger, Kind.EQUITY, "Equity")
    earnings = sum(a.signed() for a in ledger.accounts_of(Kind.INCOME)) - \
        sum(a.signed() for a in ledger.accounts_of(Kind.EXPENSE))
    right = total_liabilities + total_equity + earnings
    check = "assets = liabilities + equity + earnings" if right == total_assets else "OUT OF BALANCE"
    return "\n".join(["BALANCE SHEET"] + assets + liabilities + equity +
                     [f"    {'retained earnings':<24}{money(earnings):>12}", f"  {check}"])
