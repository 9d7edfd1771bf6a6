/**
 * Shared by the robustness tests (property, bad input, shrunk replays): runs the parser and every
 * feature over one text and lists what went wrong, instead of stopping at the first failure, so a
 * fast-check counterexample names every broken promise at once.
 *
 * The promises: nothing throws; every range lies inside the document and starts before it ends;
 * outline symbols nest; folds nest; selection chains grow; the same text gives the same answers.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/service/parse.ts';
import { plainModel, type CableDocument } from '../../server/src/service/model.ts';
import { computeDiagnostics } from '../../server/src/service/diagnostics.ts';
import { resolveSettings, type CableSettings } from '../../server/src/service/settings.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';
import { documentSymbols } from '../../server/src/service/features/symbols.ts';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/service/features/folding.ts';
import { selectionRanges } from '../../server/src/service/features/selectionRanges.ts';
import { documentHighlights } from '../../server/src/service/features/highlights.ts';
import { definitionLinks, documentLinks } from '../../server/src/service/features/links.ts';
import { hover } from '../../server/src/service/features/hover.ts';
import { completion } from '../../server/src/service/features/completion.ts';
import { codeActions } from '../../server/src/service/features/codeActions.ts';

export const dict = Dictionary.default();
export const defaults: CableSettings = resolveSettings(undefined);

const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

function isPos(v: unknown): v is Position {
  return typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}
function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && isPos((v as Range).start) && isPos((v as Range).end);
}

/** Every Range-shaped object reachable from `v`, with a path for the message. `lines` is skipped. */
function* rangesIn(v: unknown, path: string, seen = new Set<object>()): Generator<[string, Range]> {
  if (typeof v !== 'object' || v === null || seen.has(v)) return;
  seen.add(v);
  if (isRange(v)) yield [path, v];
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield* rangesIn(v[i], `${path}[${i}]`, seen);
    return;
  }
  for (const [k, x] of Object.entries(v)) {
    if (k === 'lines' || k === 'start' || k === 'end') continue;
    yield* rangesIn(x, `${path}.${k}`, seen);
  }
}

function checkRange(doc: TextDocument, lines: string[], r: Range, what: string, out: string[]): void {
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
      out.push(`${what}: bad position ${JSON.stringify(p)}`);
      return;
    }
    if (p.line >= doc.lineCount) {
      out.push(`${what}: line ${p.line} past the last line ${doc.lineCount - 1}`);
      return;
    }
    if (p.character > lines[p.line]!.length) {
      out.push(`${what}: character ${p.character} past the end of line ${p.line} (${lines[p.line]!.length})`);
      return;
    }
  }
  if (cmp(r.start, r.end) > 0) out.push(`${what}: ends before it starts ${JSON.stringify(r)}`);
}

function checkSymbols(symbols: DocumentSymbol[], parent: DocumentSymbol | undefined, out: string[]): void {
  for (const s of symbols) {
    if (!s.name || !s.name.trim()) out.push('symbol without a name');
    if (cmp(s.range.start, s.selectionRange.start) > 0 || cmp(s.selectionRange.end, s.range.end) > 0) {
      out.push(`symbol ${s.name}: selection range outside its range`);
    }
    if (parent && (cmp(parent.range.start, s.range.start) > 0 || cmp(s.range.end, parent.range.end) > 0)) {
      out.push(`symbol ${s.name} not inside its parent ${parent.name}`);
    }
    checkSymbols(s.children ?? [], s, out);
  }
}

/** Positions worth asking about: every line start and end, a middle, and a few past the end. */
export function probePositions(lines: string[], max = 60): Position[] {
  const out: Position[] = [];
  const step = Math.max(1, Math.floor(lines.length / max));
  for (let l = 0; l < lines.length; l += step) {
    const n = lines[l]!.length;
    out.push({ line: l, character: 0 }, { line: l, character: n >> 1 }, { line: l, character: n });
  }
  // Out of range on purpose: the features must clamp or answer nothing, never throw.
  out.push({ line: lines.length + 3, character: 0 }, { line: 0, character: 1e6 });
  return out;
}

export interface Outcome {
  model: CableDocument;
  /** Everything each feature answered, JSON-serialisable, for determinism comparisons. */
  answers: Record<string, unknown>;
  violations: string[];
}

/** Runs parse + every feature over `text`; never throws (a throw is a violation). */
export function exercise(text: string, options: { positions?: Position[]; settings?: CableSettings } = {}): Outcome {
  const violations: string[] = [];
  const answers: Record<string, unknown> = {};
  const uri = 'file:///probe.cable';
  const doc = TextDocument.create(uri, 'cable', 1, text);
  let model: CableDocument;
  try {
    model = parseCable(text);
  } catch (e) {
    return { model: undefined as unknown as CableDocument, answers, violations: [`parseCable threw: ${String(e instanceof Error ? e.stack : e)}`] };
  }
  if (model.lineCount !== doc.lineCount) violations.push(`lineCount ${model.lineCount} but the editor counts ${doc.lineCount}`);
  if (model.lines.length !== model.lineCount) violations.push('lines.length differs from lineCount');
  const lines = model.lines;
  for (const [path, r] of rangesIn(plainModel(model), 'model')) checkRange(doc, lines, r, path, violations);

  const settings = options.settings ?? defaults;
  const positions = options.positions ?? probePositions(lines);
  const inDoc = positions.filter((p) => p.line < lines.length && p.character <= lines[p.line]!.length);
  const run = (name: string, f: () => unknown): unknown => {
    try {
      const v = f();
      answers[name] = v;
      for (const [path, r] of rangesIn(v, name)) checkRange(doc, lines, r, path, violations);
      return v;
    } catch (e) {
      violations.push(`${name} threw: ${String(e instanceof Error ? e.stack : e)}`);
      return undefined;
    }
  };

  const diagnostics = run('diagnostics', () =>
    computeDiagnostics(model, settings, dict, uri, { onRuleError: (code, err) => violations.push(`rule ${code} threw: ${String(err instanceof Error ? err.stack : err)}`) }),
  ) as ReturnType<typeof computeDiagnostics> | undefined;
  const symbols = run('symbols', () => documentSymbols(model)) as DocumentSymbol[] | undefined;
  if (symbols) checkSymbols(symbols, undefined, violations);
  const folds = run('folding', () => foldingRanges(model)) as { startLine: number; endLine: number }[] | undefined;
  const foldStarts = new Set<number>();
  const open: { startLine: number; endLine: number }[] = [];
  for (const f of folds ?? []) {
    if (f.startLine < 0 || f.endLine >= lines.length || f.endLine <= f.startLine) violations.push(`fold ${f.startLine}-${f.endLine} outside the document or not spanning lines`);
    // Editors keep one fold per start line and expect them nested, in document order.
    if (foldStarts.has(f.startLine)) violations.push(`two folds start on line ${f.startLine}`);
    foldStarts.add(f.startLine);
    while (open.length && open[open.length - 1]!.endLine < f.startLine) open.pop();
    const top = open[open.length - 1];
    if (top && f.endLine > top.endLine) violations.push(`fold ${f.startLine}-${f.endLine} overlaps ${top.startLine}-${top.endLine}`);
    if (top && f.startLine < top.startLine) violations.push(`folds out of order at line ${f.startLine}`);
    open.push(f);
  }
  run('selectionRanges', () => {
    const sel = selectionRanges(model, inDoc);
    if (sel.length !== inDoc.length) violations.push(`selectionRanges: ${sel.length} answers for ${inDoc.length} positions`);
    sel.forEach((s, k) => {
      const p = inDoc[k]!;
      if (p && (cmp(s.range.start, p) > 0 || cmp(p, s.range.end) > 0)) violations.push(`selection range at ${p.line}:${p.character} does not contain it`);
    });
    for (const s of sel) {
      for (let p = s; p.parent; p = p.parent) {
        if (cmp(p.parent.range.start, p.range.start) > 0 || cmp(p.range.end, p.parent.range.end) > 0) {
          violations.push('selection range parent does not contain its child');
          break;
        }
      }
    }
    return sel;
  });
  run('links', () => documentLinks(model, (id) => ({ uri: `file:///${id}.cable`, line: 0 })));
  const perPosition: unknown[] = [];
  for (const p of positions) {
    const h = run(`hover@${p.line}:${p.character}`, () => hover(model, p, dict)) as { range?: Range } | null | undefined;
    if (h?.range && (cmp(h.range.start, p) > 0 || cmp(p, h.range.end) > 0)) violations.push(`hover at ${p.line}:${p.character} has a range not containing it`);
    perPosition.push(
      h,
      run(`completion@${p.line}:${p.character}`, () => completion(model, p, dict)),
      run(`highlights@${p.line}:${p.character}`, () => documentHighlights(model, p)),
      run(`definition@${p.line}:${p.character}`, () => definitionLinks(model, p, (id) => ({ uri: `file:///${id}.cable`, line: 0 }))),
    );
  }
  if (diagnostics && diagnostics.length) {
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
    run('codeActions', () => codeActions(model, uri, whole, diagnostics, settings, dict));
  }
  return { model, answers, violations };
}

/** Applies LSP-style incremental changes to a string the slow, obvious way (offsets from line starts). */
export function applyChangesNaively(text: string, changes: { range: Range; text: string }[]): string {
  for (const c of changes) {
    const offset = (p: Position): number => {
      // Line starts as the editor sees them: after LF, CR LF, or a lone CR.
      let line = 0;
      let i = 0;
      while (line < p.line && i < text.length) {
        const ch = text.charCodeAt(i);
        i++;
        if (ch === 13 && text.charCodeAt(i) === 10) i++;
        if (ch === 10 || ch === 13) line++;
      }
      if (line < p.line) return text.length;
      let end = i;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      return Math.min(i + p.character, end);
    };
    const a = offset(c.range.start);
    const b = Math.max(a, offset(c.range.end));
    text = text.slice(0, a) + c.text + text.slice(b);
  }
  return text;
}
