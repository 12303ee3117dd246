// Bundles the playground into the Python package (src/portalis/service/static/playground):
// app-HASH.js (the page), runner-HASH.js (the Web Worker running WebAssembly), style-HASH.css,
// and index.html naming them.
// The examples menu is the programs in examples/, read at build time.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "src", "portalis", "service", "static", "playground");
const examplesDir = join(root, "examples");

function examples() {
  const names = readdirSync(examplesDir).filter((n) => n.endsWith(".py")).sort();
  return names.map((name) => {
    const stdinFile = join(examplesDir, name.replace(/\.py$/, ".input.txt"));
    let stdin = "";
    try { stdin = readFileSync(stdinFile, "utf8"); } catch { /* no input file */ }
    return { name, code: readFileSync(join(examplesDir, name), "utf8"), stdin };
  });
}

const examplesPlugin = {
  name: "examples",
  setup(build) {
    build.onResolve({ filter: /^portalis:examples$/ }, () => ({ path: "examples", namespace: "portalis" }));
    build.onLoad({ filter: /.*/, namespace: "portalis" }, () => ({
      contents: JSON.stringify(examples()), loader: "json",
    }));
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Content-hashed names: a browser never runs a stale app.js against a newer page.
async function bundle(name, entry, define = {}) {
  const result = await esbuild.build({
    entryPoints: { [name]: join(here, "src", entry) }, entryNames: "[name]-[hash]",
    bundle: true, minify: true, format: "esm", target: ["es2022"], outdir: out, metafile: true,
    legalComments: "linked", plugins: [examplesPlugin], define, logLevel: "warning",
  });
  const js = Object.keys(result.metafile.outputs).find((file) => file.endsWith(".js"));
  return `/playground/${basename(js)}`;
}
const runner = await bundle("runner", "runner.js");
const app = await bundle("app", "main.js", { RUNNER_URL: JSON.stringify(runner) });
const css = `style-${createHash("sha256").update(readFileSync(join(here, "src", "style.css"))).digest("hex").slice(0, 8)}.css`;
copyFileSync(join(here, "src", "style.css"), join(out, css));
const html = readFileSync(join(here, "src", "index.html"), "utf8")
  .replace("/playground/app.js", app).replace("/playground/style.css", `/playground/${css}`);
writeFileSync(join(out, "index.html"), html);
console.log(`playground bundle written to ${out}`);
