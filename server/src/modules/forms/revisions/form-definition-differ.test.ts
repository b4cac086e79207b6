import { diffFormDefinitions, type DiffableForm } from './form-definition-differ';

const text = (key: string, extra: Record<string, unknown> = {}) => ({ type: 'textfield', key, label: key, input: true, ...extra });

const before: DiffableForm = {
  title: 'Safety plan',
  path: 'safety-plan',
  display: 'form',
  components: [
    { type: 'panel', key: 'risks', title: 'Risks', input: false, components: [text('threats'), text('debt')] },
    { type: 'panel', key: 'actions', title: 'Actions', input: false, components: [text('owner')] },
    { type: 'datagrid', key: 'steps', input: true, components: [text('what'), text('due')] },
  ],
};

describe('diffFormDefinitions', () => {
  it('reports nothing for identical definitions', () => {
    expect(diffFormDefinitions(before, structuredClone(before))).toEqual({ added: [], removed: [], changed: [], form: [] });
  });

  it('matches components by key path, not array position', () => {
    const after = structuredClone(before);
    const risks = after.components[0] as { components: unknown[] };
    risks.components.unshift(text('location')); // shifts every later position
    expect(diffFormDefinitions(before, after)).toEqual({
      added: [{ path: 'risks.location', key: 'location', type: 'textfield' }],
      removed: [],
      changed: [],
      form: [],
    });
  });

  it('reports removed components, changed properties, moves, nested changes and top-level changes', () => {
    const after: DiffableForm = {
      title: 'Safety plan (2025)',
      path: 'safety-plan',
      display: 'form',
      components: [
        { type: 'panel', key: 'risks', title: 'Risks and threats', input: false, components: [text('threats', { validate: { required: true } })] },
        { type: 'panel', key: 'actions', title: 'Actions', input: false, components: [text('owner'), text('debt')] },
        { type: 'datagrid', key: 'steps', input: true, components: [text('what', { label: 'Action' })] },
      ],
    };
    expect(diffFormDefinitions(before, after)).toEqual({
      added: [],
      removed: [{ path: 'steps.due', key: 'due', type: 'textfield' }],
      changed: [
        { path: 'risks', key: 'risks', properties: ['title'] },
        { path: 'risks.threats', key: 'threats', properties: ['validate'] },
        { path: 'actions.debt', key: 'debt', properties: ['$parent'] },
        { path: 'steps.what', key: 'what', properties: ['label'] },
      ],
      form: ['title'],
    });
  });
});
