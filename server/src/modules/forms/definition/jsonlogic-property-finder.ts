import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord, type JsonRecord } from '../../../core/json/json-guards';
import { codeSlots } from './evaluated-properties';
import { findUnsafeJsonLogic } from './jsonlogic-safety-checker';

export interface FoundUnsafeLogic {
  property: string;
  reason: string;
}

/**
 * JSONLogic in one component that uses an operator or path outside the safe allow-list: every object in a place
 * that can carry code (codeSlots) is JSONLogic to @formio/core's evaluator, whatever the property is called.
 * Strings and other shapes there are reported by findCodeInComponent.
 */
export function findUnsafeLogicInComponent(component: JsonRecord, prefix = '', depth = 0): FoundUnsafeLogic[] {
  checkWalkDepth(depth);
  const found: FoundUnsafeLogic[] = [];
  for (const { property, value } of codeSlots(component)) {
    if (!isRecord(value)) continue;
    for (const unsafe of findUnsafeJsonLogic(value)) found.push({ property: `${prefix}${property}${unsafe.at}`, reason: unsafe.reason });
  }
  if (isRecord(component.serverOverride)) found.push(...findUnsafeLogicInComponent(component.serverOverride, `${prefix}serverOverride.`, depth + 1));
  return found;
}
