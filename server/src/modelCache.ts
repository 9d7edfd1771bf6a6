/**
 * Parse once per document version: the parsed cables of each open document (one model per cable of the
 * file, service/sequence.ts), reused by every feature and the diagnostics until the text changes. A
 * parser crash is said in the log with the document's URI, once per parse (so once per version), since
 * the model then covers only part of the text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableDocument } from './service/model.ts';
import type { ParseOptions } from './service/parse.ts';
import { parseCableFile, type CableFile } from './service/sequence.ts';

export type Parse = (text: string, options?: ParseOptions) => CableDocument;

/**
 * The code of the problem by which the parser reports that it failed part-way (it never throws: it
 * returns what it had read, with this problem). Change this, and the test hook that forges it, if the
 * parser reports its failure otherwise.
 */
export const PARSER_FAILURE = 'parser-error';

/** The parser's report of its own failure in `model`, if it failed. */
export function parserFailure(model: CableDocument): string | undefined {
  return model.problems.find((p) => p.code === PARSER_FAILURE)?.message;
}

export class ModelCache {
  private readonly entries = new Map<string, { version: number; text: string; file: CableFile }>();

  constructor(
    private readonly parse: Parse,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * The cables of `doc` as it is now. An entry is reused only for the same version and the same text: a
   * client that sends two texts under one version number is not served the first text's models. (The
   * text is compared by reference first, which is all it costs when it did not change.)
   */
  get(doc: TextDocument): CableFile {
    const text = doc.getText();
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === text) return hit.file;
    // The parser's own report names the line; the stack goes to the log for whoever fixes the parser.
    const onError = (err: unknown, line: number) =>
      this.log(`parser failed on ${doc.uri}${line >= 0 ? ` line ${line + 1}` : ''}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const file = parseCableFile(text, this.parse, { onError, fileName: doc.uri });
    this.entries.set(doc.uri, { version: doc.version, text, file });
    for (const part of file.parts) {
      const failure = parserFailure(part.model);
      if (failure === undefined) continue;
      const where = file.parts.length > 1 ? ` in the cable from line ${part.line + 1}` : '';
      this.log(`The parser failed on ${doc.uri} (version ${doc.version})${where}; features see only what it read before the failure. ${failure}`);
    }
    return file;
  }

  /** Whether `doc` as it is now has been parsed (so `get` costs nothing). */
  has(doc: TextDocument): boolean {
    const hit = this.entries.get(doc.uri);
    return !!hit && hit.version === doc.version && hit.text === doc.getText();
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
