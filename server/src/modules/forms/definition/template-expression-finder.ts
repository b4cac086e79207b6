import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord } from '../../../core/json/json-guards';

// Without noeval, @formio/js compiles every interpolated string (labels, html, item templates, URLs...) as a
// lodash template, so `{{ anything }}` and `{% anything %}` run as JavaScript. With noeval only plain data paths
// are substituted. We switch noeval on, and additionally refuse anything but plain paths so that a definition is
// safe even in a renderer that forgot to.
const EVALUATE_BLOCK = /\{%[\s\S]*?%\}/;
const INTERPOLATION = /\{\{\{?([\s\S]*?)\}?\}\}/g;
const SEGMENT = String.raw`[A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*|\[\d+\]|\[\s*'[^'\\]*'\s*\]|\[\s*"[^"\\]*"\s*\])*`;
const PLAIN_PATHS = new RegExp(String.raw`^\s*${SEGMENT}(?:\s*\|\|\s*${SEGMENT})*\s*$`);
// Child components are checked on their own, with their own path.
const CHILD_CONTAINERS = new Set(['components', 'columns', 'rows']);

export function isUnsafeTemplate(text: string): boolean {
  if (EVALUATE_BLOCK.test(text)) return true;
  for (const match of text.matchAll(INTERPOLATION)) {
    if (!PLAIN_PATHS.test(match[1] ?? '')) return true;
  }
  return false;
}

/** Property paths (relative to `value`) of strings holding template code. */
export function findTemplateCode(value: unknown, skipChildren: boolean, prefix = '', depth = 0): string[] {
  checkWalkDepth(depth);
  if (typeof value === 'string') return isUnsafeTemplate(value) ? [prefix] : [];
  const found: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => found.push(...findTemplateCode(item, false, `${prefix}[${index}]`, depth + 1)));
  } else if (isRecord(value)) {
    for (const [name, child] of Object.entries(value)) {
      if (skipChildren && CHILD_CONTAINERS.has(name)) {
        if (name === 'columns' || name === 'rows') found.push(...findTemplateCodeOutsideChildren(child, `${prefix}${name}`, depth + 1));
        continue;
      }
      found.push(...findTemplateCode(child, false, prefix ? `${prefix}.${name}` : name, depth + 1));
    }
  }
  return found;
}

// `columns` and table `rows` mix layout settings (width, offset) with child component lists.
function findTemplateCodeOutsideChildren(value: unknown, prefix: string, depth: number): string[] {
  checkWalkDepth(depth);
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => findTemplateCodeOutsideChildren(item, `${prefix}[${index}]`, depth + 1));
  }
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .filter(([name]) => name !== 'components')
    .flatMap(([name, child]) => findTemplateCode(child, false, `${prefix}.${name}`, depth + 1));
}
