// AssumeRoot (centralized root access): a short privileged session as the root user of a
// member account, scoped by one of AWS's task policies.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html
//
// - Who may call: "You must use credentials from an Organizations management account or a
//   delegated administrator account for IAM to call AssumeRoot. You cannot use root user
//   credentials to make this call", with `sts:AssumeRoot` "explicitly granted". The world has
//   no delegated administrator for IAM, so only the management account qualifies here; the
//   engine refuses root credentials and decides the identity policy (and `sts:TaskPolicyArn`).
// - The target: a member account (`TargetPrincipal` is its ID or root ARN).
// - `TaskPolicyArn` must be one of five AWS managed policies under `root-task/`.
// - `DurationSeconds`: "from 0 seconds up to the maximum session duration of 900 seconds (15
//   minutes). If you specify a value higher than this setting, the operation fails"; 900 by
//   default.
import { authorize } from '../engine/authorize.ts';
import type { ContextValue } from '../engine/types.ts';
import { findAccount, organizationAccounts } from '../world/lookup.ts';
import type { Caller, Session } from '../world/types.ts';
import { resolveCaller } from './caller.ts';
import { cliCredentials, issueCredentials } from './credentials.ts';
import type { StsEnv } from './env.ts';
import { constraint, notAuthorized } from './errors.ts';
import { denied, rejected, succeeded } from './outcome.ts';
import type { AssumeRootCall, AwsError, CallOutcome } from './types.ts';
import { checkDurationRange } from './validate.ts';

const MAX_DURATION = 900;
const TASK_PREFIX = 'arn:aws:iam::aws:policy/root-task/';

/**
 * What each task lets the root session do. The privileged-task page lists, per task, the
 * operations to use in the session; the simulator allows exactly those (the managed policies'
 * own text lives in the AWS Managed Policy reference and is not copied here).
 */
export const ROOT_TASK_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  IAMAuditRootUserCredentials: [
    'iam:GetUser',
    'iam:GetLoginProfile',
    'iam:ListAccessKeys',
    'iam:ListSigningCertificates',
    'iam:ListMFADevices',
    'iam:GetAccessKeyLastUsed',
  ],
  IAMDeleteRootUserCredentials: [
    'iam:DeleteLoginProfile',
    'iam:DeleteAccessKey',
    'iam:DeleteSigningCertificate',
    'iam:DeactivateMFADevice',
  ],
  IAMCreateRootUserPassword: ['iam:GetLoginProfile', 'iam:CreateLoginProfile'],
  S3UnlockBucketPolicy: [
    's3:ListAllMyBuckets',
    's3:GetBucketPolicy',
    's3:PutBucketPolicy',
    's3:DeleteBucketPolicy',
  ],
  SQSUnlockQueuePolicy: [
    'sqs:ListQueues',
    'sqs:GetQueueUrl',
    'sqs:GetQueueAttributes',
    'sqs:SetQueueAttributes',
  ],
};

/** The session policy a task stands for, as policy text. */
export function rootTaskPolicy(taskPolicyArn: string): string | null {
  const actions = taskPolicyArn.startsWith(TASK_PREFIX)
    ? ROOT_TASK_ACTIONS[taskPolicyArn.slice(TASK_PREFIX.length)]
    : undefined;
  if (actions === undefined) return null;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
  });
}

/** `TargetPrincipal`: a 12-digit account ID or that account's root ARN. */
function targetAccount(target: string): string | null {
  if (/^\d{12}$/.test(target)) return target;
  const match = /^arn:aws:iam::(\d{12}):root$/.exec(target);
  return match?.[1] ?? null;
}

export function assumeRoot(env: StsEnv, caller: Caller, call: AssumeRootCall): CallOutcome {
  const op = call.op;
  const resolved = resolveCaller(env.world, env.sessions, env.now, caller);
  if (!resolved.ok) return rejected(op, '', {}, resolved.error, 'credentials');
  const id = resolved.identity;
  const context: Record<string, ContextValue> = { ...id.context };
  const fail = (error: AwsError, reason: string): CallOutcome =>
    rejected(op, id.arn, context, error, reason);
  const target = targetAccount(call.targetPrincipal);
  const resource = `arn:aws:iam::${target ?? call.targetPrincipal}:root`;
  if (id.kind === 'anonymous')
    return fail(notAuthorized('anonymous', 'sts:AssumeRoot', resource), 'no-credentials');
  const task = rootTaskPolicy(call.taskPolicyArn);
  // The constraint texts follow the API's validation shape; AWS's exact words are not published.
  const bad =
    (target === null
      ? constraint(
          'targetPrincipal',
          call.targetPrincipal,
          'Member must be a 12-digit account ID or an account root ARN',
        )
      : null) ??
    (task === null
      ? constraint(
          'taskPolicyArn.arn',
          call.taskPolicyArn,
          `Member must be one of the AWS managed policies under ${TASK_PREFIX}`,
        )
      : null) ??
    (call.durationSeconds === undefined
      ? null
      : checkDurationRange(call.durationSeconds, 0, MAX_DURATION));
  if (bad !== null || target === null || task === null) {
    return fail(bad ?? notAuthorized(id.arn, 'sts:AssumeRoot', resource), 'parameter');
  }
  const org = env.world.organization;
  const member =
    org !== null &&
    target !== org.managementAccount &&
    organizationAccounts(env.world).includes(target);
  if (org === null || id.accountId !== org.managementAccount || !member) {
    // Only the management account may call it, and only for its member accounts.
    return fail(notAuthorized(id.arn, 'sts:AssumeRoot', resource), 'not-management-account');
  }
  context['sts:TaskPolicyArn'] = call.taskPolicyArn;
  const authz = authorize({
    request: { principal: id.arn, action: 'sts:AssumeRoot', resource, context },
    identityPolicies: id.identityPolicies,
    resourcePolicy: null,
    // The caller is in the management account, which no SCP ever restricts.
    scps: [],
    rcps: [],
    permissionBoundary: id.boundary,
    sessionPolicy: id.sessionPolicy,
  });
  if (authz.decision !== 'allowed')
    return denied(op, id.arn, context, notAuthorized(id.arn, 'sts:AssumeRoot', resource), authz);
  const duration = call.durationSeconds ?? MAX_DURATION;
  const expiresAt = env.now + duration * 1000;
  const credentials = issueCredentials(
    `${op}|${id.arn}|${target}|${call.taskPolicyArn}|${env.now}|${duration}`,
    expiresAt,
  );
  const session: Session = {
    kind: 'root',
    credentials,
    arn: resource,
    accountId: findAccount(env.world, target)?.id ?? target,
    userId: target,
    issuedAt: env.now,
    expiresAt,
    // A privileged session is its own sign-in; the caller's MFA is not the member root's.
    mfa: { present: false },
    sessionPolicies: [task],
    tags: [],
    transitiveTagKeys: [],
    chained: false,
  };
  return succeeded(op, id.arn, context, authz, { Credentials: cliCredentials(credentials) }, [
    session,
  ]);
}
