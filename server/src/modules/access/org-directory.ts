import type { Connection, Types } from 'mongoose';
import type { Logger } from 'pino';
import { withClaimWaiting } from '../../core/db/write-claim';
import { roleModel, type Role } from './role.model';
import { userModel, type User } from './user.model';

/*
 * Who belongs to an organisation and which roles it has, found by `_id`. FerretDB v1 answers only an `_id` equality
 * from an index (docs/case-queries.md): `users.find({ 'memberships.orgId' })` and `roles.find({ orgId })` read and
 * decode every user or role of every organisation, and an index on those fields is not used. So per organisation
 * one document, in `org_directory`:
 *
 *   `m:<org>`  the ids of the users with a membership in it
 *   `r:<org>`  the ids of its roles
 *
 * An id is added before (or, where the id is made by the database, right after) the record is written, under the
 * document's claim (read-modify-write is not atomic on FerretDB, write-claim.ts). Ids are never taken out: readers
 * look each record up by `_id` and keep it only if it still belongs to the organisation, so an id whose record was
 * never written, or that left, is harmless. The first start after this came builds the documents from the stored
 * users and roles (ensureOrgDirectory).
 */

const COLLECTION = 'org_directory';
const META = 'meta';
const VERSION = 1;

interface DirectoryDoc {
  _id: string;
  ids?: string[];
  version?: number;
}

const directory = (db: Connection) => db.collection<DirectoryDoc>(COLLECTION);
const membersKey = (orgId: Types.ObjectId | string) => `m:${String(orgId)}`;
const rolesKey = (orgId: Types.ObjectId | string) => `r:${String(orgId)}`;

async function addIds(db: Connection, key: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await withClaimWaiting(db, `org-directory:${key}`, async () => {
    const before = (await directory(db).findOne({ _id: key }))?.ids ?? [];
    const known = new Set(before);
    const added = ids.filter((id) => !known.has(id));
    if (added.length === 0) return;
    await directory(db).replaceOne({ _id: key }, { ids: [...before, ...new Set(added)] }, { upsert: true });
  });
}

async function idsAt(db: Connection, key: string): Promise<string[]> {
  return (await directory(db).findOne({ _id: key }))?.ids ?? [];
}

/** Records a user's memberships in the organisations' member lists (before the user is written, where possible). */
export async function recordMemberships(db: Connection, userId: Types.ObjectId | string, orgIds: ReadonlyArray<Types.ObjectId | string>): Promise<void> {
  await Promise.all([...new Set(orgIds.map(String))].map((orgId) => addIds(db, membersKey(orgId), [String(userId)])));
}

/** Records a role in its organisation's list of roles (platform roles belong to none and are not listed). */
export async function recordRole(db: Connection, orgId: Types.ObjectId | string | null | undefined, roleId: Types.ObjectId | string): Promise<void> {
  if (orgId) await addIds(db, rolesKey(orgId), [String(roleId)]);
}

/**
 * The users with a membership in the organisation, each looked up by `_id` (the permission layer is the caller's:
 * this is for the platform's own work, such as whom to notify).
 */
export async function membersOf(db: Connection, orgId: Types.ObjectId | string): Promise<User[]> {
  const ids = await idsAt(db, membersKey(orgId));
  const users = await Promise.all(ids.map((id) => userModel(db).findById(id).lean()));
  return users.flatMap((user) => (user && user.memberships.some((item) => String(item.orgId) === String(orgId)) ? [user as User] : []));
}

/** The organisation's roles, each looked up by `_id`. */
export async function rolesOf(db: Connection, orgId: Types.ObjectId | string): Promise<Role[]> {
  const ids = await idsAt(db, rolesKey(orgId));
  const roles = await Promise.all(ids.map((id) => roleModel(db).findById(id).lean()));
  return roles.flatMap((role) => (role && String(role.orgId) === String(orgId) ? [role as Role] : []));
}

/**
 * The first start after the directory came: every stored user and role is recorded (two reads of the whole
 * collections, once; adding an id already there changes nothing, so an interrupted start simply does it again).
 * The version mark makes every later start one lookup by `_id`.
 */
export async function ensureOrgDirectory(db: Connection, logger?: Logger): Promise<void> {
  if (((await directory(db).findOne({ _id: META }))?.version ?? 0) >= VERSION) return;
  const members = new Map<string, string[]>();
  for (const user of await userModel(db).find({}, { memberships: 1 }).lean()) {
    for (const { orgId } of user.memberships) members.set(String(orgId), [...(members.get(String(orgId)) ?? []), String(user._id)]);
  }
  const roles = new Map<string, string[]>();
  for (const role of await roleModel(db).find({}, { orgId: 1 }).lean()) {
    if (role.orgId) roles.set(String(role.orgId), [...(roles.get(String(role.orgId)) ?? []), String(role._id)]);
  }
  for (const [orgId, ids] of members) await addIds(db, membersKey(orgId), ids);
  for (const [orgId, ids] of roles) await addIds(db, rolesKey(orgId), ids);
  await directory(db).replaceOne({ _id: META }, { version: VERSION }, { upsert: true });
  logger?.info({ organisations: new Set([...members.keys(), ...roles.keys()]).size }, 'organisation directory built');
}
