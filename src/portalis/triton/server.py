"""Run a real `tritonserver` serving the Portalis model repository.

The binary, its Python backend and per-Python-version backend stubs come from the
`nvidia-pytriton` wheel.  The wheel's `backends/python` has no stub, so each run lays out
its own backend folder (symlinks plus the stub for this Python) in a scratch directory,
which keeps the installed wheel untouched and the container's root filesystem read-only.

The stub embeds the *system* Python (it links `libpython3.X.so`), not this virtualenv,
so the engine is handed over as a folder holding just a `portalis` symlink
(`PORTALIS_ENGINE_PATH`, read by the model): the engine is pure Python, and the
virtualenv's compiled packages never meet the system interpreter.
"""
from __future__ import annotations

import ctypes.util
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import portalis

MODEL_NAME = "rust_transpiler"
DEFAULT_HTTP_PORT = 8010
DEFAULT_GRPC_PORT = 8011
DEFAULT_METRICS_PORT = 8012
MODEL_REPOSITORY_ENV = "PORTALIS_TRITON_MODEL_REPOSITORY"


class TritonUnavailable(RuntimeError):
    """The tritonserver binary (nvidia-pytriton wheel) or what its stub needs is missing."""


@dataclass(frozen=True)
class Distribution:
    """Where the nvidia-pytriton wheel keeps tritonserver and its Python backend."""

    binary: Path
    python_backend: Path
    stubs: Path
    libs: Path

    def stub_for(self, version: str) -> Path:
        return self.stubs / version / "triton_python_backend_stub"


def find_distribution() -> Distribution:
    """Locate the wheel's files without importing pytriton (its import is slow)."""
    spec = importlib.util.find_spec("pytriton")
    if spec is None or not spec.submodule_search_locations:
        raise TritonUnavailable("the nvidia-pytriton wheel is not installed "
                                "(pip install 'portalis[triton]')")
    root = Path(next(iter(spec.submodule_search_locations))) / "tritonserver"
    dist = Distribution(root / "bin" / "tritonserver", root / "backends" / "python",
                        root / "python_backend_stubs", root.parent.parent / "nvidia_pytriton.libs")
    for path in (dist.binary, dist.python_backend / "libtriton_python.so", dist.libs):
        if not path.exists():
            raise TritonUnavailable(f"incomplete nvidia-pytriton install: {path} is missing")
    return dist


def python_version() -> str:
    """The stub to use: the one for this Python's version, whose libpython must exist."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    if ctypes.util.find_library(f"python{version}") is None:
        raise TritonUnavailable(f"libpython{version}.so is not installed; the Triton Python "
                                f"backend stub links against it (Debian: libpython{version})")
    return version


def default_model_repository() -> Path:
    """`$PORTALIS_TRITON_MODEL_REPOSITORY`, else the repository's deploy/triton tree."""
    configured = os.environ.get(MODEL_REPOSITORY_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "deploy" / "triton" / "model_repository"


def prepare_runtime(workdir: Path, dist: Distribution, version: str) -> tuple[Path, Path]:
    """Lay out `backends/python` (with the stub) and the engine folder under `workdir`."""
    backend = workdir / "backends" / "python"
    backend.mkdir(parents=True, exist_ok=True)
    for item in dist.python_backend.iterdir():
        if item.is_file():
            (backend / item.name).symlink_to(item)
    stub = dist.stub_for(version)
    if not stub.exists():
        raise TritonUnavailable(f"nvidia-pytriton has no backend stub for Python {version}")
    shutil.copy2(stub, backend / "triton_python_backend_stub")
    engine = workdir / "engine"
    engine.mkdir(exist_ok=True)
    (engine / "portalis").symlink_to(Path(portalis.__file__).resolve().parent)
    return workdir / "backends", engine


def server_command(dist: Distribution, backends: Path, model_repository: Path, *,
                   http_port: int, grpc_port: int, metrics_port: int, host: str,
                   exit_timeout: int = 30) -> list[str]:
    # A unique shared-memory prefix lets several servers (e.g. pytest -n 2) share /dev/shm.
    shm_prefix = f"portalis_{os.getpid()}_{uuid.uuid4().hex[:8]}_"
    return [
        str(dist.binary),
        f"--model-repository={model_repository}",
        f"--backend-directory={backends}",
        f"--backend-config=python,shm-region-prefix-name={shm_prefix}",
        f"--http-address={host}", f"--http-port={http_port}",
        f"--grpc-address={host}", f"--grpc-port={grpc_port}",
        f"--metrics-address={host}", f"--metrics-port={metrics_port}",
        "--allow-gpu-metrics=false",
        "--strict-readiness=true",
        "--exit-on-error=true",
        f"--exit-timeout-secs={exit_timeout}",
        "--log-verbose=0",
    ]


def server_env(dist: Distribution, engine: Path) -> dict[str, str]:
    env = dict(os.environ)
    libs = str(dist.libs)
    env["LD_LIBRARY_PATH"] = f"{libs}:{env['LD_LIBRARY_PATH']}" if env.get("LD_LIBRARY_PATH") else libs
    env["PORTALIS_ENGINE_PATH"] = str(engine)
    return env


class TritonServer:
    """One tritonserver process with its scratch directory; start, wait for ready, stop."""

    def __init__(self, *, http_port: int = DEFAULT_HTTP_PORT, grpc_port: int = DEFAULT_GRPC_PORT,
                 metrics_port: int = DEFAULT_METRICS_PORT, model_repository: str | Path | None = None,
                 host: str = "0.0.0.0", log_path: str | Path | None = None, exit_timeout: int = 30):
        self.exit_timeout = exit_timeout
        self.http_port, self.grpc_port, self.metrics_port = http_port, grpc_port, metrics_port
        self.host = host
        self.model_repository = Path(model_repository or default_model_repository()).resolve()
        if not (self.model_repository / MODEL_NAME / "config.pbtxt").exists():
            raise FileNotFoundError(f"no {MODEL_NAME}/config.pbtxt under {self.model_repository}")
        self.dist = find_distribution()
        self.version = python_version()
        self.log_path = Path(log_path) if log_path else None
        self.process: subprocess.Popen | None = None
        self._workdir: Path | None = None

    @property
    def local_host(self) -> str:
        return "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host

    @property
    def http_url(self) -> str:
        return f"{self.local_host}:{self.http_port}"

    @property
    def grpc_url(self) -> str:
        return f"{self.local_host}:{self.grpc_port}"

    @property
    def metrics_url(self) -> str:
        return f"http://{self.local_host}:{self.metrics_port}/metrics"

    def start(self) -> "TritonServer":
        self._workdir = Path(tempfile.mkdtemp(prefix="portalis-triton-"))
        backends, engine = prepare_runtime(self._workdir, self.dist, self.version)
        command = server_command(self.dist, backends, self.model_repository, host=self.host,
                                 http_port=self.http_port, grpc_port=self.grpc_port,
                                 metrics_port=self.metrics_port, exit_timeout=self.exit_timeout)
        log = open(self.log_path, "ab") if self.log_path else None
        try:
            self.process = subprocess.Popen(command, env=server_env(self.dist, engine),
                                            stdout=log, stderr=subprocess.STDOUT if log else None)
        finally:
            if log:
                log.close()
        return self

    def is_ready(self) -> bool:
        """Server ready and the model ready (loaded and warmed up), per Triton's own API."""
        base = f"http://{self.http_url}/v2"
        for path in ("/health/ready", f"/models/{MODEL_NAME}/ready"):
            try:
                with urllib.request.urlopen(base + path, timeout=2) as response:
                    if response.status != 200:
                        return False
            except (urllib.error.URLError, OSError):
                return False
        return True

    def wait_ready(self, timeout: float = 90.0) -> "TritonServer":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"tritonserver exited before it was ready{self._log_tail()}")
            if self.is_ready():
                return self
            time.sleep(0.25)
        raise TimeoutError(f"tritonserver not ready after {timeout:.0f}s{self._log_tail()}")

    def wait(self) -> int:
        """Block until the server exits; Ctrl-C or SIGTERM stops it gracefully."""
        assert self.process is not None
        forward = lambda signum, _frame: self.process.send_signal(signum)  # noqa: E731
        previous = signal.signal(signal.SIGTERM, forward)
        try:
            while True:
                try:
                    return self.process.wait()
                except KeyboardInterrupt:
                    self.process.send_signal(signal.SIGINT)
        finally:
            signal.signal(signal.SIGTERM, previous)
            self._cleanup()

    def stop(self) -> None:
        """Graceful stop (in-flight requests drain for up to `exit_timeout`), then kill."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(self.exit_timeout + 10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def _log_tail(self, lines: int = 40) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        tail = self.log_path.read_text(errors="replace").splitlines()[-lines:]
        return "; log tail:\n" + "\n".join(tail)

    def __enter__(self) -> "TritonServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def run_triton(http_port: int = DEFAULT_HTTP_PORT, grpc_port: int = DEFAULT_GRPC_PORT,
               metrics_port: int = DEFAULT_METRICS_PORT, model_repository: str | Path | None = None,
               host: str = "0.0.0.0") -> int:
    """`portalis triton-serve`: run tritonserver in the foreground until interrupted."""
    server = TritonServer(http_port=http_port, grpc_port=grpc_port, metrics_port=metrics_port,
                          model_repository=model_repository, host=host)
    return server.start().wait()
