/**
 * CSV the way Norwegian Excel opens it: UTF-8 with a byte-order mark,
 * semicolons between fields, decimal commas, CRLF line ends.
 */
export const CSV_BOM = '\uFEFF';

export type Cell = string | number | null | undefined;

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  // Quote fields with separators, quotes or line breaks; neutralise formulas Excel would run.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(field).join(';')}\r\n`;
}
