#!/usr/bin/env bash
# Benchmark on local services: seeds REPOSITORIES x TAGS kernel images into a fresh docker-registry, then
#  1. runs a full rescan-images (etcd writes included) and prints its figures;
#  2. measures the registry's raw ceiling for the same GETs at the same concurrency (fetch-ceiling), before and
#     after the scan, and prints imagesync's tags/s as a ratio of the faster one (target: >= 0.8);
#  3. runs an incremental rescan with nothing changed, then re-pushes 5% of the tags and runs another, and
#     prints each one's job time against the full scan's (target for the unchanged one: >= 3x faster);
#  4. measures the steady state of one long-lived JVM, as in serve mode: rounds of ceiling, full scan and
#     unchanged incremental scan; the first rounds warm the JIT up, the medians of the rest are printed.
# Steps 1-3 each start a fresh JVM, as a cron-launched command does: on a small machine its JIT compilers
# compete with the registry for the CPU during the few seconds a 1,000-tag scan lasts.
#
# The registry runs on CPU 0 alone, and etcd and every JVM (imagesync's and the ceiling's) on the other CPUs,
# as when the registry is a host of its own: the ceiling is then the registry's own capacity, and the ratio
# says how much of it a scan uses. With --shared-cores everything shares every CPU, as on one small box; there
# the ceiling's client costs the CPU almost nothing, while imagesync also pays for its etcd writes and etcd for
# storing them, so the ratio mostly compares CPU costs (step 4 prints the CPU seconds of each process).
#
# Usage: scripts/benchmark.sh [REPOSITORIES] [TAGS] [--multi-arch] [--shared-cores]   (default 100 x 10)
#   --multi-arch seeds every tag as a manifest list of two platforms (three GETs per tag in a full scan).
#   STEADY_ROUNDS (default 6) and STEADY_WARM_UP (default 3) set step 4's rounds; STEADY_ROUNDS=0 skips it.
# Tuning properties pass through the environment, e.g. IMAGESYNC_REGISTRY_CONCURRENCY=16 applies to both runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/services.sh"
sizes=()
layout=""
isolate=true
for argument in "$@"; do
  case "$argument" in
    --multi-arch) layout=--multi-arch ;;
    --shared-cores) isolate=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option $argument (see --help)" >&2; exit 2 ;;
    *) sizes+=("$argument") ;;
  esac
done
repositories=${sizes[0]:-100}
tags=${sizes[1]:-10}

ensure_commands etcd:etcd-server docker-registry:docker-registry curl:curl java:default-jre-headless mvn:maven \
  taskset:util-linux
ensure_jar "$root"

if $isolate; then
  isolate_registry_cpu
  echo "== registry on CPU $REGISTRY_CPUS alone; etcd, imagesync and the ceiling's client on CPUs $CLIENT_CPUS =="
else
  echo "== registry, etcd, imagesync and the ceiling's client sharing all $(nproc) CPUs =="
fi
work=$(mktemp -d)
trap 'stop_services; rm -rf "$work"' EXIT
start_etcd "$work"
start_registry "$work"

# No Redis here: do not try to publish progress there.
export IMAGESYNC_ETCD_ENDPOINTS="$ETCD_ENDPOINT" IMAGESYNC_DATA_DIR="$work/data" IMAGESYNC_PROGRESS_REDIS=false
imagesync() { on_client_cpus "$root/bin/imagesync" "$@"; }

imagesync seed-samples --registry-url "$REGISTRY_URL" --repositories "$repositories" --tags "$tags" $layout >&2
imagesync put "config/docker/registry/$(imagesync quote "${REGISTRY_URL#http://}")" "$REGISTRY_URL"

# The ceiling is measured before the scan and after it, and the faster of the two counts: the first pass
# over freshly pushed data must not be the scan's handicap alone.
ceiling() {
  echo "== raw ceiling of the same registry, $1 the scan: the scan's GETs only, plain HTTP client, same concurrency =="
  imagesync fetch-ceiling --registry-url "$REGISTRY_URL" | tee "$work/ceiling-$1.txt"
}
ceiling before
echo "== full rescan of $repositories x $tags tags (job time; JVM start-up excluded) =="
imagesync rescan-images | tee "$work/summary.txt"
echo "== keys in etcd under images/: $(imagesync get images --prefix | grep -c '"' || true) lines of JSON =="
ceiling after

rate() { sed -n 's/^ *rate: \([0-9.]*\) tags\/s$/\1/p' "$1" | tail -1; }
seconds() { sed -n 's/^rescan-images execution [0-9]*: [A-Z]* in \([0-9.]*\) s.*$/\1/p' "$1" | tail -1; }
awk -v scan="$(rate "$work/summary.txt")" -v before="$(rate "$work/ceiling-before.txt")" \
    -v after="$(rate "$work/ceiling-after.txt")" 'BEGIN {
  ceiling = before > after ? before : after
  printf "== imagesync %.1f tags/s / ceiling %.1f tags/s (the faster of %.1f and %.1f) = %.2f of the ceiling (target >= 0.80) ==\n",
         scan, ceiling, before, after, scan / ceiling }'

echo "== incremental rescan, nothing changed =="
imagesync rescan-images --quiet | tee "$work/unchanged.txt"
echo "== re-pushing every 20th tag (5%), then an incremental rescan =="
imagesync seed-samples --registry-url "$REGISTRY_URL" --repositories "$repositories" --tags "$tags" $layout --every 20 >&2
imagesync rescan-images --quiet | tee "$work/repushed.txt"
awk -v full="$(seconds "$work/summary.txt")" -v unchanged="$(seconds "$work/unchanged.txt")" \
    -v repushed="$(seconds "$work/repushed.txt")" 'BEGIN {
  printf "== job time: full %.2f s, incremental unchanged %.2f s (%.1fx faster, target >= 3x), 5%% re-pushed %.2f s (%.1fx faster) ==\n",
         full, unchanged, full / unchanged, repushed, full / repushed }'

rounds=${STEADY_ROUNDS:-6}
if [ "$rounds" -gt 0 ]; then
  echo "== steady state: one long-lived JVM (as in serve mode), $rounds rounds of ceiling / full / unchanged =="
  bench_java "$root" -Dbench.registry.pid="$REGISTRY_PID" -Dbench.etcd.pid="$ETCD_PID" \
    dev.imagesync.bench.SteadyStateBenchmark "$REGISTRY_URL" "$ETCD_ENDPOINT" "$rounds" \
    "${STEADY_WARM_UP:-3}"
fi
