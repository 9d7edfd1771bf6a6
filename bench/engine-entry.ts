// What the throughput rows of `npm run bench` time: the parts of the language service that
// `cable lint` and the server run over every document.
export { parseCable } from '../server/src/service/parse.ts';
export { splitLines } from '../server/src/service/text.ts';
export { computeDiagnostics } from '../server/src/service/diagnostics.ts';
export { resolveSettings } from '../server/src/service/settings.ts';
export { Dictionary } from '../server/src/service/dictionary.ts';
export { previewDocument } from '../server/src/service/features/preview.ts';

// A document as the server and `cable lint` read it: cut into its cables first (most files hold one).
import { parseCableFile, type CableFile } from '../server/src/service/sequence.ts';
import { parseCable as parseOne } from '../server/src/service/parse.ts';
export { fileDiagnostics } from '../server/src/service/features/perCable.ts';
export function parseDocument(text: string): CableFile {
  return parseCableFile(text, parseOne);
}
