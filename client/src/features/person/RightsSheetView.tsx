import type { RightsSheet } from '@contracts/person/rights-sheet.types';
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
          render={({ t, lang }) => (
            <div className="rights-section">
              <h3>{t(`rights.sections.${section.id}`)}</h3>
              {section.paragraphs.map((paragraph) => {
                const text = t(paragraph.text, paragraph.values);
                return (
                  <p key={paragraph.text}>
                    {text}
                    <ParagraphPlayer text={text} lang={lang} />
                  </p>
                );
              })}
            </div>
          )}
        />
      ))}
    </>
  );
}
