/**
 * What the archive view's coded groups stand for, from the data hovers read: a TAG's title (`PREL` →
 * External Political Relations, `FR` → France) and a post's station (`BUENOSAIRES` → AMEMBASSY BUENOS
 * AIRES). The view shows the code first, so typing the code still finds the group. Dates and levels are
 * written out already; a code no source titles gets no title, never a guess.
 */
import type { Dictionary } from '../service/dictionary.ts';
import type { GroupTitles } from './archiveView.ts';

export function groupTitles(dict: Dictionary): GroupTitles {
  return (grouping, key) => {
    switch (grouping) {
      case 'tag':
        return dict.lookupTag(key)?.title;
      case 'post':
        return dict.originPost(key);
      default:
        return undefined;
    }
  };
}
