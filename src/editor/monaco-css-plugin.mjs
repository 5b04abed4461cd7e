// Monaco's modules import their CSS. Left to Vite, Astro hoists that CSS into a
// render-blocking <link> on every page (≈27 KB gzip) even though Monaco itself is only
// dynamically imported. This plugin turns each of those imports into a JS module that
// injects a <style> when the lazy chunk runs, so the CSS travels with Monaco.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0monaco-style:';

/** @returns {import('vite').Plugin} */
export function monacoCssInJs() {
  return {
    name: 'iamlab:monaco-css-in-js',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined || !source.endsWith('.css')) return null;
      if (!importer.includes('/node_modules/monaco-editor/')) return null;
      // The virtual id must not end in .css, or Vite's CSS pipeline takes it back.
      return `${PREFIX}${resolve(dirname(importer), source)}.js`;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      const css = await readFile(file, 'utf8');
      // Relative url()s (the codicon font) become bundled asset imports; data: URLs stay.
      const imports = [];
      const parts = [];
      let last = 0;
      for (const m of css.matchAll(/url\(\s*(['"]?)(\.{1,2}\/[^'")]+)\1\s*\)/g)) {
        const name = `asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(resolve(dirname(file), m[2] ?? ''))};`);
        parts.push(
          JSON.stringify(css.slice(last, m.index)),
          `"url(" + JSON.stringify(${name}) + ")"`,
        );
        last = m.index + m[0].length;
      }
      parts.push(JSON.stringify(css.slice(last)));
      return [
        ...imports,
        'if (typeof document !== "undefined") {',
        '  const style = document.createElement("style");',
        '  style.dataset.monaco = "";',
        `  style.textContent = ${parts.join(' + ')};`,
        '  document.head.appendChild(style);',
        '}',
      ].join('\n');
    },
  };
}
