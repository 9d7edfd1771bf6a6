/**
 * The archive source over the language client: the `cable/archive/*` requests and notification
 * (server/src/archiveRequests.ts). Bundled with the language client, so activation does not load it.
 */
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { ARCHIVE_CHANGED, ARCHIVE_GROUPS, ARCHIVE_ITEMS, ARCHIVE_TIMELINE, type ArchiveTimelineParams } from '../../../server/src/archiveRequests.ts';
import type { ArchiveGroups, ArchivePage, ArchiveTimeline } from '../../../server/src/archiveRequests.ts';
import type { ArchiveSource } from './source.ts';

export function sourceOf(client: BaseLanguageClient): ArchiveSource {
  return {
    groups: (scope) => client.sendRequest<ArchiveGroups>(ARCHIVE_GROUPS, scope),
    items: (params) => client.sendRequest<ArchivePage>(ARCHIVE_ITEMS, params),
    timeline: (query) => client.sendRequest<ArchiveTimeline>(ARCHIVE_TIMELINE, { query } satisfies ArchiveTimelineParams),
    onChanged: (listener) => client.onNotification(ARCHIVE_CHANGED, listener),
    onRestarted: (listener) =>
      client.onDidChangeState((e) => {
        if (e.newState === State.Running || e.newState === State.Stopped) listener();
      }),
  };
}
