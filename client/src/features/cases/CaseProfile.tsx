import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@contracts/cases/case-view.types';
import type { CaseWritable, ContactPerson } from '@contracts/cases/case.schemas';
import { LANGUAGE_AUTONYMS, PERSON_LANGUAGES } from '@contracts/person/person-languages';
import { apiSend, ApiError } from '../../api/http';
import { formatDate, ErrorMessage } from '../common';
import { asSubject, useSession } from '../session';

type Identity = NonNullable<CaseWritable['identity']>;
type Accommodation = NonNullable<CaseWritable['safeAccommodation']>;
const KINDS = ['shelter', 'crisisCentre', 'hostel', 'asylumCentre', 'institution', 'private', 'other'] as const;
const LITERACY = ['literate', 'limited', 'none', 'unknown'] as const;
const today = () => new Date().toISOString().slice(0, 10);
/** Longest texts the server takes (contracts/cases/case.schemas.ts), told next to each field. */
const LIMITS = { alias: 100, phone: 40, email: 200, address: 500, location: 500, name: 200, organisation: 200 };

/**
 * The case's contact person, kept in the workflow group (`workflow.fields.contactPerson`); a case whose workflow step
 * recorded only a name (Denmark's template before version 4) holds it as text.
 */
function contactPersonOf(record: CaseDetail): Partial<ContactPerson> | undefined {
  const value = record.workflow?.fields?.contactPerson;
  if (typeof value === 'string') return { name: value };
  return value && typeof value === 'object' ? (value as Partial<ContactPerson>) : undefined;
}

/**
 * The person as the case knows them: alias, age or date of birth (and whether the age is uncertain), nationality,
 * languages, literacy, how to reach them, and the safe accommodation; each part shown only to those who may read it
 * and editable by those who may change it (`PATCH /api/cases/:id` with the version seen).
 */
/** "Ukrainian (Українська)": the staff language's name for it, and its own name. */
export function personLanguageName(names: Intl.DisplayNames, code: string): string {
  let name = code;
  try {
    name = names.of(code) ?? code;
  } catch {
    // an unusual code keeps its code
  }
  const own = (LANGUAGE_AUTONYMS as Record<string, string>)[code];
  return own && own !== name ? `${name} (${own})` : name;
}

export function CaseProfile({ record, onChanged }: { record: CaseDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const [editing, setEditing] = useState(false);
  const identity = (record.identity ?? {}) as Partial<Identity>;
  const accommodation = record.safeAccommodation as Accommodation | null | undefined;
  // On this case: a case referred to the organisation is read, not edited, by it.
  const mayEdit = ability.can('update', asSubject('Case', record), 'identity');
  const contactPerson = contactPersonOf(record);
  const fact = (label: string, value: string | undefined) => (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  const regionNames = new Intl.DisplayNames([i18n.language], { type: 'region', fallback: 'code' });
  const safeName = (names: Intl.DisplayNames, code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  if (editing) return <ProfileForm record={record} onDone={(saved) => (setEditing(false), saved && onChanged())} />;
  return (
    <div>
      <dl className="facts">
        {record.alias !== undefined && fact(t('profile.alias'), record.alias)}
        {record.identity !== undefined && (
          <>
            {fact(t('profile.age'), identity.birthDate ? t('profile.bornOn', { date: formatDate(identity.birthDate, i18n.language) }) : identity.estimatedAge !== undefined ? t('profile.estimatedAgeValue', { age: identity.estimatedAge }) : undefined)}
            {identity.ageUncertain && fact(t('profile.ageUncertain'), t('common.yes'))}
            {fact(t('profile.nationality'), identity.nationality ? safeName(regionNames, identity.nationality) : undefined)}
            {fact(t('profile.languages'), (identity.languages ?? []).map((code) => safeName(languageNames, code)).join(', '))}
            {fact(t('profile.personLanguages'), (identity.personLanguages ?? []).map((code) => personLanguageName(languageNames, code)).join(', '))}
            {fact(t('profile.literacy'), identity.literacy ? t(`profile.literacyLevels.${identity.literacy}`) : undefined)}
            {fact(t('profile.contact'), [identity.contact?.phone, identity.contact?.email, identity.contact?.address].filter(Boolean).join(' · '))}
          </>
        )}
        {accommodation !== undefined &&
          fact(
            t('profile.accommodation'),
            accommodation
              ? [t(`profile.kinds.${accommodation.kind}`), accommodation.location, accommodation.since && t('profile.since', { date: formatDate(accommodation.since, i18n.language) })].filter(Boolean).join(' · ')
              : undefined,
          )}
        {record.workflow !== undefined &&
          fact(t('profile.contactPerson'), [contactPerson?.name, contactPerson?.organisation, contactPerson?.phone, contactPerson?.email].filter(Boolean).join(' · '))}
      </dl>
      {mayEdit && (
        <button type="button" onClick={() => setEditing(true)}>
          {t('profile.edit')}
        </button>
      )}
    </div>
  );
}

function ProfileForm({ record, onDone }: { record: CaseDetail; onDone(saved: boolean): void }) {
  const { t, i18n } = useTranslation();
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  const personLanguageOptions = PERSON_LANGUAGES.map((code) => ({ code, name: personLanguageName(languageNames, code) })).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const ids = {
    personFirst: useId(), personNext: useId(),
    alias: useId(), birth: useId(), age: useId(), uncertain: useId(), nationality: useId(), languages: useId(), literacy: useId(),
    phone: useId(), email: useId(), address: useId(), kind: useId(), location: useId(), since: useId(),
    contactName: useId(), contactOrganisation: useId(), contactPhone: useId(), contactEmail: useId(),
  };
  const { ability } = useSession();
  // The contact person lives in the workflow group: who may change the case's steps may name them.
  const mayNameContact = record.workflow !== undefined && ability.can('update', asSubject('Case', record), 'workflow');
  const contactPerson = contactPersonOf(record);
  const identity = (record.identity ?? {}) as Partial<Identity>;
  const stay = record.safeAccommodation as Accommodation | null | undefined;
  const [v, setV] = useState({
    alias: record.alias ?? '',
    birthDate: identity.birthDate ?? '',
    age: identity.estimatedAge === undefined ? '' : String(identity.estimatedAge),
    ageUncertain: identity.ageUncertain ?? false,
    nationality: identity.nationality ?? '',
    languages: (identity.languages ?? []).join(', '),
    personFirst: identity.personLanguages?.[0] ?? '',
    personNext: identity.personLanguages?.[1] ?? '',
    literacy: identity.literacy ?? '',
    phone: identity.contact?.phone ?? '',
    email: identity.contact?.email ?? '',
    address: identity.contact?.address ?? '',
    kind: stay?.kind ?? '',
    location: stay?.location ?? '',
    since: stay?.since ?? '',
    contactName: contactPerson?.name ?? '',
    contactOrganisation: contactPerson?.organisation ?? '',
    contactPhone: contactPerson?.phone ?? '',
    contactEmail: contactPerson?.email ?? '',
  });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof v) => (event: { target: { value: string; checked?: boolean; type?: string } }) =>
    setV({ ...v, [key]: event.target.type === 'checkbox' ? Boolean(event.target.checked) : event.target.value });
  const hint = (id: string, max: number, value: string) => (
    <p id={`${id}-hint`} className="hint">
      {t('profile.charactersLeft', { left: max - value.length })}
    </p>
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    const languages = v.languages.split(/[\s,]+/).map((code) => code.trim().toLowerCase()).filter(Boolean);
    const nationality = v.nationality.trim().toUpperCase();
    const problems: string[] = [];
    if (record.alias !== undefined && !v.alias.trim()) problems.push(t('newCase.missingAlias'));
    if (v.birthDate && v.birthDate > today()) problems.push(t('newCase.birthDateFuture'));
    if (v.since && v.since > today()) problems.push(t('profile.sinceFuture'));
    if (v.age && !(/^\d+$/.test(v.age) && Number(v.age) <= 120)) problems.push(t('newCase.ageRange'));
    if (nationality && !/^[A-Z]{2}$/.test(nationality)) problems.push(t('newCase.nationalityFormat'));
    if (languages.some((code) => !/^[a-z]{2,3}$/.test(code))) problems.push(t('newCase.languagesFormat'));
    if (v.location && !v.kind) problems.push(t('profile.kindMissing'));
    const contactFields = Object.fromEntries(
      Object.entries({ organisation: v.contactOrganisation.trim(), phone: v.contactPhone.trim(), email: v.contactEmail.trim() }).filter(([, value]) => value),
    );
    if (!v.contactName.trim() && Object.keys(contactFields).length > 0) problems.push(t('profile.contactPersonNameMissing'));
    setError(problems.join(' ') || undefined);
    if (problems.length) return;
    const contact = Object.fromEntries(Object.entries({ phone: v.phone.trim(), email: v.email.trim(), address: v.address.trim() }).filter(([, value]) => value));
    const body = {
      version: record.version,
      ...(record.alias !== undefined ? { alias: v.alias.trim() } : {}),
      ...(record.identity !== undefined
        ? {
            identity: {
              ageUncertain: v.ageUncertain,
              languages,
              personLanguages: [...new Set([v.personFirst, v.personNext].filter(Boolean))],
              ...(v.birthDate ? { birthDate: v.birthDate } : {}),
              ...(v.age ? { estimatedAge: Number(v.age) } : {}),
              ...(nationality ? { nationality } : {}),
              ...(v.literacy ? { literacy: v.literacy } : {}),
              ...(Object.keys(contact).length ? { contact } : {}),
            },
          }
        : {}),
      ...(record.safeAccommodation !== undefined
        ? { safeAccommodation: v.kind ? { kind: v.kind, ...(v.location.trim() ? { location: v.location.trim() } : {}), ...(v.since ? { since: v.since } : {}) } : null }
        : {}),
      ...(mayNameContact ? { contactPerson: v.contactName.trim() ? { name: v.contactName.trim(), ...contactFields } : null } : {}),
    };
    setBusy(true);
    try {
      await apiSend('PATCH', `/api/cases/${encodeURIComponent(record.id)}`, body);
      onDone(true);
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? [failure.problem.detail || failure.problem.title, ...(failure.problem.problems ?? []).map((p) => `${p.path}: ${p.message ?? ''}`)].join(' ')
          : String(failure),
      );
      setBusy(false);
    }
  }

  return (
    <form className="profile-form" onSubmit={(event) => void save(event)} noValidate>
      <ErrorMessage>{error}</ErrorMessage>
      {record.alias !== undefined && (
        <div className="field">
          <label htmlFor={ids.alias}>{t('profile.alias')}</label>
          <input id={ids.alias} value={v.alias} maxLength={LIMITS.alias} aria-describedby={`${ids.alias}-hint`} onChange={set('alias')} />
          {hint(ids.alias, LIMITS.alias, v.alias)}
        </div>
      )}
      {record.identity !== undefined && (
        <fieldset>
          <legend>{t('profile.person')}</legend>
          <div className="field">
            <label htmlFor={ids.birth}>{t('newCase.birthDate')}</label>
            <input id={ids.birth} type="date" min="1900-01-01" max={today()} value={v.birthDate} onChange={set('birthDate')} />
          </div>
          <div className="field">
            <label htmlFor={ids.age}>{t('newCase.estimatedAge')}</label>
            <input id={ids.age} type="number" min={0} max={120} value={v.age} onChange={set('age')} />
          </div>
          <div className="field checkbox">
            <input id={ids.uncertain} type="checkbox" checked={v.ageUncertain} onChange={set('ageUncertain')} />
            <label htmlFor={ids.uncertain}>{t('newCase.ageUncertain')}</label>
          </div>
          <div className="field">
            <label htmlFor={ids.nationality}>{t('newCase.nationality')}</label>
            <input id={ids.nationality} value={v.nationality} maxLength={2} aria-describedby={`${ids.nationality}-hint`} onChange={set('nationality')} />
            <p id={`${ids.nationality}-hint`} className="hint">
              {t('newCase.nationalityHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.languages}>{t('newCase.languages')}</label>
            <input id={ids.languages} value={v.languages} aria-describedby={`${ids.languages}-hint`} onChange={set('languages')} />
            <p id={`${ids.languages}-hint`} className="hint">
              {t('newCase.languagesHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.personFirst}>{t('profile.personLanguageFirst')}</label>
            <select id={ids.personFirst} value={v.personFirst} aria-describedby={`${ids.personFirst}-hint`} onChange={set('personFirst')}>
              <option value="">—</option>
              {personLanguageOptions.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            <p id={`${ids.personFirst}-hint`} className="hint">
              {t('profile.personLanguagesHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.personNext}>{t('profile.personLanguageNext')}</label>
            <select id={ids.personNext} value={v.personNext} onChange={set('personNext')}>
              <option value="">—</option>
              {personLanguageOptions.filter(({ code }) => code !== v.personFirst).map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.literacy}>{t('profile.literacy')}</label>
            <select id={ids.literacy} value={v.literacy} onChange={set('literacy')}>
              <option value="">—</option>
              {LITERACY.map((level) => (
                <option key={level} value={level}>
                  {t(`profile.literacyLevels.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.phone}>{t('profile.phone')}</label>
            <input id={ids.phone} type="tel" value={v.phone} maxLength={LIMITS.phone} aria-describedby={`${ids.phone}-hint`} onChange={set('phone')} />
            {hint(ids.phone, LIMITS.phone, v.phone)}
          </div>
          <div className="field">
            <label htmlFor={ids.email}>{t('profile.email')}</label>
            <input id={ids.email} type="email" value={v.email} maxLength={LIMITS.email} aria-describedby={`${ids.email}-hint`} onChange={set('email')} />
            {hint(ids.email, LIMITS.email, v.email)}
          </div>
          <div className="field">
            <label htmlFor={ids.address}>{t('profile.address')}</label>
            <textarea id={ids.address} value={v.address} maxLength={LIMITS.address} aria-describedby={`${ids.address}-hint`} onChange={set('address')} />
            {hint(ids.address, LIMITS.address, v.address)}
          </div>
        </fieldset>
      )}
      {record.safeAccommodation !== undefined && (
        <fieldset>
          <legend>{t('profile.accommodation')}</legend>
          <div className="field">
            <label htmlFor={ids.kind}>{t('profile.kind')}</label>
            <select id={ids.kind} value={v.kind} onChange={set('kind')}>
              <option value="">—</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`profile.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.location}>{t('profile.location')}</label>
            <textarea id={ids.location} value={v.location} maxLength={LIMITS.location} aria-describedby={`${ids.location}-hint`} onChange={set('location')} />
            {hint(ids.location, LIMITS.location, v.location)}
          </div>
          <div className="field">
            <label htmlFor={ids.since}>{t('profile.sinceLabel')}</label>
            <input id={ids.since} type="date" min="1900-01-01" max={today()} value={v.since} onChange={set('since')} />
          </div>
        </fieldset>
      )}
      {mayNameContact && (
        <fieldset>
          <legend>{t('profile.contactPerson')}</legend>
          <p id={`${ids.contactName}-about`} className="hint">
            {t('profile.contactPersonHint')}
          </p>
          <div className="field">
            <label htmlFor={ids.contactName}>{t('profile.contactPersonName')}</label>
            <input id={ids.contactName} value={v.contactName} maxLength={LIMITS.name} aria-describedby={`${ids.contactName}-about ${ids.contactName}-hint`} onChange={set('contactName')} />
            {hint(ids.contactName, LIMITS.name, v.contactName)}
          </div>
          <div className="field">
            <label htmlFor={ids.contactOrganisation}>{t('profile.contactPersonOrganisation')}</label>
            <input id={ids.contactOrganisation} value={v.contactOrganisation} maxLength={LIMITS.organisation} aria-describedby={`${ids.contactOrganisation}-hint`} onChange={set('contactOrganisation')} />
            {hint(ids.contactOrganisation, LIMITS.organisation, v.contactOrganisation)}
          </div>
          <div className="field">
            <label htmlFor={ids.contactPhone}>{t('profile.contactPersonPhone')}</label>
            <input id={ids.contactPhone} type="tel" value={v.contactPhone} maxLength={LIMITS.phone} aria-describedby={`${ids.contactPhone}-hint`} onChange={set('contactPhone')} />
            {hint(ids.contactPhone, LIMITS.phone, v.contactPhone)}
          </div>
          <div className="field">
            <label htmlFor={ids.contactEmail}>{t('profile.contactPersonEmail')}</label>
            <input id={ids.contactEmail} type="email" value={v.contactEmail} maxLength={LIMITS.email} aria-describedby={`${ids.contactEmail}-hint`} onChange={set('contactEmail')} />
            {hint(ids.contactEmail, LIMITS.email, v.contactEmail)}
          </div>
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('profile.save')}
      </button>{' '}
      <button type="button" onClick={() => onDone(false)}>
        {t('events.cancel')}
      </button>
    </form>
  );
}
