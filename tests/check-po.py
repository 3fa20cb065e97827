#!/usr/bin/env python3
"""Checks the translations in po/: each LANG.po of po/LINGUAS is complete for the current sources.

Usage: check-po.py SOURCE_ROOT MSGFMT XGETTEXT MSGCMP

For each language, as TAP:
- `msgfmt --check --statistics` accepts LANG.po and counts only translated messages (no fuzzy,
  no untranslated);
- every message that xgettext extracts today from po/POTFILES.in is translated in LANG.po (a
  catalogue that is complete but stale fails here: run `ninja -C _build article-annotator-update-po`
  and translate what it adds);
- a mnemonic label of the window keeps exactly one mnemonic, on an ASCII letter or digit;
- what must stay as it is stays: command-line options, file extensions, JSON paths, label ids,
  key names and format names.
"""
import os
import re
import subprocess
import sys
import tempfile

# meson's i18n preset 'glib', as po/meson.build uses it; xgettext's default C keywords (gettext,
# ngettext …) stay on.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

# Kept verbatim in every translation when the English has them.
KEPT = re.compile(
    r'--[a-z][a-z-]*'                                      # command-line options
    r'|\.(?:json|jsonl|txt|ann|conll|csv|html|xml)\b'      # file extensions
    r'|\$(?:\.[A-Za-z_@][\w@]*|\[\d+\])*'                  # JSON paths
    r'|\b(?:PER|LOC|ORG|DOC|EVENT|DATE|MISC)\b'            # the default label ids
    r'|# label:'                                           # the gazetteer header line
    r'|\bCtrl\+[\w+?]+|\b(?:Enter|Backspace|Tab|TAB)\b'    # keys
    r'|\b(?:brat|CoNLL|doccano|Label Studio|W3C|JSON|CSV|HTML|IOB1|IOB2|BIOES|UTF-8|UTF-16'
    r'|NFC|Wikidata|ANN_DATA_DIR|suggest-rules\.json)\b')


def unquote(text):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), text)


def read_po(path):
    """The entries of @path: dicts of references, flags, msgctxt, msgid, msgid_plural, msgstr."""
    entries, entry, field = [], None, None
    with open(path, encoding='utf-8') as po:
        for line in po.read().splitlines() + ['']:
            if not line.strip():
                if entry and 'msgid' in entry:
                    entries.append(entry)
                entry, field = None, None
                continue
            if entry is None:
                entry = {'refs': [], 'flags': [], 'msgstr': []}
            if line.startswith('#~'):
                entry['obsolete'] = True
            elif line.startswith('#:'):
                entry['refs'] += line[2:].split()
            elif line.startswith('#,'):
                entry['flags'] += [flag.strip() for flag in line[2:].split(',')]
            elif line.startswith('#'):
                pass
            else:
                match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
                if match:
                    field = match.group(1)
                    value = unquote(match.group(2))
                    if field.startswith('msgstr'):
                        entry['msgstr'].append(value)
                    else:
                        entry[field] = value
                elif line.startswith('"') and field:
                    value = unquote(line[1:-1])
                    if field.startswith('msgstr'):
                        entry['msgstr'][-1] += value
                    else:
                        entry[field] += value
    return [e for e in entries if e['msgid'] and not e.get('obsolete')]


def check_statistics(msgfmt, po):
    result = subprocess.run([msgfmt, '--check', '--statistics', '-o', os.devnull, po],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    output = (result.stdout + result.stderr).strip()
    problems = [] if result.returncode == 0 else ['msgfmt failed: ' + output]
    if not re.fullmatch(r'\d+ translated messages?\.', output):
        problems.append('msgfmt says: ' + output)
    return problems, output


def check_current(root, xgettext, msgcmp, po):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'current.pot')
        result = subprocess.run([xgettext, '--package-name=article-annotator', '-D', root,
                                 '-f', os.path.join(root, 'po', 'POTFILES.in'), '-o', pot]
                                + XGETTEXT_ARGS, capture_output=True, text=True)
        if result.returncode != 0:
            return ['xgettext failed: ' + result.stderr.strip()]
        problems = ['xgettext: ' + line for line in result.stderr.splitlines() if line.strip()]
        result = subprocess.run([msgcmp, po, pot], capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL='C'))
        if result.returncode != 0:
            problems += result.stderr.strip().splitlines()[:40]
    return problems


def check_mnemonics(entries):
    problems = []
    for entry in entries:
        if not any(ref.startswith('src/ui/') for ref in entry['refs']):
            continue
        msgid = entry['msgid']
        if msgid.count('_') != 1 or not re.search(r'_\w', msgid):
            continue
        for msgstr in entry['msgstr']:
            if msgstr.count('_') != 1 or not re.search(r'_[A-Za-z0-9]', msgstr):
                problems.append('mnemonic: %r -> %r' % (msgid, msgstr))
    return problems


def check_kept(entries):
    problems = []
    for entry in entries:
        wanted = set(KEPT.findall(entry['msgid']) + KEPT.findall(entry.get('msgid_plural', '')))
        for msgstr in entry['msgstr']:
            for token in sorted(wanted):
                if token not in msgstr:
                    problems.append('%r lost %r: %r' % (entry['msgid'], token, msgstr))
    return problems


def main():
    root, msgfmt, xgettext, msgcmp = sys.argv[1:5]
    po_dir = os.path.join(root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as linguas:
        languages = [word for line in linguas for word in line.split('#')[0].split()]

    checks = []
    for lang in languages:
        po = os.path.join(po_dir, lang + '.po')
        problems, statistics = check_statistics(msgfmt, po)
        checks.append(('%s.po compiles, all translated (%s)' % (lang, statistics), problems))
        checks.append(('%s.po translates every message of the current sources' % lang,
                       check_current(root, xgettext, msgcmp, po)))
        entries = read_po(po)
        checks.append(('%s.po keeps one mnemonic per label' % lang, check_mnemonics(entries)))
        checks.append(('%s.po keeps options, extensions, paths, label ids, keys and format names'
                       % lang, check_kept(entries)))

    if not checks:
        print('1..0 # SKIP no language in po/LINGUAS')
        return 0
    print('1..%d' % len(checks))
    failed = 0
    for number, (name, problems) in enumerate(checks, 1):
        for problem in problems:
            print('# ' + problem.replace('\n', '\\n'))
        print('%s %d - %s' % ('not ok' if problems else 'ok', number, name))
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
