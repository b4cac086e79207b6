import { checkWalkDepth } from '../../../core/json/json-depth';
import { isNonEmptyString, isRecord, type JsonRecord } from '../shared/json-guards';

/**
 * Every property that @formio/core (server) or @formio/js (browser) hands to `Evaluator.evaluate` when it holds a
 * string, found by reading both packages (2.8 / 5.x). A string there is JavaScript; the JSONLogic object forms
 * of the same properties are data and stay allowed. Keep this list in step with upgrades: grep the packages for
 * `evaluate(` and `interpolate(`.
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
}

export function getAt(object: JsonRecord, dottedPath: string): unknown {
  let current: unknown = object;
  for (const part of dottedPath.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Finds JavaScript in one component (not its children). */
export function findCodeInComponent(component: JsonRecord, prefix = '', depth = 0): FoundCode[] {
  checkWalkDepth(depth);
  const found: FoundCode[] = [];
  const report = (property: string) => found.push({ property: `${prefix}${property}` });

  for (const property of DIRECT_CODE_PROPERTIES) {
    if (isNonEmptyString(getAt(component, property))) report(property);
  }
  for (const property of DATE_LIMIT_PROPERTIES) {
    const value = getAt(component, property);
    if (typeof value === 'string' && value.includes('(')) report(property);
  }
  forEachRecord(component.shortcutButtons, (button, index) => {
    if (isNonEmptyString(button.onClick)) report(`shortcutButtons[${index}].onClick`);
  });
  forEachRecord(component.logic, (logic, index) => {
    for (const property of findCodeInLogic(logic)) report(`logic[${index}]${property}`);
  });
  forEachRecord(component.addons, (addon, index) => {
    // The password-strength addon evaluates these settings.
    const settings = isRecord(addon.settings) ? addon.settings : {};
    for (const name of ['isValidCheck', 'customBlacklistedWords'] as const) {
      if (isNonEmptyString(settings[name])) report(`addons[${index}].settings.${name}`);
    }
    forEachRecord(settings.rules, (rule, ruleIndex) => {
      if (isNonEmptyString(rule.check)) report(`addons[${index}].settings.rules[${ruleIndex}].check`);
    });
  });
  // serverOverride is merged into the component on the server before anything else runs.
  if (isRecord(component.serverOverride)) found.push(...findCodeInComponent(component.serverOverride, `${prefix}serverOverride.`, depth + 1));
  return found;
}

function findCodeInLogic(logic: JsonRecord): string[] {
  const found: string[] = [];
  const trigger = logic.trigger;
  if (isRecord(trigger)) {
    if (trigger.type === 'javascript') found.push('.trigger');
    else if (isNonEmptyString(trigger.javascript)) found.push('.trigger.javascript');
    if (typeof trigger.json === 'string') found.push('.trigger.json');
  }
  forEachRecord(logic.actions, (action, index) => {
    if (action.type === 'value' && typeof action.value === 'string') found.push(`.actions[${index}].value`);
    if (typeof action.customAction === 'string') found.push(`.actions[${index}].customAction`);
    if (typeof action.schemaDefinition === 'string') found.push(`.actions[${index}].schemaDefinition`);
  });
  return found;
}

function forEachRecord(list: unknown, fn: (item: JsonRecord, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, index) => {
    if (isRecord(item)) fn(item, index);
  });
}
