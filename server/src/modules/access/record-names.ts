import type { ServiceContext } from './service-context';
import { readableById } from './readable-by-id';
import { roleModel } from './role.model';
import { userModel } from './user.model';
import { can } from './permissions';

/** A person or record as the audit log names it to this reader. */
export interface RecordName {
  text: string;
  detail?: string;
}

/** The users among `ids` this reader may read, by name, with the e-mail where the reader may read it too. */
export async function nameUsers(ctx: ServiceContext, ids: string[]): Promise<Map<string, RecordName>> {
  const users = await readableById(userModel(ctx.db), ctx.auth.ability, 'User', ids, { name: 1, email: 1, memberships: 1 }, 'name');
  return new Map(
    [...users].map(([id, user]) => [id, { text: user.name, ...(can(ctx.auth.ability, 'read', 'User', user, 'email') ? { detail: user.email } : {}) }]),
  );
}

/** The roles among `ids` this reader may read, by name (with the key, which presets share across organisations). */
export async function nameRoles(ctx: ServiceContext, ids: string[]): Promise<Map<string, RecordName>> {
  const roles = await readableById(roleModel(ctx.db), ctx.auth.ability, 'Role', ids, { name: 1, key: 1, orgId: 1 }, 'name');
  return new Map([...roles].map(([id, role]) => [id, { text: role.name, detail: role.key }]));
}
