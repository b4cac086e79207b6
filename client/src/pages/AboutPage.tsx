import { useTranslation } from 'react-i18next';

export function AboutPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      <p>{t('about.purpose')}</p>
      <p>{t('about.principles')}</p>
    </section>
  );
}
