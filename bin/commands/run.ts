// `iamlab run --scenario ID [--solution] [--documents FILE] [--json] [--lang en|ja]`: runs every
// ready-made attempt and every goal of one scenario and prints each call with its outcome.
// It calls `runScenario`, the function the island runs, so a browser test can compare the
// page's verdicts with this output. Exit 0 once the scenario ran (unmet goals are a result,
// not a failure), 2 for usage errors and unknown scenarios.
import { readFileSync } from 'node:fs';
import {
  loadScenarios,
  renderProblem,
  runScenario,
  type AttemptReport,
  type CallReport,
  type GoalReport,
  type Scenario,
  type ScenarioRun,
} from '../../sandbox/scenario/index.ts';
import { readJsonTree } from './scenario-files.ts';
import type { Command, CommandIo } from './types.ts';

const USAGE =
  'usage: iamlab run --scenario ID [--solution] [--documents FILE|-] [--json] [--lang en|ja] [--dir DIR]...';

/** Where scenarios live: the course's and the playground the island owns. */
const DEFAULT_DIRS = ['content/scenarios', 'src/scenarios'];

type Lang = 'en' | 'ja';

interface Options {
  scenario?: string;
  solution: boolean;
  documents?: string;
  json: boolean;
  lang: Lang;
  dirs: string[];
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { solution: false, json: false, lang: 'en', dirs: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    switch (arg) {
      case '--scenario': {
        const id = value();
        if (id === undefined) return '--scenario takes an id';
        o.scenario = id;
        break;
      }
      case '--solution':
        o.solution = true;
        break;
      case '--documents': {
        const file = value();
        if (file === undefined) return '--documents takes a file or `-`';
        o.documents = file;
        break;
      }
      case '--json':
        o.json = true;
        break;
      case '--lang': {
        const lang = value();
        if (lang !== 'en' && lang !== 'ja') return '--lang takes `en` or `ja`';
        o.lang = lang;
        break;
      }
      case '--dir': {
        const dir = value();
        if (dir === undefined) return '--dir takes a folder';
        o.dirs.push(dir.replace(/\/+$/, ''));
        break;
      }
      default:
        return `unexpected argument \`${String(arg)}\``;
    }
  }
  if (o.scenario === undefined) return '--scenario is required';
  if (o.solution && o.documents !== undefined)
    return '--solution and --documents exclude each other';
  return o;
}

/** `{ "policies/x.json": "text", … }`: the learner's documents, as the island holds them. */
function readDocuments(file: string): Record<string, string> | string {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `cannot read \`${file}\`${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `\`${file}\` is not JSON`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `\`${file}\` must be an object of document path → policy text`;
  }
  const out: Record<string, string> = {};
  for (const [id, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return `document \`${id}\` must be a string of policy text`;
    out[id] = value;
  }
  return out;
}

const WORDS = {
  en: {
    start: 'start state',
    solution: 'with the solution',
    documents: 'with the given documents',
    attempts: 'Attempts',
    goals: 'Goals',
    exercises: 'Exercises',
    as: 'as',
    expects: 'expects',
    got: 'got',
    guard: 'holds at the start, keep it so',
    solved: 'solved',
    notSolved: 'not solved',
  },
  ja: {
    start: '開始状態',
    solution: '解答を適用',
    documents: '指定したドキュメント',
    attempts: '試行',
    goals: 'ゴール',
    exercises: '演習',
    as: '呼び出し元',
    expects: '想定',
    got: '結果',
    guard: '開始時点で達成済み、このまま保つ',
    solved: '達成',
    notSolved: '未達成',
  },
} as const;

function callLine(call: CallReport, n: number, lang: Lang): string {
  const target =
    call.op === 'Call'
      ? `${call.action ?? ''} ${call.resource ?? ''}`
      : call.op === 'SwitchRole'
        ? `${call.account ?? ''} ${call.roleName ?? ''}`
        : (call.roleArn ?? call.targetPrincipal ?? '');
  const head = `${String(n)}. ${call.time} ${call.op}${target === '' ? '' : ` ${target}`}`;
  const error = call.error ? ` (${call.error.code}: ${call.error.message})` : '';
  return `      ${head} [${WORDS[lang].as} ${call.principal}] → ${call.decision}${error}`;
}

function attemptLines(a: AttemptReport, lang: Lang, prefix: string, suffix: string): string[] {
  return [
    `  ${prefix}${a.id}: ${a.title[lang]}${suffix}`,
    ...a.calls.map((c, i) => callLine(c, i + 1, lang)),
  ];
}

function goalLines(g: GoalReport, lang: Lang): string[] {
  const w = WORDS[lang];
  const mark = g.met ? '✓ ' : '✗ ';
  const [comma, open, close] = lang === 'ja' ? ['、', '（', '）'] : [', ', ' (', ')'];
  const guard = g.guard ? `${open}${w.guard}${close}` : '';
  return attemptLines(
    g,
    lang,
    mark,
    ` — ${w.expects} ${g.expected}${comma}${w.got} ${g.decision}${guard}`,
  );
}

function renderText(scenario: Scenario, run: ScenarioRun, state: string, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [`${scenario.id} (${state}): ${scenario.title[lang]}`, '', w.attempts];
  for (const a of run.attempts) lines.push(...attemptLines(a, lang, '', ` → ${a.decision}`));
  lines.push('', w.goals);
  for (const g of run.goals) lines.push(...goalLines(g, lang));
  lines.push('', w.exercises);
  scenario.exercises.forEach((e, i) => {
    const solved = run.exercises[i]?.solved === true;
    lines.push(
      `  ${String(i + 1)}. ${e.id}: ${e.title[lang]} — ${solved ? w.solved : w.notSolved}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

export const runCommand: Command = {
  name: 'run',
  summary: "run a scenario's attempts and goals and print every call's outcome (--json for tests)",
  run(args: readonly string[], io: CommandIo): number {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.stderr(`iamlab run: ${o}; ${USAGE}\n`);
      return 2;
    }
    const files: Record<string, string> = {};
    for (const dir of o.dirs.length > 0 ? o.dirs : DEFAULT_DIRS) {
      try {
        Object.assign(files, readJsonTree(dir));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        // The default folders are optional (a course may have no playground); named ones are not.
        if (o.dirs.length === 0 && code === 'ENOENT') continue;
        io.stderr(
          `iamlab run: cannot read \`${dir}\`${typeof code === 'string' ? ` (${code})` : ''}\n`,
        );
        return 2;
      }
    }
    const { scenarios, problems } = loadScenarios(files);
    const scenario = scenarios.find((s) => s.id === o.scenario);
    if (!scenario) {
      const own = problems.filter((p) => p.file.includes(`/${String(o.scenario)}/`));
      for (const p of own) io.stderr(`iamlab run: ${renderProblem(p, o.lang)}\n`);
      if (own.length === 0) io.stderr(`iamlab run: no scenario \`${String(o.scenario)}\`\n`);
      return 2;
    }
    let documents: Record<string, string> = {};
    if (o.solution) documents = { ...scenario.solution };
    else if (o.documents !== undefined) {
      const read = readDocuments(o.documents);
      if (typeof read === 'string') {
        io.stderr(`iamlab run: ${read}\n`);
        return 2;
      }
      const unknown = Object.keys(read).filter((id) => scenario.world.documents[id] === undefined);
      if (unknown.length > 0) {
        io.stderr(`iamlab run: \`${scenario.id}\` has no document \`${unknown.join('`, `')}\`\n`);
        return 2;
      }
      documents = read;
    }
    const run = runScenario(scenario, documents);
    if (o.json) {
      io.stdout(`${JSON.stringify(run, null, 2)}\n`);
      return 0;
    }
    const w = WORDS[o.lang];
    const state = o.solution ? w.solution : o.documents !== undefined ? w.documents : w.start;
    io.stdout(renderText(scenario, run, state, o.lang));
    return 0;
  },
};
