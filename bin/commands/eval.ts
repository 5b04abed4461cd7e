// `iamlab eval FILE|-`: decides every request case of the file and prints one JSON array,
// with the action catalog's findings (unknown actions, …) beside each decision they never
// change. A file that cannot be read or is not an array of cases exits 2 with one line on
// stderr. Throughput matters (a trainer's file of thousands of answers): a valid file takes
// the fast reader, case by case, and only the modules deciding needs are loaded. A large
// file is decided on every core (../eval-pool.ts), with the same bytes on stdout.
import { readFileSync } from 'node:fs';
import { forEachFastCase } from '../../sandbox/eval-cases/fast-cases.ts';
import {
  runEvalCase,
  runEvalCases,
  type EvalCaseResult,
  type RunOptions,
} from '../../sandbox/eval-cases/run-cases.ts';
import { loadCatalog } from '../catalog.ts';
import { decideInParallel, poolPlan, reportLine, wantsReport } from '../eval-pool.ts';
import type { Command, CommandIo } from './types.ts';

const USAGE = 'usage: iamlab eval FILE|- [--explain] [--lang en|ja]';

// Read as bytes, then decoded: Node 22's readFileSync(file, 'utf8') took ≈ 135 ms for the
// bench's 61 MB file against ≈ 90 ms for the two steps.
function readInput(file: string): string {
  return readFileSync(file === '-' ? 0 : file).toString('utf8');
}

/**
 * The results, or the slow reader's one-line reason. A valid file, the usual input, is read
 * and decided one case at a time; anything else is read again by the slow reader, which
 * loads zod and words the problem. `fast` false: the threads found it not plainly valid.
 */
async function decide(
  text: string,
  options: RunOptions,
  fast: boolean,
): Promise<EvalCaseResult[] | string> {
  const results: EvalCaseResult[] = [];
  if (fast && forEachFastCase(text, (c) => results.push(runEvalCase(c, options)))) return results;
  const { parseEvalCasesText } = await import('../../sandbox/eval-cases/parse-cases.ts');
  const parsed = parseEvalCasesText(text);
  return parsed.ok ? runEvalCases(parsed.cases, options) : parsed.message;
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'decide request cases (JSON) as AWS would, with the action catalog’s findings',
  async run(args: readonly string[], io: CommandIo): Promise<number> {
    let file: string | undefined;
    let withExplain = false;
    let lang: 'en' | 'ja' = 'en';
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--explain') withExplain = true;
      else if (arg === '--lang') {
        const value = args[++i];
        if (value !== 'en' && value !== 'ja') {
          io.stderr(`iamlab eval: --lang takes \`en\` or \`ja\`\n`);
          return 2;
        }
        lang = value;
      } else if (arg === '--help' || arg === '-h') {
        io.stdout(`${USAGE}\n`);
        return 0;
      } else if (arg !== undefined && file === undefined && (arg === '-' || !arg.startsWith('-'))) {
        file = arg;
      } else {
        io.stderr(`iamlab eval: unexpected argument \`${String(arg)}\`; ${USAGE}\n`);
        return 2;
      }
    }
    if (file === undefined) {
      io.stderr(`iamlab eval: no file given; ${USAGE}\n`);
      return 2;
    }
    let text: string;
    try {
      text = readInput(file);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      io.stderr(
        `iamlab eval: cannot read \`${file}\`${typeof code === 'string' ? ` (${code})` : ''}\n`,
      );
      return 2;
    }
    const plan = poolPlan(text.length);
    let fast = true;
    if (plan !== null) {
      const outcome = await decideInParallel(text, { explain: withExplain, lang }, plan);
      if (wantsReport()) io.stderr(reportLine(outcome));
      if (outcome.output !== null) {
        io.stdout(outcome.output);
        return 0;
      }
      // Not plainly valid: straight to the slow reader, which words the problem.
      fast = false;
    }
    const results = await decide(
      text,
      { explain: withExplain, lang, catalog: await loadCatalog() },
      fast,
    );
    if (typeof results === 'string') {
      io.stderr(`iamlab eval: ${file === '-' ? 'standard input' : file}: ${results}\n`);
      return 2;
    }
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    return 0;
  },
};
