/**
 * Whether a plain-text document should become a Diplomatic Cable, decided without VS Code so that the
 * rule can be tested on its own. The head of the document is read only when every cheaper answer
 * ("off", a file the user excluded, a document already decided) has been ruled out, and the test on it
 * is the one the command line uses for `.txt` files (server/src/service/detect.ts): a few anchored
 * expressions over the first 4 KB, never a parse.
 */
import { CABLE_HEAD_CHARS, cableHeadSign, type CableHeadSign } from '../../server/src/service/detect.ts';

export type PlainTextSetting = 'auto' | 'ask' | 'off';

export interface PlainTextCandidate {
  languageId: string;
  /** The document URI's scheme: output channels and editor internals are never cables. */
  scheme: string;
  /** `cable.detect.plainText` for this document, as read from the settings (anything unknown counts as `auto`). */
  setting: unknown;
  /** The user answered "Never for this file" for this document. */
  neverForThisFile: boolean;
  /** This document was switched or asked about before in this session: a user who set it back to Plain Text meant it. */
  decidedBefore: boolean;
  /** The document's first characters; called at most once, and only when the answer depends on them. */
  head(): string;
}

export type PlainTextDecision =
  | { action: 'leave'; reason: 'not-plain-text' | 'scheme' | 'off' | 'never-for-this-file' | 'decided-before' | 'not-a-cable' }
  | { action: 'switch' | 'ask'; sign: CableHeadSign };

/** How many characters of a document the decision reads (the same head the command line reads). */
export const HEAD_CHARS = CABLE_HEAD_CHARS;

/** Schemes whose documents are the editor's own (output, settings, SCM input), never a user's file. */
const INTERNAL_SCHEMES = new Set(['output', 'debug', 'vscode-scm', 'vscode-settings', 'vscode-userdata', 'vscode-terminal', 'walkThrough', 'walkThroughSnippet', 'comment']);

export function plainTextSetting(value: unknown): PlainTextSetting {
  return value === 'ask' || value === 'off' ? value : 'auto';
}

export function decidePlainText(c: PlainTextCandidate): PlainTextDecision {
  if (c.languageId !== 'plaintext') return { action: 'leave', reason: 'not-plain-text' };
  if (INTERNAL_SCHEMES.has(c.scheme)) return { action: 'leave', reason: 'scheme' };
  const setting = plainTextSetting(c.setting);
  if (setting === 'off') return { action: 'leave', reason: 'off' };
  if (c.neverForThisFile) return { action: 'leave', reason: 'never-for-this-file' };
  if (c.decidedBefore) return { action: 'leave', reason: 'decided-before' };
  const sign = cableHeadSign(c.head());
  if (sign === undefined) return { action: 'leave', reason: 'not-a-cable' };
  return { action: setting === 'ask' ? 'ask' : 'switch', sign };
}

/** The sign that gave a cable away, in words for the notification and the output channel. */
export function describeSign(sign: CableHeadSign): string {
  switch (sign) {
    case 'routing-line':
      return 'it starts with a VZCZC routing line';
    case 'partial-extract':
      return 'it starts with the "partial extract" note';
    case 'heading':
      return 'its first lines are a cable heading (banner, E.O., TAGS, SUBJECT)';
    case 'precedence-line':
      return 'its first lines are a precedence and DTG line with FM and TO';
    case 'printout':
      return "its first lines are the Department's receiving copy";
  }
}
