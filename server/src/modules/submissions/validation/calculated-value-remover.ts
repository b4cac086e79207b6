import type { JsonRecord } from '../../../core/json/json-guards';
import { walkData } from './data-walker';

/**
 * Core keeps the submitted value when a calculation yields null, so a client could choose a calculated value by
 * making the formula fail. Calculated values are blanked before processing. `null` rather than deletion,
 * because core does not calculate inside a datagrid row when the value is undefined.
 */
export function blankCalculatedValues(components: unknown, data: JsonRecord): void {
  walkData(components, data, ({ component, holder, key }) => {
    if (component.calculateValue !== undefined && component.calculateValue !== '' && key in holder) holder[key] = null;
  });
}
