import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from './session-context';

export function SignOutButton() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <button type="button" className="link-button" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
      {t('layout.signOut')}
    </button>
  );
}
