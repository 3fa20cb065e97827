#!/usr/bin/env bash
# fuzz.sh: builds the libFuzzer targets of tests/fuzz with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) and runs each for a while, seeded from the test fixtures.
#
#   build-aux/fuzz.sh                 every target, 300 s each, 2 at a time
#   build-aux/fuzz.sh native brat     only these targets
#   FUZZ_SECONDS=60 FUZZ_JOBS=1 build-aux/fuzz.sh
#
# The build goes to $FUZZ_BUILDDIR (default /tmp/article-annotator-fuzz), the corpora and
# findings under it in work/TARGET/ (corpus/ grows as the fuzzer learns; crash-*, leak-*,
# timeout-*, oom-* are the findings). Exits 1 when any target found something. Each finding
# should become a fixture and a test (see README, "Fuzzing").
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${FUZZ_BUILDDIR:-/tmp/article-annotator-fuzz}
seconds=${FUZZ_SECONDS:-300}
jobs=${FUZZ_JOBS:-2}
all_targets=(native brat conll doccano labelstudio w3c text nfc)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

command -v clang >/dev/null || { echo "fuzz: needs clang (apt-get install clang)" >&2; exit 1; }

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" "$top" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
else
  # meson compile names only targets it already knows: a new one needs the build files redone.
  meson setup --reconfigure "$builddir" "$top" >/dev/null
fi
nice -n 10 meson compile -C "$builddir" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}")

data=$top/tests/data
# Seeds: the fixtures, good and bad. brat and W3C take the annotations, a NUL, the text.
seed_pairs () {  # seed_pairs DIR EXT: each X.EXT with its X.txt
  local corpus=$1 ext=$2 dir=$3 f
  for f in $(find "$dir" -name "*.$ext"); do
    { cat "$f"; printf '\0'; cat "${f%.*}.txt" 2>/dev/null || true; } \
      > "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
seed_copy () {  # seed_copy CORPUS FILE...: named after their folder, so none collide
  local corpus=$1 f
  shift
  for f in "$@"; do
    cp "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
make_corpus () {
  local target=$1 corpus=$2
  mkdir -p "$corpus"
  case $target in
    native) seed_copy "$corpus" "$data"/valid/*.json "$data"/invalid/*.json \
              "$data"/agreement/*.json "$top"/data/sample-article.json ;;
    brat) seed_pairs "$corpus" ann "$data/formats/brat" ;;
    w3c) seed_pairs "$corpus" json "$data/formats/w3c" ;;
    conll) seed_copy "$corpus" $(find "$data/formats/conll" -name '*.conll') ;;
    doccano) seed_copy "$corpus" $(find "$data/formats/doccano" -name '*.jsonl') ;;
    labelstudio) seed_copy "$corpus" $(find "$data/formats/labelstudio" -name '*.json') ;;
    text|nfc) seed_copy "$corpus" "$top"/data/sample-article.txt \
            $(find "$data/formats" -name '*.txt') ;;
  esac
}
dict_of () {
  case $1 in
    brat|conll|text) echo "$top/tests/fuzz/text.dict" ;;
    nfc) echo "$top/tests/fuzz/nfc.dict" ;;
    *) echo "$top/tests/fuzz/json.dict" ;;
  esac
}

run_one () {
  local target=$1 work=$builddir/work/$1
  mkdir -p "$work"
  make_corpus "$target" "$work/corpus"
  (
    cd "$work"
    # -rss_limit_mb and -timeout make a blow-up or a hang a finding; detect_leaks is on.
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    G_DEBUG=fatal-criticals LC_ALL=C.UTF-8 \
      nice -n 10 "$builddir/tests/fuzz/fuzz-$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict="$(dict_of "$target")" -artifact_prefix="$work/" -print_final_stats=1 \
        corpus > "$work/log" 2>&1
  )
}

status=0
pids=()
names=()
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  echo "fuzz: $target for ${seconds}s (log: $builddir/work/$target/log)"
  run_one "$target" &
  pids+=($!)
  names+=("$target")
done
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then
    echo "fuzz: ${names[$i]}: nothing found ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$builddir/work/${names[$i]}/log" | grep -o '[0-9]*$') runs)"
  else
    echo "fuzz: ${names[$i]}: FOUND something: see $builddir/work/${names[$i]}/log and its crash-/leak-/timeout- files" >&2
    status=1
  fi
done
exit $status
