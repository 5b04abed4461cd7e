// `iamlab eval FILE|-`: decides every request case of the file and prints one JSON array.
// A file that cannot be read or is not an array of cases exits 2 with one line on stderr.
import { readFileSync } from 'node:fs';
import { parseEvalCasesText, runEvalCases } from '../../sandbox/eval-cases/index.ts';
import type { Command, CommandIo } from './types.ts';

const USAGE = 'usage: iamlab eval FILE|- [--explain] [--lang en|ja]';

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'decide request cases (JSON) as AWS would, optionally with the explained trace',
  run(args: readonly string[], io: CommandIo): number {
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
    const parsed = parseEvalCasesText(text);
    if (!parsed.ok) {
      io.stderr(`iamlab eval: ${file === '-' ? 'standard input' : file}: ${parsed.message}\n`);
      return 2;
    }
    const results = runEvalCases(parsed.cases, { explain: withExplain, lang });
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    return 0;
  },
};
