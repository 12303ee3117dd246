// The Portalis playground page. Every request goes through the public API (docs/service.md):
//   POST /api/v1/translation/translate     the Rust, diagnostics, warnings
//   POST /api/v1/playground/wasm           the wasm32-wasi module, run here in a Web Worker
//   POST /api/v1/playground/reference      CPython's run of the same program
//   POST /api/v1/playground/project.zip    the Cargo project
//   GET  /health                           whether API keys are required
import { EditorView, basicSetup } from "codemirror";
import { python } from "@codemirror/lang-python";
import { rust } from "@codemirror/lang-rust";
import { oneDark } from "@codemirror/theme-one-dark";
import { setDiagnostics } from "@codemirror/lint";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { hoverTooltip, keymap } from "@codemirror/view";
import { createTwoFilesPatch } from "diff";
import examples from "portalis:examples";

const $ = (id) => document.getElementById(id);
const DEFAULT_CODE = `def fizzbuzz(n):
    for i in range(1, n + 1):
        if i % 15 == 0:
            print("FizzBuzz")
        elif i % 3 == 0:
            print("Fizz")
        elif i % 5 == 0:
            print("Buzz")
        else:
            print(i)


fizzbuzz(15)
`;

// -- API ----------------------------------------------------------------------------------

class ApiFailure extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function api(path, body, { raw = false } = {}) {
  const headers = { "Content-Type": "application/json" };
  const key = $("api-key").value.trim();
  if (key) headers["X-API-Key"] = key;
  const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
  if (!response.ok) {
    let detail = null;
    try { detail = await response.json(); } catch { /* not JSON */ }
    if (response.status === 401) $("auth").hidden = false;
    throw new ApiFailure(response.status, detail);
  }
  return raw ? response : response.json();
}

function status(text) { $("status").textContent = text; }

// -- editors ------------------------------------------------------------------------------

const themeSlot = new Compartment();
const themeExtension = () => (document.documentElement.dataset.theme === "dark" ? oneDark : []);
let lastTranslation = null; // the latest translate answer, for hover types

/** The type the engine inferred for `name` at `lineNumber`, from the translate answer's
 * `metadata.types` (`portalis types`): a function's signature, a parameter of the function
 * whose body the line is in, a module global, or a class attribute. */
function inferredType(types, name, lineNumber) {
  const functions = (types.functions || []).filter((f) => f && typeof f.name === "string");
  const called = functions.find((f) => f.name === name || f.name.endsWith(`.${name}`));
  const enclosing = functions.filter((f) => f.line <= lineNumber).sort((a, b) => b.line - a.line)[0];
  if (enclosing && enclosing.params && typeof enclosing.params[name] === "string") return enclosing.params[name];
  if (called) return called.signature;
  if (types.globals && typeof types.globals[name] === "string") return types.globals[name];
  for (const attrs of Object.values(types.classes || {})) {
    if (attrs && typeof attrs[name] === "string") return attrs[name];
  }
  return null;
}

const typeHover = hoverTooltip((view, pos) => {
  const types = lastTranslation && lastTranslation.metadata && lastTranslation.metadata.types;
  if (!types) return null;
  const word = view.state.wordAt(pos);
  if (!word) return null;
  const name = view.state.sliceDoc(word.from, word.to);
  const line = view.state.doc.lineAt(pos);
  const type = inferredType(types, name, line.number);
  if (typeof type !== "string") return null;
  return {
    pos: word.from, end: word.to, above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "type-hint";
      dom.textContent = `${name}: ${type}`;
      return { dom };
    },
  };
});

const runKeys = Prec.highest(keymap.of([
  { key: "Mod-Enter", run: () => { run(); return true; } },
  { key: "Mod-s", run: () => { translate(); return true; } },
]));

const pythonView = new EditorView({
  parent: $("python"),
  state: EditorState.create({
    doc: DEFAULT_CODE,
    extensions: [basicSetup, python(), runKeys, typeHover, themeSlot.of(themeExtension()),
      EditorView.updateListener.of((u) => { if (u.docChanged) codeChanged(); })],
  }),
});

const rustView = new EditorView({
  parent: $("rust"),
  state: EditorState.create({
    doc: "",
    extensions: [basicSetup, rust(), EditorState.readOnly.of(true), EditorView.editable.of(false),
      themeSlot.of(themeExtension())],
  }),
});

const code = () => pythonView.state.doc.toString();

function setCode(text) {
  pythonView.dispatch({ changes: { from: 0, to: pythonView.state.doc.length, insert: text } });
}

function setRust(text) {
  rustView.dispatch({ changes: { from: 0, to: rustView.state.doc.length, insert: text } });
}

// -- translation --------------------------------------------------------------------------

let translateSeq = 0;
let debounce = null;

function codeChanged() {
  $("examples").value = examples.some((e) => e.code === code()) ? $("examples").value : "";
  clearTimeout(debounce);
  debounce = setTimeout(translate, 700);
}

function position(doc, line, col) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(col - 1, 0), l.to);
}

function showDiagnostics(diags) {
  const doc = pythonView.state.doc;
  const marks = diags.map((d) => {
    const from = position(doc, d.line, d.col);
    const lineEnd = doc.lineAt(from).to;
    return { from, to: Math.max(lineEnd, Math.min(from + 1, doc.length)), severity: d.severity === "warning" ? "warning" : "error",
      message: d.hint ? `${d.message} (${d.hint})` : d.message };
  });
  pythonView.dispatch(setDiagnostics(pythonView.state, marks));
  const list = $("diagnostics");
  list.replaceChildren();
  if (!diags.length) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = "No diagnostics.";
    list.append(li);
  }
  for (const d of diags) {
    const li = document.createElement("li");
    li.className = d.severity === "warning" ? "warning" : "error";
    li.dataset.line = d.line;
    li.dataset.col = d.col;
    li.textContent = `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
    if (d.hint) {
      const hint = document.createElement("div");
      hint.className = "hint";
      hint.textContent = d.hint;
      li.append(hint);
    }
    li.addEventListener("click", () => {
      const pos = position(pythonView.state.doc, d.line, d.col);
      pythonView.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      pythonView.focus();
    });
    list.append(li);
  }
}

function showWarnings(warnings, diags) {
  const engine = new Set(diags.map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`));
  const list = $("warnings");
  list.replaceChildren();
  for (const w of warnings) {
    if ([...engine].some((prefix) => w.startsWith(prefix))) continue; // already listed with its mark
    const li = document.createElement("li");
    li.textContent = `warning: ${w}`;
    list.append(li);
  }
}

async function translate() {
  clearTimeout(debounce);
  const seq = ++translateSeq;
  const source = code();
  if (!source.trim()) return null;
  status("Translating…");
  try {
    const answer = await api("/api/v1/translation/translate", { python_code: source, mode: "fast" });
    if (seq !== translateSeq) return null;
    lastTranslation = answer;
    setRust(answer.rust_code);
    showDiagnostics(answer.diagnostics || []);
    showWarnings(answer.warnings || [], answer.diagnostics || []);
    const m = answer.metadata || {};
    $("rust-info").textContent = `${m.rust_lines} lines · engine ${m.engine_version} · ${answer.cached ? "cached" : `${answer.processing_time_ms.toFixed(0)} ms`}`;
    status("Translated.");
    return answer;
  } catch (e) {
    if (seq !== translateSeq) return null;
    lastTranslation = null;
    if (e instanceof ApiFailure && e.body.diagnostics) {
      showDiagnostics(e.body.diagnostics);
      showWarnings([], []);
      setRust("// No translation: see the diagnostics.\n");
      $("rust-info").textContent = "";
      status("The engine cannot translate this Python.");
    } else {
      status(`Translation failed: ${e.message}`);
    }
    return null;
  }
}

// -- running ------------------------------------------------------------------------------

let worker = null;
let runTimer = null;

function stopRun(reason) {
  if (!worker) return;
  worker.terminate();
  worker = null;
  clearTimeout(runTimer);
  $("stop").disabled = true;
  $("wasm-info").textContent = reason;
  wasmDone.resolve({ stopped: reason });
}

let wasmDone = null;

function deferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}

function lastLine(text) {
  const lines = text.split("\n").filter((l) => l.trim());
  return lines.length ? lines[lines.length - 1] : "";
}

function showVerdict(py, wasm) {
  const verdict = $("verdict");
  const diff = $("diff");
  diff.hidden = true;
  verdict.className = "verdict unknown";
  if (wasm.stopped || wasm.failed) { verdict.textContent = `Not compared: WebAssembly run ${wasm.stopped || "failed"}.`; return; }
  if (py.failed) { verdict.textContent = `Not compared: ${py.failed}.`; return; }
  if (py.timed_out) { verdict.textContent = `Not compared: CPython did not finish in ${py.time_limit_seconds} s.`; return; }
  const problems = [];
  if (py.stdout !== wasm.stdout) problems.push("stdout differs");
  if (py.exit_status !== wasm.exitStatus) problems.push(`exit status ${wasm.exitStatus ?? "trap"} (CPython: ${py.exit_status})`);
  if (lastLine(py.stderr) !== lastLine(wasm.stderr)) problems.push("last line of stderr differs");
  if (!problems.length) {
    verdict.className = "verdict identical";
    verdict.textContent = "identical: same stdout, exit status and last line of stderr as CPython";
    return;
  }
  verdict.className = "verdict differs";
  verdict.textContent = `differs: ${problems.join("; ")}`;
  let patch = createTwoFilesPatch("cpython", "rust", py.stdout, wasm.stdout, "", "", { context: 3 });
  if (lastLine(py.stderr) !== lastLine(wasm.stderr)) {
    patch += `--- cpython stderr: ${lastLine(py.stderr)}\n+++ rust stderr: ${lastLine(wasm.stderr)}\n`;
  }
  const lines = patch.split("\n").filter((line) => line && !line.startsWith("===="));
  diff.replaceChildren(...lines.map((line) => {
    const span = document.createElement("span");
    span.className = line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "";
    span.textContent = line + "\n";
    return span;
  }));
  diff.hidden = false;
}

async function runWasm(modulePromise, stdin, limitSeconds) {
  const result = { stdout: "", stderr: "", exitStatus: null };
  const module = await modulePromise;
  wasmDone = deferred();
  worker = new Worker(RUNNER_URL, { type: "module" }); // the worker bundle's hashed path, set by build.mjs
  $("stop").disabled = false;
  $("wasm-info").textContent = "running…";
  worker.onmessage = ({ data }) => {
    if (data.type === "output") {
      const key = data.fd === 1 ? "stdout" : "stderr";
      result[key] += data.text;
      $(`wasm-${key}`).append(data.text); // a new text node: no re-layout of what is shown
    } else if (data.type === "exit") {
      worker.terminate();
      worker = null;
      clearTimeout(runTimer);
      $("stop").disabled = true;
      result.exitStatus = data.exitStatus;
      if (data.trap) result.stderr += `\n[trap: ${data.trap}]\n`;
      $("wasm-stderr").textContent = result.stderr;
      result.seconds = data.seconds;
      $("wasm-info").textContent = `exit status ${data.exitStatus ?? "trap"} · ran in ${(data.seconds * 1000).toFixed(1)} ms`;
      wasmDone.resolve(result);
    }
  };
  worker.onerror = (e) => { stopRun(`failed: ${e.message}`); };
  runTimer = setTimeout(() => stopRun(`stopped: time limit of ${limitSeconds} s`), limitSeconds * 1000);
  worker.postMessage({ module, stdin, args: ["main.wasm"] });
  return wasmDone.promise;
}

async function run() {
  if ($("run").disabled) return; // Ctrl-Enter during a run: the run in progress goes on
  const started = performance.now();
  const source = code();
  const stdin = $("stdin").value;
  const limit = Math.min(30, Math.max(1, Number($("time-limit").value) || 10));
  for (const id of ["wasm-stdout", "wasm-stderr", "py-stdout", "py-stderr", "verdict"]) $(id).textContent = "";
  $("diff").hidden = true;
  $("verdict").className = "verdict";
  $("wasm-info").textContent = "building…";
  $("py-info").textContent = "running…";
  $("run").disabled = true;
  status("Building for wasm32-wasi and running CPython…");

  const translated = translate();
  const reference = api("/api/v1/playground/reference", { python_code: source, stdin, time_limit_seconds: limit }).then((py) => {
    $("py-stdout").textContent = py.stdout;
    $("py-stderr").textContent = py.stderr;
    $("py-info").textContent = py.timed_out ? `cut off after ${py.time_limit_seconds} s`
      : `exit status ${py.exit_status} · ran in ${(py.seconds * 1000).toFixed(1)} ms`;
    return py;
  }, (e) => { $("py-info").textContent = `failed: ${e.message}`; return { failed: e.message }; });
  const module = api("/api/v1/playground/wasm", { python_code: source, optimize: $("optimize").checked }, { raw: true }).then(async (r) => {
    const seconds = r.headers.get("X-Build-Seconds");
    const bytes = await r.arrayBuffer();
    $("wasm-info").textContent = `module ${(bytes.byteLength / 1024).toFixed(0)} KiB${seconds ? `, built in ${Number(seconds).toFixed(2)} s` : ""}; compiling…`;
    return WebAssembly.compile(bytes);
  });
  let wasm;
  try {
    wasm = await runWasm(module, stdin, limit);
  } catch (e) {
    const message = e instanceof ApiFailure && e.body.error === "untranslatable" ? "untranslatable: see the diagnostics"
      : e instanceof ApiFailure && e.body.details && e.body.details.warnings ? e.body.details.warnings.join("; ") : e.message;
    $("wasm-info").textContent = `not run: ${message}`;
    wasm = { failed: message };
  }
  const py = await reference;
  await translated;
  showVerdict(py, wasm);
  const roundTrip = (performance.now() - started) / 1000;
  window.portalisLastRun = { roundTripSeconds: roundTrip, wasm, py };
  $("run").disabled = false;
  status(`Run finished in ${roundTrip.toFixed(2)} s (translate, build, both runs).`);
}

// -- share, download, examples, theme, auth -----------------------------------------------

function toBase64Url(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

async function pipe(bytes, transform) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer());
}

async function shareLink() {
  const params = new URLSearchParams();
  params.set("z", toBase64Url(await pipe(new TextEncoder().encode(code()), new CompressionStream("deflate-raw"))));
  if ($("stdin").value) params.set("stdin", $("stdin").value);
  const url = `${location.origin}${location.pathname}#${params}`;
  history.replaceState(null, "", url);
  const field = $("share-link");
  field.value = url;
  field.hidden = false;
  field.select();
  try { await navigator.clipboard.writeText(url); status("Link copied."); } catch { status("Link ready: copy it from the field."); }
}

async function loadFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  try {
    if (params.has("z")) {
      setCode(new TextDecoder().decode(await pipe(fromBase64Url(params.get("z")), new DecompressionStream("deflate-raw"))));
    } else if (params.has("code")) {
      setCode(new TextDecoder().decode(fromBase64Url(params.get("code"))));
    } else {
      return false;
    }
    $("stdin").value = params.get("stdin") || "";
    return true;
  } catch {
    status("The link's code could not be read.");
    return false;
  }
}

async function download() {
  try {
    const response = await api("/api/v1/playground/project.zip", { python_code: code() }, { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const a = Object.assign(document.createElement("a"), { href: url, download: "portalis-project.zip" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status("Cargo project downloaded: unzip, then `cargo build --release --offline` in main/.");
  } catch (e) {
    status(`No project: ${e.body && e.body.diagnostics ? "the code does not translate" : e.message}`);
  }
}

function fillExamples() {
  const select = $("examples");
  for (const e of examples) select.append(new Option(e.name, e.name));
  select.addEventListener("change", () => {
    const example = examples.find((e) => e.name === select.value);
    if (!example) return;
    setCode(example.code);
    $("stdin").value = example.stdin;
    select.value = example.name;
    translate();
  });
}

function toggleTheme() {
  const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = next;
  localStorage.setItem("portalis-theme", next);
  for (const view of [pythonView, rustView]) view.dispatch({ effects: themeSlot.reconfigure(themeExtension()) });
}

async function detectAuth() {
  $("api-key").value = sessionStorage.getItem("portalis-api-key") || "";
  $("api-key").addEventListener("change", () => sessionStorage.setItem("portalis-api-key", $("api-key").value));
  try {
    const health = await (await fetch("/health")).json();
    if (health.dependencies && health.dependencies.auth === "on") $("auth").hidden = false;
  } catch { /* the page still works; a 401 reveals the field */ }
}

$("translate").addEventListener("click", translate);
$("run").addEventListener("click", run);
$("stop").addEventListener("click", () => stopRun("stopped by you"));
$("share").addEventListener("click", shareLink);
$("download").addEventListener("click", download);
$("theme").addEventListener("click", toggleTheme);
fillExamples();
await Promise.all([detectAuth(), loadFromFragment()]);
await translate();
document.body.dataset.ready = "true";
window.portalisReadyMs = performance.now();
