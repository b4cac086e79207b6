import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, ApiError } from '../api/http';
import { localeOf } from '../features/common';

interface Meta {
  languages: string[];
  installationId: string;
  installedAt: string;
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const [meta, setMeta] = useState<Meta>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    apiGet<Meta>('/api/meta').then(setMeta, (failure: unknown) =>
      setError(failure instanceof ApiError ? failure.problem.title : t('home.unreachable')),
    );
  }, [t, i18n.language]);

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <h2>{t('home.statusTitle')}</h2>
      {error && <p role="alert">{error}</p>}
      {meta && (
        <dl className="facts">
          <dt>{t('home.installedAt')}</dt>
          <dd>{new Date(meta.installedAt).toLocaleDateString(localeOf(i18n.language), { dateStyle: 'long' })}</dd>
          <dt>{t('home.languages')}</dt>
          <dd>{meta.languages.length}</dd>
        </dl>
      )}
    </section>
  );
}
