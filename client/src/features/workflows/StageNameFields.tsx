import { useTranslation } from 'react-i18next';
import { stageName } from '@contracts/workflows/stage-name.util';
import { STAGE_NAME_MAX } from '@contracts/workflows/workflow-definition.schemas';
import { STAFF_LANGUAGES } from '../../staff-languages';
import { Disclosure } from './Disclosure';
import { FieldProblems, fieldId, useProblemsAt } from './definition-problems';
import { useEditedDefinition, useStageNamesEdit } from './editor-context';

/** A language's own name for itself in the reader's language: "suomi", "Finnish". */
function languageName(language: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

function NameField({ stageId, language }: { stageId: string; language: string }) {
  const { t, i18n } = useTranslation();
  const { names, setName } = useStageNamesEdit();
  const pointer = `/stageNames/${stageId}/${language}`;
  const problems = useProblemsAt(pointer);
  const id = fieldId(pointer);
  return (
    <div className="field">
      <label htmlFor={id}>{t('workflowEditor.stageNameIn', { language: languageName(language, i18n.language) })}</label>
      <input
        id={id}
        data-pointer={pointer}
        lang={language}
        dir={i18n.dir(language)}
        value={names[stageId]?.[language] ?? ''}
        maxLength={STAGE_NAME_MAX * 2}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(event) => setName(stageId, language, event.target.value)}
      />
      <FieldProblems pointer={pointer} problems={problems} />
    </div>
  );
}

/**
 * The display name of a stage the workflow's translations do not name (one the administrator added), in the language
 * of the interface and, folded away, in every other language of the interface. Where the translations name the stage,
 * they do so in every language and nothing is shown.
 */
export function StageNameFields({ stageId }: { stageId: string }) {
  const { t, i18n } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const definition = useEditedDefinition();
  const { names } = useStageNamesEdit();
  const current = i18n.language.split('-')[0]!;
  const problemsElsewhere = useProblemsAt(`/stageNames/${stageId}`, true).some((problem) => !problem.path.endsWith(`/${current}`));
  const translated = definition.id !== undefined && stageName(tw, [definition.id], stageId) !== stageId;
  if (translated && !names[stageId]) return null;
  const others = STAFF_LANGUAGES.filter((language) => language !== current);
  return (
    <fieldset className="editor-group stage-names">
      <legend>{t('workflowEditor.stageName')}</legend>
      <NameField stageId={stageId} language={current} />
      <Disclosure summary={t('workflowEditor.stageNameOtherLanguages')} forceOpen={problemsElsewhere}>
        {others.map((language) => (
          <NameField key={language} stageId={stageId} language={language} />
        ))}
      </Disclosure>
      <p className="hint">{t('workflowEditor.stageNameHint')}</p>
    </fieldset>
  );
}
