// `iamlab assume --scenario ID --as NAME --role ARN [...]`: what `aws sts assume-role` prints
// for that caller in that scenario's world: the JSON response on stdout (exit 0), or AWS's
// error line on stderr with the AWS CLI's exit status for service errors, 254.
import {
  applyOverlay,
  loadScenarios,
  renderProblem,
  runAttempt,
} from '../../sandbox/scenario/index.ts';
import { callLines, explainCall } from '../../sandbox/explain/index.ts';
import type { AssumeRoleCall } from '../../sandbox/sts/index.ts';
import { readJsonTree } from './scenario-files.ts';
import type { Command, CommandIo } from './types.ts';

const USAGE =
  'usage: iamlab assume --scenario ID --as NAME --role ARN [--external-id ID] [--mfa] [--duration SECONDS] [--session-name NAME] [--solution] [--dir DIR] [--explain] [--lang en|ja]';

/** The AWS CLI exits 254 when the service answered with an error (252 for bad usage). */
export const AWS_CLI_SERVICE_ERROR = 254;

interface Options {
  scenario?: string | undefined;
  as?: string | undefined;
  role?: string | undefined;
  externalId?: string | undefined;
  mfa: boolean;
  duration?: number | undefined;
  sessionName?: string | undefined;
  solution: boolean;
  dir: string;
  explain: boolean;
  lang: 'en' | 'ja';
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = {
    mfa: false,
    solution: false,
    dir: 'content/scenarios',
    explain: false,
    lang: 'en',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    switch (arg) {
      case '--scenario':
        o.scenario = value();
        break;
      case '--as':
        o.as = value();
        break;
      case '--role':
      case '--role-arn':
        o.role = value();
        break;
      case '--external-id':
        o.externalId = value();
        break;
      case '--session-name':
      case '--role-session-name':
        o.sessionName = value();
        break;
      case '--duration':
      case '--duration-seconds': {
        const text = value() ?? '';
        if (!/^\d+$/.test(text)) return `--duration takes a number of seconds, not \`${text}\``;
        o.duration = Number(text);
        break;
      }
      case '--dir':
        o.dir = value() ?? o.dir;
        break;
      case '--mfa':
        o.mfa = true;
        break;
      case '--solution':
        o.solution = true;
        break;
      case '--explain':
        o.explain = true;
        break;
      case '--lang': {
        const lang = value();
        if (lang !== 'en' && lang !== 'ja') return '--lang takes `en` or `ja`';
        o.lang = lang;
        break;
      }
      default:
        return `unexpected argument \`${String(arg)}\``;
    }
  }
  if (o.scenario === undefined || o.as === undefined || o.role === undefined) {
    return '--scenario, --as and --role are required';
  }
  return o;
}

export const assumeCommand: Command = {
  name: 'assume',
  summary:
    'what `aws sts assume-role` prints for a caller in a scenario, optionally with the trace',
  run(args: readonly string[], io: CommandIo): number {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.stderr(`iamlab assume: ${o}; ${USAGE}\n`);
      return 2;
    }
    let files: Record<string, string>;
    try {
      files = readJsonTree(o.dir);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      io.stderr(
        `iamlab assume: cannot read \`${o.dir}\`${typeof code === 'string' ? ` (${code})` : ''}\n`,
      );
      return 2;
    }
    const { scenarios, problems } = loadScenarios(files);
    const scenario = scenarios.find((s) => s.id === o.scenario);
    if (!scenario) {
      const own = problems.filter((p) => p.file.includes(`/${String(o.scenario)}/`));
      for (const p of own) io.stderr(`iamlab assume: ${renderProblem(p, o.lang)}\n`);
      if (own.length === 0)
        io.stderr(`iamlab assume: no scenario \`${String(o.scenario)}\` under \`${o.dir}\`\n`);
      return 2;
    }
    const call: AssumeRoleCall = {
      op: 'AssumeRole',
      roleArn: o.role ?? '',
      // Like a person typing `--role-session-name alice`: the caller's name, also for an ARN.
      roleSessionName: o.sessionName ?? o.as?.slice(o.as.lastIndexOf('/') + 1) ?? 'iamlab-session',
      ...(o.externalId === undefined ? {} : { externalId: o.externalId }),
      ...(o.duration === undefined ? {} : { durationSeconds: o.duration }),
      ...(o.mfa ? { mfa: true } : {}),
    };
    const world = o.solution ? applyOverlay(scenario.world, scenario.solution) : scenario.world;
    const result = runAttempt(world, scenario.clockStart, {
      id: 'cli',
      title: { en: 'iamlab assume', ja: 'iamlab assume' },
      ...(o.as === undefined ? {} : { as: o.as }),
      steps: [{ call }],
    });
    const step = result.steps[0];
    if (!step) return 2;
    const outcome = step.outcome;
    if (outcome.ok) io.stdout(`${JSON.stringify(outcome.response, null, 4)}\n`);
    else {
      io.stderr(
        `\nAn error occurred (${outcome.error.code}) when calling the AssumeRole operation: ${outcome.error.message}\n`,
      );
    }
    if (o.explain) {
      // The same explanation, in the same words, as the island's trace panel.
      const lines = callLines(explainCall(outcome, o.lang), o.lang);
      io.stderr(`\n${lines.join('\n')}\n`);
    }
    return outcome.ok ? 0 : AWS_CLI_SERVICE_ERROR;
  },
};
