"""Triton Python-backend model `rust_transpiler`: Python source in, Rust crate out.

Runs the Portalis engine in this process (no CLI subprocess).  Each request in a
dynamic batch is answered on its own, so a malformed one gets its own error response
while the rest of the batch succeeds.  The request rules live in
`portalis.triton.translator`; this file only moves tensors in and out.
"""
import json
import locale
import os
import sys

import numpy as np
import triton_python_backend_utils as pb_utils

# `portalis triton-serve` points this at a folder holding only the `portalis` package,
# because the backend stub runs the system Python, not the project's virtualenv.  In an
# image where portalis is installed into that Python, the variable is simply unset.
_ENGINE_PATH = os.environ.get("PORTALIS_ENGINE_PATH")
if _ENGINE_PATH and _ENGINE_PATH not in sys.path:
    sys.path.insert(0, _ENGINE_PATH)

# The stub's embedded interpreter starts without applying the environment's locale
# (LANG/PYTHONUTF8 have no effect), so text files would default to ASCII; the engine
# reads and writes UTF-8.
try:
    locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
except locale.Error:
    pass

from portalis.triton.translator import OUTPUT_NAMES, RequestError, Translator  # noqa: E402


class TritonPythonModel:
    def initialize(self, args):
        config = json.loads(args["model_config"])
        cache_size = config.get("parameters", {}).get("cache_size", {}).get("string_value", "1024")
        self.translator = Translator(cache_size=int(cache_size))
        self.logger = pb_utils.Logger

    def execute(self, requests):
        return [self._answer(request) for request in requests]

    def _answer(self, request):
        try:
            codes = pb_utils.get_input_tensor_by_name(request, "python_code")
            options = pb_utils.get_input_tensor_by_name(request, "translation_options")
            columns = self.translator.run_request(
                codes.as_numpy().reshape(-1).tolist(),
                None if options is None else options.as_numpy().reshape(-1).tolist(),
            )
        except RequestError as err:
            return pb_utils.InferenceResponse(error=pb_utils.TritonError(f"bad request: {err}"))
        except Exception as err:  # isolate this request from the rest of its batch
            self.logger.log_error(f"rust_transpiler: {type(err).__name__}: {err}")
            return pb_utils.InferenceResponse(
                error=pb_utils.TritonError(f"internal error: {type(err).__name__}: {err}"))
        tensors = []
        for name in OUTPUT_NAMES:
            dtype = np.float32 if name == "confidence_score" else np.object_
            tensors.append(pb_utils.Tensor(name, np.array(columns[name], dtype=dtype).reshape(-1, 1)))
        return pb_utils.InferenceResponse(output_tensors=tensors)

    def finalize(self):
        self.logger.log_info(f"rust_transpiler: cache hits={self.translator.hits} "
                             f"misses={self.translator.misses}")
