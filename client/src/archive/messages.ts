/**
 * Messages between the timeline webview and the extension. Types only: both sides import this file.
 */
import type { ArchiveTimeline } from '../../../server/src/archiveRequests.ts';

/** From the extension to the webview. */
export type ToTimeline =
  /**
   * The bins of the cables the filter keeps, its dates aside (`query`: what was plotted); `chosen`: the
   * months the filter names, marked on the plot.
   */
  | { type: 'update'; timeline: ArchiveTimeline; query: string; chosen: string[] }
  /** Nothing to draw, and why. */
  | { type: 'message'; text: string };

/** From the webview to the extension. */
export type FromTimeline =
  | { type: 'ready' }
  /** A month's bar was clicked (`2009-07`): the archive view is filtered to it. */
  | { type: 'month'; month: string };
