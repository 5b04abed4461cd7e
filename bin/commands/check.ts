// `iamlab check [DIR|FILE.zip]`: validates every scenario under DIR (default content/scenarios),
// or in a .zip of scenario folders such as the playground downloads, and
// proves it: each exercise's start fails at least one of its own goals (goals that already
// hold are guards, and an exercise of guards only asks nothing), start + solution passes them
// all. One line per scenario; exit 1 on any failure, 2 when DIR cannot be read.
import {
  decisionName,
  expectationName,
  loadScenarios,
  proveScenario,
  renderProblem,
} from '../../sandbox/scenario/index.ts';
import type { Command, CommandIo } from './types.ts';
import { readJsonTree, readZipTree } from './scenario-files.ts';

const USAGE = 'usage: iamlab check [DIR|FILE.zip] [--lang en|ja]';

export const checkCommand: Command = {
  name: 'check',
  summary:
    'validate and prove every scenario (each exercise starts failing, start + solution passes all)',
  run(args: readonly string[], io: CommandIo): number {
    let dir = 'content/scenarios';
    let lang: 'en' | 'ja' = 'en';
    let dirGiven = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--lang') {
        const value = args[++i];
        if (value !== 'en' && value !== 'ja') {
          io.stderr('iamlab check: --lang takes `en` or `ja`\n');
          return 2;
        }
        lang = value;
      } else if (arg === '--help' || arg === '-h') {
        io.stdout(`${USAGE}\n`);
        return 0;
      } else if (arg !== undefined && !arg.startsWith('-') && !dirGiven) {
        dir = arg.replace(/\/+$/, '');
        dirGiven = true;
      } else {
        io.stderr(`iamlab check: unexpected argument \`${String(arg)}\`; ${USAGE}\n`);
        return 2;
      }
    }
    let files: Record<string, string>;
    try {
      files = dir.endsWith('.zip') ? readZipTree(dir) : readJsonTree(dir);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      io.stderr(
        `iamlab check: cannot read \`${dir}\`${typeof code === 'string' ? ` (${code})` : ''}\n`,
      );
      return 2;
    }
    const { scenarios, problems } = loadScenarios(files);
    if (scenarios.length === 0 && problems.length === 0) {
      io.stderr(`iamlab check: no scenario.json under \`${dir}\`\n`);
      return 2;
    }
    let failed = problems.length > 0;
    for (const problem of problems) io.stdout(`FAIL ${renderProblem(problem, lang)}\n`);
    for (const scenario of scenarios) {
      const proof = proveScenario(scenario);
      const startFails = proof.start.filter((g) => !g.passed).length;
      const exercises = scenario.exercises.length;
      if (proof.ok) {
        io.stdout(
          lang === 'en'
            ? `ok   ${scenario.id}: ${exercises} exercise${exercises === 1 ? '' : 's'}, ${scenario.goals.length} goals, start fails ${startFails}, solution passes all\n`
            : `ok   ${scenario.id}: 演習 ${exercises} 件、ゴール ${scenario.goals.length} 件、開始状態で ${startFails} 件未達成、解答ですべて達成\n`,
        );
        continue;
      }
      failed = true;
      const reasons: string[] = [];
      if (proof.startAlreadySolved) {
        reasons.push(
          lang === 'en'
            ? 'the start state already passes every goal'
            : '開始状態ですでにすべてのゴールを達成しています',
        );
      }
      for (const e of proof.exercises) {
        if (e.ok || proof.startAlreadySolved) continue;
        reasons.push(
          lang === 'en'
            ? `exercise \`${e.exercise}\` has only goals that already hold at the start (${e.guards.join(', ')})`
            : `演習 \`${e.exercise}\` のゴールは開始状態ですべて達成済みです（${e.guards.join('、')}）`,
        );
      }
      for (const g of proof.unsolved) {
        const expected = expectationName(g.goal.expect);
        const got = decisionName(g.result.verdict);
        reasons.push(
          lang === 'en'
            ? `with the solution, goal \`${g.goal.id}\` expects ${expected} but got ${got}`
            : `解答を適用してもゴール \`${g.goal.id}\` は ${expected} の想定に対して ${got} になります`,
        );
      }
      io.stdout(`FAIL ${scenario.id}: ${reasons.join('; ')}\n`);
    }
    return failed ? 1 : 0;
  },
};
