import { isRecord, type JsonRecord } from '../../../core/json/json-guards';
import type { DefinitionProblemCode } from './definition-problem.types';

// The renderer sanitises HTML, but a definition is also exported, imported and shown in other tools; active
// content is refused at the source.
const ACTIVE_TAG = /<\s*(script|iframe|object|embed)\b/i;
const EVENT_HANDLER_ATTRIBUTE = /<[a-z][^>]*?[\s/"']on[a-z]+\s*=/i;
const JAVASCRIPT_URL = /\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:/i;
const HTML_PROPERTIES = ['html', 'content'] as const;
const ACTIVE_TAG_NAMES = new Set(['script', 'iframe', 'object', 'embed']);

export interface FoundHtml {
  code: Extract<DefinitionProblemCode, 'html-script' | 'html-event-handler' | 'html-javascript-url'>;
  property: string;
}

export function findActiveHtml(component: JsonRecord): FoundHtml[] {
  const found: FoundHtml[] = [];
  for (const property of HTML_PROPERTIES) {
    const html = component[property];
    if (typeof html !== 'string') continue;
    if (ACTIVE_TAG.test(html)) found.push({ code: 'html-script', property });
    if (EVENT_HANDLER_ATTRIBUTE.test(html)) found.push({ code: 'html-event-handler', property });
    if (JAVASCRIPT_URL.test(html)) found.push({ code: 'html-javascript-url', property });
  }
  // The htmlelement component builds its element from `tag` and `attrs` instead of markup.
  if (component.type === 'htmlelement') {
    if (typeof component.tag === 'string' && ACTIVE_TAG_NAMES.has(component.tag.trim().toLowerCase())) {
      found.push({ code: 'html-script', property: 'tag' });
    }
    if (Array.isArray(component.attrs)) {
      component.attrs.forEach((attribute: unknown, index) => {
        if (!isRecord(attribute)) return;
        if (typeof attribute.attr === 'string' && /^\s*on/i.test(attribute.attr)) {
          found.push({ code: 'html-event-handler', property: `attrs[${index}].attr` });
        }
        if (typeof attribute.value === 'string' && /^\s*javascript:/i.test(attribute.value)) {
          found.push({ code: 'html-javascript-url', property: `attrs[${index}].value` });
        }
      });
    }
  }
  return found;
}
