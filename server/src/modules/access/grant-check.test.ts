import { createMongoAbility, subject } from '@casl/ability';
import type { AppRawRule } from './ability';
import { grantsBeyondHolder, type CandidateRule } from './grant-check';
import { confineToOrganisations } from './tenant-boundary';

const ORG = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const SUB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const confined = (rules: AppRawRule[], ids = [ORG]) => confineToOrganisations(rules, ids);
/** The granting rules alone, without the limits of what referrals shared that follow any rule on cases. */
const granted = (rules: AppRawRule[], ids = [ORG]) => confined(rules, ids).filter((rule) => !rule.inverted);
const candidates = (rules: AppRawRule[], ids = [ORG]): CandidateRule[] =>
  rules.flatMap((rule, index) => confined([rule], ids).map((effective) => ({ path: `rules[${index}]`, rule: effective })));

describe('confineToOrganisations', () => {
  it('adds the boundary to a rule that does not stay inside by itself, and keeps a rule that does as written', () => {
    expect(granted([{ action: 'read', subject: 'Case' }]).map((rule) => rule.conditions)).toEqual([{ orgId: { $in: [ORG] } }, { sharedWith: { $in: [ORG] } }]);
    const own = { action: 'read', subject: 'Case', conditions: { orgId: ORG } } as AppRawRule;
    expect(granted([own])).toEqual([own]);
    expect(granted([{ action: 'read', subject: 'Case', conditions: { assignees: 'u' } }]).map((rule) => rule.conditions)).toEqual([
      { assignees: 'u', orgId: { $in: [ORG] } },
      { assignees: 'u', sharedWith: { $in: [ORG] } },
    ]);
    // A condition on the same field is kept and narrowed: another organisation's id leaves nothing.
    expect(granted([{ action: 'read', subject: 'Case', conditions: { orgId: SUB } }]).map((rule) => rule.conditions)).toEqual([
      { orgId: { $eq: SUB, $in: [ORG] } },
      { orgId: SUB, sharedWith: { $in: [ORG] } },
    ]);
    expect(granted([{ action: 'read', subject: 'Role', conditions: { orgId: { $in: [ORG, SUB] } } }]).map((rule) => rule.conditions)).toEqual([{ orgId: { $in: [ORG] } }]);
  });

  it('spells out `all` per subject and leaves the template library read and clone only', () => {
    const rules = granted([{ action: 'manage', subject: 'all' }]);
    const subjects = rules.map((rule) => rule.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Case', 'User', 'Role', 'Organisation', 'FormTemplate']));
    expect(subjects).not.toContain('all');
    expect(rules.find((rule) => rule.subject === 'FormTemplate')!.action).toEqual(['read', 'clone']);
    expect(rules.filter((rule) => rule.subject === 'Case').map((rule) => rule.conditions)).toEqual([{ orgId: { $in: [ORG] } }, { sharedWith: { $in: [ORG] } }]);
    expect(rules.find((rule) => rule.subject === 'User')!.conditions).toEqual({ 'memberships.orgId': { $in: [ORG] } });
    expect(rules.find((rule) => rule.subject === 'Organisation')!.conditions).toEqual({ _id: { $in: [ORG] } });
  });

  it('limits the shareable groups of cases of other organisations to those a referral shared, after the granting rules', () => {
    const rules = confined([{ action: 'read', subject: 'Case' }]);
    const limits = rules.filter((rule) => rule.inverted);
    expect(rules.slice(-limits.length)).toEqual(limits);
    expect(limits.map((rule) => rule.fields)).toContainEqual(['narrative']);
    const ability = createMongoAbility(rules);
    const shared = (shareGroups: string[]) => subject('Case', { orgId: SUB, sharedWith: [ORG], shareGroups });
    expect(ability.can('read', shared([]))).toBe(true);
    expect(ability.can('read', shared([]), 'narrative')).toBe(false);
    expect(ability.can('read', shared([`${ORG}:narrative`]), 'narrative')).toBe(true);
    expect(ability.can('read', shared([`${SUB}:narrative`]), 'narrative')).toBe(false);
    expect(ability.can('read', subject('Case', { orgId: ORG, sharedWith: [], shareGroups: [] }), 'narrative')).toBe(true);
    expect(confined([{ action: 'read', subject: 'Form' }]).some((rule) => rule.inverted)).toBe(false);
  });

  it('passes inverted rules unchanged', () => {
    const inverted = { action: 'read', subject: 'Case', fields: ['narrative'], inverted: true } as AppRawRule;
    expect(confined([inverted])).toEqual([inverted]);
  });
});

describe('grantsBeyondHolder', () => {
  const caseworker = confined([
    { action: ['read', 'update'], subject: 'Case', fields: ['alias', 'identity'], conditions: { orgId: ORG } },
    { action: 'read', subject: 'Submission', conditions: { orgId: ORG } },
  ]);

  it('allows what the holder holds, per action, subject, field and condition', () => {
    expect(grantsBeyondHolder(caseworker, candidates([{ action: 'read', subject: 'Case', fields: ['alias'], conditions: { orgId: ORG, assignees: 'me' } }]))).toEqual([]);
  });

  it('names each permission beyond the holder with the path of its rule', () => {
    const problems = grantsBeyondHolder(caseworker, candidates([
      { action: 'read', subject: 'Case', fields: ['alias'], conditions: { orgId: ORG } },
      { action: ['read', 'delete'], subject: 'Case', fields: ['alias', 'narrative'], conditions: { orgId: ORG } },
      { action: 'read', subject: 'Case', conditions: { orgId: ORG } },
    ]));
    expect(problems).toEqual([
      { path: 'rules[1]', action: 'read', subject: 'Case', field: 'narrative' },
      { path: 'rules[1]', action: 'delete', subject: 'Case', field: 'alias' },
      { path: 'rules[1]', action: 'delete', subject: 'Case', field: 'narrative' },
      { path: 'rules[2]', action: 'read', subject: 'Case' },
    ]);
    // A rule confined in two ways (own organisation, shared with it) is still named once.
    expect(grantsBeyondHolder(caseworker, candidates([{ action: 'delete', subject: 'Case' }]))).toEqual([{ path: 'rules[0]', action: 'delete', subject: 'Case' }]);
  });

  it('refuses manage and all unless held as such', () => {
    const admin = confined([{ action: 'manage', subject: ['User', 'Role'], conditions: { orgId: { $in: [ORG, SUB] } } }], [ORG, SUB]);
    expect(grantsBeyondHolder(admin, candidates([{ action: 'manage', subject: 'all' }]))).not.toEqual([]);
    const platform: AppRawRule[] = [{ action: 'manage', subject: 'all' }];
    expect(grantsBeyondHolder(platform, [{ path: 'rules[0]', rule: { action: 'manage', subject: 'all' } }])).toEqual([]);
  });

  it('refuses a subtree grant to a holder confined to one organisation', () => {
    const holder = confined([{ action: 'manage', subject: 'Role' }], [ORG]);
    expect(grantsBeyondHolder(holder, candidates([{ action: 'read', subject: 'Role' }], [ORG]))).toEqual([]);
    expect(grantsBeyondHolder(holder, candidates([{ action: 'read', subject: 'Role' }], [ORG, SUB]))).toEqual([
      { path: 'rules[0]', action: 'read', subject: 'Role' },
    ]);
  });

  it('does not let a grant lift a restriction the holder lives under', () => {
    const holder: AppRawRule[] = [
      ...confined([{ action: 'read', subject: 'Case', conditions: { orgId: ORG } }]),
      { action: 'read', subject: 'Case', fields: ['narrative'], inverted: true },
    ];
    expect(grantsBeyondHolder(holder, candidates([{ action: 'read', subject: 'Case', fields: ['alias'], conditions: { orgId: ORG } }]))).toEqual([]);
    expect(grantsBeyondHolder(holder, candidates([{ action: 'read', subject: 'Case', conditions: { orgId: ORG } }]))).toEqual([
      { path: 'rules[0]', action: 'read', subject: 'Case' },
    ]);
    const withRestriction = [
      ...candidates([{ action: 'read', subject: 'Case', conditions: { orgId: ORG } }]),
      { path: 'rules[1]', rule: { action: 'read', subject: 'Case', fields: ['narrative'], inverted: true } as AppRawRule },
    ];
    expect(grantsBeyondHolder(holder, withRestriction)).toEqual([]);
  });
});

describe('confined rules as CASL and the database read them', () => {
  it('match only records inside the organisation, by their own organisation or by sharing', () => {
    const ability = createMongoAbility(confined([{ action: 'read', subject: 'Case', conditions: { assignees: 'u' } }, { action: 'read', subject: 'User' }]));
    const record = (fields: object) => subject('Case', { assignees: ['u'], sharedWith: [], ...fields });
    expect(ability.can('read', record({ orgId: ORG }))).toBe(true);
    expect(ability.can('read', record({ orgId: SUB }))).toBe(false);
    expect(ability.can('read', record({ orgId: SUB, sharedWith: [ORG] }))).toBe(true);
    expect(ability.can('read', subject('Case', { assignees: ['v'], orgId: ORG, sharedWith: [] }))).toBe(false);
    expect(ability.can('read', subject('User', { memberships: [{ orgId: SUB }, { orgId: ORG }] }))).toBe(true);
    expect(ability.can('read', subject('User', { memberships: [{ orgId: SUB }] }))).toBe(false);
    const narrowedAway = createMongoAbility(confined([{ action: 'read', subject: 'Case', conditions: { sharedWith: SUB } }]));
    expect(narrowedAway.can('read', record({ orgId: SUB, sharedWith: [SUB] }))).toBe(false);
    expect(narrowedAway.can('read', record({ orgId: ORG, sharedWith: [SUB] }))).toBe(true);
  });
});
