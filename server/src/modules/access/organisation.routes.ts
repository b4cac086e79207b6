import express, { type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { parseInput } from '../../core/http/validate';
import type { Organisation } from '../tenants';
import { requireAuth } from './authenticate.middleware';
import { serviceContext } from './service-context';
import { getOrganisation, listOrganisations, updateOrganisation } from './organisation.service';
import { underPaths } from '../../core/http/under-paths';

const PARAMETER_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;
export const updateOrganisationSchema = z
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
    res.json((await listOrganisations(serviceContext(db, req))).map(present));
  });
  router.get('/organisations/:id', async (req, res) => {
    res.json(present(await getOrganisation(serviceContext(db, req), req.params.id)));
  });
  router.patch('/organisations/:id', async (req, res) => {
    res.json(present(await updateOrganisation(serviceContext(db, req), req.params.id, parseInput(updateOrganisationSchema, req.body))));
  });
  return underPaths(['/organisations'], router);
}
