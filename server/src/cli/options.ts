/** The options `cable lint` and `cable parse` share, read the same way for both. */
import { availableParallelism } from 'node:os';
import { DEFAULT_EXTENSIONS } from './inputs.ts';

/**
 * Default threads: one per core, at most this many. Each worker holds the engine and the TAGS dictionary
 * (some 20 MB), so the cap keeps the whole process within its memory bound on a machine with many cores.
 */
const MAX_DEFAULT_THREADS = 4;

export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_THREADS));
}

export interface Args<F extends string> {
  format: F;
  /** --jobs N; undefined for the default (see pool.ts: one per core, fewer on a busy machine). */
  threads?: number;
  extensions: string[];
  config?: string;
  paths: string[];
  help: boolean;
}

export interface ArgSpec<F extends string> {
  formats: readonly F[];
  defaultFormat: F;
  /** Whether `--config FILE` is accepted (cable lint). */
  config: boolean;
  /** Old option names still accepted, with the format they stand for. */
  formatAliases?: Record<string, F>;
}

export const COMMON_OPTIONS = `  --jobs N, -j N             threads, the main one included (default: one per idle core, at most ${MAX_DEFAULT_THREADS};
                             1: no worker threads; workers join runs longer than a second)
  --ext LIST                 extensions a folder walk takes (default: ${DEFAULT_EXTENSIONS.join(',')}); files other than
                             .cable are taken only when their first lines read as a cable
  -                          read standard input (one cable, or many one after another)
  --help, -h                 show this help`;

/** The arguments, or a message saying what is wrong with them. */
export function parseArgs<F extends string>(argv: string[], spec: ArgSpec<F>): Args<F> | string {
  const a: Args<F> = { format: spec.defaultFormat, extensions: DEFAULT_EXTENSIONS, paths: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      a.paths.push(...argv.slice(i + 1));
      break;
    }
    // --name=value, and -jN (a short option with its value attached)
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const attached = !arg.startsWith('--') && arg.length > 2 && arg.startsWith('-j');
    const name = eq > 0 ? arg.slice(0, eq) : attached ? '-j' : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : attached ? arg.slice(2) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (name === '--help' || name === '-h') a.help = true;
    else if (spec.formatAliases && name in spec.formatAliases) a.format = spec.formatAliases[name]!;
    else if (name === '--format' || name === '-f') {
      const v = value();
      if (!spec.formats.includes(v as F)) return `--format must be ${spec.formats.join(', ')}${v === undefined ? '' : ` (got '${v}')`}`;
      a.format = v as F;
    } else if (name === '--jobs' || name === '-j') {
      const v = value();
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 1) return `--jobs needs a whole number of threads, 1 or more${v === undefined ? '' : ` (got '${v}')`}`;
      a.threads = n;
    } else if (name === '--ext') {
      const v = value();
      const list = (v ?? '').split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
      if (!list.length) return '--ext needs a list of extensions, such as cable,txt';
      a.extensions = list;
    } else if (spec.config && (name === '--config' || name === '-c')) {
      const v = value();
      if (!v) return '--config needs a file';
      a.config = v;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else a.paths.push(arg);
  }
  return a;
}
