import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormComponent } from '@contracts/forms/form.types';
import { noVoiceText } from '@contracts/speech/no-voice-texts';
import { speakableItems } from '@contracts/speech/speakable-text';
import { formSpeechPath } from '@contracts/speech/speech.schemas';
import { nextSpokenLanguage, SPEECH_LANGUAGES, voiceFor } from '@contracts/speech/speech-voices';
import { browserVoice } from './browser-voice';
import { ReadAloud } from './ReadAloud';

interface Props {
  formId: string;
  revision: number;
  components: unknown[];
  translations: Record<string, Record<string, string>>;
  /** The person's languages, preferred first (the case profile); the first is chosen at the start. */
  personLanguages: readonly string[];
}

const RTL = new Set(['ar', 'fa', 'ps', 'ckb']);

/** A language's name in `inLanguage` (the browser's own names; the code where it has none). */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Every paragraph and question of a person-facing form, in the person's language, each with its own play and pause:
 * the caseworker reads the form to someone who cannot read it, or hands the tablet over. Shows the texts the server
 * speaks (the same contract function picks them), so what is heard is what is written.
 */
export function FormReadAloud({ formId, revision, components, translations, personLanguages }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const choices = useMemo(() => [...new Set([...personLanguages.filter((code) => (SPEECH_LANGUAGES as string[]).includes(code)), ...SPEECH_LANGUAGES])], [personLanguages]);
  const [language, setLanguage] = useState(() => choices[0] ?? 'en');
  const items = useMemo(() => speakableItems({ components: components as FormComponent[] }, translations, language), [components, translations, language]);
  const spoken = voiceFor(language) !== undefined || browserVoice(language) !== undefined;
  const next = spoken ? undefined : nextSpokenLanguage([...personLanguages, 'en'], language);
  const personWords = spoken ? undefined : noVoiceText(language, next ? languageName(next, language) : undefined);

  return (
    <details className="form-read-aloud">
      <summary>{t('readAloud.formTitle')}</summary>
      <p>
        <label htmlFor={`${id}-language`}>{t('readAloud.language')}</label>{' '}
        <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value)}>
          {choices.map((code) => (
            <option key={code} value={code}>
              {languageName(code, i18n.language)}
              {personLanguages.includes(code) ? ` (${t('readAloud.personLanguage')})` : ''}
            </option>
          ))}
        </select>
      </p>
      {!spoken && (
        <div role="status" className="read-aloud-no-voice">
          {personWords && (
            <p lang={language} dir={RTL.has(language) ? 'rtl' : 'ltr'}>
              {personWords.noVoice}
            </p>
          )}
          <p>{t('readAloud.noVoice', { language: languageName(language, i18n.language) })}</p>
          {next && (
            <button type="button" onClick={() => setLanguage(next)}>
              {personWords?.listenIn && <span lang={language}>{personWords.listenIn} · </span>}
              {t('readAloud.listenIn', { language: languageName(next, i18n.language) })}
            </button>
          )}
        </div>
      )}
      <ol className="read-aloud-items">
        {items.map((item) => (
          <li key={item.keyPath} className={`read-aloud-item read-aloud-${item.kind}`}>
            <p id={`${id}-${item.keyPath}`} lang={item.language} dir={RTL.has(item.language) ? 'rtl' : 'ltr'}>
              {item.text.split('\n').map((line, index) => (
                <span key={index} className="read-aloud-line">
                  {line}
                </span>
              ))}
            </p>
            {item.language !== language && <p className="hint">{t('readAloud.untranslated')}</p>}
            {spoken && (
              <ReadAloud
                audioUrl={voiceFor(item.language) ? formSpeechPath(formId, revision, item.keyPath, item.language) : undefined}
                text={item.text}
                language={item.language}
                describedBy={`${id}-${item.keyPath}`}
              />
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
