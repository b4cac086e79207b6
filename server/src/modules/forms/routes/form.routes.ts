import express, { type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { parseInput } from '../../../core/http/validate';
import { requireAuth, serviceContext } from '../../access';
import {
  bundleSchema, createFormSchema, diffQuery, exportedFormSchema, importQuery, languageCode, listFormsQuery,
  publishFormSchema, putTranslationsSchema, readFormQuery, revisionParam, saveFormSchema,
} from '../schemas/form.schemas';
import { diffRevisions } from '../service/form-diff.service';
import { getMissingTranslations, getTranslations, putTranslations, withTranslatedTitles } from '../service/form-translation.service';
import { exportBundle, exportForm, importForms } from '../service/form-transfer.service';
import { createForm, deleteForm, getForm, listForms, listRevisions, publishForm, saveForm } from '../service/form.service';
import { presentForm, presentFormSummary } from './form.presenter';
import { underPaths } from '../../../core/http/under-paths';

/** The native forms API: forms of the active organisation, their revisions, translations, import and export. */
export function formRoutes(db: Connection, languages: readonly string[]): RequestHandler {
  const router = express.Router();
  router.use(['/forms', '/form-bundle'], requireAuth);
  const byId = (id: string) => ({ id });

  router.get('/forms', async (req, res) => {
    const query = parseInput(listFormsQuery, req.query);
    const ctx = serviceContext(db, req);
    const { items, total } = await listForms(ctx, { limit: query.limit, skip: query.skip, tags: query.tag?.split(',') });
    const shown = query.lang ? await withTranslatedTitles(ctx, items, query.lang) : items;
    res.json({ items: shown.map(presentFormSummary), total, skip: query.skip, limit: query.limit });
  });
  router.post('/forms', async (req, res) => {
    const { form, revision } = await createForm(serviceContext(db, req), parseInput(createFormSchema, req.body));
    res.status(201).json(presentForm(form, revision));
  });
  // Before /forms/:id so that "import" is not taken for an id.
  router.post('/forms/import', async (req, res) => {
    const { publish } = parseInput(importQuery, req.query);
    const body: unknown = req.body;
    // A Form.io builder export is the definition itself; our own export wraps it with its translations.
    const item = typeof body === 'object' && body !== null && 'components' in body ? { definition: body, translations: {} } : parseInput(exportedFormSchema, body);
    const [saved] = await importForms(serviceContext(db, req), [item], publish === 'true');
    res.status(201).json(presentForm(saved!.form, saved!.revision));
  });
  router.get('/form-bundle', async (req, res) => {
    res.json(await exportBundle(serviceContext(db, req)));
  });
  router.post('/form-bundle', async (req, res) => {
    const { publish } = parseInput(importQuery, req.query);
    const bundle = parseInput(bundleSchema, req.body);
    const saved = await importForms(serviceContext(db, req), bundle.forms, publish === 'true');
    res.status(201).json({ items: saved.map(({ form }) => presentFormSummary(form)) });
  });

  router.get('/forms/:id', async (req, res) => {
    const query = parseInput(readFormQuery, req.query);
    const { form, revision } = await getForm(serviceContext(db, req), byId(req.params.id), query.revision ?? 'current');
    res.json(presentForm(form, revision, query.lang));
  });
  router.put('/forms/:id', async (req, res) => {
    const { form, revision } = await saveForm(serviceContext(db, req), byId(req.params.id), parseInput(saveFormSchema, req.body));
    res.json(presentForm(form, revision));
  });
  router.delete('/forms/:id', async (req, res) => {
    await deleteForm(serviceContext(db, req), byId(req.params.id));
    res.status(204).end();
  });
  router.post('/forms/:id/publish', async (req, res) => {
    const { form, revision } = await publishForm(serviceContext(db, req), byId(req.params.id), parseInput(publishFormSchema, req.body));
    res.json(presentForm(form, revision));
  });
  router.get('/forms/:id/export', async (req, res) => {
    res.json(await exportForm(serviceContext(db, req), byId(req.params.id)));
  });

  router.get('/forms/:id/revisions', async (req, res) => {
    res.json({ items: await listRevisions(serviceContext(db, req), byId(req.params.id)) });
  });
  router.get('/forms/:id/revisions/diff', async (req, res) => {
    const { from, to } = parseInput(diffQuery, req.query);
    res.json(await diffRevisions(serviceContext(db, req), byId(req.params.id), from, to));
  });
  router.get('/forms/:id/revisions/:number', async (req, res) => {
    const query = parseInput(readFormQuery.omit({ revision: true }), req.query);
    const { form, revision } = await getForm(serviceContext(db, req), byId(req.params.id), parseInput(revisionParam, req.params.number));
    res.json(presentForm(form, revision, query.lang));
  });

  router.get('/forms/:id/translations', async (req, res) => {
    res.json(await getTranslations(serviceContext(db, req), byId(req.params.id)));
  });
  router.get('/forms/:id/translations/missing', async (req, res) => {
    res.json(await getMissingTranslations(serviceContext(db, req), byId(req.params.id), languages));
  });
  router.get('/forms/:id/translations/:lang', async (req, res) => {
    const lang = parseInput(languageCode, req.params.lang);
    res.json((await getTranslations(serviceContext(db, req), byId(req.params.id)))[lang] ?? {});
  });
  router.put('/forms/:id/translations/:lang', async (req, res) => {
    const lang = parseInput(languageCode, req.params.lang);
    const input = parseInput(putTranslationsSchema, req.body);
    const { form, revision } = await putTranslations(serviceContext(db, req), byId(req.params.id), lang, input.strings, input.version);
    res.json(presentForm(form, revision));
  });
  return underPaths(['/forms', '/form-bundle'], router);
}
