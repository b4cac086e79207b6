import type { Form } from '../storage/form.model';
import type { ParsedRevision } from '../service/revision-cache';
import { applyTranslations, translatedTitle } from '../service/translation-applier';

/** The native API's view of a form with one of its revisions (`lang` applies that language's translations). */
export function presentForm(form: Form, revision: ParsedRevision, lang?: string) {
  return {
    id: form._id,
    orgId: form.orgId,
    path: form.path,
    name: form.name,
    title: lang ? translatedTitle(form.title, revision, lang) : form.title,
    display: form.display,
    tags: form.tags,
    properties: form.properties,
    publishedRevision: form.publishedRevision,
    latestRevision: form.latestRevision,
    upstream: form.upstream,
    version: form.version,
    createdAt: form.createdAt,
    updatedAt: form.updatedAt,
    revision: { number: revision.number, published: revision.number === form.publishedRevision, note: revision.note, author: revision.author, createdAt: revision.createdAt },
    definition: lang ? applyTranslations(revision.definition, revision.translations[lang]) : revision.definition,
    translations: revision.translations,
  };
}

export function presentFormSummary(form: Form) {
  const { _id, orgId, path, name, title, display, tags, properties, publishedRevision, latestRevision, upstream, version, createdAt, updatedAt } = form;
  return { id: _id, orgId, path, name, title, display, tags, properties, publishedRevision, latestRevision, upstream, version, createdAt, updatedAt };
}
