// What the editor knows from AWS's action catalog: completions for service prefixes, every
// action (with its access level and one-line description), the ARN formats of the resource
// types the statement's actions take, and the condition keys those actions support plus the
// global ones (with their types); hover docs for each. The JSON schema (./schema.ts) still
// completes the policy's own grammar: elements, Effect, operators.
import type * as Monaco from 'monaco-editor/editor';
import {
  findNodeAtLocation,
  getLocation,
  getNodeValue,
  parseTree,
  type JSONPath,
} from 'jsonc-parser';
import { arnResourceTypes, matchActions } from '../../sandbox/catalog/lint.ts';
import type { Action, Catalog, ConditionKey, Service } from '../../sandbox/catalog/types.ts';
import type { Lang } from '../i18n/strings.ts';
import { ACCESS_LEVEL_NAMES } from '../island/views/summary.ts';
import { loadCatalog, loadServices } from './catalog-client.ts';

/** Models this module serves, with their language. */
const models = new Map<string, Lang>();

export function serveModel(uri: Monaco.Uri, lang: Lang): () => void {
  const key = uri.toString();
  models.set(key, lang);
  return () => models.delete(key);
}

const WORDS = {
  en: {
    global: 'global condition key',
    type: 'type',
    takes: 'Resource types',
    any: 'any resource (`*`)',
    matches: 'matches {n} actions',
    matchesOne: 'matches 1 action',
  },
  ja: {
    global: 'グローバル条件キー',
    type: '型',
    takes: 'リソースタイプ',
    any: 'すべてのリソース（`*`）',
    matches: '{n} 個のアクションに一致',
    matchesOne: '1 個のアクションに一致',
  },
} as const;

/** The string literal around `offset`: its content's start and end (quotes excluded). */
function stringAt(text: string, offset: number): { start: number; end: number } | null {
  let start = offset - 1;
  while (start >= 0) {
    const c = text.charCodeAt(start);
    if (c === 10) return null;
    if (c === 34 && text.charCodeAt(start - 1) !== 92) break;
    start--;
  }
  if (start < 0) return null;
  // Inside a string only when the quotes before it on the line are odd in number.
  const line = text.lastIndexOf('\n', start) + 1;
  let quotes = 0;
  for (let i = line; i <= start; i++)
    if (text.charCodeAt(i) === 34 && text.charCodeAt(i - 1) !== 92) quotes++;
  if (quotes % 2 === 0) return null;
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 34 && text.charCodeAt(end) !== 10) end++;
  return { start: start + 1, end };
}

interface Place {
  /** JSON path of the statement, e.g. `['Statement', 1]`. */
  readonly statement: JSONPath;
  readonly element: string;
  readonly path: JSONPath;
  readonly atKey: boolean;
}

function placeAt(text: string, offset: number): Place | null {
  const loc = getLocation(text, offset);
  const path = loc.path;
  if (path[0] !== 'Statement') return null;
  const statement = typeof path[1] === 'number' ? path.slice(0, 2) : path.slice(0, 1);
  const element = path[statement.length];
  if (typeof element !== 'string') return null;
  return { statement, element, path, atKey: loc.isAtPropertyKey };
}

/** The statement's `Action` values, resolved to catalog actions (services loaded first). */
async function statementActions(
  cat: Catalog,
  text: string,
  statement: JSONPath,
): Promise<Action[]> {
  const root = parseTree(text);
  const node = root === undefined ? undefined : findNodeAtLocation(root, [...statement, 'Action']);
  const raw: unknown = node === undefined ? undefined : getNodeValue(node);
  const values = (Array.isArray(raw) ? raw : [raw]).filter(
    (v): v is string => typeof v === 'string',
  );
  await loadServices(
    cat,
    values.map((v) => v.slice(0, Math.max(0, v.indexOf(':')))),
  );
  const out: Action[] = [];
  for (const v of values) {
    const colon = v.indexOf(':');
    const service = colon > 0 ? cat.service(v.slice(0, colon)) : null;
    if (service === null || service === undefined) continue;
    const name = v.slice(colon + 1);
    if (name.includes('*') || name.includes('?')) out.push(...matchActions(service, name));
    else {
      const a = service.action(name);
      if (a !== undefined) out.push(a);
    }
  }
  return out;
}

/** A catalog template (`${TagKey}`) as a snippet with tab stops; `${Partition}` is `aws`. */
function snippet(template: string): string {
  const escape = (text: string): string => text.replace(/[\\$}]/g, '\\$&');
  let out = '';
  let at = 0;
  let n = 0;
  for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
    out += escape(template.slice(at, m.index));
    const name = m[1] ?? '';
    out += name === 'Partition' ? 'aws' : `\${${++n}:${escape(name)}}`;
    at = m.index + m[0].length;
  }
  return out + escape(template.slice(at));
}

function actionDoc(a: Action, service: Service, lang: Lang): string {
  const types =
    a.resourceTypes.length === 0
      ? WORDS[lang].any
      : a.resourceTypes.map((t) => `\`${t}\``).join(', ');
  return `**${service.prefix}:${a.name}** — ${ACCESS_LEVEL_NAMES[lang][a.accessLevel]}\n\n${a.description}\n\n${WORDS[lang].takes}: ${types}`;
}

function keyDoc(k: ConditionKey, lang: Lang): string {
  const where = k.global ? ` (${WORDS[lang].global})` : '';
  return `**${k.key}** — ${WORDS[lang].type} ${k.type}${where}${k.description === '' ? '' : `\n\n${k.description}`}`;
}

export function registerCatalogFeatures(monaco: typeof Monaco): void {
  const { CompletionItemKind, CompletionItemInsertTextRule } = monaco.languages;

  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"', ':', '/'],
    async provideCompletionItems(model, position) {
      const lang = models.get(model.uri.toString());
      if (lang === undefined) return { suggestions: [] };
      const text = model.getValue();
      const offset = model.getOffsetAt(position);
      const str = stringAt(text, offset);
      const place = placeAt(text, offset);
      if (str === null || place === null) return { suggestions: [] };
      const cat = await loadCatalog();
      const typed = text.slice(str.start, offset);
      const from = model.getPositionAt(str.start);
      const to = model.getPositionAt(str.end);
      const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
      const isAction = place.element === 'Action' || place.element === 'NotAction';
      if (isAction && !place.atKey) {
        const colon = typed.indexOf(':');
        if (colon < 0) {
          return {
            suggestions: cat.index.services.map(([prefix, name]) => ({
              label: prefix,
              kind: CompletionItemKind.Module,
              detail: name,
              insertText: `${prefix}:`,
              range,
              command: { id: 'editor.action.triggerSuggest', title: '' },
            })),
          };
        }
        const prefix = typed.slice(0, colon);
        await loadServices(cat, [prefix]);
        const service = cat.service(prefix);
        if (service === null || service === undefined) return { suggestions: [] };
        return {
          suggestions: service.actions.map((a) => ({
            label: {
              label: `${service.prefix}:${a.name}`,
              description: ACCESS_LEVEL_NAMES[lang][a.accessLevel],
            },
            kind: CompletionItemKind.Function,
            detail: ACCESS_LEVEL_NAMES[lang][a.accessLevel],
            documentation: { value: actionDoc(a, service, lang) },
            insertText: `${service.prefix}:${a.name}`,
            filterText: `${prefix}:${a.name}`,
            range,
          })),
        };
      }
      if ((place.element === 'Resource' || place.element === 'NotResource') && !place.atKey) {
        const actions = await statementActions(cat, text, place.statement);
        const seen = new Set<string>();
        const suggestions: Monaco.languages.CompletionItem[] = [];
        for (const a of actions) {
          const service = cat.service(a.service);
          for (const key of a.resourceTypes) {
            const type = service?.resourceType(key);
            if (type === undefined || seen.has(type.arn)) continue;
            seen.add(type.arn);
            suggestions.push({
              label: { label: type.arn, description: `${a.service} ${type.key}` },
              kind: CompletionItemKind.Reference,
              detail: `${a.service} · ${type.key}`,
              insertText: snippet(type.arn),
              insertTextRules: CompletionItemInsertTextRule.InsertAsSnippet,
              range,
            });
          }
        }
        return { suggestions };
      }
      const underOperator = place.path.length === place.statement.length + 3;
      if (place.element === 'Condition' && place.atKey && underOperator) {
        const actions = await statementActions(cat, text, place.statement);
        const keys = new Map<string, ConditionKey>();
        for (const a of actions) {
          const service = cat.service(a.service);
          const names = [
            ...a.conditionKeys,
            ...a.resourceTypes.flatMap((t) => service?.resourceType(t)?.conditionKeys ?? []),
          ];
          for (const name of names) {
            const k = cat.conditionKey(name);
            if (k !== null && k !== undefined) keys.set(k.key.toLowerCase(), k);
          }
        }
        for (const [key, type] of cat.index.globalKeys) {
          if (!keys.has(key.toLowerCase()))
            keys.set(key.toLowerCase(), { key, type, description: '', global: true });
        }
        return {
          suggestions: [...keys.values()].map((k) => ({
            label: { label: k.key, description: k.type },
            kind: k.global ? CompletionItemKind.Variable : CompletionItemKind.Field,
            detail: k.type,
            documentation: { value: keyDoc(k, lang) },
            insertText: snippet(k.key),
            insertTextRules: CompletionItemInsertTextRule.InsertAsSnippet,
            range,
            sortText: `${k.global ? '1' : '0'}${k.key}`,
          })),
        };
      }
      return { suggestions: [] };
    },
  });

  monaco.languages.registerHoverProvider('json', {
    async provideHover(model, position) {
      const lang = models.get(model.uri.toString());
      if (lang === undefined) return null;
      const text = model.getValue();
      const offset = model.getOffsetAt(position);
      const str = stringAt(text, offset);
      if (str === null) return null;
      const value = text.slice(str.start, str.end);
      const from = model.getPositionAt(str.start);
      const to = model.getPositionAt(str.end);
      const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
      const cat = await loadCatalog();
      const colon = value.indexOf(':');
      if (colon <= 0) return null;
      const prefix = value.slice(0, colon);
      await loadServices(cat, [prefix, ...(cat.index.keyPrefixes[prefix.toLowerCase()] ?? [])]);
      const contents: Monaco.IMarkdownString[] = [];
      if (value.startsWith('arn:')) {
        const parts = value.split(':');
        await loadServices(cat, [parts[2] ?? '']);
        for (const t of arnResourceTypes(cat, value) ?? [])
          contents.push({ value: `\`${t.key}\` — \`${t.arn}\`` });
      } else {
        const service = cat.service(prefix);
        const name = value.slice(colon + 1);
        if (service !== null && service !== undefined) {
          if (name.includes('*') || name.includes('?')) {
            const found = matchActions(service, name)
              .map((a) => `${service.prefix}:${a.name}`)
              .sort();
            const count =
              found.length === 1
                ? WORDS[lang].matchesOne
                : WORDS[lang].matches.replace('{n}', String(found.length));
            contents.push({
              value: `**${value}** — ${count}\n\n${found
                .slice(0, 40)
                .map((a) => `\`${a}\``)
                .join(', ')}${found.length > 40 ? ' …' : ''}`,
            });
          } else {
            const a = service.action(name);
            if (a !== undefined) contents.push({ value: actionDoc(a, service, lang) });
          }
        }
        if (contents.length === 0) {
          const k = cat.conditionKey(value);
          if (k !== null && k !== undefined) contents.push({ value: keyDoc(k, lang) });
        }
      }
      return contents.length === 0 ? null : { range, contents };
    },
  });
}
