/**
 * TAGS rules (cable-format.md 1.13 and section 4): the line must be there (from March 1973), spelled
 * `TAGS`, and its codes must be in the dictionary (with the team's `cable.tags.extra`).
 */
import { TAGS_START, anchorRange, hasText, onOrAfter, type Finding, type Rule } from './common.ts';
import { upperCased } from '../text.ts';

export const tagsRules: Rule[] = [
  {
    code: 'tags-missing',
    severity: 'warning',
    family: 'tags',
    description: 'No TAGS line (required from 1 March 1973), or a TAGS line that lists no codes.',
    check(ctx, report) {
      const { doc } = ctx;
      if (doc.tags && doc.tags.tags.length === 0) {
        report({ range: doc.tags.keyword.range, message: 'The TAGS line lists no codes; expected at least one subject TAG, e.g. TAGS: PREL, PGOV' });
        return;
      }
      if (doc.tags || !hasText(ctx) || !onOrAfter(ctx, TAGS_START)) return;
      if (!doc.banner && !doc.eo && !doc.subject) return;
      report({
        range: doc.eo?.range ?? anchorRange(ctx),
        message: 'The cable has no TAGS line; expected one after the E.O. line with at least one subject TAG, e.g. TAGS: PREL, PGOV',
      });
    },
  },
  {
    code: 'tags-keyword',
    severity: 'warning',
    family: 'tags',
    description: 'A misspelled TAGS keyword (`TAG:`, `TGS`, `TAGE`).',
    check(ctx, report) {
      const t = ctx.doc.tags;
      if (!t?.keywordMisspelled) return;
      // The keyword token may carry the space after it (`TAG `): the squiggle and the fix leave it alone.
      const written = t.keyword.text.trimEnd();
      const r = t.keyword.range;
      const range = r.start.line === r.end.line ? { start: r.start, end: { line: r.start.line, character: r.start.character + written.length } } : r;
      const right = written.endsWith(':') ? 'TAGS:' : 'TAGS';
      report({
        range,
        message: `'${written}' is not the TAGS keyword; expected ${right}`,
        fix: { title: `Change to ${right}`, edits: [{ range, newText: right }], preferred: true },
      });
    },
  },
  {
    code: 'tags-unknown',
    severity: 'warning',
    family: 'tags',
    description: 'A TAGS code in no dictionary (subject, program, geographic, organization, or `cable.tags.extra`); the message offers the likely intended code for a slip of a two- or four-letter code or a known misspelling, never for a post\'s or mission\'s name (`USEU`) or a name written in words (`POLITICAL PARTIES`). A warning for four-letter codes and known misspellings, information for other shapes (geographic codes, freestyle names).',
    check(ctx, report) {
      const t = ctx.doc.tags;
      if (!t) return;
      for (const tag of t.tags) {
        if (tag.kind === 'person') continue;
        const code = upperCased(tag.code);
        if (code === '' || ctx.dict.lookupTag(code)) continue;
        if (tag.kind === 'freestyle') {
          // A name written in words (`POLITICAL PARTIES`): no code was mistyped, so none is offered.
          report({
            range: tag.range,
            message: `'${tag.text}' is a name written in words, not a TAGS code; expected TAGS codes only, or add it to ${ctx.setting('tags.extra')} to accept it`,
            severity: 'information',
          });
          continue;
        }
        const typo = ctx.dict.typo(code)?.correct ?? [];
        const post = typo.length ? undefined : ctx.dict.post(code);
        if (post !== undefined) {
          // A post or mission written freestyle (`USEU`, `USNATO`): a name, not a slip for a code.
          report({
            range: tag.range,
            message: `'${tag.text}' is the name of a post or mission (${post}), not a TAGS code; expected TAGS codes only, or add it to ${ctx.setting('tags.extra')} to accept it`,
            severity: 'information',
          });
          continue;
        }
        const candidates = typo.length ? typo : ctx.dict.suggest(code);
        const f: Finding = {
          range: tag.range,
          message:
            `Unknown TAGS code '${tag.text}'` +
            (candidates.length
              ? `; did you mean ${candidates.slice(0, 3).join(', ')}?`
              : `; expected a subject, program, geographic or organization TAG (team codes go in ${ctx.setting('tags.extra')})`),
        };
        if (candidates.length === 1) {
          // `[PRELL](#)` (a WikiLeaks link) keeps its brackets: only the code itself is replaced.
          const at = tag.text.toUpperCase().indexOf(code);
          const range =
            at > 0 && tag.range.start.line === tag.range.end.line
              ? { start: { line: tag.range.start.line, character: tag.range.start.character + at }, end: { line: tag.range.start.line, character: tag.range.start.character + at + code.length } }
              : tag.range;
          f.fix = { title: `Change '${code}' to '${candidates[0]}'`, edits: [{ range, newText: candidates[0]! }], preferred: typo.length === 1 };
        }
        // Four-letter subject/program codes and known misspellings are mistakes to fix. Anything else is
        // information: two-letter geographic codes changed over the decades (UR, YG, RH…), and longer
        // words are mostly personal names written freestyle (CLINTON HILLARY) or retired programs.
        if (typo.length === 0 && !/^[A-Z]{4}$/.test(code)) f.severity = 'information';
        report(f);
      }
    },
  },
];
