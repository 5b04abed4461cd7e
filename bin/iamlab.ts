// `iamlab`: the course's command line. A table of commands, one line each.
import { accessCommand } from './commands/access.ts';
import { assumeCommand } from './commands/assume.ts';
import { checkCommand } from './commands/check.ts';
import { evalCommand } from './commands/eval.ts';
import { runCommand } from './commands/run.ts';
import type { Command, CommandIo } from './commands/types.ts';

const COMMANDS: readonly Command[] = [
  evalCommand,
  checkCommand,
  assumeCommand,
  runCommand,
  accessCommand,
];

const io: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: iamlab <command> [arguments]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`iamlab: unknown command \`${name}\`; try \`iamlab --help\`\n`);
    return 2;
  }
  return command.run(rest, io);
}

process.exitCode = await main(process.argv.slice(2));
