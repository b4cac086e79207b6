import { Types } from 'mongoose';
import type { CaseSummary, CaseView } from '../../../contracts/cases/case-view.types';
import { createAbility, type AppRawRule } from '../../access/testing';
import type { ServiceContext } from '../../access';
import type { CaseRecord } from '../storage/case.model';
import { presentCase, presentCaseSummary } from './case-presenter';

// What the cases API answers with is the contract's CaseView and CaseSummary (server/src/contracts/cases), which the
// client reads; these pin that the presenters send only the permitted groups and nothing the contract keeps back.
const orgId = new Types.ObjectId();
const now = new Date('2025-06-01T12:00:00.000Z');
const due = (iso: string) => ({ key: `k-${iso}`, stagePath: 'assistance/plan', deadlineId: 'planReview', dueAt: new Date(iso) });

const record: CaseRecord = {
  _id: new Types.ObjectId(),
  reference: 'HEL-2025-0001',
  orgId,
  assignees: ['a1'],
  alias: 'Maria',
  identity: { birthDate: '2001-02-03', languages: ['ro'], ageUncertain: false },
  safeAccommodation: { kind: 'shelter' },
  narrative: { text: 'never shown without the narrative group' },
  narrativeSummary: null,
  criminalProceedings: null,
  proceedingsSummary: null,
  integration: {},
  plan: { goals: [{ id: 'g1', stop: 'legalAssistance', description: 'Lawyer', status: 'planned' }], reviewDates: [], obstacles: [], riskFlags: [] },
  consents: { nas: { given: true, givenOn: '2025-01-02', withdrawn: false } },
  sharedWith: [],
  version: 4,
  createdBy: 'u1',
  createdAt: new Date('2025-01-01T00:00:00.000Z'),
  updatedAt: new Date('2025-05-01T00:00:00.000Z'),
  workflow: {
    source: 'template', definitionId: 'finland-municipality', version: 2, jurisdiction: 'fi',
    snapshot: { status: 'active', value: { assistance: 'plan' }, stageEntries: { assistance: '2025-02-01T00:00:00.000Z' } },
    activeStages: ['assistance', 'assistance/plan'],
    deadlines: [due('2025-05-01T00:00:00.000Z'), due('2025-07-01T00:00:00.000Z')],
    nextDueAt: new Date('2025-05-01T00:00:00.000Z'),
    firedTimers: ['timer-1'],
    dates: {}, fields: {}, tasks: [], requiredForms: [], consentRequests: [], childBranch: null, submissions: [], timeline: [],
  },
};

const contextWith = (rules: AppRawRule[]) => ({ auth: { ability: createAbility(rules) } }) as unknown as ServiceContext;

describe('presentCase', () => {
  it('sends the permitted groups only, the workflow without its timer bookkeeping and with the deadlines already due', () => {
    const ctx = contextWith([{ action: 'read', subject: 'Case', fields: ['reference', 'orgId', 'alias', 'workflow', 'plan', 'consents', 'identity'] }]);
    const { body, sensitive } = presentCase(ctx, record, now);
    const view: CaseView<Date> = body;
    expect(Object.keys(view).sort()).toEqual(['alias', 'consents', 'createdAt', 'id', 'identity', 'orgId', 'plan', 'reference', 'updatedAt', 'version', 'workflow']);
    expect(view.id).toBe(record._id.toHexString());
    expect(view.orgId).toBe(orgId.toHexString());
    expect(view.workflow).not.toHaveProperty('firedTimers');
    expect(view.workflow?.overdue.map((deadline) => deadline.dueAt.toISOString())).toEqual(['2025-05-01T00:00:00.000Z']);
    expect(view.plan?.goals?.[0]?.stop).toBe('legalAssistance');
    // Reading a sensitive group is audited by name.
    expect(sensitive).toEqual(['identity']);
  });

  it('answers a reader of nothing with the bookkeeping alone', () => {
    const { body, sensitive } = presentCase(contextWith([{ action: 'read', subject: 'Case', fields: ['reference'] }]), record, now);
    expect(body).toEqual({ id: record._id.toHexString(), version: 4, createdAt: record.createdAt, updatedAt: record.updatedAt, reference: 'HEL-2025-0001' });
    expect(sensitive).toEqual([]);
  });

  it('sends JSON the client reads as the contract says: dates as ISO text', () => {
    const ctx = contextWith([{ action: 'read', subject: 'Case', fields: ['workflow'] }]);
    const wire = JSON.parse(JSON.stringify(presentCase(ctx, record, now).body)) as CaseView;
    expect(wire.updatedAt).toBe('2025-05-01T00:00:00.000Z');
    expect(wire.workflow?.nextDueAt).toBe('2025-05-01T00:00:00.000Z');
    expect(wire.workflow?.snapshot).toEqual(record.workflow.snapshot);
  });
});

describe('presentCaseSummary', () => {
  it('is a row without sensitive groups, with the position flattened where the workflow group is readable', () => {
    const row: CaseSummary<Date> = presentCaseSummary(contextWith([{ action: 'read', subject: 'Case', fields: ['reference', 'workflow'] }]), record, now);
    expect(row).toEqual({
      id: record._id.toHexString(), version: 4, reference: 'HEL-2025-0001', alias: undefined, assignees: undefined,
      status: 'active', stages: ['assistance', 'assistance/plan'], nextDueAt: record.workflow.nextDueAt, overdue: true, updatedAt: record.updatedAt,
    });
    const blind = presentCaseSummary(contextWith([{ action: 'read', subject: 'Case', fields: ['alias'] }]), record, now);
    expect(blind).not.toHaveProperty('stages');
    expect(blind.alias).toBe('Maria');
  });
});
