#!/usr/bin/env bash
# Times `bin/greenlight lint --format json` against squawk (npm squawk-cli 2.66.0) on the
# 2,000-file corpus of ../shared/bench/gen_corpus.py: whole processes, cold JVM each time,
# alternating runs, medians of RUNS (default 7) each, printed with their ratio.
#
#   bench/lint-vs-squawk.sh            # RUNS=7, corpus and squawk under bench-out/
#   RUNS=11 FILES=2000 bench/lint-vs-squawk.sh
#
# squawk is timed three ways: `squawk`, the command npm installs (node_modules/.bin/squawk, a
# node script that runs the native binary - what a team gets from `npm install squawk-cli`, and
# the comparison the target is judged by); `npx squawk` (adds npx's own start); and the native
# binary called directly (no node at all). All three ratios are printed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-7}"
FILES="${FILES:-2000}"
OUT="${BENCH_OUT:-$ROOT/bench-out}"
SHARED="${SHARED:-$ROOT/../shared}"
CORPUS="$OUT/corpus-$FILES"
SQUAWK_DIR="$OUT/squawk"

if [ ! -f "$SHARED/bench/gen_corpus.py" ]; then
  echo "bench: $SHARED/bench/gen_corpus.py not found (set SHARED=/path/to/shared)" >&2
  exit 2
fi
if [ "$(find "$CORPUS" -name '*.sql' 2>/dev/null | wc -l)" -ne "$FILES" ]; then
  rm -rf "$CORPUS"
  python3 "$SHARED/bench/gen_corpus.py" "$CORPUS" "$FILES"
fi
if [ ! -x "$SQUAWK_DIR/node_modules/.bin/squawk" ]; then
  mkdir -p "$SQUAWK_DIR"
  (cd "$SQUAWK_DIR" && npm install --no-audit --no-fund --silent squawk-cli@2.66.0 >&2)
fi
SQUAWK_CMD="$SQUAWK_DIR/node_modules/.bin/squawk"
SQUAWK_BIN="$(find "$SQUAWK_DIR/node_modules/@squawk-cli" -path '*/bin/squawk' -type f | head -1)"

# Build the CLI (and its class-data-sharing archive) before timing anything; then keep that jar.
"$ROOT/bin/greenlight" --version >/dev/null
export GREENLIGHT_SKIP_BUILD=1

now_ms() { date +%s%3N; }

# time_cmd NAME CMD... : runs CMD with stdout to a file, appends elapsed ms to $OUT/times-NAME
time_cmd() {
  local name="$1"; shift
  local start end
  start=$(now_ms)
  "$@" >"$OUT/last-$name.json" 2>"$OUT/last-$name.err" || true
  end=$(now_ms)
  echo $((end - start)) >>"$OUT/times-$name"
}

rm -f "$OUT"/times-*
greenlight=("$ROOT/bin/greenlight" lint --format json "$CORPUS")
(cd "$SQUAWK_DIR"
 squawk_npx=(npx squawk --reporter json "$CORPUS/*.sql")
 squawk_bin=("$SQUAWK_BIN" --reporter json "$CORPUS/*.sql")
 squawk_cmd=("$SQUAWK_CMD" --reporter json "$CORPUS/*.sql")
 # One untimed run of each so that every timed run finds the files in the page cache.
 "${greenlight[@]}" >/dev/null 2>&1 || true
 "${squawk_npx[@]}" >/dev/null 2>&1 || true
 for i in $(seq 1 "$RUNS"); do
   if [ $((i % 2)) -eq 1 ]; then
     time_cmd greenlight "${greenlight[@]}"
     time_cmd squawk-cmd "${squawk_cmd[@]}"
     time_cmd squawk-npx "${squawk_npx[@]}"
     time_cmd squawk-bin "${squawk_bin[@]}"
   else
     time_cmd squawk-bin "${squawk_bin[@]}"
     time_cmd squawk-npx "${squawk_npx[@]}"
     time_cmd squawk-cmd "${squawk_cmd[@]}"
     time_cmd greenlight "${greenlight[@]}"
   fi
 done)

python3 - "$OUT" "$FILES" "$RUNS" <<'PY'
import json, statistics, sys, collections
out, files, runs = sys.argv[1], sys.argv[2], sys.argv[3]
def times(name):
    return [int(x) for x in open(f"{out}/times-{name}").read().split()]
g, c, n, b = times("greenlight"), times("squawk-cmd"), times("squawk-npx"), times("squawk-bin")
mg, mc, mn, mb = (statistics.median(x) for x in (g, c, n, b))
print(f"corpus: {files} files, {runs} alternating runs each (ms): ")
print(f"  greenlight lint --format json   median {mg:7.0f}   runs {g}")
print(f"  squawk --reporter json          median {mc:7.0f}   runs {c}")
print(f"  npx squawk --reporter json      median {mn:7.0f}   runs {n}")
print(f"  squawk native binary            median {mb:7.0f}   runs {b}")
print(f"ratio greenlight / squawk command  = {mg / mc:.2f}  (target <= 1.0)")
print(f"ratio greenlight / npx squawk      = {mg / mn:.2f}")
print(f"ratio greenlight / squawk binary   = {mg / mb:.2f}")
report = json.load(open(f"{out}/last-greenlight.json"))
s = report["summary"]
print(f"greenlight: {s['files']} files, {s['statements']} statements, {s['unparsed']} unparsed, "
      f"{s['errors']} errors, {s['warnings']} warnings, {s['infos']} infos")
by_rule = collections.Counter(f["rule"] for f in report["findings"] if not f["suppressed"])
for rule, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {count:6d}  {rule}")
try:
    sq = json.load(open(f"{out}/last-squawk-bin.json"))
    print(f"squawk: {len(sq)} findings")
except Exception as e:  # squawk's output is informative only
    print(f"squawk output not readable: {e}")
PY
