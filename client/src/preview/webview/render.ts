/**
 * Lays out a PreviewDocument as the page the reader sees: each cable of the file in an article of its
 * own, with its classification bars, its title and heading. DOM calls only (text goes in as text, never
 * as HTML), no framework. Every element that stands for source lines carries `data-line` (its first
 * line of the file), which the scroll sync and click-to-reveal read.
 */
import type {
  LineSpan,
  PreviewBlock,
  PreviewCable,
  PreviewDocument,
  PreviewField,
  PreviewLine,
  PreviewMarking,
  PreviewNode,
  PreviewRun,
} from '../../../../server/src/service/features/previewTypes.ts';

type Child = Node | string | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) {
    if (c === undefined || c === false) continue;
    e.append(c);
  }
  return e;
}

function at<T extends HTMLElement>(e: T, lines: LineSpan | number | undefined): T {
  if (lines !== undefined) e.setAttribute('data-line', String(typeof lines === 'number' ? lines : lines[0]));
  return e;
}

function titled<T extends HTMLElement>(e: T, title: string | undefined): T {
  if (title) e.title = title;
  return e;
}

/** The reader's own time zone, as the webview's environment knows it (dateStyle cannot take a zone name). */
const localTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

export function render(doc: PreviewDocument): DocumentFragment {
  const f = document.createDocumentFragment();
  const count = doc.cables.length;
  doc.cables.forEach((cable, k) => f.append(cableArticle(cable, count > 1 ? `Cable ${k + 1} of ${count}` : undefined)));
  for (const note of doc.notes) f.append(el('p', 'note', note));
  f.append(
    el(
      'p',
      'sources',
      'Decoded with ACP 127(G) and the Allied Routing Indicator Book (2010) for the heading, 5 FAH-1 H-246.2 and the executive orders on classification for markings and declassification, and the TAGS handbook (1974), 5 FAH-3 and FIPS 10-4 for TAGS. Hover a code in the editor for its source.',
    ),
  );
  return f;
}

/** One cable: its bars, title, heading and text. `place` says which of the file's cables it is. */
function cableArticle(doc: PreviewCable, place: string | undefined): HTMLElement {
  const f = at(el('article', 'cable'), doc.lines);
  f.append(classificationBar(doc, 'top'));
  f.append(titleBlock(doc, place));
  if (doc.header) f.append(headerCard(doc));
  if (doc.captions.length) f.append(captions(doc));
  for (const d of doc.distribution) f.append(at(el('p', 'distribution', d.text), d.lines));
  if (doc.declassification) f.append(declassification(doc));
  if (doc.tags) f.append(tags(doc));
  if (doc.subject) f.append(subject(doc));
  if (doc.references.length) f.append(references(doc));
  if (doc.classifiedBy) f.append(classifiedBy(doc));
  const body = el('main', 'body');
  for (const n of doc.body) body.append(node(n));
  f.append(body);
  if (doc.signature) f.append(at(el('p', 'signature', doc.signature.text), doc.signature.lines));
  for (const note of doc.notes) f.append(el('p', 'note', note));
  f.append(classificationBar(doc, 'bottom'));
  return f;
}

// ---------------------------------------------------------------------------------------------

function levelClass(level: string | undefined): string {
  return `level level-${level ?? 'none'}`;
}

function classificationBar(doc: PreviewCable, where: 'top' | 'bottom'): HTMLElement {
  const c = doc.classification;
  const bar = titled(el('div', `bar bar-${where} ${levelClass(c.level)}`, c.marking), c.words);
  bar.setAttribute('role', 'note');
  bar.setAttribute('aria-label', `Classification: ${c.marking}`);
  // No line of its own for the scroll sync: the top bar stays in the window whatever it shows.
  return bar;
}

function titleBlock(doc: PreviewCable, place: string | undefined): HTMLElement {
  const dtg = doc.header?.fields.find((x) => x.label === 'Date-time group')?.items[0];
  const bits = [place, doc.classification.section, dtg?.text].filter(Boolean).join(' · ');
  return el('header', 'title', el('div', 'cable-id', doc.id ?? 'Cable'), bits ? el('div', 'title-detail', bits) : undefined);
}

function code(text: string | undefined): HTMLElement | undefined {
  return text ? el('code', undefined, text) : undefined;
}

function headerCard(doc: PreviewCable): HTMLElement {
  const dl = el('dl', 'fields');
  for (const field of doc.header!.fields) dl.append(...fieldRows(field));
  return at(el('section', 'card heading', el('h2', undefined, 'Heading'), dl), doc.header!.lines);
}

function fieldRows(field: PreviewField): HTMLElement[] {
  const dd = el('dd');
  for (const it of field.items) {
    const row = at(el('div', 'item', el('span', 'words', it.text), ' ', code(it.code)), it.lines);
    if (it.instant !== undefined) row.append(el('span', 'local', `your time: ${localTime.format(new Date(it.instant))}`));
    if (it.detail) row.append(el('span', 'detail', it.detail));
    dd.append(row);
  }
  return [el('dt', undefined, field.label), dd];
}

function captions(doc: PreviewCable): HTMLElement {
  const box = at(el('section', 'captions'), doc.captions[0]!.lines);
  for (const c of doc.captions) {
    box.append(at(titled(el('span', 'caption', el('span', 'badge', c.name), c.title ? el('span', 'caption-title', c.title) : undefined), c.text), c.lines));
  }
  return box;
}

function declassification(doc: PreviewCable): HTMLElement {
  const d = doc.declassification!;
  const dl = el('dl', 'fields');
  if (d.order) dl.append(el('dt', undefined, 'Order'), el('dd', undefined, d.order));
  if (d.instruction) dl.append(el('dt', undefined, 'Declassification'), el('dd', undefined, d.instruction));
  if (d.warning) dl.append(el('dt', undefined, 'Note'), el('dd', 'warning', d.warning));
  return at(el('section', 'card declassification', el('h2', undefined, 'Declassification ', code(d.written)), dl), d.lines);
}

function tags(doc: PreviewCable): HTMLElement {
  const t = doc.tags!;
  const list = el('ul', 'chips');
  for (const c of t.chips) {
    const chip = el('li', `chip kind-${c.kind}`, el('span', 'chip-code', c.code), c.title ? el('span', 'chip-title', c.title) : undefined, el('span', 'chip-kind', c.kindWords));
    if (c.note) chip.append(el('span', 'chip-note', c.note));
    list.append(at(titled(chip, [c.title, c.kindWords, c.note].filter(Boolean).join(' — ')), c.lines));
  }
  return at(el('section', 'tags', el('h2', undefined, 'TAGS'), list), t.lines);
}

function marking(m: PreviewMarking | undefined, className = 'marking'): HTMLElement | undefined {
  if (!m) return undefined;
  return titled(el('span', `badge ${className} ${levelClass(m.level)}${m.malformed ? ' malformed' : ''}`, m.text), m.words);
}

function subject(doc: PreviewCable): HTMLElement {
  const s = doc.subject!;
  return at(el('h1', 'subject', marking(s.marking), s.marking ? ' ' : undefined, s.text), s.lines);
}

function references(doc: PreviewCable): HTMLElement {
  const list = el('ol', 'refs');
  for (const r of doc.references) {
    const item = at(el('li', undefined, r.label ? el('span', 'ref-label', `${r.label}.`) : undefined), r.lines);
    if (r.target) {
      const a = el('a', 'cable-link', r.text);
      a.href = '#';
      a.dataset.target = r.target;
      if (r.targetLine) a.dataset.targetLine = String(r.targetLine);
      a.title = `Open ${r.cableId}`;
      item.append(a, ' ', code(r.cableId)!);
    } else {
      item.append(el('span', 'ref-text', r.text));
      if (r.cableId) item.append(' ', code(r.cableId)!, el('span', 'detail', 'not in this workspace'));
      else item.append(el('span', 'detail', 'not a cable this preview can name'));
    }
    list.append(item);
  }
  return at(el('section', 'references', el('h2', undefined, 'References'), list), doc.references[0]!.lines);
}

function classifiedBy(doc: PreviewCable): HTMLElement {
  const c = doc.classifiedBy!;
  const dl = el('dl', 'fields');
  if (c.authority) dl.append(el('dt', undefined, 'Classified by'), el('dd', undefined, c.authority));
  if (c.reasonText) {
    const dd = el('dd', undefined, el('span', 'words', c.reasonSection ?? ''), ' ', code(c.reasonText));
    for (const cat of c.categories) dd.append(el('div', 'category', `(${cat.letter}) ${cat.title ?? 'not a category letter'}`));
    dl.append(el('dt', undefined, 'Reason'), dd);
  }
  return at(el('section', 'card classified-by', dl), c.lines);
}

// ---------------------------------------------------------------------------------------------
// Running text

function node(n: PreviewNode): HTMLElement {
  switch (n.kind) {
    case 'heading':
      return at(el('h3', 'text-heading', n.title), n.lines);
    case 'block':
      return block(n);
    case 'paragraph': {
      const p = at(el('section', 'para'), n.lines);
      p.append(el('span', 'para-number', `${n.number}.`), marking(n.marking) ?? '', flows(n.text));
      return p;
    }
    case 'text':
      return at(el('section', 'prose', flows(n.text)), n.lines);
  }
}

function block(b: PreviewBlock): HTMLElement {
  const box = at(el('section', `block block-${b.block}`, el('div', 'block-title', b.unterminated ? `${b.title} (no end line)` : b.title)), b.lines);
  for (const c of b.children) box.append(node(c));
  return box;
}

/**
 * A paragraph's lines as flowing text: lines run on into one another (a wrapped telegram reads as prose),
 * and a new flow starts at a blank line, a sub-paragraph, a heading or rule, or where a block begins or ends.
 */
function flows(lines: PreviewLine[]): DocumentFragment {
  const f = document.createDocumentFragment();
  let flow: HTMLElement | undefined;
  let blockBox: HTMLElement | undefined;
  let blockKind: string | undefined;
  for (const l of lines) {
    if (l.block !== blockKind) {
      blockKind = l.block;
      blockBox = l.block ? el('div', `block-lines block-${l.block}`) : undefined;
      if (blockBox) f.append(blockBox);
      flow = undefined;
    }
    const into = blockBox ?? f;
    if (l.rule) {
      into.append(at(el('hr', 'rule'), l.line));
      flow = undefined;
      continue;
    }
    if (l.heading) {
      into.append(at(el('h3', 'text-heading', runs(l.runs)), l.line));
      flow = undefined;
      continue;
    }
    if (l.sub) {
      flow = el('div', 'flow sub', el('span', 'sub-label', l.sub.label === '--' ? '–' : `${l.sub.label}.`), marking(l.sub.marking) ?? '');
      into.append(flow);
    } else if (!flow || l.gapBefore || (l.indent ? !flow.classList.contains('sub') : flow.classList.contains('sub'))) {
      flow = el('div', l.indent ? 'flow sub continued' : 'flow');
      into.append(flow);
    } else flow.append(' ');
    flow.append(at(el('span', 'line', runs(l.runs)), l.line));
  }
  return f;
}

function runs(list: PreviewRun[]): Node {
  // Most lines are one run of plain text: a text node, without a fragment around it.
  const only = list.length === 1 ? list[0]! : undefined;
  if (only && !only.redacted && !only.cable && !only.block) return document.createTextNode(only.text);
  const f = document.createDocumentFragment();
  for (const r of list) f.append(run(r));
  return f;
}

function run(r: PreviewRun): Node {
  let n: Node;
  if (r.redacted) {
    n = titled(el('span', 'redacted', r.text), 'Withheld text');
  } else if (r.cable?.target) {
    const a = titled(el('a', 'cable-link', r.text), `Open ${r.cable.id}`);
    a.href = '#';
    a.dataset.target = r.cable.target;
    if (r.cable.targetLine) a.dataset.targetLine = String(r.cable.targetLine);
    n = a;
  } else if (r.cable) {
    n = titled(el('span', 'cable-id-mention', r.text), `${r.cable.id}: not in this workspace`);
  } else n = document.createTextNode(r.text);
  return r.block ? el('mark', `block-run block-${r.block}`, n) : n;
}
