import { Types } from 'mongoose';
import { createAbility } from './ability';
import { can, jsonValue, permittedFields, withPermission } from './permissions';

// Checks convert only the fields the rules' conditions name; these tests pin that the decision is the same as on the
// whole record: ObjectIds compared as hex strings, dotted conditions, fields of a rule, and no condition at all.
const orgId = new Types.ObjectId();
const userId = new Types.ObjectId();
const submission = {
  orgId,
  assignees: [userId],
  formPath: 'needs-assessment',
  data: { narrative: 'x'.repeat(10_000), nested: { orgId: new Types.ObjectId() } },
};

describe('permission checks on records', () => {
  it('decides on ObjectId and array conditions as on the whole record', () => {
    const ability = createAbility([
      { action: 'read', subject: 'Submission', conditions: { orgId: orgId.toHexString(), assignees: userId.toHexString() } },
    ]);
    expect(can(ability, 'read', 'Submission', submission)).toBe(true);
    expect(can(ability, 'read', 'Submission', { ...submission, assignees: [new Types.ObjectId()] })).toBe(false);
    expect(can(ability, 'read', 'Submission', { ...submission, orgId: new Types.ObjectId() })).toBe(false);
  });

  it('reads dotted conditions inside a named field', () => {
    const ability = createAbility([
      { action: 'update', subject: 'User', conditions: { 'memberships.orgId': { $in: [orgId.toHexString()] } } },
    ]);
    expect(can(ability, 'update', 'User', { memberships: [{ orgId }], email: 'a@b.test' })).toBe(true);
    expect(can(ability, 'update', 'User', { memberships: [{ orgId: new Types.ObjectId() }] })).toBe(false);
  });

  it('allows a rule without conditions and refuses what no rule covers', () => {
    const ability = createAbility([{ action: 'read', subject: 'Form' }]);
    expect(can(ability, 'read', 'Form', { orgId, components: [] })).toBe(true);
    expect(can(ability, 'update', 'Form', { orgId, components: [] })).toBe(false);
  });

  it('lists the permitted fields of the rules whose conditions hold', () => {
    const ability = createAbility([
      { action: 'read', subject: 'Submission', fields: ['formPath', 'data'], conditions: { orgId: orgId.toHexString() } },
      { action: 'read', subject: 'Submission', fields: ['restrictedData'], conditions: { assignees: userId.toHexString() } },
      { action: 'read', subject: 'Submission', fields: ['confidentialData'], conditions: { assignees: 'someone-else' } },
    ]);
    expect(permittedFields(ability, 'read', 'Submission', submission).sort()).toEqual(['data', 'formPath', 'restrictedData']);
  });

  it('gives the same answer when the rules change', () => {
    const ability = createAbility([{ action: 'read', subject: 'Submission', conditions: { orgId: orgId.toHexString() } }]);
    expect(can(ability, 'read', 'Submission', submission)).toBe(true);
    ability.update([{ action: 'read', subject: 'Submission', conditions: { formPath: 'safety-plan' } }]);
    expect(can(ability, 'read', 'Submission', submission)).toBe(false);
    expect(can(ability, 'read', 'Submission', { ...submission, formPath: 'safety-plan' })).toBe(true);
  });
});

describe('records as JSON for the checks', () => {
  it('gives what a JSON round trip gives', () => {
    const record = {
      _id: new Types.ObjectId(),
      at: new Date('2026-11-24T08:00:00Z'),
      never: new Date('not a date'),
      ids: [new Types.ObjectId(), undefined, () => 1],
      counts: [1, Number.NaN, Infinity, -0],
      nested: { missing: undefined, flag: false, none: null, text: 'ä', deeper: [{ id: new Types.ObjectId() }] },
      call: () => 1,
      ['__proto__']: { polluted: true },
    };
    const converted = jsonValue(record);
    expect(converted).toEqual(JSON.parse(JSON.stringify(record)));
    expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('permission filters', () => {
  it('repeat a plain _id at the top level, where the embedded database looks it up by its index', () => {
    const ability = createAbility([{ action: 'read', subject: 'Case', conditions: { orgId: orgId.toHexString() } }]);
    const id = new Types.ObjectId();
    expect(withPermission(ability, 'read', 'Case', { _id: id })).toEqual({ _id: id, $and: [{ _id: id }, { $or: [{ orgId: orgId.toHexString() }] }] });
    expect(withPermission(ability, 'read', 'Case', { _id: id.toHexString() })._id).toBe(id.toHexString());
    expect(withPermission(ability, 'read', 'Case', { _id: { $in: [id] } })).not.toHaveProperty('_id');
    expect(withPermission(ability, 'read', 'Case', {})).not.toHaveProperty('_id');
  });
});
