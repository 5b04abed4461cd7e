// What every STS function receives: the world, the simulated time and the sessions handed
// out so far. Nothing else: the functions are pure and deterministic.
import type { Session, World } from '../world/types.ts';

export interface StsEnv {
  readonly world: World;
  /** Milliseconds since the epoch on the simulated clock. */
  readonly now: number;
  readonly sessions: readonly Session[];
}
