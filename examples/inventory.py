"""An inventory and order-fulfilment system built on dataclasses:
products, warehouses, stock movements, orders with partial fulfilment,
restocking from suppliers and a few reports."""
from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from functools import reduce
from itertools import groupby
import heapq


class Status(Enum):
    PENDING = "pending"
    PARTIAL = "partial"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


class OutOfStock(Exception):
    pass


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price: float
    category: str
    weight_kg: float = 0.5


@dataclass
class Line:
    sku: str
    quantity: int
    shipped: int = 0

    @property
    def outstanding(self):
        return self.quantity - self.shipped


@dataclass(order=True)
class Order:
    priority: int
    order_id: int
    customer: str = field(compare=False)
    lines: list = field(default_factory=list, compare=False)
    status: Status = field(default=Status.PENDING, compare=False)

    def total(self, catalogue):
        return round(sum(catalogue[l.sku].price * l.quantity for l in self.lines), 2)


@dataclass
class Warehouse:
    name: str
    stock: dict = field(default_factory=dict)
    movements: list = field(default_factory=list)

    def add(self, sku, qty, reason="restock"):
        self.stock[sku] = self.stock.get(sku, 0) + qty
        self.movements.append((reason, sku, qty))

    def take(self, sku, qty):
        have = self.stock.get(sku, 0)
        taken = min(have, qty)
        if taken:
            self.stock[sku] = have - taken
            self.movements.append(("ship", sku, -taken))
        return taken


class Inventory:
    def __init__(self, products, warehouses):
        self.catalogue = {p.sku: p for p in products}
        self.warehouses = warehouses
        self.orders = []
        self.backorders = defaultdict(int)
        self.next_id = 1

    def available(self, sku):
        return sum(w.stock.get(sku, 0) for w in self.warehouses)

    def place(self, customer, items, priority=5):
        for sku, _ in items:
            if sku not in self.catalogue:
                raise KeyError(f"unknown product {sku}")
        order = Order(priority, self.next_id, customer, [Line(sku, q) for sku, q in items])
        self.next_id += 1
        heapq.heappush(self.orders, order)
        return order

    def fulfil_all(self):
        shipped = []
        pending = []
        while self.orders:
            order = heapq.heappop(self.orders)
            self.fulfil(order)
            (shipped if order.status is Status.SHIPPED else pending).append(order)
        for order in pending:
            heapq.heappush(self.orders, order)
        return shipped, pending

    def fulfil(self, order):
        for line in order.lines:
            for warehouse in sorted(self.warehouses, key=lambda w: -w.stock.get(line.sku, 0)):
                if line.outstanding == 0:
                    break
                line.shipped += warehouse.take(line.sku, line.outstanding)
            if line.outstanding:
                self.backorders[line.sku] += line.outstanding
        if all(l.outstanding == 0 for l in order.lines):
            order.status = Status.SHIPPED
        elif any(l.shipped for l in order.lines):
            order.status = Status.PARTIAL

    def cancel(self, order_id):
        for order in self.orders:
            if order.order_id == order_id:
                order.status = Status.CANCELLED
                self.orders.remove(order)
                heapq.heapify(self.orders)
                for line in order.lines:
                    self.backorders[line.sku] -= line.outstanding
                return order
        raise LookupError(f"order {order_id} is not pending")

    def restock(self, warehouse_name):
        warehouse = next(w for w in self.warehouses if w.name == warehouse_name)
        for sku, qty in sorted(self.backorders.items()):
            if qty > 0:
                warehouse.add(sku, qty + 5)
        self.backorders.clear()

    def value(self):
        return round(sum(self.catalogue[s].price * q for w in self.warehouses for s, q in w.stock.items()), 2)


def main():
    products = [
        Product("A100", "widget", 2.50, "parts"),
        Product("A200", "gadget", 12.00, "parts", 1.2),
        Product("B100", "gizmo", 99.99, "devices", 3.0),
        Product("B200", "doohickey", 45.00, "devices", 2.2),
        Product("C100", "manual", 5.00, "books", 0.3),
    ]
    print(products[0])
    print(products[1] == Product("A200", "gadget", 12.0, "parts", 1.2), hash(products[0]) == hash(Product("A100", "widget", 2.5, "parts")))
    try:
        products[0].price = 1.0
    except AttributeError as e:
        print("frozen:", type(e).__name__)

    north = Warehouse("north")
    south = Warehouse("south")
    for sku, n, s in [("A100", 40, 10), ("A200", 5, 5), ("B100", 2, 0), ("B200", 0, 3), ("C100", 20, 20)]:
        north.add(sku, n, "initial")
        south.add(sku, s, "initial")
    inv = Inventory(products, [north, south])
    print("stock value:", inv.value())

    inv.place("ada", [("A100", 30), ("C100", 2)], priority=2)
    inv.place("bob", [("B100", 3), ("A200", 4)])
    inv.place("cy", [("B200", 1)], priority=1)
    big = inv.place("dee", [("A200", 10), ("B200", 5), ("A100", 25)], priority=3)
    inv.place("eve", [("C100", 50)], priority=9)
    print("next order:", inv.orders[0].customer, inv.orders[0].order_id)
    print("order totals:", [(o.customer, o.total(inv.catalogue)) for o in sorted(inv.orders)])
    try:
        inv.place("fay", [("Z999", 1)])
    except KeyError as e:
        print("rejected:", e)

    shipped, pending = inv.fulfil_all()
    print("shipped:", [o.customer for o in shipped])
    for o in pending:
        detail = ", ".join(f"{l.sku} {l.shipped}/{l.quantity}" for l in o.lines)
        print(f"  pending {o.order_id} {o.customer}: {o.status.value} [{detail}]")
    print("backorders:", dict(sorted(inv.backorders.items())))
    print("big order status:", big.status, big.status.name, big.status is Status.PARTIAL)

    cancelled = inv.cancel(5)
    print("cancelled", cancelled.customer, cancelled.status.value, "backorders now", dict(sorted(inv.backorders.items())))
    try:
        inv.cancel(1)
    except LookupError as e:
        print("LookupError:", e)

    inv.restock("south")
    shipped, pending = inv.fulfil_all()
    print("after restock shipped:", [o.customer for o in shipped], "pending:", len(pending))
    print("stock:", {w.name: {k: v for k, v in sorted(w.stock.items()) if v} for w in inv.warehouses})
    print("stock value:", inv.value())

    moves = sorted(north.movements + south.movements, key=lambda m: (m[0], m[1]))
    for reason, group in groupby(moves, key=lambda m: m[0]):
        group = list(group)
        print(f"  {reason:<8} {len(group):2} moves, net {sum(q for _, _, q in group):+d}")
    by_cat = defaultdict(list)
    for p in inv.catalogue.values():
        by_cat[p.category].append(p)
    for cat in sorted(by_cat):
        items = by_cat[cat]
        weight = reduce(lambda acc, p: acc + p.weight_kg * inv.available(p.sku), items, 0.0)
        print(f"  {cat:<8} skus={[p.sku for p in items]} units={sum(inv.available(p.sku) for p in items)} weight={weight:.1f}kg")
    print([s.value for s in Status], Status("shipped"), Status["CANCELLED"].value)


if __name__ == "__main__":
    main()
