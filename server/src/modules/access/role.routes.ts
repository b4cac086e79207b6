import express, { type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { parseInput } from '../../core/http/validate';
import { requireAuth } from './authenticate.middleware';
import type { Role } from './role.model';
import { scopeOf } from './role-rules';
import { decodeRules } from './rule-storage';
import { ROLE_SCOPES } from './tenant-boundary';
import { createRole, getRole, listRolePresets, listRoles, updateRole } from './role.service';
import { serviceContext } from './service-context';
import { underPaths } from '../../core/http/under-paths';

export const createRoleSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{1,49}$/),
    name: z.string().trim().min(1).max(100),
    preset: z.string().optional(),
    rules: z.array(z.unknown()).optional(),
    scope: z.enum(ROLE_SCOPES).optional(),
  })
  .strict();
export const updateRoleSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    rules: z.array(z.unknown()).optional(),
    scope: z.enum(['organisation', 'subtree']).optional(),
    version: z.number().int().min(0),
  })
  .strict();

/** `?organisations=all`: every role the user may read, in every organisation, each naming its organisation. */
export const listRolesQuerySchema = z.strictObject({ organisations: z.enum(['active', 'all']).default('active') });

const presentRole = (role: Role & { __v?: number; organisation?: { id: string; slug: string; name: string } | null }) => ({
  id: role._id,
  organisation: role.organisation ?? null,
  version: role.__v ?? 0,
  orgId: role.orgId ?? null,
  scope: scopeOf(role),
  key: role.key,
  name: role.name,
  preset: role.preset,
  rules: decodeRules(role.rules),
});

export function roleRoutes(db: Connection): RequestHandler {
  const router = express.Router();
  router.use('/roles', requireAuth);
  router.get('/roles/presets', (_req, res) => {
    res.json(listRolePresets());
  });
  router.get('/roles', async (req, res) => {
    const { organisations } = parseInput(listRolesQuerySchema, req.query);
    res.json((await listRoles(serviceContext(db, req), { all: organisations === 'all' })).map(presentRole));
  });
  router.post('/roles', async (req, res) => {
    const role = await createRole(serviceContext(db, req), parseInput(createRoleSchema, req.body));
    res.status(201).json(presentRole(role));
  });
  router.get('/roles/:id', async (req, res) => {
    res.json(presentRole(await getRole(serviceContext(db, req), req.params.id)));
  });
  router.put('/roles/:id', async (req, res) => {
    res.json(presentRole(await updateRole(serviceContext(db, req), req.params.id, parseInput(updateRoleSchema, req.body))));
  });
  return underPaths(['/roles'], router);
}
