import { useTranslation } from 'react-i18next';
import type { AuditName } from '@contracts/audit/audit-entry-view.types';

/** The words a name stands for in the CSV export: its text and detail, or "withheld". */
export function auditNameText(name: AuditName | null, t: (key: string) => string, none = ''): string {
  if (!name) return none;
  if ('withheld' in name) return t('audit.withheld');
  return name.detail ? `${name.text} (${name.detail})` : name.text;
}

/**
 * A person or record as the server named it for this reader: its name with a detail (an e-mail, a key) in a smaller
 * line, or "withheld" where the reader may not see it; `none` where the entry names nobody (the platform acted).
 */
export function AuditNameCell({ name, none }: { name: AuditName | null; none?: string }) {
  const { t } = useTranslation();
  if (!name) return <>{none ?? ''}</>;
  if ('withheld' in name) {
    return (
      <span className="hint" title={t('audit.withheldHint')}>
        {t('audit.withheld')}
        <span className="visually-hidden"> ({t('audit.withheldHint')})</span>
      </span>
    );
  }
  return (
    <>
      {name.text}
      {name.detail && (
        <>
          <br />
          <small className="hint">{name.detail}</small>
        </>
      )}
    </>
  );
}
