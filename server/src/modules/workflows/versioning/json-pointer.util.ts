/** RFC 6901 escaping for one segment. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, segment: string | number): string {
  return `${base}/${escapeSegment(String(segment))}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
