// The query parameter that carries a sandbox's shared state, apart from the codec so code that
// only builds addresses (the embed code) does not pull in lz-string.
export function shareParam(scenario: string): string {
  return `sb-${scenario}`;
}
