#!/usr/bin/env bash
# Benchmark of a full rescan on local services: seeds REPOSITORIES x TAGS kernel images into a fresh
# docker-registry, then runs rescan-images (etcd writes included) and prints its figures.
# Usage: scripts/benchmark.sh [REPOSITORIES] [TAGS]      (default 100 x 10)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/services.sh"
repositories=${1:-100}
tags=${2:-10}

ensure_commands etcd:etcd-server docker-registry:docker-registry curl:curl java:default-jre-headless mvn:maven
ensure_jar "$root"

work=$(mktemp -d)
trap 'stop_services; rm -rf "$work"' EXIT
start_etcd "$work"
start_registry "$work"

# No Redis in the demo: do not try to publish progress there.
export IMAGESYNC_ETCD_ENDPOINTS="$ETCD_ENDPOINT" IMAGESYNC_DATA_DIR="$work/data" IMAGESYNC_PROGRESS_REDIS=false
imagesync() { java -jar "$root/target/imagesync.jar" "$@"; }

imagesync seed-samples --registry-url "$REGISTRY_URL" --repositories "$repositories" --tags "$tags" >&2
imagesync put "config/docker/registry/$(imagesync quote "${REGISTRY_URL#http://}")" "$REGISTRY_URL"

echo "== full rescan of $repositories x $tags tags (job time; JVM start-up excluded) =="
imagesync rescan-images | tee "$work/summary.txt"
echo "== keys in etcd under images/: $(imagesync get images --prefix | grep -c '"' || true) lines of JSON =="
