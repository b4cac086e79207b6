import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, with optional actions beside it. */
export function PageHeading({ id, children, actions }: { id: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    const text = document.getElementById(id)?.textContent;
    if (text) document.title = `${text} – ${t('app.name')}`;
  });
  return (
    <div className="page-heading">
      <h1 id={id}>{children}</h1>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
