import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../session';

/** "Open a new case", for those who may create cases in the current organisation. */
export function NewCaseLink() {
  const { t } = useTranslation();
  const { ability } = useSession();
  if (!ability.can('create', 'Case')) return null;
  return (
    <Link className="button primary" to="/cases/new">
      {t('newCase.title')}
    </Link>
  );
}
