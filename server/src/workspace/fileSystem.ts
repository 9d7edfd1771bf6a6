/**
 * The file access the workspace index and workspace diagnostics need, and nothing more, so that each host
 * can supply its own: Node's fs for the desktop server (nodeFileSystem.ts), and, in the browser worker, a
 * provider that asks the client to read through `vscode.workspace.fs` (clientFileSystem.ts).
 */
export interface CableFileSystem {
  /**
   * Every file below a folder (recursively) whose name ends with one of `extensions` (compared without
   * regard to case), as URIs. Implementations skip dependency and hidden folders (`node_modules`,
   * `.git`) and should produce entries as they find them rather than after the whole walk.
   */
  listFiles(folderUri: string, extensions: readonly string[]): AsyncIterable<string>;
  /**
   * The first `maxBytes` bytes of a file decoded as UTF-8, or undefined when it cannot be read (gone,
   * no permission), is no regular file (a named pipe, a device, a directory), or is larger than
   * `maxFileBytes` where the host can tell. A multi-byte character cut at the end may decode as U+FFFD.
   * Never waits for a writer: a named pipe answers undefined at once.
   *
   * With `whole`, a file longer than `maxBytes` in which one of `whole.signs` occurs twice is read
   * further, up to `whole.maxBytes`: the workspace index reads the whole of a file that may hold
   * several cables, and only the head of the others.
   */
  readHead(uri: string, maxBytes: number, maxFileBytes?: number, whole?: WholeIf): Promise<string | undefined>;
  /** The whole of a regular file of at most `maxBytes` bytes, decoded as UTF-8, or why it was not read. */
  readFile(uri: string, maxBytes: number): Promise<FileRead>;
}

export type FileRead = { text: string; error?: undefined } | { text?: undefined; error: string };

/** When `readHead` reads a file further than its head: the signs (ASCII) of which it shows two, and how far. */
export interface WholeIf {
  signs: readonly string[];
  maxBytes: number;
}
