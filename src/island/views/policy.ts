// One editable policy: label, read-only highlighted JSON (what screen readers read and
// what shows before Monaco loads), the engine's findings, and a plain textarea that works
// without JavaScript and on touch devices.
import { el, withCode, type Element } from '../../dom/tree.ts';
import { highlightJson } from '../../highlight/json.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { Finding, PolicyKind, SourceRange } from '../../../sandbox/policy/types.ts';

export interface PolicyViewModel {
  readonly domId: string;
  readonly docId: string;
  readonly kind: PolicyKind;
  readonly owner: string;
  readonly text: string;
  readonly editable: boolean;
}

export function policyLabel(p: Pick<PolicyViewModel, 'kind' | 'owner'>, lang: Lang): string {
  return `${p.owner} — ${t(lang, `kind_${p.kind}`)}`;
}

export function policyBlock(p: PolicyViewModel, lang: Lang, level = 4): Element {
  const label = policyLabel(p, lang);
  return el(
    'div',
    { class: 'sb-policy', 'data-doc': p.docId, 'data-kind': p.kind },
    el(
      'div',
      { class: 'sb-policy-head' },
      el(`h${level}`, { id: `${p.domId}-label` }, label),
      p.editable &&
        el(
          'button',
          {
            type: 'button',
            class: 'sb-btn',
            'data-action': 'edit',
            'data-doc': p.docId,
            'data-needs-js': true,
            hidden: true,
          },
          t(lang, 'editPolicy', { name: t(lang, `kind_${p.kind}`) }),
        ),
      !p.editable && el('span', { class: 'sb-badge' }, t(lang, 'readOnly')),
    ),
    el(
      'p',
      { class: 'sb-editor-hint', id: `${p.domId}-hint`, hidden: true },
      t(lang, 'editorHint'),
    ),
    el('div', { class: 'sb-editor-slot', hidden: true }),
    el(
      'pre',
      { class: 'sb-code', tabindex: 0, 'aria-labelledby': `${p.domId}-label` },
      el('code', {}, ...highlightJson(p.text)),
    ),
    el('div', { class: 'sb-findings', 'data-findings': p.docId }),
    p.editable &&
      el(
        'details',
        { class: 'sb-plain' },
        el('summary', {}, t(lang, 'editAsText')),
        el(
          'textarea',
          {
            'data-plain': p.docId,
            'aria-labelledby': `${p.domId}-label`,
            rows: Math.min(24, p.text.split('\n').length + 1),
            spellcheck: 'false',
          },
          p.text,
        ),
      ),
  );
}

export function codeContent(text: string, deciding?: SourceRange): Element {
  return el('code', {}, ...highlightJson(text, deciding));
}

export function findingsList(findings: readonly Finding[], lang: Lang): Element {
  if (findings.length === 0) return el('div', {});
  return el(
    'ul',
    { class: 'sb-finding-list' },
    ...findings.map((f) =>
      el(
        'li',
        { class: `sb-finding sev-${f.severity}`, 'data-code': f.code },
        el('strong', {}, `${t(lang, `severity_${f.severity}`)}: `),
        ...withCode(f.message[lang]),
        f.position !== undefined ? ` (${t(lang, 'line', { line: f.position.line })})` : '',
      ),
    ),
  );
}
