// Renders client components in the jsdom environment (test/helpers/jsdom-environment.cjs) with the English texts of
// locales/en, as the app shows them: react-dom and react-i18next, no other test library.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';

const english = (namespace: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'locales', 'en', `${namespace}.json`), 'utf8')) as Record<string, unknown>;

async function englishI18n() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    fallbackLng: 'en',
    ns: ['common', 'workflows'],
    defaultNS: 'common',
    resources: { en: { common: english('common'), workflows: english('workflows') } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return i18n;
}

export interface Rendered {
  host: HTMLElement;
  rerender(ui: ReactNode): Promise<void>;
  unmount(): Promise<void>;
}

export async function render(ui: ReactNode): Promise<Rendered> {
  const i18n = await englishI18n();
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const show = (next: ReactNode) => act(async () => root.render(<I18nextProvider i18n={i18n}>{next}</I18nextProvider>));
  await show(ui);
  return {
    host,
    rerender: show,
    unmount: async () => {
      await act(async () => root.unmount());
      host.remove();
    },
  };
}

/** Types into an input or text area the way React sees it: the native value setter, then an `input` event. */
export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The text of each element matching `selector`, whitespace folded. */
export const texts = (host: ParentNode, selector: string) =>
  [...host.querySelectorAll(selector)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
