import type { Connection } from 'mongoose';
import type { WorkflowCatalog } from '../storage/workflow-catalog';

/** What the workflow routes need besides the request (app.ts passes the case runtime, which has all of it). */
export interface WorkflowRouteDeps {
  db: Connection;
  catalog: WorkflowCatalog;
  clock: { now(): Date };
}
