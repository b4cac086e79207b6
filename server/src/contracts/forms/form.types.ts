import type { JsonRecord } from '../json/json-guards';

/**
 * A Form.io component as stored. Deliberately loose: Form.io has dozens of component types with their own
 * properties, and a builder export must round-trip unchanged, so only the properties this module reads are named.
 */
export interface FormComponent extends JsonRecord {
  type?: string;
  key?: string;
  label?: string;
  input?: boolean;
  components?: unknown;
  columns?: unknown;
  rows?: unknown;
  properties?: unknown;
}

export interface FormDefinition {
  title: string;
  name: string;
  path: string;
  display: 'form' | 'wizard';
  type: 'form';
  components: FormComponent[];
  tags: string[];
  properties: Record<string, string>;
  settings: JsonRecord;
}

/** The part of a form that submission validation, translation and diffing need. */
export interface FormLike {
  components: FormComponent[];
  display?: string;
  title?: string;
}
