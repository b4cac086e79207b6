import { Types } from 'mongoose';

/**
 * A comparator for a sort on top-level fields (`{ title: 1, _id: 1 }`), in the order the database sorts the values
 * records hold (null and missing first, then numbers, strings, ObjectIds and dates by value), for small sets read by
 * `_id` and sorted here instead of by a query the embedded database would answer by reading every document.
 */
export function documentOrder<T extends object>(sort: Record<string, 1 | -1>): (a: T, b: T) => number {
  const keyOf = (value: unknown) => (value instanceof Date ? value.getTime() : value instanceof Types.ObjectId ? value.toHexString() : value);
  const fields = Object.entries(sort);
  return (a, b) => {
    for (const [field, direction] of fields) {
      const x = keyOf((a as Record<string, unknown>)[field]);
      const y = keyOf((b as Record<string, unknown>)[field]);
      if (x === y) continue;
      if (x === undefined || x === null) return -direction;
      if (y === undefined || y === null) return direction;
      return (x as number | string) < (y as number | string) ? -direction : direction;
    }
    return 0;
  };
}
