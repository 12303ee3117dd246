"""Portalis translation service: the engine behind the Portalis NIM HTTP API.

One module per concern: `settings`, `schemas`, `errors`, `cache`, `auth`, `ratelimit`,
`metrics`, `worker` (runs inside pool processes), `pool`, `routes`, `server`.
Start it with `portalis serve` or `portalis.service.server.run_server()`.
"""
