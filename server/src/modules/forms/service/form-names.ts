import { readableById, type ServiceContext } from '../../access';
import { formModel } from '../storage/form.model';

/** The forms among `ids` this reader may read, by title, with the path that workflows name them by. */
export async function nameForms(ctx: ServiceContext, ids: string[]): Promise<Map<string, { text: string; detail: string }>> {
  const forms = await readableById(formModel(ctx.db), ctx.auth.ability, 'Form', ids, { title: 1, path: 1, orgId: 1 }, 'title');
  return new Map([...forms].map(([id, form]) => [id, { text: form.title, detail: form.path }]));
}
