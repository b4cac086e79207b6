import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { localeOf } from '../features/common';

/** Each language is named in itself (its autonym), so that a reader finds their own language without translation. */
function autonym(language: string): string {
  return new Intl.DisplayNames([localeOf(language)], { type: 'language' }).of(language) ?? language;
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('layout.language')}</label>
      <select id={id} value={i18n.resolvedLanguage} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {autonym(language)}
          </option>
        ))}
      </select>
    </div>
  );
}
