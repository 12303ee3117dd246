"""Per-client token buckets: `rate_limit_per_minute` tokens a minute, at most `burst` saved.

In memory for one process; in Redis (one Lua script, atomic, clocked by Redis's own
TIME) when replicas must share one budget per client.
"""
from __future__ import annotations

import time


class MemoryLimiter:
    name = "memory"

    def __init__(self, per_minute: int, burst: int):
        self._rate = per_minute / 60.0
        self._burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}

    async def acquire(self, client: str) -> float:
        """0 when a token was taken, else the seconds until one will be available."""
        now = time.monotonic()
        if len(self._buckets) > 10_000:  # forget buckets that have refilled: same as new ones
            refill = self._burst / self._rate
            self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < refill}
        tokens, last = self._buckets.get(client, (self._burst, now))
        tokens = min(self._burst, tokens + (now - last) * self._rate)
        if tokens >= 1.0:
            self._buckets[client] = (tokens - 1.0, now)
            return 0.0
        self._buckets[client] = (tokens, now)
        return (1.0 - tokens) / self._rate


_BUCKET_LUA = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return tostring(wait)
"""


class RedisLimiter:
    name = "redis"

    def __init__(self, client, per_minute: int, burst: int):
        self._rate = per_minute / 60.0
        self._burst = burst
        self._script = client.register_script(_BUCKET_LUA)

    async def acquire(self, client: str) -> float:
        wait = await self._script(keys=["portalis:ratelimit:" + client], args=[self._rate, self._burst])
        return float(wait)


class FailedAuthLimiter:
    """Wrong API keys per client address: `per_minute` are tolerated, then every request
    from that address is 429 (without even looking at its key) until the bucket refills,
    so keys cannot be guessed at speed.  In memory: each replica limits its own share."""

    def __init__(self, per_minute: int):
        self._bucket = MemoryLimiter(per_minute, per_minute)
        self._blocked: dict[str, float] = {}

    def blocked_for(self, address: str) -> float:
        """Seconds this address must still wait (0 when it may try)."""
        wait = self._blocked.get(address, 0.0) - time.monotonic()
        if wait <= 0:
            self._blocked.pop(address, None)
            return 0.0
        return wait

    async def failed(self, address: str) -> float:
        """Count a wrong key; the seconds the address is now blocked for (0: not blocked)."""
        wait = await self._bucket.acquire(address)
        if wait > 0:
            if len(self._blocked) > 10_000:
                self._blocked = {a: t for a, t in self._blocked.items() if t > time.monotonic()}
            self._blocked[address] = time.monotonic() + wait
        return wait
