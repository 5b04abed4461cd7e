// The Monaco policy editor. This module is only ever reached through a dynamic import
// (./load.ts), so Monaco, its CSS (see ./monaco-css-plugin.mjs) and its workers stay out
// of the page's first load. Every asset is bundled: nothing is fetched from another origin.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/suggest/register';
// The completion list itself: in 0.57 `features/suggest/register` brings only inline
// completions, and without the controller no completion ever opens.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
// The JSON mode brings in contributions (code lenses, drop into editor) that need these
// features' services; registered late, a second editor on the page fails to create them.
import 'monaco-editor/features/codelens/register';
import 'monaco-editor/features/dropOrPasteInto/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { policyFindings } from '../../sandbox/catalog/lint.ts';
import type { Catalog } from '../../sandbox/catalog/types.ts';
import type {
  Finding,
  ParsedPolicy,
  PolicyKind,
  Severity,
  SourceRange,
} from '../../sandbox/policy/types.ts';
import type { Lang } from '../i18n/strings.ts';
import {
  loadCatalog,
  loadedCatalog,
  loadServices,
  missingServices,
  servicesNamed,
} from './catalog-client.ts';
import { registerCatalogFeatures, serveModel } from './catalog-features.ts';
import { policySchema } from './schema.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

// Completions and hovers from AWS's action catalog, for every policy editor of the page.
registerCatalogFeatures(monaco);

let configuredLang: Lang | null = null;

function configureJson(lang: Lang): void {
  if (configuredLang === lang) return;
  configuredLang = lang;
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'warning',
    schemas: [
      {
        uri: 'inmemory://iamlab/policy-schema.json',
        fileMatch: ['*.policy.json'],
        schema: policySchema(lang),
      },
    ],
  });
}

const MARKER_SEVERITY: Readonly<Record<Severity, monaco.MarkerSeverity>> = {
  error: monaco.MarkerSeverity.Error,
  'security-warning': monaco.MarkerSeverity.Warning,
  warning: monaco.MarkerSeverity.Warning,
  suggestion: monaco.MarkerSeverity.Info,
};

function currentTheme(): string {
  return document.documentElement.dataset['theme'] === 'dark' ? 'vs-dark' : 'vs';
}

export interface PolicyEditorOptions {
  readonly container: HTMLElement;
  readonly text: string;
  /** Unique per page, e.g. `ch01/policies/trust.json`. */
  readonly id: string;
  readonly kind: PolicyKind;
  readonly label: string;
  readonly lang: Lang;
  readonly readOnly?: boolean;
  readonly onChange: (text: string) => void;
  /** Esc with no widget open: the caller moves focus out of the editor. */
  readonly onEscape: () => void;
}

export interface PolicyEditor {
  getText(): string;
  setText(text: string): void;
  /**
   * Shows the findings of the text as parsed (with the engine's options for the document):
   * the parser's and the action catalog's together, in one update within the edit once the
   * services the policy names are loaded; otherwise what is known now, the rest on arrival.
   */
  setPolicy(policy: ParsedPolicy): void;
  highlight(range: SourceRange | null): void;
  focus(): void;
  dispose(): void;
}

export function createPolicyEditor(options: PolicyEditorOptions): PolicyEditor {
  configureJson(options.lang);
  const uri = monaco.Uri.parse(
    `inmemory://iamlab/${encodeURIComponent(options.id)}.${options.kind}.policy.json`,
  );
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(options.text, 'json', uri);
  // Hovers and the completion list live in <body>, not in the editor: Starlight's main pane is
  // an isolated stacking context, so inside it even fixed widgets paint under the page's
  // header and the "On this page" sidebar. The classes give them Monaco's styles and colours.
  const overflow = document.createElement('div');
  const setOverflowTheme = (): void => {
    overflow.className = `monaco-editor iamlab-overflow-widgets ${currentTheme()}`;
  };
  setOverflowTheme();
  document.body.append(overflow);
  const editor = monaco.editor.create(options.container, {
    model,
    theme: currentTheme(),
    ariaLabel: options.label,
    readOnly: options.readOnly ?? false,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    wordWrap: 'on',
    tabSize: 2,
    fontSize: 14,
    lineNumbersMinChars: 3,
    renderLineHighlight: 'none',
    fixedOverflowWidgets: true,
    overflowWidgetsDomNode: overflow,
  });
  const unserve = serveModel(uri, options.lang);
  const changeSub = model.onDidChangeContent(() => {
    options.onChange(model.getValue());
  });
  // After Esc, Tab must lead out of the editor again (no keyboard loop): the editor defers
  // Tab to the page until the learner clicks back into the text.
  editor.addCommand(
    monaco.KeyCode.Escape,
    () => {
      editor.updateOptions({ tabFocusMode: true });
      options.onEscape();
    },
    '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !markersNavigationVisible',
  );
  const mouseSub = editor.onMouseDown(() => {
    editor.updateOptions({ tabFocusMode: false });
  });
  // Starlight flips data-theme on <html>; follow it while the editor lives.
  const themeObserver = new MutationObserver(() => {
    monaco.editor.setTheme(currentTheme());
    setOverflowTheme();
  });
  themeObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });

  const decorations = editor.createDecorationsCollection();
  const range = (r: SourceRange): monaco.Range => {
    const start = model.getPositionAt(r.start);
    const end = model.getPositionAt(r.end);
    return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
  };

  // One source for what is underlined: policyFindings (sandbox/catalog/lint.ts), the call
  // `iamlab lint` makes. The catalog is loaded by the first edit; after that a keystroke gets
  // all its findings in one setModelMarkers call, inside the edit, not a second one later.
  let generation = 0;
  const showMarkers = (findings: readonly Finding[]): void => {
    monaco.editor.setModelMarkers(
      model,
      'iamlab',
      findings.map((f) => {
        const r = range(f.range ?? { start: 0, end: Math.min(1, model.getValueLength()) });
        return {
          severity: MARKER_SEVERITY[f.severity],
          message: f.message[options.lang],
          code: f.code,
          startLineNumber: r.startLineNumber,
          startColumn: r.startColumn,
          endLineNumber: r.endLineNumber,
          endColumn: r.endColumn,
        };
      }),
    );
  };
  const setPolicy = (policy: ParsedPolicy): void => {
    const mine = ++generation;
    const known = loadedCatalog();
    showMarkers(policyFindings(policy, known));
    if (known !== null && missingServices(known, servicesNamed(known, policy)).length === 0) return;
    // The index or a service the policy names is still to come: show it when it arrives.
    const show = (cat: Catalog): void => {
      if (mine === generation && !model.isDisposed()) showMarkers(policyFindings(policy, cat));
    };
    loadCatalog()
      .then(async (cat) => {
        if (known === null) show(cat);
        if (await loadServices(cat, servicesNamed(cat, policy))) show(cat);
      })
      .catch(() => {
        // Offline: the catalog's checks are missing until the files can be fetched.
      });
  };

  return {
    getText: () => model.getValue(),
    setText(text) {
      if (text !== model.getValue()) model.setValue(text);
    },
    setPolicy,
    highlight(r) {
      decorations.set(
        r === null
          ? []
          : [
              {
                range: range(r),
                options: {
                  isWholeLine: true,
                  className: 'iamlab-deciding-line',
                  inlineClassName: 'iamlab-deciding',
                },
              },
            ],
      );
      if (r !== null) editor.revealRangeInCenterIfOutsideViewport(range(r));
    },
    focus: () => {
      editor.focus();
    },
    dispose() {
      unserve();
      themeObserver.disconnect();
      changeSub.dispose();
      mouseSub.dispose();
      editor.dispose();
      overflow.remove();
      model.dispose();
    },
  };
}
