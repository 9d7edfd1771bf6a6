/** The cablemap test cases as extracted into test/fixtures/cablemap/cases.json (see its README). */
import { readFileSync } from 'node:fs';

export type CablemapField = 'references' | 'subject' | 'tags' | 'classifiedBy' | 'signer' | 'referenceId' | 'to' | 'info' | 'declassification';

export interface CablemapAddressee {
  routingIndicator: string | null;
  name: string;
  precedence: string | null;
  number: string | null;
  excluded: string[];
}

export interface CablemapCase {
  id: string;
  file: string;
  commit: string;
  test: string;
  /** The cable cablemap's comment names as the fragment's source, when it names one. */
  cable: string | null;
  field: CablemapField;
  input: string;
  /** The year of the citing cable (REF items without a year take it). */
  year: number | null;
  /** The citing cable's id when cablemap passes it (REF items without a post take its post). */
  citing: string | null;
  options: { clean?: boolean; canonicalize?: boolean; normalize?: boolean; c14n?: boolean; items?: unknown[] };
  expected: string[] | string | null | CablemapAddressee[];
  /** A case whose expected value follows one of cablemap's own conventions: not a target. */
  setAside?: { convention: string; why: string };
  /** Expected ids in which cablemap silently rewrote the post, with the id as the text writes it
   * (`09RIODEJANEIRO329` → `09RIO329`): the cited cable is still judged, the spelling is not. */
  idAliases?: Record<string, string>;
}

export interface CablemapData {
  conventions: Record<string, string>;
  cases: CablemapCase[];
}

export function loadCablemapCases(file: string): CablemapData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as CablemapData;
  if (!Array.isArray(data.cases)) throw new Error(`${file}: no "cases" array`);
  return data;
}
