/**
 * Whether a text file is a cable, from its head alone: the editor asks it of every plain-text file that
 * opens, and the command line of every `.txt` file in a folder, so it reads a few kilobytes with a handful
 * of anchored expressions and never parses.
 *
 * A cable's first lines give it away in one of five ways:
 *   routing-line     an ACP 127 transmission line, `VZCZCXYZ0015`
 *   partial-extract  the archive's note "This record is a partial extract of the original cable"
 *   heading          a classification banner or the heading lines: TAGS with SUBJECT or E.O., or a banner
 *                    followed by any of the three
 *   precedence-line  a bare precedence and DTG line (`O 121758Z MAY 86`) with FM and TO lines
 *   printout         the Department's receiving copy (`INFO LOG-00 …`, `ACTION EUR-00`) with a TAGS,
 *                    SUBJECT or FM line
 */

/** How many characters of a file's start the test reads. */
export const CABLE_HEAD_CHARS = 4096;

export type CableHeadSign = 'routing-line' | 'partial-extract' | 'heading' | 'precedence-line' | 'printout';

export const ROUTING_LINE = /^V{1,2} ?ZCZC[A-Z]{3}\d{2,5}/;
export const PARTIAL_EXTRACT = /^this record is a partial extract of the original cable/i;
// TAGS in capitals only: `Tags:` heads blog posts and notes, never a cable's TAGS line.
export const TAGS_LINE = /^TAGS?\b *:?/;
export const SUBJECT_LINE = /^SUBJ(?:ECT)? *:/i;
export const EO_LINE = /^E\.? ?O\.? ?\d{5}\b/i;
export const BANNER = /^(?:UNCLAS\b|UNCLASSIFIED\b|U N C L A S|CONFIDENTIAL\b|C O N F I D E N T I A L|SECRET\b|S E C R E T|TOP SECRET\b|LIMITED OFFICIAL USE\b)/i;
export const PRECEDENCE_DTG = /^[ZOPRY](?: [ZOPRY])? +\d{6}Z? +[A-Z]{3} +\d{2}\b/i;
export const FM_LINE = /^FM +\S/;
export const TO_LINE = /^TO +\S/;
export const PRINTOUT = /^(?:INFO +LOG-\d{2}|ACTION +[A-Z]+-\d{2})\b/;

/** The first lines of a head this long are enough: a cable shows what it is within its heading. */
const MAX_LINES = 80;

/** Which sign in `head` (the file's first CABLE_HEAD_CHARS characters) shows it is a cable, if any. */
export function cableHeadSign(head: string): CableHeadSign | undefined {
  const text = head.length > CABLE_HEAD_CHARS ? head.slice(0, CABLE_HEAD_CHARS) : head;
  const seen = { tags: false, subject: false, eo: false, banner: false, dtg: false, fm: false, to: false, printout: false };
  let lineStart = 0;
  for (let n = 0; n < MAX_LINES && lineStart < text.length; n++) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const line = text.slice(lineStart, end).trim();
    lineStart = end + 1;
    if (!line) continue;
    if (ROUTING_LINE.test(line)) return 'routing-line';
    if (PARTIAL_EXTRACT.test(line)) return 'partial-extract';
    seen.tags ||= TAGS_LINE.test(line);
    seen.subject ||= SUBJECT_LINE.test(line);
    seen.eo ||= EO_LINE.test(line);
    seen.banner ||= BANNER.test(line);
    seen.dtg ||= PRECEDENCE_DTG.test(line);
    seen.fm ||= FM_LINE.test(line);
    seen.to ||= TO_LINE.test(line);
    seen.printout ||= PRINTOUT.test(line);
  }
  const headingLines = Number(seen.tags) + Number(seen.subject) + Number(seen.eo);
  if ((seen.tags && (seen.subject || seen.eo)) || (seen.banner && headingLines > 0)) return 'heading';
  if (seen.dtg && seen.fm && seen.to) return 'precedence-line';
  if (seen.printout && (seen.tags || seen.subject || seen.fm)) return 'printout';
  return undefined;
}

/** True when the head of a text file shows it is a cable (cableHeadSign). */
export function looksLikeCable(head: string): boolean {
  return cableHeadSign(head) !== undefined;
}
