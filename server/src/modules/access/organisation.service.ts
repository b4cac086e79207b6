import { forbidden, notFound } from '../../core/errors/app-error';
import { auditedWrite } from '../audit';
import { organisationModel, type Organisation } from '../tenants';
import { permittedFields, withPermission } from './permissions';
import { auditActor, type ServiceContext } from './service-context';

export async function listOrganisations(ctx: ServiceContext): Promise<Organisation[]> {
  return organisationModel(ctx.db).find(withPermission(ctx.auth.ability, 'read', 'Organisation')).sort({ slug: 1 }).lean();
}

export async function getOrganisation(ctx: ServiceContext, id: string): Promise<Organisation> {
  const org = await organisationModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Organisation', { _id: id })).lean();
  if (!org) throw notFound();
  return org;
}

/** Changes the name or jurisdiction parameters, each only where the rules permit that field. */
export async function updateOrganisation(
  ctx: ServiceContext,
  id: string,
  input: { name?: string; parameters?: Record<string, string | number | boolean> },
): Promise<Organisation> {
  const org = await getOrganisation(ctx, id);
  const allowed = permittedFields(ctx.auth.ability, 'update', 'Organisation', org);
  const changing = Object.keys(input);
  if (changing.length === 0 || changing.some((field) => !allowed.includes(field))) throw forbidden();
  const set: Record<string, unknown> = {};
  if (input.name) set.name = input.name;
  for (const [name, value] of Object.entries(input.parameters ?? {})) set[`parameters.${name}`] = value;
  const updated = await auditedWrite(ctx.db, auditActor(ctx), { action: 'update', subjectType: 'Organisation', subjectId: String(org._id) }, () =>
    organisationModel(ctx.db).findOneAndUpdate({ _id: org._id }, { $set: set }, { returnDocument: 'after' }).lean(),
  );
  return updated!;
}
