// The machines the UI animates: driven with createActor (SimulatedClock where time
// matters) and explored with xstate/graph to prove every state is reachable from the start.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { DEFAULT_CLOCK_START } from '../../sandbox/clock/clock.ts';
import {
  activeGates,
  assumeRoleMachine,
  type AssumeRoleEvent,
} from '../../sandbox/machines/assume-role.machine.ts';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { runCall } from '../../sandbox/sts/call.ts';
import type { CallOutcome, StsCall } from '../../sandbox/sts/types.ts';
import type { Caller } from '../../sandbox/world/types.ts';
import { JUMP, role, world } from './sts-world.ts';
import { readTree } from './scenario-tree.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const T0 = DEFAULT_CLOCK_START;

const jump = loadScenarios(readTree(join(root, 'content/scenarios/jump-account'))).scenarios[0];
if (!jump) throw new Error('jump-account scenario did not load');

const alice: Caller = { type: 'user', arn: `arn:aws:iam::${JUMP}:user/alice` };
const bob: Caller = { type: 'user', arn: `arn:aws:iam::${JUMP}:user/bob` };
const deploy = (extra: object = {}): StsCall => ({
  op: 'AssumeRole',
  roleArn: role('Deploy'),
  roleSessionName: 'alice',
  mfa: true,
  ...extra,
});
const call = (caller: Caller, c: StsCall): CallOutcome =>
  runCall({ world, now: T0, sessions: [] }, caller, c);

const allowed = call(alice, deploy());
const deploySession = allowed.newSessions[0];
if (!deploySession) throw new Error('AssumeRole Deploy gave no session');
const outcomes = {
  allowed,
  deniedAtCaller: call(bob, deploy({ mfa: false, roleArn: role('Tagged') })),
  deniedAtTrust: call(alice, deploy({ mfa: false })),
  invalid: call(alice, deploy({ durationSeconds: 60 })),
  // A service call has the bucket's policy and the service's answer, no trust policy.
  s3Read: runCall(
    { world, now: T0, sessions: [deploySession] },
    { type: 'session', accessKeyId: deploySession.credentials.accessKeyId },
    { op: 'Call', action: 's3:GetObject', resource: 'arn:aws:s3:::prod-data/report.csv' },
  ),
};

function walk(outcome: CallOutcome, events: readonly AssumeRoleEvent['type'][]) {
  const actor = createActor(assumeRoleMachine, { input: { outcome } }).start();
  const seen: string[] = [];
  for (const type of events) {
    actor.send({ type } as AssumeRoleEvent);
    seen.push(JSON.stringify(actor.getSnapshot().value).replaceAll('"', ''));
  }
  return { actor, seen };
}

describe('assume-role machine', () => {
  it('steps through every gate in AWS order to allowed', () => {
    const { actor, seen } = walk(outcomes.allowed, Array<'STEP'>(9).fill('STEP'));
    expect(seen).toEqual([
      'requestValidation',
      'callerIdentity',
      'scps',
      'trustPolicy',
      'rcps',
      'boundary',
      'session',
      'issueCredentials',
      'allowed',
    ]);
    expect(actor.getSnapshot().context.decidedBy).toBeNull();
    expect(actor.getSnapshot().hasTag('decided')).toBe(true);
  });

  it('stops at the deciding gate and exposes its engine gates for highlighting', () => {
    const { actor, seen } = walk(outcomes.deniedAtTrust, ['STEP', 'STEP', 'STEP', 'STEP']);
    expect(seen).toEqual(['requestValidation', 'callerIdentity', 'scps', 'trustPolicy']);
    expect(activeGates(actor.getSnapshot().context).map((g) => g.gate)).toEqual(['resource']);
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().value).toBe('denied');
    expect(actor.getSnapshot().context.decidedBy).toBe('trustPolicy');
  });

  it('walks a service call through the steps it has: the bucket policy, never a trust policy', () => {
    const { actor, seen } = walk(outcomes.s3Read, Array<'STEP'>(9).fill('STEP'));
    expect(seen).toEqual([
      'requestValidation',
      'callerIdentity',
      'scps',
      'resourcePolicy',
      'rcps',
      'boundary',
      'session',
      'serviceResponse',
      'allowed',
    ]);
    expect(actor.getSnapshot().context.active).toBe('serviceResponse');
  });

  it('RUN jumps to the decision; RESET returns to idle; LOAD swaps the attempt', () => {
    const { actor } = walk(outcomes.deniedAtCaller, ['RUN']);
    expect(actor.getSnapshot().value).toBe('denied');
    expect(actor.getSnapshot().context.decidedBy).toBe('callerIdentity');
    actor.send({ type: 'RESET' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.active).toBeNull();
    actor.send({ type: 'LOAD', outcome: outcomes.invalid });
    actor.send({ type: 'STEP' });
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().context.decidedBy).toBe('requestValidation');
  });

  it('does nothing on STEP before an outcome is loaded', () => {
    const actor = createActor(assumeRoleMachine, { input: { outcome: null } }).start();
    actor.send({ type: 'STEP' });
    actor.send({ type: 'RUN' });
    expect(actor.getSnapshot().value).toBe('idle');
  });

  it('reaches every state, including both decisions, from the start (xstate/graph)', () => {
    const list = Object.values(outcomes);
    const events: AssumeRoleEvent[] = [
      { type: 'STEP' },
      { type: 'RUN' },
      { type: 'RESET' },
      ...list.map((outcome) => ({ type: 'LOAD' as const, outcome })),
    ];
    const paths = getShortestPaths(assumeRoleMachine, {
      input: { outcome: null },
      events,
      serializeState: (s) =>
        `${JSON.stringify(s.value)}|${String(s.context.active)}|${list.indexOf(s.context.outcome ?? outcomes.allowed)}|${String(s.context.outcome === null)}`,
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value).replaceAll('"', '')));
    expect([...reached].sort()).toEqual(
      [
        'idle',
        'requestValidation',
        'callerIdentity',
        'scps',
        'resourcePolicy',
        'trustPolicy',
        'rcps',
        'boundary',
        'session',
        'issueCredentials',
        'serviceResponse',
        'allowed',
        'denied',
      ].sort(),
    );
  });
});
