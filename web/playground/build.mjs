// Bundles the playground into the Python package (src/portalis/service/static/playground):
// app-HASH.js (the page), runner-HASH.js (the Web Worker running WebAssembly), style-HASH.css,
// index.html naming them, and licenses.txt for the npm packages bundled.
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
const bundled = new Set(); // the npm packages whose code is in the bundle, for licenses.txt

// Content-hashed names: a browser never runs a stale app.js against a newer page.
async function bundle(name, entry, define = {}) {
  const result = await esbuild.build({
    entryPoints: { [name]: join(here, "src", entry) }, entryNames: "[name]-[hash]",
    bundle: true, minify: true, format: "esm", target: ["es2022"], outdir: out, metafile: true,
    legalComments: "none", plugins: [examplesPlugin], define, logLevel: "warning",
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (match) bundled.add(match[1]);
  }
  const js = Object.keys(result.metafile.outputs).find((file) => file.endsWith(".js"));
  return `/playground/${basename(js)}`;
}

function licenses() {
  return [...bundled].sort().map((pkg) => {
    const dir = join(here, "node_modules", pkg);
    const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir).find((n) => /^licen[cs]e/i.test(n));
    const text = file ? readFileSync(join(dir, file), "utf8").trim() : `License: ${meta.license}`;
    return `${pkg} ${meta.version} (${meta.license})\n\n${text}\n`;
  }).join(`\n${"-".repeat(72)}\n\n`);
}

const runner = await bundle("runner", "runner.js");
const app = await bundle("app", "main.js", { RUNNER_URL: JSON.stringify(runner) });
writeFileSync(join(out, "licenses.txt"), "Third-party code in the Portalis playground bundle.\n\n" + licenses());
const css = `style-${createHash("sha256").update(readFileSync(join(here, "src", "style.css"))).digest("hex").slice(0, 8)}.css`;
copyFileSync(join(here, "src", "style.css"), join(out, css));
const html = readFileSync(join(here, "src", "index.html"), "utf8")
  .replace("/playground/app.js", app).replace("/playground/style.css", `/playground/${css}`);
writeFileSync(join(out, "index.html"), html);
console.log(`playground bundle written to ${out}`);
