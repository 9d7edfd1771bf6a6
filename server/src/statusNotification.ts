/**
 * `cable/status`: the server tells the client when a document crosses `cable.maxFileSize` (either way),
 * so the language status item can say that the costly rules are skipped for it. Sent once per crossing,
 * never per keystroke. Types and the method name only, so client and server both import it.
 */

export const CABLE_STATUS = 'cable/status';

export interface CableStatusParams {
  uri: string;
  /** True while the document is over the limit; false when it no longer is (or was closed). */
  large: boolean;
  /** What degrades, for the status item and the output channel (present when `large`). */
  message?: string;
}
