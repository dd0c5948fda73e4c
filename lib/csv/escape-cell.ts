// Every CSV the portal writes goes through here. Pure and client-safe.

// A cell starting with one of these is a formula in spreadsheet apps (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: formula-looking text is prefixed with ' and anything with , ; " tab or a line break is quoted
 * (spreadsheets in semicolon locales split on ;, which would start a new, live cell inside an unquoted one).
 */
export function escapeCsvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: unknown[]): string {
  return cells.map(escapeCsvCell).join(",") + "\r\n";
}
