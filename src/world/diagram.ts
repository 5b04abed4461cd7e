// The world as an SVG diagram: accounts as boxes with their users, groups, roles and
// identity providers inside, and an arrow for every principal a role's trust policy
// names. Trust is read from the policy JSON directly (tolerantly: a broken policy just
// draws no arrows) because the diagram shows what is written, not what is evaluated.
import { parse } from 'jsonc-parser';
import { el, type Element, type Node } from '../dom/tree.ts';
import { t, type Lang } from '../i18n/strings.ts';
import type { Account, World } from '../../sandbox/world/types.ts';

export interface DiagramFocus {
  /** ARN (or account ID) of the current caller. */
  readonly caller?: string;
  /** ARN of the role being assumed. */
  readonly target?: string;
}

interface Box {
  readonly key: string;
  readonly label: string;
  readonly kind: 'user' | 'group' | 'role' | 'idp' | 'account';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Inside an account row: the y of the free lane below that row (arrows that skip a box). */
  readonly laneY?: number;
}

export interface Trust {
  readonly from: string;
  readonly to: string;
}

/**
 * A route of the access map to draw over the trust arrows: each hop from a principal's
 * box (user, role, IdP, an account's own box) to a role, or to the account of a bucket.
 * `added` and `removed` show what an edit changed; `route` answers "how can X reach Y?".
 */
export interface DiagramPath {
  readonly kind: 'added' | 'removed' | 'route';
  readonly hops: readonly Trust[];
}

const COLS = 3;
const BOX_W = 230;
/** Room right of a one-column layout for the arrows that bow out beside their column. */
const BOW = 48;
const GAP = 60;
const HEAD = 34;
const ROW = 28;
const PAD = 10;

export function nodeKey(kind: Box['kind'], accountId: string, name: string): string {
  if (kind === 'account') return `arn:aws:iam::${accountId}:root`;
  if (kind === 'idp') return name;
  return `arn:aws:iam::${accountId}:${kind}/${name}`;
}

function entities(a: Account): { kind: Box['kind']; name: string; key: string }[] {
  return [
    ...(a.users ?? []).map((u) => ({
      kind: 'user' as const,
      name: u.name,
      key: nodeKey('user', a.id, u.name),
    })),
    ...(a.groups ?? []).map((g) => ({
      kind: 'group' as const,
      name: g.name,
      key: nodeKey('group', a.id, g.name),
    })),
    ...(a.roles ?? []).map((r) => ({
      kind: 'role' as const,
      name: r.name,
      key: nodeKey('role', a.id, r.name),
    })),
    ...(a.samlProviders ?? []).map((p) => ({
      kind: 'idp' as const,
      name: `SAML ${p.name}`,
      key: `arn:aws:iam::${a.id}:saml-provider/${p.name}`,
    })),
    ...(a.oidcProviders ?? []).map((p) => ({
      kind: 'idp' as const,
      name: `OIDC ${p.url}`,
      key: `arn:aws:iam::${a.id}:oidc-provider/${p.url}`,
    })),
  ];
}

/** The text of each role's trust policy, in the order of the accounts and their roles. */
export function trustPolicyTexts(world: World): string[] {
  return world.accounts.flatMap((a) =>
    (a.roles ?? []).map((r) => world.documents[r.trustPolicy] ?? ''),
  );
}

/** Every (principal → role) pair the trust policies name with an Allow. */
export function trustEdges(world: World): Trust[] {
  const edges: Trust[] = [];
  for (const a of world.accounts) {
    for (const r of a.roles ?? []) {
      const doc: unknown = parse(world.documents[r.trustPolicy] ?? '');
      const to = nodeKey('role', a.id, r.name);
      for (const from of allowedPrincipals(doc)) {
        edges.push({ from: /^\d{12}$/.test(from) ? `arn:aws:iam::${from}:root` : from, to });
      }
    }
  }
  return edges;
}

function allowedPrincipals(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const raw = (doc as { Statement?: unknown }).Statement;
  const statements = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const out: string[] = [];
  for (const s of statements) {
    if (typeof s !== 'object' || s === null) continue;
    const { Effect, Principal } = s as { Effect?: unknown; Principal?: unknown };
    if (Effect !== 'Allow' || typeof Principal !== 'object' || Principal === null) continue;
    for (const v of Object.values(Principal)) {
      for (const p of Array.isArray(v) ? (v as unknown[]) : [v])
        if (typeof p === 'string') out.push(p);
    }
  }
  return out;
}

/** Role sessions and user ARNs with paths still point at the box of the user or role. */
export function boxKeyFor(arn: string): string {
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  if (session !== null) return `arn:aws:iam::${session[1] ?? ''}:role/${session[2] ?? ''}`;
  const pathed = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (pathed !== null)
    return `arn:aws:iam::${pathed[1] ?? ''}:${pathed[2] ?? ''}/${pathed[3] ?? ''}`;
  return arn;
}

/**
 * Both layouts, for the page to pick by the width it has (sandbox.css: a container query on
 * `.sb-diagram`). Accounts side by side need about 830 px for three; squeezed into a phone's
 * column their 12 px text would render at about 5 px, so where the room runs out the
 * accounts stack in one column instead, whose text stays at its size or larger.
 */
export function worldDiagrams(
  world: World,
  focus: DiagramFocus,
  lang: Lang,
  paths: readonly DiagramPath[] = [],
): Element {
  const cols = Math.min(Math.max(world.accounts.length, 1), COLS);
  return el(
    'div',
    { class: `wd-layouts wd-cols-${cols}` },
    worldDiagram(world, focus, lang, paths, 'wide'),
    cols > 1 && worldDiagram(world, focus, lang, paths, 'narrow'),
  );
}

export function worldDiagram(
  world: World,
  focus: DiagramFocus,
  lang: Lang,
  paths: readonly DiagramPath[] = [],
  layout: 'wide' | 'narrow' = 'wide',
): Element {
  const cols = layout === 'narrow' ? 1 : COLS;
  // Two layouts can sit in one page: each needs its own marker ids.
  const ids =
    layout === 'narrow'
      ? { arrow: 'wd-arrow-n', path: 'wd-arrow-path-n' }
      : { arrow: 'wd-arrow', path: 'wd-arrow-path' };
  const boxes = new Map<string, Box>();
  const accountBoxes: Node[] = [];
  const rows: number[] = [];
  world.accounts.forEach((a, i) => {
    const r = Math.floor(i / cols);
    rows[r] = Math.max(rows[r] ?? 0, HEAD + entities(a).length * ROW + PAD);
  });
  const rowY = (r: number): number => rows.slice(0, r).reduce((s, h) => s + h + GAP, 0) + PAD;
  const callerKey = focus.caller === undefined ? undefined : boxKeyFor(focus.caller);
  const targetKey = focus.target === undefined ? undefined : boxKeyFor(focus.target);
  const focusMark = (key: string): string =>
    key === callerKey
      ? ` · ${t(lang, 'caller')}`
      : key === targetKey
        ? ` · ${t(lang, 'target')}`
        : '';
  const focusClass = (key: string): string =>
    key === callerKey ? ' is-caller' : key === targetKey ? ' is-target' : '';

  world.accounts.forEach((a, i) => {
    const x = (i % cols) * (BOX_W + GAP) + PAD;
    const y = rowY(Math.floor(i / cols));
    const list = entities(a);
    const h = HEAD + list.length * ROW + PAD;
    const laneY = y + (rows[Math.floor(i / cols)] ?? h) + GAP / 2;
    const acctKey = nodeKey('account', a.id, '');
    boxes.set(acctKey, {
      key: acctKey,
      label: a.alias,
      kind: 'account',
      x,
      y,
      w: BOX_W,
      h: HEAD,
      laneY,
    });
    const inner: Node[] = list.map((e, j) => {
      const box: Box = {
        key: e.key,
        label: e.name,
        kind: e.kind,
        x: x + PAD,
        y: y + HEAD + j * ROW,
        w: BOX_W - 2 * PAD,
        h: ROW - 6,
        laneY,
      };
      boxes.set(e.key, box);
      return el(
        'g',
        { class: `wd-entity wd-${e.kind}${focusClass(e.key)}` },
        el('rect', { x: box.x, y: box.y, width: box.w, height: box.h, rx: 4 }),
        el(
          'text',
          { x: box.x + 8, y: box.y + 16 },
          `${kindWord(e.kind, lang)} ${e.name}${focusMark(e.key)}`,
        ),
      );
    });
    accountBoxes.push(
      el(
        'g',
        { class: `wd-account wd-purpose-${a.purpose}${focusClass(acctKey)}` },
        el('rect', { x, y, width: BOX_W, height: h, rx: 8 }),
        el(
          'text',
          { x: x + 10, y: y + 20, class: 'wd-account-name' },
          `${a.alias} · ${a.id}${focusMark(acctKey)}`,
        ),
        ...inner,
      ),
    );
  });

  const edges = trustEdges(world);
  // The last row's lane is only drawn into when an arrow there skips a box.
  const lastLane = rowY(rows.length - 1) + (rows[rows.length - 1] ?? 0) + GAP / 2;
  const usesLastLane = edges.some((e) => {
    const from = boxes.get(boxKeyFor(e.from));
    const to = boxes.get(e.to);
    return from !== undefined && to !== undefined && skipsBox(from, to) && from.laneY === lastLane;
  });
  const external: Node[] = [];
  let extY = rowY(rows.length) - GAP + (usesLastLane ? GAP / 2 : 0) + PAD;
  const arrows: Node[] = [];
  const drawn: (Trust & { readonly kind?: DiagramPath['kind'] })[] = [
    ...edges,
    ...paths.flatMap((p) => p.hops.map((h) => ({ ...h, kind: p.kind }))),
  ];
  for (const e of drawn) {
    let from = boxes.get(boxKeyFor(e.from));
    if (from === undefined) {
      // Principals outside the world (an IdP host, a service, `*`) get a box of their own below.
      from = { key: e.from, label: e.from, kind: 'idp', x: PAD, y: extY, w: BOX_W, h: ROW - 6 };
      boxes.set(e.from, from);
      external.push(
        el(
          'g',
          { class: 'wd-entity wd-external' },
          el('rect', { x: from.x, y: from.y, width: from.w, height: from.h, rx: 4 }),
          el('text', { x: from.x + 8, y: from.y + 16 }, e.from),
        ),
      );
      extY += ROW;
    }
    const to = boxes.get(boxKeyFor(e.to));
    if (to === undefined) continue;
    if (e.kind !== undefined) {
      arrows.push(
        el('path', {
          d: arrowPath(from, to),
          class: `wd-path is-${e.kind}`,
          'marker-end': `url(#${ids.path})`,
        }),
      );
      continue;
    }
    const active =
      to.key === targetKey && (from.key === callerKey || callerKey?.endsWith(':root') === true);
    arrows.push(
      el('path', {
        d: arrowPath(from, to),
        class: `wd-trust${active ? ' is-active' : ''}`,
        'marker-end': `url(#${ids.arrow})`,
      }),
    );
  }
  const width =
    Math.min(world.accounts.length, cols) * (BOX_W + GAP) - GAP + 2 * PAD + (cols === 1 ? BOW : 0);
  const height = extY + (external.length > 0 ? PAD : 0);
  return el(
    'svg',
    {
      viewBox: `0 0 ${Math.max(width, BOX_W + 2 * PAD)} ${height}`,
      role: 'img',
      'aria-label': t(lang, 'worldDescription'),
      class: `wd wd-${layout}`,
    },
    el(
      'defs',
      {},
      el(
        'marker',
        {
          id: ids.arrow,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'wd-arrowhead' }),
      ),
      el(
        'marker',
        {
          id: ids.path,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'wd-path-head' }),
      ),
    ),
    ...accountBoxes,
    ...external,
    ...arrows,
  );
}

/** Two boxes in one account row with another account between them. */
function skipsBox(a: Box, b: Box): boolean {
  return a.laneY !== undefined && a.laneY === b.laneY && Math.abs(a.x - b.x) > 1.5 * (BOX_W + GAP);
}

function arrowPath(a: Box, b: Box): string {
  const ay = a.y + a.h / 2;
  const by = b.y + b.h / 2;
  if (skipsBox(a, b) && a.laneY !== undefined) {
    // A straight curve would cross the account in between: drop into the gap beside `a`,
    // run along the lane under the row, and rise in the gap beside `b`, with rounded corners.
    const s = b.x > a.x ? 1 : -1;
    const ax = s > 0 ? a.x + a.w : a.x;
    const bx = s > 0 ? b.x : b.x + b.w;
    // Entities sit PAD inside their account; an account's own box is its edge.
    const inset = (box: Box): number => (box.kind === 'account' ? 0 : PAD) + GAP / 2;
    const gx = ax + s * inset(a);
    const hx = bx - s * inset(b);
    const lane = a.laneY;
    const r = 8;
    return [
      `M${ax},${ay} L${gx - s * r},${ay} Q${gx},${ay} ${gx},${ay + r}`,
      `L${gx},${lane - r} Q${gx},${lane} ${gx + s * r},${lane}`,
      `L${hx - s * r},${lane} Q${hx},${lane} ${hx},${lane - r}`,
      `L${hx},${by + r} Q${hx},${by} ${hx + s * r},${by} L${bx},${by}`,
    ].join(' ');
  }
  if (a.x < b.x + b.w && b.x < a.x + a.w) {
    // One above the other (same column, or an account and a box inside one): bow out to the
    // right so the arrow does not run through the boxes.
    const [ax, bx] = [a.x + a.w, b.x + b.w];
    const x = Math.max(ax, bx) + 40;
    return `M${ax},${ay} C${x},${ay} ${x},${by} ${bx},${by}`;
  }
  const [ax, bx] = a.x < b.x ? [a.x + a.w, b.x] : [a.x, b.x + b.w];
  const mid = (ax + bx) / 2;
  return `M${ax},${ay} C${mid},${ay} ${mid},${by} ${bx},${by}`;
}

function kindWord(kind: Box['kind'], lang: Lang): string {
  const words: Record<Box['kind'], [string, string]> = {
    user: ['user', 'ユーザー'],
    group: ['group', 'グループ'],
    role: ['role', 'ロール'],
    idp: ['IdP', 'IdP'],
    account: ['account', 'アカウント'],
  };
  return words[kind][lang === 'ja' ? 1 : 0];
}

/** The same trust relations as a list, for screen readers and for readers who skip the picture. */
export function trustList(world: World, lang: Lang): Element {
  const name = (arn: string): string => {
    const m = /^arn:aws:iam::(\d{12}):(root|user\/|role\/)(.*)$/.exec(boxKeyFor(arn));
    if (m === null) return arn;
    const acct = world.accounts.find((a) => a.id === m[1]);
    const alias = acct?.alias ?? m[1] ?? '';
    return m[2] === 'root' ? `${alias} (${m[1] ?? ''})` : `${alias} › ${m[3] ?? ''}`;
  };
  return el(
    'ul',
    { class: 'wd-trusts' },
    ...trustEdges(world).map((e) =>
      el('li', {}, t(lang, 'trusts', { from: name(e.from), to: name(e.to) })),
    ),
  );
}
