# syntax=docker/dockerfile:1.7
# Portalis: Python -> Rust translation service, and its Triton model server.
#
#   docker build -t portalis:0.1.0 .                     # HTTP service (target "runtime")
#   docker build -t portalis-triton:0.1.0 --target triton .
#
# Runs as a non-root user with a read-only root filesystem: everything it writes goes
# to /data (volume) and /tmp (tmpfs/emptyDir).  See docs/deployment.md.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- builder: the project and its service dependencies as wheels ---------------------
FROM ${PYTHON_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip wheel --wheel-dir /wheels ".[service]"

# --- runtime: slim Python + Rust toolchain (native and wasm32-wasi) + the service -----
FROM ${PYTHON_IMAGE} AS runtime
ARG PORTALIS_VERSION=0.1.0
LABEL org.opencontainers.image.title="portalis" \
      org.opencontainers.image.description="Python to Rust transpiler and translation service" \
      org.opencontainers.image.version="${PORTALIS_VERSION}" \
      com.portalis.ports.http="8000"

# Debian's rustc/cargo with the wasm32-wasi standard library and lld for builds
# requested through the API (compile=true, target=wasm32-wasi); gcc links native ones.
# bubblewrap is the sandbox every build and run of submitted code goes through.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      rustc cargo libstd-rust-dev-wasm32 lld-14 gcc libc6-dev ca-certificates bubblewrap \
 && rm -rf /var/lib/apt/lists/*

COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links=/wheels "portalis[service]" \
 && rm -rf /wheels

RUN groupadd --system --gid 10001 portalis \
 && useradd --system --uid 10001 --gid portalis --home-dir /data --shell /usr/sbin/nologin portalis \
 && mkdir -p /data && chown portalis:portalis /data

# Nothing is written outside /data and /tmp: no bytecode, Cargo's home on the volume.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/data \
    CARGO_HOME=/data/cargo \
    PORTALIS_HOST=0.0.0.0 \
    PORTALIS_PORT=8000 \
    PORTALIS_DATA_DIR=/data

VOLUME ["/data"]
WORKDIR /data
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=2)"]

CMD ["portalis", "serve"]

# --- triton: the same image plus tritonserver (nvidia-pytriton) and the model ---------
FROM runtime AS triton
USER root
RUN pip install --no-cache-dir "nvidia-pytriton==0.7.0"
COPY deploy/triton/model_repository /opt/portalis/model_repository
ENV PORTALIS_TRITON_MODEL_REPOSITORY=/opt/portalis/model_repository
LABEL com.portalis.ports.http="8010" com.portalis.ports.grpc="8011" com.portalis.ports.metrics="8012"
USER 10001:10001
EXPOSE 8010 8011 8012

HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8010/v2/models/rust_transpiler/ready', timeout=2)"]

CMD ["portalis", "triton-serve", "--http-port", "8010", "--grpc-port", "8011", "--metrics-port", "8012"]
