import { walkComponents } from '../forms/component-walker';
import type { FormComponent, FormDefinition } from '../forms/form.types';

/*
 * What is read aloud of a form: every paragraph (content and HTML components) and every question (an input's label,
 * its description and its choices), in the person's language. The server speaks exactly these texts, found by the
 * component's key path, and the player shows the same ones, so nothing but a form's own texts is ever spoken.
 */

export interface SpeakableItem {
  /** The component's key path (`sectionRights.rightSafety`): how the audio is asked for. */
  keyPath: string;
  kind: 'paragraph' | 'question';
  text: string;
  /** The language of `text`: the one asked for, or English where the form has no translation of it. */
  language: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of a paragraph's HTML as it is read: tags dropped, block ends kept as pauses, entities decoded. */
export function speakableHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

export type Translate = (text: string) => { text: string; translated: boolean };

/** A form revision's texts in `language` (its translations map English -> text); English where one is missing. */
export function formTranslator(translations: Record<string, Record<string, string>>, language: string): Translate {
  const strings = language === 'en' ? {} : (translations[language] ?? {});
  return (text) => {
    const found = Object.hasOwn(strings, text) ? strings[text] : undefined;
    return found && found.trim() !== '' ? { text: found, translated: true } : { text, translated: language === 'en' };
  };
}

/** The choices of a radio, select boxes or select component, as written in the definition. */
function choiceLabels(component: FormComponent): string[] {
  const values = (component.values ?? (component.data as { values?: unknown } | undefined)?.values) as unknown;
  if (!Array.isArray(values)) return [];
  return values
    .map((value) => (value && typeof value === 'object' ? (value as { label?: unknown }).label : undefined))
    .filter((label): label is string => typeof label === 'string' && label.trim() !== '');
}

const NOT_READ = new Set(['button', 'hidden']);

/** The text of one component as read aloud, or undefined when it has none (layout, buttons, staff-only notes). */
export function componentSpeech(component: FormComponent, translate: Translate): { kind: SpeakableItem['kind']; text: string; translated: boolean } | undefined {
  const properties = component.properties as Record<string, unknown> | undefined;
  if (properties?.audience === 'staff' || component.hidden === true || NOT_READ.has(String(component.type))) return undefined;
  if (component.type === 'content' || component.type === 'htmlelement') {
    const source = typeof component.html === 'string' ? component.html : typeof component.content === 'string' ? component.content : '';
    if (source.trim() === '') return undefined;
    const { text, translated } = translate(source);
    const spoken = speakableHtml(text);
    return spoken ? { kind: 'paragraph', text: spoken, translated } : undefined;
  }
  if (component.input !== true || typeof component.label !== 'string' || component.label.trim() === '') return undefined;
  const sources = [component.label, typeof component.description === 'string' ? component.description : '', ...choiceLabels(component)]
    .filter((part) => part.trim() !== '');
  const parts = sources.map(translate);
  // A question is read in one language: where any part of it lacks a translation, all of it is read as written.
  const translated = parts.every((part) => part.translated);
  const text = (translated ? parts.map((part) => part.text) : sources).map(speakableHtml).filter(Boolean).join('\n');
  return { kind: 'question', text, translated };
}

/**
 * The paragraphs and questions of a form in `language`, in the order a reader meets them. A text the form has not
 * been translated into is given in English (marked so), as the renderer shows it.
 */
export function speakableItems(definition: Pick<FormDefinition, 'components'>, translations: Record<string, Record<string, string>>, language: string): SpeakableItem[] {
  const translate = formTranslator(translations, language);
  const items: SpeakableItem[] = [];
  for (const walked of walkComponents(definition.components)) {
    const speech = componentSpeech(walked.component, translate);
    if (speech) items.push({ keyPath: walked.keyPath, kind: speech.kind, text: speech.text, language: speech.translated ? language : 'en' });
  }
  return items;
}
