/**
 * The workspace index's file access where the server cannot touch the disk (the Web Worker on
 * vscode.dev / github.dev): it asks the editor, whose client answers `cable/findFiles` and
 * `cable/readFile` through `vscode.workspace.findFiles` and `vscode.workspace.fs`
 * (client/src/workspaceFiles.ts). When the host cannot list files, the index simply stays empty.
 */
import type { Connection } from 'vscode-languageserver';
import { FIND_FILES, READ_FILE, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from '../fileRequests.ts';
import type { CableFileSystem, FileRead } from './fileSystem.ts';
import { uriKey } from '../service/cableFacts.ts';

type Requester = Pick<Connection, 'sendRequest'>;

export function clientFileSystem(connection: Requester): CableFileSystem {
  return {
    async *listFiles(folderUri, extensions) {
      const globs = extensions.map((e) => `**/*${e}`);
      const params: FindFilesParams = {
        include: globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`,
        exclude: '**/{node_modules,.*}/**',
      };
      let result: FindFilesResult;
      try {
        result = await connection.sendRequest<FindFilesResult>(FIND_FILES, params);
      } catch {
        return; // an older client without the request
      }
      if (!result?.listed) return;
      // findFiles searches every workspace folder at once; this walk is about one of them.
      const prefix = `${uriKey(folderUri)}/`;
      for (const uri of result.uris) if (uriKey(uri).startsWith(prefix)) yield uri;
    },

    async readHead(uri, maxBytes, _maxFileBytes, whole) {
      try {
        const params: ReadFileParams = { uri, maxChars: maxBytes };
        if (whole) params.wholeIf = { signs: [...whole.signs], maxChars: whole.maxBytes };
        const r = await connection.sendRequest<ReadFileResult>(READ_FILE, params);
        // Characters, not bytes: a close enough bound for a head that only has to hold the subject.
        return r?.text === undefined ? undefined : r.text.slice(0, Math.max(maxBytes, whole?.maxBytes ?? 0));
      } catch {
        return undefined;
      }
    },

    // The client reads heads of any size but refuses whole files over its own limit (4 MB).
    async readFile(uri, maxBytes): Promise<FileRead> {
      try {
        const params: ReadFileParams = { uri };
        const r = await connection.sendRequest<ReadFileResult>(READ_FILE, params);
        if (r?.text === undefined) return { error: r?.error ?? 'the editor could not read it' };
        return r.text.length > maxBytes ? { error: `larger than ${maxBytes} bytes` } : { text: r.text };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
