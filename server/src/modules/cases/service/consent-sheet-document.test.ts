import { consentSheetDocument } from './consent-sheet-document';

/* The consent sheet's document model: the form's texts in the person's language, answers as facts and ticked boxes. */
const components = [
  {
    type: 'panel', key: 'about', title: 'About you', input: false,
    components: [
      { type: 'content', key: 'intro', input: false, html: '<p>Read this with your caseworker.</p>' },
      { type: 'content', key: 'staffNote', input: false, html: '<p>Staff only</p>', properties: { audience: 'staff' } },
      { type: 'radio', key: 'understood', label: 'Did you understand?', input: true, values: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
      { type: 'datetime', key: 'again', label: 'Explain again on', input: true, conditional: { json: { '===': [{ var: 'data.understood' }, 'no'] } } },
      {
        type: 'datagrid', key: 'consents', label: 'Consents', input: true,
        components: [
          { type: 'select', key: 'recipient', label: 'Who', input: true, data: { values: [{ value: 'nas', label: 'The NAS' }] } },
          { type: 'checkbox', key: 'given', label: 'Yes, I agree', input: true },
        ],
      },
      { type: 'button', key: 'submit', label: 'Save', input: true },
    ],
  },
];
const translations = { uk: { 'About you': 'Про вас', 'Yes, I agree': 'Так, я згоден', 'The NAS': 'НСД', Yes: 'Так', Consents: 'Згоди' } };
const form = { title: 'Consent and information', components, translations };
const now = new Date('2026-03-01T00:00:00Z');

describe('consentSheetDocument', () => {
  it('prints the answers in the person language: choices ticked, each recipient with its consent, no staff notes or buttons', () => {
    const model = consentSheetDocument({ form, answers: { understood: 'yes', consents: [{ recipient: 'nas', given: true }] }, reference: 'HELS-1' }, 'uk', now);
    expect(model.language).toBe('uk');
    expect(model.direction).toBe('ltr');
    expect(model.blocks).toEqual([
      { kind: 'heading', text: 'Про вас' },
      { kind: 'paragraph', text: 'Read this with your caseworker.' },
      { kind: 'choices', label: 'Did you understand?', options: [{ text: 'Так', checked: true }, { text: 'No', checked: false }] },
      { kind: 'entry', title: 'Згоди 1', rows: [] },
      { kind: 'facts', rows: [{ label: 'Who', value: 'НСД' }] },
      { kind: 'choices', options: [{ text: 'Так, я згоден', checked: true }] },
    ]);
    expect(model.footer(1, 2)).toMatch(/^Consent and information · HELS-1 · .+ · 1\/2$/);
  });

  it('prints a blank sheet with the conditional questions, right to left in Persian', () => {
    const model = consentSheetDocument({ form, answers: null }, 'fa', now);
    expect(model.direction).toBe('rtl');
    expect(model.blocks).toContainEqual({ kind: 'facts', rows: [{ label: 'Explain again on', value: '—' }, { label: 'Consents', value: '—' }] });
  });
});
