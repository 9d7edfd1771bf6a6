/**
 * The archive view's requests: the client's tree asks for one level at a time (`cable/archive/groups`),
 * the cables of a group a page at a time (`cable/archive/items`), and the timeline's bins
 * (`cable/archive/timeline`); the server says when the index has changed (`cable/archive/changed`, at
 * most every ARCHIVE_CHANGE_DELAY_MS). Types and method names, and the debounced notifier; client and
 * server both import the types.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ArchiveGroups, ArchivePage, ArchiveScope } from './workspace/archiveView.ts';
import type { ArchiveTimeline } from './workspace/archiveTimeline.ts';

export type { ArchiveGroup, ArchiveGroups, ArchiveItem, ArchivePage, ArchiveScope, ArchiveGrouping, LevelKey } from './workspace/archiveView.ts';
export type { ArchiveTimeline } from './workspace/archiveTimeline.ts';

export const ARCHIVE_GROUPS = 'cable/archive/groups';
export const ARCHIVE_ITEMS = 'cable/archive/items';
export const ARCHIVE_TIMELINE = 'cable/archive/timeline';
export const ARCHIVE_CHANGED = 'cable/archive/changed';

export interface ArchiveItemsParams extends ArchiveScope {
  offset: number;
  limit: number;
}

export interface ArchiveTimelineParams {
  query: string;
}

export const EMPTY_GROUPS: ArchiveGroups = { groups: [], matched: 0, total: 0 };
export const EMPTY_PAGE: ArchivePage = { items: [], count: 0, offset: 0 };
export const EMPTY_TIMELINE: ArchiveTimeline = { months: [], levels: [], counts: [], binned: 0, undated: 0, peak: 0 };

export const ArchiveGroupsRequest = new RequestType<ArchiveScope, ArchiveGroups, void>(ARCHIVE_GROUPS);
export const ArchiveItemsRequest = new RequestType<ArchiveItemsParams, ArchivePage, void>(ARCHIVE_ITEMS);
export const ArchiveTimelineRequest = new RequestType<ArchiveTimelineParams, ArchiveTimeline, void>(ARCHIVE_TIMELINE);
/** The cables of the archive changed; `size` is how many there are now. */
export const ArchiveChangedNotification = new NotificationType<{ size: number }>(ARCHIVE_CHANGED);

/** While the index fills or files change, the view hears of it at most this often. */
export const ARCHIVE_CHANGE_DELAY_MS = 750;

/**
 * Calls `send` a delay after the first change of a burst, then again a delay after the next change: not
 * waiting for quiet, because a folder being indexed changes for minutes and the view's counts should
 * grow as it does.
 */
export function debounceChanges(send: () => void, delayMs = ARCHIVE_CHANGE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      send();
    }, delayMs);
  };
}
