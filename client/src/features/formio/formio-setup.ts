// Imported only from the lazily loaded renderer and builder chunks: never part of the sign-in page.
import 'bootstrap/dist/css/bootstrap.min.css';
import '@formio/js/dist/formio.full.min.css';
import { Evaluator as CoreEvaluator } from '@formio/core';
import { Components, Formio, Widgets } from '@formio/js';
import { Evaluator } from '@formio/js/utils';

let done = false;

/**
 * Evaluation off (the server's CSP forbids eval, and form definitions carry no code: JSONLogic and simple
 * conditionals still work), requests to our own server only, and no code editor fetched from a CDN.
 */
export function setupFormio(org: string, mode: 'render' | 'build' = 'render'): void {
  Evaluator.noeval = true;
  CoreEvaluator.noeval = true;
  Formio.setBaseUrl(window.location.origin);
  // The builder asks for the project's settings (`GET` of the project URL's first segment, here /formio), which this
  // server does not have; with the project URL equal to the base URL the SDK knows there is no project and asks nothing.
  Formio.setProjectUrl(mode === 'build' ? window.location.origin : `${window.location.origin}/formio/${encodeURIComponent(org)}`);
  if (done) return;
  done = true;
  // Date fields the builder draws would fetch the flatpickr calendar from Form.io's CDN, which the CSP forbids: they
  // get the plain input widget. (The renderer already asks for native date inputs; see FormRenderer.)
  (Widgets as Record<string, unknown>).calendar = (Widgets as Record<string, unknown>).input;
  // Text areas that ask for an editor (ace, CKEditor, Quill: scripts from Form.io's CDN) become plain text areas.
  // Without ace, Form.io keeps a JSON text area's (e.g. the builder's JSONLogic validation) shown text as its value:
  // `""` when empty, which the server rightly reads as JavaScript. The value stays JSON, as with ace.
  interface TextAreaInstance {
    component: Record<string, unknown>;
    dataValue: unknown;
    setValue(value: unknown, flags?: unknown): boolean;
    setConvertedValue(value: unknown, index?: number): string;
    getConvertedValue(value: unknown): unknown;
  }
  const TextArea = Components.components.textarea as unknown as new (component: Record<string, unknown>, ...rest: unknown[]) => TextAreaInstance;
  class PlainTextArea extends TextArea {
    constructor(component: Record<string, unknown>, ...rest: unknown[]) {
      super(component?.editor || component?.wysiwyg ? { ...component, editor: '', wysiwyg: false } : component, ...rest);
    }
    override setConvertedValue(value: unknown, index?: number): string {
      return super.setConvertedValue(this.component.as === 'json' && value === '' ? undefined : value, index);
    }
    override setValue(value: unknown, flags?: unknown): boolean {
      const changed = super.setValue(value, flags);
      if (this.component.as === 'json' && typeof this.dataValue === 'string' && this.dataValue) this.dataValue = this.getConvertedValue(this.dataValue);
      return changed;
    }
  }
  Object.assign(PlainTextArea, { editForm: (TextArea as unknown as { editForm: unknown }).editForm });
  Components.setComponent('textarea', PlainTextArea as never);
}
