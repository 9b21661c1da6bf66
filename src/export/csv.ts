// CSV as spreadsheets read it: RFC 4180 (CRLF line ends; a field with a comma, quote, CR or LF quoted, its quotes
// doubled), and safe to open: a cell that a spreadsheet would run as a formula is prefixed with a quote (OWASP).

/** What a cell may hold; null and undefined are empty cells. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Excel reads a UTF-8 file as UTF-8 only when it starts with this byte order mark. */
export const UTF8_BOM = '\uFEFF';

/** A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (or starts one). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Only text is neutralised: a number such as -3 is a number, not a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
