// A call's trace as text lines (en/ja) for the CLI's --explain: the STS steps, then the
// engine's own explanation of the policy gates.
import { explain } from '../explain/explain.ts';
import type { Lang } from '../explain/messages.ts';
import type { CallTrace, StepId, StepOutcome } from './types.ts';

const STEP_LABEL: Readonly<Record<StepId, Readonly<Record<Lang, string>>>> = {
  requestValidation: { en: 'request validation', ja: 'リクエストの検証' },
  callerIdentity: {
    en: "caller's identity-based policies",
    ja: '呼び出し元の ID ベースのポリシー',
  },
  scps: { en: 'SCPs', ja: 'SCP' },
  boundaryAndSession: {
    en: 'permissions boundary and session policy',
    ja: 'アクセス許可の境界とセッションポリシー',
  },
  trustPolicy: { en: "the role's trust policy", ja: 'ロールの信頼ポリシー' },
  rcps: { en: 'RCPs', ja: 'RCP' },
  issueCredentials: { en: 'credentials issued', ja: '認証情報の発行' },
};

const OUTCOME: Readonly<Record<StepOutcome, Readonly<Record<Lang, string>>>> = {
  pass: { en: 'pass', ja: '通過' },
  fail: { en: 'fail', ja: '不通過' },
  skipped: { en: 'not reached or not applicable', ja: '未到達または対象外' },
};

export function renderCallTrace(trace: CallTrace, lang: Lang): string[] {
  const lines: string[] = [];
  for (const step of trace.steps) {
    const reason = step.detail
      ? `: ${step.detail[lang]}`
      : step.reason === undefined
        ? ''
        : ` (${step.reason})`;
    lines.push(`${STEP_LABEL[step.step][lang]}: ${OUTCOME[step.outcome][lang]}${reason}`);
  }
  if (trace.authz) lines.push('', ...explain(trace.authz, lang));
  return lines;
}
