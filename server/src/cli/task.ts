/** Which command's work a thread does, in a form that can be sent to a worker thread. */
import type { CableSettings } from '../service/settings.ts';
import { LintProcessor, type LintFormat } from './lintRecords.ts';
import { ParseProcessor, type ParseFormat } from './parseRecords.ts';
import type { Processor } from './work.ts';

export type TaskSpec = { command: 'lint'; format: LintFormat; cwd: string } | { command: 'parse'; format: ParseFormat };

export interface Task {
  processor: Processor;
  /** cable lint: the settings table, which grows as the walk finds `.cablerc.json` files. */
  setSettings(table: CableSettings[]): void;
}

export function createTask(spec: TaskSpec): Task {
  if (spec.command === 'lint') {
    const processor = new LintProcessor(spec.format, spec.cwd);
    return { processor, setSettings: (t) => processor.setSettings(t) };
  }
  return { processor: new ParseProcessor(spec.format), setSettings: () => undefined };
}
