import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord, type JsonRecord } from '../../../core/json/json-guards';

/**
 * Every property that @formio/core (server) or @formio/js (browser) hands to `Evaluator.evaluate`, found by reading
 * both packages (2.8 / 5.x). A string there is JavaScript; an object is JSONLogic, allowed when the safety checker
 * approves it; any other shape (an array, a number...) is refused too (see codeSlots). Keep this list in step with
 * upgrades: grep the packages for `evaluate(` and `interpolate(`.
 */
const DIRECT_CODE_PROPERTIES = [
  'customConditional', // core conditions, js Component.conditionallyVisible
  'calculateValue', // core calculation, js Component.calculateValue
  'customDefaultValue', // core defaultValue, js Component/SelectBoxes
  'onChange', // js Component.triggerChange
  'onSetItems', // js Select.setItems
  'conditionalAddButton', // js NestedArrayComponent.hasAddButton
  'nextPage', // js Wizard: a page's next-page logic
  'custom', // js Button action "custom"
  'validate.custom', // core validateCustom
  'validate.json', // core validateJson: a string is code, an object is JSONLogic
  'validate.row', // js EditGrid row validation
  'conditional.json', // core checkJsonConditional: a string is code
  'data.custom', // core validateAvailableItems and js Select with dataSrc "custom"
  'widget.disableFunction', // js CalendarWidget
  'datePicker.disableFunction', // js CalendarWidget (builder setting)
  'fetch.mapFunction', // core fetch (datasource)
  'fetch.specifyBody', // core fetch (datasource)
] as const;

// Date limits are parsed as dates, but a string containing a call such as `moment().add(1, 'd')` is evaluated
// (js utils getDateSetting); a plain date string is fine.
const DATE_LIMIT_PROPERTIES = ['datePicker.minDate', 'datePicker.maxDate', 'widget.minDate', 'widget.maxDate'] as const;

/** Top-level form properties that @formio/js Webform evaluates. */
export const FORM_CODE_PROPERTIES = ['module', 'controller'] as const;

export interface FoundCode {
  /** Property path relative to the component, e.g. `logic[0].actions[1].value`. */
  property: string;
  /**
   * `javascript`: a string of code; `shape`: neither nothing nor an object (an array, a number...); `date-limit`: a
   * date limit that is not a string.
   */
  kind: 'javascript' | 'shape' | 'date-limit';
}

export function getAt(object: JsonRecord, dottedPath: string): unknown {
  let current: unknown = object;
  for (const part of dottedPath.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** A property that can carry code, with its value. */
export interface CodeSlot {
  property: string;
  value: unknown;
}

/**
 * Every place in one component (not its children, nor its serverOverride) that @formio/core or @formio/js may
 * evaluate. Such a place accepts nothing (absent, null or an empty string) or a JSONLogic object that the safety
 * checker approves: a string is JavaScript, and an array or any other shape is refused too, because the evaluators
 * hand non-strings on to JSONLogic or turn them into code text (`return ${value}`).
 */
export function codeSlots(component: JsonRecord): CodeSlot[] {
  const slots: CodeSlot[] = DIRECT_CODE_PROPERTIES.map((property) => ({ property, value: getAt(component, property) }));
  forEachRecord(component.shortcutButtons, (button, index) => slots.push({ property: `shortcutButtons[${index}].onClick`, value: button.onClick }));
  forEachRecord(component.logic, (logic, index) => {
    const trigger = isRecord(logic.trigger) ? logic.trigger : {};
    slots.push({ property: `logic[${index}].trigger.javascript`, value: trigger.javascript });
    slots.push({ property: `logic[${index}].trigger.json`, value: trigger.json });
    forEachRecord(logic.actions, (action, actionIndex) => {
      // A `value` action's value is evaluated; other actions' `value` is plain data (a property to set).
      if (action.type === 'value') slots.push({ property: `logic[${index}].actions[${actionIndex}].value`, value: action.value });
      slots.push({ property: `logic[${index}].actions[${actionIndex}].customAction`, value: action.customAction });
      slots.push({ property: `logic[${index}].actions[${actionIndex}].schemaDefinition`, value: action.schemaDefinition });
    });
  });
  forEachRecord(component.addons, (addon, index) => {
    // The password-strength addon evaluates these settings.
    const settings = isRecord(addon.settings) ? addon.settings : {};
    for (const name of ['isValidCheck', 'customBlacklistedWords'] as const) slots.push({ property: `addons[${index}].settings.${name}`, value: settings[name] });
    forEachRecord(settings.rules, (rule, ruleIndex) => slots.push({ property: `addons[${index}].settings.rules[${ruleIndex}].check`, value: rule.check }));
  });
  return slots.filter((slot) => !isNothing(slot.value));
}

/** What an unused code property holds in Form.io's own schemas: absent, null or an empty string. */
export function isNothing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Finds JavaScript in one component (not its children), and code properties of a shape other than nothing or an
 * object; objects are JSONLogic, checked by findUnsafeLogicInComponent.
 */
export function findCodeInComponent(component: JsonRecord, prefix = '', depth = 0): FoundCode[] {
  checkWalkDepth(depth);
  const found: FoundCode[] = [];
  for (const { property, value } of codeSlots(component)) {
    if (typeof value === 'string') found.push({ property: `${prefix}${property}`, kind: 'javascript' });
    else if (!isRecord(value)) found.push({ property: `${prefix}${property}`, kind: 'shape' });
  }
  forEachRecord(component.logic, (logic, index) => {
    if (isRecord(logic.trigger) && logic.trigger.type === 'javascript') found.push({ property: `${prefix}logic[${index}].trigger`, kind: 'javascript' });
  });
  for (const property of DATE_LIMIT_PROPERTIES) {
    const value = getAt(component, property);
    // A date limit is parsed as a date; @formio/js evaluates a string with a call such as `moment().add(1, 'd')`,
    // and turns anything that is not a string into code text too.
    if (typeof value === 'string' && value.includes('(')) found.push({ property: `${prefix}${property}`, kind: 'javascript' });
    else if (value !== undefined && value !== null && typeof value !== 'string') found.push({ property: `${prefix}${property}`, kind: 'date-limit' });
  }
  // serverOverride is merged into the component on the server before anything else runs.
  if (isRecord(component.serverOverride)) found.push(...findCodeInComponent(component.serverOverride, `${prefix}serverOverride.`, depth + 1));
  return found;
}

function forEachRecord(list: unknown, fn: (item: JsonRecord, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, index) => {
    if (isRecord(item)) fn(item, index);
  });
}
