/**
 * The file access the workspace index needs, and nothing more, so that each host can supply its own:
 * Node's fs for the desktop server (nodeFileSystem.ts), and, in the browser worker, a provider that
 * asks the client to read through `vscode.workspace.fs`.
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
   * not a file, no permission). A multi-byte character cut at the end may decode as U+FFFD.
   */
  readHead(uri: string, maxBytes: number): Promise<string | undefined>;
}
