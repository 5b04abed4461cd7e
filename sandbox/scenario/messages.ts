// Author-facing problems in scenario files, in English and Japanese, from zod's issue codes
// and from the loader's own cross-reference checks.
import type * as z from 'zod';
import type { Localized } from '../policy/types.ts';

export interface ScenarioProblem {
  /** The file, as given in the input map (e.g. `content/scenarios/jump-account/scenario.json`). */
  readonly file: string;
  /** Field path like `goals[2].expect`; `''` for the whole file. */
  readonly path: string;
  readonly message: Localized;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function issueMessage(issue: z.core.$ZodIssue): Localized {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? {
            en: `a required field is missing (expected ${issue.expected})`,
            ja: `必須の項目がありません（${issue.expected} が必要です）`,
          }
        : { en: `expected ${issue.expected}`, ja: `${issue.expected} である必要があります` };
    case 'unrecognized_keys':
      return {
        en: `unknown field ${issue.keys.map((k) => `\`${k}\``).join(', ')}`,
        ja: `不明な項目 ${issue.keys.map((k) => `\`${k}\``).join('、')} があります`,
      };
    case 'invalid_value':
      return {
        en: `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`,
        ja: `${issue.values.map((v) => `\`${String(v)}\``).join('、')} のいずれかである必要があります`,
      };
    case 'invalid_format':
      return { en: issue.message, ja: `形式が正しくありません（${issue.message}）` };
    case 'too_small':
      return {
        en: `must have at least ${String(issue.minimum)}`,
        ja: `${String(issue.minimum)} 以上である必要があります`,
      };
    case 'too_big':
      return {
        en: `must have at most ${String(issue.maximum)}`,
        ja: `${String(issue.maximum)} 以下である必要があります`,
      };
    case 'invalid_union':
      return { en: 'matches none of the allowed shapes', ja: '許可されたどの形式にも一致しません' };
    default:
      return { en: issue.message, ja: `値が正しくありません（${issue.message}）` };
  }
}

export function renderProblem(problem: ScenarioProblem, lang: 'en' | 'ja' = 'en'): string {
  const where = problem.path === '' ? problem.file : `${problem.file}: ${problem.path}`;
  return `${where}: ${problem.message[lang]}`;
}
