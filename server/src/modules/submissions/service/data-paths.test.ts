import { unstorableKeys } from './data-paths';

// MongoDB cannot store a key with a dot or a leading dollar; a submission holding one is refused with their paths.
describe('keys the database cannot store', () => {
  it('are found at any depth, in objects and rows, with their paths', () => {
    const data = { name: 'A', household: [{ age: 3 }, { 'first.name': 'B', $where: 'x' }], map: { a: { 'b.c': { $gt: '' } } } };
    expect(unstorableKeys(data)).toEqual(['household[1].first.name', 'household[1].$where', 'map.a.b.c', 'map.a.b.c.$gt']);
  });

  it('are none in an ordinary submission', () => {
    expect(unstorableKeys({ name: 'A', price$: 3, household: [{ age: 3, tags: ['a.b', '$x'] }], empty: {} })).toEqual([]);
  });
});
