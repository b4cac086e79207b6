import { isValidObjectId, Types, type Model } from 'mongoose';
import type { AppAbility } from './ability';
import { fieldFilter, withPermission } from './permissions';
import type { Action } from './subjects';

/**
 * The records among `ids` this ability may read (and whose `field` it may read, when given), keyed by id. One lookup
 * by `_id` per distinct id, in parallel: the embedded database answers `_id` equality from its index, while
 * `_id: { $in }` reads the whole collection (docs/case-queries.md). Meant for a page's worth of ids, not a list.
 */
export async function readableById<T>(
  model: Model<T>,
  ability: AppAbility,
  subjectType: string,
  ids: readonly string[],
  projection: Record<string, 1>,
  field?: string,
): Promise<Map<string, T>> {
  const distinct = [...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/i.test(id) && isValidObjectId(id));
  const found = await Promise.all(
    distinct.map((id) => {
      const filter = { _id: new Types.ObjectId(id), ...(field ? { $and: [fieldFilter(ability, 'read' as Action, subjectType, field)] } : {}) };
      return model.findOne(withPermission(ability, 'read', subjectType, filter), projection).lean<T>();
    }),
  );
  const byId = new Map<string, T>();
  distinct.forEach((id, index) => {
    const record = found[index];
    if (record) byId.set(id, record);
  });
  return byId;
}
