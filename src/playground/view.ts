// The world editor's markup, from a world folder: one small form per kind of entity, one
// form that removes any of them, the goal form, and export / open. Rendered at build time
// from the built-in playground and again in the browser after every change.
import { el, type Element } from '../dom/tree.ts';
import { t, type Lang, type StringKey } from '../i18n/strings.ts';
import {
  entities,
  entityKey,
  type EntityRef,
  type Purpose,
  type WorldFolder,
} from './world-edit.ts';

const PURPOSES: readonly Purpose[] = [
  'workload',
  'dev',
  'staging',
  'prod',
  'identity',
  'security',
  'vendor',
  'management',
];

const EXPECTATIONS = ['allowed', 'denied', 'explicitDeny', 'implicitDeny'] as const;

/** An id unique on the page (the sandbox's own ids start with `sb-`). */
const fid = (form: string, field: string): string => `we-${form}-${field}`;

function field(form: string, name: string, label: string, control: Element): Element {
  return el('div', { class: 'sb-field' }, el('label', { for: fid(form, name) }, label), control);
}

function text(
  form: string,
  name: string,
  label: string,
  attrs: Readonly<Record<string, string | boolean>> = {},
): Element {
  return field(
    form,
    name,
    label,
    el('input', {
      id: fid(form, name),
      name,
      type: 'text',
      required: true,
      autocomplete: 'off',
      ...attrs,
    }),
  );
}

function check(form: string, name: string, label: string, checked: boolean): Element {
  return el(
    'div',
    { class: 'sb-field sb-check' },
    el('input', { id: fid(form, name), name, type: 'checkbox', checked }),
    el('label', { for: fid(form, name) }, label),
  );
}

function accountSelect(folder: WorldFolder, form: string, lang: Lang): Element {
  return field(
    form,
    'account',
    t(lang, 'worldAccount'),
    el(
      'select',
      { id: fid(form, 'account'), name: 'account' },
      ...folder.file.accounts.map((a) => el('option', { value: a.id }, `${a.alias} (${a.id})`)),
    ),
  );
}

function addForm(
  kind: string,
  title: StringKey,
  lang: Lang,
  ...fields: (Element | false)[]
): Element {
  return el(
    'form',
    { class: 'we-form', 'data-world-form': kind, 'aria-labelledby': fid(kind, 'h') },
    el('h3', { id: fid(kind, 'h') }, t(lang, title)),
    el('div', { class: 'we-fields' }, ...fields),
    el('button', { type: 'submit', class: 'sb-btn', id: fid(kind, 'submit') }, t(lang, title)),
  );
}

export function entityLabel(folder: WorldFolder, e: EntityRef, lang: Lang): string {
  if (e.kind === 'goal') {
    const goal = folder.file.goals.find((g) => g.id === e.id);
    return `${t(lang, 'worldKind_goal')}: ${goal?.title[lang] ?? e.id}`;
  }
  const account = folder.file.accounts.find((a) => a.id === e.account);
  const where = `${account?.alias ?? ''} (${e.account})`;
  if (e.kind === 'account') return `${t(lang, 'worldKind_account')}: ${where}`;
  return `${t(lang, `worldKind_${e.kind}`)}: ${e.name} — ${where}`;
}

export function worldEditorView(folder: WorldFolder, lang: Lang): Element {
  const groups = folder.file.accounts.flatMap((a) =>
    (a.groups ?? []).map((g) => ({ account: a, name: g.name })),
  );
  return el(
    'div',
    { class: 'we-forms' },
    addForm(
      'account',
      'worldAddAccount',
      lang,
      text('account', 'id', t(lang, 'worldAccountId'), {
        pattern: '\\d{12}',
        inputmode: 'numeric',
        placeholder: '555555555555',
      }),
      text('account', 'alias', t(lang, 'worldAlias'), { placeholder: 'team' }),
      field(
        'account',
        'purpose',
        t(lang, 'worldPurpose'),
        el(
          'select',
          { id: fid('account', 'purpose'), name: 'purpose' },
          ...PURPOSES.map((p) => el('option', { value: p }, p)),
        ),
      ),
      folder.file.organization !== undefined &&
        check('account', 'inOrganization', t(lang, 'worldInOrganization'), true),
    ),
    addForm(
      'user',
      'worldAddUser',
      lang,
      accountSelect(folder, 'user', lang),
      text('user', 'name', t(lang, 'worldName')),
      field(
        'user',
        'group',
        t(lang, 'worldGroup'),
        el(
          'select',
          { id: fid('user', 'group'), name: 'group' },
          el('option', { value: '' }, t(lang, 'worldNoGroup')),
          ...groups.map((g) =>
            el('option', { value: `${g.account.id}:${g.name}` }, `${g.name} — ${g.account.alias}`),
          ),
        ),
      ),
      check('user', 'inlinePolicy', t(lang, 'worldInlinePolicy'), false),
    ),
    addForm(
      'group',
      'worldAddGroup',
      lang,
      accountSelect(folder, 'group', lang),
      text('group', 'name', t(lang, 'worldName')),
      check('group', 'inlinePolicy', t(lang, 'worldInlinePolicy'), true),
    ),
    addForm(
      'role',
      'worldAddRole',
      lang,
      accountSelect(folder, 'role', lang),
      text('role', 'name', t(lang, 'worldName')),
      check('role', 'inlinePolicy', t(lang, 'worldInlinePolicy'), false),
      el('p', { class: 'we-note' }, t(lang, 'worldRoleNote')),
    ),
    addForm(
      'bucket',
      'worldAddBucket',
      lang,
      accountSelect(folder, 'bucket', lang),
      text('bucket', 'name', t(lang, 'worldBucketName'), { placeholder: 'team-artifacts' }),
      check('bucket', 'policy', t(lang, 'worldBucketPolicy'), true),
    ),
    el(
      'form',
      { class: 'we-form', 'data-world-form': 'remove', 'aria-labelledby': fid('remove', 'h') },
      el('h3', { id: fid('remove', 'h') }, t(lang, 'worldRemove')),
      el(
        'div',
        { class: 'we-fields' },
        field(
          'remove',
          'entity',
          t(lang, 'worldRemoveWhat'),
          el(
            'select',
            { id: fid('remove', 'entity'), name: 'entity' },
            ...entities(folder).map((e) =>
              el('option', { value: entityKey(e) }, entityLabel(folder, e, lang)),
            ),
          ),
        ),
      ),
      el('p', { class: 'we-note' }, t(lang, 'worldRemoveNote')),
      el(
        'button',
        { type: 'submit', class: 'sb-btn', id: fid('remove', 'submit') },
        t(lang, 'worldRemove'),
      ),
    ),
    el(
      'form',
      { class: 'we-form', 'data-world-form': 'goal', 'aria-labelledby': fid('goal', 'h') },
      el('h3', { id: fid('goal', 'h') }, t(lang, 'worldAddGoal')),
      el('p', { class: 'we-note' }, t(lang, 'worldGoalNote')),
      el(
        'div',
        { class: 'we-fields' },
        text('goal', 'title', t(lang, 'worldGoalTitle')),
        field(
          'goal',
          'expect',
          t(lang, 'worldGoalExpect'),
          el(
            'select',
            { id: fid('goal', 'expect'), name: 'expect' },
            ...EXPECTATIONS.map((x) => el('option', { value: x }, t(lang, `worldExpect_${x}`))),
          ),
        ),
      ),
      el(
        'button',
        { type: 'submit', class: 'sb-btn', id: fid('goal', 'submit') },
        t(lang, 'worldAddGoal'),
      ),
    ),
    el(
      'form',
      { class: 'we-form', 'data-world-form': 'export', 'aria-labelledby': fid('export', 'h') },
      el('h3', { id: fid('export', 'h') }, t(lang, 'worldExport')),
      el('p', { class: 'we-note' }, t(lang, 'worldExportNote')),
      el(
        'div',
        { class: 'we-fields' },
        text('export', 'id', t(lang, 'worldExportId'), {
          pattern: '[a-z0-9][a-z0-9\\-]*',
          value: 'my-world',
        }),
      ),
      el('button', { type: 'submit', class: 'sb-btn' }, t(lang, 'worldExportButton')),
      el('div', { 'data-world-check': true }),
    ),
    el(
      'div',
      { class: 'we-form' },
      el('h3', { id: fid('open', 'h') }, t(lang, 'worldOpen')),
      el(
        'div',
        { class: 'sb-field' },
        el('label', { for: fid('open', 'file') }, t(lang, 'worldOpenLabel')),
        el('input', {
          id: fid('open', 'file'),
          type: 'file',
          accept: '.zip,application/zip',
          'data-world-open': true,
        }),
      ),
      el(
        'button',
        { type: 'button', class: 'sb-btn', 'data-world-reset': true },
        t(lang, 'worldReset'),
      ),
    ),
  );
}
