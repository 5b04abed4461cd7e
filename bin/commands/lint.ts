// `iamlab lint FILE|-`: a policy's findings, those of the policy grammar and those of AWS's
// action catalog, as text, JSON or SARIF 2.1.0 (for CI and code-scanning tools). Exit 1 when
// some finding is an error (AWS would reject the policy, or Access Analyzer calls it one),
// 0 otherwise, 2 for a usage problem or a file that cannot be read.
// SARIF: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import { readFileSync } from 'node:fs';
import { policyFindings } from '../../sandbox/catalog/lint.ts';
import { locator } from '../../sandbox/policy/locate.ts';
import { parsePolicy } from '../../sandbox/policy/parse.ts';
import type { Finding, PolicyKind, Severity } from '../../sandbox/policy/types.ts';
import { loadCatalog } from '../catalog.ts';
import type { Command, CommandIo } from './types.ts';

const KINDS: readonly PolicyKind[] = [
  'identity',
  'trust',
  'resource',
  'scp',
  'rcp',
  'boundary',
  'session',
];
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: iamlab lint FILE|- [--kind ${KINDS.join('|')}] [--format ${FORMATS.join('|')}] [--lang en|ja]`;

interface Located {
  readonly finding: Finding;
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

/** SARIF's levels: Access Analyzer's security warnings and warnings are both `warning`. */
const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  'security-warning': 'warning',
  warning: 'warning',
  suggestion: 'note',
};

function sarif(file: string, found: readonly Located[], lang: 'en' | 'ja'): object {
  const rules = [...new Map(found.map((f) => [f.finding.code, f.finding.severity])).entries()];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iamlab',
            informationUri: 'https://iamlab.example.org/',
            rules: rules.map(([id, severity]) => ({
              id,
              defaultConfiguration: { level: SARIF_LEVEL[severity] },
              properties: { tags: severity === 'security-warning' ? ['security'] : [] },
            })),
          },
        },
        results: found.map((f) => ({
          ruleId: f.finding.code,
          ruleIndex: rules.findIndex(([id]) => id === f.finding.code),
          level: SARIF_LEVEL[f.finding.severity],
          message: { text: f.finding.message[lang] },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: file },
                ...(f.finding.range === undefined
                  ? {}
                  : {
                      region: {
                        startLine: f.start.line,
                        startColumn: f.start.column,
                        endLine: f.end.line,
                        endColumn: f.end.column,
                      },
                    }),
              },
              logicalLocations: [{ fullyQualifiedName: f.finding.path || '/', kind: 'element' }],
            },
          ],
        })),
      },
    ],
  };
}

function render(
  format: Format,
  file: string,
  found: readonly Located[],
  lang: 'en' | 'ja',
): string {
  if (format === 'sarif') return `${JSON.stringify(sarif(file, found, lang), null, 2)}\n`;
  if (format === 'json') {
    const list = found.map((f) => ({
      code: f.finding.code,
      severity: f.finding.severity,
      message: f.finding.message[lang],
      path: f.finding.path,
      line: f.start.line,
      column: f.start.column,
      endLine: f.end.line,
      endColumn: f.end.column,
    }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const lines = found.map(
    (f) =>
      `${file}:${f.start.line}:${f.start.column}: ${f.finding.severity} ${f.finding.code}: ${f.finding.message[lang]}`,
  );
  const errors = found.filter((f) => f.finding.severity === 'error').length;
  lines.push(
    `${found.length} finding${found.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check a policy against the grammar and AWS’s action catalog (text, JSON or SARIF)',
  async run(args: readonly string[], io: CommandIo): Promise<number> {
    let file: string | undefined;
    let kind: PolicyKind = 'identity';
    let format: Format = 'text';
    let lang: 'en' | 'ja' = 'en';
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--kind' || arg === '--format' || arg === '--lang') {
        const value = args[++i] ?? '';
        if (arg === '--kind' && (KINDS as readonly string[]).includes(value))
          kind = value as PolicyKind;
        else if (arg === '--format' && (FORMATS as readonly string[]).includes(value))
          format = value as Format;
        else if (arg === '--lang' && (value === 'en' || value === 'ja')) lang = value;
        else {
          io.stderr(`iamlab lint: \`${value}\` is not a value of ${arg}; ${USAGE}\n`);
          return 2;
        }
      } else if (arg === '--help' || arg === '-h') {
        io.stdout(`${USAGE}\n`);
        return 0;
      } else if (arg !== undefined && file === undefined && (arg === '-' || !arg.startsWith('-'))) {
        file = arg;
      } else {
        io.stderr(`iamlab lint: unexpected argument \`${String(arg)}\`; ${USAGE}\n`);
        return 2;
      }
    }
    if (file === undefined) {
      io.stderr(`iamlab lint: no file given; ${USAGE}\n`);
      return 2;
    }
    let text: string;
    try {
      text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      io.stderr(
        `iamlab lint: cannot read \`${file}\`${typeof code === 'string' ? ` (${code})` : ''}\n`,
      );
      return 2;
    }
    const name = file === '-' ? 'stdin' : file;
    const policy = parsePolicy(text, { kind, name });
    const findings = policyFindings(policy, await loadCatalog());
    const locate = locator(text);
    const found = findings.map((finding): Located => {
      const start = locate(finding.range?.start ?? 0);
      return {
        finding,
        start,
        end: finding.range === undefined ? start : locate(finding.range.end),
      };
    });
    io.stdout(render(format, name, found, lang));
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
