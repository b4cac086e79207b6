import { conditionImplies } from './condition-implication';

describe('conditionImplies', () => {
  const inside = { $or: [{ orgId: { $in: ['a', 'b'] } }, { sharedWith: { $in: ['a', 'b'] } }] };

  it('holds for no condition on the wide side and never for no condition on the narrow side', () => {
    expect(conditionImplies({ orgId: 'a' }, undefined)).toBe(true);
    expect(conditionImplies(undefined, { orgId: 'a' })).toBe(false);
    expect(conditionImplies({}, inside)).toBe(false);
  });

  it('reads exact values, $eq and $in as sets of allowed values', () => {
    expect(conditionImplies({ orgId: 'a' }, { orgId: { $in: ['a', 'b'] } })).toBe(true);
    expect(conditionImplies({ orgId: { $eq: 'a' } }, { orgId: 'a' })).toBe(true);
    expect(conditionImplies({ orgId: { $in: ['a'] } }, { orgId: 'a' })).toBe(true);
    expect(conditionImplies({ orgId: { $in: ['a', 'c'] } }, { orgId: { $in: ['a', 'b'] } })).toBe(false);
    expect(conditionImplies({ orgId: 'c' }, { orgId: { $in: ['a', 'b'] } })).toBe(false);
  });

  it('lets extra conjuncts narrow further, never widen', () => {
    expect(conditionImplies({ orgId: 'a', assignees: 'u' }, { orgId: 'a' })).toBe(true);
    expect(conditionImplies({ assignees: 'u' }, { orgId: 'a', assignees: 'u' })).toBe(false);
    expect(conditionImplies({ $and: [{ orgId: 'a' }, { assignees: 'u' }] }, { orgId: 'a', assignees: 'u' })).toBe(true);
  });

  it('proves an $or on the wide side from one option and on the narrow side from every option', () => {
    expect(conditionImplies({ orgId: 'a' }, inside)).toBe(true);
    expect(conditionImplies({ sharedWith: 'b' }, inside)).toBe(true);
    expect(conditionImplies({ assignees: 'u' }, inside)).toBe(false);
    expect(conditionImplies({ $or: [{ orgId: 'a' }, { sharedWith: 'b' }] }, inside)).toBe(true);
    expect(conditionImplies({ $or: [{ orgId: 'a' }, { assignees: 'u' }] }, inside)).toBe(false);
    expect(conditionImplies({ $and: [{ assignees: 'u' }, inside] }, inside)).toBe(true);
  });

  it('treats operators it does not know as unproven', () => {
    expect(conditionImplies({ orgId: { $ne: 'x' } }, { orgId: { $in: ['a'] } })).toBe(false);
    expect(conditionImplies({ $nor: [{ orgId: 'x' }] }, { orgId: 'a' })).toBe(false);
    expect(conditionImplies({ age: { $gt: 3 } }, { age: { $gt: 3 } })).toBe(true);
  });

  it('stays bounded on deeply nested input', () => {
    let deep: Record<string, unknown> = { orgId: 'a' };
    for (let index = 0; index < 10_000; index += 1) deep = { $and: [deep] };
    expect(conditionImplies(deep, { orgId: 'a' })).toBe(false);
  });
});
