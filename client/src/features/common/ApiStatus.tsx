import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/http';
import { ErrorMessage } from './ErrorMessage';

/** Loading and error states, announced to screen readers. A missing API (404 on a module not built) is explained. */
export function ApiStatus({ loading, error }: { loading: boolean; error?: ApiError }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <ErrorMessage as="div">
        <p>{error.problem.title}</p>
        {error.problem.detail && <p>{error.problem.detail}</p>}
      </ErrorMessage>
    );
  }
  if (loading) return <p role="status">{t('common.loading')}</p>;
  return null;
}
