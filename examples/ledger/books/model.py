"""The data: accounts, postings and transactions, as dataclasses."""
from dataclasses import dataclass, field, asdict, replace
from enum import Enum


class Kind(Enum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"

    @property
    def debit_normal(self):
        return self in (Kind.ASSET, Kind.EXPENSE)


@dataclass
class Account:
    code: str
    name: str
    kind: Kind
    balance: int = 0

    def signed(self):
        """The balance as reported: debit-normal accounts positive when debited."""
        return self.balance if self.kind.debit_normal else -self.balance


@dataclass(frozen=True)
class Posting:
    account: str
    amount: int  # cents; positive debits, negative credits


@dataclass
class Transaction:
    number: int
    date: str
    memo: str
    postings: list = field(default_factory=list)

    def total(self):
        return sum(p.amount for p in self.postings if p.amount > 0)

    def as_record(self):
        record = asdict(self)
        record["postings"] = [[p["account"], p["amount"]] for p in record["postings"]]
        return record


def renamed(account, name):
    return replace(account, name=name)
