/** Components whose values the server validates and type-checks (server/src/modules/forms/submission). */
export const ALLOWED_COMPONENTS = {
  basic: ['textfield', 'textarea', 'number', 'checkbox', 'selectboxes', 'select', 'radio'],
  advanced: ['email', 'url', 'phoneNumber', 'datetime', 'day', 'time', 'currency', 'survey'],
  layout: ['panel', 'columns', 'fieldset', 'well', 'htmlelement', 'content'],
  data: ['container', 'datagrid', 'editgrid'],
} as const;

const hidden = (key: string) => ({ key, ignore: true });

/** Edit-form changes that remove every JavaScript option; JSONLogic and simple conditionals remain. */
const noCodeTabs = [
  hidden('logic'),
  {
    key: 'data',
    components: [hidden('customDefaultValuePanel'), hidden('calculateValuePanel'), hidden('serverOverride'), hidden('calculateServer')],
  },
  { key: 'validation', components: [hidden('custom-validation-js'), hidden('unique')] },
  { key: 'conditional', components: [hidden('customConditionalPanel')] },
];

const editForm = Object.fromEntries(
  Object.values(ALLOWED_COMPONENTS)
    .flat()
    .map((type) => [type, noCodeTabs]),
);

const groups = Object.fromEntries(
  Object.entries(ALLOWED_COMPONENTS).map(([group, types], index) => [
    group,
    { default: index === 0, components: Object.fromEntries(types.map((type) => [type, true])) },
  ]),
);

/** Frozen; each builder takes its own copy, held for its lifetime: FormBuilder needs stable option references (DESIGN.md). */
export const BUILDER_OPTIONS = Object.freeze({
  noDefaultSubmitButton: false,
  builder: { ...groups, premium: false, resource: false },
  editForm,
  noNewEdit: false,
  language: 'en',
});
