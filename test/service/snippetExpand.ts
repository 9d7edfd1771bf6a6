/**
 * Expands a VS Code snippet body as the editor inserts it, before the writer types anything: variables
 * (`CURRENT_YEAR`, …) resolved for a fixed clock, their transforms applied (regex and format string, with
 * `${1:/upcase}`, `${n:+if}`, `${n:-else}`, `${n:?if:else}`), placeholders and choices at their first value,
 * mirrors of a tab stop given its value, `$0` empty. A tab stop's own transform (`${2/(.).*\/$1/}`) is not
 * applied: the editor applies it only when the writer tabs out of that placeholder, so as inserted the
 * mirror shows the value as it is. It follows the snippet grammar of the VS Code docs
 * ("Snippet syntax"); the extension-host suite checks the real editor's insertion.
 */

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date and time variables for a clock reading (the editor's local time). */
export function clockVariables(y: number, month: number, day: number, hour: number, minute: number): Record<string, string> {
  return {
    CURRENT_YEAR: String(y),
    CURRENT_YEAR_SHORT: String(y).slice(-2),
    CURRENT_MONTH: pad2(month),
    CURRENT_MONTH_NAME_SHORT: MONTH_SHORT[month - 1]!,
    CURRENT_DATE: pad2(day),
    CURRENT_HOUR: pad2(hour),
    CURRENT_MINUTE: pad2(minute),
  };
}

/** Reads up to the unescaped `end` character from `i`; returns the text (escapes kept for regexes) and the index after `end`. */
function until(s: string, i: number, end: string, keepEscapes: boolean): [string, number] {
  let out = '';
  // A format string's `${1:/upcase}` holds a slash that does not end it.
  let inFormat = 0;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === '$' && s[i + 1] === '{') inFormat++;
    else if (c === '}' && inFormat > 0) inFormat--;
    else if (inFormat > 0) {
      out += c;
      continue;
    }
    if (c === '\\' && i + 1 < s.length) {
      const next = s[++i]!;
      out += keepEscapes && next !== '/' ? `\\${next}` : next;
      continue;
    }
    if (c === end) return [out, i + 1];
    out += c;
  }
  throw new Error(`unterminated snippet element, expected '${end}'`);
}

/** A format string of a transform applied to one match's groups. */
function format(fmt: string, groups: (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '\\' && i + 1 < fmt.length) {
      out += fmt[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const simple = /^\$(\d+)/.exec(fmt.slice(i));
    if (simple) {
      out += groups[Number(simple[1])] ?? '';
      i += simple[0].length - 1;
      continue;
    }
    // The operation after the colon (`/upcase`, `+if`, `?if:else`, `-else`, `else`) is read below.
    const m = /^\$\{(\d+)(?::([^}]*))?\}/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    const value = groups[Number(m[1])];
    const op = m[2];
    if (op === undefined) out += value ?? '';
    else if (op === '/upcase') out += (value ?? '').toUpperCase();
    else if (op === '/downcase') out += (value ?? '').toLowerCase();
    else if (op.startsWith('+')) out += value ? op.slice(1) : '';
    else if (op.startsWith('?')) {
      const [ifValue, elseValue] = op.slice(1).split(':');
      out += value ? ifValue : elseValue;
    } else out += value || (op.startsWith('-') ? op.slice(1) : op);
    i += m[0].length - 1;
  }
  return out;
}

function transform(value: string, regex: string, fmt: string, options: string): string {
  let matched = false;
  const out = value.replace(new RegExp(regex, options), (...args: unknown[]) => {
    matched = true;
    const groups = args.slice(0, -2) as (string | undefined)[];
    // A named-group object is passed last when the regex has named groups.
    if (typeof groups[groups.length - 1] === 'object') groups.pop();
    return format(fmt, groups);
  });
  // Like the editor: no match leaves the value, unless the format has an else branch to give.
  if (!matched && /\$\{\d+:(?![+/])/.test(fmt)) return format(fmt, []);
  return out;
}

/** Expands `body` (the lines of a snippet joined by `\n`) with the variables given. */
export function expandSnippet(body: string, variables: Record<string, string>): string {
  const values = new Map<number, string>();
  const expand = (s: string): string => {
    let out = '';
    for (let i = 0; i < s.length; ) {
      const c = s[i]!;
      if (c === '\\' && i + 1 < s.length) {
        out += s[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const bare = /^\$(\d+|[A-Z_]\w*)/i.exec(s.slice(i));
      if (bare) {
        const name = bare[1]!;
        out += /^\d/.test(name) ? (values.get(Number(name)) ?? '') : (variables[name] ?? '');
        i += bare[0].length;
        continue;
      }
      const head = /^\$\{(\d+|[A-Z_]\w*)([:|/}])/i.exec(s.slice(i));
      if (!head) throw new Error(`unreadable snippet element at ${JSON.stringify(s.slice(i, i + 20))}`);
      const name = head[1]!;
      const tabStop = /^\d/.test(name) ? Number(name) : undefined;
      const own = (): string => (tabStop !== undefined ? (values.get(tabStop) ?? '') : (variables[name] ?? ''));
      let j = i + head[0].length;
      switch (head[2]) {
        case '}':
          out += own();
          break;
        case '|': {
          const [choices, k] = until(s, j, '|', false);
          if (s[k] !== '}') throw new Error('choice not closed with |}');
          const first = choices.split(',')[0]!;
          if (tabStop !== undefined && !values.has(tabStop)) values.set(tabStop, first);
          out += first;
          j = k + 1;
          break;
        }
        case '/': {
          const [regex, a] = until(s, j, '/', true);
          const [fmt, b] = until(s, a, '/', true);
          const [options, k] = until(s, b, '}', false);
          out += tabStop !== undefined ? own() : transform(own(), regex, fmt, options);
          j = k;
          break;
        }
        default: {
          // A placeholder's default or a variable's fallback: everything up to the matching brace.
          let depth = 1;
          let k = j;
          for (; k < s.length && depth > 0; k++) {
            if (s[k] === '\\') k++;
            else if (s[k] === '{' && s[k - 1] === '$') depth++;
            else if (s[k] === '}') depth--;
          }
          const inner = expand(s.slice(j, k - 1));
          const value = tabStop !== undefined ? inner : (variables[name] ?? inner);
          if (tabStop !== undefined && !values.has(tabStop)) values.set(tabStop, value);
          out += value;
          j = k;
        }
      }
      i = j;
    }
    return out;
  };
  // Twice: a mirror may stand before the tab stop it repeats.
  expand(body);
  return expand(body);
}
