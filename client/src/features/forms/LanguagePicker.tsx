import { useId } from 'react';
import { STAFF_LANGUAGES } from '../../i18n';
import { localeOf } from '../common';

export function LanguagePicker({ value, onChange, label }: { value: string; onChange: (language: string) => void; label: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {STAFF_LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {new Intl.DisplayNames([localeOf(lng)], { type: 'language' }).of(lng)}
          </option>
        ))}
      </select>
    </div>
  );
}
