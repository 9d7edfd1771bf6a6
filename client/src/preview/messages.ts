/**
 * Messages between the preview webview and the extension. Types only: both sides import this file.
 */
import type { PreviewDocument } from '../../../server/src/service/features/previewTypes.ts';

/** From the extension to the webview. */
export type ToWebview =
  /** A new view of the cable; `line` is where the editor shows it, for the first view of a cable. */
  | { type: 'update'; doc: PreviewDocument; line?: number }
  /** The editor scrolled: its first visible line (fractions are allowed). */
  | { type: 'scroll'; line: number }
  /** Nothing to show, and why (the language server is not running, the document is closed). */
  | { type: 'message'; text: string };

/** From the webview to the extension. */
export type FromWebview =
  | { type: 'ready' }
  /** An element was clicked: show its line in the editor. */
  | { type: 'reveal'; line: number }
  /** The reader scrolled the preview: the source line now at its top. */
  | { type: 'scrolled'; line: number }
  /** A cited cable was clicked: open the file that holds it (at `line`, where the cable starts, when not its first). */
  | { type: 'open'; target: string; line?: number };

/** What the webview keeps across reloads (VS Code hands it back on restore). */
export interface PreviewState {
  uri: string;
  line?: number;
}
