// The policy summary beside the editor, as the IAM console shows it: one table per service
// and effect with the access levels granted, on which resources, under which conditions;
// then each wildcard with the actions it matches. Data from sandbox/catalog/summary.ts.
import { el, type Element, type Node } from '../../dom/tree.ts';
import type { Lang } from '../../i18n/strings.ts';
import type { PolicyKind } from '../../../sandbox/policy/types.ts';
import type { AccessLevel } from '../../../sandbox/catalog/types.ts';
import type {
  FullAccessSummary,
  PolicySummary,
  ServiceSummary,
} from '../../../sandbox/catalog/summary.ts';

type Labels = Readonly<Record<string, string>>;

// The console's own words for access levels in Japanese (IAM コンソールのポリシー概要).
export const ACCESS_LEVEL_NAMES: Readonly<Record<Lang, Readonly<Record<AccessLevel, string>>>> = {
  en: {
    List: 'List',
    Read: 'Read',
    Write: 'Write',
    'Permissions management': 'Permissions management',
    Tagging: 'Tagging',
  },
  ja: {
    List: 'リスト',
    Read: '読み取り',
    Write: '書き込み',
    'Permissions management': 'アクセス許可の管理',
    Tagging: 'タグ付け',
  },
};

const LABELS: Readonly<Record<Lang, Labels>> = {
  en: {
    title: 'Policy summary',
    level: 'Access level',
    resources: 'Resources',
    conditions: 'Conditions',
    all: 'All resources',
    none: 'None',
    allow: 'Allow',
    deny: 'Deny',
    actions: '{n} actions',
    action: '1 action',
    wildcards: 'Wildcards',
    matches: 'matches {n} actions',
    matchesOne: 'matches 1 action',
    matchesNone: 'matches no action',
    uncategorized: 'Uncategorized actions',
    allServices: 'All services',
    principals: 'Principals',
    thisRole: 'This role',
    fullAccess: 'Full access',
    unresolved: 'Not broken down:',
    empty: 'This policy grants no action the catalog knows of.',
  },
  ja: {
    title: 'ポリシーの概要',
    level: 'アクセスレベル',
    resources: 'リソース',
    conditions: '条件',
    all: 'すべてのリソース',
    none: 'なし',
    allow: '許可',
    deny: '拒否',
    actions: '{n} アクション',
    action: '1 アクション',
    wildcards: 'ワイルドカード',
    matches: '{n} 個のアクションに一致',
    matchesOne: '1 個のアクションに一致',
    matchesNone: '一致するアクションなし',
    uncategorized: 'カタログにないアクション',
    allServices: 'すべてのサービス',
    principals: 'プリンシパル',
    thisRole: 'このロール',
    fullAccess: 'フルアクセス',
    unresolved: '内訳を出せないもの:',
    empty: 'カタログにあるアクションを許可していません。',
  },
};

function label(lang: Lang, key: string, n?: number): string {
  const text = LABELS[lang][key] ?? key;
  return n === undefined ? text : text.replace('{n}', String(n));
}

function codeList(items: readonly string[]): Node[] {
  return items.flatMap((item, i) =>
    i === 0 ? [el('code', {}, item)] : [', ', el('code', {}, item)],
  );
}

/**
 * How the tables are drawn for this policy: a Principals column where statements name
 * principals (trust and resource-based policies), and "this role" for a trust policy's
 * resource, which it never names.
 */
interface Layout {
  readonly lang: Lang;
  readonly principals: boolean;
  readonly trust: boolean;
}

function tableHead(x: Layout): Element {
  return el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { scope: 'col' }, label(x.lang, 'level')),
      x.principals && el('th', { scope: 'col' }, label(x.lang, 'principals')),
      el('th', { scope: 'col' }, label(x.lang, 'resources')),
      el('th', { scope: 'col' }, label(x.lang, 'conditions')),
    ),
  );
}

/** The principals, resources and conditions cells of a row. */
function scopeCells(
  g: {
    readonly resources: readonly string[];
    readonly conditions: readonly string[];
    readonly principals: readonly string[];
  },
  x: Layout,
): Element[] {
  const { lang } = x;
  return [
    ...(x.principals
      ? [el('td', {}, ...(g.principals.length === 0 ? ['—'] : codeList(g.principals)))]
      : []),
    el(
      'td',
      {},
      ...(x.trust && g.resources.length === 0
        ? [label(lang, 'thisRole')]
        : g.resources.length === 0 || g.resources.includes('*')
          ? [label(lang, 'all')]
          : codeList(g.resources)),
    ),
    el('td', {}, ...(g.conditions.length === 0 ? [label(lang, 'none')] : codeList(g.conditions))),
  ];
}

/** `Action: "*"`: the console's "full access" to all services. */
function everythingTable(f: FullAccessSummary, x: Layout): Element {
  const { lang } = x;
  const effect = label(lang, f.effect === 'Allow' ? 'allow' : 'deny');
  return el(
    'table',
    { class: 'sb-summary-service', 'data-service': '*', 'data-effect': f.effect },
    el('caption', {}, `${label(lang, 'allServices')} (`, el('code', {}, '*'), `) — ${effect}`),
    tableHead(x),
    el(
      'tbody',
      {},
      el(
        'tr',
        { 'data-level': 'full' },
        el('th', { scope: 'row' }, label(lang, 'fullAccess')),
        ...scopeCells(f, x),
      ),
    ),
  );
}

function serviceTable(s: ServiceSummary, x: Layout): Element {
  const { lang } = x;
  const effect = label(lang, s.effect === 'Allow' ? 'allow' : 'deny');
  return el(
    'table',
    { class: 'sb-summary-service', 'data-service': s.prefix, 'data-effect': s.effect },
    el('caption', {}, `${s.name} (`, el('code', {}, s.prefix), `) — ${effect}`),
    tableHead(x),
    el(
      'tbody',
      {},
      ...s.levels.map((l) =>
        el(
          'tr',
          { 'data-level': l.level },
          el(
            'th',
            { scope: 'row' },
            el('span', {}, ACCESS_LEVEL_NAMES[lang][l.level]),
            el(
              'details',
              {},
              el(
                'summary',
                {},
                l.actions.length === 1
                  ? label(lang, 'action')
                  : label(lang, 'actions', l.actions.length),
              ),
              el('p', {}, ...codeList(l.actions)),
            ),
          ),
          ...scopeCells(l, x),
        ),
      ),
      s.uncategorized.length > 0 &&
        el(
          'tr',
          { 'data-level': 'uncategorized' },
          el('th', { scope: 'row' }, label(lang, 'uncategorized')),
          el('td', { colspan: x.principals ? '3' : '2' }, ...codeList(s.uncategorized)),
        ),
    ),
  );
}

/** The summary as a tree of elements (`toDom` or `toHtml` from src/dom/tree.ts draws it). */
export function policySummaryView(
  summary: PolicySummary,
  lang: Lang,
  kind: PolicyKind = 'identity',
): Element {
  const x: Layout = {
    lang,
    trust: kind === 'trust',
    principals:
      summary.everything.some((f) => f.principals.length > 0) ||
      summary.services.some((s) => s.levels.some((l) => l.principals.length > 0)),
  };
  return el(
    'section',
    { class: 'sb-summary not-content', 'aria-label': label(lang, 'title') },
    el('h5', {}, label(lang, 'title')),
    summary.services.length === 0 &&
      summary.everything.length === 0 &&
      el('p', {}, label(lang, 'empty')),
    ...summary.everything.map((f) => everythingTable(f, x)),
    ...summary.services.map((s) => serviceTable(s, x)),
    summary.wildcards.length > 0 &&
      el(
        'div',
        { class: 'sb-summary-wildcards' },
        el('h6', {}, label(lang, 'wildcards')),
        el(
          'ul',
          {},
          ...summary.wildcards.map((w) =>
            el(
              'li',
              { 'data-pattern': w.pattern },
              el('code', {}, w.pattern),
              ' — ',
              w.actions.length === 0
                ? label(lang, 'matchesNone')
                : el(
                    'details',
                    {},
                    el(
                      'summary',
                      {},
                      w.actions.length === 1
                        ? label(lang, 'matchesOne')
                        : label(lang, 'matches', w.actions.length),
                    ),
                    el('p', {}, ...codeList(w.actions)),
                  ),
            ),
          ),
        ),
      ),
    summary.unresolved.length > 0 &&
      el(
        'p',
        { class: 'sb-summary-unresolved' },
        `${label(lang, 'unresolved')} `,
        ...codeList(summary.unresolved),
      ),
  );
}
