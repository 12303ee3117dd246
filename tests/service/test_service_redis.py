"""Two replicas sharing a real redis-server: one cache, one rate-limit budget per key."""
from __future__ import annotations

import pytest

from service_support import API_KEYS, unique_function

pytestmark = pytest.mark.slow
TRANSLATE = "/api/v1/translation/translate"


def test_replicas_report_redis(replicas):
    for replica in replicas:
        deps = replica.client.get("/health").json()["dependencies"]
        assert deps["cache"] == "redis ok" and deps["rate_limiter"] == "redis"


def test_a_translation_on_one_replica_is_a_cache_hit_on_the_other(replicas):
    first, second = replicas
    headers = {"X-API-Key": API_KEYS["alice"]}
    code = unique_function()
    a = first.client.post(TRANSLATE, json={"python_code": code}, headers=headers).json()
    b = second.client.post(TRANSLATE, json={"python_code": code}, headers=headers).json()
    assert (a["cached"], b["cached"]) == (False, True)
    assert a["rust_code"] == b["rust_code"]
    assert second.status()["cache"]["backend"] == "redis"


def test_the_rate_limit_budget_is_shared_across_replicas(replicas):
    first, second = replicas
    headers = {"X-API-Key": API_KEYS["bob"]}
    code = unique_function()
    statuses = []
    for i in range(8):
        replica = first if i % 2 == 0 else second
        statuses.append(replica.client.post(TRANSLATE, json={"python_code": code}, headers=headers).status_code)
    assert statuses[:6] == [200] * 6  # burst of 6 across both
    assert statuses[6:] == [429, 429]
