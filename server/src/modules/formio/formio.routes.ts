import express, { type Request, type Response, type Router } from 'express';
import type { Connection } from 'mongoose';
import { notFound } from '../../core/errors/app-error';
import { jsonBody } from '../../core/http/json-body';
import { unknownRoute } from '../../core/http/not-found';
import { requireDatabase } from '../../core/http/require-database';
import { idempotencyKeyOf } from '../../core/http/idempotency-key';
import { parseInput } from '../../core/http/validate';
import { authenticate, requireAuth, refuseWhilePersonView, serviceContext } from '../access';
import type { FormRef } from '../forms';
import { createForm, deleteForm, getForm, listFormsWithRevisions, saveForm } from '../forms';
import {
  createSubmission, deleteSubmission, getSubmission, listSubmissions, updateSubmission, type SubmissionDeps, type SubmissionScope,
} from '../submissions';
import { formioErrorHandler } from './formio-error.handler';
import { contentRange, formioForm, formioSubmission, formioUser } from './formio.presenter';
import { formioFormListQuery, formioFormQuery, formioFormVersion, formioListQuery, formioSubmissionBody, toSort } from './formio.schemas';

export interface FormioApiOptions extends SubmissionDeps {
  bodyLimit: string;
}

const param = (req: Request, name: string) => String(req.params[name]);

/**
 * The Form.io-compatible API of one organisation, mounted at `/formio/:org` (the organisation's "project URL"),
 * so the unchanged Form.io SDK and renderer work against it. It uses the same services, permissions and audit as
 * the native API; a form saved here is published at once, as on Form.io.
 */
export function formioApi(db: Connection, options: FormioApiOptions): Router {
  const router = express.Router({ mergeParams: true });
  router.use(requireDatabase(db));
  router.use(jsonBody(options.bodyLimit));
  router.use(authenticate(db));
  router.use(requireAuth);
  // A session handed over to a person (issue 18) has nothing to do here.
  router.use(refuseWhilePersonView);
  // The project URL names the organisation the request acts in; any other organisation's project does not exist.
  router.use((req, _res, next) => next(param(req, 'org') === req.ctx.auth?.org.slug ? undefined : notFound()));

  const ctx = (req: Request) => serviceContext(db, req);
  const org = (req: Request) => param(req, 'org');

  router.get('/current', (req, res) => {
    res.json(formioUser(ctx(req).auth));
  });

  router.get('/form', async (req, res) => {
    const query = parseInput(formioFormListQuery, req.query);
    if (query.type && query.type !== 'form') {
      res.setHeader('Content-Range', contentRange(query.skip, 0, 0)).json([]);
      return;
    }
    const filter: Record<string, unknown> = {};
    for (const field of ['name', 'path', 'title'] as const) if (query[field]) filter[field] = query[field];
    const { items, total } = await listFormsWithRevisions(ctx(req), {
      limit: query.limit,
      skip: query.skip,
      sort: toSort(query.sort, { title: 1, _id: 1 }),
      tags: query.tags?.split(','),
      filter,
    });
    const forms = items.map(({ form, revision }) => formioForm(form, revision, org(req), query.lang));
    res.setHeader('Content-Range', contentRange(query.skip, forms.length, total)).json(forms);
  });
  router.post('/form', async (req, res) => {
    const { form, revision } = await createForm(ctx(req), { definition: req.body, publish: true });
    res.status(201).json(formioForm(form, revision, org(req)));
  });
  router.get('/form/:id', async (req, res) => sendForm(req, res, { id: param(req, 'id') }));
  router.put('/form/:id', async (req, res) => {
    const { version } = parseInput(formioFormVersion, req.body);
    const { form, revision } = await saveForm(ctx(req), { id: param(req, 'id') }, { definition: req.body, publish: true, version });
    res.json(formioForm(form, revision, org(req)));
  });
  router.delete('/form/:id', async (req, res) => {
    await deleteForm(ctx(req), { id: param(req, 'id') });
    res.json({});
  });
  router.get('/form/:id/v/:revision', async (req, res) => {
    const number = Number(param(req, 'revision'));
    if (!Number.isInteger(number) || number < 1) throw notFound();
    const { lang } = parseInput(formioFormQuery, req.query);
    const { form, revision } = await getForm(ctx(req), { id: param(req, 'id') }, number);
    res.json(formioForm(form, revision, org(req), lang));
  });

  const submissionRoutes = (prefix: string, refOf: (req: Request) => FormRef, scopeOf: (req: Request) => SubmissionScope) => {
    router.get(`${prefix}/submission`, async (req, res) => {
      const query = parseInput(formioListQuery, req.query);
      const { items, total } = await listSubmissions(ctx(req), scopeOf(req), {
        limit: query.limit,
        skip: query.skip,
        sort: toSort(query.sort, { createdAt: -1, _id: -1 }),
      });
      res.setHeader('Content-Range', contentRange(query.skip, items.length, total)).json(items.map(formioSubmission));
    });
    router.post(`${prefix}/submission`, async (req, res) => {
      const context = ctx(req);
      const ref = refOf(req);
      const key = idempotencyKeyOf(req, context, `formio-submission ${org(req)} ${'id' in ref ? `form ${ref.id}` : `path ${ref.path}`}`);
      const body = parseInput(formioSubmissionBody, req.body);
      const caseId = body.caseId ?? body.metadata?.caseId ?? undefined;
      const view = await createSubmission(context, options, ref, { data: body.data, ...(caseId ? { caseId } : {}) }, key);
      res.status(201).json(formioSubmission(view));
    });
    router.get(`${prefix}/submission/:sid`, async (req, res) => {
      res.json(formioSubmission(await getSubmission(ctx(req), scopeOf(req), param(req, 'sid'))));
    });
    router.put(`${prefix}/submission/:sid`, async (req, res) => {
      const body = parseInput(formioSubmissionBody, req.body);
      const view = await updateSubmission(ctx(req), options, scopeOf(req), param(req, 'sid'), { data: body.data, version: body.version });
      res.json(formioSubmission(view));
    });
    router.delete(`${prefix}/submission/:sid`, async (req, res) => {
      await deleteSubmission(ctx(req), options, scopeOf(req), param(req, 'sid'));
      res.json({});
    });
  };
  submissionRoutes('/form/:id', (req) => ({ id: param(req, 'id') }), (req) => ({ formId: param(req, 'id') }));
  submissionRoutes('/:path', (req) => ({ path: param(req, 'path') }), (req) => ({ formPath: param(req, 'path') }));

  router.get('/:path', async (req, res) => sendForm(req, res, { path: param(req, 'path') }));

  async function sendForm(req: Request, res: Response, ref: FormRef) {
    const { lang } = parseInput(formioFormQuery, req.query);
    const { form, revision } = await getForm(ctx(req), ref);
    res.json(formioForm(form, revision, org(req), lang));
  }

  router.use(unknownRoute);
  router.use(formioErrorHandler);
  return router;
}
