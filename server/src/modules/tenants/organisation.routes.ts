import express, { type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors/app-error';
import { parseInput } from '../../core/http/validate';
import { requireAuth } from '../access/authenticate.middleware';
import { permittedFields, withPermission } from '../access/permissions';
import { auditActor, serviceContext } from '../access/service-context';
import { recordAudit } from '../audit/audit.service';
import { organisationModel, type Organisation } from './organisation.model';
import { underPaths } from '../../core/http/under-paths';

const PARAMETER_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;
const updateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    // Jurisdiction parameters: ISO 8601 durations, amounts, codes. Names are keys, so no dots or $.
    parameters: z.record(z.string().regex(PARAMETER_NAME), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  })
  .strict();

const present = (org: Organisation) => ({
  id: org._id,
  slug: org.slug,
  name: org.name,
  country: org.country,
  type: org.type,
  parentId: org.parentId,
  parameters: org.parameters,
  oidc: org.oidc ? { issuer: org.oidc.issuer } : null,
});

export function organisationRoutes(db: Connection): RequestHandler {
  const router = express.Router();
  router.use('/organisations', requireAuth);
  router.get('/organisations', async (req, res) => {
    const ctx = serviceContext(db, req);
    const orgs = await organisationModel(db).find(withPermission(ctx.auth.ability, 'read', 'Organisation')).sort({ slug: 1 }).lean();
    res.json(orgs.map(present));
  });
  router.get('/organisations/:id', async (req, res) => {
    const ctx = serviceContext(db, req);
    const org = await organisationModel(db).findOne(withPermission(ctx.auth.ability, 'read', 'Organisation', { _id: req.params.id })).lean();
    if (!org) throw notFound();
    res.json(present(org));
  });
  router.patch('/organisations/:id', async (req, res) => {
    const ctx = serviceContext(db, req);
    const input = parseInput(updateSchema, req.body);
    const Organisations = organisationModel(db);
    const org = await Organisations.findOne(withPermission(ctx.auth.ability, 'read', 'Organisation', { _id: req.params.id })).lean();
    if (!org) throw notFound();
    const allowed = permittedFields(ctx.auth.ability, 'update', 'Organisation', org);
    const changing = Object.keys(input);
    if (changing.length === 0 || changing.some((field) => !allowed.includes(field))) throw new AppError(403, 'forbidden');
    const set: Record<string, unknown> = {};
    if (input.name) set.name = input.name;
    for (const [name, value] of Object.entries(input.parameters ?? {})) set[`parameters.${name}`] = value;
    const updated = await Organisations.findOneAndUpdate({ _id: org._id }, { $set: set }, { returnDocument: 'after' }).lean();
    await recordAudit(db, auditActor(ctx), { action: 'update', subjectType: 'Organisation', subjectId: String(org._id) });
    res.json(present(updated!));
  });
  return underPaths(['/organisations'], router);
}
