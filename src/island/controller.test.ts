import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sandbox/scenario/run.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { getScenario, scenarioIds } from '../scenario/catalog.ts';
import { draftFromRecord, draftToRecord, formFields, presets } from './attempt-model.ts';
import { SandboxController, type ControllerEvent } from './controller.ts';

const load = (id: string): Scenario => {
  const s = getScenario(id);
  if (s === null) throw new Error(`scenario ${id} did not load`);
  return s;
};

const events = (c: SandboxController): ControllerEvent[] => {
  const out: ControllerEvent[] = [];
  c.onEvent((e) => out.push(e));
  return out;
};

describe('the controller runs what iamlab run runs', () => {
  it('gives every preset and goal of every scenario the verdict of runScenario', () => {
    for (const id of scenarioIds()) {
      const s = load(id);
      const cli = runScenario(s);
      const c = new SandboxController(s);
      for (const p of presets(s)) {
        c.choosePreset(p.attempt.id);
        const run = c.run();
        const expected =
          p.kind === 'preset'
            ? cli.attempts.find((a) => a.id === p.attempt.id)
            : cli.goals.find((g) => g.id === p.attempt.id);
        expect(run.decision, `${id} / ${p.attempt.id}`).toBe(expected?.decision);
        expect(run.result.steps.length, `${id} / ${p.attempt.id}`).toBe(expected?.calls.length);
      }
      c.dispose();
    }
  });

  it('runs a preset’s own S3 request, not a placeholder', () => {
    const s = load('ch01-accounts');
    const c = new SandboxController(s);
    for (const p of presets(s)) {
      c.choosePreset(p.attempt.id);
      const fields = formFields(s, c.getSnapshot().draft, 0);
      const call = p.attempt.steps[0]?.call;
      if (call?.op === 'Call') {
        expect(fields['action']).toBe(call.action);
        expect(fields['resource']).toBe(call.resource);
      }
    }
  });

  it('runs every step of a multi-step attempt and moves the clock as the steps say', () => {
    const s = load('ch08-temporary-credentials');
    const c = new SandboxController(s);
    c.choosePreset('expired-after-65-minutes');
    const run = c.run();
    expect(run.result.steps.length).toBe(2);
    expect(run.decision).toBe('error:ExpiredToken');
    expect(c.getSnapshot().now).toBe(s.clockStart + 65 * 60_000);
  });

  it('lets a role session start an attempt (a workload running as the role)', () => {
    const s = load('ch04-confused-deputy');
    const c = new SandboxController(s);
    for (const p of presets(s)) {
      c.choosePreset(p.attempt.id);
      expect(c.run().decision).not.toBe('error:InvalidClientTokenId');
    }
  });
});

describe('the form is a view of the attempt', () => {
  it('an edited field makes a custom attempt that runs the edit, based on the preset', () => {
    const s = load('ch07-web-identity');
    const c = new SandboxController(s);
    // With the fixed trust, only the main branch of our repository gets in.
    c.showSolution();
    c.choosePreset('webapp-main-deploys');
    expect(c.run().decision).toBe('allowed');
    c.setField('oidcSub', 'repo:example-org/other:ref:refs/heads/main');
    const x = c.getSnapshot();
    expect(x.draft.source).toEqual({ kind: 'custom', basedOn: 'webapp-main-deploys' });
    expect(x.run).toBeNull();
    expect(c.run().decision).not.toBe('allowed');
    expect(formFields(s, c.getSnapshot().draft, 0)['oidcSub']).toBe(
      'repo:example-org/other:ref:refs/heads/main',
    );
  });

  it('a custom attempt survives saving and sharing field for field', () => {
    for (const id of scenarioIds()) {
      const s = load(id);
      for (const p of presets(s)) {
        const c = new SandboxController(s);
        c.choosePreset(p.attempt.id);
        c.setField('duration', '1800');
        const draft = c.getSnapshot().draft;
        const back = draftFromRecord(s, draftToRecord(s, draft));
        expect(back?.attempt.steps, `${id} / ${p.attempt.id}`).toEqual(draft.attempt.steps);
        expect(back?.attempt.as, `${id} / ${p.attempt.id}`).toEqual(
          draft.attempt.as === undefined
            ? undefined
            : formFields(s, draft, 0)['caller'] === draft.attempt.as
              ? draft.attempt.as
              : formFields(s, draft, 0)['caller'],
        );
        c.dispose();
      }
    }
  });

  it('turns links that hold nonsense into nothing rather than a broken call', () => {
    const s = load('ch02-jump-account');
    expect(draftFromRecord(s, { steps: '[{"op":"Bogus"}]' })).toBeNull();
    expect(draftFromRecord(s, { steps: 'not json' })).toBeNull();
    expect(draftFromRecord(s, { preset: 'no-such-preset' })).toBeNull();
    const odd = draftFromRecord(s, { steps: '[{"op":"AssumeRole","roleArn":42,"duration":"x"}]' });
    expect(odd?.attempt.steps[0]?.call).toMatchObject({ op: 'AssumeRole' });
  });
});

describe('one state', () => {
  it('reset clears the banner, the sessions and rewinds the clock; undo brings it back', () => {
    const s = load('ch08-temporary-credentials');
    const c = new SandboxController(s);
    c.refreshGoals();
    c.showSolution();
    expect(c.getSnapshot().solved).toBe(true);
    c.choosePreset('expired-after-65-minutes');
    c.run();
    c.forward(15);
    c.reset();
    const x = c.getSnapshot();
    expect(x.solved).toBe(false);
    expect(x.now).toBe(s.clockStart);
    expect(x.sessions).toEqual([]);
    expect(x.run).toBeNull();
    c.undoReset();
    expect(c.getSnapshot().solved).toBe(true);
  });

  it('announces solved only when the learner makes it so, not when a solved state loads', () => {
    const s = load('ch02-jump-account');
    const solvedDocs = { ...s.solution };
    const restored = new SandboxController(s, {
      documents: solvedDocs,
      draft: new SandboxController(s).getSnapshot().draft,
    });
    const heard = events(restored);
    restored.refreshGoals();
    expect(restored.getSnapshot().solved).toBe(true);
    expect(heard.filter((e) => e.type === 'solved')).toEqual([]);
    // …and nothing is credited: the learner did not turn it from failing to passing here.
    expect(restored.getSnapshot().exercises.every((e) => !e.credited)).toBe(true);

    const fresh = new SandboxController(s);
    const told = events(fresh);
    fresh.refreshGoals();
    for (const [id, text] of Object.entries(s.solution)) fresh.editDocument(id, text);
    fresh.refreshGoals();
    expect(told.some((e) => e.type === 'solved')).toBe(true);
    expect(fresh.getSnapshot().exercises.every((e) => e.credited)).toBe(true);
  });

  it('showing the solution credits nothing', () => {
    const s = load('ch03-trust-policies');
    const c = new SandboxController(s);
    c.refreshGoals();
    c.showSolution();
    expect(c.getSnapshot().solved).toBe(true);
    expect(c.getSnapshot().exercises.some((e) => e.credited)).toBe(false);
    c.restoreMine();
    expect(c.getSnapshot().solved).toBe(false);
  });

  it('goals say what they expect and what they got; goals that held at the start are guards', () => {
    const s = load('ch02-jump-account');
    const c = new SandboxController(s);
    c.refreshGoals();
    const goals = c.getSnapshot().goals ?? [];
    expect(goals.length).toBe(s.goals.length);
    for (const g of goals) {
      expect(g.expected).toMatch(/^(allowed|denied|explicitDeny|implicitDeny|error:\w+)$/);
      expect(g.got).toMatch(/^(allowed|explicitDeny|implicitDeny|error:\w+)$/);
      expect(g.guard).toBe(g.met);
    }
  });

  it('hints are per exercise: exercise 2’s ladder does not move with exercise 1’s', () => {
    const s = load('ch03-trust-policies');
    const [first, second] = s.exercises;
    if (first === undefined || second === undefined) throw new Error('two exercises expected');
    const c = new SandboxController(s);
    c.showHint(first.id);
    const x = c.getSnapshot();
    expect(x.exercises.find((e) => e.id === first.id)?.hintsShown).toBe(1);
    expect(x.exercises.find((e) => e.id === second.id)?.hintsShown).toBe(0);
  });

  it('a run continues with a session the learner holds, on the live clock', () => {
    const s = load('ch08-temporary-credentials');
    const c = new SandboxController(s);
    c.choosePreset('reads-within-the-hour');
    c.run();
    const held = c.getSnapshot().sessions.length;
    expect(held).toBeGreaterThan(0);
    c.forward(120);
    c.useSession(held - 1);
    const x = c.getSnapshot();
    expect(x.draft.fromSession).not.toBeNull();
    const run = c.run();
    expect(run.decision).toBe('error:ExpiredToken');
  });
});
