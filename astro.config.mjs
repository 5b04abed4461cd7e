// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { monacoCssInJs } from './src/editor/monaco-css-plugin.mjs';
import { catalogIntegration } from './scripts/catalog-files.ts';
import { siteCsp } from './src/security/csp.mjs';

// srcDir '.' lets Starlight's docsLoader read chapters from ./content/docs (it only looks
// under <srcDir>/content/docs); site code lives in ./src and Astro pages in ./pages.
export default defineConfig({
  site: 'https://iamlab.example.org',
  srcDir: '.',
  trailingSlash: 'always',
  // Several people (or agents) can build and browser-test side by side, each in its own folder.
  outDir: process.env['IAMLAB_DIST'] ?? './dist',
  // Every page carries a strict Content-Security-Policy (issue 10): see src/security/csp.mjs.
  security: { csp: siteCsp() },
  // Code blocks are Expressive Code's (Starlight turns Astro's Shiki off the same way, but only
  // after Astro has warned that Shiki's inline styles and a CSP do not mix).
  markdown: { syntaxHighlight: false },
  integrations: [
    starlight({
      title: { en: 'iamlab', ja: 'iamlab' },
      description: 'Learn AWS IAM cross-account access by breaking and fixing it.',
      favicon: '/favicon.svg',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        ja: { label: '日本語', lang: 'ja' },
      },
      sidebar: [
        {
          label: 'Chapters',
          translations: { ja: '章' },
          items: [{ autogenerate: { directory: 'chapters' } }],
        },
        {
          label: 'Guides',
          translations: { ja: 'ガイド' },
          items: [{ autogenerate: { directory: 'guides' } }],
        },
        {
          label: 'Reference',
          translations: { ja: 'リファレンス' },
          items: [{ autogenerate: { directory: 'reference' } }],
        },
        // The playground page (issue 10): its title comes from each language's page.
        'playground',
      ],
      // Owned by course progress (issue 6): a chapter's sidebar link is marked when solved.
      // Search: the button's accessible name and visible text agree (issue 10, WCAG 2.5.3).
      components: {
        Sidebar: './src/components/overrides/Sidebar.astro',
        Search: './src/components/overrides/Search.astro',
      },
      customCss: ['./src/styles/site.css'],
      lastUpdated: false,
      pagination: true,
    }),
    mdx(),
    // Owned by the action catalog (issue 11): one JSON file per service, written at build time.
    catalogIntegration(),
  ],
  // Owned by the sandbox island (issue 5): Monaco's CSS must stay in its lazy chunk, and
  // its workers are ES modules.
  vite: {
    plugins: [monacoCssInJs()],
    worker: { format: 'es' },
  },
});
