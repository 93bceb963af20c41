#!/usr/bin/env bash
# Benchmark on local services: seeds REPOSITORIES x TAGS kernel images into a fresh docker-registry, then
#  1. runs a full rescan-images (etcd writes included) and prints its figures;
#  2. measures the registry's raw ceiling for the same GETs at the same concurrency (fetch-ceiling) and prints
#     imagesync's tags/s as a ratio of it (target: >= 0.8);
#  3. runs an incremental rescan with nothing changed, then re-pushes 5% of the tags and runs another, and
#     prints each one's job time against the full scan's (target for the unchanged one: >= 3x faster);
#  4. measures the steady state of one long-lived JVM, as in serve mode: rounds of ceiling, full scan and
#     unchanged incremental scan; the first rounds warm the JIT up, the medians of the rest are printed.
# Steps 1-3 each start a fresh JVM, as a cron-launched command does: on a small machine its JIT compilers
# compete with the registry for the CPU during the few seconds a 1,000-tag scan lasts.
# Usage: scripts/benchmark.sh [REPOSITORIES] [TAGS] [--multi-arch]      (default 100 x 10, single-platform)
#   --multi-arch seeds every tag as a manifest list of two platforms (three GETs per tag in a full scan).
#   STEADY_ROUNDS (default 6) and STEADY_WARM_UP (default 3) set step 4's rounds; STEADY_ROUNDS=0 skips it.
# Tuning properties pass through the environment, e.g. IMAGESYNC_REGISTRY_CONCURRENCY=16 applies to both runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/services.sh"
repositories=${1:-100}
tags=${2:-10}
layout=${3:-}

ensure_commands etcd:etcd-server docker-registry:docker-registry curl:curl java:default-jre-headless mvn:maven
ensure_jar "$root"

work=$(mktemp -d)
trap 'stop_services; rm -rf "$work"' EXIT
start_etcd "$work"
start_registry "$work"

# No Redis here: do not try to publish progress there.
export IMAGESYNC_ETCD_ENDPOINTS="$ETCD_ENDPOINT" IMAGESYNC_DATA_DIR="$work/data" IMAGESYNC_PROGRESS_REDIS=false
imagesync() { java -jar "$root/target/imagesync.jar" "$@"; }

imagesync seed-samples --registry-url "$REGISTRY_URL" --repositories "$repositories" --tags "$tags" $layout >&2
imagesync put "config/docker/registry/$(imagesync quote "${REGISTRY_URL#http://}")" "$REGISTRY_URL"

echo "== full rescan of $repositories x $tags tags (job time; JVM start-up excluded) =="
imagesync rescan-images | tee "$work/summary.txt"
echo "== keys in etcd under images/: $(imagesync get images --prefix | grep -c '"' || true) lines of JSON =="

echo "== raw ceiling of the same registry: the scan's GETs only, plain HTTP client, same concurrency =="
imagesync fetch-ceiling --registry-url "$REGISTRY_URL" | tee "$work/ceiling.txt"

rate() { sed -n 's/^ *rate: \([0-9.]*\) tags\/s$/\1/p' "$1" | tail -1; }
seconds() { sed -n 's/^rescan-images execution [0-9]*: [A-Z]* in \([0-9.]*\) s.*$/\1/p' "$1" | tail -1; }
scan_rate=$(rate "$work/summary.txt")
ceiling_rate=$(rate "$work/ceiling.txt")
awk -v scan="$scan_rate" -v ceiling="$ceiling_rate" 'BEGIN {
  printf "== imagesync %.1f tags/s / ceiling %.1f tags/s = %.2f of the ceiling (target >= 0.80) ==\n",
         scan, ceiling, scan / ceiling }'

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
