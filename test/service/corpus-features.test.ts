/**
 * The structure features over every real cable of ../shared/corpus: none throws, the outline nests,
 * folds nest, selection chains grow, and every range lies inside the document. Read at run time; the
 * corpus is never copied into the repository.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCable } from '../../server/src/service/parse.ts';
import { documentSymbols } from '../../server/src/service/features/symbols.ts';
import { foldingRanges } from '../../server/src/service/features/folding.ts';
import { selectionRanges } from '../../server/src/service/features/selectionRanges.ts';
import { documentHighlights } from '../../server/src/service/features/highlights.ts';
import { cableIdOccurrences, definitionLinks, documentLinks } from '../../server/src/service/features/links.ts';
import { CableIndex } from '../../server/src/workspace/cableIndex.ts';
import { nodeFileSystem } from '../../server/src/workspace/nodeFileSystem.ts';
import { assertChain, assertFolding, assertInDocument, assertSymbolTree, corpusDir, flatten } from './structureHelpers.ts';

const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.cable')).sort() : [];

test('structure features over the corpus', { skip: files.length ? false : `no corpus at ${corpusDir}` }, (t) => {
  let symbols = 0;
  let folds = 0;
  let links = 0;
  let lost = 0;
  const t0 = performance.now();
  for (const file of files) {
    const model = parseCable(readFileSync(join(corpusDir, file), 'utf8'));
    try {
      const outline = documentSymbols(model);
      assertSymbolTree(model, outline);
      const all = flatten(outline);
      symbols += all.length;
      // Every numbered paragraph the parser found is somewhere in the outline.
      const numbered = all.filter((s) => /^\d+\./.test(s.name)).length;
      if (numbered !== model.paragraphs.length) lost++;

      const f = foldingRanges(model);
      assertFolding(model, f);
      folds += f.length;

      const positions = [];
      for (let line = 0; line < model.lines.length; line += 5) {
        positions.push({ line, character: Math.floor((model.lines[line]!.length * (line % 3)) / 2) });
      }
      for (const s of selectionRanges(model, positions)) assertChain(model, s);

      const probes = [
        ...model.paragraphs.flatMap((p) => (p.marking ? [p.marking.range.start] : [])),
        ...(model.tags?.tags.map((x) => x.range.start) ?? []),
        ...model.captions.filter((c) => !c.inline).map((c) => c.token.range.start),
        ...(model.banner ? [model.banner.classification.range.start] : []),
        ...cableIdOccurrences(model).map((o) => o.range.start),
      ];
      for (const p of probes) {
        const hs = documentHighlights(model, p);
        assert.ok(hs.length >= 1, `${file}: the element under ${p.line}:${p.character} lights up itself`);
        for (const h of hs) assertInDocument(model, h.range, `${file} highlight`);
        for (const d of definitionLinks(model, p, (id) => ({ uri: `file:///ws/${id}.cable`, line: 0 }))) assertInDocument(model, d.originSelectionRange!, `${file} definition`);
      }
      const ls = documentLinks(model, (id) => ({ uri: `file:///ws/${id}.cable`, line: 0 }));
      for (const l of ls) assertInDocument(model, l.range, `${file} link`);
      links += ls.length;
    } catch (e) {
      assert.fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  t.diagnostic(
    `${files.length} cables in ${Math.round(performance.now() - t0)} ms: ${symbols} symbols, ${folds} folds, ${links} cable links; ` +
      `${lost} cables with paragraphs missing from the outline`,
  );
  assert.equal(lost, 0, 'no paragraph lost from the outline');
});

test('the workspace index over the corpus finds every cable by its id', { skip: files.length ? false : 'no corpus' }, async (t) => {
  const index = new CableIndex(nodeFileSystem);
  const t0 = performance.now();
  await index.addFolder(pathToFileURL(corpusDir).href);
  const ms = performance.now() - t0;
  assert.ok(index.size >= files.length, 'every cable, and the seed in its subfolder');
  let fromText = 0;
  for (const file of files) {
    const id = file.slice(0, -'.cable'.length);
    assert.equal(index.resolve(id), pathToFileURL(join(corpusDir, file)).href, id);
    if (index.get(pathToFileURL(join(corpusDir, file)).href)?.id === id.toUpperCase()) fromText++;
  }
  // How many REF items and mentions lead to another cable of the corpus.
  let resolved = 0;
  let named = 0;
  for (const file of files) {
    const model = parseCable(readFileSync(join(corpusDir, file), 'utf8'));
    for (const o of cableIdOccurrences(model)) {
      named++;
      if (index.resolve(o.cableId)) resolved++;
    }
  }
  t.diagnostic(
    `indexed ${index.size} cables in ${Math.round(ms)} ms; ${fromText} ids read from the text match the file name; ` +
      `${resolved} of ${named} cable ids named in the corpus resolve to a corpus file`,
  );
  assert.ok(fromText > files.length * 0.9, `ids read from the text: ${fromText}`);
});
