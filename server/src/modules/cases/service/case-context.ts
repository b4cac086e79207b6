import type { CaseContext, EvaluationContext } from '../../workflows';
import type { CaseRecord } from '../storage/case.model';
import { guardFormData, type KnownFormData } from './case-form-data';
import type { CaseRuntime } from './case-runtime';

type CaseForContext = Pick<CaseRecord, '_id' | 'identity' | 'consents' | 'workflow'> & Partial<Pick<CaseRecord, 'plan'>>;

function ageOn(birthDate: string, now: Date): number {
  const born = new Date(`${birthDate}T00:00:00Z`);
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/**
 * What guards see of the case. A withdrawn consent counts as not given. Presumed-child rule (DOMAIN.md): a person
 * under the jurisdiction's child age limit, or whose age is uncertain, is a child, whatever else was entered.
 */
export function caseContextOf(record: CaseForContext, params: Record<string, unknown>, now: Date): CaseContext {
  const identity = record.identity as { birthDate?: string; estimatedAge?: number; ageUncertain?: boolean };
  const age = identity.birthDate ? ageOn(identity.birthDate, now) : identity.estimatedAge;
  const limit = typeof params.childAgeLimit === 'number' ? params.childAgeLimit : 18;
  return {
    id: String(record._id),
    person: {
      ...(age !== undefined ? { age } : {}),
      ageUncertain: identity.ageUncertain ?? false,
      isChild: identity.ageUncertain === true || (age !== undefined && age < limit),
    },
    consents: Object.fromEntries(Object.entries(record.consents ?? {}).map(([k, c]) => [k, { given: c.given && !c.withdrawn }])),
    dates: { ...record.workflow.dates },
    fields: { ...record.workflow.fields },
    needs: { ...(record.plan?.needs ?? {}) },
  };
}

/**
 * The context guards are evaluated in. `known` is the data of a submission being applied to the case right now, so
 * that its row, just written, is not read back.
 */
export async function evaluationContext(
  rt: CaseRuntime,
  record: CaseForContext & Pick<CaseRecord, 'orgId'>,
  known?: KnownFormData,
): Promise<EvaluationContext> {
  const [params, submissions] = await Promise.all([
    rt.catalog.parameters(record.orgId, record.workflow.jurisdiction),
    guardFormData(rt.db, record._id, record.workflow.submissions, known),
  ]);
  return { case: caseContextOf(record, params, rt.clock.now()), submissions, params };
}
