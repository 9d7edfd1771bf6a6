/**
 * Header cross-checks (ACP 127 format lines against each other and against the banner): FL2's
 * precedence against FL5's, the `DE` line's station serial and section against the banner.
 */
import type { PrecedenceLetter } from '../model.ts';
import type { Rule } from './common.ts';

const PRECEDENCE_NAMES: Record<PrecedenceLetter, string> = {
  Y: 'EMERGENCY COMMAND',
  Z: 'FLASH',
  O: 'IMMEDIATE',
  P: 'PRIORITY',
  R: 'ROUTINE',
};
const PRECEDENCE_RANK: Record<PrecedenceLetter, number> = { Y: 5, Z: 4, O: 3, P: 2, R: 1 };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export const headerRules: Rule[] = [
  {
    code: 'precedence-mismatch',
    severity: 'warning',
    family: 'header',
    description: 'The precedence on the routing line (FL2, `RR`) differs from the highest precedence on the DTG line (FL5, `R`).',
    check(ctx, report) {
      const { routing, dtgLine } = ctx.doc.header;
      if (!routing || !dtgLine || dtgLine.precedence.length === 0) return;
      // Dual precedence (`P R 281848Z …`): FL2 carries only the higher of the two (ACP 127 §152).
      let highest = dtgLine.precedence[0]!;
      for (const p of dtgLine.precedence) if (PRECEDENCE_RANK[p.value] > PRECEDENCE_RANK[highest.value]) highest = p;
      const fl2 = routing.precedence;
      if (fl2.value === highest.value) return;
      report({
        range: fl2.range,
        message: `Routing line precedence '${fl2.text}' (${PRECEDENCE_NAMES[fl2.value]}) differs from the DTG line's '${highest.text}' (${PRECEDENCE_NAMES[highest.value]}); expected ${highest.value}${highest.value}`,
        related: [{ range: highest.range, message: `the DTG line's precedence: ${PRECEDENCE_NAMES[highest.value]}` }],
        fix: { title: `Change the routing precedence to ${highest.value}${highest.value}`, edits: [{ range: fl2.range, newText: `${highest.value}${highest.value}` }] },
      });
    },
  },
  {
    code: 'serial-mismatch',
    severity: 'warning',
    family: 'header',
    description: 'The `DE` line\'s `#NNNN` differs from the last four digits of the banner\'s serial, or its `/NN` from the banner\'s `SECTION NN`.',
    check(ctx, report) {
      const de = ctx.doc.header.de;
      const banner = ctx.doc.banner;
      if (!de || !banner) return;
      if (de.serial && banner.serial && de.serial.value !== banner.serial.value % 10000) {
        const want = pad(banner.serial.value % 10000, 4);
        report({
          range: de.serial.range,
          message: `Station serial '${de.serial.text}' differs from the banner's serial ${banner.serial.text}; expected #${want}`,
          related: [{ range: banner.serial.range, message: 'the banner serial' }],
        });
      }
      if (de.section) {
        const want = banner.section?.number ?? 1;
        if (de.section.value !== want) {
          report({
            range: de.section.range,
            message: banner.section
              ? `Section '/${de.section.text.replace(/^\//, '')}' on the DE line differs from the banner's SECTION ${pad(want, 2)}; expected /${pad(want, 2)}`
              : `Section '/${de.section.text.replace(/^\//, '')}' on the DE line, but the banner names no section; expected /01`,
            related: banner.section ? [{ range: banner.section.range, message: 'the banner section' }] : [{ range: banner.range, message: 'the banner' }],
          });
        }
      }
    },
  },
];
