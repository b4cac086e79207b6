import { readableById, type ServiceContext } from '../../access';
import { caseModel } from '../storage/case.model';

/**
 * The cases among `ids` whose reference this reader may read, by reference (what the audit log names a case by):
 * never the alias or anything else of the person.
 */
export async function nameCases(ctx: ServiceContext, ids: string[]): Promise<Map<string, { text: string }>> {
  const cases = await readableById(caseModel(ctx.db), ctx.auth.ability, 'Case', ids, { reference: 1 }, 'reference');
  return new Map([...cases].map(([id, record]) => [id, { text: record.reference }]));
}
