import { z } from 'zod';

// Form.io's own rules for `name` (a machine name) and `path` (the URL segment under the project); we keep
// `path` to lowercase slugs, optionally nested with `/`, so that it is unambiguous in `/formio/:org/:path`.
const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/**
 * The top level of a stored form. Unknown top-level properties of a Form.io export (`_id`, `owner`, `access`,
 * `created`...) are dropped: the platform assigns those itself. Components are checked one by one afterwards,
 * with their positions, so here they only need to be a list.
 */
export const formDefinitionSchema = z.object({
  title: z.string().trim().min(1).max(300),
  name: z.string().regex(NAME).max(200),
  path: z.string().regex(SLUG).max(200),
  display: z.enum(['form', 'wizard']).default('form'),
  type: z.literal('form').default('form'),
  components: z.array(z.unknown()),
  tags: z.array(z.string().min(1).max(100)).default([]),
  properties: z.record(z.string(), z.string()).default({}),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export type ParsedFormDefinition = z.infer<typeof formDefinitionSchema>;
