import { z } from 'zod';
import { IsoDateTime } from '../api/wire.schemas';

/*
 * The answers of the Form.io-compatible API (/formio/:org/…) in Form.io's own shapes, which the unchanged Form.io
 * SDK and renderer read. Objects stay open where Form.io's definitions carry properties of their own.
 */

/** A form in Form.io's shape: the definition of one revision (`_vid`), its texts translated where `lang` asked. */
export const FormioFormSchema = z.object({
  _id: z.string(),
  title: z.string().optional(),
  name: z.string().optional(),
  path: z.string().optional(),
  type: z.literal('form'),
  display: z.string().optional(),
  tags: z.array(z.string()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  components: z.array(z.looseObject({})),
  /** `<organisation slug>:<form name>`. */
  machineName: z.string(),
  /** The organisation's id (Form.io's project). */
  project: z.string(),
  owner: z.string().nullable(),
  access: z.array(z.unknown()),
  submissionAccess: z.array(z.unknown()),
  revisions: z.literal('original'),
  /** The revision number. */
  _vid: z.number().int(),
  version: z.number().int(),
  created: IsoDateTime,
  modified: IsoDateTime,
});
export const FormioFormListSchema = z.array(FormioFormSchema);

/** A submission in Form.io's shape; fields the reader may not read are left out of `data` and named in `metadata.masked`. */
export const FormioSubmissionSchema = z.object({
  _id: z.string(),
  form: z.string(),
  project: z.string(),
  owner: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  state: z.literal('submitted'),
  metadata: z.object({ caseId: z.string().nullable(), formPath: z.string(), masked: z.array(z.string()) }),
  /** The form revision it was made against. */
  _fvid: z.number().int(),
  version: z.number().int(),
  created: IsoDateTime,
  modified: IsoDateTime,
});
export const FormioSubmissionListSchema = z.array(FormioSubmissionSchema);

/** `GET /formio/:org/current`: the signed-in user as Form.io's SDK expects a user resource. */
export const FormioUserSchema = z.object({
  _id: z.string(),
  data: z.object({ email: z.string(), name: z.string() }),
  roles: z.array(z.string()),
  project: z.string(),
  org: z.string(),
});

/** What Form.io answers to a deletion: an empty object. */
export const FormioDeletedSchema = z.object({}).strict();
