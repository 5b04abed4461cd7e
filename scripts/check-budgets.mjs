// Budget: the JavaScript a chapter page loads before the learner interacts, gzipped.
// Follows every module script and inline script of the built HTML through its static
// imports; dynamic import() targets (the sandbox app, Monaco, Pagefind's UI) are what
// interaction loads and are reported separately, not counted.
//   node scripts/check-budgets.mjs [distDir] [pagePath]
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const EAGER_JS_BUDGET = 60 * 1024;

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

function staticImports(code) {
  const out = [];
  // Minified ES modules: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`.
  for (const m of code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.m?js)["']/g,
  )) {
    out.push(m[1]);
  }
  return out;
}

function dynamicImports(code) {
  return [...code.matchAll(/import\(\s*["']([^"']+\.m?js)["']\s*\)/g)].map((m) => m[1]);
}

/** @returns {{ eager: number, files: {file: string, gzip: number}[], lazy: string[] }} */
export function measurePage(distDir, pagePath) {
  const htmlFile = join(distDir, pagePath, 'index.html');
  if (!existsSync(htmlFile)) throw new Error(`no built page at ${htmlFile}`);
  const html = readFileSync(htmlFile, 'utf8');
  const files = [];
  const lazy = new Set();
  const seen = new Set();
  const visit = (abs) => {
    if (seen.has(abs) || !existsSync(abs)) return;
    seen.add(abs);
    const code = readFileSync(abs, 'utf8');
    files.push({ file: abs.slice(distDir.length), gzip: gz(code) });
    for (const spec of staticImports(code))
      visit(spec.startsWith('/') ? join(distDir, spec) : resolve(dirname(abs), spec));
    for (const spec of dynamicImports(code)) lazy.add(spec);
  };
  let inline = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src !== undefined) visit(join(distDir, src));
    else if (!/type="application\/(ld\+)?json"/.test(attrs)) {
      inline += m[2] ?? '';
      for (const spec of staticImports(m[2] ?? '')) visit(join(distDir, spec));
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    visit(join(distDir, m[1] ?? ''));
  if (inline !== '') files.push({ file: '(inline scripts)', gzip: gz(inline) });
  return { eager: files.reduce((sum, f) => sum + f.gzip, 0), files, lazy: [...lazy] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const page = process.argv[3] ?? 'chapters/03-trust-policies/';
  const r = measurePage(dist, page);
  for (const f of r.files) console.log(`${(f.gzip / 1024).toFixed(1).padStart(7)} KB  ${f.file}`);
  console.log(
    `eager JS on /${page}: ${(r.eager / 1024).toFixed(1)} KB gzip (budget ${EAGER_JS_BUDGET / 1024} KB)`,
  );
  if (r.eager > EAGER_JS_BUDGET) {
    console.error('over budget');
    process.exit(1);
  }
}
