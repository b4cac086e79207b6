import { CODE_PLACEMENTS, CODE_REFUSALS, hostileShapes } from '../../../../../test/helpers/code-placements';
import { loadFixture } from '../../../../../test/helpers/forms-test-kit';
import { validateFormDefinition } from './form-definition-validator';
import type { DefinitionProblem } from './definition-problem.types';

const base = { title: 'Needs assessment', name: 'needsAssessment', path: 'needs-assessment', display: 'form', type: 'form' };
const text = (key: string, extra: Record<string, unknown> = {}) => ({ type: 'textfield', key, label: key, input: true, ...extra });

function problemsOf(definition: unknown): DefinitionProblem[] {
  const result = validateFormDefinition(definition);
  return result.ok ? [] : result.problems;
}

/** A form whose third top-level component is a panel holding the component under test. */
function nested(component: Record<string, unknown>) {
  return { ...base, components: [text('a'), text('b'), { type: 'panel', key: 'page', title: 'Page', input: false, components: [component] }] };
}
const NESTED_PATH = 'components[2].components[0]';

describe('validateFormDefinition: accepted definitions', () => {
  it('accepts the fixture forms', () => {
    expect(problemsOf(loadFixture('validation-table-form.json'))).toEqual([]);
    expect(problemsOf(loadFixture('sixty-field-form.json'))).toEqual([]);
  });

  it('fills defaults and drops Form.io server metadata', () => {
    const result = validateFormDefinition({ ...base, display: undefined, _id: 'abc', owner: 'x', components: [] });
    expect(result).toEqual({
      ok: true,
      form: { ...base, display: 'form', type: 'form', components: [], tags: [], properties: {}, settings: {} },
    });
  });

  it('allows JSONLogic and simple conditionals', () => {
    const components = [
      { type: 'number', key: 'x', label: 'X', input: true },
      { type: 'number', key: 'sum', label: 'Sum', input: true, calculateValue: { '+': [{ var: 'data.x' }, 1] } },
      text('legacy', { conditional: { show: true, when: 'x', eq: '1' } }),
      text('modern', { conditional: { show: true, conjunction: 'all', conditions: [{ component: 'x', operator: 'isEqual', value: 1 }] } }),
      text('json', { conditional: { json: { '===': [{ var: 'data.x' }, 1] } } }),
      text('validated', { validate: { json: { if: [{ var: 'data.validated' }, true, 'required'] } } }),
      text('defaulted', { customDefaultValue: { cat: ['a', 'b'] } }),
      text('logic', { logic: [{ name: 'l', trigger: { type: 'json', json: { '>': [{ var: 'data.x' }, 2] } }, actions: [{ type: 'property', property: { value: 'hidden', type: 'boolean' }, state: true }] }] }),
      { type: 'number', key: 'rowsTotal', label: 'Total', input: true, calculateValue: { _sumBy: [{ var: 'data.grid' }, 'amount'] } },
      { type: 'number', key: 'mapped', label: 'Mapped', input: true, calculateValue: { reduce: [{ map: [{ var: 'data.grid' }, { var: 'amount' }] }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] } },
      { type: 'htmlelement', key: 'intro', tag: 'p', content: 'Hello {{ data.name }}, <b>welcome</b>', input: false },
    ];
    expect(problemsOf({ ...base, components })).toEqual([]);
  });
});

describe('validateFormDefinition: top level', () => {
  it('reports every top-level problem with its path', () => {
    const paths = problemsOf({ title: '', name: 'has space', path: 'Not A Slug', display: 'page', type: 'resource', components: 'x' }).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'name', 'path', 'display', 'type', 'components']));
  });

  it('refuses a form module or controller', () => {
    expect(problemsOf({ ...base, components: [], module: '{ options: {} }' })).toContainEqual({ code: 'javascript', path: 'module', property: 'module' });
    expect(problemsOf({ ...base, components: [], controller: 'alert(1)' })).toContainEqual({ code: 'javascript', path: 'controller', property: 'controller' });
  });
});

describe('validateFormDefinition: keys', () => {
  it.each([
    ['first.name', 'key-dot'],
    ['$where', 'key-dollar'],
    ['-name', 'key-format'],
    ['name with space', 'key-format'],
    ['__proto__', 'key-reserved'],
  ])('refuses the key %s (%s)', (key, code) => {
    expect(problemsOf(nested(text(key)))).toContainEqual({ code, path: NESTED_PATH, key, property: 'key' });
  });

  it('refuses an input without a key', () => {
    expect(problemsOf(nested({ type: 'textfield', label: 'x', input: true }))).toContainEqual({ code: 'key-missing', path: NESTED_PATH });
  });

  it('refuses duplicate keys in one data scope, across layout components', () => {
    expect(problemsOf(nested(text('a')))).toContainEqual({ code: 'key-duplicate', path: NESTED_PATH, key: 'a', property: 'key', params: { firstPath: 'components[0]' } });
  });

  it('allows the same key in different data scopes', () => {
    const grid = { type: 'datagrid', key: 'grid', label: 'Grid', input: true, components: [text('a')] };
    expect(problemsOf({ ...base, components: [text('a'), grid] })).toEqual([]);
  });

  it('finds components inside columns and tables with their positions', () => {
    const columns = { type: 'columns', key: 'cols', input: false, columns: [{ width: 6, components: [] }, { width: 6, components: [text('x.y')] }] };
    const table = { type: 'table', key: 'tbl', input: false, rows: [[{ components: [] }, { components: [text('$t')] }]] };
    const paths = problemsOf({ ...base, components: [columns, table] }).map((p) => p.path);
    expect(paths).toEqual(['components[0].columns[1].components[0]', 'components[1].rows[0][1].components[0]']);
  });
});

describe('validateFormDefinition: no JavaScript anywhere', () => {
  const code = 'value = data.a';
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['customConditional', text('c', { customConditional: 'show = data.a === 1' }), 'customConditional'],
    ['calculateValue', text('c', { calculateValue: code }), 'calculateValue'],
    ['customDefaultValue', text('c', { customDefaultValue: code }), 'customDefaultValue'],
    ['validate.custom', text('c', { validate: { custom: 'valid = input.length > 2' } }), 'validate.custom'],
    ['validate.json as a string', text('c', { validate: { json: '{"==": [1, 1]}' } }), 'validate.json'],
    ['conditional.json as a string', text('c', { conditional: { json: 'show = true' } }), 'conditional.json'],
    ['logic trigger of type javascript', text('c', { logic: [{ trigger: { type: 'javascript', javascript: 'result = true' }, actions: [] }] }), 'logic[0].trigger'],
    ['logic trigger.javascript string', text('c', { logic: [{ trigger: { type: 'simple', javascript: 'result = true' }, actions: [] }] }), 'logic[0].trigger.javascript'],
    ['logic action of type value', text('c', { logic: [{ trigger: { type: 'simple' }, actions: [{ type: 'value', value: code }] }] }), 'logic[0].actions[0].value'],
    ['logic action of type customAction', text('c', { logic: [{ trigger: { type: 'simple' }, actions: [{ type: 'customAction', customAction: code }] }] }), 'logic[0].actions[0].customAction'],
    ['logic action mergeComponentSchema', text('c', { logic: [{ trigger: { type: 'simple' }, actions: [{ type: 'mergeComponentSchema', schemaDefinition: 'schema = {}' }] }] }), 'logic[0].actions[0].schemaDefinition'],
    ['select data.custom', { type: 'select', key: 'c', input: true, dataSrc: 'custom', data: { custom: 'values = []' } }, 'data.custom'],
    ['select onSetItems', { type: 'select', key: 'c', input: true, onSetItems: 'items' }, 'onSetItems'],
    ['button custom action', { type: 'button', key: 'c', action: 'custom', custom: 'alert(1)' }, 'custom'],
    ['onChange handler', text('c', { onChange: 'console.log(1)' }), 'onChange'],
    ['editgrid row validation', { type: 'editgrid', key: 'c', input: true, components: [], validate: { row: 'valid = true' } }, 'validate.row'],
    ['datagrid conditionalAddButton', { type: 'datagrid', key: 'c', input: true, components: [], conditionalAddButton: 'show = true' }, 'conditionalAddButton'],
    ['wizard nextPage', { type: 'panel', key: 'c', input: false, components: [], nextPage: 'next = "x"' }, 'nextPage'],
    ['datetime disableFunction', { type: 'datetime', key: 'c', input: true, widget: { disableFunction: 'date.getDay() === 0' } }, 'widget.disableFunction'],
    ['datetime moment() limit', { type: 'datetime', key: 'c', input: true, datePicker: { minDate: "moment().subtract(1, 'day')" } }, 'datePicker.minDate'],
    ['datetime shortcut button', { type: 'datetime', key: 'c', input: true, shortcutButtons: [{ label: 'Today', onClick: 'date = new Date()' }] }, 'shortcutButtons[0].onClick'],
    ['datasource mapFunction', { type: 'datasource', key: 'c', input: true, fetch: { url: 'https://x', mapFunction: 'value = responseData' } }, 'fetch.mapFunction'],
    ['password addon check', { type: 'password', key: 'c', input: true, addons: [{ name: 'passwordStrength', settings: { isValidCheck: 'valid = true' } }] }, 'addons[0].settings.isValidCheck'],
    ['serverOverride', text('c', { serverOverride: { calculateValue: code } }), 'serverOverride.calculateValue'],
  ];

  it.each(cases)('refuses %s with the component path and property', (_name, component, property) => {
    expect(problemsOf(nested(component))).toContainEqual({ code: 'javascript', path: NESTED_PATH, key: 'c', property });
  });

  it('refuses JSONLogic that can call functions', () => {
    const escape = { _invoke: [{ var: 'data' }, 'constructor.constructor', 'return 1'] };
    expect(problemsOf(nested(text('c', { calculateValue: escape })))).toContainEqual({
      code: 'unsafe-jsonlogic', path: NESTED_PATH, key: 'c', property: 'calculateValue["_invoke"]', params: { operator: '_invoke' },
    });
  });

  it('refuses JSONLogic variables outside the data', () => {
    const problems = problemsOf(nested(text('c', { conditional: { json: { '==': [{ var: '_.template' }, 1] } } })));
    expect(problems.map((p) => p.code)).toEqual(['unsafe-jsonlogic']);
  });

  it('refuses template code in any string, but not plain data placeholders', () => {
    expect(problemsOf(nested(text('c', { label: 'Hi {{ data.name }}' })))).toEqual([]);
    expect(problemsOf(nested(text('c', { label: 'Hi {{ alert(1) }}' })))).toContainEqual({ code: 'template-expression', path: NESTED_PATH, key: 'c', property: 'label' });
    expect(problemsOf(nested({ type: 'select', key: 'c', input: true, template: '{% print(1) %}' }))).toContainEqual({ code: 'template-expression', path: NESTED_PATH, key: 'c', property: 'template' });
  });

  it('refuses scripts, event handlers and javascript: links in html and content', () => {
    const codes = (component: Record<string, unknown>) => problemsOf(nested(component)).map((p) => [p.code, p.property]);
    expect(codes({ type: 'content', key: 'c', input: false, html: '<p>x</p><script>alert(1)</script>' })).toEqual([['html-script', 'html']]);
    expect(codes({ type: 'content', key: 'c', input: false, html: '<img src=x onerror="alert(1)">' })).toEqual([['html-event-handler', 'html']]);
    expect(codes({ type: 'htmlelement', key: 'c', input: false, content: '<a href="javascript:alert(1)">x</a>' })).toEqual([['html-javascript-url', 'content']]);
    expect(codes({ type: 'htmlelement', key: 'c', input: false, tag: 'script', content: 'alert(1)' })).toEqual([['html-script', 'tag']]);
    expect(codes({ type: 'htmlelement', key: 'c', input: false, tag: 'div', attrs: [{ attr: 'onclick', value: 'x' }] })).toEqual([['html-event-handler', 'attrs[0].attr']]);
  });

  it('reports all problems of a definition at once', () => {
    const problems = problemsOf({ ...base, path: 'BAD', components: [text('a', { calculateValue: 'x' }), text('a'), text('b.c')] });
    expect(problems.map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([['schema', 'path'], ['javascript', 'components[0]'], ['key-duplicate', 'components[1]'], ['key-dot', 'components[2]']]),
    );
  });
});

describe('validateFormDefinition: a property that can carry code holds a safe JSONLogic object or nothing (issue 13)', () => {
  const hostile = CODE_PLACEMENTS.flatMap((placement) => hostileShapes(placement).map(([shape, value]) => [placement.name, shape, placement, value] as const));

  it.each(hostile)('refuses %s given as %s', (_name, _shape, placement, value) => {
    const problems = problemsOf(nested(placement.component('c', value)));
    const refusal = problems.find((p) => p.path === NESTED_PATH && p.key === 'c' && CODE_REFUSALS.includes(p.code) && p.property?.startsWith(placement.property));
    expect(refusal).toBeDefined();
  });

  it.each([
    ['an array of strings', ['value = 1']],
    ['an array of JSONLogic', [{ var: 'data.a' }]],
    ['a number', 1],
    ['true', true],
    ['false', false],
  ])('names the wrong shape when calculateValue or validate.custom is %s', (_name, value) => {
    for (const placement of CODE_PLACEMENTS.filter((candidate) => ['calculateValue', 'validate.custom'].includes(candidate.name))) {
      expect(problemsOf(nested(placement.component('c', value)))).toContainEqual({ code: 'code-property-shape', path: NESTED_PATH, key: 'c', property: placement.property });
    }
  });

  it('names a date limit that is not a date string', () => {
    const placement = CODE_PLACEMENTS.find((candidate) => candidate.dateLimit)!;
    expect(problemsOf(nested(placement.component('c', ['2024-01-01'])))).toContainEqual({ code: 'date-limit-shape', path: NESTED_PATH, key: 'c', property: 'datePicker.minDate' });
  });

  const safeLogic = { '==': [{ var: 'data.a' }, 1] };
  it.each(CODE_PLACEMENTS.filter((placement) => !placement.dateLimit).map((placement) => [placement.name, placement] as const))(
    'accepts %s left empty, null or as safe JSONLogic',
    (_name, placement) => {
      for (const value of ['', null, undefined, safeLogic]) expect(problemsOf(nested(placement.component('c', value)))).toEqual([]);
    },
  );

  it('accepts a date limit given as a date, or nothing', () => {
    const placement = CODE_PLACEMENTS.find((candidate) => candidate.dateLimit)!;
    for (const value of ['2024-01-01', '', null]) expect(problemsOf(nested(placement.component('c', value)))).toEqual([]);
  });
});
