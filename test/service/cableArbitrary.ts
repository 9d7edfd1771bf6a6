/**
 * fast-check generators of real-looking cables: each line drawn from the shapes the parser recognises
 * (routing header, banner, captions, E.O., TAGS, SUBJECT, REF, Classified By, paragraphs, blocks,
 * section markers, signature) with values that are sometimes right and sometimes subtly wrong, mixed
 * with noise lines (control characters, lone surrogates, tabs) and all three line ends. All synthetic:
 * no corpus text is used.
 */
import fc from 'fast-check';

const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC', 'JLY', 'Sept', 'jul', 'XYZ'];
const POSTS = ['BRUSSELS', 'STATE', 'OSLO', 'BUENOS AIRES', 'RIO DE JANEIRO', 'USUN NEW YORK', 'AIT TAIPEI', 'X'];
const TAGS = ['PREL', 'PGOV', 'PARM', 'ECON', 'ETRD', 'KDEM', 'RS', 'BE', 'NO', 'XX', 'POGOV', 'KZZZ', 'EU', 'NATO', '(SMITH, JOHN)', 'PTER', 'SNAR', 'EFIN'];
const MARKS = ['(C)', '(S)', '(U)', '(SBU)', '(TS)', '(S//NF)', '(C//REL NATO)', 'C)', '(CC)', '(Q)', '(U//FOUO)', '', '(', ')'];
const BLOCK_LINES = ['SUMMARY:', 'END SUMMARY.', 'COMMENT:', 'END COMMENT.', 'BEGIN TEXT:', 'END TEXT.', 'BEGIN QUOTE', 'END QUOTE', 'QUOTE:', 'UNQUOTE', 'Summary', 'End summary.'];
const CAPTIONS = ['SIPDIS', 'NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'SENSITIVE', 'CORRECTED COPY', 'SIPDIS NOFORN'];
const LEVEL_WORDS = ['UNCLAS', 'UNCLASSIFIED', 'C O N F I D E N T I A L', 'CONFIDENTIAL', 'S E C R E T', 'SECRET', 'T O P S E C R E T', 'SS E C R E T', 'UUNCLAS', 'S e c r e t', 'LIMITED OFFICIAL USE'];

const dtg = fc
  .tuple(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 26 }), fc.integer({ min: 0, max: 62 }), fc.constantFrom('Z', 'Z', 'Z', 'A', 'J', ''), fc.constantFrom(...MONTHS), fc.integer({ min: 0, max: 99 }))
  .map(([d, h, m, z, mon, y]) => `${pad(d, 2)}${pad(h, 2)}${pad(m, 2)}${z} ${mon} ${pad(y, 2)}`);

const words = fc.array(fc.constantFrom('the', 'EMBASSY', 'minister', 'said', 'reftel', '09', 'STATE', '71326', 'Poloff', 'GOB', '--', '(C)', 'XXXXXXXXXXXX', 'EUR/WE', '1.4(b)', 'U.S.', 'DECL:', 'TAGS', 'SUBJECT:', '201547Z'), { minLength: 0, maxLength: 14 }).map((w) => w.join(' '));

/** A line of noise: any UTF-16 code units, including NUL, CR/LF-free control characters and lone surrogates. */
export const noiseLine = fc
  .string({ unit: fc.oneof(fc.constantFrom('\0', '\t', '\uFEFF', '\u00A0', '\uD800', '\uDC00', '¶', ' ', '(', ')', '/', ':', '.', '#', '\u200B', '\x0B', '\x0C'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 })
  .map((s) => s.replace(/[\n\r]/g, ' '));

const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  letters(3, 3).chain((ch) => digits(3, 4).map((n) => `VZCZC${ch}${n}`)),
  fc.tuple(fc.constantFrom('RR', 'PP', 'OO', 'ZZ', 'R', 'PR'), letters(2, 3)).map(([p, ri]) => `${p} RUEH${ri}`),
  fc.tuple(letters(2, 3), digits(1, 5), digits(0, 2), digits(5, 8)).map(([ri, s, sec, ft]) => `DE RUEH${ri} #${s}${sec ? '/' + sec : ''} ${ft}`),
  fc.tuple(fc.constantFrom('ZNR', 'ZNY'), fc.constantFrom('UUUUU', 'CCCCC', 'SSSSS', 'TTTTT', 'CCCC', 'EEEEE')).map(([s, l]) => `${s} ${l} ZZH`),
  fc.tuple(fc.constantFrom('R', 'P', 'O', 'Z', 'P R', 'X'), dtg).map(([p, d]) => `${p} ${d}`),
  fc.constantFrom(...POSTS).map((p) => `FM AMEMBASSY ${p}`),
  fc.tuple(letters(4, 5), fc.constantFrom('SECSTATE WASHDC', 'AMEMBASSY PARIS', 'USMISSION USNATO'), fc.constantFrom('', ' IMMEDIATE', ' PRIORITY', ' 9227')).map(([ri, n, p]) => `TO ${ri}/${n}${p}`),
  fc.tuple(letters(4, 5), fc.constantFrom('EUROPEAN POLITICAL COLLECTIVE', 'SECDEF WASHDC')).map(([ri, n]) => `INFO ${ri}/${n}`),
  fc.constantFrom('BT', 'NNNN', '#0995', 'E N D  O F  M E S S A G E'),
  fc.tuple(fc.constantFrom(...LEVEL_WORDS), fc.constantFrom('', ' SECTION 01 OF 02', ' SECTION 3 OF 2'), fc.constantFrom(...POSTS), digits(0, 6), fc.constantFrom('', ' NOFORN', ' SIPDIS')).map(
    ([l, s, p, n, c]) => `${l}${s} ${p} ${n}${c}`,
  ),
  fc.constantFrom(...CAPTIONS),
  fc.tuple(fc.constantFrom('E.O.', 'EO', 'E.o.', 'E. O.'), fc.constantFrom('12958', '13526', '12356', '13292', '99999'), fc.constantFrom('DECL: ', 'DECL ', 'N/A', 'DECL: OADR', 'DECL: 1.6 X1', ''), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 1960, max: 2060 })).map(
    ([e, o, d, m, dd, y]) => `${e} ${o}: ${d}${d.endsWith(' ') ? `${pad(m, 2)}/${pad(dd, 2)}/${y}` : ''}`,
  ),
  fc.tuple(fc.constantFrom('TAGS:', 'TAGS', 'TAG:', 'TGS:', 'TAGE'), fc.array(fc.constantFrom(...TAGS), { maxLength: 8 }), fc.constantFrom(', ', ' ', ' [', '](#) [')).map(([k, t, sep]) => `${k} ${t.join(sep)}`),
  fc.tuple(fc.constantFrom('SUBJECT:', 'SUBJ:', 'Subject:'), fc.constantFrom(...MARKS), words).map(([k, m, w]) => `${k} ${m} ${w}`),
  fc.tuple(fc.constantFrom('REF:', 'REFS:', 'REF', 'A.', 'B.'), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...POSTS), digits(1, 6)).map(([k, y, p, n]) => `${k} ${pad(y, 2)} ${p} ${n}`),
  fc.tuple(fc.constantFrom('Classified By:', 'CLASSIFIED BY', 'Classified by'), words, fc.constantFrom('1.4(b) and (d).', '1.5 (b)', 'reasons 1.4 (z)', '', '1.4(')).map(([k, w, r]) => `${k} ${w} ${r}`),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('.', '. ', ')', ''), fc.constantFrom(...MARKS), words).map(([n, p, m, w]) => `${n}${p} ${m} ${w}`),
  fc.tuple(fc.constantFrom('A.', 'b)', '--', '-', 'ii.', '2a.', '¶3.'), fc.constantFrom(...MARKS), words).map(([l, m, w]) => `${l} ${m} ${w}`),
  fc.constantFrom(...BLOCK_LINES),
  fc.tuple(fc.constantFrom(...POSTS), digits(8, 8), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })).map(([p, n, a, b]) => `${p} ${n}  00${a}.2 OF 00${b}`),
  fc.constant('This record is a partial extract of the original cable. The full text of the original cable is not available.'),
  fc.tuple(fc.constantFrom('Wednesday', 'Monday'), fc.integer({ min: 0, max: 32 }), fc.constantFrom('November', 'July', 'Smarch'), fc.integer({ min: 1960, max: 2030 })).map(([d, n, m, y]) => `${d}, ${n} ${m} ${y}, 13:59`),
  dtg,
  fc.constantFrom('BUSH', 'KENNARD', 'RICE', 'CLINTON', 'KISSINGER'),
  words,
  { weight: 2, arbitrary: noiseLine },
);

/** The text proper: numbered paragraphs, sub-paragraphs, blocks, headings and blanks, where nesting bugs live. */
const bodyLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('. ', '.', ') '), fc.constantFrom(...MARKS), words).map(([n, p, m, w]) => `${n}${p}${m} ${w}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('A.', 'B.', '(a)', 'b)', '--', '-', 'ii.', '(1)'), fc.constantFrom(...MARKS), words).map(([l, m, w]) => `${l} ${m} ${w}`) },
  { weight: 3, arbitrary: fc.constantFrom(...BLOCK_LINES, 'END SUMMARY', 'SUMMARY AND COMMENT:', '1. (C) SUMMARY: x', 'COMMENT: x. END COMMENT.', '-- END COMMENT --') },
  { weight: 3, arbitrary: words },
  fc.constantFrom('BACKGROUND', 'Background', '----------', 'BUSH', 'C O N F I D E N T I A L', 'SECRET SECTION 02 OF 02 OSLO 000097', 'NNNN', 'BT'),
  fc.tuple(fc.constantFrom(...POSTS), digits(8, 8)).map(([p, n]) => `${p} ${n}  002.2 OF 003`),
  noiseLine,
);

/** A cable whose heading is fixed and whose body is many structure lines (paragraphs, blocks, markers). */
export function bodyHeavyCable(maxLines = 80): fc.Arbitrary<string> {
  const head = 'C O N F I D E N T I A L OSLO 000097\n\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL, NO\nSUBJECT: A TEST\n\nClassified By: Someone, reasons 1.4 (b) and (d).\n\n';
  return fc.array(fc.tuple(bodyLine, fc.constantFrom('\n', '\n', '\n', '\r\n')), { maxLength: maxLines }).map((ls) => head + ls.map(([l, e]) => l + e).join(''));
}

const eol = fc.oneof({ weight: 12, arbitrary: fc.constant('\n') }, { weight: 2, arbitrary: fc.constant('\r\n') }, { weight: 1, arbitrary: fc.constant('\r') });

/** A whole cable: up to `maxLines` generated lines, each with its own line end; sometimes a BOM. */
export function cableText(maxLines = 60): fc.Arbitrary<string> {
  return fc
    .tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: maxLines }), fc.boolean())
    .map(([bom, ls, finalEol]) => {
      let s = (bom ? '\uFEFF' : '') + ls.map(([l, e]) => l + e).join('');
      if (!finalEol && s.length) s = s.replace(/(?:\r\n|\r|\n)$/, '');
      return s;
    });
}

/** Insertions are cable-shaped fragments or noise, sometimes with line ends inside them. */
export const insertion: fc.Arbitrary<string> = fc.oneof(
  line,
  fc.tuple(line, eol, line).map(([a, e, b]) => a + e + b),
  fc.constantFrom('\n', '\r\n', '\r', '', ' ', '(', ')', '1. ', '\n\n', 'END SUMMARY', 'SUMMARY: '),
  noiseLine,
);

/** An edit of a text: where (as a fraction, so it fits whatever text it meets), how much to remove, what to insert. */
export interface FractionEdit {
  at: number;
  remove: number;
  insert: string;
}

export const fractionEdit: fc.Arbitrary<FractionEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 400 })),
  insert: insertion,
});

export function applyFractionEdit(text: string, e: FractionEdit): { text: string; offset: number; end: number } {
  const offset = Math.min(text.length, Math.floor(e.at * text.length));
  const end = Math.min(text.length, offset + e.remove);
  return { text: text.slice(0, offset) + e.insert + text.slice(end), offset, end };
}
