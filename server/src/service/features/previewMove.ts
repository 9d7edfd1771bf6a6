/**
 * A cable's preview moved to where the cable stands in its file: the preview of a file of several cables
 * (preview.ts) builds each cable from its own model, whose lines count from the cable's first line, and
 * the webview scrolls with the editor by the file's lines. Every element's `lines` and every running-text
 * line's `line` are moved; a cited cable's `targetLine` is a line of another file and stays.
 */
import type { LineSpan, PreviewCable, PreviewLine, PreviewNode } from './previewTypes.ts';

/** `cable` with every source line `by` lines further down (the same object when `by` is 0). */
export function moveCable(cable: PreviewCable, by: number): PreviewCable {
  if (by === 0) return cable;
  const span = (s: LineSpan): LineSpan => [s[0] + by, s[1] + by];
  const withLines = <T extends { lines: LineSpan }>(x: T): T => ({ ...x, lines: span(x.lines) });
  const out: PreviewCable = {
    ...cable,
    lines: span(cable.lines),
    classification: cable.classification.lines ? { ...cable.classification, lines: span(cable.classification.lines) } : cable.classification,
    captions: cable.captions.map(withLines),
    distribution: cable.distribution.map(withLines),
    references: cable.references.map(withLines),
    body: cable.body.map((n) => moveNode(n, by)),
  };
  if (cable.header) out.header = { lines: span(cable.header.lines), fields: cable.header.fields.map((f) => ({ ...f, items: f.items.map(withLines) })) };
  if (cable.declassification) out.declassification = withLines(cable.declassification);
  if (cable.tags) out.tags = { ...cable.tags, lines: span(cable.tags.lines), chips: cable.tags.chips.map(withLines) };
  if (cable.subject) out.subject = withLines(cable.subject);
  if (cable.classifiedBy) out.classifiedBy = withLines(cable.classifiedBy);
  if (cable.signature) out.signature = withLines(cable.signature);
  return out;
}

function moveLine(l: PreviewLine, by: number): PreviewLine {
  return { ...l, line: l.line + by };
}

function moveNode(n: PreviewNode, by: number): PreviewNode {
  const lines: LineSpan = [n.lines[0] + by, n.lines[1] + by];
  switch (n.kind) {
    case 'heading':
      return { ...n, lines };
    case 'paragraph':
    case 'text':
      return { ...n, lines, text: n.text.map((l) => moveLine(l, by)) };
    case 'block':
      return { ...n, lines, children: n.children.map((c) => moveNode(c, by)) };
  }
}
