import { useTranslation } from 'react-i18next';
import { formatMoney } from '@contracts/cases/money';
import { ApiError } from '../../api/http';
import { localeOf } from '../common';

/** Amounts in minor units in the reader's number format and the currency's sign (exact: no float on the way). */
export function useMoney(currency: string): (minor: number, other?: string) => string {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (minor, other) => formatMoney(minor, other ?? currency, locale);
}

/** The refusal in words, and the fields a `validation-failed` answer names (`errors[].path`). */
export function refusalOf(failure: unknown): { message: string; fields: string[] } {
  if (!(failure instanceof ApiError)) return { message: String(failure), fields: [] };
  const errors = (failure.problem as unknown as { errors?: Array<{ path: string }> }).errors ?? [];
  return { message: failure.problem.detail || failure.problem.title, fields: errors.map((error) => error.path.split('.')[0]!) };
}
