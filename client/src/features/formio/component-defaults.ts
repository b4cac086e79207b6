// Loaded lazily (with the Form.io chunk) by the revisions page, which compares components as Form.io reads them.
import { Components } from '@formio/js';

type Schema = Record<string, unknown>;
const registry = Components.components as unknown as Record<string, { schema?: () => Schema } | undefined>;

/**
 * Form.io's default schema of a component type (what the renderer fills in for a property a definition leaves out),
 * or undefined for a type it does not know. The builder writes all of these into every component of a form it saves.
 */
export function componentDefaults(type: string | undefined): Schema | undefined {
  return type ? registry[type]?.schema?.() : undefined;
}
