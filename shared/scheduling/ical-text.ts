// RFC 5545 text rules: TEXT escaping, UTC DATE-TIME form, and line folding.

/** Escapes a TEXT value (RFC 5545 3.3.11); drops control characters TEXT may not carry. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** An instant as a UTC DATE-TIME, e.g. 20261127T093000Z (seconds kept, milliseconds dropped). */
export function formatUtc(instant: number): string {
  const iso = new Date(Math.floor(instant / 1000) * 1000).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** The most octets a line may hold, not counting its CRLF (RFC 5545 3.1). */
export const MAX_LINE_OCTETS = 75;

/**
 * Folds one content line into lines of at most 75 UTF-8 octets. Each
 * continuation starts with a space (which counts towards its 75). Breaks fall
 * between code points, never inside a multi-byte character.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + n > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  lines.push(current);
  return lines.join('\r\n');
}
