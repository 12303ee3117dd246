// k6 load test for the Portalis translation service (NIM API).
//   k6 run -e BASE_URL=http://127.0.0.1:8000 [-e API_KEY=...] loadtest/k6.js
// Ramping stages up to 100 virtual users; the run fails if p95 >= 2 s, p99 >= 5 s
// or more than 5 % of requests fail.
import http from 'k6/http';
import { check, sleep } from 'k6';
import { Rate, Trend } from 'k6/metrics';

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8000';
const HEADERS = Object.assign({ 'Content-Type': 'application/json' },
  __ENV.API_KEY ? { 'X-API-Key': __ENV.API_KEY } : {});
const errors = new Rate('errors');
const translateTime = new Trend('translate_duration', true);

export const options = {
  stages: [
    { duration: '30s', target: 10 },
    { duration: '1m', target: 50 },
    { duration: '2m', target: 50 },
    { duration: '30s', target: 100 },
    { duration: '1m', target: 100 },
    { duration: '30s', target: 0 },
  ],
  thresholds: {
    http_req_duration: ['p(95)<2000', 'p(99)<5000'],
    errors: ['rate<0.05'],
    http_req_failed: ['rate<0.05'],
  },
};

const SNIPPETS = [
  'def add(a: int, b: int) -> int:\n    return a + b\n\n\nprint(add(1, 2))\n',
  'def fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\n\nprint(fib(20))\n',
  'def squares(n: int) -> list[int]:\n    return [i * i for i in range(n)]\n\n\nprint(squares(10))\n',
  'def total(xs: list[int]) -> int:\n    s = 0\n    for x in xs:\n        if x > 0:\n            s += x\n    return s\n\n\nprint(total([3, -1, 4, -1, 5]))\n',
  'class Counter:\n    def __init__(self, start: int) -> None:\n        self.value = start\n\n    def bump(self, by: int) -> int:\n        self.value += by\n        return self.value\n\n\nc = Counter(10)\nc.bump(5)\nprint(c.value)\n',
];

function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

function translate(mode) {
  const res = http.post(`${BASE}/api/v1/translation/translate`,
    JSON.stringify({ python_code: pick(SNIPPETS), mode: mode }), { headers: HEADERS, tags: { name: `translate_${mode}` } });
  translateTime.add(res.timings.duration);
  const ok = check(res, {
    'translate 200': (r) => r.status === 200,
    'has rust_code': (r) => r.status === 200 && r.json('rust_code').length > 0,
  });
  errors.add(!ok);
}

function batch() {
  const files = [pick(SNIPPETS), pick(SNIPPETS), pick(SNIPPETS)];
  const res = http.post(`${BASE}/api/v1/translation/translate/batch`, JSON.stringify({
    source_files: files, project_config: { name: 'k6', version: '1.0.0' },
    optimization_level: 'release', compile_wasm: false,
  }), { headers: HEADERS, tags: { name: 'translate_batch' } });
  errors.add(!check(res, { 'batch 200': (r) => r.status === 200 && r.json('success_count') === files.length }));
}

function probe(path) {
  const res = http.get(`${BASE}${path}`, { tags: { name: path } });
  errors.add(!check(res, { [`${path} 200`]: (r) => r.status === 200 }));
}

// Same mix as the Locust client: fast 10, quality 5, batch 2, health 1, metrics 1.
export default function () {
  const roll = Math.random() * 19;
  if (roll < 10) translate('fast');
  else if (roll < 15) translate('quality');
  else if (roll < 17) batch();
  else if (roll < 18) probe('/health');
  else probe('/metrics');
  sleep(0.5 + Math.random() * 1.5);
}
