"""A discrete-event simulation: a coffee shop with baristas, customers
arriving at random, priorities, cancellations and periodic events,
driven by a heapq-based scheduler."""
import heapq
import itertools
import random
from dataclasses import dataclass, field
from functools import total_ordering


@total_ordering
@dataclass
class Event:
    time: float
    priority: int
    seq: int
    name: str
    action: object = field(compare=False, repr=False)
    cancelled: bool = field(default=False, compare=False)

    def __lt__(self, other):
        return (self.time, self.priority, self.seq) < (other.time, other.priority, other.seq)

    def __eq__(self, other):
        return (self.time, self.priority, self.seq) == (other.time, other.priority, other.seq)


class Scheduler:
    def __init__(self):
        self.queue = []
        self.now = 0.0
        self.counter = itertools.count()
        self.log = []
        self.processed = 0

    def schedule(self, delay, name, action, priority=5):
        if delay < 0:
            raise ValueError(f"cannot schedule {name!r} in the past")
        event = Event(self.now + delay, priority, next(self.counter), name, action)
        heapq.heappush(self.queue, event)
        return event

    def every(self, interval, name, action, until):
        def tick():
            action()
            if self.now + interval <= until:
                self.schedule(interval, name, tick, priority=1)
        return self.schedule(interval, name, tick, priority=1)

    def cancel(self, event):
        event.cancelled = True

    def run(self, until=float("inf")):
        while self.queue:
            event = heapq.heappop(self.queue)
            if event.time > until:
                heapq.heappush(self.queue, event)
                break
            if event.cancelled:
                self.log.append(f"{event.time:7.2f}  (skipped cancelled {event.name})")
                continue
            self.now = event.time
            self.processed += 1
            event.action()
        self.now = max(self.now, until) if until != float("inf") else self.now

    def emit(self, message):
        self.log.append(f"{self.now:7.2f}  {message}")


class CoffeeShop:
    MENU = {"espresso": 1.5, "latte": 3.0, "cappuccino": 2.5, "mocha": 4.0}
    PRICES = {"espresso": 2.2, "latte": 3.4, "cappuccino": 3.1, "mocha": 3.9}

    def __init__(self, sim, baristas, rng):
        self.sim = sim
        self.free = baristas
        self.waiting = []
        self.rng = rng
        self.served = 0
        self.revenue = 0.0
        self.waits = []
        self.gave_up = 0
        self.max_queue = 0
        self.timeouts = {}

    def arrive(self, customer, drink, patience):
        self.sim.emit(f"{customer} arrives wanting a {drink}")
        if self.free:
            self.start(customer, drink, self.sim.now)
        else:
            self.waiting.append((customer, drink, self.sim.now))
            self.max_queue = max(self.max_queue, len(self.waiting))
            self.timeouts[customer] = self.sim.schedule(
                patience, f"{customer} gives up", lambda: self.give_up(customer), priority=9)

    def give_up(self, customer):
        self.waiting = [w for w in self.waiting if w[0] != customer]
        self.gave_up += 1
        self.sim.emit(f"{customer} gives up waiting")

    def start(self, customer, drink, arrived):
        self.free -= 1
        self.waits.append(self.sim.now - arrived)
        duration = self.MENU[drink] * self.rng.uniform(0.8, 1.3)
        self.sim.schedule(duration, f"finish {customer}", lambda: self.finish(customer, drink), priority=2)

    def finish(self, customer, drink):
        self.free += 1
        self.served += 1
        self.revenue += self.PRICES[drink]
        self.sim.emit(f"{customer} gets their {drink}")
        if self.waiting:
            nxt, nxt_drink, arrived = self.waiting.pop(0)
            timeout = self.timeouts.pop(nxt, None)
            if timeout is not None:
                self.sim.cancel(timeout)
            self.start(nxt, nxt_drink, arrived)

    def report(self):
        avg = sum(self.waits) / len(self.waits) if self.waits else 0
        print(f"served {self.served}, gave up {self.gave_up}, revenue ${self.revenue:.2f}")
        print(f"average wait {avg:.2f} min, longest {max(self.waits):.2f}, max queue {self.max_queue}")


def main():
    rng = random.Random(42)
    sim = Scheduler()
    shop = CoffeeShop(sim, baristas=2, rng=rng)
    names = (f"customer{i:02d}" for i in itertools.count(1))
    drinks = list(CoffeeShop.MENU)

    t = 0.0
    for _ in range(18):
        t += rng.expovariate(1 / 1.2)
        name = next(names)
        drink = rng.choice(drinks)
        patience = rng.randint(2, 6)
        sim.schedule(t, f"arrival {name}", lambda n=name, d=drink, p=patience: shop.arrive(n, d, p))

    readings = []
    sim.every(5, "queue check", lambda: readings.append((round(sim.now), len(shop.waiting))), until=30)
    promo = sim.schedule(10, "promotion", lambda: sim.emit("PROMOTION!"))
    sim.cancel(promo)
    sim.schedule(12, "announcement", lambda: sim.emit("half-time announcement"), priority=0)

    sim.run(until=15)
    print(f"paused at t={sim.now:.2f} with {len(sim.queue)} pending events")
    sim.run()
    for line in sim.log:
        print(line)
    print()
    shop.report()
    print("queue readings:", readings)
    print("events processed:", sim.processed)
    try:
        sim.schedule(-1, "time travel", lambda: None)
    except ValueError as e:
        print("ValueError:", e)
    early = Event(1.0, 5, 0, "a", None)
    late = Event(1.0, 5, 1, "b", None)
    print(early, early < late, early >= late, sorted([late, early])[0].name)


if __name__ == "__main__":
    main()
