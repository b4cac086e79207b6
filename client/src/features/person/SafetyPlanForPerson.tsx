import { safetyPlanSpeechPath } from '@contracts/speech/speech.schemas';
import { voiceFor } from '@contracts/speech/speech-voices';
import { formatDate } from '../common';
import { Bilingual, type Voice } from './Bilingual';
import { ParagraphPlayer } from './ParagraphPlayer';

type Answers = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The person-facing parts of the case's latest safety plan: what will be done and by when, how and when they are
 * contacted safely, their danger word, the emergency number and the next review. Worded for the person
 * (person-texts), not with the staff form's questions; values the caseworker typed stay as typed.
 */
export function SafetyPlanForPerson({ caseId, answers, person, staff }: { caseId: string; answers: Answers | null; person: Voice; staff?: Voice }) {
  return (
    <Bilingual
      person={person}
      staff={staff}
      render={(voice) => {
        const { t, lang } = voice;
        const player = (text: string) => <ParagraphPlayer text={text} voice={voice} />;
        // What the caseworker typed is read by espeak-ng too, named by its field (never sent), where the language has a
        // voice; the browser's own voice otherwise.
        const typed = (text: string, fieldPath: string) => (
          <ParagraphPlayer text={text} voice={voice} audioUrl={voiceFor(lang) ? safetyPlanSpeechPath(caseId, fieldPath, lang) : undefined} />
        );
        if (!answers) return <p>{t('safety.none')}</p>;
        // Each row keeps its place in the plan: the server finds its line by that index.
        const actions = (Array.isArray(answers.safetyActions) ? (answers.safetyActions as unknown[]) : [])
          .map((row, index): (Answers & { index: number }) | null => (typeof row === 'object' && row !== null ? { ...(row as Answers), index } : null))
          .filter((row) => row !== null && text(row.action) !== '') as Array<Answers & { index: number }>;
        const methods = Object.entries((answers.safeContactMethods ?? {}) as Record<string, unknown>).filter(([, on]) => on === true).map(([method]) => method);
        return (
          <div className="safety-for-person">
            {actions.length > 0 && (
              <>
                <h3>{t('safety.actions')}</h3>
                <ul>
                  {actions.map((row) => (
                    <li key={row.index}>
                      {text(row.action)}
                      {text(row.dueDate) && <> — {t('safety.by', { date: formatDate(text(row.dueDate), lang) })}</>}
                      {text(row.actionStatus) && <> ({t(`safety.status.${text(row.actionStatus)}`, { defaultValue: text(row.actionStatus) })})</>}{' '}
                      {typed(text(row.action), `safetyActions.${row.index}.action`)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {(methods.length > 0 || text(answers.safeContactTimes) || text(answers.safeToLeaveMessages)) && (
              <>
                <h3>{t('safety.contact')}</h3>
                {methods.length > 0 && (
                  <ul>
                    {methods.map((method) => (
                      <li key={method}>{t(`safety.methods.${method}`, { defaultValue: method })}</li>
                    ))}
                  </ul>
                )}
                {text(answers.safeContactTimes) && (
                  <p>
                    {t('safety.times')}: {text(answers.safeContactTimes)} {typed(text(answers.safeContactTimes), 'safeContactTimes')}
                  </p>
                )}
                {text(answers.safeToLeaveMessages) === 'yes' && <p>{t('safety.messagesYes')}</p>}
                {text(answers.safeToLeaveMessages) === 'no' && <p>{t('safety.messagesNo')}</p>}
              </>
            )}
            {text(answers.dangerSignal) && (
              <p>
                {t('safety.dangerSignal')}: <strong>{text(answers.dangerSignal)}</strong>
              </p>
            )}
            <p className="emergency">
              {t('safety.emergency')} {player(t('safety.emergency'))}
            </p>
            {text(answers.reviewDate) && (
              <p>
                {t('safety.review', { date: formatDate(text(answers.reviewDate), lang) })} {player(t('safety.review', { date: formatDate(text(answers.reviewDate), lang) }))}
              </p>
            )}
          </div>
        );
      }}
    />
  );
}
