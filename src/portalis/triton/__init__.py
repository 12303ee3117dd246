"""Portalis on Triton Inference Server: the model's request logic, the launcher, the client.

Kept import-light on purpose: the Triton model imports `portalis.triton.translator` inside
the Python backend stub, where only the system Python's packages (numpy) are available,
so nothing here may pull in tritonclient at import time.
"""
