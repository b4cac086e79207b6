import type { Request } from 'express';
import type { TFunction } from 'i18next';
import type { Connection } from 'mongoose';
import { unauthenticated } from '../../core/errors/app-error';
import type { AuthContext } from './auth-context';

/** What a service needs about the request: the database, who acts, in which organisation, under which rules. */
export interface ServiceContext {
  db: Connection;
  auth: AuthContext;
  requestId: string;
  /** The answer's language: what a service words itself (a form's or a submission's validation problems) is in it. */
  t: TFunction;
}

export function serviceContext(db: Connection, req: Request): ServiceContext {
  if (!req.ctx.auth) throw unauthenticated();
  return { db, auth: req.ctx.auth, requestId: req.ctx.requestId, t: req.ctx.t };
}

export const auditActor = (ctx: ServiceContext) => ({ userId: ctx.auth.user._id, orgId: ctx.auth.org._id, requestId: ctx.requestId });
