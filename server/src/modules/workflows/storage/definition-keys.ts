import type { Connection, Types } from 'mongoose';
import { ImmutableCache } from '../../../core/db/immutable-cache';
import { workflowTemplateModel, type WorkflowTemplateRecord } from './workflow-template.model';
import { workflowVersionModel, type WorkflowVersionRecord } from './workflow-version.model';

/*
 * Published definitions found by `_id`. Template versions are stored under (key, version) and published workflow
 * versions under (workflow, version); a find on those fields makes the embedded database read and decode every
 * stored definition (tens of kilobytes each), which took 40-200 ms per case page (docs/case-queries.md). This
 * collection maps each pair to the record's `_id`, so a definition is two lookups by `_id`:
 *
 *   `t:<key>:<version>` -> a template version        `t:<key>` -> its newest version (written by the template loader)
 *   `w:<workflow>:<version>` -> a published version of an organisation's workflow
 *
 * A pair names one immutable record, so a key can be written by whoever finds it missing (a reader after an upgrade,
 * or the publisher); a key that points at nothing (a publication withdrawn in a race) is looked up the slow way and
 * written again. The newest-version key is written only by the loader, which is the one that adds versions.
 *
 * A template version is inserted once and never changed or removed, so the records themselves are kept in memory by
 * `_id` and by (key, version) (ImmutableCache): a case page asking for the version its case runs on reads nothing;
 * asking for the newest reads the `t:<key>` key only (it changes when the loader adds a version). A workflow's
 * version is kept only once it is known to be published (at most the workflow's latest version): a version being
 * published can still be withdrawn again, and its number then names another record.
 */

/** A few hundred definitions of tens of kilobytes at most. */
const templates = new ImmutableCache<WorkflowTemplateRecord>(200);
const publishedVersions = new ImmutableCache<WorkflowVersionRecord>(500);

const DEFINITION_KEYS = 'workflow_definition_keys';

interface KeyDoc {
  _id: string;
  ref: Types.ObjectId;
}

const keys = (db: Connection) => db.collection<KeyDoc>(DEFINITION_KEYS);

const templateKey = (key: string, version?: number) => (version === undefined ? `t:${key}` : `t:${key}:${version}`);
const versionKey = (workflowId: string, version: number) => `w:${workflowId}:${version}`;

async function remember(db: Connection, _id: string, ref: Types.ObjectId): Promise<void> {
  await keys(db).replaceOne({ _id }, { ref }, { upsert: true });
}

function keepTemplate(db: Connection, record: WorkflowTemplateRecord): WorkflowTemplateRecord {
  templates.set(db, String(record._id), record);
  templates.set(db, templateKey(record.key, record.version), record);
  return record;
}

/** A template version (or its newest one), from memory or by `_id` when its key is known. */
export async function findTemplateVersion(db: Connection, key: string, version?: number): Promise<WorkflowTemplateRecord | null> {
  if (version !== undefined) {
    const kept = templates.get(db, templateKey(key, version));
    if (kept) return kept;
  }
  const Templates = workflowTemplateModel(db);
  const known = await keys(db).findOne({ _id: templateKey(key, version) });
  if (known) {
    const record = templates.get(db, String(known.ref)) ?? (await Templates.findById(known.ref).lean());
    if (record && record.key === key && (version === undefined || record.version === version)) return keepTemplate(db, record);
  }
  const found = await Templates.findOne({ key, ...(version !== undefined ? { version } : {}) })
    .sort({ version: -1 })
    .lean();
  if (found && version !== undefined) await remember(db, templateKey(key, version), found._id);
  return found ? keepTemplate(db, found) : null;
}

/**
 * A version of an organisation's workflow the caller knows is published (at most the workflow's latest version,
 * read by the caller): kept in memory, since it can no longer be withdrawn or changed.
 */
export async function findPublishedVersion(db: Connection, workflowId: Types.ObjectId | string, version: number): Promise<WorkflowVersionRecord | null> {
  const key = versionKey(String(workflowId), version);
  const kept = publishedVersions.get(db, key);
  if (kept) return kept;
  const found = await findWorkflowVersion(db, workflowId, version);
  if (found) publishedVersions.set(db, key, found);
  return found;
}

/** A published version of an organisation's workflow, by `_id` when its key is known. */
export async function findWorkflowVersion(db: Connection, workflowId: Types.ObjectId | string, version: number): Promise<WorkflowVersionRecord | null> {
  const Versions = workflowVersionModel(db);
  const id = String(workflowId);
  const known = await keys(db).findOne({ _id: versionKey(id, version) });
  if (known) {
    const record = await Versions.findById(known.ref).lean();
    if (record && String(record.workflowId) === id && record.version === version) return record;
  }
  const found = await Versions.findOne({ workflowId: id, version }).lean();
  if (found) await remember(db, versionKey(id, version), found._id);
  return found;
}

/** After a publication: its key, so that the first case page on it already finds it by `_id`. */
export async function rememberWorkflowVersion(db: Connection, record: Pick<WorkflowVersionRecord, '_id' | 'workflowId' | 'version'>): Promise<void> {
  await remember(db, versionKey(String(record.workflowId), record.version), record._id);
}

/** After the template loader: a key per stored template version and per template its newest version. */
export async function rememberTemplateVersions(db: Connection): Promise<void> {
  const stored = await workflowTemplateModel(db).find({}, { key: 1, version: 1 }).lean();
  const newest = new Map<string, (typeof stored)[number]>();
  for (const record of stored) {
    const current = newest.get(record.key);
    if (!current || record.version > current.version) newest.set(record.key, record);
  }
  await Promise.all([
    ...stored.map((record) => remember(db, templateKey(record.key, record.version), record._id)),
    ...[...newest.values()].map((record) => remember(db, templateKey(record.key), record._id)),
  ]);
}
