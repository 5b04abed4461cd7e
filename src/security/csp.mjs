// @ts-check
// The site's Content-Security-Policy, given to Astro's own `security.csp` (astro.config.mjs).
// Astro writes a <meta http-equiv="content-security-policy"> into every page and hashes the
// scripts it bundles or inlines itself. It does not hash `<script is:inline>` bodies, and
// Starlight (0.42) has no CSP support of its own, so the inline scripts of the components
// listed below are hashed here, from their source, at config time: an upgrade that changes
// one is picked up by the next build, and test/e2e/csp.spec.ts fails on any script the
// browser blocks.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Components whose `<script is:inline>` elements end up in the built pages, unchanged. */
const INLINE_SCRIPT_SOURCES = [
  '@astrojs/starlight/components/ThemeProvider.astro',
  '@astrojs/starlight/components/ThemeSelect.astro',
  '@astrojs/starlight/components/Search.astro',
  '@astrojs/starlight/components/SidebarPersister.astro',
  '@astrojs/starlight/user-components/Tabs.astro',
  '../components/EmbedPage.astro',
];

/**
 * SHA-256 sources (`sha256-…`) of every `<script is:inline>` body in an Astro component.
 * Astro copies such a body into the page byte for byte, so its hash is the page's hash.
 * @param {string} source
 * @returns {`sha256-${string}`[]}
 */
export function inlineScriptHashes(source) {
  /** @type {`sha256-${string}`[]} */
  const hashes = [];
  for (const match of source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = match[1] ?? '';
    hashes.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** @param {string} specifier */
function componentPath(specifier) {
  if (specifier.startsWith('.')) return fileURLToPath(new URL(specifier, import.meta.url));
  // Starlight's package exports map `components/*` to `dist/components/*`; resolve the file
  // itself rather than the export, which points at an .astro module Node cannot import.
  const [scope = '', name = '', ...rest] = specifier.split('/');
  return fileURLToPath(
    new URL(`../../node_modules/${scope}/${name}/dist/${rest.join('/')}`, import.meta.url),
  );
}

/**
 * The directives, in the order the page gets them. Why each one is as loose as it is:
 * - `script-src` (added by Astro): 'self' plus hashes, never 'unsafe-inline'. Pagefind's search
 *   runs a WebAssembly module, which a `script-src` without 'wasm-unsafe-eval' refuses to
 *   compile; that keyword allows compiling WebAssembly only, not `eval` of JavaScript.
 * - `style-src 'self' 'unsafe-inline'`: Expressive Code colours code with `style` attributes,
 *   Starlight's icons carry `style="--sl-icon-size…"`, and Monaco positions every line and
 *   cursor with inline styles and injects its CSS as <style> elements (see
 *   src/editor/monaco-css-plugin.mjs). Styles cannot run code; the script rules stay strict.
 * - `worker-src 'self'`: Monaco's editor and JSON workers are bundled files on the site.
 * - `connect-src 'self'`: Pagefind's index and nothing else; the simulator never calls out.
 * - no `frame-ancestors`: a <meta> CSP ignores it, and embeds are meant to be framed by blogs.
 */
const DIRECTIVES = /** @type {const} */ ([
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]);

/** The value of `security.csp` in astro.config.mjs. */
export function siteCsp() {
  const hashes = INLINE_SCRIPT_SOURCES.flatMap((specifier) =>
    inlineScriptHashes(readFileSync(componentPath(specifier), 'utf8')),
  );
  return {
    algorithm: /** @type {const} */ ('SHA-256'),
    directives: [...DIRECTIVES],
    scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes },
    styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
  };
}
