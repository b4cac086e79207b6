import express, { type RequestHandler } from 'express';
import { parseInput } from '../../../core/http/validate';
import { requireAuth, serviceContext } from '../../access';
import type { WorkflowRouteDeps } from './workflow-route-deps';
import { presentTemplate, presentWorkflow } from '../service/workflow-presenter';
import { diffToUpstream, mergeUpstream } from '../service/workflow-upstream.service';
import {
  cloneWorkflow, createWorkflow, getTemplate, getVersion, listTemplates, listWorkflows, publishWorkflow, updateDraft,
  validateDefinition, validateDraft,
} from '../service/workflow.service';
import { loadWorkflow } from '../service/workflow-access';
import {
  CloneWorkflowSchema, CreateWorkflowSchema, ListWorkflowsQuerySchema, MergeWorkflowSchema,
  PublishWorkflowSchema, TemplateQuerySchema, UpdateWorkflowSchema, ValidateWorkflowSchema,
} from './workflow.schemas';
import { underPaths } from '../../../core/http/under-paths';

/** `/api/workflows`: organisation workflows (draft + immutable versions), the template library, clone/diff/merge (migrating cases: modules/cases). */
export function workflowRoutes(rt: WorkflowRouteDeps): RequestHandler {
  const deps = { catalog: rt.catalog, now: () => rt.clock.now() };
  const ctxOf = (req: express.Request) => serviceContext(rt.db, req);
  const router = express.Router();
  router.use('/workflows', requireAuth);

  router.get('/workflows', async (req, res) => {
    const query = parseInput(ListWorkflowsQuerySchema, req.query);
    const items = await listWorkflows(ctxOf(req), { shared: query.shared === 'true' });
    res.json({ items: items.map(presentWorkflow) });
  });
  router.get('/workflows/templates', async (req, res) => {
    res.json({ items: (await listTemplates(ctxOf(req))).map((t) => presentTemplate(t)) });
  });
  router.get('/workflows/templates/:key', async (req, res) => {
    const { version } = parseInput(TemplateQuerySchema, req.query);
    res.json(presentTemplate(await getTemplate(ctxOf(req), req.params.key, version), true));
  });
  router.post('/workflows', async (req, res) => {
    res.status(201).json(presentWorkflow(await createWorkflow(ctxOf(req), parseInput(CreateWorkflowSchema, req.body))));
  });
  router.post('/workflows/validate', async (req, res) => {
    const { definition } = parseInput(ValidateWorkflowSchema, req.body);
    const problems = await validateDefinition(deps, ctxOf(req), definition);
    res.json({ valid: problems.length === 0, problems });
  });
  router.post('/workflows/clone', async (req, res) => {
    res.status(201).json(presentWorkflow(await cloneWorkflow(ctxOf(req), parseInput(CloneWorkflowSchema, req.body))));
  });
  router.get('/workflows/:id', async (req, res) => {
    res.json(presentWorkflow(await loadWorkflow(ctxOf(req), req.params.id)));
  });
  router.put('/workflows/:id', async (req, res) => {
    res.json(presentWorkflow(await updateDraft(ctxOf(req), req.params.id, parseInput(UpdateWorkflowSchema, req.body))));
  });
  router.post('/workflows/:id/validate', async (req, res) => {
    const problems = await validateDraft(deps, ctxOf(req), req.params.id);
    res.json({ valid: problems.length === 0, problems });
  });
  router.post('/workflows/:id/publish', async (req, res) => {
    const { revision } = parseInput(PublishWorkflowSchema, req.body);
    const { workflow, version } = await publishWorkflow(deps, ctxOf(req), req.params.id, revision);
    res.status(201).json({ version, workflow: presentWorkflow(workflow) });
  });
  router.get('/workflows/:id/versions/:version', async (req, res) => {
    res.json(await getVersion(ctxOf(req), req.params.id, Number.parseInt(req.params.version, 10) || 0));
  });
  router.get('/workflows/:id/diff', async (req, res) => {
    res.json(await diffToUpstream(ctxOf(req), req.params.id));
  });
  router.post('/workflows/:id/merge', async (req, res) => {
    const { workflow, resolved } = await mergeUpstream(deps, ctxOf(req), req.params.id, parseInput(MergeWorkflowSchema, req.body));
    res.json({ workflow: presentWorkflow(workflow), resolved });
  });
  return underPaths(['/workflows'], router);
}
