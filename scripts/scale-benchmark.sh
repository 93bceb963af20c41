#!/usr/bin/env bash
# Scale benchmark: full and incremental rescans of a synthetic registry (generated on the fly, Registry v2
# or Harbor v2 API) into a real etcd, in a JVM with a small heap. Prints job time, tags/s, registry
# requests by kind and peak heap.
# Usage: scripts/scale-benchmark.sh [distribution|harbor2] [REPOSITORIES] [TAGS] [HEAP] [LATENCY_MS]
#        default: distribution 100 10 256m 0; the 100,000-tag run is: scripts/scale-benchmark.sh distribution 1000 100;
#        LATENCY_MS delays every answer, as a remote registry's round trip would.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/services.sh"
flavour=${1:-distribution}
repositories=${2:-100}
tags=${3:-10}
heap=${4:-256m}
latency=${5:-0}

ensure_commands etcd:etcd-server mvn:maven
bench_java "$root" -Xmx"$heap" dev.imagesync.bench.RescanBenchmark "$flavour" "$repositories" "$tags" "$latency"
