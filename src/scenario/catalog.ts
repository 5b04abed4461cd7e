// Scenarios for the site, read at build time with the core's loader. Server-side only: a
// page embeds the one scenario it shows, so the client never bundles the whole catalogue.
// The playground's world lives in src/scenarios (site-owned); chapters' in content/scenarios.
import { loadScenarios, renderProblem } from '../../sandbox/scenario/index.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';

const files = import.meta.glob<string>(
  ['/content/scenarios/**/*.json', '/src/scenarios/**/*.json'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

let cache: ReadonlyMap<string, Scenario> | null = null;

function all(): ReadonlyMap<string, Scenario> {
  if (cache !== null) return cache;
  const { scenarios, problems } = loadScenarios(files);
  // `iamlab check` is where scenario problems fail CI; the build only points at them.
  for (const p of problems) console.warn(`[sandbox] ${renderProblem(p)}`);
  cache = new Map(scenarios.map((s) => [s.id, s]));
  return cache;
}

export function getScenario(id: string): Scenario | null {
  return all().get(id) ?? null;
}

export function scenarioIds(): string[] {
  return [...all().keys()];
}
