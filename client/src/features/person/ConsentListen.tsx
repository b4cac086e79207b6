import type { FormComponent } from '@contracts/forms/form.types';
import { directionOf } from '@contracts/person/person-languages';
import { speakableItems } from '@contracts/speech/speakable-text';
import { formSpeechPath } from '@contracts/speech/speech.schemas';
import { voiceFor } from '@contracts/speech/speech-voices';
import { Bilingual, type Voice } from './Bilingual';
import type { PersonForm } from './ConsentForPerson';
import { ParagraphPlayer } from './ParagraphPlayer';

/** The form's paragraphs and questions in one language, each with its player. */
function ListenItems({ form, voice }: { form: PersonForm; voice: Voice }) {
  const items = speakableItems({ components: (form.definition.components ?? []) as FormComponent[] }, form.translations, voice.lang);
  return (
    <ol className="read-aloud-items">
      {items.map((item) => {
        const id = `consent-listen-${voice.lang}-${item.keyPath}`;
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
              voice={item.language === voice.lang ? voice : { ...voice, lang: item.language }}
              describedBy={id}
              audioUrl={voiceFor(item.language) ? formSpeechPath(form.id, form.revision.number, item.keyPath, item.language) : undefined}
            />
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The consent form read aloud part by part, for a person who cannot read it: every paragraph and question in the
 * person's language (the texts the server speaks, picked by the same contract function), each with its player. Side
 * by side, the caseworker's language stands beside it, paragraph for paragraph (the form itself stays one column).
 */
export function ConsentListen({ form, person, staff }: { form: PersonForm; person: Voice; staff?: Voice }) {
  return (
    <details className="person-listen">
      <summary>{person.t('listen.form')}</summary>
      <Bilingual person={person} staff={staff} render={(voice) => <ListenItems form={form} voice={voice} />} />
    </details>
  );
}
