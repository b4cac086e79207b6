import { DefaultEvaluator, Evaluator, registerEvaluator, type EvaluatorOptions } from '@formio/core';
import { isRecord } from '../../../core/json/json-guards';
import { isSafeJsonLogic } from './jsonlogic-safety-checker';

/**
 * @formio/core's default evaluator compiles form strings with `new Function` and runs them with full Node
 * access. This one never compiles or calls anything from a form: `noeval` is on (so interpolation only substitutes
 * data paths), strings and functions evaluate to null, and JSONLogic runs only when it passes the same allow-list
 * the definition validator applies. Definitions with code are refused on save; this is the second wall.
 */
export class NoCodeEvaluator extends DefaultEvaluator {
  constructor() {
    super({ noeval: true });
  }

  override evaluator(): () => void {
    return () => undefined;
  }

  override evaluate(
    func: unknown,
    args?: unknown,
    ret?: unknown,
    interpolate?: boolean,
    context?: unknown,
    options?: EvaluatorOptions,
  ): unknown {
    if ((isRecord(func) || Array.isArray(func)) && isSafeJsonLogic(func)) {
      return super.evaluate(func, args, ret, interpolate, context, { ...options, noeval: true });
    }
    return null;
  }

  override execute(): undefined {
    return undefined;
  }
}

/**
 * Replaces core's process-wide evaluator (core reads the `Evaluator` binding on every call). Idempotent, and
 * also sets `noeval` on the instance that was current before, in case something kept a reference to it.
 */
export function installNoCodeEvaluator(): void {
  if (Evaluator instanceof NoCodeEvaluator) return;
  Evaluator.noeval = true;
  registerEvaluator(new NoCodeEvaluator());
}

export function isNoCodeEvaluatorInstalled(): boolean {
  return Evaluator instanceof NoCodeEvaluator && Evaluator.noeval;
}
