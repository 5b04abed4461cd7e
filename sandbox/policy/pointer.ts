// JSON pointers (RFC 6901) for findings and located values.

export function escapeSegment(segment: string | number): string {
  return typeof segment === 'number'
    ? String(segment)
    : segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function child(path: string, segment: string | number): string {
  return `${path}/${escapeSegment(segment)}`;
}
