#!/usr/bin/env bash
# screenshots.sh: retakes data/screenshots/*.png from the real application, for the README and
# the AppStream metainfo. The window runs under Xvfb (no window manager, so the window sits at
# the top left at its default 1200×800); the HTML report is exported by the command-line tool
# and shot by headless Chromium.
#
# Needs: a build in _build (build-aux/build.sh), xvfb-run, xdotool, xwininfo, ImageMagick
# (import, convert), chromium, and pngquant (optional: without it, convert -colors 256).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BUILDDIR:-$top/_build}
out=$top/data/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# shoot OUT.png CLICK_X CLICK_Y FILE...: opens FILE... in the window, clicks at CLICK_X CLICK_Y
# (an entity, to show it selected; 0 0 for none), captures the screen.
shoot() {
  local png=$1 x=$2 y=$3
  shift 3
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    png=$1 x=$2 y=$3; shift 3
    GSETTINGS_SCHEMA_DIR="$BUILDDIR/data" GSETTINGS_BACKEND=memory ANN_DATA_DIR="$TOP/data" \
      NO_AT_BRIDGE=1 GDK_BACKEND=x11 "$BUILDDIR/src/ui/article-annotator" "$@" 2>/dev/null &
    pid=$!
    sleep 4
    if [ "$x" != 0 ]; then
      xdotool mousemove "$x" "$y" click 1
      sleep 0.3
      xdotool mousemove 1390 890   # no hover tooltip in the picture
      sleep 1
    fi
    import -window root "$png"
    kill "$pid"' shoot "$png" "$x" "$y" "$@"
}

# Writes PNG, reduced to a palette, from the full-colour INPUT.
shrink() {
  if command -v pngquant >/dev/null; then
    pngquant --force --quality=70-95 --speed 1 --strip --output "$2" "$1"
  else
    convert "$1" -strip -colors 256 "$2"
  fi
}

export BUILDDIR=$builddir TOP=$top

# The window with the sample article, "Phan Quốc Hùng" selected.
shoot "$work/window-root.png" 490 247 "$top/data/sample-article.json"
convert "$work/window-root.png" -crop 1200x800+0+0 +repage -strip "$work/window.png"
shrink "$work/window.png" "$out/window.png"

# Review of three annotators' files, the boundary conflict "Tiến Lư" selected in the list.
(cd "$top/tests/data/agreement" &&
  shoot "$work/review-root.png" 1000 462 an.json binh.json chi.json)
convert "$work/review-root.png" -crop 1200x800+0+0 +repage -strip "$work/review.png"
shrink "$work/review.png" "$out/review.png"

# The HTML report of the sample article, as the command line exports it.
"$builddir/src/cli/article-annotator-cli" export --to html "$top/data/sample-article.json" \
  -o "$work/sample.html"
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --hide-scrollbars --window-size=1000,800 --screenshot="$work/export-root.png" \
  "file://$work/sample.html" >/dev/null 2>&1
rm -rf "$profile"
# 790 rows end after a whole line of text.
convert "$work/export-root.png" -crop 1000x790+0+0 +repage -strip "$work/export.png"
shrink "$work/export.png" "$out/export.png"

ls -l "$out"
echo "screenshots.sh: look at each picture before committing it"
