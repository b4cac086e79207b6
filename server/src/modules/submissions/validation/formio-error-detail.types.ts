/** The translate function the caller passes in, e.g. `i18n.instance.getFixedT('fi')`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * One validation failure in the shape Form.io's server returns in `details[]` and @formio/js's
 * `setServerErrors` reads: `path` as an array (`['household', 0, 'name']`) for `getComponent`, the string form in
 * `context.path`.
 */
export interface FormioErrorDetail {
  message: string;
  level: 'error';
  path: Array<string | number>;
  context: FormioErrorContext;
}

export interface FormioErrorContext {
  key: string;
  label: string;
  validator: string;
  path: string;
  index?: number;
  [value: string]: string | number | boolean | undefined;
}
