/**
 * Editing the filter's text from the timeline: a click on a month replaces the filter's dates (and date
 * spans) by that month and keeps its other terms. Mirrors the date terms of the query language
 * (server/src/workspace/query.ts): `2009`, `2009-07`, `2009-07-20`, `2008..2009`, each maybe negated.
 */
const DATE_TERM = /^-?(?:19|20)\d\d(?:-\d\d){0,2}(?:\.\.(?:19|20)\d\d(?:-\d\d){0,2})?$/;

export function withMonth(query: string, month: string): string {
  const kept = query.split(/\s+/).filter((t) => t && !DATE_TERM.test(t));
  return [...kept, month].join(' ');
}

/** The filter without its date terms: what the timeline plots (the dates only pick months in it). */
export function withoutDates(query: string): string {
  return query.split(/\s+/).filter((t) => t && !DATE_TERM.test(t)).join(' ');
}

/** The filter's date terms that name months (`2009-07`): the months the timeline marks as chosen. */
export function chosenMonths(query: string): string[] {
  return query.split(/\s+/).filter((t) => /^(?:19|20)\d\d-\d\d$/.test(t));
}

/** The filter as the view's description: the query, or nothing. */
export function describeFilter(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}

/** `12 345` with thin spaces, as counts are written in the view. */
export function count(n: number): string {
  return n.toLocaleString('en-US').replace(/,/g, '\u202f');
}
