import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import { validateFormDefinition } from '../definition/form-definition-validator';
import { formTemplateModel, formTemplateRevisionModel } from '../storage/form-template.model';
import { readTemplateFiles } from './template-files';

export interface TemplateLoadResult {
  created: string[];
  revised: string[];
  unchanged: string[];
}

export class TemplateFileError extends Error {
  constructor(file: string, problems: Array<{ code: string; path: string }>) {
    super(`${file}: ${problems.map((problem) => `${problem.path}: ${problem.code}`).join('; ')}`);
    this.name = 'TemplateFileError';
  }
}

/**
 * Loads every template file into the platform library, idempotently: a file whose content is already the latest
 * revision changes nothing; a changed file becomes a new revision (earlier ones stay, organisations' clones
 * remember which one they came from). A file that is not a valid definition stops the start with its problems.
 */
export async function loadFormTemplates(db: Connection, formsDir: string): Promise<TemplateLoadResult> {
  const result: TemplateLoadResult = { created: [], revised: [], unchanged: [] };
  const Templates = formTemplateModel(db);
  const Revisions = formTemplateRevisionModel(db);
  for (const file of readTemplateFiles(formsDir)) {
    const checked = validateFormDefinition(file.definition);
    if (!checked.ok) throw new TemplateFileError(file.file, checked.problems);
    const definitionJson = JSON.stringify(checked.form);
    const translationsJson = JSON.stringify(file.translations);
    const contentHash = createHash('sha256').update(definitionJson).update('\n').update(translationsJson).digest('hex');
    const { path, title, tags } = checked.form;

    const template = await Templates.findOne({ path }).lean();
    if (template) {
      const latest = await Revisions.findOne({ path, number: template.latestRevision }, { contentHash: 1 }).lean();
      if (latest?.contentHash === contentHash) {
        result.unchanged.push(path);
        continue;
      }
    }
    const number = (template?.latestRevision ?? 0) + 1;
    const templateId =
      template?._id ?? (await Templates.findOneAndUpdate({ path }, { $setOnInsert: { path, title, tags, latestRevision: 0 } }, { upsert: true, returnDocument: 'after' }).lean())!._id;
    try {
      await Revisions.create({ templateId, path, number, contentHash, definitionJson, translationsJson, createdAt: new Date() });
    } catch (error) {
      // Another process loading the same files at the same moment already added it.
      if ((error as { code?: unknown }).code === 11000) continue;
      throw error;
    }
    await Templates.updateOne({ _id: templateId, latestRevision: { $lt: number } }, { $set: { title, tags, latestRevision: number } });
    (template ? result.revised : result.created).push(path);
  }
  return result;
}
