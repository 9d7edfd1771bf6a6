// The signature: each kind of line a signer's name ends a cable on, and the lines that are not one.
// Synthetic cables; the forms are those real cables show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCable } from '../../server/src/service/parse.ts';
import type { CableDocument } from '../../server/src/service/model.ts';

const HEAD = ['R 301200Z MAY 09', 'FM AMEMBASSY MADRID', 'TO RUEHC/SECSTATE WASHDC 1111', '', 'C O N F I D E N T I A L MADRID 000123', ''].join('\n');
const OPENING = 'E.O. 12958: DECL: 05/30/2019\nTAGS: PREL, SP\nSUBJECT: TALKS\n\n';
const LONG = 'The Foreign Minister said the talks would resume after the summer recess, and that both sides would want them to. ';

function cable(text: string): CableDocument {
  return parseCable(`${HEAD}\n${OPENING}${text}\n`);
}

/** The signer as one string, as `cable parse` prints it. */
function signer(text: string): string | undefined {
  return cable(text).signature?.names.join(' ');
}

/** The signature's text as the range covers it. */
function signedText(doc: CableDocument): string | undefined {
  const r = doc.signature?.range;
  return r && doc.lines[r.start.line].slice(r.start.character, r.end.character);
}

test('signer: a name glued to the end of the last paragraph or of a footer line', () => {
  assert.equal(signer('1. (C) Text.\n\n8. (U) Deputy Secretary Steinberg has cleared this message. SMITH'), 'SMITH');
  assert.equal(signer('1. (U) Minimize considered. SMITH'), 'SMITH');
  assert.equal(signer(`1. (C) ${LONG}${LONG}Brownfield`), 'Brownfield');
  assert.equal(signer(`1. (C) ${LONG}McMullen`), 'McMullen');
  // Capitals throughout: set apart by two blanks, or after a closing sentence.
  assert.equal(signer('1. (C) TEXT.\n\n21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON'), 'EAGLETON');
  assert.equal(signer('1. (C) TEXT.\n\n     REPORT.  END OF TEXT. BAKER\n\n\nUNCLASSIFIED'), 'BAKER');
  assert.equal(signer("1. (C) Text.\n\nVisit Madrid's Classified Website: http://www.state.sgov.gov/p/eur/madrid/index.c fm STAPLETON"), 'STAPLETON');
  // The paragraph stops before the glued name.
  const doc = cable(`1. (C) ${LONG}Brownfield`);
  assert.ok(doc.paragraphs[0].range.end.character <= doc.signature!.range.start.character);
});

test('signer: mixed and lower case on a line of its own', () => {
  assert.equal(signer('1. (C) Text.\n\nSmith'), 'Smith');
  assert.equal(signer('1. (C) Text. END COMMENT\njones'), 'jones');
  assert.equal(signer('1. (C) Text.\n\nTimken jr'), 'Timken jr');
  // Running text in lower case that ends the cable is no signer.
  assert.equal(signer('1. (C) The two sides are driven by diverging\ninterests.'), undefined);
});

test('signer: words around the name are not part of it', () => {
  assert.equal(signer('1. (C) Text.\nBEGIN TEXT: Thanks.\nEND TEXT BROWN'), 'BROWN');
  assert.equal(signer('1. (C) Text.\n\nEND TEXT.\nHORAN##'), 'HORAN');
  assert.equal(signer('1. (C) TEXT.\n\nGILLESPIE##'), 'GILLESPIE');
  assert.equal(signer('1. (C) Text.\n\nMCNAMARA.'), 'MCNAMARA');
  assert.equal(signer(`1. (C) ${LONG}for U.S. interests. DANILOVICH 2005-05-06`), 'DANILOVICH');
  assert.equal(signer(`1. (C) ${LONG}restructuring. .FARRAR`), 'FARRAR');
  const doc = cable('1. (C) Text.\n\nEND TEXT. AGUIRRE');
  assert.equal(signedText(doc), 'AGUIRRE');
  // `END TEXT.` alone is no name: the signer is above it, or there is none.
  assert.equal(signer('1. (C) Text.\n\nEND TEXT.'), undefined);
});

test("signer: a quoted letter's closing is not the cable's signer", () => {
  const letter = ['1. (U) The Minister wrote as follows:', 'BEGIN TEXT:', 'Dear Colleague, we look forward to it.', 'Sincerely,', 'John', 'END TEXT.', '', 'BROWN'].join('\n');
  assert.equal(signer(letter), 'BROWN');
  assert.equal(signer('1. (U) The Secretary said: QUOTE We stand together. CLINTON UNQUOTE CLINTON'), 'CLINTON');
  assert.equal(signer('1. (U) QUOTE We stand together.\nCLINTON UNQUOTE CLINTON'), 'CLINTON');
});

test('signer: two words are one signer, a name written twice is one', () => {
  assert.deepEqual(cable('1. (C) Text.\n\nTAYLOR JR').signature?.names, ['TAYLOR JR']);
  assert.deepEqual(cable('1. (C) Text.\n\nDE LA CRUZ').signature?.names, ['DE LA CRUZ']);
  assert.deepEqual(cable('1. (C) Text.\n\nDE PREE').signature?.names, ['DE PREE']);
  assert.deepEqual(cable(`1. (C) ${LONG}in 2009. LA LIME`).signature?.names, ['LA LIME']);
  const doubled = cable('1. (C) Text.\n\nWHITE WHITE');
  assert.deepEqual(doubled.signature?.names, ['WHITE']);
  assert.equal(signedText(doubled), 'WHITE WHITE');
});

test('signer: redaction marks are not a name', () => {
  assert.equal(signer('1. (C) Text.\n\n9. (S) More text.\nXXXXXXXXXXXX'), undefined);
  assert.equal(signer('1. (C) Text.\n\n9. (S) More text.\nxxxxxxxxxxxx'), undefined);
  assert.equal(signer(`1. (C) ${LONG}the North Korean people. XXXXXXXXXXX STEPHENS`), 'STEPHENS');
  assert.equal(signer('1. (C) Text. Full appendix available upon request. CLINTON\nNNNN\nEnd Cable Text\nXXXXXXXXXXXX'), 'CLINTON');
});

test('signer: in a truncated extract, routing, passing and caption lines are not the signer', () => {
  const extract = (tail: string) => parseCable(`${HEAD}\nE.O. 12958: DECL: 05/30/2019\nTAGS: PREL, SP\n${tail}\n`).signature;
  assert.equal(extract('OSD FOR USDP'), undefined);
  assert.equal(extract('SUBJECT: TALKS\n\nPASS TO AMBASSADOR'), undefined);
  assert.equal(extract('SUBJECT: TALKS\n\nSIPDIS'), undefined);
  // An initial's full stop ends no sentence: `David J. Hazarian` is a point of contact.
  assert.equal(signer(`1. (C) ${LONG}Point of contact is RSO Peshawar, David J. Hazarian`), undefined);
});
