import fs from 'node:fs';
import path from 'node:path';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import type { FormComponent } from '../../server/src/contracts/forms/form.types';
import type { Translate } from '../../server/src/modules/submissions';

const ROOT = path.resolve(__dirname, '../..');

export interface FixtureForm {
  title: string;
  display?: string;
  components: FormComponent[];
  [property: string]: unknown;
}

export function loadFixture<T = FixtureForm>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/forms', name), 'utf8')) as T;
}

const i18n = createServerI18n(path.join(ROOT, 'locales'));

export function translatorFor(language: string): Translate {
  return i18n.instance.getFixedT(language) as unknown as Translate;
}
