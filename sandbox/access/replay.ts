// A route of the access map as an attempt the scenario runner can make: the same STS calls a
// learner would type, with the requirements as call parameters (`--mfa`, `--external-id`,
// claims in the assertion). The island can offer it as "try this path"; the tests run every
// route of every scenario through it, which keeps the map and STS in agreement.
import type { Attempt, Step } from '../scenario/types.ts';
import type { AssumeRoleCall, StsCall } from '../sts/types.ts';
import { findBucket } from '../world/lookup.ts';
import type { World } from '../world/types.ts';
import { BUCKET_ACTIONS, bucketResource, federatedCallOf } from './hop.ts';
import { identityNode, type IdpNode } from './model.ts';
import type { FederatedIdentity, Hop, Route, Subject } from './types.ts';

/** The IdP a SAML or OIDC subject stands for, as the map built it. */
function idpOf(
  world: World,
  subject: Subject,
  identities: readonly FederatedIdentity[],
): IdpNode | null {
  for (const identity of identities) {
    const node = identityNode(world, identity);
    if (node.subject.id === subject.id) return node;
  }
  for (const account of world.accounts) {
    for (const p of account.samlProviders ?? []) {
      if (`saml:arn:aws:iam::${account.id}:saml-provider/${p.name}` === subject.id)
        return { subject, protocol: 'saml', issuer: p.issuer };
    }
    for (const p of account.oidcProviders ?? []) {
      if (`oidc:arn:aws:iam::${account.id}:oidc-provider/${p.url}` === subject.id)
        return { subject, protocol: 'oidc', host: p.url, clientIds: p.clientIds };
    }
  }
  return subject.kind === 'oidc' && subject.account === null
    ? { subject, protocol: 'oidc', host: subject.arn, clientIds: [] }
    : null;
}

function assumeCall(hop: Hop, roleArn: string): AssumeRoleCall {
  let call: AssumeRoleCall = { op: 'AssumeRole', roleArn };
  const tags: { key: string; value: string }[] = [];
  for (const r of hop.requirements) {
    const value = typeof r.value === 'string' ? r.value : (r.value[0] ?? '');
    if (r.kind === 'external-id') call = { ...call, externalId: value };
    else if (r.kind === 'session-name') call = { ...call, roleSessionName: value };
    else if (r.kind === 'source-identity') call = { ...call, sourceIdentity: value };
    else if (r.kind === 'session-tag')
      tags.push({ key: r.key.slice('aws:RequestTag/'.length), value });
  }
  return tags.length > 0 ? { ...call, tags } : call;
}

/**
 * The attempt that walks `route` for `subject`, or `null` when it cannot be made in the
 * world: an outsider is not in it, and no call parameter sets a source IP.
 */
export function routeAttempt(
  world: World,
  subject: Subject,
  route: Route,
  now: number,
  identities: readonly FederatedIdentity[] = [],
): Attempt | null {
  if (subject.kind === 'external' || subject.kind === 'anyone') return null;
  if (route.requirements.some((r) => r.kind === 'source-ip')) return null;
  const steps: Step[] = [];
  // MFA anywhere on the route is the first caller's: a user signs in with it
  // (GetSessionToken with MFA), and it carries into every role session after.
  if (subject.kind === 'user' && route.requirements.some((r) => r.kind === 'mfa'))
    steps.push({ call: { op: 'GetSessionToken', mfa: true } });
  for (const [i, hop] of route.hops.entries()) {
    const to = hop.to;
    if (to.kind === 'role') {
      if (i === 0 && (subject.kind === 'saml' || subject.kind === 'oidc')) {
        const idp = idpOf(world, subject, identities);
        if (idp === null) return null;
        steps.push({ call: federatedCallOf(idp, to.arn, hop.requirements, now) });
      } else {
        steps.push({ call: assumeCall(hop, to.arn) });
      }
      continue;
    }
    const bucket = findBucket(world, to.bucket)?.bucket;
    if (bucket === undefined) return null;
    const call: StsCall = {
      op: 'Call',
      action: BUCKET_ACTIONS[to.action].action,
      resource: bucketResource(bucket, to.action),
    };
    steps.push({ call });
  }
  const title = {
    en: `${subject.name}: a path of the access map`,
    ja: `${subject.name}: アクセスマップの経路`,
  };
  const base = { id: 'access-route', title, steps };
  if (subject.kind === 'user' || subject.kind === 'role') return { ...base, as: subject.arn };
  return base;
}
