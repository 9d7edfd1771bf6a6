#!/usr/bin/env python3
"""Writes the caret lines of the grammar assertion tests from `*.cable.spec` files.

A spec holds synthetic cable lines; an indented line below a cable line asserts scopes on a substring:
    '<text>'[#n] scope [scope…] [- excluded-scope…]
(#n = the n-th occurrence, default 1). This only computes columns, so that carets cannot be misaligned
by hand; the expected scopes are the spec's. Run after editing a spec, then commit both files.
"""
import pathlib, re, sys

here = pathlib.Path(__file__).parent
for spec in sorted(here.glob('*.cable.spec')):
    out = ['## SYNTAX TEST "source.cable" "' + spec.name.removesuffix('.cable.spec') + '"']
    last = None
    for raw in spec.read_text(encoding='utf-8').split('\n'):
        m = re.match(r"^\s+'((?:[^'\\]|\\.)*)'(?:#(\d+))?\s+(.*)$", raw)
        if m and last is not None:
            text = m.group(1).replace("\\'", "'")
            n = int(m.group(2) or 1)
            col = -1
            for _ in range(n):
                col = last.find(text, col + 1)
                if col < 0:
                    sys.exit(f'{spec.name}: {text!r} (#{n}) not in {last!r}')
            if col < 2:
                # the `##` would cover these columns: use the `<~-` form, counted from column 0
                out.append('## <' + '~' * col + '-' * len(text) + ' ' + m.group(3))
            else:
                out.append('##' + ' ' * (col - 2) + '^' * len(text) + ' ' + m.group(3))
        elif raw.startswith('##'):
            sys.exit(f'{spec.name}: cable lines must not start with ## ({raw!r})')
        else:
            out.append(raw)
            last = raw
    target = here / spec.name.replace('.cable.spec', '.cable.test')
    target.write_text('\n'.join(out).rstrip('\n') + '\n', encoding='utf-8')
    print('wrote', target.name)
