import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord, type JsonRecord } from '../shared/json-guards';
import { getAt } from './evaluated-properties';
import { findUnsafeJsonLogic } from './jsonlogic-safety-checker';

// Properties that @formio/core evaluates as JSONLogic when they hold an object.
const LOGIC_PROPERTIES = ['calculateValue', 'customDefaultValue', 'conditional.json', 'validate.json'] as const;

export interface FoundUnsafeLogic {
  property: string;
  reason: string;
}

/** JSONLogic in one component that uses an operator or path outside the safe allow-list. */
export function findUnsafeLogicInComponent(component: JsonRecord, prefix = '', depth = 0): FoundUnsafeLogic[] {
  checkWalkDepth(depth);
  const found: FoundUnsafeLogic[] = [];
  const inspect = (property: string, logic: unknown) => {
    if (!isRecord(logic) && !Array.isArray(logic)) return;
    for (const unsafe of findUnsafeJsonLogic(logic)) found.push({ property: `${prefix}${property}${unsafe.at}`, reason: unsafe.reason });
  };
  for (const property of LOGIC_PROPERTIES) inspect(property, getAt(component, property));
  if (Array.isArray(component.logic)) {
    component.logic.forEach((logic: unknown, index) => {
      if (!isRecord(logic)) return;
      if (isRecord(logic.trigger)) inspect(`logic[${index}].trigger.json`, logic.trigger.json);
      if (Array.isArray(logic.actions)) {
        logic.actions.forEach((action: unknown, actionIndex) => {
          if (isRecord(action) && action.type === 'value') inspect(`logic[${index}].actions[${actionIndex}].value`, action.value);
        });
      }
    });
  }
  if (isRecord(component.serverOverride)) found.push(...findUnsafeLogicInComponent(component.serverOverride, `${prefix}serverOverride.`, depth + 1));
  return found;
}
