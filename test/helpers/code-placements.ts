/**
 * Every place in a form definition where @formio/core or @formio/js may run code, as a component that puts a given
 * value there, and the shapes of hostile values to try in each (issue 13). The definition validator's unit tests
 * and the integration tests of every channel (native API, Form.io API, import, template library) share this table.
 */
export interface CodePlacement {
  name: string;
  /** The property the validator must name, relative to the component. */
  property: string;
  component: (key: string, value: unknown) => Record<string, unknown>;
  /** Date limits take a date string, not JSONLogic. */
  dateLimit?: boolean;
}

const text = (key: string, extra: Record<string, unknown>) => ({ type: 'textfield', key, label: key, input: true, ...extra });
const logic = (key: string, entry: Record<string, unknown>) => text(key, { logic: [{ name: 'rule', trigger: { type: 'simple', simple: {} }, actions: [], ...entry }] });

export const CODE_PLACEMENTS: CodePlacement[] = [
  { name: 'calculateValue', property: 'calculateValue', component: (key, value) => text(key, { calculateValue: value }) },
  { name: 'customDefaultValue', property: 'customDefaultValue', component: (key, value) => text(key, { customDefaultValue: value }) },
  { name: 'customConditional', property: 'customConditional', component: (key, value) => text(key, { customConditional: value }) },
  { name: 'validate.custom', property: 'validate.custom', component: (key, value) => text(key, { validate: { custom: value } }) },
  { name: 'validate.json', property: 'validate.json', component: (key, value) => text(key, { validate: { json: value } }) },
  { name: 'conditional.json', property: 'conditional.json', component: (key, value) => text(key, { conditional: { json: value } }) },
  { name: 'logic trigger.javascript', property: 'logic[0].trigger.javascript', component: (key, value) => logic(key, { trigger: { type: 'simple', javascript: value } }) },
  { name: 'logic trigger.json', property: 'logic[0].trigger.json', component: (key, value) => logic(key, { trigger: { type: 'json', json: value } }) },
  { name: 'logic value action', property: 'logic[0].actions[0].value', component: (key, value) => logic(key, { actions: [{ name: 'a', type: 'value', value }] }) },
  { name: 'logic customAction', property: 'logic[0].actions[0].customAction', component: (key, value) => logic(key, { actions: [{ name: 'a', type: 'customAction', customAction: value }] }) },
  {
    name: 'logic schemaDefinition',
    property: 'logic[0].actions[0].schemaDefinition',
    component: (key, value) => logic(key, { actions: [{ name: 'a', type: 'mergeComponentSchema', schemaDefinition: value }] }),
  },
  { name: 'onChange', property: 'onChange', component: (key, value) => text(key, { onChange: value }) },
  { name: 'button custom action', property: 'custom', component: (key, value) => ({ type: 'button', key, label: key, action: 'custom', custom: value }) },
  { name: 'select data.custom', property: 'data.custom', component: (key, value) => ({ type: 'select', key, label: key, input: true, dataSrc: 'custom', data: { custom: value } }) },
  { name: 'select onSetItems', property: 'onSetItems', component: (key, value) => ({ type: 'select', key, label: key, input: true, onSetItems: value }) },
  { name: 'editgrid validate.row', property: 'validate.row', component: (key, value) => ({ type: 'editgrid', key, label: key, input: true, components: [], validate: { row: value } }) },
  {
    name: 'datagrid conditionalAddButton',
    property: 'conditionalAddButton',
    component: (key, value) => ({ type: 'datagrid', key, label: key, input: true, components: [], conditionalAddButton: value }),
  },
  { name: 'wizard page nextPage', property: 'nextPage', component: (key, value) => ({ type: 'panel', key, title: key, input: false, components: [], nextPage: value }) },
  { name: 'datetime widget.disableFunction', property: 'widget.disableFunction', component: (key, value) => ({ type: 'datetime', key, label: key, input: true, widget: { disableFunction: value } }) },
  {
    name: 'datetime shortcut button',
    property: 'shortcutButtons[0].onClick',
    component: (key, value) => ({ type: 'datetime', key, label: key, input: true, shortcutButtons: [{ label: 'Today', onClick: value }] }),
  },
  { name: 'datasource fetch.mapFunction', property: 'fetch.mapFunction', component: (key, value) => ({ type: 'datasource', key, label: key, input: true, fetch: { url: 'https://example.org', mapFunction: value } }) },
  {
    name: 'password addon isValidCheck',
    property: 'addons[0].settings.isValidCheck',
    component: (key, value) => ({ type: 'password', key, label: key, input: true, addons: [{ name: 'passwordStrength', settings: { isValidCheck: value } }] }),
  },
  { name: 'serverOverride calculateValue', property: 'serverOverride.calculateValue', component: (key, value) => text(key, { serverOverride: { calculateValue: value } }) },
  { name: 'datePicker.minDate', property: 'datePicker.minDate', dateLimit: true, component: (key, value) => ({ type: 'datetime', key, label: key, input: true, datePicker: { minDate: value } }) },
];

const CODE = 'value = data.constructor.constructor("return process")()';
const DATE_CODE = "moment().subtract(1, 'day')";
/** JSONLogic that reaches Function through lodash (refused by the safety checker). */
const LOGIC_WITH_CODE = { _invoke: [{ var: 'data' }, 'constructor.constructor', 'return process'] };

/** The hostile shapes, by name, for a placement: a string, an array, a nested array and an object carrying code. */
export function hostileShapes(placement: CodePlacement): Array<[string, unknown]> {
  const code = placement.dateLimit ? DATE_CODE : CODE;
  return [
    ['string', code],
    ['array', [code]],
    ['nested array', [[code], [[code]]]],
    ['object with JavaScript', placement.dateLimit ? { toDate: code } : LOGIC_WITH_CODE],
  ];
}

/** Problem codes that refuse a code placement. */
export const CODE_REFUSALS = ['javascript', 'code-property-shape', 'unsafe-jsonlogic', 'date-limit-shape'];
