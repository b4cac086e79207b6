import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, presentColumns, toCsv } from './csv';
import { ErrorMessage } from '../common';

type Row = Record<string, unknown>;

interface Props {
  filename: string;
  /** The rows shown. */
  rows: Row[];
  /** All rows of a paged list (every page the server has for the filter); the shown rows when absent. */
  loadRows?: () => Promise<Row[]>;
  columns: Array<{ key: string; label: string }>;
}

/** Exports the list's rows with only the fields the server returned (it sends only what the user may read). */
export function ExportCsvButton({ filename, rows, loadRows, columns }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const exportRows = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const all = loadRows ? await loadRows() : rows;
      downloadCsv(filename, toCsv(all, presentColumns(all, columns)));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={rows.length === 0 || busy} aria-busy={busy} onClick={() => void exportRows()}>
        {t('common.exportCsv')}
      </button>
      {failed && <ErrorMessage as="span">{t('common.exportFailed')}</ErrorMessage>}
    </>
  );
}
