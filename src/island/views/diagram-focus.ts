// Which caller and target the world diagram highlights: who makes the attempt's first call
// (or the session the learner continues with) and the role it names.
import type { Snapshot } from '../controller.ts';
import { callerValue } from '../attempt-model.ts';

export function diagramFocus(x: Pick<Snapshot, 'scenario' | 'draft' | 'sessions'>): {
  caller: string;
  target: string;
} {
  const { draft } = x;
  const session =
    draft.fromSession === null
      ? undefined
      : x.sessions.find((s) => s.credentials.accessKeyId === draft.fromSession);
  const target = draft.attempt.steps.map((step) => step.call).find((call) => 'roleArn' in call);
  return {
    caller: session?.arn ?? callerValue(x.scenario, draft),
    target: target !== undefined && 'roleArn' in target ? target.roleArn : '',
  };
}
