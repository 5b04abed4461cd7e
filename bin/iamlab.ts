// `iamlab`: the course's command line. A table of commands, one line each.
import type { Command, CommandIo } from './commands/types.ts';
import { enableStartupCache } from './ts-cache.mjs';

// Start-up is most of a short run: stripped and compiled modules are kept between runs, and
// only the command asked for is loaded (eval does not load the STS layer).
enableStartupCache();

interface Entry {
  readonly name: string;
  readonly load: () => Promise<Command>;
}

const COMMANDS: readonly Entry[] = [
  { name: 'eval', load: async () => (await import('./commands/eval.ts')).evalCommand },
  { name: 'lint', load: async () => (await import('./commands/lint.ts')).lintCommand },
  { name: 'check', load: async () => (await import('./commands/check.ts')).checkCommand },
  { name: 'assume', load: async () => (await import('./commands/assume.ts')).assumeCommand },
  { name: 'run', load: async () => (await import('./commands/run.ts')).runCommand },
  { name: 'access', load: async () => (await import('./commands/access.ts')).accessCommand },
];

const io: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

async function help(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: iamlab <command> [arguments]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.stderr(`iamlab: unknown command \`${name}\`; try \`iamlab --help\`\n`);
    return 2;
  }
  return (await entry.load()).run(rest, io);
}

process.exitCode = await main(process.argv.slice(2));
