import { useTranslation } from 'react-i18next';
import { downloadCsv, presentColumns, toCsv } from './csv';

interface Props {
  filename: string;
  rows: Array<Record<string, unknown>>;
  columns: Array<{ key: string; label: string }>;
}

/** Exports exactly the rows shown and only the fields the server returned. */
export function ExportCsvButton({ filename, rows, columns }: Props) {
  const { t } = useTranslation();
  return (
    <button type="button" disabled={rows.length === 0} onClick={() => downloadCsv(filename, toCsv(rows, presentColumns(rows, columns)))}>
      {t('common.exportCsv')}
    </button>
  );
}
