import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { blockedEvents, endingEvents } from './event-blockers';
import type { EvaluationContext } from './evaluation-context.types';

const def = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../workflows/finland-municipality.json'), 'utf8')) as WorkflowDefinition;
const at = '2026-01-01T00:00:00.000Z';
const ctx = (consents: Record<string, { given: boolean }>, submissions: Record<string, Record<string, unknown>> = {}): EvaluationContext => ({
  case: { id: 'c', person: { ageUncertain: false, isChild: false }, consents, dates: {}, fields: {}, needs: {} },
  submissions,
  params: {},
});

describe('events not offered, with their reasons', () => {
  const atReferral = { status: 'active' as const, value: 'nasReferral', stageEntries: { nasReferral: at } };

  it('names the missing form and the missing consent to the NAS', () => {
    expect(blockedEvents(def, atReferral, ctx({}), new Set())).toContainEqual({
      type: 'referToNas',
      reasons: [{ kind: 'forms', forms: ['safety-plan'] }, { kind: 'consent', recipient: 'nas' }],
    });
  });

  it('lists nothing for an event that is offered, and only the consent once the form is there', () => {
    const withForm = ctx({}, { 'safety-plan': {} });
    expect(blockedEvents(def, atReferral, withForm, new Set(['continueWithoutNas'])).find((e) => e.type === 'referToNas')).toEqual({
      type: 'referToNas',
      reasons: [{ kind: 'consent', recipient: 'nas' }],
    });
    expect(blockedEvents(def, atReferral, ctx({ nas: { given: true } }, { 'safety-plan': {} }), new Set(['referToNas']))).toEqual([]);
  });

  it('knows the events that end the case', () => {
    expect(endingEvents(def, atReferral)).toEqual(['caseClosed']);
    expect(endingEvents(def, { status: 'active', value: 'intake', stageEntries: { intake: at } })).toEqual(['referralDeclined']);
  });
});
