import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { localeOf } from '../common/format';

/** Money in the reader's number format and the grant's currency. */
export function useMoney(currency: string): (amount: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(localeOf(i18n.language), { style: 'currency', currency });
  return (amount) => format.format(amount);
}

/** The refusal in words, and the fields a `validation-failed` answer names (`errors[].path`). */
export function refusalOf(failure: unknown): { message: string; fields: string[] } {
  if (!(failure instanceof ApiError)) return { message: String(failure), fields: [] };
  const errors = (failure.problem as unknown as { errors?: Array<{ path: string }> }).errors ?? [];
  return { message: failure.problem.detail || failure.problem.title, fields: errors.map((error) => error.path.split('.')[0]!) };
}
