// JSON pointers (RFC 6901) for findings and located values.

export function escapeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  // Nearly every key and Sid has neither character: skip the two copies.
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function child(path: string, segment: string | number): string {
  return `${path}/${escapeSegment(segment)}`;
}
