/**
 * A group's label in the Cables view: the code first, so that typing it in the view still finds the group,
 * then what it stands for where the data say (`PREL — External Political Relations`, `ADANA — AMCONSUL
 * ADANA`), as the hover says it.
 */
import type { ArchiveGroup } from '../../../server/src/archiveRequests.ts';

export function groupLabel(g: Pick<ArchiveGroup, 'label' | 'title'>): string {
  return g.title ? `${g.label} — ${g.title}` : g.label;
}
