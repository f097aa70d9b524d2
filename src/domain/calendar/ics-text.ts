// The text rules of iCalendar (RFC 5545): escaping TEXT values (§3.3.11), quoting parameter
// values (§3.2), folding content lines at 75 octets without splitting a UTF-8 character
// (§3.1), and CRLF line endings.

/** Escapes a TEXT value: backslash, semicolon, comma, and newlines as "\n". */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (e.g. CN): quoted when it holds ":", ";" or ","; double quotes and controls dropped. */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in parameter values
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '').trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const encoder = new TextEncoder();

/**
 * Folds one content line: no physical line longer than 75 octets, continuation lines starting
 * with a space (which counts towards their 75). Splits between code points, never inside one.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Content lines → the iCalendar object: folded, each ended by CRLF. */
export function toIcs(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/** A UTC instant as a DATE-TIME in UTC form: 20261127T100000Z. */
export function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** An offset in minutes as a UTC-OFFSET: 60 → "+0100", -330 → "-0530". */
export function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
