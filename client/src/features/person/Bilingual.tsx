import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { directionOf } from '@contracts/person/person-languages';

export interface Voice {
  t: TFunction;
  lang: string;
}

/**
 * One piece of the person view in the person's language and, side by side, in the caseworker's: each column
 * carries its own `lang` and `dir`, so Persian reads right to left beside Finnish reading left to right.
 */
export function Bilingual({ person, staff, render }: { person: Voice; staff?: Voice; render(voice: Voice): ReactNode }) {
  const column = (voice: Voice, role: 'person' | 'staff') => (
    <div className={`person-column person-column-${role}`} lang={voice.lang} dir={directionOf(voice.lang)}>
      {render(voice)}
    </div>
  );
  if (!staff || staff.lang === person.lang) return column(person, 'person');
  return (
    <div className="bilingual">
      {column(person, 'person')}
      {column(staff, 'staff')}
    </div>
  );
}
