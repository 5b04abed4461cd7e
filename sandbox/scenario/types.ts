// A loaded scenario: the world with its documents, the goals to reach and the solution.
// Plain JSON data, like the world, so that the UI can store and share it.
import type { Localized } from '../policy/types.ts';
import type { StsCall } from '../sts/types.ts';
import type { DocId, World } from '../world/types.ts';
import type { Expectation } from './schema.ts';

export type { Expectation };

/** How the first caller of an attempt signed in. */
export type SignIn = 'access-keys' | 'console' | 'console-mfa';

export interface Step {
  /** Fast-forward the simulated clock by this many minutes before the call. */
  readonly advanceMinutes?: number;
  readonly call: StsCall;
}

export interface Attempt {
  readonly id: string;
  readonly title: Localized;
  /** A user name, a user ARN or a role ARN; absent for SAML and web identity. */
  readonly as?: string;
  readonly signIn?: SignIn;
  /** Each step after the first uses the credentials the previous step returned. */
  readonly steps: readonly Step[];
}

export interface Goal extends Attempt {
  readonly expect: Expectation;
}

/** A numbered exercise of the chapter: its own goals and its own hint ladder. */
export interface Exercise {
  readonly id: string;
  readonly title: Localized;
  /** What the exercise asks, as the chapter words it. */
  readonly instructions: Localized;
  /** Ids of the scenario goals that belong to this exercise. */
  readonly goals: readonly string[];
  /** Hints for this exercise only, revealed one at a time. */
  readonly hints: readonly Localized[];
}

export interface Scenario {
  readonly id: string;
  readonly version: number;
  readonly title: Localized;
  readonly description: Localized;
  /** Milliseconds since the epoch where the simulated clock starts. */
  readonly clockStart: number;
  /** The start state: documents as the learner first sees them. */
  readonly world: World;
  readonly editable: readonly DocId[];
  readonly attempts: readonly Attempt[];
  /** Every goal of every exercise, flat (the world diagram and progress read this). */
  readonly goals: readonly Goal[];
  /** In the chapter's order: exercise 1 first. */
  readonly exercises: readonly Exercise[];
  /** Replacement texts for changed documents (the `solution/` overlay), by document id. */
  readonly solution: Readonly<Record<DocId, string>>;
}
