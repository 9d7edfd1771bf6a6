/**
 * What a cable's file name tells about it. Archives name files after the cable's canonical id
 * (`09STATE71326.cable`, `06RIYADH9095.txt`), which carries the year even when a partial extract lost
 * its date; the rules read that year when the text gives none. The editor passes a URI, the command
 * line a path: both end in the file name.
 */
import { pivotYear } from './dtg.ts';

/** A canonical id: two-digit year, the post in letters, the serial (`09BRUSSELS995`). */
const CABLE_ID = /^(\d{2})[A-Z]+\d{1,7}$/;

/** The last segment of a URI or a path, percent-decoded when it is a URI. */
function baseName(uriOrPath: string): string {
  const q = uriOrPath.search(/[?#]/);
  const cut = q < 0 ? uriOrPath : uriOrPath.slice(0, q);
  const slash = Math.max(cut.lastIndexOf('/'), cut.lastIndexOf('\\'));
  const name = cut.slice(slash + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The cable id a file is named after, with its full year, or undefined when the name is not one. */
export function cableIdOfFileName(uriOrPath: string | undefined): { id: string; year: number } | undefined {
  if (!uriOrPath) return undefined;
  const name = baseName(uriOrPath);
  const dot = name.indexOf('.');
  const stem = (dot < 0 ? name : name.slice(0, dot)).toUpperCase();
  const m = CABLE_ID.exec(stem);
  if (!m) return undefined;
  return { id: stem, year: pivotYear(Number(m[1])) };
}
