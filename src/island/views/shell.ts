// The whole sandbox as server-rendered markup. The island later re-renders the dynamic
// panels (findings, stepper, result, session, goals) into the same containers.
import { el, withCode, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { Scenario } from '../../../sandbox/scenario/types.ts';
import { documentRoles } from '../../scenario/documents.ts';
import { trustList, worldDiagram } from '../../world/diagram.ts';
import { attemptForm, startFields } from './attempt.ts';
import { goalsView } from './goals.ts';
import { policyBlock } from './policy.ts';
import { sessionView } from './session.ts';
import { resultView, stepperView } from './trace.ts';

export const PANELS = ['world', 'policies', 'attempt', 'session', 'exercise', 'share'] as const;
export type Panel = (typeof PANELS)[number];

export function panelSection(
  domId: string,
  level: number,
  panel: Panel,
  title: string,
  ...body: Element[]
): Element {
  return el(
    'section',
    {
      class: `sb-panel sb-${panel}`,
      'data-panel': panel,
      'aria-labelledby': `${domId}-${panel}-h`,
    },
    el(`h${level}`, { id: `${domId}-${panel}-h` }, title),
    ...body,
  );
}

export function shellView(
  s: Scenario,
  lang: Lang,
  goalsMet: Readonly<Record<string, boolean>>,
  /** The level of the panel headings: 3 under a chapter's h2, 2 on the embed page. */
  level = 3,
): Element[] {
  const domId = `sb-${s.id}`;
  const roles = documentRoles(s.world);
  const fields = startFields(s);
  const policies = s.editable.map((docId, i) => {
    const role = roles.get(docId);
    return policyBlock(
      {
        domId: `${domId}-p${i}`,
        docId,
        kind: role?.kind ?? 'identity',
        owner: role?.owner ?? docId,
        text: s.world.documents[docId] ?? '',
        editable: true,
      },
      lang,
      level + 1,
    );
  });
  return [
    el(
      'header',
      { class: 'sb-head' },
      el(
        'p',
        { class: 'sb-title' },
        el('strong', {}, `${t(lang, 'sandbox')}: `),
        ...withCode(s.title[lang]),
      ),
      el('p', {}, ...withCode(s.description[lang])),
    ),
    el('div', { class: 'sb-notices', role: 'status', 'aria-live': 'polite', 'data-notices': true }),
    panelSection(
      domId,
      level,
      'world',
      t(lang, 'world'),
      el(
        'div',
        { class: 'sb-diagram', 'data-diagram': true },
        worldDiagram(
          s.world,
          { caller: String(fields['caller']), target: String(fields['roleArn']) },
          lang,
        ),
      ),
      trustList(s.world, lang),
    ),
    panelSection(domId, level, 'policies', t(lang, 'policies'), ...policies),
    panelSection(
      domId,
      level,
      'attempt',
      t(lang, 'attempt'),
      attemptForm(s, fields, domId, lang),
      el(`h${level + 1}`, {}, t(lang, 'stepper')),
      el(
        'div',
        { class: 'sb-stepper', 'data-stepper': true },
        stepperView(null, null, false, lang),
      ),
      el(`h${level + 1}`, {}, t(lang, 'result')),
      el('div', { class: 'sb-result', 'data-result': true }, resultView(null, lang)),
    ),
    panelSection(
      domId,
      level,
      'session',
      t(lang, 'session'),
      el('div', { 'data-sessions': true }, sessionView([], s.clockStart, lang)),
    ),
    panelSection(
      domId,
      level,
      'exercise',
      t(lang, 'exercise'),
      el(
        'div',
        { 'data-exercise': true },
        goalsView(
          {
            goals: s.goals.map((g) => ({ id: g.id, title: g.title, met: goalsMet[g.id] ?? false })),
            hints: s.hints,
            hintsShown: 0,
            showingSolution: false,
            canUndoReset: false,
          },
          lang,
        ),
      ),
      el('div', { 'data-diff': true }),
    ),
    panelSection(
      domId,
      level,
      'share',
      t(lang, 'share'),
      el(
        'div',
        { class: 'sb-row', 'data-needs-js': true, hidden: true },
        el(
          'button',
          { type: 'button', class: 'sb-btn', 'data-action': 'copy-link' },
          t(lang, 'copyLink'),
        ),
        el(
          'button',
          { type: 'button', class: 'sb-btn', 'data-action': 'copy-embed' },
          t(lang, 'copyEmbed'),
        ),
        el(
          'button',
          { type: 'button', class: 'sb-btn', 'data-action': 'export' },
          t(lang, 'exportProgress'),
        ),
        el(
          'label',
          { class: 'sb-btn sb-file' },
          t(lang, 'importProgress'),
          el('input', {
            type: 'file',
            accept: 'application/json,.json',
            'data-action': 'import',
            class: 'sb-visually-hidden',
          }),
        ),
      ),
      el('textarea', {
        class: 'sb-copy-box',
        'data-copy-box': true,
        readonly: true,
        hidden: true,
        'aria-label': t(lang, 'share'),
        rows: 3,
      }),
    ),
  ];
}
