/**
 * Synthetic cables for the folding tests (service level and over LSP), each with the folds it must give:
 * every kind of fold the server offers, each ending on its element's last line of text, before the
 * heading, caption, rule, box or trailer that follows it.
 */
import { FoldingRangeKind } from 'vscode-languageserver-types';

export interface FoldCase {
  name: string;
  text: string;
  /** Every fold, in order: [first line's text, last line's text, kind]; each text must be unique in the cable. */
  folds: [string, string, FoldingRangeKind?][];
}

const rome = [
  'VZCZCXRO0042',
  'RR RUEHC',
  'DE RUEHRO #0042/01 0451530',
  'ZNY CCCCC ZZH',
  'R 141530Z FEB 09',
  'FM AMEMBASSY ROME',
  'TO RUEHC/SECSTATE WASHDC 7001',
  'INFO RUEHFR/AMEMBASSY PARIS 0412',
  '',
  'BT',
  'C O N F I D E N T I A L SECTION 01 OF 02 ROME 000042',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 02/14/2019',
  'TAGS: PREL, PGOV, IT',
  'SUBJECT: (C) ITALY WEIGHS ITS OPTIONS',
  '',
  'REF: A. STATE 15522',
  '     B. ROME 97',
  '',
  '-----------------------------------------',
  '',
  'Classified By: Ambassador Jane Q. Example, reasons 1.4 (b) and (d).',
  '',
  '1. (C) Summary: The ministry is weighing three options',
  'for the coming season. End Summary.',
  '',
  'BACKGROUND',
  '----------',
  '',
  '2. (C) The ministry described the options',
  'in a meeting on February 12.',
  '',
  '3. (C) Officials listed them:',
  'A. (C) extend the current rotation through the',
  'winter season;',
  'B. (C) ask partners for help',
  'over the summer.',
  '',
  'Who are we dealing with?',
  '',
  '4. (C) The new director knows the file',
  'and the people in it.',
  'Trade Talks',
  '5. (C) The talks resume in March',
  'after a pause of a year.',
  '',
  'OUTLOOK',
  '',
  '6. (C) We will report further.',
  '',
  'We expect a decision soon. (Note: the cabinet meets weekly.',
  'End note.)',
  '',
  '7. (C) The ministry prefers the first option.',
  '',
  'COMMENT: It keeps costs down',
  'and pleases everyone. END COMMENT.',
  '',
  '8. (C) The decision falls in March:',
  '-- the cabinet meets on the third;',
  '',
  '-- a last point worth noting',
  '',
  'C O N F I D E N T I A L SECTION 01 OF 02 ROME 000042',
  '',
  'ROME 00000042  001 OF 002',
  '',
  'BT',
  '#0042',
  'NNNN',
  '',
].join('\n');

const circular = [
  'UNCLAS STATE 012345',
  '',
  'E.O. 12958: N/A',
  'TAGS: PREL, XX',
  'SUBJECT: A CIRCULAR TO ALL POSTS',
  '',
  '1. (U) The first paragraph',
  'runs over two lines.',
  '',
  '2. (U) The second paragraph',
  'runs over two lines too.',
  '',
  '*****************************************',
  'Visit our Classified Website:',
  'http://www.example.invalid/',
  '*****************************************',
  '',
  'KISSINGER',
  '',
].join('\n');

export const FOLD_CASES: FoldCase[] = [
  {
    name: 'headings, captions, lists, blocks and the trailer',
    text: rome,
    folds: [
      // The header ends on its last addressee: the blank line and the BT that separates the text are not hidden.
      ['VZCZCXRO0042', 'INFO RUEHFR/AMEMBASSY PARIS 0412', FoldingRangeKind.Imports],
      // The REF block ends on its last item, not on the rule below it.
      ['REF: A. STATE 15522', '     B. ROME 97'],
      ['1. (C) Summary', 'for the coming season. End Summary.'],
      // The section under BACKGROUND runs to the end of its last paragraph, before OUTLOOK.
      ['BACKGROUND', 'after a pause of a year.'],
      ['2. (C)', 'in a meeting on February 12.'],
      // Paragraph 3 and its last sub-paragraph end before the caption over paragraph 4.
      ['3. (C)', 'over the summer.'],
      ['A. (C)', 'winter season;'],
      ['B. (C)', 'over the summer.'],
      // A one-line caption after a sentence, with no blank line before paragraph 5, is not paragraph 4's.
      ['4. (C)', 'and the people in it.'],
      ['5. (C)', 'after a pause of a year.'],
      ['OUTLOOK', '-- a last point worth noting'],
      // A sentence after a blank line is still the paragraph's text, and so is a note closed after a full stop.
      ['6. (C)', 'End note.)'],
      ['7. (C)', 'and pleases everyone. END COMMENT.'],
      ['COMMENT: It keeps', 'and pleases everyone. END COMMENT.', FoldingRangeKind.Comment],
      // A bullet after a blank line is text too; the repeated banner, page marker, BT, #0042 and NNNN are not.
      ['8. (C)', '-- a last point worth noting'],
    ],
  },
  {
    name: 'a signed cable with the post\'s box below the text',
    text: circular,
    folds: [
      ['1. (U)', 'runs over two lines.'],
      // Not the box below it, nor the signature.
      ['2. (U)', 'runs over two lines too.'],
    ],
  },
];

/** The line of a case's text that holds `needle` (which must be on exactly one line). */
export function lineOfText(text: string, needle: string): number {
  const lines = text.split('\n');
  const found = lines.flatMap((l, i) => (needle.startsWith(' ') ? l === needle : l.includes(needle)) ? [i] : []);
  if (found.length !== 1) throw new Error(`${JSON.stringify(needle)} is on ${found.length} lines of the fixture`);
  return found[0]!;
}

/** The folds a case expects, as the server gives them. */
export function expectedFolds(c: FoldCase): { startLine: number; endLine: number; kind?: FoldingRangeKind }[] {
  return c.folds.map(([start, end, kind]) => {
    const f: { startLine: number; endLine: number; kind?: FoldingRangeKind } = { startLine: lineOfText(c.text, start), endLine: lineOfText(c.text, end) };
    if (kind) f.kind = kind;
    return f;
  });
}
