/**
 * The preview webview's script: lays out each view the extension sends, keeps the page's scroll in step
 * with the editor both ways, reveals a line in the editor when an element is clicked, and opens cited
 * cables. Loaded with the page's nonce; it fetches nothing.
 */
import type { FromWebview, PreviewState, ToWebview } from '../messages.ts';
import { render } from './render.ts';
import { LineMap } from './scrollSync.ts';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('cable-preview')!;
const lines = new LineMap();
let uri: string | undefined;
let version = -1;
/** Scroll events the page itself caused (following the editor) are not sent back. */
let ignoreScrollUntil = 0;
let lastSentLine: number | undefined;

function post(m: FromWebview): void {
  vscode.postMessage(m);
}

/** The classification bar stays at the top of the window: the lines start below it. */
function barHeight(): number {
  return document.querySelector('.bar-top')?.getBoundingClientRect().height ?? 0;
}

/** Scroll requests are numbered: a settling pass of an older one gives way to a newer one. */
let scrollRequest = 0;

/** How long a scroll to a line keeps correcting itself as paragraphs near it are laid out. */
const SETTLE_MS = 300;

function scrollToLine(line: number): void {
  const mine = ++scrollRequest;
  const until = performance.now() + SETTLE_MS;
  const place = (): void => {
    const y = lines.offsetOf(line);
    if (y === undefined || mine !== scrollRequest) return;
    const top = y === 0 ? 0 : Math.max(0, y - barHeight() - 4);
    if (Math.abs(window.scrollY - top) > 2) {
      ignoreScrollUntil = performance.now() + 100;
      window.scrollTo({ top, behavior: 'instant' });
    }
    // Paragraphs are laid out only once they come near the window (content-visibility), and their true
    // heights move what follows them: the line is placed again, frame by frame, until it has settled.
    if (performance.now() < until) requestAnimationFrame(place);
  };
  place();
}

function update(m: Extract<ToWebview, { type: 'update' }>): void {
  const sameCable = m.doc.uri === uri;
  if (sameCable && m.doc.version < version) return;
  // A later view of the same cable keeps the page where the reader has it.
  const keep = sameCable ? window.scrollY : undefined;
  uri = m.doc.uri;
  version = m.doc.version;
  root.replaceChildren(render(m.doc));
  document.body.dataset.level = m.doc.cables[0]?.classification.level ?? 'none';
  lines.index(root);
  if (keep !== undefined && m.line === undefined) {
    ignoreScrollUntil = performance.now() + 100;
    window.scrollTo({ top: keep, behavior: 'instant' });
  } else if (m.line !== undefined) scrollToLine(m.line);
  vscode.setState({ uri: m.doc.uri, line: m.line });
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  switch (m.type) {
    case 'update':
      update(m);
      break;
    case 'scroll':
      scrollToLine(m.line);
      break;
    case 'message':
      uri = undefined;
      version = -1;
      root.replaceChildren(Object.assign(document.createElement('p'), { className: 'note', textContent: m.text }));
      break;
  }
});

let scrollFrame = 0;
window.addEventListener(
  'scroll',
  () => {
    if (performance.now() < ignoreScrollUntil || scrollFrame) return;
    // The reader scrolls: a scroll to the editor's line still settling stops here.
    scrollRequest++;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const line = window.scrollY === 0 ? 0 : lines.lineAt(window.scrollY + barHeight() + 4);
      if (line === undefined || (lastSentLine !== undefined && Math.abs(line - lastSentLine) < 0.5)) return;
      lastSentLine = line;
      post({ type: 'scrolled', line });
      if (uri) vscode.setState({ uri, line });
    });
  },
  { passive: true },
);

// The reader's own hand on the page ends any scroll the page is still settling, and what follows is theirs.
for (const input of ['wheel', 'keydown', 'mousedown', 'touchstart']) {
  window.addEventListener(
    input,
    () => {
      scrollRequest++;
      ignoreScrollUntil = 0;
    },
    { passive: true },
  );
}

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : undefined;
  if (!target) return;
  const link = target.closest<HTMLElement>('a[data-target]');
  if (link) {
    e.preventDefault();
    const line = link.dataset.targetLine;
    post(line ? { type: 'open', target: link.dataset.target!, line: Number(line) } : { type: 'open', target: link.dataset.target! });
    return;
  }
  // Selecting text is not a click on the element.
  if (window.getSelection()?.toString()) return;
  const at = target.closest<HTMLElement>('[data-line]');
  if (at) post({ type: 'reveal', line: Number(at.dataset.line) });
});

post({ type: 'ready' });
