// Scenarios for the site, read at build time. Server-side only: the page embeds the one
// scenario it shows, so the client never bundles the whole catalogue.
//
// TEMPORARY: sandbox/scenario has no loader yet. This reads the documented layout
// (`<id>/scenario.json`, policy documents beside it, `solution/` overlay) with the core's
// zod schema; replace the body of `loadAll` with the core loader once it lands.
import { scenarioSchema } from '../../sandbox/scenario/schema.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import type { World } from '../../sandbox/world/types.ts';

const files = import.meta.glob<string>(
  ['/content/scenarios/**/*.json', '/src/scenarios/**/*.json'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

const DEFAULT_CLOCK = Date.parse('2023-06-01T09:00:00Z');

let cache: ReadonlyMap<string, Scenario> | null = null;

function loadAll(): ReadonlyMap<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const [path, text] of Object.entries(files)) {
    const m = /^\/(content|src)\/scenarios\/(.+)\/scenario\.json$/.exec(path);
    if (m === null) continue;
    const dir = `/${m[1] ?? ''}/scenarios/${m[2] ?? ''}/`;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const parsed = scenarioSchema.safeParse(json);
    if (!parsed.success) continue;
    const file = parsed.data;
    const documents: Record<string, string> = {};
    const solution: Record<string, string> = {};
    for (const [p, t] of Object.entries(files)) {
      if (!p.startsWith(dir) || p === path) continue;
      const rel = p.slice(dir.length);
      if (rel.startsWith('solution/')) solution[rel.slice('solution/'.length)] = t;
      else documents[rel] = t;
    }
    const world = {
      organization: file.organization ?? null,
      accounts: file.accounts,
      documents,
    } as World;
    out.set(file.id, {
      id: file.id,
      version: file.version,
      title: file.title,
      description: file.description,
      clockStart: file.clockStart === undefined ? DEFAULT_CLOCK : Date.parse(file.clockStart),
      world,
      editable: file.editable,
      attempts: file.attempts,
      goals: file.goals,
      hints: file.hints,
      solution,
    } as Scenario);
  }
  return out;
}

export function getScenario(id: string): Scenario | null {
  cache ??= loadAll();
  return cache.get(id) ?? null;
}

export function scenarioIds(): string[] {
  cache ??= loadAll();
  return [...cache.keys()];
}
