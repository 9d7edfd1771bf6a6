import { asciiUpper, isLower, isUpperOrDigit } from './chars.ts';

/** Canonical post name: upper case, letters and digits only; SECSTATE and variants → STATE. */
export function canonicalPost(name: string): string {
  // Most names are capitals and digits already (`STATE`, `TELAVIV`): the name itself, with no string
  // built a character at a time. Others are built from the first character that changes on.
  const n = name.length;
  let k = 0;
  while (k < n && isUpperOrDigit(name.charCodeAt(k))) k++;
  let out = k === n ? name : name.slice(0, k);
  for (let i = k; i < n; i++) {
    const c = name.charCodeAt(i);
    if (isUpperOrDigit(c)) out += name[i];
    else if (isLower(c)) out += String.fromCharCode(asciiUpper(c));
  }
  if (out === 'SECSTATE' || out === 'SECSTATEWASHDC' || out === 'STATEWASHDC') return 'STATE';
  return out;
}

/** The year's last two digits as the cable ids write them, like String(year % 100).padStart(2, '0'). */
export function yearDigits(year: number): string {
  const v = year % 100;
  return v >= 0 && v < 10 ? `0${v}` : String(v);
}
