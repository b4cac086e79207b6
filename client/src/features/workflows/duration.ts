import { useTranslation } from 'react-i18next';
import type { Duration } from '@contracts/workflows/workflow-definition.schemas';

/*
 * A deadline's duration as an administrator reads and writes it: a number and a unit ("30 days"), stored as the
 * ISO 8601 duration the workflow format keeps (`P30D`). The editor offers one unit at a time; a stored duration of
 * several parts (`P1M15D`) is still read in words, and changing it writes one unit.
 */

export const DURATION_UNITS = ['hours', 'days', 'weeks', 'months', 'years'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const LETTERS: Record<DurationUnit, string> = { hours: 'H', days: 'D', weeks: 'W', months: 'M', years: 'Y' };
const PARTS = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const PART_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
export type PartUnit = (typeof PART_UNITS)[number];

/** The parts of an ISO 8601 duration, largest first (`P1M15D`: 1 month, 15 days); `null` when it is not one. */
export function durationParts(iso: string): Array<{ unit: PartUnit; count: number }> | null {
  const match = PARTS.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return null;
  const parts = PART_UNITS.flatMap((unit, index) => (match[index + 1] === undefined ? [] : [{ unit, count: Number(match[index + 1]) }]));
  return parts.length > 0 ? parts : null;
}

/** The number and unit the editor shows for a stored duration: its largest part (`P30D`: 30 days). */
export function numberAndUnit(iso: string): { count: string; unit: DurationUnit } | null {
  const first = durationParts(iso)?.[0];
  if (!first || !(DURATION_UNITS as readonly string[]).includes(first.unit)) return null;
  return { count: String(first.count), unit: first.unit as DurationUnit };
}

/**
 * The ISO 8601 duration of a number as typed and a unit: `30`, days → `P30D`. What is not a whole number is written
 * as typed (`P-3D`, `PD`), so the format check refuses it at its field and nothing wrong is saved.
 */
export function isoOf(count: string, unit: DurationUnit): string {
  const typed = count.trim();
  return unit === 'hours' ? `PT${typed}H` : `P${typed}${LETTERS[unit]}`;
}

/** A duration in words in the reader's language: "1 month and 15 days", or the jurisdiction's setting it names. */
export function useDurationWords() {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  return (duration: Duration | undefined, parameterName?: string): string => {
    if (duration === undefined) return '';
    if (typeof duration !== 'string') return t('duration.parameter', { name: parameterName ?? duration.parameter });
    const parts = durationParts(duration);
    if (!parts) return duration;
    return list.format(parts.map((part) => t(`duration.${part.unit}`, { count: part.count })));
  };
}
