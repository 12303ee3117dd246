"""The Triton model's request rules, without a server: options, caching, confidence, and
one malformed request failing alone while the others in its batch are answered."""
import json
import subprocess
from pathlib import Path

import pytest

import portalis
from portalis.triton.translator import RequestError, Translator, confidence_of, parse_options

GOOD = "def add(a: int, b: int) -> int:\n    return a + b\n\nprint(add(1, 2))\n"


def test_a_request_translates_each_row_like_the_engine():
    columns = Translator().run_request([GOOD.encode(), b"print(1 + 2)"], None)
    assert set(columns) == {"rust_code", "confidence_score", "metadata", "warnings", "suggestions"}
    expected = portalis.translate(GOOD)
    assert columns["rust_code"][0] == expected.rust_code
    meta = json.loads(columns["metadata"][0])
    assert meta["ok"] is True and meta["engine_version"] == portalis.__version__
    assert meta["cargo_toml"] == expected.cargo_toml
    assert columns["confidence_score"] == [confidence_of(expected), confidence_of(portalis.translate("print(1 + 2)"))]
    assert all(isinstance(json.loads(w), list) for w in columns["warnings"])


def test_untranslatable_code_is_an_answer_not_an_error():
    columns = Translator().run_request([b"def broken(:\n"], None)
    meta = json.loads(columns["metadata"][0])
    assert meta["ok"] is False and meta["diagnostics"]
    assert columns["confidence_score"] == [0.0]
    assert json.loads(columns["warnings"][0])  # the diagnostics, formatted


def test_repeated_programs_come_from_the_cache_and_options_are_part_of_the_key():
    translator = Translator(cache_size=2)
    first = translator.run_request([b"print(1 + 2)"], None)
    again = translator.run_request([b"print(1 + 2)"], None)
    assert json.loads(first["metadata"][0])["cached"] is False
    assert json.loads(again["metadata"][0])["cached"] is True
    assert again["rust_code"] == first["rust_code"]
    other = translator.run_request([b"print(1 + 2)"], [b'{"crate_name": "other"}'])
    assert json.loads(other["metadata"][0])["cached"] is False
    assert (translator.hits, translator.misses) == (1, 2)


def test_the_cache_is_bounded():
    translator = Translator(cache_size=2)
    for i in range(5):
        translator.translate(f"print({i})", {})
    assert len(translator._cache) == 2
    assert translator.translate("print(0)", {}).metadata["cached"] is False


@pytest.mark.parametrize("raw, message", [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "must be a JSON object"),
    (b'{"filename": 3}', "filename must be a str"),
    (b'{"filename": "app.rs"}', "must end in .py"),
    (b"\xff\xfe", "not valid UTF-8"),
])
def test_malformed_options_are_request_errors(raw, message):
    with pytest.raises(RequestError, match=message):
        parse_options(raw)


def test_unknown_options_are_tolerated_and_reported():
    columns = Translator().run_request([b"print(1 + 2)"], [b'{"mode": "quality", "filename": "app.py"}'])
    assert json.loads(columns["metadata"][0])["ignored_options"] == ["mode"]


def test_a_bad_request_fails_alone_in_its_batch():
    """What model.py does with a dynamic batch: one answer per request, errors isolated."""
    translator = Translator()
    batch = [([b"print(1 + 2)"], None), ([b"print(2)"], [b"{oops"]), ([b"\xff"], None),
             ([b"print(3)"], [b'{"filename": "x.py"}'])]
    answers = []
    for codes, options in batch:
        try:
            answers.append(translator.run_request(codes, options))
        except RequestError as err:
            answers.append(err)
    assert [isinstance(a, RequestError) for a in answers] == [False, True, True, False]
    assert json.loads(answers[3]["metadata"][0])["ok"] is True


def test_options_rows_must_match_or_broadcast():
    translator = Translator()
    both = translator.run_request([b"print(1)", b"print(2)"], [b'{"filename": "a.py"}'])
    assert len(both["rust_code"]) == 2
    with pytest.raises(RequestError, match="rows"):
        translator.run_request([b"print(1)", b"print(2)", b"print(3)"], [b"{}", b"{}"])
    with pytest.raises(RequestError, match="empty"):
        translator.run_request([], None)


@pytest.mark.skipif(not Path("/usr/bin/python3").exists(), reason="no system Python")
def test_the_model_imports_under_the_system_python(tmp_path):
    """The backend stub runs the system Python with only the `portalis` folder added
    (PORTALIS_ENGINE_PATH): the engine and the model's helpers must need nothing more."""
    (tmp_path / "portalis").symlink_to(Path(portalis.__file__).resolve().parent)
    script = ("import sys; sys.path.insert(0, sys.argv[1]); "
              "from portalis.triton.translator import Translator; "
              "print(Translator().translate('print(1 + 2)', {}).metadata['ok'])")
    out = subprocess.run(["/usr/bin/python3", "-I", "-c", script, str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"
