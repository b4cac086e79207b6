import { z } from 'zod';
import { FormBindingSchema } from './form-bindings.schemas';

/*
 * The workflow definition format. Definitions are data that administrators edit and that MongoDB/FerretDB stores,
 * so every key an author chooses (stage ids, event names, deadline ids) is restricted to characters that are safe
 * as document keys (no `.`, no leading `$`) and as i18n key segments. Display text never appears here: titles are
 * derived i18n keys (`workflows:<workflowId>.stages.<stageId>` ...), see i18n-keys.util.ts.
 */

/** Stage ids, region ids and deadline ids: document-key safe, i18n-key safe. */
export const IDENTIFIER_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** A language of a stage name: `fi`, `sv`, as the locale folders are named. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;
/** Longest display name of a stage: it has to fit a graph node and a case list column. */
export const STAGE_NAME_MAX = 80;
/** Event names: camelCase, no dots (they are keys of `on`, which the database must store). */
export const EVENT_NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;
/** Form paths as the forms module publishes them (`needs-assessment`). */
export const FORM_PATH_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
/** ISO 8601 duration, date part and optional time part (`P30D`, `P4W`, `P3M`, `PT12H`); checked again with luxon. */
export const ISO_DURATION_PATTERN = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const identifier = z.string().regex(IDENTIFIER_PATTERN);
const eventName = z.string().regex(EVENT_NAME_PATTERN);
const formPath = z.string().regex(FORM_PATH_PATTERN);

export const ParameterRefSchema = z
  .strictObject({ parameter: identifier })
  .meta({ id: 'ParameterRef', description: 'A jurisdiction parameter referenced by name' });

export const DurationSchema = z
  .union([z.string().regex(ISO_DURATION_PATTERN), ParameterRefSchema])
  .meta({ id: 'Duration', description: 'ISO 8601 duration, or a jurisdiction parameter whose value is one' });

/** JSONLogic; its operators and variables are checked by the validator, not by the schema. */
export const GuardSchema = z
  .union([z.boolean(), z.record(z.string(), z.unknown())])
  .meta({ id: 'Guard', description: 'JSONLogic over { case, submissions, params, event }' });

export const ActionRefSchema = z
  .strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), params: z.record(z.string(), z.unknown()).optional() })
  .meta({ id: 'ActionRef', description: 'An action from the registry with its parameters' });

export const TransitionSchema = z
  .strictObject({
    target: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*(\/[A-Za-z][A-Za-z0-9_-]*)*$/).optional(),
    guard: GuardSchema.optional(),
    actions: z.array(ActionRefSchema).optional(),
    /** Timers and withdrawals must be able to leave a stage even when its forms are missing. */
    ignoreRequiredForms: z.boolean().optional(),
  })
  .meta({ id: 'Transition' });

export const DeadlineAnchorSchema = z
  .union([
    z.strictObject({ stageEntry: z.literal(true) }),
    z.strictObject({ caseDate: identifier }),
  ])
  .meta({ id: 'DeadlineAnchor', description: 'Entering the stage, or a date in case.dates' });

export const SchedulePhaseSchema = z
  .strictObject({ every: DurationSchema, for: DurationSchema.optional() })
  .meta({ id: 'SchedulePhase', description: 'Repeat every <every>; for <for> from the phase start, or without end' });

export const DeadlineSchema = z
  .strictObject({
    id: identifier,
    kind: z.enum(['deadline', 'reminder']),
    anchor: DeadlineAnchorSchema,
    after: DurationSchema.optional(),
    schedule: z.array(SchedulePhaseSchema).min(1).optional(),
    /** Fired by the scheduler at the due time. */
    event: eventName.optional(),
    remindBefore: z.array(DurationSchema).optional(),
  })
  .refine((d) => (d.after === undefined) !== (d.schedule === undefined), {
    message: 'exactly one of after or schedule',
    path: ['after'],
  })
  .meta({ id: 'Deadline' });

export const RoleAssignmentSchema = z
  .strictObject({ role: identifier, duty: z.enum(['responsible', 'contributes', 'informed']) })
  .meta({ id: 'RoleAssignment' });

/** Marks let the rules of the field be checked on any workflow, including a municipality's clone. */
export const StageMarkSchema = z.enum(['childBranch', 'planApproval', 'serviceTrack', 'checkpoint']);

export type Duration = z.infer<typeof DurationSchema>;
export type Guard = z.infer<typeof GuardSchema>;
export type ActionRef = z.infer<typeof ActionRefSchema>;
export type Transition = z.infer<typeof TransitionSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;
export type StageMark = z.infer<typeof StageMarkSchema>;

interface StageCommon {
  requiredForms?: string[];
  roles?: RoleAssignment[];
  deadlines?: Deadline[];
  on?: Record<string, Transition[]>;
  always?: Transition[];
  entryActions?: ActionRef[];
  marks?: StageMark[];
  /** The organisation this stage refers the person to; entering it requires that recipient's consent. */
  referralTo?: string;
}
export interface AtomicStage extends StageCommon {
  type: 'atomic';
}
export interface CompoundStage extends StageCommon {
  type: 'compound';
  initial: string;
  stages: Record<string, Stage>;
  onDone?: Transition[];
}
export interface ParallelStage extends StageCommon {
  type: 'parallel';
  /** Service tracks: every region runs at the same time. */
  regions: Record<string, Stage>;
  onDone?: Transition[];
}
export interface FinalStage {
  type: 'final';
  roles?: RoleAssignment[];
  marks?: StageMark[];
  entryActions?: ActionRef[];
}
export type Stage = AtomicStage | CompoundStage | ParallelStage | FinalStage;

const common = {
  requiredForms: z.array(formPath).optional(),
  roles: z.array(RoleAssignmentSchema).optional(),
  deadlines: z.array(DeadlineSchema).optional(),
  on: z.record(eventName, z.array(TransitionSchema)).optional(),
  always: z.array(TransitionSchema).optional(),
  entryActions: z.array(ActionRefSchema).optional(),
  marks: z.array(StageMarkSchema).optional(),
  referralTo: identifier.optional(),
};

export const StageSchema: z.ZodType<Stage> = z
  .lazy(() =>
    z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('atomic'), ...common }),
      z.strictObject({
        type: z.literal('compound'),
        ...common,
        initial: identifier,
        stages: z.record(identifier, StageSchema),
        onDone: z.array(TransitionSchema).optional(),
      }),
      z.strictObject({
        type: z.literal('parallel'),
        ...common,
        regions: z.record(identifier, StageSchema),
        onDone: z.array(TransitionSchema).optional(),
      }),
      z.strictObject({
        type: z.literal('final'),
        roles: common.roles,
        marks: common.marks,
        entryActions: common.entryActions,
      }),
    ]),
  )
  .meta({ id: 'Stage' });

export const WorkflowDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.number().int().positive(),
    titleKey: z.string().regex(/^workflows:[a-z][a-z0-9-]*\.title$/),
    jurisdiction: z.string().regex(/^[a-z]{2}$/),
    /**
     * Every jurisdiction a case of this workflow may run under, chosen when the case is opened (a return programme's
     * countries of return, each with its own parameters and so its own eligibility); `jurisdiction` is the default.
     */
    jurisdictions: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).max(50).optional(),
    initial: identifier,
    stages: z.record(identifier, StageSchema),
    /** Which form fields feed which case fields (form-bindings.schemas.ts). */
    bindings: z.array(FormBindingSchema).max(300).optional(),
    /**
     * Names an administrator gave stages the workflow's translations do not name (a municipality's own stage), by
     * stage id and then language: `{ legalCounselling: { fi: 'Oikeudellinen neuvonta', en: 'Legal counselling' } }`.
     * They stand in for `workflows:<id>.stages.<stageId>` as the locale files would (stage-name.util.ts), so the
     * name is looked up the same way and shared by every stage of that id, as template stages share their text.
     */
    stageNames: z.record(identifier, z.record(z.string().regex(LANGUAGE_PATTERN), z.string().trim().min(1).max(STAGE_NAME_MAX))).optional(),
    /** Set on a clone: the template or shared workflow it came from, so upstream changes can be offered. */
    upstream: z.strictObject({ id: z.string(), version: z.number().int().positive() }).optional(),
  })
  .meta({ id: 'WorkflowDefinition', title: 'Workflow definition' });

export type WorkflowDefinition = z.infer<typeof WorkflowDefinitionSchema>;
