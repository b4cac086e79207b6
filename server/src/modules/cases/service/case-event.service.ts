import { isValidObjectId, Types } from 'mongoose';
import { idempotent, KEY_LIFETIME_MS, type IdempotencyKey } from '../../../core/db/idempotency';
import { notFound, versionConflict } from '../../../core/errors/app-error';
import { auditedWrite } from '../../audit';
import { withPermission, auditActor, type ServiceContext } from '../../access';
import { referralDecisionEvents, type WorkflowEvent } from '../../workflows';
import { caseModel, type CaseRecord, type EventKey, type TimelineEntry } from '../storage/case.model';
import { advanceCase, definitionOf } from './case-advance';
import { availableEvents } from './case-available-events';
import { ensureCaseAction, readableCase } from './case-access';
import { presentCase } from './case-presenter';
import type { CaseRuntime } from './case-runtime';
import { commitCase } from './case-writer';
import { eventDecidedByReferral, eventNotAccepted } from '../case.errors';
import type { ReferralDetails } from '../../../contracts/referrals/referral.schemas';

const ATTEMPTS = 5;

export interface ApplyEventOptions {
  /** Extra fields of the event's timeline entry. */
  extra?: Partial<TimelineEntry>;
  /** Changes made to the case as loaded before the event is applied (stored with it). */
  prepare?: (record: CaseRecord) => CaseRecord;
  /**
   * For an event that must happen at most once: true when the case as loaded already has it, which is checked
   * again on every reload, so of two runs of the same event only one is stored.
   */
  applied?: (record: CaseRecord) => boolean;
  /** Fields stored in the same conditional update as the event (the idempotency key that proves it happened). */
  mark?: (record: CaseRecord) => Partial<CaseRecord>;
  /** Called right before the first write. */
  writing?: () => void;
  /** What to share and say in the referrals the event's `refer` actions make. */
  referral?: ReferralDetails;
}

/**
 * Applies an event to the case as it is now: on a concurrent change the case is read again and the event re-checked
 * against the new state, so an event is never applied to a state it was not accepted in. `applied: false` when the
 * case already had the event (`options.applied`); `record` is then the case as it is.
 */
export async function applyEvent(
  rt: CaseRuntime,
  load: () => Promise<CaseRecord | null>,
  event: WorkflowEvent,
  by: string | null,
  options: ApplyEventOptions = {},
): Promise<{ record: CaseRecord; applied: boolean }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const loaded = await load();
    if (!loaded) throw notFound();
    if (options.applied?.(loaded)) return { record: loaded, applied: false };
    const record = options.prepare ? options.prepare(loaded) : loaded;
    const change = await advanceCase(rt, record, event, by, options.extra);
    if ('ok' in change) {
      throw eventNotAccepted(change.event, change.acceptedEvents);
    }
    if (options.mark) change.set = { ...change.set, ...options.mark(loaded) };
    if (options.referral) change.referralDetails = options.referral;
    options.writing?.();
    const committed = await commitCase(rt, loaded, change);
    if (committed) return { record: committed, applied: true };
  }
  throw versionConflict();
}

const hasKey = (record: CaseRecord, key: string) => (record.eventKeys ?? []).some((entry) => entry.key === key);

/**
 * `POST /api/cases/:id/events`: firing is a CASL action on the case, so roles decide who may move it; an event a
 * referral's decision fires (the NAS admitting the person) is refused, since only the receiver decides it. With an
 * idempotency key the key is stored in the case with the event (the last 24 hours' keys are kept), so a retry finds
 * the event already applied and answers with the case instead of firing it again.
 */
export async function fireCaseEvent(rt: CaseRuntime, ctx: ServiceContext, id: string, input: WorkflowEvent & { referral?: ReferralDetails }, key?: IdempotencyKey) {
  const { referral, ...event } = input;
  if (!isValidObjectId(id)) throw notFound();
  return idempotent(ctx.db, key, {
    target: () => new Types.ObjectId(id),
    replay: async () => {
      const record = await readableCase(ctx, id);
      return hasKey(record, key!.id) ? presentFired(rt, ctx, record) : null;
    },
    run: async (_target, writing) => {
      const record = await readableCase(ctx, id);
      ensureCaseAction(ctx, record, 'fire');
      if (referralDecisionEvents(await definitionOf(rt, record)).has(event.type)) throw eventDecidedByReferral(event.type);
      const Cases = caseModel(rt.db);
      // A retry that finds the event applied already wrote nothing, so it leaves no entry.
      const { record: committed } = await auditedWrite(
        ctx.db,
        auditActor(ctx),
        ({ applied }) => (applied ? { action: 'fire', subjectType: 'Case', subjectId: id } : null),
        () =>
          applyEvent(
            rt,
            () => Cases.findOne(withPermission(ctx.auth.ability, 'fire', 'Case', { _id: record._id })).lean(),
            event,
            ctx.auth.user._id.toHexString(),
            {
              ...(referral ? { referral } : {}),
              ...(key ? { applied: (loaded) => hasKey(loaded, key.id), mark: (loaded) => ({ eventKeys: withEventKey(loaded, key.id, rt.clock.now()) }), writing } : {}),
            },
          ),
      );
      return presentFired(rt, ctx, committed);
    },
  });
}

async function presentFired(rt: CaseRuntime, ctx: ServiceContext, record: CaseRecord) {
  return { ...presentCase(ctx, record, rt.clock.now()).body, ...(await availableEvents(rt, ctx, record)) };
}

/** The case's event keys with this one added and those older than a key's lifetime dropped. */
function withEventKey(record: CaseRecord, key: string, now: Date): EventKey[] {
  const since = now.getTime() - KEY_LIFETIME_MS;
  return [...(record.eventKeys ?? []).filter((entry) => new Date(entry.at).getTime() > since), { key, at: now }];
}
