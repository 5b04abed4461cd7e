export {
  explain,
  explainGate,
  gateLines,
  decisionLine,
  conditionLine,
  elementLine,
} from './explain.ts';
export type { ExplainedGate, ExplainedPolicy, ExplainedStatement } from './explain.ts';
export { callLines, explainCall, stepCounter } from './call.ts';
export type { CallExplanation, ExplainedStep, Verdict } from './call.ts';
export { decidingRanges } from './highlight.ts';
export { DECIDING_MARK, reasonText, STEP_LABEL, STEP_OUTCOME } from './messages.ts';
export type { Lang } from './messages.ts';
