/**
 * The record the scorer reads: exactly what `cable parse` prints for a file (server/src/cli/parse.ts
 * `toJson` over the service's `parseCable`), so the figures describe the command users run. Every field
 * scored here is in that record; nothing is taken from the model directly.
 */
import { parseCable } from '../../server/src/service/parse.ts';
import { toJson } from '../../server/src/cli/parse.ts';
import { Dictionary } from '../../server/src/service/dictionary.ts';

export interface ParsedRecord {
  id: string | null;
  year: number | null;
  classification: { level: string; caveats: string[]; banner: string | null } | null;
  dtg: { text: string; iso: string | null } | null;
  header: {
    partialExtract: boolean;
    to: Addressee[];
    info: Addressee[];
  };
  tags: { code: string; kind: string; title: string | null }[];
  subject: string | null;
  subjectMarking: { text: string } | null;
  references: { label: string | null; text: string; cableId: string | null }[];
  classifiedBy: { authority: string | null } | null;
  declassification: { date: string | null } | null;
  signature: string[] | null;
}

export interface Addressee {
  routingIndicator: string | null;
  name: string;
  precedence: string | null;
  number: string | null;
}

let dictionary: Dictionary | undefined;

/** `cable parse`'s record of one text, as the CLI builds it (with the default TAGS dictionary). */
export function parseRecord(file: string, text: string): ParsedRecord {
  dictionary ??= Dictionary.default();
  return toJson(file, parseCable(text, { fileName: file }), dictionary) as unknown as ParsedRecord;
}
