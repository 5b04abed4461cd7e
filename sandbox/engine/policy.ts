// One policy against one request: every statement traced, plus the Deny and Allow
// statements that apply. A policy AWS would have rejected (errors) is skipped, as AWS would
// never have stored it; its findings go to the result's `errors`.
import type { ParsedPolicy } from '../policy/types.ts';
import type { PrincipalMatch } from './principal.ts';
import type { PreparedRequest } from './request.ts';
import { evaluateStatement } from './statement.ts';
import type { PolicyTrace, StatementRef, StatementTrace } from './types.ts';

export interface AllowMatch {
  readonly ref: StatementRef;
  readonly principal: PrincipalMatch | null;
}

export interface PolicyResult {
  readonly trace: PolicyTrace;
  readonly denies: readonly StatementRef[];
  readonly allows: readonly AllowMatch[];
  readonly skipped: boolean;
}

export function isUsable(policy: ParsedPolicy): boolean {
  return !policy.hasErrors && policy.document !== null;
}

export function evaluatePolicy(policy: ParsedPolicy, req: PreparedRequest): PolicyResult {
  const document = policy.document;
  if (policy.hasErrors || document === null) {
    return {
      trace: {
        doc: policy.doc,
        policy: policy.name,
        kind: policy.kind,
        statements: [],
        skipped: true,
      },
      denies: [],
      allows: [],
      skipped: true,
    };
  }
  const statements: StatementTrace[] = [];
  const denies: StatementRef[] = [];
  const allows: AllowMatch[] = [];
  for (const statement of document.statements) {
    const result = evaluateStatement(policy, statement, req, document.version);
    statements.push(result.trace);
    if (!result.trace.applies) continue;
    if (statement.effect === 'Deny') denies.push(result.trace.ref);
    else allows.push({ ref: result.trace.ref, principal: result.principal });
  }
  return {
    trace: { doc: policy.doc, policy: policy.name, kind: policy.kind, statements },
    denies,
    allows,
    skipped: false,
  };
}
