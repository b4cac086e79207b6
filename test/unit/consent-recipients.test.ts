// Issue 16: the Consents panel, the consent form's `recipient` column (what the `consents` binding writes) and the
// workflows' guards must name a consent with the same key; the panel once asked about `familyTracing` while the form
// records `family-tracing`, so a consent recorded in the form showed beside an unrecorded one of the same recipient.
import fs from 'node:fs';
import path from 'node:path';
import { formsDir, localesDir, workflowsDir } from '../../server/src/config/paths';
import { ALWAYS_ASKED_CONSENT_RECIPIENTS } from '../../server/src/contracts/cases/consent-recipients';

const STAFF_LANGUAGES = ['en', 'fi', 'sv', 'da', 'bg', 'ro', 'hu', 'cs', 'mk', 'sq', 'sr', 'ar'];

interface Component {
  key?: string;
  values?: Array<{ value: string }>;
  data?: { values?: Array<{ value: string }> };
  components?: Component[];
}

function formRecipients(): string[] {
  const form = JSON.parse(fs.readFileSync(path.join(formsDir, 'consent-information.json'), 'utf8')) as { components: Component[] };
  const found: string[] = [];
  const walk = (components: Component[], inGrid: boolean) => {
    for (const component of components) {
      if (inGrid && component.key === 'recipient') found.push(...(component.data?.values ?? component.values ?? []).map((option) => option.value));
      walk(component.components ?? [], inGrid || component.key === 'consents');
    }
  };
  walk(form.components, false);
  return found;
}

/** Every recipient a workflow reads (`case.consents.<recipient>`) or asks or refers to (`"recipient": ...`). */
function workflowRecipients(): string[] {
  const found = new Set<string>();
  for (const file of fs.readdirSync(workflowsDir).filter((name) => name.endsWith('.json') && !name.includes('schema'))) {
    const text = fs.readFileSync(path.join(workflowsDir, file), 'utf8');
    for (const match of text.matchAll(/case\.consents\.([a-z][a-z-]*)/g)) found.add(match[1]!);
    for (const match of text.matchAll(/"recipient": "([a-z][a-z-]*)"/g)) found.add(match[1]!);
  }
  return [...found];
}

describe('consent recipients', () => {
  const recipients = formRecipients();

  it('the consent form lists recipients', () => {
    expect(recipients).toContain('nas');
  });

  it('the panel asks about recipients the form can record', () => {
    expect(ALWAYS_ASKED_CONSENT_RECIPIENTS.filter((recipient) => !recipients.includes(recipient))).toEqual([]);
  });

  it('every recipient a workflow reads or asks for can be recorded in the form', () => {
    expect(workflowRecipients().filter((recipient) => !recipients.includes(recipient))).toEqual([]);
  });

  it.each(STAFF_LANGUAGES)('every recipient of the form has a name in %s', (language) => {
    const common = JSON.parse(fs.readFileSync(path.join(localesDir, language, 'common.json'), 'utf8')) as { consent: { recipients: Record<string, string> } };
    expect(recipients.filter((recipient) => !common.consent.recipients[recipient]?.trim())).toEqual([]);
  });
});
