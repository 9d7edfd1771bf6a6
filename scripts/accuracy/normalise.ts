/**
 * How two readings of one field are compared. The same rules serve the hand-read gold files and the
 * cablemap cases; where cablemap writes a value in its own way (person TAGS rebuilt as `SURNAME, NAME`,
 * the classifier's name without the title) the cablemap scorer adds its own step on top (cablemap.ts).
 */

/** Blanks of any kind collapsed to one space, ends trimmed. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Names and subjects: blanks collapsed and case ignored (`Smith` = `SMITH`). */
export function text(s: string | null | undefined): string {
  return s == null ? '' : collapse(s).toUpperCase();
}

/** The Classified By authority as the conventions define it: trailing `,` `;` `.` `:` and blanks dropped. */
export function authority(s: string | null | undefined): string {
  const t = text(s);
  let end = t.length;
  while (end > 0 && TRAILING.has(t[end - 1])) end--;
  return t.slice(0, end);
}

const TRAILING = new Set([' ', ',', '.', ':', ';']);

/** One TAGS entry: upper case, blanks collapsed, a person's parentheses dropped, `A ,B` written `A, B`. */
export function tag(s: string): string {
  let t = text(s);
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  return t.replace(/ ?, ?/g, ', ');
}

/** A cable id: upper case, no blanks, leading zeros of the serial dropped (`09CAIRO0561` = `09CAIRO561`). */
export function cableId(s: string | null | undefined): string {
  if (s == null) return '';
  const id = s.replace(/\s+/g, '').toUpperCase();
  let digits = id.length;
  while (digits > 0 && isDigit(id.charCodeAt(digits - 1))) digits--;
  let serial = digits;
  while (serial < id.length - 1 && id[serial] === '0') serial++;
  return id.slice(0, digits) + id.slice(serial);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of the longest common subsequence: the items two ordered lists agree on, in order. */
export function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) row[j + 1] = x === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], row[j]);
    prev = row;
  }
  return prev[b.length];
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
