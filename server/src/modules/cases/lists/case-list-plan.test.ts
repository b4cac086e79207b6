import { Types } from 'mongoose';
import {
  createAbility, ROLE_PRESETS, type RolePreset, effectiveRules, type OrganisationFrame,
} from '../../access/testing';
import { can, permittedFields, PLATFORM_ROLE_PRESETS } from '../../access';
import { boundariesOf, inList, subjectOf, type CaseListEntry } from './case-list-entry';
import { LIST_FIELDS, listPlanOf, planOfRules, type ListSource } from './case-list-plan';

// The list plan is derived from the same CASL rules that decide on one case. For every role preset (every demo role),
// acting in an organisation with a child below it, and for cases of every combination of owner, sharing, assignees
// and consents, a case is in one of the plan's sources exactly when `ability.can('read', case)`, never in two, and a
// field group the plan calls readable on all (none) of a source's cases is readable on each (none) of them.

const hex = () => new Types.ObjectId().toHexString();
const org = new Types.ObjectId();
const child = new Types.ObjectId();
const other = hex();
const third = hex();
const user = hex();
const colleague = hex();
const frame: OrganisationFrame = { org: { _id: org, country: 'FI', ancestorIds: [] }, treeIds: [org, child] };

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);
}

const cases: CaseListEntry[] = [];
for (const owner of [org.toHexString(), child.toHexString(), other]) {
  // A case is never shared with the organisation that holds it (sharing and referrals refuse it).
  for (const sharedWith of subsets([org.toHexString(), other, third]).filter((orgs) => !orgs.includes(owner))) {
    for (const assignees of subsets([user, colleague])) {
      for (const consents of subsets(['police', 'nas'])) {
        cases.push({
          i: hex(), v: 0, o: owner, r: 'HEL-2025-00001', a: 'Alias', as: assignees, sw: sharedWith, cg: consents,
          st: ['intake'], s: 'active', d: null, u: 0, c: 0,
        });
      }
    }
  }
}

/** The case as the permission layer sees a stored case: consents with their `given`, ids as hex strings. */
const record = (entry: CaseListEntry) => ({
  ...subjectOf(entry),
  consents: Object.fromEntries(['police', 'nas', 'iom'].map((key) => [key, { given: entry.cg.includes(key), givenOn: null }])),
  workflow: { activeStages: entry.st },
});

function inSource(entry: CaseListEntry, source: ListSource): boolean {
  const boundary = source.boundary === '*' ? `o:${entry.o}` : source.boundary;
  return boundariesOf(entry).includes(boundary) && source.facets.every((facet) => inList(entry, boundary, facet));
}

const presets: Array<{ preset: RolePreset; orgId: Types.ObjectId | null }> = [
  ...ROLE_PRESETS.map((preset) => ({ preset, orgId: org })),
  ...PLATFORM_ROLE_PRESETS.map((preset) => ({ preset, orgId: null })),
];

describe.each(presets.map(({ preset, orgId }) => [preset.key, preset, orgId] as const))('the list plan of %s', (_key, preset, orgId) => {
  const ability = createAbility(effectiveRules({ orgId, preset: preset.key, rules: preset.rules }, frame, user));
  const plan = listPlanOf(ability);

  it('exists: every demo role is answered from the lists', () => {
    expect(plan).not.toBeNull();
  });

  it('holds exactly the cases the role may read, each once', () => {
    for (const entry of cases) {
      const sources = plan!.sources.filter((source) => inSource(entry, source));
      expect({ case: entry, listed: sources.length > 0 }).toEqual({ case: entry, listed: can(ability, 'read', 'Case', record(entry)) });
      expect(sources.length).toBeLessThanOrEqual(1);
    }
  });

  it('says rightly where the list field groups are readable', () => {
    for (const source of plan!.sources) {
      for (const entry of cases.filter((item) => inSource(item, source))) {
        const readable = new Set(permittedFields(ability, 'read', 'Case', record(entry)));
        // Deciding on the entry is deciding on the case.
        expect(new Set(permittedFields(ability, 'read', 'Case', subjectOf(entry)))).toEqual(readable);
        for (const field of LIST_FIELDS) {
          if (source.fields[field] === 'all') expect({ field, readable: readable.has(field) }).toEqual({ field, readable: true });
          if (source.fields[field] === 'none') expect({ field, readable: readable.has(field) }).toEqual({ field, readable: false });
        }
      }
    }
  });
});

describe('rules the lists cannot answer exactly', () => {
  it('fall back to the database query', () => {
    const rule = (conditions: Record<string, unknown>) => ({ inverted: false, conditions });
    expect(planOfRules([rule({ orgId: other, 'identity.nationality': 'UA' })])).toBeNull();
    expect(planOfRules([rule({ orgId: { $ne: other } })])).toBeNull();
    expect(planOfRules([rule({ orgId: other, 'consents.police.given': false })])).toBeNull();
    expect(planOfRules([{ inverted: true, conditions: { orgId: other } }, rule({ orgId: other })])).toBeNull();
    // Two narrower sources of one boundary could hold the same case twice.
    expect(planOfRules([rule({ orgId: other, assignees: user }), rule({ orgId: other, 'consents.police.given': true })])).toBeNull();
    // Shared with another organisation than one's own: a case of X shared with Y is in o:X and s:Y.
    expect(planOfRules([rule({ orgId: other }), rule({ sharedWith: third })])).toBeNull();
  });

  it('keep only the widest of nested sources', () => {
    const plan = planOfRules([
      { inverted: false, conditions: { orgId: other }, fields: ['reference'] },
      { inverted: false, conditions: { orgId: other, assignees: user }, fields: ['workflow'] },
    ]);
    expect(plan?.sources).toEqual([{ boundary: `o:${other}`, facets: [], fields: { reference: 'all', alias: 'none', assignees: 'none', workflow: 'partial' } }]);
  });
});
