import type { i18n as I18n } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { directionOf, isPersonLanguage, LANGUAGE_AUTONYMS, PERSON_LANGUAGES } from '@contracts/person/person-languages';
import type { PersonViewCase } from '@contracts/person/person-view.types';
import { consentSheetPath } from '@contracts/person/consent-sheet.schemas';
import { formTranslator } from '@contracts/speech/speakable-text';
import type { RightsSheet } from '@contracts/person/rights-sheet.types';
import { apiGet, apiSend, ApiError } from '../../api/http';
import { useSession } from '../session';
import type { Voice } from './Bilingual';
import { ConsentForPerson, type PersonForm } from './ConsentForPerson';
import { ConsentListen } from './ConsentListen';
import { HandBackDialog } from './HandBackDialog';
import { loadAllPersonFonts, loadPersonFonts } from './person-fonts';
import { personI18n } from './person-i18n';
import { RightsSheetView } from './RightsSheetView';
import { SafetyPlanForPerson } from './SafetyPlanForPerson';

interface Loaded {
  view: PersonViewCase;
  consent: PersonForm | null;
  safety: Record<string, unknown> | null;
  rights: RightsSheet | null;
}

const orNull = <T,>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  });

async function loadPersonView(caseId: string, start: boolean): Promise<Loaded> {
  const url = `/api/cases/${encodeURIComponent(caseId)}/person-view`;
  const view = start ? await apiSend<PersonViewCase>('POST', url) : await apiGet<PersonViewCase>(url);
  const forms = await apiGet<{ items: Array<{ id: string; path: string }> }>('/api/forms?limit=500');
  const consentId = forms.items.find((form) => form.path === 'consent-information')?.id;
  const safetyId = view.latestSubmissions['safety-plan'];
  const [consent, safety, rights] = await Promise.all([
    consentId ? orNull(apiGet<PersonForm>(`/api/forms/${encodeURIComponent(consentId)}`)) : null,
    safetyId ? orNull(apiGet<{ data: Record<string, unknown> }>(`/api/submissions/${encodeURIComponent(safetyId)}`)).then((s) => s?.data ?? null) : null,
    orNull(apiGet<RightsSheet>(`/api/jurisdictions/${encodeURIComponent(view.jurisdiction)}/rights`)),
  ]);
  return { view, consent, safety, rights };
}

/**
 * The person view (issue 18): full screen, large text, no staff navigation, in the person's language, to hand over
 * on a tablet. Opening it hands the session over on the server (POST .../person-view); the caseworker's password
 * gives the staff view back. The caseworker's interface language stays as it was and is offered side by side.
 */
export function PersonViewPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { session, refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<Loaded>();
  const [failure, setFailure] = useState<string>();
  const [lang, setLang] = useState<string>();
  const [texts, setTexts] = useState<I18n>();
  const [sideBySide, setSideBySide] = useState(false);
  const [handingBack, setHandingBack] = useState(false);
  const ids = { language: useId(), side: useId() };
  const handedOver = session?.personView?.caseId === caseId;

  useEffect(() => {
    let live = true;
    loadPersonView(caseId, !handedOver)
      .then(async (result) => {
        if (!live) return;
        if (!handedOver) await refresh();
        setLoaded(result);
        setLang((current) => current ?? result.view.personLanguages.find(isPersonLanguage) ?? 'en');
      })
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error.problem.detail || error.problem.title : String(error)));
    return () => {
      live = false;
    };
    // Loaded once per case: the handover itself changes the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [caseId]);

  useEffect(() => {
    if (!lang) return;
    let live = true;
    // The script fonts are defined along with the texts, so the page is first drawn with them named.
    void personI18n().then(async (instance) => {
      await Promise.all([instance.loadLanguages([lang, i18n.language]), loadPersonFonts([lang, i18n.language])]);
      if (live) setTexts(instance);
    });
    return () => {
      live = false;
    };
  }, [lang, i18n.language]);

  if (failure) return <p role="alert">{failure}</p>;
  if (!loaded || !lang || !texts) return <p role="status">{t('common.loading')}</p>;

  const person: Voice = { t: texts.getFixedT(lang), lang };
  const staff: Voice | undefined = sideBySide && isPersonLanguage(i18n.language) ? { t: texts.getFixedT(i18n.language), lang: i18n.language } : undefined;
  const pt = person.t;
  const sections = [
    { id: 'rights', title: 'sections.rights' },
    { id: 'consent', title: 'sections.consent' },
    { id: 'safety', title: 'sections.safety' },
  ] as const;
  const heading = (key: string) => (
    <>
      {pt(key)}
      {staff && <span className="person-heading-staff" lang={staff.lang} dir={directionOf(staff.lang)}> · {staff.t(key)}</span>}
    </>
  );

  return (
    <div className="person-view" lang={lang} dir={directionOf(lang)}>
      <header className="person-header">
        <div className="field">
          <label htmlFor={ids.language}>{pt('language')}</label>
          <select id={ids.language} value={lang} onChange={(event) => setLang(event.target.value)} onFocus={() => void loadAllPersonFonts()}>
            {[...loaded.view.personLanguages.filter(isPersonLanguage), ...PERSON_LANGUAGES.filter((code) => !loaded.view.personLanguages.includes(code))].map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_AUTONYMS[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id={ids.side} type="checkbox" checked={sideBySide} onChange={(event) => setSideBySide(event.target.checked)} />
          <label htmlFor={ids.side}>{pt('sideBySide')}</label>
        </div>
        <button type="button" className="person-hand-back" onClick={() => setHandingBack(true)}>
          {pt('handBack')}
        </button>
      </header>
      <main id="main" className="person-main">
        <h1>{heading('title')}</h1>
        <nav aria-label={pt('title')}>
          <ul className="person-sections">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#person-${section.id}`}>{pt(section.title)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <section id="person-rights" aria-labelledby="person-rights-title">
          <h2 id="person-rights-title">{heading('sections.rights')}</h2>
          <RightsSheetView sheet={loaded.rights} person={person} staff={staff} />
        </section>
        <section id="person-consent" aria-labelledby="person-consent-title">
          <h2 id="person-consent-title">{heading('sections.consent')}</h2>
          {loaded.consent && (
            // The printed sheet, named by the form's own title in the person's language (every translation of it has one).
            <p>
              <a className="button person-print" href={consentSheetPath(caseId, lang)} download>
                <span aria-hidden="true">⤓ </span>
                {formTranslator(loaded.consent.translations, lang)(loaded.consent.definition.title ?? 'Consent and information').text} (PDF)
              </a>
            </p>
          )}
          {loaded.consent && <ConsentListen form={loaded.consent} person={person} staff={staff} />}
          {loaded.consent && session && <ConsentForPerson form={loaded.consent} caseId={caseId} org={session.org.slug} person={person} />}
        </section>
        <section id="person-safety" aria-labelledby="person-safety-title">
          <h2 id="person-safety-title">{heading('sections.safety')}</h2>
          <SafetyPlanForPerson caseId={caseId} answers={loaded.safety} person={person} staff={staff} />
        </section>
      </main>
      {handingBack && (
        <div lang={i18n.language} dir={i18n.dir(i18n.language)}>
          <HandBackDialog
            onCancel={() => setHandingBack(false)}
            onReturned={() => void refresh().then(() => navigate(`/cases/${encodeURIComponent(caseId)}`, { replace: true }))}
            onSignOut={() => void signOut().then(() => navigate('/sign-in', { replace: true }))}
          />
        </div>
      )}
    </div>
  );
}
