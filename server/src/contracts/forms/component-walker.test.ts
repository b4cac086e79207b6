import { JsonTooDeepError } from '../json/json-depth';
import { walkComponents } from './component-walker';
import type { FormComponent } from './form.types';

// The component walker the server validates, diffs and translates forms with, and the client shows answers with.
const components: FormComponent[] = [
  {
    type: 'panel',
    key: 'page',
    input: false,
    components: [
      { type: 'textfield', key: 'name', input: true },
      { type: 'columns', key: 'cols', input: false, columns: [{ components: [{ type: 'number', key: 'age', input: true }] }, 'not a column'] },
    ],
  },
  {
    type: 'datagrid',
    key: 'members',
    input: true,
    components: [{ type: 'table', key: 'grid', input: false, rows: [[{ components: [{ type: 'textfield', key: 'first', input: true }] }, null]] }],
  },
  { type: 'container', key: 'address', input: true, components: [{ type: 'textfield', key: 'city', input: true }] },
  { type: 'htmlelement', key: 'intro', input: false, content: '<p>Hi</p>' },
  { type: 'button', key: 'submit', input: true },
  { type: 'textarea', key: 'notes', input: true, rows: 3 },
];

describe('walkComponents', () => {
  const walked = [...walkComponents(components)];
  const by = (key: string) => walked.find((item) => item.component.key === key)!;

  it('visits every component, layout included, with where it sits in the definition', () => {
    expect(walked.map((item) => item.path)).toEqual([
      'components[0]',
      'components[0].components[0]',
      'components[0].components[1]',
      'components[0].components[1].columns[0].components[0]',
      'components[1]',
      'components[1].components[0]',
      'components[1].components[0].rows[0][0].components[0]',
      'components[2]',
      'components[2].components[0]',
      'components[3]',
      'components[4]',
      'components[5]',
    ]);
  });

  it('puts values where Form.io does: layout looked through, rows and containers opening a data scope', () => {
    expect(by('age')).toMatchObject({ dataPath: 'age', scopePath: '', keyPath: 'page.cols.age', hasValue: true });
    expect(by('first')).toMatchObject({ dataPath: 'members.first', scopePath: 'members', keyPath: 'members.grid.first' });
    expect(by('city')).toMatchObject({ dataPath: 'address.city', scopePath: 'address' });
    expect(by('members')).toMatchObject({ opensDataScope: true, hasValue: true });
    expect(by('address')).toMatchObject({ opensDataScope: true, hasValue: true });
    expect(by('page')).toMatchObject({ opensDataScope: false, hasValue: false });
    expect(by('intro').hasValue).toBe(false);
    expect(by('submit').hasValue).toBe(false);
    expect(by('notes').hasValue).toBe(true);
    expect(by('first').parent?.component.key).toBe('grid');
  });

  it('leaves the definition as it was (Form.io caches its answers on the objects it is asked about)', () => {
    const copy = JSON.parse(JSON.stringify(components)) as FormComponent[];
    expect([...walkComponents(copy)]).toHaveLength(walked.length);
    expect(copy).toEqual(components);
    expect(Object.getOwnPropertyNames(copy[1]!)).toEqual(Object.keys(components[1]!));
    expect(Object.getOwnPropertySymbols(copy[1]!)).toEqual([]);
  });

  it('takes any JSON: what is not a list of components yields nothing', () => {
    expect([...walkComponents(undefined)]).toEqual([]);
    expect([...walkComponents({ type: 'textfield' })]).toEqual([]);
    expect([...walkComponents([null, 3, 'x'])]).toEqual([]);
  });

  it('refuses components nested deeper than any accepted JSON with the contract error', () => {
    let inner: FormComponent = { type: 'textfield', key: 't', input: true };
    for (let level = 0; level < 5000; level += 1) inner = { type: 'panel', key: 'p', input: false, components: [inner] };
    expect(() => [...walkComponents([inner])]).toThrow(JsonTooDeepError);
  });
});
