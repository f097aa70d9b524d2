// Text written into a CSV that people open in a spreadsheet: a cell starting with =, +, -, @, a
// tab or a carriage return would be read as a formula (CSV injection), so it is kept as text with
// a leading apostrophe, which spreadsheets show as the text itself. No I/O.
const FORMULA = /^[=+\-@\t\r]/;

export const spreadsheetText = (value: string | null | undefined): string => (value && FORMULA.test(value) ? `'${value}` : (value ?? ''));
