export {
  advanceMinutes,
  advanceSeconds,
  createClock,
  DEFAULT_CLOCK_START,
  isoSeconds,
  parseTime,
} from './clock.ts';
export type { SimClock } from './clock.ts';
