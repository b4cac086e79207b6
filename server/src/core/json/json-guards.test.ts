import { cloneJson } from './json-guards';

describe('cloneJson', () => {
  it('copies nested objects and arrays so that changing the copy leaves the original alone', () => {
    const original = { a: [{ b: 1 }, [2, null]], c: { d: 'x', e: true } };
    const copy = cloneJson(original);
    expect(copy).toEqual(original);
    (copy.a[0] as { b: number }).b = 9;
    copy.c.d = 'y';
    expect(original).toEqual({ a: [{ b: 1 }, [2, null]], c: { d: 'x', e: true } });
  });

  it('keeps a "__proto__" key as data instead of setting the prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as Record<string, unknown>;
    const copy = cloneJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'name']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });
});
