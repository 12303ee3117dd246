"""A Richards-style operating-system simulation: a scheduler switching between tasks of
several kinds that pass work packets to each other through their queues."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = True
        self.held = False
        self.next = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        packet = self.queue
        if packet is not None:
            self.queue = packet.link
        return packet

    def deliver(self, packet):
        """Queue `packet` here; True when this task should run before the current one."""
        was_empty = self.queue is None
        self.queue = packet.append_to(self.queue)
        return was_empty and self.priority > self.scheduler.current.priority

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        super().__init__(scheduler, ident, priority, None)
        self.waiting = False
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.control & 1 == 0:
            self.control = self.control // 2
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.dest = self.destination
        packet.datum = 0
        for i in range(4):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            if work.datum >= 4:
                self.work = work.link
                return self.scheduler.send(work)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[work.datum]
                work.datum += 1
                return self.scheduler.send(device)
        return self.scheduler.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait()
            done = self.pending
            self.pending = None
            return self.scheduler.send(done)
        self.pending = packet
        self.scheduler.chars += 1
        return self.scheduler.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.chars = 0
        self.holds = 0
        self.sends = 0

    def find(self, ident):
        return self.table[ident]

    def release(self, ident):
        task = self.find(ident)
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_current(self):
        self.holds += 1
        self.current.held = True
        return self.current.next

    def wait(self):
        self.current.waiting = True
        return self.current

    def send(self, packet):
        target = self.find(packet.dest)
        self.sends += 1
        packet.dest = self.current.ident
        if target.deliver(packet):
            return target
        return self.current

    def schedule(self):
        self.current = self.tasks
        while self.current is not None:
            task = self.current
            if task.runnable():
                packet = None
                if task.waiting:
                    packet = task.take_packet()
                    task.waiting = False
                self.current = task.run(packet)
            else:
                self.current = task.next


def work_queue(count, dest, kind):
    queue = None
    for _ in range(count):
        queue = Packet(queue, dest, kind)
    return queue


def simulate(idle_count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, idle_count)
    WorkerTask(s, WORKER, 1000, work_queue(2, IDLE, KIND_WORK))
    HandlerTask(s, HANDLER_A, 2000, work_queue(3, DEVICE_A, KIND_DEVICE))
    HandlerTask(s, HANDLER_B, 3000, work_queue(3, DEVICE_B, KIND_DEVICE))
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s.sends, s.holds, s.chars


total = [0, 0, 0]
for round_no in range(10):
    sends, holds, chars = simulate(30000 + round_no)
    total[0] += sends
    total[1] += holds
    total[2] += chars
print("sends", total[0], "holds", total[1], "chars", total[2])
