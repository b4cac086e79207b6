import express, { type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { parseInput } from '../../../core/http/validate';
import { requireAuth, serviceContext } from '../../access';
import { cloneTemplateSchema } from '../schemas/form.schemas';
import { cloneTemplate, getTemplate, listTemplates } from '../templates/form-template.service';
import { presentForm } from './form.presenter';
import { underPaths } from '../../../core/http/under-paths';

/** The platform's template library: read it, and clone a template into the active organisation. */
export function formTemplateRoutes(db: Connection): RequestHandler {
  const router = express.Router();
  router.use('/form-templates', requireAuth);
  router.get('/form-templates', async (req, res) => {
    const items = await listTemplates(serviceContext(db, req));
    res.json({ items: items.map(({ path, title, tags, latestRevision, updatedAt }) => ({ path, title, tags, latestRevision, updatedAt })) });
  });
  router.get('/form-templates/:path', async (req, res) => {
    const view = await getTemplate(serviceContext(db, req), req.params.path);
    res.json({ path: view.template.path, title: view.template.title, tags: view.template.tags, revision: view.revision, definition: view.definition, translations: view.translations });
  });
  router.post('/form-templates/:path/clone', async (req, res) => {
    const input = parseInput(cloneTemplateSchema, req.body ?? {});
    const { form, revision } = await cloneTemplate(serviceContext(db, req), req.params.path, input.path);
    res.status(201).json(presentForm(form, revision));
  });
  return underPaths(['/form-templates'], router);
}
