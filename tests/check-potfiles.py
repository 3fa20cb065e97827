#!/usr/bin/env python3
"""Checks po/POTFILES.in against the sources: every file with translatable strings is listed,
and every listed file exists.

Usage: check-potfiles.py SOURCE_ROOT

Translatable means: a C file under src/ that passes a string literal to _(), N_(), C_(), NC_(),
Q_(), ngettext() or g_d*gettext() (what xgettext extracts with meson's glib preset), a .ui file
under src/ with translatable="yes", and the desktop file, the metainfo and the GSettings schema
under data/. Prints TAP.
"""
import pathlib
import re
import sys

# The keyword, its opening parenthesis, an optional domain argument, then a string literal.
C_STRING = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dgettext|g_dngettext|g_dcgettext|g_dpgettext2?)'
    r'\s*\(\s*(?:GETTEXT_PACKAGE\s*,\s*)?"')
UI_STRING = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
DATA_GLOBS = ('*.desktop.in', '*.metainfo.xml.in', '*.appdata.xml.in', '*.gschema.xml')


def translatable_files(root):
    found = set()
    for path in (root / 'src').rglob('*.c'):
        if C_STRING.search(path.read_text(encoding='utf-8')):
            found.add(path.relative_to(root).as_posix())
    for path in (root / 'src').rglob('*.ui'):
        if UI_STRING.search(path.read_text(encoding='utf-8')):
            found.add(path.relative_to(root).as_posix())
    for pattern in DATA_GLOBS:
        for path in (root / 'data').glob(pattern):
            found.add(path.relative_to(root).as_posix())
    return found


def listed_files(root):
    listed = []
    for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)
    return listed


def main():
    root = pathlib.Path(sys.argv[1])
    found = translatable_files(root)
    listed = listed_files(root)
    checks = []

    missing = sorted(found - set(listed))
    checks.append(('every file with translatable strings is in po/POTFILES.in',
                   ['not listed: ' + name for name in missing]))
    absent = [name for name in listed if not (root / name).is_file()]
    checks.append(('every file in po/POTFILES.in exists', ['no such file: ' + name for name in absent]))
    twice = sorted({name for name in listed if listed.count(name) > 1})
    checks.append(('po/POTFILES.in names each file once', ['listed twice: ' + name for name in twice]))
    # The source must have something to extract at all, or the check above proves nothing.
    checks.append(('the sources have translatable strings',
                   [] if any(name.startswith('src/') for name in found) else ['none found under src/']))

    print('1..%d' % len(checks))
    failed = 0
    for number, (name, problems) in enumerate(checks, 1):
        for problem in problems:
            print('# ' + problem)
        print('%s %d - %s' % ('not ok' if problems else 'ok', number, name))
        failed += bool(problems)
    if missing:
        print('# Add the files to po/POTFILES.in (sorted), then update the translations.')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
