// The whole sandbox as markup, from a controller snapshot: rendered at build time from the
// start state, and the panels re-render their parts of it in the browser from later ones.
import { el, withCode, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import { documentRoles, ownerLabel } from '../../scenario/documents.ts';
import { trustList, worldDiagrams } from '../../world/diagram.ts';
import type { Snapshot } from '../controller.ts';
import { attemptBar, attemptForm } from './attempt.ts';
import { diagramFocus } from './diagram-focus.ts';
import { exercisesView, goalsDockView } from './goals.ts';
import { policyBlock } from './policy.ts';
import { runView } from './run.ts';
import { sessionView } from './session.ts';
import { stepperView } from './trace.ts';

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
  x: Snapshot,
  lang: Lang,
  /** The level of the panel headings: 3 under a chapter's h2, 2 on the embed page. */
  level = 3,
): Element[] {
  const s = x.scenario;
  const domId = `sb-${s.id}`;
  const roles = documentRoles(s.world);
  const policies = s.editable.map((docId, i) => {
    const role = roles.get(docId);
    return policyBlock(
      {
        domId: `${domId}-p${i}`,
        docId,
        kind: role?.kind ?? 'identity',
        owner: role === undefined ? docId : ownerLabel(role.place, lang),
        text: x.documents[docId] ?? '',
        editable: true,
      },
      lang,
      level + 1,
    );
  });
  // What the trace may name but the learner cannot change (mallory's own policy, a group's).
  const others = [...roles.values()]
    .filter((r) => !s.editable.includes(r.id) && s.world.documents[r.id] !== undefined)
    .map((role, i) =>
      policyBlock(
        {
          domId: `${domId}-r${i}`,
          docId: role.id,
          kind: role.kind,
          owner: ownerLabel(role.place, lang),
          text: s.world.documents[role.id] ?? '',
          editable: false,
        },
        lang,
        level + 2,
      ),
    );
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
        worldDiagrams(s.world, diagramFocus(x), lang),
      ),
      trustList(s.world, lang),
    ),
    panelSection(
      domId,
      level,
      'policies',
      t(lang, 'policies'),
      ...policies,
      // Who can now reach what: filled in by a worker after the first edit or on waking.
      el(
        'div',
        { class: 'sb-access-box', 'data-access': true },
        el('div', { 'data-access-changes': true, 'aria-live': 'polite' }),
        el(
          'details',
          { class: 'sb-access-details' },
          el('summary', {}, t(lang, 'accessMatrix')),
          el('div', { 'data-access-matrix': true }),
        ),
        el(
          'details',
          { class: 'sb-access-details' },
          el('summary', {}, t(lang, 'accessQuery')),
          el('div', { 'data-access-query': true }),
          el('div', { 'data-access-paths': true, 'aria-live': 'polite' }),
        ),
      ),
      ...(others.length === 0
        ? []
        : [
            el(
              'details',
              { class: 'sb-other-policies' },
              el('summary', {}, t(lang, 'otherPolicies')),
              ...others,
            ),
          ]),
    ),
    panelSection(
      domId,
      level,
      'attempt',
      t(lang, 'attempt'),
      attemptForm(s, x.draft, x.editStep, domId, lang),
      el(`h${level + 1}`, {}, t(lang, 'result')),
      el(
        'div',
        { class: 'sb-result', 'data-result': true },
        runView(s, x.run, x.stepper.decided, lang),
      ),
      el(`h${level + 1}`, {}, t(lang, 'stepper')),
      el(
        'div',
        { class: 'sb-stepper', 'data-stepper': true },
        stepperView(null, null, false, lang),
      ),
      el('div', { class: 'sb-call-detail', 'data-call-detail': true }),
    ),
    panelSection(
      domId,
      level,
      'session',
      t(lang, 'session'),
      el('div', { 'data-sessions': true }, sessionView(x.sessions, x.now, lang)),
    ),
    panelSection(
      domId,
      level,
      'exercise',
      t(lang, 'exercise'),
      el('div', { 'data-exercises': true }, exercisesView(x, level + 1, lang)),
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
          { class: 'sb-check' },
          el('input', { type: 'checkbox', 'data-embed-option': 'current' }),
          ` ${t(lang, 'embedCurrent')}`,
        ),
        el(
          'label',
          { class: 'sb-check' },
          el('input', { type: 'checkbox', 'data-embed-option': 'hide-solution' }),
          ` ${t(lang, 'embedHideSolution')}`,
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
    // Stays in view at the bottom of the screen while the sandbox is: what to run, Run, the
    // verdict and the goals, next to whatever policy the learner is editing.
    el(
      'section',
      { class: 'sb-dock', 'data-dock': true, 'aria-labelledby': `${domId}-dock-h` },
      el(
        'h' + String(level),
        { id: `${domId}-dock-h`, class: 'sb-visually-hidden' },
        t(lang, 'dock'),
      ),
      attemptBar(s, x.draft, domId, lang),
      el('div', { 'data-goals': true }, goalsDockView(x, lang)),
    ),
  ];
}
