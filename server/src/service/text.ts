/**
 * Line splitting and per-line normalisation shared by the parser.
 *
 * Ranges must map 1:1 onto the editor's text, so normalisation never changes a line's length: it only
 * replaces characters that the recognisers should read as blanks (BOM, tabs, NUL, no-break spaces) with
 * a plain space, and leaves everything else as written.
 */

/** Splits on CRLF, lone CR and LF; the last line counts even when empty (as LSP counts lines). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push(text.slice(start, i));
      start = i + 1;
    } else if (c === 13) {
      lines.push(text.slice(start, i));
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

// Characters read as a blank: TAB, NUL, BOM, NBSP, and the other Unicode spaces WikiLeaks pages carry.
function isBlankish(c: number): boolean {
  return (
    c === 9 || c === 0 || c === 0xfeff || c === 0xa0 || c === 0x200b || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 11 || c === 12
  );
}

/** The line with blank-like characters replaced by spaces, same length as the original. */
export function normaliseLine(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (isBlankish(line.charCodeAt(i))) return normaliseFrom(line, i);
  }
  return line;
}

function normaliseFrom(line: string, first: number): string {
  let out = line.slice(0, first);
  for (let i = first; i < line.length; i++) {
    const c = line.charCodeAt(i);
    out += isBlankish(c) ? ' ' : line[i];
  }
  return out;
}

/** Index of the first non-space character, or the length when the line is blank. */
export function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i;
}

/** Index just past the last non-space character. */
export function endNonSpace(s: string): number {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) === 32) i--;
  return i;
}

export function isBlank(s: string): boolean {
  return firstNonSpace(s) === s.length;
}
