// Imported only from the lazily loaded renderer and builder chunks: never part of the sign-in page.
import 'bootstrap/dist/css/bootstrap.min.css';
import '@formio/js/dist/formio.full.min.css';
import { Evaluator as CoreEvaluator } from '@formio/core';
import { Components, Formio } from '@formio/js';
import { Evaluator } from '@formio/js/utils';

let done = false;

/**
 * Evaluation off (the server's CSP forbids eval, and form definitions carry no code: JSONLogic and simple
 * conditionals still work), requests to our own server only, and no code editor fetched from a CDN.
 */
export function setupFormio(org: string): void {
  Evaluator.noeval = true;
  CoreEvaluator.noeval = true;
  Formio.setBaseUrl(window.location.origin);
  Formio.setProjectUrl(`${window.location.origin}/formio/${encodeURIComponent(org)}`);
  if (done) return;
  done = true;
  // Text areas whose edit form asks for the ace editor (a CDN script) become plain text areas.
  const TextArea = Components.components.textarea as unknown as new (component: Record<string, unknown>, ...rest: unknown[]) => object;
  class PlainTextArea extends TextArea {
    constructor(component: Record<string, unknown>, ...rest: unknown[]) {
      super(component?.editor === 'ace' ? { ...component, editor: '' } : component, ...rest);
    }
  }
  Object.assign(PlainTextArea, { editForm: (TextArea as unknown as { editForm: unknown }).editForm });
  Components.setComponent('textarea', PlainTextArea as never);
}
