/**
 * Custom requests by which a language server that cannot touch the disk (the Web Worker on
 * vscode.dev / github.dev) asks the editor for workspace files. The web client answers them with
 * `vscode.workspace.findFiles` and `vscode.workspace.fs`. Only types and method names live here, so
 * both the client and the server import it without pulling in either side's runtime.
 */

export const FIND_FILES = 'cable/findFiles';
export const READ_FILE = 'cable/readFile';

export interface FindFilesParams {
  /** Glob relative to the workspace folders, e.g. `**\/*.cable`. */
  include: string;
  /** Glob of files to leave out (node_modules, .git …). */
  exclude?: string;
  maxResults?: number;
}

/** `listed: false` when the host cannot list files; `reason` says why, for the output channel. */
export interface FindFilesResult {
  listed: boolean;
  uris: string[];
  reason?: string;
}

export interface ReadFileParams {
  uri: string;
  /**
   * Only the first this many characters are wanted (the index reads heads only); the client cuts the
   * text before it crosses the worker boundary.
   */
  maxChars?: number;
  /**
   * With `maxChars`: when one of `signs` occurs twice in the file, its first `wholeIf.maxChars`
   * characters instead (a file that may hold several cables is indexed whole).
   */
  wholeIf?: { signs: string[]; maxChars: number };
}

/** `text` is undefined when the file could not be read; `error` says why. */
export interface ReadFileResult {
  text?: string;
  error?: string;
}
