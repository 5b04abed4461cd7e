// The access map beside the editor: what the last edit changed (and what changed since the
// start), who can reach what as a table, and the routes to draw on the world diagram. Pure
// views from the worker's replies; `accessPanel` mounts them and talks to the worker.
import { el, withCode, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import {
  BUCKET_ACTION_ORDER,
  findPaths,
  hopText,
  pathsHeading,
  requirementText,
  routeText,
  stopText,
  targetShort,
  subjectName,
  type AccessChange,
  type AccessMap,
  type Hop,
  type PathsResult,
  type Reach,
  type Route,
  type SubjectAccess,
  type Target,
} from '../../../sandbox/access/index.ts';
import type { DiagramPath } from '../../world/diagram.ts';
import type { AccessReply, AccessRequest } from '../access.worker.ts';
import type { Change, Snapshot } from '../controller.ts';
import type { Panel } from '../panels.ts';
import { patch } from '../patch.ts';

function changeItem(c: AccessChange, lang: Lang): Element {
  return el(
    'li',
    { class: `sb-access-change is-${c.sign === '+' ? 'gained' : 'lost'}`, 'data-kind': c.kind },
    ...withCode(c.text[lang]),
  );
}

/**
 * The "+"/"−" lines: what the last edit changed, then what differs from the start. Meant
 * for an `aria-live="polite"` region: each line is a sentence, with its sign spelled out by
 * the sentence itself ("can now", "can no longer").
 */
export function accessChangesView(
  sinceEdit: readonly AccessChange[],
  sinceStart: readonly AccessChange[],
  level: number,
  lang: Lang,
): Element {
  const list = (changes: readonly AccessChange[]): Element =>
    changes.length === 0
      ? el('p', { class: 'sb-access-none' }, t(lang, 'accessNoChange'))
      : el('ul', { class: 'sb-access-changes' }, ...changes.map((c) => changeItem(c, lang)));
  return el(
    'div',
    { class: 'sb-access' },
    el(`h${level}`, {}, t(lang, 'accessSinceEdit')),
    list(sinceEdit),
    el(`h${level}`, {}, t(lang, 'accessSinceStart')),
    list(sinceStart),
  );
}

/** What a reach takes, in a few words: "yes", "with MFA", "with the ExternalId `x`". */
function cellText(reach: Reach | undefined, lang: Lang): string {
  if (reach === undefined) return t(lang, 'accessNo');
  const easiest = [...reach.routes].sort(
    (a, b) => a.requirements.length - b.requirements.length,
  )[0];
  if (easiest === undefined || easiest.requirements.length === 0) {
    return easiest !== undefined && easiest.hops.length > 1
      ? t(lang, 'accessYesVia', { hops: easiest.hops.length })
      : t(lang, 'accessYes');
  }
  return t(lang, 'accessWith', {
    what: easiest.requirements
      .map((r) => requirementText(r, lang))
      .join(lang === 'en' ? ', ' : '、'),
  });
}

interface Column {
  readonly key: string;
  readonly label: string;
  readonly cell: (sa: SubjectAccess) => string;
}

function columnsOf(map: AccessMap, lang: Lang, aliases: ReadonlyMap<string, string>): Column[] {
  const roles = new Map<string, Extract<Target, { kind: 'role' }>>();
  const buckets = new Set<string>();
  for (const sa of map.subjects) {
    for (const r of sa.roles) if (r.target.kind === 'role') roles.set(r.target.arn, r.target);
    for (const r of sa.buckets) if (r.target.kind === 'bucket') buckets.add(r.target.bucket);
  }
  // Then the roles nobody reaches (every role of the world is a subject of the map): a column
  // of "no" under Deploy is what the start of an exercise about Deploy looks like.
  for (const { subject: s } of map.subjects) {
    if (s.kind === 'role' && s.via === undefined && s.account !== null && !roles.has(s.arn))
      roles.set(s.arn, { kind: 'role', arn: s.arn, name: s.name, account: s.account });
  }
  const roleColumns = [...roles.values()].map((role) => ({
    key: role.arn,
    label: `${role.name} (${aliases.get(role.account) ?? role.account})`,
    cell: (sa: SubjectAccess) =>
      cellText(
        sa.roles.find((r) => r.target.kind === 'role' && r.target.arn === role.arn),
        lang,
      ),
  }));
  const bucketColumns = [...buckets].map((bucket) => ({
    key: `bucket:${bucket}`,
    label: bucket,
    // One cell per bucket: each action that is possible, with what it takes.
    cell: (sa: SubjectAccess) => {
      const parts = BUCKET_ACTION_ORDER.flatMap((action) => {
        const reach = sa.buckets.find(
          (r) =>
            r.target.kind === 'bucket' && r.target.bucket === bucket && r.target.action === action,
        );
        return reach === undefined
          ? []
          : [`${t(lang, `accessAction_${action}`)}: ${cellText(reach, lang)}`];
      });
      return parts.length === 0 ? t(lang, 'accessNo') : parts.join(lang === 'en' ? '; ' : '、');
    },
  }));
  return [...roleColumns, ...bucketColumns];
}

/**
 * Who can reach what, as a table: one row per principal that reaches anything, one column
 * per role and per bucket; each cell says what it takes, in words (no colour or symbol alone).
 */
export function accessMatrixView(
  map: AccessMap,
  aliases: ReadonlyMap<string, string>,
  lang: Lang,
): Element {
  const subjects = map.subjects.filter((s) => s.roles.length + s.buckets.length > 0);
  const columns = columnsOf(map, lang, aliases);
  if (subjects.length === 0 || columns.length === 0)
    return el('p', { class: 'sb-access-none' }, t(lang, 'accessNobody'));
  return el(
    'div',
    {
      class: 'sb-access-matrix',
      tabindex: 0,
      role: 'region',
      'aria-label': t(lang, 'accessMatrix'),
    },
    el(
      'table',
      {},
      el('caption', {}, t(lang, 'accessMatrixCaption')),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, t(lang, 'accessPrincipal')),
          ...columns.map((c) => el('th', { scope: 'col' }, c.label)),
        ),
      ),
      el(
        'tbody',
        {},
        ...subjects.map((sa) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, subjectName(sa.subject, lang)),
            ...columns.map((c) => {
              const text = c.cell(sa);
              return el(
                'td',
                { class: text === t(lang, 'accessNo') ? 'is-none' : 'is-reach' },
                ...withCode(text),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

/** A subject id (`user:ARN`, `role:ARN`, `external:ARN`…) as the ARN the diagram knows. */
function boxOf(subjectId: string): string {
  const colon = subjectId.indexOf(':');
  return colon < 0 ? subjectId : subjectId.slice(colon + 1);
}

/** A target as the box it lands in: the role, or the account that holds the bucket. */
function targetBox(t: Target): string {
  return t.kind === 'role' ? t.arn : `arn:aws:iam::${t.account}:root`;
}

function routePath(route: Route, kind: DiagramPath['kind']): DiagramPath {
  return {
    kind,
    hops: route.hops.map((h) => ({ from: boxOf(h.from), to: targetBox(h.to) })),
  };
}

/**
 * What to draw on the diagram for a list of changes: for each gained access the easiest
 * route in `after`, for each lost one the easiest route it had in `before`.
 */
export function changePaths(
  changes: readonly AccessChange[],
  before: AccessMap | null,
  after: AccessMap,
): DiagramPath[] {
  const out: DiagramPath[] = [];
  for (const c of changes) {
    const map = c.sign === '+' ? after : before;
    const target = c.targets[0];
    if (map === null || target === undefined) continue;
    const reach = [
      ...(map.subjects.find((s) => s.subject.id === c.subject.id)?.[
        target.kind === 'role' ? 'roles' : 'buckets'
      ] ?? []),
    ].find((r) =>
      target.kind === 'role'
        ? r.target.kind === 'role' && r.target.arn === target.arn
        : r.target.kind === 'bucket' &&
          r.target.bucket === target.bucket &&
          r.target.action === target.action,
    );
    const route = reach?.routes[0];
    if (route !== undefined) out.push(routePath(route, c.sign === '+' ? 'added' : 'removed'));
  }
  return out;
}

function hopItem(hop: Hop, lang: Lang, aliases: ReadonlyMap<string, string>): Element {
  const text = hopText(hop, lang, aliases);
  return el('li', {}, ...withCode(text.call), el('br', {}), el('small', {}, text.gates));
}

/**
 * "How can X reach Y?" in words, the text the diagram's drawn routes stand for: each chain
 * with the gates of every hop, or, when there is none, where each candidate stops.
 */
export function accessPathsView(
  result: PathsResult,
  aliases: ReadonlyMap<string, string>,
  lang: Lang,
): Element {
  const heading = el(
    'p',
    { class: 'sb-access-paths-heading' },
    ...withCode(pathsHeading(result, lang, aliases)),
  );
  if (!result.ok) return el('div', { class: 'sb-access-paths' }, heading);
  const items =
    result.paths.length > 0
      ? result.paths.map((p) =>
          el(
            'li',
            {},
            ...withCode(routeText(p.requirements, lang)),
            el('ol', {}, ...p.hops.map((h) => hopItem(h, lang, aliases))),
          ),
        )
      : result.stopped.map((s) =>
          el(
            'li',
            {},
            el(
              'ol',
              {},
              ...s.hops.map((h) => hopItem(h, lang, aliases)),
              el('li', { class: 'is-stopped' }, ...withCode(stopText(s.blocked, lang, aliases))),
              ...s.after.map((h) =>
                el(
                  'li',
                  { class: 'is-after' },
                  ...withCode(`${h.action} → ${targetShort(h.to, aliases)}`),
                ),
              ),
            ),
          ),
        );
  return el(
    'div',
    { class: 'sb-access-paths' },
    heading,
    items.length > 0 && el('ol', {}, ...items),
  );
}

/** "How can X reach Y?" as diagram paths: every chain the map knows. */
export function queryPaths(map: AccessMap, from: string, to: string): DiagramPath[] {
  const result = findPaths(map, { from, to });
  return result.ok ? result.paths.map((p) => routePath(p, 'route')) : [];
}

export interface AccessPanelOptions {
  /**
   * Called with the routes of what differs from the start (gained in `added`, lost in
   * `removed`), for the world diagram's `paths`: an edit draws them, its undo clears them.
   */
  readonly onPaths?: (paths: readonly DiagramPath[]) => void;
  /** Called with every new map, for the "how can X reach Y?" question. */
  readonly onMap?: (map: AccessMap, aliases: ReadonlyMap<string, string>) => void;
  /** Makes the worker; the default is the module worker next to this file. */
  readonly worker?: () => Worker;
}

/**
 * Mounts the access view into `root`, which holds `[data-access-changes]` (give it
 * `aria-live="polite"`) and `[data-access-matrix]`. The documents go to the worker after an
 * edit, one request at a time: edits made while it works are sent together once it answers,
 * so a burst of typing costs one map per round trip, not one per keystroke, and typing never
 * waits on it.
 */
export function accessPanel(
  root: HTMLElement,
  level: number,
  lang: Lang,
  options: AccessPanelOptions = {},
): Panel {
  const changesBox = root.querySelector('[data-access-changes]');
  const matrixBox = root.querySelector('[data-access-matrix]');
  const worker =
    options.worker?.() ??
    new Worker(new URL('../access.worker.ts', import.meta.url), { type: 'module' });
  let sent = 0;
  let start: AccessMap | null = null;
  let scenarioSent: string | null = null;
  /** The request the worker is working on, if any. */
  let waiting = false;
  /** The latest snapshot not sent yet. */
  let unsent: Snapshot | null = null;
  const send = (): void => {
    if (waiting || unsent === null) return;
    const snapshot = unsent;
    unsent = null;
    sent += 1;
    const request: AccessRequest =
      scenarioSent === snapshot.scenario.id
        ? { id: sent, documents: snapshot.documents }
        : { id: sent, scenario: snapshot.scenario, documents: snapshot.documents };
    scenarioSent = snapshot.scenario.id;
    waiting = true;
    worker.postMessage(request);
  };
  worker.onmessage = (event: MessageEvent<AccessReply>) => {
    const reply = event.data;
    waiting = false;
    if (reply.start !== undefined) start = reply.start;
    patch(changesBox, accessChangesView(reply.sinceEdit, reply.sinceStart, level, lang));
    patch(matrixBox, accessMatrixView(reply.map, new Map(reply.aliases), lang));
    options.onPaths?.(changePaths(reply.sinceStart, start, reply.map));
    options.onMap?.(reply.map, new Map(reply.aliases));
    send();
  };
  // A request the worker failed on gets no answer: the next one is sent anyway.
  worker.onerror = () => {
    waiting = false;
    send();
  };
  return {
    render(snapshot: Snapshot, changes: ReadonlySet<Change>) {
      if (scenarioSent === snapshot.scenario.id && !changes.has('documents')) return;
      unsent = snapshot;
      send();
    },
    dispose() {
      worker.terminate();
    },
  };
}

/**
 * "How can X reach Y?": two lists filled from the latest map, and the answer — every chain
 * with its gates and requirements, or where each candidate stops — as text and on the diagram.
 */
export function pathsQueryPanel(
  root: HTMLElement,
  lang: Lang,
  onPaths: (paths: readonly DiagramPath[]) => void,
): { update(map: AccessMap, aliases: ReadonlyMap<string, string>): void; dispose(): void } {
  const box = root.querySelector('[data-access-query]');
  const answer = root.querySelector('[data-access-paths]');
  let latest: { map: AccessMap; aliases: ReadonlyMap<string, string> } | null = null;
  const selects = (): { from: HTMLSelectElement | null; to: HTMLSelectElement | null } => ({
    from: box?.querySelector<HTMLSelectElement>('select[name="access-from"]') ?? null,
    to: box?.querySelector<HTMLSelectElement>('select[name="access-to"]') ?? null,
  });
  const ask = (): void => {
    const { from, to } = selects();
    if (latest === null || from === null || to === null || from.value === '' || to.value === '')
      return;
    const result = findPaths(latest.map, { from: from.value, to: to.value });
    patch(answer, accessPathsView(result, latest.aliases, lang));
    onPaths(queryPaths(latest.map, from.value, to.value));
  };
  const onChange = (): void => {
    ask();
  };
  box?.addEventListener('change', onChange);
  return {
    update(map, aliases) {
      latest = { map, aliases };
      const { from, to } = selects();
      const keep = { from: from?.value ?? '', to: to?.value ?? '' };
      const targets = new Map<string, string>();
      for (const hop of [...map.hops, ...map.blocked]) {
        const target = hop.to;
        if (target.kind === 'role') targets.set(target.arn, `${target.name} (${target.account})`);
        else targets.set(`arn:aws:s3:::${target.bucket}`, `s3://${target.bucket}`);
      }
      const option = (value: string, label: string, selected: boolean): Element =>
        el('option', { value, selected }, label);
      patch(
        box,
        el(
          'div',
          { class: 'sb-row' },
          el(
            'label',
            {},
            `${t(lang, 'accessFrom')} `,
            el(
              'select',
              { name: 'access-from' },
              option('', '—', keep.from === ''),
              ...map.subjects.map((x) =>
                option(x.subject.id, subjectName(x.subject, lang), x.subject.id === keep.from),
              ),
            ),
          ),
          el(
            'label',
            {},
            `${t(lang, 'accessTo')} `,
            el(
              'select',
              { name: 'access-to' },
              option('', '—', keep.to === ''),
              ...[...targets].map(([value, label]) => option(value, label, value === keep.to)),
            ),
          ),
        ),
      );
      ask();
    },
    dispose() {
      box?.removeEventListener('change', onChange);
    },
  };
}
