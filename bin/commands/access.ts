// `iamlab access`: who can reach what in a scenario's world, by which path, and what an edit
// changed. The map, the paths and the diff come from sandbox/access, the same code the
// island's worker runs.
//
//   iamlab access --scenario ID [--solution] [--from X] [--to Y] [--json] [--lang en|ja]
//   iamlab access --scenario ID --diff start solution
//   iamlab access --diff DIR_A DIR_B          (two scenario folders)
import {
  computeAccessMap,
  diffAccessMaps,
  findPaths,
  renderMap,
  renderPaths,
  scenarioIdentities,
  targetPhrase,
  subjectName,
  withPhrase,
} from '../../sandbox/access/index.ts';
import type { AccessMap, FederatedIdentity } from '../../sandbox/access/index.ts';
import { applyOverlay, loadScenarios, renderProblem } from '../../sandbox/scenario/index.ts';
import type { Scenario } from '../../sandbox/scenario/index.ts';
import type { World } from '../../sandbox/world/index.ts';
import { readJsonTree } from './scenario-files.ts';
import type { Command, CommandIo } from './types.ts';

const USAGE = [
  'usage: iamlab access --scenario ID [--solution] [--from PRINCIPAL] [--to ROLE|BUCKET] [--json] [--lang en|ja] [--dir DIR]',
  '       iamlab access --scenario ID --diff start solution [--json] [--lang en|ja] [--dir DIR]',
  '       iamlab access --diff SCENARIO_DIR_A SCENARIO_DIR_B [--json] [--lang en|ja]',
].join('\n');

interface Options {
  scenario?: string | undefined;
  solution: boolean;
  from?: string | undefined;
  to?: string | undefined;
  json: boolean;
  lang: 'en' | 'ja';
  dir: string;
  diff?: readonly [string, string] | undefined;
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { solution: false, json: false, lang: 'en', dir: 'content/scenarios' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    switch (arg) {
      case '--scenario':
        o.scenario = value();
        break;
      case '--solution':
        o.solution = true;
        break;
      case '--from':
        o.from = value();
        break;
      case '--to':
        o.to = value();
        break;
      case '--json':
        o.json = true;
        break;
      case '--dir':
        o.dir = value() ?? o.dir;
        break;
      case '--lang': {
        const lang = value();
        if (lang !== 'en' && lang !== 'ja') return '--lang takes `en` or `ja`';
        o.lang = lang;
        break;
      }
      case '--diff': {
        const a = value();
        const b = value();
        if (a === undefined || b === undefined) return '--diff takes two states or two folders';
        o.diff = [a, b];
        break;
      }
      default:
        return `unexpected argument \`${String(arg)}\``;
    }
  }
  if (o.diff !== undefined && o.scenario !== undefined) {
    const bad = o.diff.find((s) => s !== 'start' && s !== 'solution');
    if (bad !== undefined)
      return `with --scenario, --diff compares \`start\` and \`solution\`, not \`${bad}\``;
  }
  if (o.scenario === undefined && o.diff === undefined) return '--scenario is required';
  if (o.diff !== undefined && (o.from !== undefined || o.to !== undefined || o.solution))
    return '--diff does not take --from, --to or --solution';
  return o;
}

type Loaded = { ok: true; scenario: Scenario } | { ok: false; status: number };

/** The one scenario with `id` under `dir` (any, when `id` is undefined and there is one). */
function load(dir: string, id: string | undefined, lang: 'en' | 'ja', io: CommandIo): Loaded {
  let files: Record<string, string>;
  try {
    files = readJsonTree(dir);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    io.stderr(
      `iamlab access: cannot read \`${dir}\`${typeof code === 'string' ? ` (${code})` : ''}\n`,
    );
    return { ok: false, status: 2 };
  }
  const { scenarios, problems } = loadScenarios(files);
  const scenario =
    id === undefined
      ? scenarios.length === 1
        ? scenarios[0]
        : undefined
      : scenarios.find((s) => s.id === id);
  if (scenario) return { ok: true, scenario };
  for (const p of problems) io.stderr(`iamlab access: ${renderProblem(p, lang)}\n`);
  if (problems.length === 0) {
    io.stderr(
      id === undefined
        ? `iamlab access: \`${dir}\` does not hold exactly one scenario\n`
        : `iamlab access: no scenario \`${id}\` under \`${dir}\`\n`,
    );
  }
  return { ok: false, status: 2 };
}

function stateOf(scenario: Scenario, state: string): World {
  return state === 'solution' ? applyOverlay(scenario.world, scenario.solution) : scenario.world;
}

function diff(o: Options, io: CommandIo): number {
  const [x, y] = o.diff ?? ['start', 'solution'];
  let before: { world: World; now: number; identities: FederatedIdentity[] };
  let after: { world: World; now: number; identities: FederatedIdentity[] };
  if (o.scenario !== undefined) {
    const loaded = load(o.dir, o.scenario, o.lang, io);
    if (!loaded.ok) return loaded.status;
    const s = loaded.scenario;
    const identities = scenarioIdentities(s);
    before = { world: stateOf(s, x), now: s.clockStart, identities };
    after = { world: stateOf(s, y), now: s.clockStart, identities };
  } else {
    const a = load(x.replace(/\/+$/, ''), undefined, o.lang, io);
    if (!a.ok) return a.status;
    const b = load(y.replace(/\/+$/, ''), undefined, o.lang, io);
    if (!b.ok) return b.status;
    before = {
      world: a.scenario.world,
      now: a.scenario.clockStart,
      identities: scenarioIdentities(a.scenario),
    };
    after = {
      world: b.scenario.world,
      now: a.scenario.clockStart,
      identities: scenarioIdentities(b.scenario),
    };
  }
  const changes = diffAccessMaps(
    computeAccessMap(before.world, { now: before.now, identities: before.identities }),
    computeAccessMap(after.world, { now: after.now, identities: after.identities }),
    [...before.world.accounts, ...after.world.accounts],
  );
  if (o.json) {
    io.stdout(`${JSON.stringify(changes, null, 2)}\n`);
    return 0;
  }
  if (changes.length === 0)
    io.stdout(o.lang === 'en' ? 'no change in access\n' : 'アクセスに変化はありません\n');
  for (const c of changes) io.stdout(`${c.text[o.lang]}\n`);
  return 0;
}

/** `--to` alone: every subject that reaches the role or bucket, and what it takes. */
function whoReaches(
  map: AccessMap,
  to: string,
  lang: 'en' | 'ja',
  aliases: ReadonlyMap<string, string>,
): string {
  const bucket = to.startsWith('arn:aws:s3:::') ? to.slice('arn:aws:s3:::'.length) : to;
  const lines: string[] = [];
  for (const sa of map.subjects) {
    for (const reach of [...sa.roles, ...sa.buckets]) {
      const t = reach.target;
      const hit = t.kind === 'role' ? t.arn === to || t.name === to : t.bucket === bucket;
      if (!hit) continue;
      const easiest = [...reach.routes].sort(
        (a, b) => a.requirements.length - b.requirements.length,
      )[0];
      const need =
        easiest === undefined || easiest.requirements.length === 0
          ? ''
          : `, ${withPhrase(easiest.requirements, lang)}`;
      lines.push(`${subjectName(sa.subject, lang)}: ${targetPhrase([t], lang, aliases)}${need}`);
    }
  }
  if (lines.length === 0)
    return lang === 'en' ? `nobody reaches \`${to}\`\n` : `\`${to}\` に到達できる人はいません\n`;
  return `${lines.join('\n')}\n`;
}

export const accessCommand: Command = {
  name: 'access',
  summary:
    'who can reach which role and bucket in a scenario, by which path, and what an edit changed',
  run(args: readonly string[], io: CommandIo): number {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.stderr(`iamlab access: ${o}\n${USAGE}\n`);
      return 2;
    }
    if (o.diff !== undefined) return diff(o, io);
    const loaded = load(o.dir, o.scenario, o.lang, io);
    if (!loaded.ok) return loaded.status;
    const scenario = loaded.scenario;
    const world = stateOf(scenario, o.solution ? 'solution' : 'start');
    const map = computeAccessMap(world, {
      now: scenario.clockStart,
      identities: scenarioIdentities(scenario),
    });
    const aliases = new Map(world.accounts.map((a) => [a.id, a.alias]));
    if (o.from !== undefined && o.to !== undefined) {
      const result = findPaths(map, { from: o.from, to: o.to });
      if (o.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else io.stdout(renderPaths(result, o.lang, aliases));
      return result.ok ? 0 : 1;
    }
    if (o.to !== undefined) {
      io.stdout(whoReaches(map, o.to, o.lang, aliases));
      return 0;
    }
    const from = o.from;
    const shown =
      from === undefined
        ? map
        : {
            ...map,
            subjects: map.subjects.filter(
              (s) => s.subject.id === from || s.subject.arn === from || s.subject.name === from,
            ),
          };
    if (from !== undefined && shown.subjects.length === 0) {
      io.stderr(`iamlab access: no principal \`${from}\` in \`${scenario.id}\`\n`);
      return 1;
    }
    if (o.json) {
      // The map, and the hops some policy meant for these subjects that nothing opens.
      const ids = new Set(shown.subjects.map((x) => x.subject.id));
      const blocked = map.blocked.filter((h) => ids.has(h.from));
      io.stdout(`${JSON.stringify({ subjects: shown.subjects, blocked }, null, 2)}\n`);
    } else io.stdout(renderMap(shown, o.lang, aliases));
    return 0;
  },
};
