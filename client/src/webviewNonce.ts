/** A fresh nonce for a webview page's one allowed script (its Content Security Policy names it). */
export function webviewNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
