"""The process pool: CPU-bound translation off the event loop, bounded and self-healing.

`concurrent.futures.ProcessPoolExecutor` cannot kill one hung task and breaks entirely
when one process dies, so this pool owns its processes: one job per process at a time,
a bounded number of requests waiting for a process (more is `QueueFull`, a 503), a
deadline per job (a miss kills the process group and starts a new process), and a
crash fails only the job that was running.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import shutil
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AsyncIterator

from portalis.service import worker as worker_module

log = logging.getLogger("portalis.service.pool")


class PoolError(Exception):
    """A job could not complete for a reason of the pool, not of the input."""

    error = "pool_error"
    status = 500

    def __init__(self, message: str, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.details = details


class QueueFull(PoolError):
    error, status = "queue_full", 503


class PoolNotReady(PoolError):
    error, status = "not_ready", 503


class JobTimeout(PoolError):
    error, status = "timeout", 504


class WorkerCrashed(PoolError):
    error, status = "worker_crashed", 502


class JobFailed(PoolError):
    error, status = "engine_error", 500


class InputTooComplex(PoolError):
    error, status = "input_too_complex", 422


class SandboxUnavailable(PoolError):
    """Submitted code would have to run, and the sandbox cannot be set up: never run it."""

    error, status = "sandbox_unavailable", 503


class OutputTooLarge(PoolError):
    error, status = "output_too_large", 422


# What a pool process's ("fail", {"error": ...}) becomes; anything else is an engine error.
_FAILURES = {"out_of_memory": InputTooComplex, "sandbox_unavailable": SandboxUnavailable,
             "output_too_large": OutputTooLarge}


@dataclass(eq=False)
class _Process:
    process: Any
    jobs: int       # fd the parent writes job frames to (non-blocking)
    results: int    # fd the parent reads result frames from (non-blocking, watched by the loop)
    scratch: Path
    inbox: asyncio.Queue = field(default_factory=asyncio.Queue)
    buffer: bytearray = field(default_factory=bytearray)
    dead: bool = False
    replaced: bool = False
    busy_since: float | None = None

    @property
    def pid(self) -> int:
        return self.process.pid


class WorkerPool:
    def __init__(self, size: int, queue_size: int, scratch_root: Path,
                 translate_memory_mb: int, build_memory_mb: int, sandbox: dict, on_depth=lambda depth: None):
        self.size = size
        self.queue_size = queue_size
        self.scratch_root = scratch_root
        self._memory = (translate_memory_mb, build_memory_mb)
        self._sandbox = sandbox  # worker.confinement(**sandbox) in every process
        self.sandbox_problem: str | None = "not probed yet"  # None once a process ran the probe program
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(["portalis", "portalis.service.worker"])
        self._procs: set[_Process] = set()
        self._idle: asyncio.Queue[_Process] = asyncio.Queue()
        self._waiting = 0
        self._on_depth = on_depth
        self._closed = False
        self._started = False
        self._tasks: set[asyncio.Task] = set()
        self.restarts = 0

    # -- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        """Start every process and wait until each has imported the engine.

        Requests arriving meanwhile wait in the queue; readiness stays false until done.
        """
        shutil.rmtree(self.scratch_root, ignore_errors=True)  # left by a previous run
        self.scratch_root.mkdir(parents=True, exist_ok=True)
        procs = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for proc in procs:
            await self._hello(proc)
        for proc in procs:
            self._idle.put_nowait(proc)
        self._started = True

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for proc in list(self._procs):
            await self._kill(proc)
        shutil.rmtree(self.scratch_root, ignore_errors=True)

    @property
    def ready(self) -> bool:
        """Started, not closed, and every process alive (a dead one is being replaced)."""
        return self._started and not self._closed and all(not p.dead for p in self._procs)

    def describe(self) -> dict:
        now = time.monotonic()
        return {
            "size": self.size, "queue_size": self.queue_size, "queue_depth": self._waiting,
            "idle": self._idle.qsize(), "restarts": self.restarts, "ready": self.ready,
            "processes": [{"pid": p.pid, "alive": not p.dead,
                           "busy_seconds": None if p.busy_since is None else round(now - p.busy_since, 3)}
                          for p in self._procs],
        }

    # -- running jobs ----------------------------------------------------------------

    async def run(self, job: str, payload: dict, timeout: float, admit: bool = True) -> dict:
        """Run a job to completion and return its result (chunks are dropped)."""
        result: dict = {}
        async for kind, data in self.stream(job, payload, timeout, admit):
            if kind == "done":
                result = data
        return result

    async def stream(self, job: str, payload: dict, timeout: float,
                     admit: bool = True) -> AsyncIterator[tuple[str, Any]]:
        """Yield ("chunk", data) as the job produces them, then ("done", result).

        `admit=False` skips the queue bound, for sub-jobs of a request already admitted.
        Raises QueueFull, PoolNotReady, JobTimeout, WorkerCrashed, JobFailed or InputTooComplex.
        """
        deadline = time.monotonic() + timeout
        proc = await self._acquire(deadline, admit)
        reusable = False  # True once the process is known to be waiting for its next job
        try:
            proc.busy_since = time.monotonic()
            try:
                await asyncio.wait_for(self._send(proc, (job, payload)), max(deadline - time.monotonic(), 0.001))
            except asyncio.TimeoutError:
                raise JobTimeout(f"the job could not even be handed over within {timeout:g} s") from None
            while True:
                remaining = deadline - time.monotonic()
                try:
                    kind, data = await asyncio.wait_for(proc.inbox.get(), max(remaining, 0.001))
                except asyncio.TimeoutError:
                    raise JobTimeout(f"the job did not finish within {timeout:g} s") from None
                if kind == "dead":
                    raise WorkerCrashed("the translation process died while working on this request")
                if kind == "fail":  # whatever failed, the process is replaced (and its successor
                    # probes the sandbox again: a program cannot fake "unavailable" for others)
                    log.error("job %s failed in pid %s: %s\n%s", job, proc.pid, data.get("message"),
                              data.get("trace", ""))
                    failure = _FAILURES.get(data.get("error"))
                    if failure is None:
                        raise JobFailed("the engine failed on this input")
                    raise failure(data["message"], {"reason": data["error"], **(
                        {"limit_bytes": data["limit"]} if "limit" in data else {})})
                if kind == "done":
                    reusable = True
                    yield kind, data
                    return
                yield kind, data
        finally:
            proc.busy_since = None
            if reusable and not proc.dead:
                self._idle.put_nowait(proc)
            else:  # crashed, timed out, or abandoned mid-job (client went away)
                await self._replace(proc)

    def admit(self) -> None:
        """Raise unless a new request may wait for a process (the queue bound)."""
        if self._closed:
            raise PoolNotReady("the worker pool is not running")
        if self._idle.empty() and self._waiting >= self.queue_size:
            raise QueueFull("all translation processes are busy and the queue is full",
                            {"queue_size": self.queue_size})

    async def _acquire(self, deadline: float, admit: bool) -> _Process:
        if admit:
            self.admit()
        elif self._closed:
            raise PoolNotReady("the worker pool is not running")
        self._set_waiting(self._waiting + 1)
        try:
            while True:
                remaining = deadline - time.monotonic()
                try:
                    proc = await asyncio.wait_for(self._idle.get(), max(remaining, 0.001))
                except asyncio.TimeoutError:
                    raise JobTimeout("no translation process became free in time") from None
                if not proc.dead:
                    return proc
                await self._replace(proc)  # died while idle: replace, then try again
        finally:
            self._set_waiting(self._waiting - 1)

    def _set_waiting(self, value: int) -> None:
        self._waiting = value
        self._on_depth(value)

    # -- processes -------------------------------------------------------------------

    async def _spawn(self) -> _Process:
        loop = asyncio.get_running_loop()
        job_r, job_w = self._ctx.Pipe(duplex=False)
        res_r, res_w = self._ctx.Pipe(duplex=False)
        scratch = self.scratch_root / f"w{os.getpid()}-{time.monotonic_ns()}"
        process = self._ctx.Process(target=worker_module.serve, daemon=True,
                                    args=(job_r, res_w, str(scratch), *self._memory, self._sandbox))
        await loop.run_in_executor(None, process.start)
        jobs, results = os.dup(job_w.fileno()), os.dup(res_r.fileno())
        for conn in (job_r, job_w, res_r, res_w):
            conn.close()
        os.set_blocking(jobs, False)
        os.set_blocking(results, False)
        proc = _Process(process, jobs, results, scratch)
        self._procs.add(proc)
        loop.add_reader(results, self._on_readable, proc)
        return proc

    async def _send(self, proc: _Process, message: tuple) -> None:
        """Write a job frame without blocking: a stopped process with a full pipe must not
        freeze the server, it just times out."""
        loop = asyncio.get_running_loop()
        data = memoryview(worker_module.frame(message))
        while data:
            try:
                data = data[os.write(proc.jobs, data):]
                continue
            except BlockingIOError:
                pass
            except OSError:
                self._mark_dead(proc)
                return
            writable = loop.create_future()
            loop.add_writer(proc.jobs, writable.set_result, None)
            try:
                await writable
            finally:
                loop.remove_writer(proc.jobs)

    def _on_readable(self, proc: _Process) -> None:
        """Collect bytes; every complete frame becomes one inbox message."""
        try:
            data = os.read(proc.results, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._mark_dead(proc)
            return
        buf = proc.buffer
        buf += data
        header = worker_module.FRAME_HEADER
        while len(buf) >= header.size:
            (length,) = header.unpack_from(buf)
            end = header.size + length
            if len(buf) < end:
                break
            proc.inbox.put_nowait(pickle.loads(bytes(buf[header.size:end])))
            del buf[:end]

    def _mark_dead(self, proc: _Process) -> None:
        if proc.dead:
            return
        proc.dead = True
        asyncio.get_running_loop().remove_reader(proc.results)
        proc.inbox.put_nowait(("dead", None))
        if proc.busy_since is None and self._started and not self._closed:
            # died while idle: replace it now rather than when a request draws it
            task = asyncio.get_running_loop().create_task(self._replace(proc))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _hello(self, proc: _Process) -> None:
        """Wait until a new process has imported the engine and answers jobs."""
        await self._send(proc, ("hello", {}))
        kind, data = await asyncio.wait_for(proc.inbox.get(), 60)
        if kind != "done":
            raise RuntimeError(f"translation process {proc.pid} failed to start: {data}")
        self.sandbox_problem = data["sandbox"]
        if data["sandbox"]:
            log.error("the sandbox does not work here, so nothing submitted will be executed "
                      "(quality mode, compile and run_tests answer 503): %s", data["sandbox"])

    async def _kill(self, proc: _Process) -> None:
        if not proc.dead:
            self._mark_dead(proc)
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the process group: cargo and rustc too
        except (ProcessLookupError, PermissionError):
            pass
        await asyncio.get_running_loop().run_in_executor(None, proc.process.join, 5)
        os.close(proc.jobs)
        os.close(proc.results)
        self._procs.discard(proc)
        shutil.rmtree(proc.scratch, ignore_errors=True)

    async def _replace(self, proc: _Process) -> None:
        if proc.replaced:
            return
        proc.replaced = True
        await self._kill(proc)
        if self._closed:
            return
        self.restarts += 1
        log.warning("replacing translation process %s (exit code %s)", proc.pid, proc.process.exitcode)
        fresh = await self._spawn()
        try:
            await self._hello(fresh)  # probes the sandbox again: a fixed machine recovers
        except Exception:
            log.exception("replacement process %s failed its start-up check", fresh.pid)
        self._idle.put_nowait(fresh)
