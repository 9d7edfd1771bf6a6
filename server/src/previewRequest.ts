/**
 * `cable/preview`: the client asks for the decoded view of an open cable (the preview webview lays it
 * out). The answer is for the document as the server holds it when the request arrives, with that
 * version, or null when the server does not hold the document. Types and the method name only, so
 * client and server both import it.
 */
import { RequestType, type TextDocumentIdentifier } from 'vscode-languageserver-protocol';
import type { PreviewDocument } from './service/features/previewTypes.ts';

export type { PreviewDocument } from './service/features/previewTypes.ts';

export const CABLE_PREVIEW = 'cable/preview';

export interface PreviewParams {
  textDocument: TextDocumentIdentifier;
}

export type PreviewResult = PreviewDocument | null;

export const PreviewRequest = new RequestType<PreviewParams, PreviewResult, void>(CABLE_PREVIEW);
