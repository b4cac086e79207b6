/** The workflow definition format (server/src/modules/workflows/definition/workflow-definition.schemas.ts). */
export type Duration = string | { parameter: string };
export type Guard = boolean | Record<string, unknown>;

export interface Transition {
  target?: string;
  guard?: Guard;
  actions?: Array<{ id: string; params?: Record<string, unknown> }>;
  ignoreRequiredForms?: boolean;
}

export interface Deadline {
  id: string;
  kind: 'deadline' | 'reminder';
  anchor: { stageEntry: true } | { caseDate: string };
  after?: Duration;
  schedule?: Array<{ every: Duration; for?: Duration }>;
  event?: string;
  remindBefore?: Duration[];
}

export interface Stage {
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  requiredForms?: string[];
  roles?: Array<{ role: string; duty: 'responsible' | 'contributes' | 'informed' }>;
  deadlines?: Deadline[];
  on?: Record<string, Transition[]>;
  always?: Transition[];
  onDone?: Transition[];
  initial?: string;
  stages?: Record<string, Stage>;
  regions?: Record<string, Stage>;
  marks?: string[];
  referralTo?: string;
  entryActions?: Array<{ id: string; params?: Record<string, unknown> }>;
}

export interface WorkflowDefinition {
  id: string;
  version: number;
  titleKey: string;
  jurisdiction: string;
  initial: string;
  stages: Record<string, Stage>;
  upstream?: { id: string; version: number };
}

/** A validation problem from the server, with a JSON path such as `stages/intake/on/x/0/target`. */
export interface WorkflowProblem {
  path: string;
  code?: string;
  message?: string;
}
