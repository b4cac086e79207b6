/**
 * One thing wrong with a form definition. `code` is stable and doubles as the message key
 * `validation:definition.<code>`, so the API layer translates it in the request's language; nothing here is
 * user-facing text.
 */
export type DefinitionProblemCode =
  | 'schema'
  | 'component-not-object'
  | 'component-type-missing'
  | 'key-missing'
  | 'key-format'
  | 'key-dot'
  | 'key-dollar'
  | 'key-reserved'
  | 'key-duplicate'
  | 'javascript'
  | 'code-property-shape'
  | 'date-limit-shape'
  | 'unsafe-jsonlogic'
  | 'template-expression'
  | 'html-script'
  | 'html-event-handler'
  | 'html-javascript-url';

export interface DefinitionProblem {
  code: DefinitionProblemCode;
  /** Position in the definition, e.g. `components[2].components[0]`, or a top-level property such as `path`. */
  path: string;
  /** The component's key, when the problem is inside a component. */
  key?: string;
  /** The offending property relative to the component, e.g. `validate.custom` or `logic[0].trigger.javascript`. */
  property?: string;
  /** Values for the message, e.g. the zod issue code for `schema` problems. */
  params?: Record<string, string>;
}
