/**
 * What the archive view and the timeline ask of the language server, as an interface: the view is
 * registered at activation (client.js, which loads no language client), and is handed a source when the
 * language client has started (sourceOf, bundled with the client).
 */
import type { ArchiveGroups, ArchiveItemsParams, ArchivePage, ArchiveScope, ArchiveTimeline } from '../../../server/src/archiveRequests.ts';

export interface ArchiveSource {
  groups(scope: ArchiveScope): Promise<ArchiveGroups>;
  items(params: ArchiveItemsParams): Promise<ArchivePage>;
  timeline(query: string): Promise<ArchiveTimeline>;
  /** The server's index changed (debounced there); returns the unsubscriber. */
  onChanged(listener: () => void): { dispose(): void };
  /** The server restarted (its index is built again) or stopped. */
  onRestarted(listener: () => void): { dispose(): void };
}
