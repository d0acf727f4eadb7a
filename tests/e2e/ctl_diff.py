#!/usr/bin/python3
"""Differential runner for ovn-nbctl / ovn-sbctl.

Runs the same command script through two implementations ("ours" and
"theirs"), each against its own database, and compares, command by
command, the exit status, stdout and stderr (UUIDs normalised), then the
final database contents (ovsdb-client dump, UUIDs normalised).  Prints
every difference; exits 1 if there was any, 0 otherwise.

usage: ctl_diff.py SCRIPT OURS_BIN OURS_DB THEIRS_BIN THEIRS_DB DBNAME
       ctl_diff.py --golden FILE BIN DB

In --golden mode, FILE holds "### COMMAND" lines, each followed by the exact
output expected (stdout and stderr together, UUIDs as <uuid>); BIN runs each
command against DB and every mismatch is printed.  "### sort: COMMAND"
compares after sorting sibling blocks (see tree_sort()).

SCRIPT has one command per line: the arguments that follow the program
name, in shell syntax.  Blank lines and lines starting with '#' are
ignored.  Line prefixes:
  sort:       compare outputs after sorting indented blocks recursively
              (for "show", whose row order follows UUIDs)
  rows:       compare outputs after sorting blank-line-separated records
              (for "list" and "find")
  set NAME:   also store the command's trimmed stdout in NAME, per side
  %NAME%      anywhere in a line is replaced by that side's stored value
  %NAME:N%    the same, truncated to its first N characters
"""

import json
import re
import shlex
import subprocess
import sys

UUID_RE = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-'
                     r'[0-9a-f]{12}')


TIME_RE = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z')


SHORT_UUID_RE = re.compile(r'uuid=0x[0-9a-f]{8}\b')


def norm(text):
    """Replaces UUIDs (also lflow-list's 32-bit "uuid=0x..." prefixes) and
    log timestamps by placeholders."""
    text = SHORT_UUID_RE.sub('uuid=0x<uuid>', UUID_RE.sub('<uuid>', text))
    return TIME_RE.sub('<time>', text)


def tree_sort(lines, indent=0):
    """Sorts sibling blocks (a line plus its more-indented followers)."""
    blocks = []
    i = 0
    while i < len(lines):
        head = lines[i]
        depth = len(head) - len(head.lstrip(' '))
        j = i + 1
        while j < len(lines) and \
                len(lines[j]) - len(lines[j].lstrip(' ')) > depth:
            j += 1
        children = tree_sort(lines[i + 1:j])
        blocks.append([head] + children)
        i = j
    blocks.sort()
    return [line for block in blocks for line in block]


def record_sort(text):
    """Sorts the blank-line-separated records of 'text'."""
    records = [r for r in text.split('\n\n') if r.strip()]
    return '\n\n'.join(sorted(r.strip('\n') for r in records)) + '\n'


def run(binary, db, args, sort):
    proc = subprocess.run([binary, '--db=' + db] + args,
                          capture_output=True, text=True, timeout=60)
    out = norm(proc.stdout)
    err = norm(proc.stderr)
    if sort == 'tree':
        out = '\n'.join(tree_sort(out.splitlines())) + '\n'
    elif sort == 'rows':
        out = record_sort(out)
    return proc.returncode, out, err, proc.stdout.strip()


def dump(db, dbname):
    proc = subprocess.run(['ovsdb-client', '-f', 'json', 'dump', db, dbname],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        return {}
    tables = {}
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        for obj in [json.loads(line)]:
            objs = obj if isinstance(obj, list) else [obj]
            for t in objs:
                caption = t.get('caption', '')
                name = caption.split()[0] if caption else '?'
                heads = t['headings']
                rows = []
                for row in t['data']:
                    cells = {h: json.dumps(v, sort_keys=True)
                             for h, v in zip(heads, row)
                             if h not in ('_uuid', '_version')}
                    rows.append(norm(json.dumps(cells, sort_keys=True)))
                tables[name] = sorted(rows)
    return tables


def golden(path, binary, db):
    """Runs the commands of golden file 'path', comparing exact output."""
    with open(path) as f:
        lines = f.read().splitlines()
    cases = []
    for line in lines:
        if line.startswith('### '):
            cases.append((line[4:], []))
        elif cases:
            cases[-1][1].append(line)
    n_bad = 0
    for cmd, expected in cases:
        sort = cmd.startswith('sort: ')
        if sort:
            cmd = cmd[6:]
            expected = tree_sort(expected)
        proc = subprocess.run([binary, '--db=' + db] + shlex.split(cmd),
                              stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True,
                              timeout=60)
        actual = norm(proc.stdout).splitlines()
        if sort:
            actual = tree_sort(actual)
        if actual != expected:
            n_bad += 1
            print('MISMATCH: %s' % cmd)
            for l in expected:
                print('  expected| ' + l)
            for l in actual:
                print('  actual  | ' + l)
    print('%d commands, %d mismatches' % (len(cases), n_bad))
    return 1 if n_bad else 0


def main():
    if sys.argv[1] == '--golden':
        return golden(*sys.argv[2:5])
    script, ours, ours_db, theirs, theirs_db, dbname = sys.argv[1:7]
    sides = [(ours, ours_db, {}), (theirs, theirs_db, {})]
    n_cmds = n_diff = 0
    with open(script) as f:
        lines = f.read().splitlines()
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        sort = False
        var = None
        if line.startswith('sort:'):
            sort = 'tree'
            line = line[5:].strip()
        elif line.startswith('rows:'):
            sort = 'rows'
            line = line[5:].strip()
        m = re.match(r'set (\w+):\s*(.*)', line)
        if m:
            var, line = m.group(1), m.group(2)
        results = []
        for binary, db, env in sides:
            text = re.sub(r'%(\w+)(?::(\d+))?%',
                          lambda mm: env.get(mm.group(1), '')[
                              :int(mm.group(2)) if mm.group(2) else None],
                          line)
            rc, out, err, raw = run(binary, db, shlex.split(text), sort)
            if var:
                env[var] = raw
            results.append((rc, out, err))
        n_cmds += 1
        if results[0] != results[1]:
            n_diff += 1
            print('DIFF line %d: %s' % (lineno, line))
            for label, (rc, out, err) in zip(('ours', 'theirs'), results):
                print('  %s: rc=%d' % (label, rc))
                for l in out.splitlines():
                    print('    out| ' + l)
                for l in err.splitlines():
                    print('    err| ' + l)
    d_ours = dump(ours_db, dbname)
    d_theirs = dump(theirs_db, dbname)
    n_db_diff = 0
    for table in sorted(set(d_ours) | set(d_theirs)):
        a = d_ours.get(table, [])
        b = d_theirs.get(table, [])
        if a != b:
            n_db_diff += 1
            print('DB DIFF in table %s:' % table)
            for r in a:
                if r not in b:
                    print('  only ours:   ' + r)
            for r in b:
                if r not in a:
                    print('  only theirs: ' + r)
    print('%d commands, %d output differences, %d table differences'
          % (n_cmds, n_diff, n_db_diff))
    return 1 if n_diff or n_db_diff else 0


if __name__ == '__main__':
    sys.exit(main())
