/**
 * The closed vocabulary of a cable, in one place: caption words, precedence words, the words that open
 * and close blocks, the keywords of the heading elements, and the header words a printout reads in
 * capitals. The parser's recognisers and their fast gates (gates.ts) are built from these lists, and
 * completion and the grammar source (syntaxes/cable.tmLanguage.src.ts) import them: a word added here is
 * read, gated, offered and coloured alike.
 *
 * Lists whose order matters say so: a regular expression built from a list tries its words in the list's
 * order, so a word must come before any word it begins with.
 */
import type { Block, PrecedenceLetter } from '../model.ts';

/**
 * Caption words as they stand on a caption line (SIPDIS, NOFORN …) and the caption each names (5 FAH-2 H-440 and H-443;
 * EXCLUSIVE only ever follows SPECAT).
 */
export const CAPTION_WORDS: Readonly<Record<string, string>> = {
  SIPDIS: 'SIPDIS',
  NOFORN: 'NOFORN',
  NODIS: 'NODIS',
  EXDIS: 'EXDIS',
  LIMDIS: 'LIMDIS',
  STADIS: 'STADIS',
  SENSITIVE: 'SENSITIVE',
  SPECAT: 'SPECAT',
  EXCLUSIVE: 'SPECAT EXCLUSIVE',
  CHEROKEE: 'CHEROKEE',
  DIRGEN: 'DIRGEN',
  CODEL: 'CODEL',
};
export const CAPTION_KEYS: readonly string[] = Object.keys(CAPTION_WORDS);
export const CAPTION_WORD_MAX = Math.max(...CAPTION_KEYS.map((k) => k.length));

/** The captions completion offers under the banner, the most used first (each one a caption named above). */
export const OFFERED_CAPTIONS: readonly string[] = ['SIPDIS', 'NOFORN', 'SENSITIVE', 'NODIS', 'EXDIS', 'STADIS', 'LIMDIS', 'SPECAT', 'SPECAT EXCLUSIVE'];

/** Precedence words after an addressee (`… PRIORITY 4321`) and the letter FL2 and FL5 write for each. */
export const PRECEDENCE_WORDS: Readonly<Record<string, PrecedenceLetter>> = { FLASH: 'Z', IMMEDIATE: 'O', PRIORITY: 'P', ROUTINE: 'R' };
/** The word that may stand before IMMEDIATE: NIACT IMMEDIATE, night action (wake the addressee). */
export const NIGHT_ACTION = 'NIACT';
/** What each precedence letter stands for (Y, EMERGENCY, is a military precedence some cables carry). */
export const PRECEDENCE_NAMES: Readonly<Record<PrecedenceLetter, string>> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE', Y: 'EMERGENCY' };
/** The precedence letters completion offers on the DTG line, the most used first. */
export const OFFERED_PRECEDENCES: readonly PrecedenceLetter[] = ['R', 'P', 'O', 'Z'];

export type BlockKind = Block['kind'];
/**
 * The words that open and close blocks (`SUMMARY:` … `END SUMMARY.`), and the kind of block each names.
 * SUMMAY is a misspelling real cables carry. Words here are told apart by their first letter (blockKind).
 */
export const BLOCK_WORDS: Readonly<Record<string, BlockKind>> = {
  SUMMARY: 'summary',
  SUMMAY: 'summary',
  COMMENT: 'comment',
  TEXT: 'text',
  QUOTE: 'quote',
  INTRODUCTION: 'introduction',
  'ACTION REQUEST': 'action-request',
};
/** The word before a block word that opens a block explicitly: such a block must have its END. */
export const BLOCK_BEGIN = 'BEGIN';
/** Kinds that open a block only after BEGIN: TEXT and QUOTE alone open many sentences. */
export const BEGIN_ONLY_BLOCKS: readonly BlockKind[] = ['text', 'quote'];

/**
 * The keywords of the heading elements as written, each list in the order a regex must try them.
 * TAGS has the misspellings of real cables (TAG, TAGE, TAGES, TAS, TABS, TGS, AGS: reported as tags-keyword);
 * REF may follow PROGRAM (`PROGRAM REFERENCE:`); Classified By's place is taken by `Derived from:`
 * in derivative classifications.
 */
export const TAGS_KEYWORDS: readonly string[] = ['TAGS', 'TAGES', 'TAGE', 'TAG', 'TAS', 'TABS', 'TGS', 'AGS'];
/** Words a TAGS line may carry that are no entries: the caption the conversion ran onto it. */
export const TAGS_NOT_ENTRIES: readonly string[] = ['SIPDIS'];
/** Small words inside a name written in words on a TAGS line (`ECONOMY AND FINANCE`). */
export const TAGS_LINK_WORDS: readonly string[] = ['AND', 'OF', 'IN', 'THE', 'FOR', 'WITH', 'ON', 'TO'];
/** The TAG of a VIP visit, which the visitor's name follows (`OVIP (CLINTON, HILLARY)`). */
export const VIP_VISIT_TAG = 'OVIP';
/** SUBJECT, SUBJ, and UBJECT (its S lost in conversion). */
export const SUBJECT_KEYWORDS: readonly string[] = ['SUBJECT', 'SUBJ', 'UBJECT'];
export const REF_KEYWORDS: readonly string[] = ['REFERENCES', 'REFERENCE', 'REFTELS', 'REFTEL', 'REF(S)', 'REFS', 'REF'];
export const REF_PREFIX = 'PROGRAM';
/**
 * Words that stand before a number in REF items without naming a post: months and their abbreviations
 * (`JAN 8`, `AUGUST 2008`), and the kinds of document that are not cables (`IIR 6 …`, `EMAIL 05/11/07`,
 * `UNSCR 1737`). A REF item cites a cable only with a post before the serial.
 */
export const NOT_POSTS: readonly string[] = [
  'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER',
  'JAN', 'FEB', 'MAR', 'APR', 'JUN', 'JUL', 'AUG', 'SEP', 'SEPT', 'OCT', 'NOV', 'DEC',
  'IIR', 'EMAIL', 'E-MAIL', 'MEMO', 'MEMCON', 'LETTER', 'TELCON', 'SVTC', 'UNSCR', 'INCSR', 'RESOLUTION',
  'PARA', 'PARAS', 'PARAGRAPH', 'SECTION', 'PAGE', 'NUMBER', 'DTG', 'MSG', 'CABLE', 'CABLES', 'FAX', 'DATED', 'POINTS',
];
export const CLASSIFIED_BY = 'CLASSIFIED BY';
export const DERIVED_FROM = 'DERIVED FROM';
/**
 * The words that lead from the Classified By authority to its reason (`… for reasons`, `under section`,
 * `based on E.O. 12958`, `… by reasons`), with the misspellings real cables carry (F0R, FR, BASED 0N).
 */
export const REASON_LEADS: readonly string[] = ['FOR', 'F0R', 'FR', 'PER', 'DUE TO', 'UNDER', 'BASED ON', 'BASED 0N', 'BASED UPON', 'BY'];
/** Misspellings and short forms of REASON(S) that drop a letter the reason reader's pattern needs (`reaons`, `Reas`). */
export const REASON_MISSPELLINGS: readonly string[] = ['REAONS', 'REAON', 'REAS'];
/** How the E.O. keyword opens (`E.O. 12958`, `E. O.`, `EO 12958`, `E O`): its first two characters. */
export const EO_OPENINGS: readonly string[] = ['E.', 'E ', 'EO'];

/**
 * The prosigns that stand on a line of their own (ACP 127 §133, §114): BT, the break between the heading
 * and the text and again after the text (format lines 11 and 13), and NNNN, the end of message (format
 * line 16).
 */
export const PROSIGN_WORDS: readonly string[] = ['BT', 'NNNN'];
/** A trailer line below the text: a prosign, or the station serial of the DE line repeated (`#0995`, `#0995/02`). */
export const TRAILER_LINE = new RegExp(`^(?:${alternation(PROSIGN_WORDS)}|#\\d{1,4}(?:/\\d{1,2})?)$`);
/** The longest trailer line (`#0995/02`). */
export const TRAILER_LINE_MAX = 8;

/**
 * The signature (the signer's name after the text). The words that may stand before the name on its
 * line and close what came before it (`END TEXT. SMITH`, `… UNQUOTE CLINTON`): the name is what follows.
 * Longer phrases first.
 */
export const SIGNATURE_LEADS: readonly string[] = ['END OF TEXT', 'END CABLE TEXT', 'END TEXT', 'END QUOTE', 'END COMMENT', 'END FYI', 'END SUMMARY', 'UNQUOTE', 'MINIMIZE CONSIDERED'];
/**
 * Words that are never a signer's name, nor part of one: prosigns, the levels, the words of closing,
 * routing and passing lines (`OSD FOR USDP`, `PASS TO …`), and the words that open a sentence (a text
 * cut off after one, `… the talks. The`).
 */
export const NOT_SIGNER_WORDS: readonly string[] = [
  ...PROSIGN_WORDS, 'END', 'BEGIN', 'TEXT', 'CABLE', 'QUOTE', 'UNQUOTE', 'COMMENT', 'SUMMARY', 'NOTE', 'FYI',
  'UNCLASSIFIED', 'UNCLAS', 'CONFIDENTIAL', 'SECRET', 'LIMITED', 'OFFICIAL', 'USE', 'ONLY',
  'FOR', 'TO', 'PASS', 'INFO', 'ACTION', 'AND', 'OF', 'FROM', 'PLEASE', 'VISIT', 'PAGE', 'MINIMIZE', 'CONSIDERED',
  'THE', 'THIS', 'THAT', 'THESE', 'THOSE', 'IN', 'ON', 'AT', 'BY', 'BUT', 'OR', 'IF', 'AS', 'AN', 'WE', 'HE', 'SHE',
  'THEY', 'IT', 'ITS', 'OUR', 'HIS', 'HER', 'THEIR', 'HOWEVER', 'THANKS', 'REGARDS', 'SINCERELY',
];
/** Words after a surname that belong to the name (`TAYLOR JR`). */
export const NAME_SUFFIXES: readonly string[] = ['JR', 'SR', 'II', 'III', 'IV'];

/** The header lines a printout or the WikiLeaks viewer adds, read on the upper-cased line. */
export const PARTIAL_EXTRACT_NOTE = 'THIS RECORD IS A PARTIAL EXTRACT';
export const WEEKDAYS: readonly string[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const RECEIVING_COPY_WORDS: readonly string[] = ['INFO', 'ACTION', 'PAGE'];

/**
 * `A|B|…`: the words as regex alternatives, in the list's order (put them in a group), each blank in a
 * word standing for `blanks` (one blank, or a run of them: ' +').
 */
export function alternation(words: readonly string[], blanks = ' '): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, blanks)).join('|');
}
