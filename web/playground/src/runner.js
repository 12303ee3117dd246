// Web Worker: runs one WASI command module with the page's stdin and streams its output back.
// The page kills the worker (Stop, time limit); nothing here needs to cooperate for that.
import { ConsoleStdout, File, OpenFile, WASI, WASIProcExit } from "@bjorn3/browser_wasi_shim";

const MAX_OUTPUT_BYTES = 1 << 20; // per stream; a runaway printer must not exhaust the page
const FLUSH_MS = 50;

function stream(fd) {
  const decoder = new TextDecoder("utf-8");
  let pending = "", bytes = 0, lastFlush = performance.now(), truncated = false;
  const flush = (final = false) => {
    const tail = final ? decoder.decode() : "";
    if (pending || tail) postMessage({ type: "output", fd, text: pending + tail });
    pending = "";
    lastFlush = performance.now();
  };
  const sink = new ConsoleStdout((data) => {
    if (bytes >= MAX_OUTPUT_BYTES) {
      if (!truncated) { truncated = true; pending += `\n[output cut at ${MAX_OUTPUT_BYTES} bytes]\n`; flush(); }
      return;
    }
    bytes += data.byteLength;
    pending += decoder.decode(data, { stream: true });
    if (performance.now() - lastFlush > FLUSH_MS) flush();
  });
  return { sink, flush };
}

onmessage = async ({ data: { module, stdin, args } }) => {
  const out = stream(1), err = stream(2);
  const fds = [new OpenFile(new File(new TextEncoder().encode(stdin))), out.sink, err.sink];
  const wasi = new WASI(args, [], fds, { debug: false });
  let exitStatus = null, trap = null;
  const compileStart = performance.now();
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  const started = performance.now();
  try {
    exitStatus = wasi.start(instance);
  } catch (e) {
    if (e instanceof WASIProcExit) exitStatus = e.code;
    else trap = String(e && e.message ? e.message : e);
  }
  const seconds = (performance.now() - started) / 1000;
  out.flush(true);
  err.flush(true);
  postMessage({ type: "exit", exitStatus, trap, seconds, instantiateSeconds: (started - compileStart) / 1000 });
};
