/**
 * A small synthetic archive for the tests of the features that look across cables (references, the call
 * hierarchy, workspace symbols, workspace diagnostics), written into a temporary folder at test time.
 * Every cable is invented; the citations form a small thread:
 *
 *   09STATE5000   cited by 09PARIS100 (REF A) and 09LONDON200 (REF A)
 *   09PARIS99     cited by 09PARIS100 (REF B)
 *   09PARIS100    cited by 09ROME300 (REF A); 09ROME300 also cites 09MOSCOW1234, which is not in the archive
 *   08PARIS50     cites nothing, and has a misspelled month in its DTG (dtg-malformed)
 *
 * Two cables have problems: 08PARIS50 (dtg-malformed, an error) and 09ROME300 (the TAG POGOV, tags-unknown).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Spec {
  file: string;
  post: string;
  serial: number;
  dtg: string;
  level: 'UNCLAS' | 'C' | 'S';
  noforn?: boolean;
  tags: string;
  subject: string;
  refs?: string[];
  paragraphs: string[];
}

const BANNER = { UNCLAS: 'UNCLAS', C: 'C O N F I D E N T I A L', S: 'S E C R E T' } as const;
const LETTERS = { UNCLAS: 'ZNR UUUUU ZZH', C: 'ZNY CCCCC ZZH', S: 'ZNY SSSSS ZZH' } as const;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The DE line's filing time for a DTG: the day of the year and the DTG's time (`2011547`). */
function filingTime(dtg: string): string {
  const [dayTime, month, yy] = dtg.split(' ') as [string, string, string];
  const m = MONTHS.indexOf(month === 'JLY' ? 'JUL' : month);
  const date = Date.UTC(2000 + Number(yy), m, Number(dayTime.slice(0, 2)));
  const julian = Math.round((date - Date.UTC(2000 + Number(yy), 0, 1)) / 86_400_000) + 1;
  return `${String(julian).padStart(3, '0')}${dayTime.slice(2, 6)}`;
}

function cable(s: Spec): string {
  const classified = s.level !== 'UNCLAS';
  const mark = classified ? `(${s.level}${s.noforn ? '//NF' : ''}) ` : '';
  const year = s.dtg.slice(-2);
  const lines = [
    'VZCZCXYZ0001',
    'RR RUEHWEB',
    '',
    `DE RUEH${s.post.slice(0, 2)} #${String(s.serial).padStart(4, '0')} ${filingTime(s.dtg)}`,
    LETTERS[s.level],
    `R ${s.dtg}`,
    `FM ${s.post === 'STATE' ? 'SECSTATE WASHDC' : `AMEMBASSY ${s.post}`}`,
    `TO ${s.post === 'STATE' ? 'AMEMBASSY PARIS' : 'RUEHC/SECSTATE WASHDC'} 1234`,
    '',
    `${BANNER[s.level]} ${s.post} ${String(s.serial).padStart(6, '0')}`,
    '',
    'SIPDIS',
    ...(s.noforn ? ['NOFORN'] : []),
    '',
    classified ? `E.O. 12958: DECL: 07/16/20${Number(year) + 10}` : 'E.O. 12958: N/A',
    `TAGS: ${s.tags}`,
    `SUBJECT: ${mark}${s.subject}`,
    '',
  ];
  if (s.refs?.length) {
    lines.push(`REF: ${s.refs[0]}`);
    for (const r of s.refs.slice(1)) lines.push(`     ${r}`);
    lines.push('');
  }
  if (classified) lines.push('Classified By: Political Counselor Jane Example, reasons 1.4 (b) and (d).', '');
  s.paragraphs.forEach((p, i) => lines.push(`${i + 1}. ${mark}${p}`, ''));
  lines.push('EXAMPLE', '');
  return lines.join('\n');
}

export const ARCHIVE: readonly Spec[] = [
  {
    file: '09STATE5000.cable',
    post: 'STATE',
    serial: 5000,
    dtg: '021200Z JUL 09',
    level: 'UNCLAS',
    tags: 'PTER, KTFN, FR',
    subject: 'TERRORIST FINANCE DESIGNATIONS',
    paragraphs: ['Posts should deliver the points below on new designations.', 'Department thanks posts for their help.'],
  },
  {
    file: '09PARIS99.cable',
    post: 'PARIS',
    serial: 99,
    dtg: '151000Z JUN 09',
    level: 'C',
    tags: 'PREL, FR',
    subject: 'FRENCH VIEWS ON THE G8 AGENDA',
    paragraphs: ['The Foreign Ministry shared its views on the summit agenda.'],
  },
  {
    file: '09PARIS100.cable',
    post: 'PARIS',
    serial: 100,
    dtg: '201547Z JUL 09',
    level: 'S',
    noforn: true,
    tags: 'PTER, PREL, FR',
    subject: 'FRANCE ON TERRORIST FINANCE DESIGNATIONS',
    refs: ['A. STATE 5000', 'B. PARIS 99'],
    paragraphs: ['Poloff delivered ref A points to the Foreign Ministry.', 'The ministry linked the issue to its ref B views.'],
  },
  {
    file: 'london/09LONDON200.cable',
    post: 'LONDON',
    serial: 200,
    dtg: '031100Z AUG 09',
    level: 'C',
    tags: 'PTER, UK',
    subject: 'UK RESPONSE ON DESIGNATIONS',
    refs: ['A. STATE 5000'],
    paragraphs: ['HMG supports the designations in ref A.'],
  },
  {
    file: 'rome/09ROME300.cable',
    post: 'ROME',
    serial: 300,
    dtg: '101200Z AUG 09',
    level: 'C',
    tags: 'PREL, POGOV, IT',
    subject: 'ITALY HEARS OF FRENCH VIEWS',
    refs: ['A. PARIS 100', 'B. MOSCOW 1234'],
    paragraphs: ['Italian officials discussed ref A with us.', 'They also raised ref B.'],
  },
  {
    file: '08PARIS50.cable',
    post: 'PARIS',
    serial: 50,
    dtg: '101200Z JLY 08',
    level: 'UNCLAS',
    tags: 'ECON, FR',
    subject: 'FRENCH BUDGET OUTLOOK',
    paragraphs: ['The budget office expects a deficit.'],
  },
];

/** Writes the archive into `dir`; returns each cable's path by its id. */
export function writeArchive(dir: string): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const s of ARCHIVE) {
    const path = join(dir, s.file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, cable(s));
    paths[`${s.dtg.slice(-2)}${s.post}${s.serial}`] = path;
  }
  return paths;
}
