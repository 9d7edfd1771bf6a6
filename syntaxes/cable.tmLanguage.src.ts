/**
 * The TextMate grammar for US diplomatic cables (`source.cable`), written as code so that every regular
 * expression is a JavaScript literal that eslint-plugin-regexp checks for super-linear backtracking.
 * `npm run grammar` (scripts/build-grammar.ts) turns it into syntaxes/cable.tmLanguage.json.
 *
 * Design rules, because colouring runs on every keystroke over untrusted text (lines of 16 000 characters
 * occur in real cables):
 * - Every rule that spans a whole line is anchored with `^`; Oniguruma then tries it only at line starts.
 * - Rules that may match inside a line start with a one-character look-behind guard, so they can only
 *   begin at the start of a run of their own characters: a long run of letters or digits is scanned once,
 *   never once per position.
 * - No quantified group contains two quantifiers that can trade characters, and separators between
 *   repeated items are mandatory, so every match is linear in the length of the line.
 * - Only syntax that means the same in JavaScript and in Oniguruma is used: no `\G`, no atomic groups, no
 *   named groups (they would switch Oniguruma's numbered captures off). The `i` flag becomes `(?i)`.
 *
 * Scope names start with the standard roots that every theme colours (keyword, constant.numeric,
 * entity.name, support, storage.modifier, markup.heading, markup.underline.link, comment, invalid …) and
 * end in `.cable`. Classification levels get one root each, chosen so that the default Dark+/Light+
 * themes show them in the colours used on US classification banners as far as the palette allows
 * (SECRET red, CONFIDENTIAL blue, UNCLASSIFIED green, controlled-unclassified purple, TOP SECRET
 * orange/dark red); the level is in the scope (`…classification.secret.banner.cable`), so
 * `editor.tokenColorCustomizations` can recolour one level everywhere or only in banners.
 *
 * The cable's closed vocabulary (caption words, precedence words, block words, heading keywords) comes
 * from the parser's vocabulary (server/src/service/parse/vocabulary.ts), so the grammar colours what the
 * parser reads. The expressions built from it are `new RegExp` of alternations of plain words, which the
 * linearity test (test/service/grammar-regex.test.ts) times like the literals.
 */
import type { PrecedenceLetter } from '../server/src/service/model.ts';
import {
  BLOCK_BEGIN,
  BLOCK_WORDS,
  CAPTION_KEYS,
  NAME_SUFFIXES,
  NIGHT_ACTION,
  NOT_SIGNER_WORDS,
  PRECEDENCE_NAMES,
  PRECEDENCE_WORDS,
  REF_KEYWORDS,
  REF_PREFIX,
  SUBJECT_KEYWORDS,
  TAGS_KEYWORDS,
  alternation,
} from '../server/src/service/parse/vocabulary.ts';
import geographic from '../server/data/tags-geographic.json';
import organizations from '../server/data/tags-organization.json';
import programs from '../server/data/tags-program.json';
import subjects from '../server/data/tags-subject.json';
import posts from '../server/data/posts.json';

/**
 * Countries named in one word (FIPS 10-4 titles: `IRAN`, `RUSSIA`): a line of one of them alone is a
 * heading between paragraphs, never the signature.
 */
const ONE_WORD_COUNTRIES = geographic
  .flatMap((g) => (g.geoKind === 'country' && g.title && /^[a-z]+$/i.test(g.title) ? [g.title.toUpperCase()] : []));

/**
 * Words that head a part of the text (`BACKGROUND`, `OBJECTIVES`), never a signer's name. The parser reads
 * headings by their shape; the grammar, which sees one line, needs their words.
 */
const HEADING_WORDS = [
  'SUMMARY', 'COMMENT', 'COMMENTS', 'BACKGROUND', 'INTRODUCTION', 'CONCLUSION', 'CONCLUSIONS', 'ANALYSIS',
  'DISCUSSION', 'OVERVIEW', 'PARTICIPANTS', 'NOTE', 'ASSESSMENT', 'OUTLOOK', 'ISSUES', 'OBJECTIVES',
  'RECOMMENDATIONS', 'CHALLENGES', 'CHALLENGE', 'SANCTIONS', 'ANNEX', 'POSTSCRIPT', 'ECONOMY', 'ECONOMICS',
  'POLITICS', 'SECURITY', 'ENERGY', 'TRADE', 'TERRORISM', 'CORRUPTION', 'DETAINEES', 'PARTICIPATION',
];

/**
 * Words a line may hold alone that are no signer's name: the closing and caption words the parser never
 * takes for a signer, heading words, one-word countries, TAGS codes (`NATO`, `IAEA`, `PREL`) and posts
 * (`BAGHDAD`), which head sections. Codes of letters only, three or more (the signature's shortest).
 */
const NOT_SIGNATURES = [
  ...new Set(
    [
      ...NOT_SIGNER_WORDS,
      ...CAPTION_KEYS,
      ...HEADING_WORDS,
      ...ONE_WORD_COUNTRIES,
      ...[...organizations, ...programs, ...subjects].map((t) => t.code.toUpperCase()),
      ...Object.keys(posts),
    ].filter((w) => /^[A-Z]{3,}$/.test(w)),
  ),
].sort();

/**
 * Endings of English words that are no surnames (`CORRUPTION`, `ARRANGEMENTS`, `OBJECTIVES`, `DOMESTICALLY`):
 * a one-word line ending so is a heading.
 */
const WORD_ENDINGS = ['TION', 'TIONS', 'SION', 'SIONS', 'MENTS', 'ITIES', 'ISM', 'ISMS', 'ATIVES', 'ECTIVES', 'ICALLY', 'OLOGY'];

/** The months of a DTG; a line whose month is mistyped (`NOVX`) is still the DTG line, its month marked. */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Caption words (any of them may stand alone or in a list), and those but SENSITIVE, which has a rule of its own. */
const CAPTIONS = alternation(CAPTION_KEYS);
const CAPTIONS_BUT_SENSITIVE = alternation(CAPTION_KEYS.filter((w) => w !== 'SENSITIVE'));
/** Captions of their own form. */
const CAPTION_FORMS = 'EYES ONLY|FOR OFFICIAL USE ONLY|(?:ROGER|DISSENT|AGR[EÉ]MENT|MED|TM) CHANNEL';
const BLOCKS = alternation(Object.keys(BLOCK_WORDS));
/** The precedence words, each its own capture group, in PRECEDENCE_WORDS' order. */
const PRECEDENCE_GROUPS = Object.keys(PRECEDENCE_WORDS)
  .map((w) => `(${w})`)
  .join('|');

export interface Capture {
  name?: string;
  patterns?: Rule[];
}
export type Captures = Record<string, Capture>;
export interface Rule {
  comment?: string;
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  whileCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
}
export interface Grammar {
  $schema: string;
  name: string;
  scopeName: string;
  fileTypes: string[];
  firstLineMatch: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

/** Oniguruma source of a JavaScript regular expression; only the `i` flag may be used. */
export function onig(re: RegExp): string {
  for (const flag of re.flags) {
    if (flag !== 'i') throw new Error(`unsupported flag ${flag} in ${re}`);
  }
  return (re.flags.includes('i') ? '(?i)' : '') + re.source;
}

/**
 * Oniguruma source of a rule that must start at the beginning of a line. The whole document is one
 * begin/while region whose while-condition matches at every line start, so vscode-textmate's `\G`
 * (the anchor position) is position 0 of each line there; `^` becomes `\G`. This matters for speed:
 * where `\G` cannot match, vscode-textmate replaces it with U+FFFF, which Oniguruma rejects with one
 * fast literal scan, whereas a `^` rule is tried at every position of every line.
 */
export function line(re: RegExp): string {
  const src = onig(re);
  const anchored = /^(\(\?i\))?\^/;
  if (!anchored.test(src)) throw new Error(`line rule without ^: ${re}`);
  return src.replace(anchored, '$1\\G');
}

/** Every regular expression of the grammar, by name: the build, the lint and the linearity test use this. */
export const RE = {
  // ---- routing header (ACP-127 format lines 1-5) -------------------------------------------------
  transmissionId: /^\s*(VZCZC)([A-Z]{3})(\d{3,4})(?:\s+(UU|HH))?\s*$/,
  /** The header goes on while lines are of its own kinds (or blank). */
  transmissionWhile: /^(?=\s*$|\s*(?:ZZ|OO|PP|RR|YY)\s|\s*R[A-Z]{3,6}\b|\s*DE\s|\s*ZN[RY]\s)/,
  fl2: /^\s*(ZZ|OO|PP|RR|YY)((?:\s+R[A-Z]{3,6})+)\s*$/,
  riContinuation: /^\s*(R[A-Z]{3,6}(?:\s+R[A-Z]{3,6})*)\s*$/,
  routingIndicator: /(?<![A-Za-z])R[A-Z]{3,6}(?![A-Za-z])/,
  deLine: /^\s*(DE)\s+(R[A-Z]{3,6})\s+(#)?(\d{1,4}[A-Z]?)(?:(\/)(\d{2}))?\s+(?:(\d{3})(\d{4})|(\d{2})(\/)(\d{4})(Z{1,2}))\s*$/,
  securityLine: /^\s*(ZN[RY])\s+(U{5}|C{5}|S{5}|T{5}|R{5})(?![A-Z])(.*)$/,
  operatingSignal: /(?<![A-Za-z])Z[A-Z]{2}(?![A-Za-z])/,
  /**
   * FL5: precedence prosign(s) and the date-time group; the NARA copies' month may be in any case. The
   * month is any word of letters, so that one mistyped letter (`NOVX`) marks the month alone and leaves
   * the addressees below it coloured (dtgMonthWord tells a month from a mistyped one).
   */
  dtgLine: /^\s*([ZOPRY])(?:\s+([ZOPRY]))?\s+(\d{6})([A-IK-Z])\s+([A-Z]{2,9})(?:\s+(\d{4}|\d{2}))?\s*$/i,
  dtgMonthWord: new RegExp(`(?<![A-Z])(?:${alternation(MONTHS)})(?![A-Z])`, 'i'),
  dtgMonthMistyped: /(?<![A-Z])[A-Z]+/i,
  /** The partial extracts' short DTG line (`291359Z Nov 00`). */
  shortDtgLine: /^\s*(\d{6})([A-IK-Z])\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{4}|\d{2})\s*$/i,

  // ---- addressing (FL6-FL9) ----------------------------------------------------------------------
  /**
   * Addressees run to the first blank line. Some renderers (shiki) skip blank lines without running
   * while-conditions, so a banner or the viewer's date line also ends the block.
   */
  addressingWhile:
    /^(?!\s*$|\s*(?:(?:T ?O ?P ?)?[A-Z]?S ?E ?C ?R ?E ?T(?![A-Z])|[Ss] [Ee] [Cc] [Rr]|(?:[A-Z]?C ?O|O) ?N ?F ?I ?D ?E ?N ?T|[Cc] [Oo] [Nn] [Ff]|U?UNCLAS|U N C L|LIMITED +OFFICIAL|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,))/,
  fmLine: /^\s*(FM)\s+(?:(R[A-Z]{3,6})(\/))?(\S.*)$/,
  addresseeProsign: /^\s*(TO|INFO|XMT)(?=[\s/])/,
  addresseeRi: /(?<![A-Za-z])(R[A-Z]{3,6})(\/)/,
  addresseePrecedence: new RegExp(`(?<![A-Za-z])(?:(${NIGHT_ACTION}\\s+IMMEDIATE)|${PRECEDENCE_GROUPS})(?![A-Za-z])`),
  messageNumber: /(?<=\s)\d{4}(?=\s*$)/,
  btLine: /^\s*(BT)\s*$/,
  nnnnLine: /^\s*(N{3,4})([A-Z]{0,8})\s*$/,

  // ---- Department printout and partial extracts ---------------------------------------------------
  extractNotice: /^\s*This record is a partial extract of the original cable\b.*$/,
  pageHeader: /^\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z ]{0,12}\d{5}\b.*$/,
  actionLine: /^\s*ACTION\s+[A-Z]{1,8}-\d{2}\s*$/,
  infoLogBegin: /^\s*INFO\s+LOG-\d{2}\b/,
  infoLogWhile: /^(?=\s+[A-Z]{1,8}-\d{2}\b|\s+\/\d{3}W\b)/,
  dashLine: /^\s*-{10,}[0-9A-F]{6}\s+\d{6}Z\s+\/\d{2}\s*$/,
  dateLine: /^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4},\s+\d{1,2}:\d{2}\s*$/,
  sectionMarker: /^\s*[A-Z][A-Z .'-]{0,30}\s\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$/,

  // ---- classification banner ---------------------------------------------------------------------
  /**
   * Banner: level, optional caveats, optional SECTION n OF m, post and serial. Unspaced levels must be
   * upper case (a body line may start with "Secret"); spaced-out ones may be in any case (`S e c r e t`),
   * and a doubled or lost first letter from conversion damage (`SS E C R E T`, `O N F I D …`) is accepted.
   * Captions run onto the banner line in a few copies (`S E C R E T BOGOTA 000243 SIPDIS NOFORN`).
   */
  banner: new RegExp(
    `^\\s*((?:T ?O ?P ?|[Tt] [Oo] [Pp] +)?(?:[A-Z]?S ?E ?C ?R ?E ?T|[Ss] [Ee] [Cc] [Rr] [Ee] [Tt])|(?:[A-Z]?C ?O|O) ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|[Cc] [Oo] [Nn] [Ff] [Ii] [Dd] [Ee] [Nn] [Tt] [Ii] [Aa] [Ll]|U?UNCLAS(?:SIFIED)?(?: +EFTO| +SENSITIVE)?|U N C L A S S I F I E D|LIMITED +OFFICIAL +USE|SENSITIVE +BUT +UNCLASSIFIED)((?: ?\\/\\/? ?[A-Z]+)*)(?:\\s+(SECTION|[Ss]ection)\\s+(\\d{1,2})\\s+(OF|of)\\s+(\\d{1,2}))?\\s+([A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3})\\s+(\\d{3,7})((?:\\s+(?:${CAPTIONS}))*)\\s*$`,
  ),
  /** A classification line on its own: page repeats in printouts, the closing line, `SECRET//NOFORN`. */
  classificationLine:
    /^\s*((?:T ?O ?P ?)?S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|UNCLAS(?:SIFIED)?(?: +EFTO| +SENSITIVE)?|LIMITED +OFFICIAL +USE)((?: ?\/\/? ?[A-Z]+)*)(?:\s+[A-Z]{3}\d{4})?\s*$/,
  levelTopSecret: /(?:T ?O ?P ?|[Tt] [Oo] [Pp] +)(?:S ?E ?C ?R ?E ?T|[Ss] [Ee] [Cc] [Rr] [Ee] [Tt])/,
  levelSecret: /(?:[A-Z]?S ?E ?C ?R ?E ?T|[Ss] [Ee] [Cc] [Rr] [Ee] [Tt])/,
  levelConfidential: /(?:(?:[A-Z]?C ?O|O) ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|[Cc] [Oo] [Nn] [Ff] [Ii] [Dd] [Ee] [Nn] [Tt] [Ii] [Aa] [Ll])/,
  levelUnclassified: /U?UNCLAS(?:SIFIED)?|U N C L A S S I F I E D/,
  levelLou: /LIMITED +OFFICIAL +USE/,
  levelSbu: /SENSITIVE(?: +BUT +UNCLASSIFIED)?/,
  caveatWord: /(?<![A-Z])(?:NOFORN|NF|FGI|ORCON|PROPIN|FOUO|EFTO|REL(?: TO)?|NODIS|EXDIS|LIMDIS)(?![A-Z])/i,
  caveatSlash: /\/{1,2}/,

  // ---- captions and passing lines ---------------------------------------------------------------
  captionLine: new RegExp(`^\\s*(?:${CAPTIONS}|${CAPTION_FORMS})(?:[ ,;/]+(?:${CAPTIONS}))*\\s*$`),
  captionWord: new RegExp(`(?<![A-Za-z])(?:${CAPTIONS_BUT_SENSITIVE}|${CAPTION_FORMS})(?![A-Za-z])`),
  captionSensitive: /(?<![A-Za-z])SENSITIVE(?![A-Za-z])/,
  correctedCopy: /^\s*(?:-+\s*)?(C ?O ?R ?R ?E ?C ?T ?E ?D +C ?O ?P ?Y)\b.*$/i,
  /**
   * Passing/attention lines (`STATE FOR EUR/WE`, `STATE PASS TO USAID`): a known first word, or any
   * short upper-case lead-in followed by an office symbol with a slash, so body text in capitals
   * ("WAIT FOR THE VOTE") is not mistaken for one.
   */
  passingLine:
    /^\s*(?:((?:DEPT|DEPARTMENT|STATE|SECSTATE|NSC|USAID|AID|TREASURY|TREAS|USTR|OSD|DOD|SECDEF|USDOC|COMMERCE|USDA|DOE|DOJ|DHS|FBI|CIA|DIA|JCS|JOINT STAFF|CENTCOM|EUCOM|PACOM|SOUTHCOM|AFRICOM|NORTHCOM|USEU|USNATO|USUN|USOSCE|UNVIE|USMISSION)(?: ALSO)?) +(PASS +TO|PASS|FOR)\s+(\S.*)|([A-Z][A-Z.-]*(?: [A-Z][A-Z.-]*){0,2}) +(FOR|PASS +TO) +(?=[A-Z]{1,6}\/[A-Z])(\S.*))$/,

  // ---- E.O., TAGS, SUBJECT, REF, Classified By -----------------------------------------------------
  eoBegin: /^\s*(E\.? ?O\.?)\s*(\d{5})\s*(:)?/i,
  eoEnd: /$/,
  eoDecl: /(?<![A-Z])(DECL+|DNG|DECLAS(?:SIFY)?)(?![A-Z])\s*(:)?/i,
  eoDate: /(?<![\d/-])(?:\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})|\d{4}[/-]\d{2}[/-]\d{2}|\d{1,2}-\d{1,2}-\d{2,4})(?![\d/-])/,
  eoCode:
    /(?<![A-Z0-9])(?:N ?\/ ?A|OADR|X[1-8]|25X[1-9](?:-HUM)?|50X[1-9](?:-HUM)?|MR|GDS|ADS|XGDS-?[1-4]|RDS-?[1-3]|XDS-?[1-4])(?![A-Z0-9])/i,
  tagsBegin: new RegExp(`^\\s*(${alternation(TAGS_KEYWORDS)}|Tags?(?=\\s*:))(?![A-Za-z])\\s*(:)?`),
  tagsInline: /(?<![A-Za-z])(TAGS?)(?![A-Za-z])\s*(:)?/,
  /** TAGS wrap onto lines that hold nothing but codes (separators mandatory between codes). */
  tagsWhile:
    /^(?!\s*S?UBJ)(?=\s*(?:\[?[A-Z][A-Z0-9&'_-]*(?:\]\(#\))?|\([^()]{0,60}\))(?:[ ,;]+(?:\[?[A-Z][A-Z0-9&'_-]*(?:\]\(#\))?|\([^()]{0,60}\)))*[ ,;]*$)/,
  tagLinkOpen: /\[(?=[A-Z])/,
  tagLinkClose: /\]\(#\)/,
  tagProgram: /(?<![\w&'-])K[A-Z]{3}(?![\w&'-])/,
  tagSubject: /(?<![\w&'-])[ABCELMOPST][A-Z]{3}(?![\w&'-])/,
  tagGeo: /(?<![\w&'-])[A-Z]{2}(?![\w&'-])/,
  tagOther: /(?<![\w&'-])[A-Z][A-Z0-9&'_-]*/,
  tagPerson: /\([^()]{1,60}\)/,
  subjectBegin: new RegExp(`^\\s*(${alternation(SUBJECT_KEYWORDS)})\\s*(:)\\s*(\\([A-Z][A-Z /,-]{0,30}\\))?`, 'i'),
  subjectWhile:
    /^(?!\s*$|\s*(?:REF(?:S|TELS?|\(S\))?|Ref(?:s|\(s\))?)\s*:|\s*(?:CLASSIFIED|Classified) [Bb][Yy]|\s*E\.? ?O\.? ?\d|\s*TAGS?(?![A-Za-z])|\s*¶?\d{1,3}\.(?!\d)|\s*(?:BEGIN )?(?:SUMMARY|Summary)(?![A-Za-z]))/,
  refBegin: new RegExp(`^\\s*((?:${REF_PREFIX}\\s+)?(?:${alternation(REF_KEYWORDS)}))\\s*(:)`, 'i'),
  /** A REF block continues on lines that start with an item label (`B. MANAGUA 500`, `¶B) …`). */
  refWhile: /^(?=\s*(?:¶ ?)?\(?[A-Z][.)]\s?\S)/,
  refLabel: /(?<![A-Za-z0-9.])(¶)?(\(?[A-Z][.)])(?=[\sA-Z(])/,
  refItem: /(?<![A-Za-z0-9'.-])(?:(?:\d{4}|\d{2}) )?[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,3} \d{1,7}(?![\d/])/,
  classifiedByBegin: /^\s*(?:(¶)?(\d{1,3})(\.)\s*)?(?:(\()([A-Za-z/]{1,8})(\))\s*)?(CLASSIFIED\s+BY|Classified\s+[Bb]y)(?![A-Za-z])\s*(:)?/,
  classifiedByWhile: /^(?!\s*$|\s*¶?\d{1,3}\.(?!\d))/,
  reasonKeyword: /(?<![A-Z])(?:REASONS?|REASON\(S\))(?![A-Z])/i,
  reasonBegin: /(?<![\d.])(1) ?([.,]) ?([345])(?!\d)/,
  reasonEnd: /$/,
  reasonCategory: /(?<![A-Z])[A-H](?![A-Z]|\.[A-Z])/i,

  // ---- body --------------------------------------------------------------------------------------
  /**
   * Numbered paragraph head: `1.` or `¶1.`, an optional portion mark (`(C)`, `(S//NF)`, the malformed
   * `C)`, `(C - ENTIRE TEXT)`), then an optional SUMMARY/COMMENT marker.
   */
  paragraph:
    /^\s*(?:(¶)\s*)?(\d{1,3})(\.)(?!\d)(?:\s*(\([A-Z][A-Z /,-]{0,40}\)|[A-Z][A-Z/]{0,11}\)(?=\s)))?(?:\s*((?:BEGIN\s+)?SUMM?A?R?Y(?: AND (?:COMMENT|ACTION REQUEST|INTRODUCTION))?|COMMENT|ACTION REQUEST|INTRODUCTION|BACKGROUND)\s*([:.-]))?/i,
  /** A portion mark that opens a line without a paragraph number (headings, unnumbered paragraphs). */
  portionLine: /^\s*(\((?:TS|SBU|LOU|[CSU])(?:\s?\/{1,2}\s?[A-Z]+)*\))(?=\s)/,
  subParagraph:
    /^\s*(?:(¶)\s*)?(\(?[A-Za-z]\)|[A-Za-z]\.|\(?(?:i{2,3}|iv|vi{1,3}|ix)\)|\d{1,2}[a-z][.)])(?=\s)(?:\s+(\([A-Za-z][A-Za-z /,-]{0,40}\)))?/,
  bullet: /^\s*(--?|[•·*])(?=\s)/,
  portionOpen: /\(/,
  portionClose: /\)/,
  portionLevel: /(?<=[(\s])(?:(TS)|(SBU|FOUO)|(LOU)|(S)|(C)|(U))(?=\s*[/),-]|\s*$)/i,
  entireText: /(?<![A-Z])ENTIRE\s+TEXT(?![A-Z])/i,
  markerLine:
    /^\s*(?:-+\s*)?((?:BEGIN\s+)?SUMM?A?R?Y(?: AND (?:COMMENT|ACTION REQUEST|INTRODUCTION|KEY THEMES))?|(?:BEGIN\s+)?COMMENT|ACTION REQUEST|INTRODUCTION|END SUMMARY|END COMMENT)(?:\s*([:.-])|(?=\s*$))/i,
  endMarker: new RegExp(`(?<![A-Z])(?:END\\s+(?:OF\\s+)?(?:${BLOCKS})|${BLOCK_BEGIN}\\s+(?:${BLOCKS})|UNQTE|QTE)(?![A-Z])\\.?`, 'i'),
  redaction: /(?<![A-Za-z])(?:X{4,}|x{4,})(?![A-Za-z])/,
  groupMarking: /^\s*(GP-[1-4])\s*$/,
  /**
   * The signature: the signer's surname alone on a line (`BUSH`, `KISSINGER`, `THOMPSON-JONES`,
   * `TIMKEN JR`, `LeBaron`, `MURRAY .`; a full stop set apart by a blank, as the corpus writes it, since a
   * word with a full stop of its own is more often the wrapped end of a sentence). A grammar sees one line at a time and cannot know that it is
   * the last, nor what follows, so this is a heuristic the parser does not need: a line of one upper-case
   * word with a vowel, not a word that heads a section (NOT_SIGNATURES, WORD_ENDINGS), with nothing after
   * it (trailing blanks are usual after headings, never after the signature in the corpus), and not
   * right under a rule of dashes (see `underRule`). The first look-ahead takes the line's shape, so the
   * word lists are read only on lines of one word.
   */
  signature: new RegExp(
    `^(?=\\s*[A-Z][A-Za-z'’-]+(?: [A-Z]{2,3})?(?: \\.)?$)` +
      `(?!\\s*(?:${alternation(NOT_SIGNATURES)}|X+)(?: \\.)?$)` +
      `(?!\\s*[A-Z'’-]*(?:${alternation(WORD_ENDINGS)})(?: \\.)?$)` +
      `\\s*((?=[A-Z'’-]*[AEIOUY])[A-Z][A-Z'’-]{2,}(?: (?:${alternation(NAME_SUFFIXES)}))?|(?:Mc|Mac|Le)[A-Z][a-z]+)(?: \\.)?$`,
  ),
  /** A rule of dashes, equals signs or underscores (`-----`, `- - - -`, `=====`) under or over a heading. */
  ruleLine: /^\s*[-=_](?:\s*[-=_]){2,}\s*$/,
  /** The line of one word right under a rule: a boxed heading (`-----` / `JIRGAS` / `-----`), never the signature. */
  underRule: /^(?=\s*[A-Z][A-Za-z'’.-]*\s*$)/,
} as const;

// ---------------------------------------------------------------------------------------------------
// Scope names

const L = 'classification';
/** Scope of a classification level in a context (banner, portion, security, caption, subject). */
export function levelScope(level: 'TS' | 'S' | 'C' | 'U' | 'SBU' | 'LOU' | 'R', context: string): string {
  switch (level) {
    case 'TS':
      return `markup.deleted.${L}.top-secret.${context}.cable`;
    case 'S':
      return `invalid.illegal.${L}.secret.${context}.cable`;
    case 'C':
      return `constant.language.${L}.confidential.${context}.cable`;
    case 'U':
      return `markup.inserted.${L}.unclassified.${context}.cable`;
    case 'SBU':
      return `keyword.control.${L}.sbu.${context}.cable`;
    case 'LOU':
      return `keyword.control.${L}.limited-official-use.${context}.cable`;
    case 'R':
      return `keyword.control.${L}.restricted.${context}.cable`;
  }
}

const S = {
  transmission: 'keyword.control.transmission-id.cable',
  channel: 'entity.name.tag.channel.cable',
  channelSerial: 'constant.numeric.channel-serial.cable',
  prosign: 'keyword.other.prosign.cable',
  routingIndicator: 'entity.name.type.routing-indicator.cable',
  stationSerial: 'constant.numeric.station-serial.cable',
  section: 'constant.numeric.section.cable',
  julianDay: 'constant.numeric.filing-time.julian-day.cable',
  filingTime: 'constant.numeric.filing-time.time.cable',
  securityWarning: 'keyword.other.security-warning.cable',
  operatingSignal: 'keyword.other.operating-signal.cable',
  dtgDayTime: 'constant.numeric.dtg.day-time.cable',
  dtgZone: 'constant.character.dtg.zone.cable',
  dtgMonth: 'support.function.dtg.month.cable',
  dtgYear: 'constant.numeric.dtg.year.cable',
  originator: 'entity.name.type.originator.cable',
  messageNumber: 'constant.numeric.message-number.cable',
  printout: 'comment.line.printout.cable',
  banner: 'markup.heading.banner.cable',
  post: 'entity.name.type.post.cable',
  serial: 'constant.numeric.serial.cable',
  caveat: 'storage.modifier.caveat.cable',
  separator: 'punctuation.separator.caveat.cable',
  passing: 'keyword.other.passing.cable',
  eo: 'keyword.other.executive-order.cable',
  eoNumber: 'constant.numeric.executive-order.cable',
  decl: 'keyword.other.declassification.cable',
  declDate: 'constant.numeric.date.declassification.cable',
  declCode: 'constant.language.declassification.cable',
  tags: 'keyword.other.tags.cable',
  tagSubject: 'support.type.tag.subject.cable',
  tagProgram: 'support.variable.tag.program.cable',
  tagGeo: 'support.function.tag.geo.cable',
  tagOther: 'support.class.tag.organization.cable',
  tagPerson: 'string.unquoted.tag.person.cable',
  tagLink: 'punctuation.definition.tag.link.cable',
  subject: 'keyword.other.subject.cable',
  subjectText: 'markup.heading.subject.cable',
  ref: 'keyword.other.reference.cable',
  refLabel: 'constant.character.reference-label.cable',
  refItem: 'markup.underline.link.reference.cable',
  classifiedBy: 'comment.line.classified-by.cable',
  classifiedByKeyword: 'keyword.other.classified-by.cable',
  reasonKeyword: 'keyword.other.reason.cable',
  reasonSection: 'constant.numeric.reason.cable',
  reasonCategory: 'constant.character.reason-category.cable',
  pilcrow: 'punctuation.definition.paragraph.cable',
  paragraphNumber: 'constant.numeric.paragraph.cable',
  subParagraph: 'constant.character.subparagraph.cable',
  bullet: 'punctuation.definition.list.begin.cable',
  marker: 'markup.bold.marker.cable',
  redaction: 'invalid.deprecated.redaction.cable',
  signature: 'entity.name.function.signature.cable',
} as const;

const cap = (name: string): Capture => ({ name });

/**
 * A line rule whose line goes on with free text: a begin/end region that ends at the end of the line,
 * so the rest of the line is scanned only for the in-line rules (markers, redactions) instead of by the
 * whole top-level list.
 */
function headOfLine(begin: string, captures: Captures, headName?: string): Rule {
  const beginCaptures = headName ? { 0: cap(headName), ...captures } : captures;
  return { begin, beginCaptures, end: onig(/$/), patterns: [inc('inline')] };
}
const inc = (name: string): Rule => ({ include: `#${name}` });
const withPatterns = (...names: string[]): Capture => ({ patterns: names.map(inc) });

/** One rule per level, applied to a captured classification word. */
function levelRules(context: string, words: 'banner' | 'security' | 'portion' | 'subject'): Rule[] {
  if (words === 'security') {
    return [
      { match: 'U{5}', name: levelScope('U', context) },
      { match: 'C{5}', name: levelScope('C', context) },
      { match: 'S{5}', name: levelScope('S', context) },
      { match: 'T{5}', name: levelScope('TS', context) },
      { match: 'R{5}', name: levelScope('R', context) },
    ];
  }
  if (words === 'portion' || words === 'subject') {
    return [
      {
        match: onig(RE.portionLevel),
        captures: {
          1: cap(levelScope('TS', context)),
          2: cap(levelScope('SBU', context)),
          3: cap(levelScope('LOU', context)),
          4: cap(levelScope('S', context)),
          5: cap(levelScope('C', context)),
          6: cap(levelScope('U', context)),
        },
      },
      { match: onig(RE.entireText), name: 'keyword.other.entire-text.cable' },
      { match: onig(RE.caveatWord), name: S.caveat },
      { match: onig(RE.caveatSlash), name: S.separator },
    ];
  }
  return [
    { match: onig(RE.levelTopSecret), name: levelScope('TS', context) },
    { match: onig(RE.levelConfidential), name: levelScope('C', context) },
    { match: onig(RE.levelSecret), name: levelScope('S', context) },
    { match: onig(RE.levelLou), name: levelScope('LOU', context) },
    { match: onig(RE.levelUnclassified), name: levelScope('U', context) },
    { match: onig(RE.levelSbu), name: levelScope('SBU', context) },
    { match: onig(RE.caveatWord), name: S.caveat },
    { match: onig(RE.caveatSlash), name: S.separator },
  ];
}

const dtgCaptures = (first: number): Captures => ({
  [first]: cap(S.dtgDayTime),
  [first + 1]: cap(S.dtgZone),
  [first + 2]: cap(S.dtgMonth),
  [first + 3]: cap(S.dtgYear),
});

/** The DTG line's captures: its month is a month, or a mistyped one marked as such. */
const dtgLineCaptures = (first: number): Captures => ({
  ...dtgCaptures(first),
  [first + 2]: {
    patterns: [
      { match: onig(RE.dtgMonthWord), name: S.dtgMonth },
      { match: onig(RE.dtgMonthMistyped), name: 'invalid.illegal.dtg.month.cable' },
    ],
  },
});

const precedenceScope = (letter: string): string => `storage.modifier.precedence.${PRECEDENCE_NAMES[letter as PrecedenceLetter].toLowerCase()}.cable`;

export const repository: Record<string, Rule> = {
  // ---- header ----------------------------------------------------------------------------------
  'routing-header': {
    comment: 'FL1-FL4: from VZCZC to the line before the DTG; ends at the first line of another kind.',
    name: 'meta.header.routing.cable',
    begin: line(RE.transmissionId),
    beginCaptures: { 1: cap(S.transmission), 2: cap(S.channel), 3: cap(S.channelSerial), 4: cap(S.securityWarning) },
    while: onig(RE.transmissionWhile),
    patterns: [inc('fl2'), inc('ri-continuation'), inc('de-line'), inc('security-line')],
  },
  fl2: {
    match: line(RE.fl2),
    name: 'meta.called-stations.cable',
    captures: {
      1: { patterns: ['ZZ', 'OO', 'PP', 'RR', 'YY'].map((p) => ({ match: p, name: precedenceScope(p[0]!) })) },
      2: withPatterns('routing-indicator'),
    },
  },
  'ri-continuation': { match: line(RE.riContinuation), captures: { 1: withPatterns('routing-indicator') } },
  'routing-indicator': { match: onig(RE.routingIndicator), name: S.routingIndicator },
  'de-line': {
    match: line(RE.deLine),
    name: 'meta.calling-station.cable',
    captures: {
      1: cap(S.prosign),
      2: cap(S.routingIndicator),
      3: cap('punctuation.definition.station-serial.cable'),
      4: cap(S.stationSerial),
      5: cap('punctuation.separator.section.cable'),
      6: cap(S.section),
      7: cap(S.julianDay),
      8: cap(S.filingTime),
      9: cap('constant.numeric.filing-time.day.cable'),
      10: cap('punctuation.separator.filing-time.cable'),
      11: cap(S.filingTime),
      12: cap(S.dtgZone),
    },
  },
  'security-line': {
    match: line(RE.securityLine),
    name: 'meta.security-warning.cable',
    captures: {
      1: cap(S.securityWarning),
      2: { patterns: levelRules('security', 'security') },
      3: { patterns: [{ match: onig(RE.operatingSignal), name: S.operatingSignal }, inc('routing-indicator')] },
    },
  },
  'dtg-line': {
    match: line(RE.dtgLine),
    name: 'meta.dtg.cable',
    captures: {
      1: { patterns: ['Z', 'O', 'P', 'R', 'Y'].map((p) => ({ match: p, name: precedenceScope(p) })) },
      2: { patterns: ['Z', 'O', 'P', 'R', 'Y'].map((p) => ({ match: p, name: precedenceScope(p) })) },
      ...dtgLineCaptures(3),
    },
  },
  'short-dtg-line': { match: line(RE.shortDtgLine), name: 'meta.dtg.cable', captures: dtgCaptures(1) },
  addressing: {
    comment: 'FL5-FL9: from the DTG line to the first blank line.',
    name: 'meta.header.addressing.cable',
    begin: line(RE.dtgLine),
    beginCaptures: {
      1: { patterns: ['Z', 'O', 'P', 'R', 'Y'].map((p) => ({ match: p, name: precedenceScope(p) })) },
      2: { patterns: ['Z', 'O', 'P', 'R', 'Y'].map((p) => ({ match: p, name: precedenceScope(p) })) },
      ...dtgLineCaptures(3),
    },
    while: onig(RE.addressingWhile),
    patterns: [inc('addressing-lines')],
  },
  'printout-addressing': {
    comment: 'Department printouts: the dash line ends the printout header and the addressees follow.',
    name: 'meta.header.addressing.cable',
    begin: line(RE.dashLine),
    beginCaptures: { 0: cap(S.printout) },
    while: onig(RE.addressingWhile),
    patterns: [inc('dtg-line'), inc('addressing-lines')],
  },
  'addressing-lines': {
    patterns: [
      {
        match: line(RE.fmLine),
        captures: {
          1: cap(S.prosign),
          2: cap(S.routingIndicator),
          3: cap('punctuation.separator.routing.cable'),
          4: cap(S.originator),
        },
      },
      { match: line(RE.addresseeProsign), captures: { 1: cap(S.prosign) } },
      { match: onig(RE.addresseeRi), captures: { 1: cap(S.routingIndicator), 2: cap('punctuation.separator.routing.cable') } },
      {
        match: onig(RE.addresseePrecedence),
        captures: {
          1: cap('storage.modifier.precedence.niact-immediate.cable'),
          ...Object.fromEntries(Object.values(PRECEDENCE_WORDS).map((letter, k) => [k + 2, cap(precedenceScope(letter))])),
        },
      },
      { match: onig(RE.messageNumber), name: S.messageNumber },
      inc('bt-nnnn'),
    ],
  },
  'bt-nnnn': {
    patterns: [
      { match: line(RE.btLine), captures: { 1: cap('keyword.control.prosign.bt.cable') } },
      { match: line(RE.nnnnLine), captures: { 1: cap('keyword.control.prosign.end-of-message.cable'), 2: cap(S.printout) } },
    ],
  },
  printout: {
    patterns: [
      { match: line(RE.extractNotice), name: 'comment.line.extract-notice.cable' },
      { match: line(RE.pageHeader), name: 'comment.line.page-header.cable' },
      { match: line(RE.actionLine), name: S.printout },
      { name: S.printout, begin: line(RE.infoLogBegin), while: onig(RE.infoLogWhile) },
      { match: line(RE.dateLine), name: 'comment.line.date.cable' },
      { match: line(RE.sectionMarker), name: 'comment.line.section-marker.cable' },
    ],
  },

  // ---- banner and captions ----------------------------------------------------------------------
  banner: {
    patterns: [
      {
        match: line(RE.banner),
        name: S.banner,
        captures: {
          1: { patterns: levelRules('banner', 'banner') },
          2: { patterns: levelRules('banner', 'banner') },
          3: cap('keyword.other.section.cable'),
          4: cap(S.section),
          5: cap('keyword.other.section.cable'),
          6: cap(S.section),
          7: cap(S.post),
          8: cap(S.serial),
          9: { patterns: [inc('caption-words')] },
        },
      },
      {
        match: line(RE.classificationLine),
        name: S.banner,
        captures: { 1: { patterns: levelRules('banner', 'banner') }, 2: { patterns: levelRules('banner', 'banner') } },
      },
    ],
  },
  caption: {
    match: line(RE.captionLine),
    name: 'meta.caption.cable',
    captures: { 0: { patterns: [inc('caption-words')] } },
  },
  'caption-words': {
    patterns: [
      { match: onig(RE.captionWord), name: 'storage.modifier.caption.cable' },
      { match: onig(RE.captionSensitive), name: levelScope('SBU', 'caption') },
    ],
  },
  'corrected-copy': { match: line(RE.correctedCopy), captures: { 1: cap('storage.modifier.caption.corrected-copy.cable') } },
  passing: {
    match: line(RE.passingLine),
    name: 'meta.passing.cable',
    captures: {
      1: cap('entity.name.type.office.cable'),
      2: cap(S.passing),
      4: cap('entity.name.type.office.cable'),
      5: cap(S.passing),
    },
  },

  // ---- E.O., TAGS, SUBJECT, REF, Classified By ---------------------------------------------------
  'eo-line': {
    name: 'meta.executive-order.cable',
    begin: line(RE.eoBegin),
    beginCaptures: { 1: cap(S.eo), 2: cap(S.eoNumber), 3: cap('punctuation.separator.key-value.cable') },
    end: onig(RE.eoEnd),
    patterns: [
      {
        comment: 'The E.O. line run together with TAGS (`E.O. 12958: N/A TAGS: ASEC …`).',
        begin: onig(RE.tagsInline),
        beginCaptures: { 1: cap(S.tags), 2: cap('punctuation.separator.key-value.cable') },
        end: onig(RE.eoEnd),
        name: 'meta.tags.cable',
        patterns: [inc('tag-codes')],
      },
      { match: onig(RE.eoDecl), captures: { 1: cap(S.decl), 2: cap('punctuation.separator.key-value.cable') } },
      { match: onig(RE.eoDate), name: S.declDate },
      { match: onig(RE.eoCode), name: S.declCode },
      inc('redaction'),
    ],
  },
  tags: {
    name: 'meta.tags.cable',
    begin: line(RE.tagsBegin),
    beginCaptures: { 1: cap(S.tags), 2: cap('punctuation.separator.key-value.cable') },
    while: onig(RE.tagsWhile),
    patterns: [inc('tag-codes')],
  },
  'tag-codes': {
    patterns: [
      { match: onig(RE.tagLinkOpen), name: S.tagLink },
      { match: onig(RE.tagLinkClose), name: S.tagLink },
      { match: onig(RE.tagPerson), name: S.tagPerson },
      { match: onig(RE.tagProgram), name: S.tagProgram },
      { match: onig(RE.tagSubject), name: S.tagSubject },
      { match: onig(RE.tagGeo), name: S.tagGeo },
      { match: onig(RE.tagOther), name: S.tagOther },
    ],
  },
  subject: {
    name: 'meta.subject.cable',
    contentName: S.subjectText,
    begin: line(RE.subjectBegin),
    beginCaptures: {
      1: cap(S.subject),
      2: cap('punctuation.separator.key-value.cable'),
      3: { patterns: [inc('portion-punctuation'), ...levelRules('subject', 'subject')] },
    },
    while: onig(RE.subjectWhile),
    patterns: [
      inc('printout'),
      inc('banner'),
      inc('redaction'),
    ],
  },
  ref: {
    name: 'meta.reference.cable',
    begin: line(RE.refBegin),
    beginCaptures: { 1: cap(S.ref), 2: cap('punctuation.separator.key-value.cable') },
    while: onig(RE.refWhile),
    patterns: [
      { match: onig(RE.refLabel), captures: { 1: cap(S.pilcrow), 2: cap(S.refLabel) } },
      { match: onig(RE.refItem), name: S.refItem },
      inc('redaction'),
    ],
  },
  'classified-by': {
    name: S.classifiedBy,
    begin: line(RE.classifiedByBegin),
    beginCaptures: {
      1: cap(S.pilcrow),
      2: cap(S.paragraphNumber),
      3: cap('punctuation.separator.paragraph.cable'),
      4: cap('punctuation.definition.portion.begin.cable'),
      5: { patterns: levelRules('portion', 'portion') },
      6: cap('punctuation.definition.portion.end.cable'),
      7: cap(S.classifiedByKeyword),
      8: cap('punctuation.separator.key-value.cable'),
    },
    while: onig(RE.classifiedByWhile),
    patterns: [
      { match: onig(RE.reasonKeyword), name: S.reasonKeyword },
      {
        begin: onig(RE.reasonBegin),
        beginCaptures: { 0: cap(S.reasonSection) },
        end: onig(RE.reasonEnd),
        name: 'meta.reason.cable',
        patterns: [
          { match: onig(RE.reasonKeyword), name: S.reasonKeyword },
          { match: onig(RE.reasonCategory), name: S.reasonCategory },
        ],
      },
      inc('redaction'),
    ],
  },

  // ---- body ------------------------------------------------------------------------------------
  paragraph: headOfLine(line(RE.paragraph), {
    1: cap(S.pilcrow),
    2: cap(S.paragraphNumber),
    3: cap('punctuation.separator.paragraph.cable'),
    4: withPatterns('portion-mark'),
    5: cap(S.marker),
    6: cap('punctuation.separator.marker.cable'),
  }, 'meta.paragraph.head.cable'),
  'sub-paragraph': headOfLine(line(RE.subParagraph), {
    1: cap(S.pilcrow),
    2: cap(S.subParagraph),
    3: withPatterns('portion-mark'),
  }),
  bullet: headOfLine(line(RE.bullet), { 1: cap(S.bullet) }),
  'portion-line': headOfLine(line(RE.portionLine), { 1: withPatterns('portion-mark') }),
  inline: { patterns: [inc('end-marker'), inc('redaction')] },
  'portion-punctuation': {
    patterns: [
      { match: onig(RE.portionOpen), name: 'punctuation.definition.portion.begin.cable' },
      { match: onig(RE.portionClose), name: 'punctuation.definition.portion.end.cable' },
    ],
  },
  'portion-mark': { patterns: [inc('portion-punctuation'), ...levelRules('portion', 'portion')] },
  'marker-line': headOfLine(line(RE.markerLine), { 1: cap(S.marker), 2: cap('punctuation.separator.marker.cable') }),
  'end-marker': { match: onig(RE.endMarker), name: S.marker },
  redaction: { match: onig(RE.redaction), name: S.redaction },
  'group-marking': { match: line(RE.groupMarking), captures: { 1: cap('keyword.other.group-marking.cable') } },
  signature: { match: line(RE.signature), captures: { 1: cap(S.signature) } },
  'rule-line': {
    comment: 'A rule of dashes: the one-word line right under it heads what follows and is no signature.',
    begin: line(RE.ruleLine),
    while: line(RE.underRule),
    patterns: [inc('marker-line'), inc('caption'), inc('bt-nnnn'), inc('banner'), inc('group-marking'), inc('redaction')],
  },
};

export const grammar: Grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Diplomatic Cable',
  scopeName: 'source.cable',
  fileTypes: ['cable'],
  firstLineMatch: onig(/^\s*(?:VZCZC[A-Z]{3}\d{3,4}|This record is a partial extract of the original cable)/),
  patterns: [
    {
      comment: 'One region for the whole document, so that `\\G` marks the start of every line (see `line`).',
      begin: onig(/^/),
      while: onig(/^/),
      patterns: [inc('cable')],
    },
  ],
  repository,
};

const topLevel: Rule[] = [
    inc('routing-header'),
    inc('addressing'),
    inc('printout-addressing'),
    inc('short-dtg-line'),
    inc('de-line'),
    inc('security-line'),
    inc('fl2'),
    inc('bt-nnnn'),
    inc('printout'),
    inc('banner'),
    inc('caption'),
    inc('corrected-copy'),
    inc('eo-line'),
    inc('tags'),
    inc('subject'),
    inc('ref'),
    inc('classified-by'),
    inc('paragraph'),
    inc('marker-line'),
    inc('portion-line'),
    inc('sub-paragraph'),
    inc('rule-line'),
    inc('bullet'),
    inc('group-marking'),
    inc('passing'),
    inc('signature'),
    inc('end-marker'),
    inc('redaction'),
];
repository['cable'] = { patterns: topLevel };
