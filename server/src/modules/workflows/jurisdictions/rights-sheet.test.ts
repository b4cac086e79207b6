import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localesDir, workflowsDir } from '../../../config/paths';
import { loadJurisdictions } from '../templates/workflow-template.loader';
import { jurisdictionParameterValues } from './jurisdiction-parameters';
import { missingRightsValues, readRightsFile, resolveRightsSheet } from './rights-sheet';

const english = JSON.parse(readFileSync(join(localesDir, '..', 'person-texts', 'en.json'), 'utf8')) as Record<string, unknown>;
const textOf = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], english);

describe.each(['fi', 'dk'])('the rights sheet of %s', (code) => {
  const jurisdiction = loadJurisdictions(workflowsDir).get(code)!;
  const sheet = readRightsFile(workflowsDir, code)!;
  const parameters = jurisdictionParameterValues(jurisdiction);

  it('covers the reflection period, police, legal aid, health care, accommodation and return', () => {
    expect(sheet.sections.map((section) => section.id)).toEqual(['reflectionPeriod', 'police', 'legalAid', 'healthCare', 'accommodation', 'returnReintegration']);
  });

  it('takes its numbers from the jurisdiction parameters, and every text exists', () => {
    expect(missingRightsValues(sheet, parameters)).toEqual([]);
    const resolved = resolveRightsSheet(sheet, parameters);
    expect(resolved.sections[0]!.paragraphs[0]).toEqual({ text: 'rights.reflection.period', values: { count: 30 } });
    for (const section of resolved.sections) for (const paragraph of section.paragraphs) expect(typeof textOf(paragraph.values.count !== undefined ? `${paragraph.text}_other` : paragraph.text)).toBe('string');
  });

  it('follows a changed parameter', () => {
    const resolved = resolveRightsSheet(sheet, { ...parameters, reflectionPeriod: 'P45D' });
    expect(resolved.sections[0]!.paragraphs[0]!.values).toEqual({ count: 45 });
  });
});

it('has no sheet for an unknown or malformed code', () => {
  expect(readRightsFile(workflowsDir, 'zz')).toBeNull();
  expect(readRightsFile(workflowsDir, '../x')).toBeNull();
});
