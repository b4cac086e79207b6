/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function toCsv(rows: Array<Record<string, unknown>>, columns: Array<{ key: string; label: string }>): string {
  const cell = (value: unknown): string => {
    let text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((column) => cell(column.label)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Only columns that at least one returned row actually has: the server leaves out fields the user may not see,
 * and the export must not add them back as empty columns (or guess them).
 */
export function presentColumns<T extends { key: string }>(rows: Array<Record<string, unknown>>, columns: T[]): T[] {
  return columns.filter((column) => rows.some((row) => Object.hasOwn(row, column.key)));
}

export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
