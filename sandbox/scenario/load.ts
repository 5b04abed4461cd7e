// Loads scenarios from a map `{path: text}`: filesystem-agnostic, so the CLI fills it from
// disk and the site from Vite's `import.meta.glob(..., { query: '?raw', eager: true })`.
// Layout: `<root>/<id>/scenario.json`, policies as `.json` files beside it, and the
// solution as an overlay under `<id>/solution/` by the same relative paths.
import { parseTime } from '../clock/clock.ts';
import { DEFAULT_CLOCK_START } from '../clock/clock.ts';
import type { StsCall } from '../sts/types.ts';
import { findRole, findUser } from '../world/lookup.ts';
import type { OrganizationalUnit, World } from '../world/types.ts';
import { formatPath, issueMessage, type ScenarioProblem } from './messages.ts';
import { scenarioSchema } from './schema.ts';
import type { Scenario } from './types.ts';

/** The validated file in the world's own types (absent optionals are absent, not undefined). */
type ScenarioData = Omit<Scenario, 'world' | 'clockStart' | 'solution'> &
  Pick<World, 'accounts'> & {
    readonly organization?: NonNullable<World['organization']>;
    readonly clockStart?: string;
  };

export interface LoadResult {
  readonly scenarios: readonly Scenario[];
  readonly problems: readonly ScenarioProblem[];
}

const SCENARIO_FILE = 'scenario.json';
const SOLUTION_DIR = 'solution/';

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** Document ids a scenario file refers to, with the field path that names each. */
function referencedDocuments(file: ScenarioData): { id: string; path: string }[] {
  const refs: { id: string; path: string }[] = [];
  const add = (id: string | undefined, path: string): void => {
    if (id !== undefined && id !== 'FullAWSAccess' && id !== 'RCPFullAWSAccess')
      refs.push({ id, path });
  };
  file.accounts.forEach((a, ai) => {
    const at = `accounts[${ai}]`;
    a.users?.forEach((u, i) =>
      u.inlinePolicies?.forEach((p, j) => {
        add(p.document, `${at}.users[${i}].inlinePolicies[${j}].document`);
      }),
    );
    a.groups?.forEach((g, i) =>
      g.inlinePolicies?.forEach((p, j) => {
        add(p.document, `${at}.groups[${i}].inlinePolicies[${j}].document`);
      }),
    );
    a.roles?.forEach((r, i) => {
      add(r.trustPolicy, `${at}.roles[${i}].trustPolicy`);
      r.inlinePolicies?.forEach((p, j) => {
        add(p.document, `${at}.roles[${i}].inlinePolicies[${j}].document`);
      });
    });
    a.policies?.forEach((p, i) => {
      add(p.document, `${at}.policies[${i}].document`);
    });
    a.buckets?.forEach((b, i) => {
      add(b.policy, `${at}.buckets[${i}].policy`);
    });
    a.scps?.forEach((s, i) => {
      add(s, `${at}.scps[${i}]`);
    });
    a.rcps?.forEach((s, i) => {
      add(s, `${at}.rcps[${i}]`);
    });
  });
  const walk = (ou: OrganizationalUnit, at: string): void => {
    ou.scps?.forEach((s, i) => {
      add(s, `${at}.scps[${i}]`);
    });
    ou.rcps?.forEach((s, i) => {
      add(s, `${at}.rcps[${i}]`);
    });
    ou.children?.forEach((c, i) => {
      walk(c, `${at}.children[${i}]`);
    });
  };
  if (file.organization) walk(file.organization.root, 'organization.root');
  file.editable.forEach((e, i) => {
    add(e, `editable[${i}]`);
  });
  return refs;
}

function crossCheck(
  file: ScenarioData,
  world: World,
  problem: (path: string, en: string, ja: string) => void,
): void {
  for (const ref of referencedDocuments(file)) {
    if (world.documents[ref.id] === undefined) {
      problem(
        ref.path,
        `the document \`${ref.id}\` does not exist in the scenario folder`,
        `ドキュメント \`${ref.id}\` がシナリオのフォルダーにありません`,
      );
    }
  }
  const ids = new Set<string>();
  file.accounts.forEach((a, i) => {
    if (ids.has(a.id))
      problem(
        `accounts[${i}].id`,
        `the account ID \`${a.id}\` is used twice`,
        `アカウント ID \`${a.id}\` が重複しています`,
      );
    ids.add(a.id);
    a.users?.forEach((u, ui) =>
      u.groups?.forEach((g, gi) => {
        if (!a.groups?.some((x) => x.name === g)) {
          problem(
            `accounts[${i}].users[${ui}].groups[${gi}]`,
            `the group \`${g}\` does not exist in this account`,
            `グループ \`${g}\` はこのアカウントにありません`,
          );
        }
      }),
    );
  });
  if (file.organization && !ids.has(file.organization.managementAccount)) {
    problem(
      'organization.managementAccount',
      'the management account is not one of the accounts',
      '管理アカウントが accounts にありません',
    );
  }
  const checkAttempt = (
    kind: 'attempts' | 'goals',
    index: number,
    as: string | undefined,
    calls: readonly StsCall[],
  ): void => {
    if (as !== undefined && !findUser(world, as) && !findRole(world, as)) {
      problem(
        `${kind}[${index}].as`,
        `\`${as}\` is neither a user nor a role of this world`,
        `\`${as}\` はこのワールドのユーザーでもロールでもありません`,
      );
    }
    calls.forEach((call, s) => {
      const policy: string | undefined = 'policy' in call ? call.policy : undefined;
      if (policy?.endsWith('.json') === true && world.documents[policy] === undefined) {
        problem(
          `${kind}[${index}].steps[${s}].call.policy`,
          `the document \`${policy}\` does not exist`,
          `ドキュメント \`${policy}\` がありません`,
        );
      }
    });
  };
  file.attempts.forEach((a, i) => {
    checkAttempt(
      'attempts',
      i,
      a.as,
      a.steps.map((s) => s.call),
    );
  });
  file.goals.forEach((g, i) => {
    checkAttempt(
      'goals',
      i,
      g.as,
      g.steps.map((s) => s.call),
    );
  });
  checkIds(file, problem);
}

/**
 * Ids are how the page, the CLI and saved progress name things: attempts and goals share one
 * list of presets, so no id may appear twice there; every goal belongs to exactly one
 * exercise, so that each exercise's progress and hints stay its own.
 */
function checkIds(
  file: ScenarioData,
  problem: (path: string, en: string, ja: string) => void,
): void {
  const presets = new Set<string>();
  const preset = (kind: 'attempts' | 'goals', id: string, i: number): void => {
    if (presets.has(id)) {
      problem(
        `${kind}[${i}].id`,
        `the id \`${id}\` is already used by another attempt or goal`,
        `id \`${id}\` はほかの試行またはゴールですでに使われています`,
      );
    }
    presets.add(id);
  };
  file.attempts.forEach((a, i) => {
    preset('attempts', a.id, i);
  });
  file.goals.forEach((g, i) => {
    preset('goals', g.id, i);
  });
  const owner = new Map<string, string>();
  const exerciseIds = new Set<string>();
  file.exercises.forEach((e, i) => {
    if (exerciseIds.has(e.id)) {
      problem(
        `exercises[${i}].id`,
        `the exercise id \`${e.id}\` is used twice`,
        `演習の id \`${e.id}\` が重複しています`,
      );
    }
    exerciseIds.add(e.id);
    e.goals.forEach((id, j) => {
      const where = `exercises[${i}].goals[${j}]`;
      if (!file.goals.some((g) => g.id === id)) {
        problem(where, `there is no goal \`${id}\``, `ゴール \`${id}\` がありません`);
      } else if (owner.has(id)) {
        problem(
          where,
          `the goal \`${id}\` already belongs to exercise \`${owner.get(id) ?? ''}\``,
          `ゴール \`${id}\` はすでに演習 \`${owner.get(id) ?? ''}\` に含まれています`,
        );
      } else owner.set(id, e.id);
    });
  });
  file.goals.forEach((g, i) => {
    if (!owner.has(g.id)) {
      problem(
        `goals[${i}].id`,
        `the goal \`${g.id}\` belongs to no exercise`,
        `ゴール \`${g.id}\` がどの演習にも含まれていません`,
      );
    }
  });
}

function loadOne(
  dir: string,
  files: Readonly<Record<string, string>>,
  problems: ScenarioProblem[],
): Scenario | null {
  const fileName = `${dir}/${SCENARIO_FILE}`;
  const text = files[fileName] ?? '';
  const problem =
    (file: string) =>
    (path: string, en: string, ja: string): void => {
      problems.push({ file, path, message: { en, ja } });
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    problem(fileName)(
      '',
      `the file is not valid JSON: ${detail}`,
      `JSON として正しくありません: ${detail}`,
    );
    return null;
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: fileName, path: formatPath(issue.path), message: issueMessage(issue) });
    }
    return null;
  }
  // zod types optional fields as `T | undefined`; the JSON round trip drops undefined
  // values, which is exactly the difference exactOptionalPropertyTypes cares about.
  const file = JSON.parse(JSON.stringify(parsed.data)) as ScenarioData;
  const folder = dir.slice(dir.lastIndexOf('/') + 1);
  if (file.id !== folder) {
    problem(fileName)(
      'id',
      `the id \`${file.id}\` must equal the folder name \`${folder}\``,
      `id \`${file.id}\` はフォルダー名 \`${folder}\` と同じである必要があります`,
    );
  }
  const documents: Record<string, string> = {};
  const solution: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith(`${dir}/`) || path === fileName || !path.endsWith('.json')) continue;
    const rel = path.slice(dir.length + 1);
    if (rel.startsWith(SOLUTION_DIR)) solution[rel.slice(SOLUTION_DIR.length)] = content;
    else documents[rel] = content;
  }
  for (const id of Object.keys(solution)) {
    if (documents[id] === undefined) {
      problem(`${dir}/${SOLUTION_DIR}${id}`)(
        '',
        `the solution replaces \`${id}\`, which the start state does not have`,
        `解答は \`${id}\` を置き換えますが、開始状態にそのドキュメントがありません`,
      );
    } else if (!file.editable.includes(id)) {
      problem(`${dir}/${SOLUTION_DIR}${id}`)(
        '',
        `the solution changes \`${id}\`, which is not listed in \`editable\``,
        `解答が \`${id}\` を変更していますが、\`editable\` に含まれていません`,
      );
    }
  }
  const world: World = {
    organization: file.organization ?? null,
    accounts: file.accounts,
    documents,
  };
  crossCheck(file, world, problem(fileName));
  const clockStart =
    file.clockStart === undefined
      ? DEFAULT_CLOCK_START
      : (parseTime(file.clockStart, 0) ?? DEFAULT_CLOCK_START);
  return {
    id: file.id,
    version: file.version,
    title: file.title,
    description: file.description,
    clockStart,
    world,
    editable: file.editable,
    attempts: file.attempts,
    goals: file.goals,
    exercises: file.exercises,
    solution,
  };
}

/** Every `<dir>/scenario.json` in the map becomes one scenario; problems name file and field. */
export function loadScenarios(input: Readonly<Record<string, string>>): LoadResult {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(input)) files[normalise(path)] = text;
  const dirs = Object.keys(files)
    .filter(
      (p) =>
        p.endsWith(`/${SCENARIO_FILE}`) &&
        !p.slice(0, -SCENARIO_FILE.length - 1).includes(`/${SOLUTION_DIR.slice(0, -1)}`),
    )
    .map((p) => p.slice(0, -SCENARIO_FILE.length - 1))
    .sort();
  const problems: ScenarioProblem[] = [];
  const scenarios: Scenario[] = [];
  for (const dir of dirs) {
    const before = problems.length;
    const scenario = loadOne(dir, files, problems);
    if (scenario && problems.length === before) scenarios.push(scenario);
  }
  return { scenarios, problems };
}
