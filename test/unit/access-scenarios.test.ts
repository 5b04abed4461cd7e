// `iamlab access --diff` on every scenario: start vs solution lists exactly the access the
// exercise is about (each expectation says why), and every route of every map replays
// through the scenario runner (STS itself) and succeeds, so the map and STS agree.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffAccessMaps } from '../../sandbox/access/diff.ts';
import { computeAccessMap } from '../../sandbox/access/map.ts';
import { routeAttempt } from '../../sandbox/access/replay.ts';
import { scenarioIdentities } from '../../sandbox/access/identities.ts';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { applyOverlay, runAttempt } from '../../sandbox/scenario/run.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import type { World } from '../../sandbox/world/types.ts';
import { readTree } from './scenario-tree.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { scenarios } = loadScenarios(readTree(join(root, 'content/scenarios')));

function diffLines(s: Scenario, now = s.clockStart): string[] {
  const identities = scenarioIdentities(s);
  const before = computeAccessMap(s.world, { now, identities });
  const after = computeAccessMap(applyOverlay(s.world, s.solution), { now, identities });
  return diffAccessMaps(before, after, s.world.accounts).map((c) => c.text.en);
}

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // exercise 1 narrows the Developers policy away from prod data; exercise 2 removes the statement that opened the production bucket to the whole development account
  'ch01-accounts': [
    '− dave can no longer read, write, list and delete objects in bucket `prod-customer-data`',
    '− dave can no longer read objects in bucket `acme-prod-customers`',
  ],
  // bob gains Developer (and what it can do), alice loses Deploy (and the site bucket it writes)
  'ch02-jump-account': [
    '− alice can no longer read and write objects in bucket `acme-prod-site`',
    '− alice can no longer assume Deploy in acme-prod',
    '+ bob can now read, write, list and delete objects in bucket `acme-dev-artifacts`',
    '+ bob can now assume Developer in acme-dev',
  ],
  // ReadOnly stops trusting `*` (mallory, outsiders and other roles lose it); Deploy gets the jump-account pattern (bob and carol get in)
  'ch03-trust-policies': [
    '− the Deploy role in acme-prod can no longer list objects in bucket `acme-prod-site`',
    '− the Deploy role in acme-prod can no longer assume ReadOnly in acme-prod',
    '− mallory can no longer read and list objects in bucket `acme-prod-site`',
    '− mallory can no longer assume ReadOnly in acme-prod',
    '− anyone can no longer read and list objects in bucket `acme-prod-site`',
    '− anyone can no longer assume ReadOnly in acme-prod',
    '+ bob can now write objects in bucket `acme-prod-site`',
    '+ bob can now assume Deploy in acme-prod',
    '+ carol can now write objects in bucket `acme-prod-site`',
    '+ carol can now assume Deploy in acme-prod',
  ],
  // CostWatch needs the ExternalId for CostWatchBilling; CostWatchInventory trusts only CostWatch, so eve, anyone and other roles lose it
  'ch04-confused-deputy': [
    '− the CostWatchBilling role in acme-main can no longer assume CostWatchInventory in acme-main',
    '− the CostWatchWorker role in costwatch can no longer read and list objects in bucket `acme-billing-reports` without the ExternalId',
    '− the CostWatchWorker role in costwatch can no longer assume CostWatchBilling in acme-main without the ExternalId',
    '− eve can no longer read and list objects in bucket `acme-billing-reports`',
    '− eve can no longer assume CostWatchInventory in acme-main',
    '− anyone can no longer read and list objects in bucket `acme-billing-reports`',
    '− anyone can no longer assume CostWatchInventory in acme-main',
  ],
  // Admin and deleting audit logs need MFA now; reading and writing the logs do not
  'ch05-mfa': [
    '− alice can no longer read, write, list and delete objects in bucket `acme-prod-config` without MFA',
    '− alice can no longer delete objects in bucket `audit-logs` without MFA',
    '− alice can no longer assume Admin in acme-prod without MFA',
  ],
  // Developer needs the staff affiliation (carol, a contractor, and dave, with none, lose it;
  // alice, staff, keeps it); ReadOnly opens to every IdP user
  'ch06-saml': [
    '− users of the SAML IdP CorpIdP can no longer write and delete objects in bucket `acme-dev-artifacts` without the claim `saml:edupersonaffiliation`',
    '− users of the SAML IdP CorpIdP can no longer assume Developer in acme-dev without the claim `saml:edupersonaffiliation`',
    '− carol@example.com (via CorpIdP) can no longer write and delete objects in bucket `acme-dev-artifacts`',
    '− carol@example.com (via CorpIdP) can no longer assume Developer in acme-dev',
    '− dave@example.com (via CorpIdP) can no longer write and delete objects in bucket `acme-dev-artifacts`',
    '− dave@example.com (via CorpIdP) can no longer assume Developer in acme-dev',
    '+ users of the SAML IdP CorpIdP can now assume ReadOnly in acme-dev',
    '+ carol@example.com (via CorpIdP) can now assume ReadOnly in acme-dev',
    '+ dave@example.com (via CorpIdP) can now assume ReadOnly in acme-dev',
  ],
  // the GitHub role needs a `sub` for the right repository (the fork and the pull-request run
  // lose it, `main` keeps it), the Cognito role an authenticated `amr`
  'ch07-web-identity': [
    '− tokens from token.actions.githubusercontent.com can no longer read and write objects in bucket `example-co-site` without the claim `token.actions.githubusercontent.com:sub`',
    '− tokens from token.actions.githubusercontent.com can no longer assume GitHubDeploy in example-co-prod without the claim `token.actions.githubusercontent.com:sub`',
    '− tokens from cognito-identity.amazonaws.com can no longer read objects in bucket `example-game-data` without the claim `cognito-identity.amazonaws.com:amr`',
    '− tokens from cognito-identity.amazonaws.com can no longer assume PlayerData in example-co-prod without the claim `cognito-identity.amazonaws.com:amr`',
    '− repo:someone-else/fork:ref:refs/heads/main (via token.actions.githubusercontent.com) can no longer read and write objects in bucket `example-co-site`',
    '− repo:someone-else/fork:ref:refs/heads/main (via token.actions.githubusercontent.com) can no longer assume GitHubDeploy in example-co-prod',
    '− repo:example-co/webapp:pull_request (via token.actions.githubusercontent.com) can no longer read and write objects in bucket `example-co-site`',
    '− repo:example-co/webapp:pull_request (via token.actions.githubusercontent.com) can no longer assume GitHubDeploy in example-co-prod',
  ],
  // the identity OU's SCP keeps people off the vendor's role, the Workloads RCP keeps the vendor out of LegacyAudit, the boundary keeps bob out of prod
  'ch09-guardrails': [
    '− alice can no longer assume VendorConsole in watchful-monitoring',
    '− bob can no longer assume Deploy in example-prod',
    '− bob can no longer assume VendorConsole in watchful-monitoring',
    '− support can no longer assume LegacyAudit in example-prod',
  ],
  // Engineer now needs a source identity (the user's own name), which the chain keeps, so
  // Reporting and its data need it too; a tag the trust now lets through opens prod-data for
  // alice's team; Engineer's own sessions, with no source identity, lose Reporting
  'ch10-session-tags': [
    '− alice can no longer read objects in bucket `analytics-data` without the source identity',
    '− alice can no longer assume Engineer in example-prod without the source identity',
    '− alice can no longer assume Reporting in example-analytics without the source identity',
    '− bob can no longer read objects in bucket `analytics-data` without the source identity',
    '− bob can no longer assume Engineer in example-prod without the source identity',
    '− bob can no longer assume Reporting in example-analytics without the source identity',
    '− the Engineer role in example-prod can no longer read objects in bucket `analytics-data`',
    '− the Engineer role in example-prod can no longer assume Reporting in example-analytics',
    '+ alice can now read objects in bucket `prod-data`, with the session tag `team`=`payments` and the source identity `alice`',
  ],
  // the permission set no longer deletes; DataFix moves from the jump account to the
  // DeveloperAccess sessions of both forms of the role, the us-east-1 one (…0123) and the
  // Tokyo one with `ap-northeast-1/` in its path (…fedc), which one ArnLike pattern admits
  'ch11-identity-center': [
    '− alice can no longer read and write objects in bucket `app-data`',
    '− alice can no longer assume DataFix in example-workload',
    '− the AWSReservedSSO_DeveloperAccess_0123456789abcdef role in example-workload can no longer delete objects in bucket `app-data`',
    '− the AWSReservedSSO_DeveloperAccess_fedcba9876543210 role in example-workload can no longer delete objects in bucket `app-data`',
    '− users of the SAML IdP AWSSSO_0123456789abcdef_DO_NOT_DELETE can no longer delete objects in bucket `app-data`',
    '− users of the SAML IdP AWSSSO_fedcba9876543210_DO_NOT_DELETE can no longer delete objects in bucket `app-data`',
    '− alice@example.com (via AWSSSO_0123456789abcdef_DO_NOT_DELETE) can no longer delete objects in bucket `app-data`',
    '− alice@example.com (via AWSSSO_fedcba9876543210_DO_NOT_DELETE) can no longer delete objects in bucket `app-data`',
    '+ the AWSReservedSSO_DeveloperAccess_0123456789abcdef role in example-workload can now assume DataFix in example-workload',
    '+ the AWSReservedSSO_DeveloperAccess_fedcba9876543210 role in example-workload can now assume DataFix in example-workload',
    '+ users of the SAML IdP AWSSSO_0123456789abcdef_DO_NOT_DELETE can now assume DataFix in example-workload',
    '+ users of the SAML IdP AWSSSO_fedcba9876543210_DO_NOT_DELETE can now assume DataFix in example-workload',
    '+ alice@example.com (via AWSSSO_0123456789abcdef_DO_NOT_DELETE) can now assume DataFix in example-workload',
    '+ alice@example.com (via AWSSSO_fedcba9876543210_DO_NOT_DELETE) can now assume DataFix in example-workload',
  ],
  // each exercise opens one path: alice to Deploy in dev, bob to Deploy in prod with MFA, ops-bot with the ExternalId, the main branch of webapp
  'ch12-capstone': [
    '+ alice can now read and write objects in bucket `example-dev-releases`',
    '+ alice can now assume Deploy in example-co-dev',
    '+ bob can now read and write objects in bucket `example-prod-releases`, with MFA',
    '+ bob can now assume Deploy in example-co-prod, with MFA',
    '+ ops-bot can now assume Monitoring in example-co-prod, with the ExternalId `watchful-example-co-7f3a9c`',
    '+ tokens from token.actions.githubusercontent.com can now read and write objects in bucket `example-prod-releases`, with the claim `token.actions.githubusercontent.com:sub`=`repo:example-co/webapp:ref:refs/heads/main`',
    '+ tokens from token.actions.githubusercontent.com can now assume GitHubDeploy in example-co-prod, with the claim `token.actions.githubusercontent.com:sub`=`repo:example-co/webapp:ref:refs/heads/main`',
    '+ repo:example-co/webapp:ref:refs/heads/main (via token.actions.githubusercontent.com) can now read and write objects in bucket `example-prod-releases`',
    '+ repo:example-co/webapp:ref:refs/heads/main (via token.actions.githubusercontent.com) can now assume GitHubDeploy in example-co-prod',
  ],
  // bob can now assume Developer, with MFA
  'jump-account': [
    '+ bob can now read and list objects in bucket `example-dev-artifacts`, with MFA',
    '+ bob can now assume Developer in example-dev, with MFA',
  ],
  // the vendor's Scanner needs the ExternalId now
  'vendor-external-id': [
    '− the Scanner role in vendor-monitoring can no longer read objects in bucket `example-audit-logs` without the ExternalId',
    '− the Scanner role in vendor-monitoring can no longer assume VendorAudit in example-security without the ExternalId',
  ],
};

describe('access diff of each scenario, start vs solution', () => {
  it('has an expectation for every scenario', () => {
    expect(scenarios.map((s) => s.id).sort()).toEqual(
      [...Object.keys(EXPECTED), 'ch08-temporary-credentials'].sort(),
    );
  });

  for (const s of scenarios) {
    const expected = EXPECTED[s.id];
    if (expected === undefined) continue;
    it(s.id, () => {
      expect(diffLines(s)).toEqual(expected);
    });
  }

  // Chapter 8 is about time: the revocation denies sessions issued before 09:30. At the
  // scenario's start (09:00) every new Operator session is such a session, so the map then
  // shows the role losing everything; from 09:30 on only ci-bot's long-term key, which the
  // second exercise keeps away from the reports, loses access.
  it('ch08-temporary-credentials, at the start and after the revocation time', () => {
    const s = scenarios.find((x) => x.id === 'ch08-temporary-credentials');
    if (s === undefined) throw new Error('ch08 scenario missing');
    expect(diffLines(s)).toEqual([
      '− alice can no longer read objects in bucket `audit-logs`',
      '− alice can no longer read objects in bucket `prod-reports`',
      '− alice can no longer assume ReadOnly in example-audit',
      '− ci-bot can no longer read objects in bucket `prod-reports`',
      '− the Operator role in example-prod can no longer read objects in bucket `audit-logs`',
      '− the Operator role in example-prod can no longer read objects in bucket `prod-reports`',
      '− the Operator role in example-prod can no longer assume ReadOnly in example-audit',
    ]);
    const revokedAt = Date.parse('2023-06-01T09:30:00Z');
    expect(diffLines(s, revokedAt)).toEqual([
      '− ci-bot can no longer read objects in bucket `prod-reports`',
    ]);
  });
});

describe('every route of every map replays through STS', () => {
  for (const s of scenarios) {
    it(s.id, () => {
      const worlds: World[] = [s.world, applyOverlay(s.world, s.solution)];
      let replayed = 0;
      const identities = scenarioIdentities(s);
      for (const world of worlds) {
        const map = computeAccessMap(world, { now: s.clockStart, identities });
        for (const sa of map.subjects) {
          for (const reach of [...sa.roles, ...sa.buckets]) {
            for (const route of reach.routes) {
              const attempt = routeAttempt(world, sa.subject, route, s.clockStart, identities);
              if (attempt === null) continue;
              const result = runAttempt(world, s.clockStart, attempt);
              const failed = result.steps.filter(
                (step) => !step.outcome.ok && step.outcome.error.code !== 'NoSuchKey',
              );
              expect(failed.map((f) => `${sa.subject.id}: ${f.call.op}`)).toEqual([]);
              expect(result.steps).toHaveLength(attempt.steps.length);
              replayed++;
            }
          }
        }
      }
      expect(replayed).toBeGreaterThan(0);
    });
  }
});
