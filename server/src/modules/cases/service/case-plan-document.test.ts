import type { TFunction } from 'i18next';
import type { CasePlan } from '../../../contracts/cases/case.schemas';
import type { ExportLanguage, PdfBlock } from '../../export';
import { planDocument, type PlanView } from './case-plan-document';

// The plan of assistance as a document reads the plan through the contract's one CasePlan type (the schema the API
// validates it with, plus the service tracks' states the workflow keeps).
const t = ((key: string, options?: { defaultValue?: string; [name: string]: unknown }) => {
  const values = Object.entries(options ?? {}).filter(([name]) => name !== 'defaultValue' && name !== 'lng');
  return values.length ? `${key}(${values.map(([name, value]) => `${name}=${String(value)}`).join(',')})` : key;
}) as unknown as TFunction;
const lang: ExportLanguage = { language: 'en', locale: 'en', rtl: false, t };
const now = new Date('2025-06-01T12:00:00.000Z');

const plan: CasePlan = {
  ownGoals: 'Find work and a home',
  goals: [
    { id: 'g1', stop: 'legalAssistance', description: 'See a lawyer', provider: 'Legal aid', status: 'inProgress', dueDate: '2025-07-01' },
    { id: 'g2', stop: 'languageCourses', description: 'Finnish course', status: 'planned' },
  ],
  reviewDates: ['2025-09-01', '2025-08-01'],
  obstacles: ['unwillingToReport'],
  riskFlags: [{ flag: 'trafficker', level: 'high', note: 'Was seen nearby' }],
  services: { legalAssistance: 'inProgress' },
  checkpoints: { languageCheckpoint: 'pending' },
};

const view = (extra: Partial<PlanView> = {}): PlanView => ({ plan, createdAt: new Date('2025-01-01T00:00:00.000Z'), reference: 'HEL-1', omitted: false, ...extra });
const headings = (blocks: PdfBlock[]) => blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));

describe('planDocument', () => {
  it('writes the plan: goals, one entry per action, the road map (frame, 21 stops, checkpoints, obstacles), risks and review dates in order', () => {
    const { blocks } = planDocument(view({ integration: { languageLevel: 'A2' } }), lang, now);
    expect(headings(blocks)).toEqual(['planPdf.case', 'plan.goals', 'plan.actions', 'roadMap.title', 'roadMap.stops', 'roadMap.checkpoints', 'roadMap.obstacles', 'planPdf.risks', 'plan.reviews']);
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'roadMap.desiredStateLabel roadMap.desiredState' });
    const stops = blocks.find((block) => block.kind === 'facts' && block.rows.length === 21);
    expect(stops?.kind === 'facts' && stops.rows.find((row) => row.label === 'plan.stops.legalAssistance')).toEqual({
      label: 'plan.stops.legalAssistance',
      value: 'plan.serviceStates.inProgress · roadMap.actionsPlanned(n=1)',
    });
    expect(blocks).toContainEqual({
      kind: 'facts',
      rows: [
        { label: 'plan.stops.languageCheckpoint', value: 'plan.serviceStates.pending — roadMap.languageLevel(level=A2)' },
        { label: 'plan.stops.legalStatusCheckpoint', value: 'roadMap.notOnTheWay — roadMap.noEvidence' },
      ],
    });
    const entries = blocks.filter((block) => block.kind === 'entry');
    expect(entries.map((entry) => entry.kind === 'entry' && [entry.title, entry.detail])).toEqual([
      ['plan.stops.legalAssistance', 'See a lawyer'],
      ['plan.stops.languageCourses', 'Finnish course'],
    ]);
    // Assistance never depends on cooperating with the police: the obstacle carries the note.
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'planPdf.policeNote', muted: true });
    expect(blocks).toContainEqual({ kind: 'list', items: ['trafficker: plan.riskLevels.high — Was seen nearby'] });
    const reviews = blocks.at(-1);
    expect(reviews?.kind === 'list' && reviews.items).toEqual(['August 1, 2025', 'September 1, 2025']);
  });

  it('says there are no actions for an empty plan, and adds deadlines and consents only for their readers', () => {
    const empty = planDocument(view({ plan: {} }), lang, now).blocks;
    expect(empty).toContainEqual({ kind: 'paragraph', text: 'planPdf.noActions', muted: true });
    expect(headings(empty)).not.toContain('caseDetail.deadlines');

    const full = planDocument(
      view({
        plan: {},
        workflow: { workflowId: 'finland-municipality', activeStages: ['assistance', 'assistance/plan'], deadlines: [{ key: 'k', stagePath: 'assistance/plan', deadlineId: 'planReview', dueAt: new Date('2025-05-01T00:00:00.000Z') }] },
        consents: { nas: { given: true, givenOn: '2025-01-02', withdrawn: false } },
        omitted: true,
      }),
      lang,
      now,
    ).blocks;
    expect(headings(full)).toEqual(['planPdf.case', 'plan.goals', 'plan.actions', 'roadMap.title', 'roadMap.stops', 'roadMap.checkpoints', 'roadMap.obstacles', 'caseDetail.deadlines', 'caseDetail.consents']);
    expect(full).toContainEqual({ kind: 'list', items: ['workflows:finland-municipality.deadlines.planReview (workflows:finland-municipality.stages.plan): May 1, 2025 — cases.overdue'] });
    expect(full).toContainEqual({ kind: 'facts', rows: [{ label: 'consent.recipients.nas', value: 'consent.given(date=January 2, 2025)' }] });
    expect(full.at(-1)).toEqual({ kind: 'paragraph', text: 'planPdf.omitted', muted: true });
  });
  it('names a stage an administrator added by the name she gave it in the pinned version, in the reader\'s language, else English', () => {
    const stageNames = { legalCounselling: { en: 'Legal counselling', fi: 'Oikeudellinen neuvonta' } };
    const workflow = {
      workflowId: 'finland-municipality',
      stageNames,
      activeStages: ['legalCounselling'],
      deadlines: [{ key: 'k', stagePath: 'legalCounselling', deadlineId: 'counselling', dueAt: new Date('2025-07-01T00:00:00.000Z') }],
    };
    const stageFact = (language: string) => {
      const { blocks } = planDocument(view({ plan: {}, workflow }), { ...lang, language }, now);
      const facts = blocks.find((block) => block.kind === 'facts');
      return { stage: facts?.kind === 'facts' && facts.rows.find((row) => row.label === 'planPdf.stage')?.value, blocks };
    };
    const finnish = stageFact('fi');
    expect(finnish.stage).toBe('Oikeudellinen neuvonta');
    expect(finnish.blocks).toContainEqual({ kind: 'list', items: ['workflows:finland-municipality.deadlines.counselling (Oikeudellinen neuvonta): July 1, 2025'] });
    expect(stageFact('da').stage).toBe('Legal counselling');
    // Stages the administrator named none of are named by the translations, as before.
    const { blocks } = planDocument(view({ plan: {}, workflow: { ...workflow, activeStages: ['assistance', 'assistance/plan'] } }), lang, now);
    expect(blocks).toContainEqual(expect.objectContaining({ kind: 'facts', rows: expect.arrayContaining([{ label: 'planPdf.stage', value: 'workflows:finland-municipality.stages.plan' }]) }));
  });
});
