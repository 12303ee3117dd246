// Bundles the playground into the Python package (src/portalis/service/static/playground):
// app.js (the page), runner.js (the Web Worker running WebAssembly), index.html, style.css.
// The examples menu is the programs in examples/, read at build time.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
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
await esbuild.build({
  entryPoints: { app: join(here, "src", "main.js"), runner: join(here, "src", "runner.js") },
  bundle: true, minify: true, format: "esm", target: ["es2022"], outdir: out,
  legalComments: "linked", plugins: [examplesPlugin], logLevel: "warning",
});
for (const name of ["index.html", "style.css"]) copyFileSync(join(here, "src", name), join(out, name));
console.log(`playground bundle written to ${out}`);
