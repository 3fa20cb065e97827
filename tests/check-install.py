#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-install.py: installs the build into a temporary DESTDIR and checks every file.

Usage: check-install.py MESON BUILDDIR SOURCEDIR

Runs `meson install --destdir TMP`, then checks that the installation is complete and holds
nothing else: the two executables, the desktop file, the AppStream metainfo, the icons, the
GSettings schema, a translation for each language of po/LINGUAS, the manual pages and the data
of PKGDATADIR (sample article, JSON Schema, suggestion rules, every gazetteer of data/). It also
runs the installed executables: `--help`, `validate` on the installed sample, and `suggest`
with ANN_DATA_DIR pointing at the installed data (a DESTDIR install is not at the prefix the
binaries were built for). No root, no network; prints TAP.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = "io.github.articleannotator.ArticleAnnotator"
GETTEXT_PACKAGE = "article-annotator"
MAN_PAGES = ("article-annotator.1", "article-annotator-cli.1")
EXECUTABLES = ("article-annotator", "article-annotator-cli")


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, description, diagnostic=None):
        self.count += 1
        print(("ok" if ok else "not ok") + " %d - %s" % (self.count, description))
        if not ok:
            self.failed += 1
            if diagnostic:
                for line in str(diagnostic).rstrip().splitlines():
                    print("# " + line)
        return ok

    def skip(self, description, reason):
        self.count += 1
        print("ok %d - %s # SKIP %s" % (self.count, description, reason))

    def done(self):
        print("1..%d" % self.count)
        return 1 if self.failed else 0


def run(args, env=None, cwd=None):
    return subprocess.run(args, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=60)


def install_dirs(meson, builddir):
    """The install directories of the build, absolute, from meson introspect."""
    result = run([meson, "introspect", builddir, "--buildoptions"])
    if result.returncode != 0:
        raise RuntimeError("meson introspect failed:\n" + result.stderr)
    options = {o["name"]: o["value"] for o in json.loads(result.stdout)}
    prefix = options["prefix"]
    dirs = {"prefix": prefix}
    for name in ("bindir", "datadir", "mandir", "localedir"):
        dirs[name] = os.path.join(prefix, options[name])
    return dirs


def linguas(sourcedir):
    path = os.path.join(sourcedir, "po", "LINGUAS")
    languages = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0]
                languages.extend(line.split())
    return languages


def main():
    if len(sys.argv) != 4:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    meson, builddir, sourcedir = sys.argv[1:]
    tap = Tap()

    dirs = install_dirs(meson, builddir)
    destdir = tempfile.mkdtemp(prefix="ann-install-")
    try:
        return check(tap, meson, builddir, sourcedir, dirs, destdir)
    finally:
        shutil.rmtree(destdir, ignore_errors=True)


def check(tap, meson, builddir, sourcedir, dirs, destdir):
    env = dict(os.environ)
    env.pop("DESTDIR", None)
    # Without --no-rebuild, meson brings everything up to date first (the window and the
    # translations are no test's dependency); with DESTDIR, gnome.post_install is skipped.
    result = run([meson, "install", "-C", builddir, "--destdir", destdir], env=env)
    if not tap.check(result.returncode == 0, "meson install --destdir succeeds",
                     result.stdout + result.stderr):
        return tap.done()
    # meson says so for each script of gnome.post_install it skips.
    skipped = [line for line in result.stdout.splitlines()
               if "DESTDIR" in line and "glib-compile-schemas" in line]
    tap.check(skipped, "meson skips the post-install scripts with DESTDIR", result.stdout)

    def staged(path):
        # DESTDIR + absolute path, as meson joins them on POSIX.
        return os.path.join(destdir, os.path.relpath(path, "/"))

    bindir, datadir = staged(dirs["bindir"]), staged(dirs["datadir"])
    mandir, localedir = staged(dirs["mandir"]), staged(dirs["localedir"])
    pkgdatadir = os.path.join(datadir, GETTEXT_PACKAGE)

    # --- the list of expected files ---------------------------------------------------------
    expected = {}

    def expect(path, description):
        expected[os.path.normpath(path)] = description

    for exe in EXECUTABLES:
        expect(os.path.join(bindir, exe), "executable " + exe)
    expect(os.path.join(datadir, "applications", APP_ID + ".desktop"), "desktop file")
    expect(os.path.join(datadir, "metainfo", APP_ID + ".metainfo.xml"), "AppStream metainfo")
    expect(os.path.join(datadir, "icons", "hicolor", "scalable", "apps", APP_ID + ".svg"),
           "scalable icon")
    expect(os.path.join(datadir, "icons", "hicolor", "symbolic", "apps",
                        APP_ID + "-symbolic.svg"), "symbolic icon")
    expect(os.path.join(datadir, "glib-2.0", "schemas", APP_ID + ".gschema.xml"),
           "GSettings schema")
    languages = linguas(sourcedir)
    for lang in languages:
        expect(os.path.join(localedir, lang, "LC_MESSAGES", GETTEXT_PACKAGE + ".mo"),
               "translation " + lang)
    for page in MAN_PAGES:
        expect(os.path.join(mandir, "man1", page), "manual page " + page)
    for name in ("sample-article.txt", "sample-article.json", "article-annotator.schema.json",
                 "suggest-rules.json"):
        expect(os.path.join(pkgdatadir, name), "data file " + name)
    gazetteers = sorted(n for n in os.listdir(os.path.join(sourcedir, "data", "gazetteers"))
                        if n.endswith(".txt"))
    tap.check(len(gazetteers) > 0, "the source tree has gazetteers")
    for name in gazetteers:
        expect(os.path.join(pkgdatadir, "gazetteers", name), "gazetteer " + name)

    # --- every expected file is there, and nothing else -------------------------------------
    for path, description in sorted(expected.items(), key=lambda item: item[0]):
        rel = os.path.relpath(path, destdir)
        ok = os.path.isfile(path) and os.path.getsize(path) > 0
        hint = ""
        if description.startswith("translation "):
            hint = "\n(meson reads po/LINGUAS when it configures: reconfigure after changing it)"
        tap.check(ok, "installed: %s (%s)" % (rel, description),
                  None if ok else "missing or empty: " + path + hint)

    installed = set()
    for root, _dirs, files in os.walk(destdir):
        for name in files:
            installed.add(os.path.normpath(os.path.join(root, name)))
    unexpected = sorted(os.path.relpath(p, destdir) for p in installed - set(expected))
    tap.check(not unexpected, "nothing else is installed",
              "unexpected: " + ", ".join(unexpected) +
              "\n(add them to tests/check-install.py if they belong to the installation)")

    # gnome.post_install must not have run on the staged tree (meson skips it with DESTDIR):
    # caches built there would be wrong for the real system.
    caches = [os.path.join(datadir, "glib-2.0", "schemas", "gschemas.compiled"),
              os.path.join(datadir, "icons", "hicolor", "icon-theme.cache"),
              os.path.join(datadir, "applications", "mimeinfo.cache")]
    tap.check(not any(os.path.exists(c) for c in caches),
              "post-install caches are left to the real installation")

    # --- the executables ---------------------------------------------------------------------
    for exe in EXECUTABLES:
        path = os.path.join(bindir, exe)
        mode = os.stat(path).st_mode if os.path.exists(path) else 0
        tap.check(stat.S_ISREG(mode) and mode & stat.S_IXUSR and mode & stat.S_IXOTH,
                  "%s is executable by everyone" % exe)

    cli = os.path.join(bindir, "article-annotator-cli")
    gui = os.path.join(bindir, "article-annotator")
    run_env = dict(env)
    for name in ("ANN_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY"):
        run_env.pop(name, None)
    run_env["LC_ALL"] = "C.UTF-8"

    result = run([gui, "--help"], env=run_env)
    tap.check(result.returncode == 0 and "Usage:" in result.stdout,
              "the installed window runs (--help, no display)",
              result.stdout + result.stderr)

    result = run([cli, "--version"], env=run_env)
    tap.check(result.returncode == 0 and result.stdout.startswith("article-annotator-cli "),
              "article-annotator-cli --version", result.stdout + result.stderr)

    sample = os.path.join(pkgdatadir, "sample-article.json")
    result = run([cli, "validate", sample], env=run_env)
    tap.check(result.returncode == 0 and ": valid, " in result.stdout,
              "the installed CLI validates the installed sample",
              result.stdout + result.stderr)

    with tempfile.TemporaryDirectory(prefix="ann-install-run-") as work:
        imported = os.path.join(work, "article.json")
        result = run([cli, "import", "--from", "txt",
                      os.path.join(pkgdatadir, "sample-article.txt"), "-o", imported],
                     env=run_env)
        tap.check(result.returncode == 0, "the installed CLI imports the installed article",
                  result.stdout + result.stderr)
        suggest_env = dict(run_env, ANN_DATA_DIR=pkgdatadir)
        suggested = os.path.join(work, "suggested.json")
        result = run([cli, "suggest", imported, "-o", suggested], env=suggest_env)
        added = 0
        if result.returncode == 0:
            try:
                added = int(result.stdout.rsplit(": ", 1)[1].split()[0])
            except (IndexError, ValueError):
                pass
        tap.check(added > 0,
                  "the installed CLI suggests with the installed rules and gazetteers",
                  result.stdout + result.stderr)

    # --- the desktop file and the metainfo agree with what is installed ----------------------
    desktop = os.path.join(datadir, "applications", APP_ID + ".desktop")
    entries = {}
    if os.path.exists(desktop):
        with open(desktop, encoding="utf-8") as f:
            for line in f:
                if "=" in line and not line.startswith("#"):
                    key, value = line.rstrip("\n").split("=", 1)
                    entries.setdefault(key, value)
    exec_program = entries.get("Exec", "").split(" ")[0]
    tap.check(os.path.exists(os.path.join(bindir, exec_program)),
              "the desktop file's Exec names an installed executable", "Exec=" + exec_program)
    tap.check(entries.get("Icon") == APP_ID, "the desktop file's Icon is the installed icon",
              "Icon=%s" % entries.get("Icon"))

    metainfo = os.path.join(datadir, "metainfo", APP_ID + ".metainfo.xml")
    try:
        root = ET.parse(metainfo).getroot()
    except (OSError, ET.ParseError) as error:
        tap.check(False, "the metainfo parses", error)
        return tap.done()
    tap.check(root.findtext("id") == APP_ID, "the metainfo's id is the application id")
    launchable = root.findtext("launchable")
    tap.check(launchable is not None and
              os.path.exists(os.path.join(datadir, "applications", launchable)),
              "the metainfo's launchable is the installed desktop file", launchable)
    binaries = [b.text for b in root.iter("binary")]
    tap.check(sorted(binaries) == sorted(EXECUTABLES) and
              all(os.path.exists(os.path.join(bindir, b)) for b in binaries),
              "the metainfo provides the installed executables", binaries)
    images = [i.text.strip() for i in root.iter("image")]
    prefix = "https://raw.githubusercontent.com/articleannotator/article-annotator/main/"
    missing = [u for u in images if not u.startswith(prefix) or
               not os.path.isfile(os.path.join(sourcedir, u[len(prefix):]))]
    tap.check(images and not missing,
              "every screenshot of the metainfo is a file of the repository",
              "not found: " + ", ".join(missing))
    tap.check(root.find("releases/release/description") is not None and
              root.find("content_rating") is not None,
              "the metainfo has release notes and a content rating")

    for tool, args, description in (
            ("desktop-file-validate", [desktop], "desktop-file-validate the installed file"),
            ("appstreamcli", ["validate", "--no-net", metainfo],
             "appstreamcli validate the installed metainfo")):
        program = shutil.which(tool)
        if program is None:
            tap.skip(description, tool + " is not installed")
            continue
        result = run([program] + args, env=run_env)
        tap.check(result.returncode == 0, description, result.stdout + result.stderr)

    # --- the schema compiles and is readable where the post-install script would put it ------
    schemas = os.path.join(datadir, "glib-2.0", "schemas")
    compiler = shutil.which("glib-compile-schemas")
    if compiler is None:
        tap.skip("the installed schema compiles", "glib-compile-schemas is not installed")
    else:
        with tempfile.TemporaryDirectory(prefix="ann-install-schemas-") as target:
            result = run([compiler, "--strict", "--targetdir", target, schemas], env=run_env)
            ok = tap.check(result.returncode == 0, "the installed schema compiles (--strict)",
                           result.stdout + result.stderr)
            gsettings = shutil.which("gsettings")
            if ok and gsettings is not None:
                result = run([gsettings, "--schemadir", target, "list-keys", APP_ID],
                             env=dict(run_env, GSETTINGS_BACKEND="memory"))
                tap.check(result.returncode == 0 and "annotator-name" in result.stdout.split(),
                          "gsettings reads the compiled schema", result.stdout + result.stderr)

    # --- translations ------------------------------------------------------------------------
    if not languages:
        tap.skip("the translations are gettext catalogues", "po/LINGUAS lists no language")
    for lang in languages:
        path = os.path.join(localedir, lang, "LC_MESSAGES", GETTEXT_PACKAGE + ".mo")
        magic = b""
        if os.path.exists(path):
            with open(path, "rb") as f:
                magic = f.read(4)
        tap.check(magic in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"),
                  "%s is a gettext catalogue" % os.path.relpath(path, destdir))

    # --- manual pages ------------------------------------------------------------------------
    groff = shutil.which("groff")
    for page in MAN_PAGES:
        path = os.path.join(mandir, "man1", page)
        if not os.path.exists(path):
            continue  # reported above
        with open(path, encoding="utf-8") as f:
            text = f.read()
        name = page.rsplit(".", 1)[0]
        tap.check(".TH %s 1 " % name.upper() in text and "\n.SH NAME\n%s \\-" % name in text,
                  "%s has a title and a NAME section for %s" % (page, name))
        if groff is None:
            tap.skip("groff reads %s without warnings" % page, "groff is not installed")
            continue
        result = run([groff, "-man", "-Tutf8", "-ww", "-z", path],
                     env=dict(run_env, LC_ALL="C.UTF-8"))
        tap.check(result.returncode == 0 and not result.stderr.strip(),
                  "groff reads %s without warnings" % page, result.stderr)

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
