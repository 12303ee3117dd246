"""A bank simulation: accounts with inheritance, custom exceptions, a ledger,
interest, overdrafts and a seeded random stream of transactions."""
import random
from collections import defaultdict


class BankError(Exception):
    """Base class for everything that can go wrong at the bank."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} cannot withdraw {amount}: balance is {account.balance}")
        self.account = account
        self.amount = amount


class AccountFrozen(BankError):
    pass


class Account:
    _next_number = 1000
    kind = "basic"

    def __init__(self, owner, balance=0):
        Account._next_number += 1
        self.number = Account._next_number
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def can_withdraw(self, amount):
        return amount <= self.balance

    def withdraw(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        if not self.can_withdraw(amount):
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

    def month_end(self):
        pass

    def __str__(self):
        return f"{self.kind:<8} #{self.number} {self.owner:<6} {self.balance:>10.2f}"

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance!r})"

    def __lt__(self, other):
        return (self.balance, self.number) < (other.balance, other.number)


class SavingsAccount(Account):
    kind = "savings"

    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
        self.withdrawals_this_month = 0

    def withdraw(self, amount):
        if self.withdrawals_this_month >= 3:
            raise BankError(f"savings account {self.number} allows 3 withdrawals a month")
        result = super().withdraw(amount)
        self.withdrawals_this_month += 1
        return result

    def month_end(self):
        interest = round(self.balance * self.rate / 12, 2)
        self.balance = round(self.balance + interest, 2)
        self.history.append(("interest", interest))
        self.withdrawals_this_month = 0


class CheckingAccount(Account):
    kind = "checking"
    FEE = 2.5

    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def can_withdraw(self, amount):
        return amount <= self.balance + self.overdraft

    def month_end(self):
        if self.balance < 0:
            self.balance -= self.FEE
            self.history.append(("fee", self.FEE))


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.ledger = []
        self.failures = defaultdict(int)

    def open(self, account):
        self.accounts[account.number] = account
        return account

    def transfer(self, source, target, amount):
        src = self.accounts[source]
        dst = self.accounts[target]
        try:
            src.withdraw(amount)
        except BankError as e:
            self.failures[type(e).__name__] += 1
            raise
        try:
            dst.deposit(amount)
        except BankError:
            src.deposit(amount)  # roll back
            self.failures["rollback"] += 1
            raise
        self.ledger.append((source, target, amount))

    def total(self):
        return sum(a.balance for a in self.accounts.values())

    def month_end(self):
        for account in self.accounts.values():
            account.month_end()

    def report(self):
        print(f"--- {self.name}: {len(self.accounts)} accounts, total {self.total():,.2f}")
        for account in sorted(self.accounts.values(), reverse=True):
            print("  " + str(account))


def main():
    rng = random.Random(2024)
    bank = Bank("First Portalis Bank")
    people = ["alice", "bob", "carol", "dave", "erin", "frank"]
    for i, person in enumerate(people):
        if i % 3 == 0:
            bank.open(SavingsAccount(person, 500 + 100 * i, rate=0.03))
        elif i % 3 == 1:
            bank.open(CheckingAccount(person, 50 * i, overdraft=200))
        else:
            bank.open(Account(person, balance=300))
    bank.report()
    print(repr(bank.accounts[1001]), repr(bank.accounts[1002]))

    numbers = sorted(bank.accounts)
    for month in range(1, 4):
        ok = 0
        for _ in range(12):
            a, b = rng.sample(numbers, 2)
            amount = rng.randint(1, 40) * 5
            try:
                bank.transfer(a, b, amount)
                ok += 1
            except InsufficientFunds as e:
                print(f"  m{month}: declined: {e} (short by {e.amount - e.account.balance})")
            except BankError as e:
                print(f"  m{month}: refused: {e}")
        if month == 2:
            bank.accounts[1003].frozen = True
        bank.month_end()
        print(f"month {month}: {ok} transfers ok")
        bank.report()

    try:
        bank.accounts[1004].deposit(-5)
    except ValueError as e:
        print("ValueError:", e)
    try:
        bank.transfer(1001, 9999, 10)
    except KeyError as e:
        print("no such account:", e)

    print("failures:", dict(sorted(bank.failures.items())))
    print("ledger size:", len(bank.ledger), "moved:", sum(amount for _, _, amount in bank.ledger))
    biggest = max(bank.ledger, key=lambda entry: (entry[2], entry[0]))
    print("biggest transfer:", biggest)
    for number in numbers:
        kinds = defaultdict(float)
        for kind, amount in bank.accounts[number].history:
            kinds[kind] += amount
        summary = ", ".join(f"{k}={v:g}" for k, v in sorted(kinds.items()))
        print(f"  #{number}: {summary}")
    assert abs(bank.total() - sum(a.balance for a in bank.accounts.values())) < 1e-9
    richest = max(bank.accounts.values())
    print("richest:", richest.owner, "with", richest.balance)


if __name__ == "__main__":
    main()
