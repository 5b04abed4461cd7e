// One set of temporary credentials over time: active until its expiration on the simulated
// clock, then expired (calls then fail with ExpiredToken, as STS answers them). Calls made
// with it are recorded; a successful AssumeRole from it is role chaining, and the chained
// session is kept in `children` for the UI to open in its own session actor.
// The clock can move two ways: TICK carries the simulated time (the course's fast-forward
// button), and a delayed transition fires at expiry on XState's clock (SimulatedClock in tests).
import { assign, setup } from 'xstate';
import { runCall } from '../sts/call.ts';
import type { CallOutcome, StsCall } from '../sts/types.ts';
import type { Session, World } from '../world/types.ts';

export interface CallRecord {
  readonly at: number;
  readonly call: StsCall;
  readonly outcome: CallOutcome;
}

export interface SessionContext {
  readonly world: World;
  readonly session: Session;
  /** Simulated time, ms since the epoch. */
  readonly now: number;
  /** Other sessions that exist (so calls can resolve them); this one is added automatically. */
  readonly others: readonly Session[];
  readonly calls: readonly CallRecord[];
  readonly children: readonly Session[];
}

export type SessionEvent =
  | { readonly type: 'TICK'; readonly now: number }
  | { readonly type: 'CALL'; readonly call: StsCall }
  | { readonly type: 'WORLD'; readonly world: World }
  | { readonly type: 'END' };

export interface SessionInput {
  readonly world: World;
  readonly session: Session;
  readonly now: number;
  readonly others?: readonly Session[];
}

function call(context: SessionContext, request: StsCall): Partial<SessionContext> {
  const sessions = [context.session, ...context.children, ...context.others];
  const outcome = runCall(
    { world: context.world, now: context.now, sessions },
    { type: 'session', accessKeyId: context.session.credentials.accessKeyId },
    request,
  );
  return {
    calls: [...context.calls, { at: context.now, call: request, outcome }],
    children: outcome.ok ? [...context.children, ...outcome.newSessions] : context.children,
  };
}

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  guards: {
    expired: ({ context }) => context.now >= context.session.expiresAt,
  },
  delays: {
    untilExpiry: ({ context }) => Math.max(0, context.session.expiresAt - context.now),
  },
  actions: {
    tick: assign(({ context }, params: { now: number }) => ({
      now: Math.max(context.now, params.now),
    })),
    atExpiry: assign(({ context }) => ({ now: Math.max(context.now, context.session.expiresAt) })),
    call: assign(({ context }, params: { call: StsCall }) => call(context, params.call)),
    world: assign((_, params: { world: World }) => ({ world: params.world })),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    world: input.world,
    session: input.session,
    now: input.now,
    others: input.others ?? [],
    calls: [],
    children: [],
  }),
  initial: 'active',
  on: {
    WORLD: { actions: { type: 'world', params: ({ event }) => ({ world: event.world }) } },
    END: '.ended',
  },
  states: {
    active: {
      always: { guard: 'expired', target: 'expired' },
      after: { untilExpiry: { target: 'expired', actions: 'atExpiry' } },
      on: {
        TICK: { actions: { type: 'tick', params: ({ event }) => ({ now: event.now }) } },
        CALL: { actions: { type: 'call', params: ({ event }) => ({ call: event.call }) } },
      },
    },
    expired: {
      on: {
        TICK: { actions: { type: 'tick', params: ({ event }) => ({ now: event.now }) } },
        // STS answers ExpiredToken; recording it lets the UI show AWS's error.
        CALL: { actions: { type: 'call', params: ({ event }) => ({ call: event.call }) } },
      },
    },
    ended: { type: 'final' },
  },
});
