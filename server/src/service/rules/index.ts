/**
 * The rule catalogue: every diagnostic code, its default severity, family and description, and its
 * check. This is the one place a code is defined; the README table, the settings schema in
 * package.json and the SARIF rule metadata all list exactly these (tests compare them).
 */
import type { Rule } from './common.ts';
import { dtgRules } from './dtg.ts';
import { headerRules } from './header.ts';
import { classificationRules } from './classification.ts';
import { declassificationRules } from './declassification.ts';
import { structureRules } from './structure.ts';
import { tagsRules } from './tags.ts';

export type { Rule, Finding, Fix, Severity, Family, RuleContext, TagDictionary } from './common.ts';

export const RULES: readonly Rule[] = [
  ...dtgRules,
  ...headerRules,
  ...classificationRules,
  ...declassificationRules,
  ...tagsRules,
  ...structureRules,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));

export function ruleCodes(): string[] {
  return RULES.map((r) => r.code);
}
