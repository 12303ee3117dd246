"""The ledger: accounts by code, posting rules (balanced, known accounts), JSON round trip."""
from .model import Account, Kind, Posting, Transaction


class LedgerError(Exception):
    def __init__(self, message, number=None):
        super().__init__(message)
        self.number = number


class Ledger:
    def __init__(self, company):
        self.company = company
        self.accounts = {}
        self.transactions = []

    @classmethod
    def from_chart(cls, company, chart):
        ledger = cls(company)
        for code, name, kind in chart:
            ledger.accounts[code] = Account(code, name, Kind(kind))
        return ledger

    def open_balances(self, date, balances):
        postings = [(code, amount) for code, amount in sorted(balances.items())]
        self.post(date, "opening balances", postings)

    def post(self, date, memo, postings):
        number = len(self.transactions) + 1
        if len(postings) < 2:
            raise LedgerError(f"transaction {number} needs two postings at least", number)
        unknown = [code for code, _ in postings if code not in self.accounts]
        if unknown:
            raise LedgerError(f"unknown account {unknown[0]}", number)
        imbalance = sum(amount for _, amount in postings)
        if imbalance:
            side = "debits" if imbalance > 0 else "credits"
            raise LedgerError(f"transaction {number} does not balance: {side} exceed by {abs(imbalance)} cents", number)
        transaction = Transaction(number, date, memo, [Posting(code, amount) for code, amount in postings])
        for posting in transaction.postings:
            self.accounts[posting.account].balance += posting.amount
        self.transactions.append(transaction)
        return transaction

    def accounts_of(self, kind):
        return [a for a in sorted(self.accounts.values(), key=lambda a: a.code) if a.kind == kind]

    def to_dict(self):
        return {
            "company": self.company,
            "accounts": [[a.code, a.name, a.kind.value] for a in sorted(self.accounts.values(), key=lambda a: a.code)],
            "transactions": [t.as_record() for t in self.transactions],
        }

    @classmethod
    def from_dict(cls, data):
        ledger = cls.from_chart(data["company"], data["accounts"])
        for record in data["transactions"]:
            ledger.post(record["date"], record["memo"], [(code, amount) for code, amount in record["postings"]])
        return ledger
