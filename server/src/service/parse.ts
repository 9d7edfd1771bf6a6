import type { CableDocument } from './model.ts';

// Placeholder until the parser lands (issue 3): an empty model, so the server wiring can be built.
export function parseCable(text: string): CableDocument {
  const lines = text.split(/\r\n|\r|\n/);
  return {
    lineCount: lines.length,
    lines,
    bodyStartLine: 0,
    header: { to: [], info: [], xmt: [], prosigns: [] },
    repeatedBanners: [],
    captions: [],
    distribution: [],
    references: [],
    paragraphs: [],
    blocks: [],
    sectionMarkers: [],
    headings: [],
    redactions: [],
    mentions: [],
    identity: {},
    problems: [],
  };
}
