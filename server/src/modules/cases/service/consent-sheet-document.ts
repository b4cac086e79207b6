import { directionOf } from '../../../contracts/person/person-languages';
import type { FormComponent } from '../../../contracts/forms/form.types';
import { formTranslator, speakableHtml } from '../../../contracts/speech/speakable-text';
import type { PdfBlock, PdfDocumentModel, PdfFact } from '../../export';

/**
 * What goes into the printed consent sheet: the consent and information form's own texts in the person's language
 * (its translations; English where one is missing, as the renderer shows it) and, where the person has answered,
 * their answers, with the consent given or withheld per recipient. Already limited to what the reader may read.
 */
export interface ConsentSheetView {
  /** The form revision the answers were given on (or the current one, for a sheet not yet filled in). */
  form: { title: string; components: unknown[]; translations: Record<string, Record<string, string>> };
  /** The person's answers, or null for a blank sheet to fill in by hand. */
  answers: Record<string, unknown> | null;
  /** The case's reference, where the reader may read it (in the footer, so the sheet finds its file again). */
  reference?: string;
}

type Data = Record<string, unknown>;

const INTL_LOCALES: Record<string, string> = { sr: 'sr-Latn' };
const EMPTY = '—';
const LAYOUT = new Set(['panel', 'fieldset', 'well', 'columns', 'table', 'tabs']);
const ROWS = new Set(['datagrid', 'editgrid']);
const NOT_PRINTED = new Set(['button', 'hidden']);

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function choicesOf(component: FormComponent): Array<{ value: string; label: string }> {
  const values = (component.values ?? (component.data as { values?: unknown } | undefined)?.values) as unknown;
  if (!Array.isArray(values)) return [];
  return values.filter(isRecord).map((choice) => ({ value: stringOf(choice.value), label: stringOf(choice.label) }));
}

function childrenOf(component: FormComponent): FormComponent[] {
  const lists: unknown[] = [component.components];
  if (Array.isArray(component.columns)) lists.push(...component.columns.map((column) => (isRecord(column) ? column.components : undefined)));
  if (Array.isArray(component.rows)) for (const row of component.rows) if (Array.isArray(row)) lists.push(...row.map((cell) => (isRecord(cell) ? cell.components : undefined)));
  return lists.flatMap((list) => (Array.isArray(list) ? list.filter(isRecord) : [])) as FormComponent[];
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0) || (isRecord(value) && !Object.values(value).some(Boolean));

/** The form's blocks in reading order; consecutive answers are gathered into one table of facts. */
class SheetWriter {
  readonly blocks: PdfBlock[] = [];
  private readonly translate: (text: string) => string;
  private readonly date: Intl.DateTimeFormat;

  constructor(
    translations: Record<string, Record<string, string>>,
    language: string,
    private readonly blank: boolean,
  ) {
    const translator = formTranslator(translations, language);
    this.translate = (text) => translator(text).text;
    let locale = INTL_LOCALES[language] ?? language;
    try {
      new Intl.DateTimeFormat(locale);
    } catch {
      locale = 'en';
    }
    this.date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  }

  private fact(row: PdfFact) {
    const last = this.blocks.at(-1);
    if (last?.kind === 'facts') last.rows.push(row);
    else this.blocks.push({ kind: 'facts', rows: [row] });
  }

  private formatDate(value: unknown): string {
    const text = stringOf(value);
    const date = new Date(text);
    return text === '' ? EMPTY : Number.isNaN(date.getTime()) ? text : this.date.format(date);
  }

  write(components: FormComponent[], data: Data): void {
    for (const component of components) this.component(component, data);
  }

  private component(component: FormComponent, data: Data): void {
    const type = String(component.type ?? '');
    const properties = component.properties as Data | undefined;
    if (component.hidden === true || properties?.audience === 'staff' || NOT_PRINTED.has(type)) return;
    const key = typeof component.key === 'string' ? component.key : '';
    const label = typeof component.label === 'string' ? this.translate(component.label) : '';
    if (type === 'content' || type === 'htmlelement') {
      const html = stringOf(component.html) || stringOf(component.content);
      const text = html.trim() ? speakableHtml(this.translate(html)) : '';
      if (text) this.blocks.push({ kind: 'paragraph', text });
      return;
    }
    if (LAYOUT.has(type)) {
      const title = typeof component.title === 'string' ? component.title : '';
      if (type === 'panel' && title) this.blocks.push({ kind: 'heading', text: this.translate(title) });
      this.write(childrenOf(component), data);
      return;
    }
    const value = data[key];
    // A question shown only under a condition is printed where it was answered (or on a blank sheet, to fill in).
    if ((component.conditional || component.customConditional) && isEmpty(value) && !this.blank) return;
    if (ROWS.has(type)) {
      const rows = Array.isArray(value) ? value.filter(isRecord) : [];
      if (rows.length === 0) this.fact({ label, value: EMPTY });
      rows.forEach((row, index) => {
        this.blocks.push({ kind: 'entry', title: `${label} ${index + 1}`, rows: [] });
        this.write(childrenOf(component), row);
      });
      return;
    }
    if (type === 'container') {
      this.write(childrenOf(component), isRecord(value) ? value : {});
      return;
    }
    if (component.input !== true || !label) return;
    this.question(component, type, label, value);
  }

  private question(component: FormComponent, type: string, label: string, value: unknown): void {
    const choices = choicesOf(component);
    switch (type) {
      case 'checkbox':
        this.blocks.push({ kind: 'choices', options: [{ text: label, checked: value === true }] });
        return;
      case 'radio':
      case 'selectboxes': {
        const chosen = (choice: string) => (type === 'radio' ? stringOf(value) === choice : isRecord(value) && value[choice] === true);
        this.blocks.push({ kind: 'choices', label, options: choices.map((choice) => ({ text: this.translate(choice.label), checked: chosen(choice.value) })) });
        return;
      }
      case 'select': {
        const selected = (Array.isArray(value) ? value : [value]).map(stringOf).filter(Boolean);
        const labels = selected.map((chosen) => this.translate(choices.find((choice) => choice.value === chosen)?.label ?? chosen));
        this.fact({ label, value: labels.join(', ') || EMPTY });
        return;
      }
      case 'datetime':
      case 'day':
        this.fact({ label, value: this.formatDate(value) });
        return;
      default:
        this.fact({ label, value: (Array.isArray(value) ? value.map(stringOf).join(', ') : stringOf(value)) || EMPTY });
    }
  }
}

/** The consent sheet in `language` (one of the person languages), ready for the PDF renderer. */
export function consentSheetDocument(view: ConsentSheetView, language: string, now: Date): PdfDocumentModel {
  const writer = new SheetWriter(view.form.translations, language, view.answers === null);
  writer.write(view.form.components.filter(isRecord) as FormComponent[], view.answers ?? {});
  const title = formTranslator(view.form.translations, language)(view.form.title).text;
  let printed: string;
  try {
    printed = new Intl.DateTimeFormat(INTL_LOCALES[language] ?? language, { dateStyle: 'long', timeZone: 'UTC' }).format(now);
  } catch {
    printed = now.toISOString().slice(0, 10);
  }
  const footerStart = [title, view.reference, printed].filter(Boolean).join(' · ');
  return {
    language,
    direction: directionOf(language),
    title,
    info: { title },
    blocks: writer.blocks,
    footer: (page, pages) => `${footerStart} · ${page}/${pages}`,
  };
}
