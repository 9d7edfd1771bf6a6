/**
 * `cable/status`: the server tells the client when a document crosses `cable.maxFileSize` (either way),
 * so the language status item can say that the costly rules are skipped for it, and when the number of
 * cables the file holds changes (a file of several cables one after another). Sent once per change,
 * never per keystroke. Types and the method name only, so client and server both import it.
 */

export const CABLE_STATUS = 'cable/status';

export interface CableStatusParams {
  uri: string;
  /** True while the document is over the limit; false when it no longer is (or was closed). */
  large: boolean;
  /** What degrades, for the status item and the output channel (present when `large`). */
  message?: string;
  /** How many cables the file holds (1, or absent from an older server, for a file of one cable). */
  cables?: number;
}
