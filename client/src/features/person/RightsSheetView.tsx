import type { RightsSheet } from '@contracts/person/rights-sheet.types';
import { rightsSpeechPath } from '@contracts/speech/speech.schemas';
import { voiceFor } from '@contracts/speech/speech-voices';
import { Bilingual, type Voice } from './Bilingual';
import { ParagraphPlayer } from './ParagraphPlayer';

/** "Your rights and options" of the case's jurisdiction: the sheet's paragraphs in the person's words, as data. */
export function RightsSheetView({ sheet, person, staff }: { sheet: RightsSheet | null; person: Voice; staff?: Voice }) {
  if (!sheet) return <Bilingual person={person} staff={staff} render={({ t }) => <p>{t('noRights')}</p>} />;
  return (
    <>
      {sheet.sections.map((section) => (
        <Bilingual
          key={section.id}
          person={person}
          staff={staff}
          render={(voice) => (
            <div className="rights-section">
              <h3>{voice.t(`rights.sections.${section.id}`)}</h3>
              {section.paragraphs.map((paragraph, index) => {
                const text = voice.t(paragraph.text, paragraph.values);
                const id = `rights-${voice.lang}-${section.id}-${index}`;
                return (
                  <div key={paragraph.text} className="person-paragraph">
                    <p id={id}>{text}</p>
                    <ParagraphPlayer
                      text={text}
                      voice={voice}
                      describedBy={id}
                      audioUrl={voiceFor(voice.lang) ? rightsSpeechPath(sheet.jurisdiction, section.id, index, voice.lang) : undefined}
                    />
                  </div>
                );
              })}
            </div>
          )}
        />
      ))}
    </>
  );
}
