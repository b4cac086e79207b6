import express, { type RequestHandler } from 'express';
import { idempotencyKeyOf } from '../../../core/http/idempotency-key';
import { parseInput } from '../../../core/http/validate';
import { requireAuth, serviceContext } from '../../access';
import { exportLanguage } from '../../export';
import {
  CaseEventSchema, CaseListQuerySchema, CompleteTaskSchema, CreateCaseSchema, ReopenCaseSchema, ShareCaseSchema, UpdateCaseSchema,
} from '../../../contracts/cases/case.schemas';
import { fireCaseEvent } from '../service/case-event.service';
import { casePlanPdf } from '../service/case-plan-pdf.service';
import { caseConsentSheetPdf } from '../service/case-consent-sheet.service';
import { ConsentSheetQuerySchema } from '../../../contracts/person/consent-sheet.schemas';
import { getPersonView, startPersonView } from '../service/case-person-view.service';
import { deleteDraft, DraftPathSchema, getDraft, saveDraft, SaveDraftSchema } from '../service/form-draft.service';
import { DuplicateQuerySchema, findDuplicates } from '../service/case-duplicates.service';
import { reopenCase } from '../service/case-reopen.service';
import type { CaseRuntime } from '../service/case-runtime';
import { shareCase } from '../service/case-sharing.service';
import { completeCaseTask } from '../service/case-task.service';
import { caseTimeline, createCase, getCase, listCases, updateCase } from '../service/case.service';
import { underPaths } from '../../../core/http/under-paths';
import { sendJsonItems } from '../../../core/http/json-items-stream';
import { allCases } from '../service/case-list-all.service';

/** `/api/cases`: thin handlers; permissions and logic live in the services. */
export function caseRoutes(rt: CaseRuntime): RequestHandler {
  const router = express.Router();
  router.use('/cases', requireAuth);
  router.get('/cases', async (req, res) => {
    res.json(await listCases(rt, serviceContext(rt.db, req), parseInput(CaseListQuerySchema, req.query)));
  });
  router.get('/cases/all', async (req, res) => {
    const { items, total } = await allCases(rt, serviceContext(rt.db, req), parseInput(CaseListQuerySchema, req.query));
    await sendJsonItems(res, items, { total });
  });
  router.post('/cases', async (req, res) => {
    const ctx = serviceContext(rt.db, req);
    const key = idempotencyKeyOf(req, ctx, 'create-case');
    res.status(201).json(await createCase(rt, ctx, parseInput(CreateCaseSchema, req.body), key));
  });
  router.get('/cases/duplicates', async (req, res) => {
    res.json(await findDuplicates(rt, serviceContext(rt.db, req), parseInput(DuplicateQuerySchema, req.query)));
  });
  router.get('/cases/:id', async (req, res) => {
    res.json(await getCase(rt, serviceContext(rt.db, req), req.params.id));
  });
  router.patch('/cases/:id', async (req, res) => {
    res.json(await updateCase(rt, serviceContext(rt.db, req), req.params.id, parseInput(UpdateCaseSchema, req.body)));
  });
  router.post('/cases/:id/events', async (req, res) => {
    const ctx = serviceContext(rt.db, req);
    const key = idempotencyKeyOf(req, ctx, `case-event ${req.params.id}`);
    res.json(await fireCaseEvent(rt, ctx, req.params.id, parseInput(CaseEventSchema, req.body), key));
  });
  router.post('/cases/:id/reopen', async (req, res) => {
    res.json(await reopenCase(rt, serviceContext(rt.db, req), req.params.id, parseInput(ReopenCaseSchema, req.body)));
  });
  router.get('/cases/:id/drafts/:formPath', async (req, res) => {
    const draft = await getDraft(rt, serviceContext(rt.db, req), req.params.id, parseInput(DraftPathSchema, req.params.formPath));
    if (draft) res.json(draft);
    else res.status(204).end();
  });
  router.put('/cases/:id/drafts/:formPath', async (req, res) => {
    res.json(await saveDraft(rt, serviceContext(rt.db, req), req.params.id, parseInput(DraftPathSchema, req.params.formPath), parseInput(SaveDraftSchema, req.body)));
  });
  router.delete('/cases/:id/drafts/:formPath', async (req, res) => {
    await deleteDraft(rt, serviceContext(rt.db, req), req.params.id, parseInput(DraftPathSchema, req.params.formPath));
    res.status(204).end();
  });
  router.post('/cases/:id/tasks/:taskId/done', async (req, res) => {
    res.json(await completeCaseTask(rt, serviceContext(rt.db, req), req.params.id, req.params.taskId, parseInput(CompleteTaskSchema, req.body)));
  });
  router.get('/cases/:id/timeline', async (req, res) => {
    res.json({ items: await caseTimeline(serviceContext(rt.db, req), req.params.id) });
  });
  router.get('/cases/:id/plan.pdf', async (req, res) => {
    const pdf = await casePlanPdf(rt, serviceContext(rt.db, req), req.params.id, exportLanguage(req));
    res
      .status(200)
      .set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${pdf.filename}"`, 'Cache-Control': 'no-store' })
      .send(pdf.body);
  });
  router.get('/cases/:id/consent-sheet.pdf', async (req, res) => {
    const { lang } = parseInput(ConsentSheetQuerySchema, req.query);
    const pdf = await caseConsentSheetPdf(rt, serviceContext(rt.db, req), req.params.id, lang, req.ctx.language);
    res
      .status(200)
      .set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${pdf.filename}"`, 'Cache-Control': 'no-store' })
      .send(pdf.body);
  });
  router.get('/cases/:id/person-view', async (req, res) => {
    res.json(await getPersonView(serviceContext(rt.db, req), req.params.id));
  });
  router.post('/cases/:id/person-view', async (req, res) => {
    res.json(await startPersonView(serviceContext(rt.db, req), req.params.id));
  });
  router.post('/cases/:id/share', async (req, res) => {
    res.json(await shareCase(rt, serviceContext(rt.db, req), req.params.id, parseInput(ShareCaseSchema, req.body)));
  });
  return underPaths(['/cases'], router);
}
