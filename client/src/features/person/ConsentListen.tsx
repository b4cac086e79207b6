import { useMemo } from 'react';
import type { FormComponent } from '@contracts/forms/form.types';
import { directionOf } from '@contracts/person/person-languages';
import { speakableItems } from '@contracts/speech/speakable-text';
import { formSpeechPath } from '@contracts/speech/speech.schemas';
import { voiceFor } from '@contracts/speech/speech-voices';
import type { Voice } from './Bilingual';
import type { PersonForm } from './ConsentForPerson';
import { ParagraphPlayer } from './ParagraphPlayer';

/**
 * The consent form read aloud part by part, for a person who cannot read it: every paragraph and question in the
 * person's language (the texts the server speaks, picked by the same contract function), each with its player.
 */
export function ConsentListen({ form, person }: { form: PersonForm; person: Voice }) {
  const items = useMemo(
    () => speakableItems({ components: (form.definition.components ?? []) as FormComponent[] }, form.translations, person.lang),
    [form, person.lang],
  );
  return (
    <details className="person-listen">
      <summary>{person.t('listen.form')}</summary>
      <ol className="read-aloud-items">
        {items.map((item) => {
          const id = `consent-listen-${item.keyPath}`;
          return (
            <li key={item.keyPath} className={`read-aloud-item read-aloud-${item.kind}`}>
              <p id={id} lang={item.language} dir={directionOf(item.language)}>
                {item.text.split('\n').map((line, index) => (
                  <span key={index} className="read-aloud-line">
                    {line}
                  </span>
                ))}
              </p>
              <ParagraphPlayer
                text={item.text}
                voice={item.language === person.lang ? person : { ...person, lang: item.language }}
                describedBy={id}
                audioUrl={voiceFor(item.language) ? formSpeechPath(form.id, form.revision.number, item.keyPath, item.language) : undefined}
              />
            </li>
          );
        })}
      </ol>
    </details>
  );
}
