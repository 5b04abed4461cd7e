export { explain } from './explain.ts';
export type { Lang } from './messages.ts';
