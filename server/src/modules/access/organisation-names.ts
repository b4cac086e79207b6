import { organisationModel } from '../tenants';
import { readableById } from './readable-by-id';
import type { ServiceContext } from './service-context';

/** The organisations among `ids` this reader may read, by name, with the short name (slug) they are known by. */
export async function nameOrganisations(ctx: ServiceContext, ids: string[]): Promise<Map<string, { text: string; detail: string }>> {
  const organisations = await readableById(organisationModel(ctx.db), ctx.auth.ability, 'Organisation', ids, { name: 1, slug: 1 }, 'name');
  return new Map([...organisations].map(([id, org]) => [id, { text: org.name, detail: org.slug }]));
}
