export { parseEvalCasesText } from './parse-cases.ts';
export type { ParseCasesResult } from './parse-cases.ts';
export { runEvalCase, runEvalCases } from './run-cases.ts';
export type { EvalCaseError, EvalCaseResult, RunOptions } from './run-cases.ts';
export type { EvalCase } from './schema.ts';
