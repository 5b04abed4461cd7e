// The request as the evaluator uses it: normalised once, shared by every statement.
import { splitArnFields } from '../arn/index.ts';
import { indexContext, type ContextIndex } from './context.ts';
import { describeCaller, type Caller } from './principal.ts';
import type { AuthzRequest } from './types.ts';

export interface PreparedRequest {
  readonly request: AuthzRequest;
  /** Lowercase, since action names are case-insensitive. */
  readonly action: string;
  readonly resource: string;
  /** `resource` split at its first five colons, once for every statement; `null` if not an ARN. */
  readonly resourceFields: readonly string[] | null;
  readonly caller: Caller;
  readonly context: ContextIndex;
}

/** `hasBoundary`: the caller (an IAM user or role) has a permissions boundary. */
export function prepareRequest(request: AuthzRequest, hasBoundary = false): PreparedRequest {
  const action = typeof request.action === 'string' ? request.action : '';
  const resource = typeof request.resource === 'string' ? request.resource : '';
  const principal = typeof request.principal === 'string' ? request.principal : '';
  // Inputs may come from untyped JSON: tolerate a missing or non-object context.
  const rawContext: unknown = request.context;
  const context =
    typeof rawContext === 'object' && rawContext !== null
      ? (rawContext as AuthzRequest['context'])
      : {};
  const index = indexContext(context);
  const principalArn = index.get('aws:principalarn');
  return {
    request,
    action: action.toLowerCase(),
    resource,
    resourceFields: splitArnFields(resource),
    caller: describeCaller(
      principal,
      typeof principalArn === 'string' ? principalArn : undefined,
      hasBoundary,
    ),
    context: index,
  };
}
