#!/usr/bin/env bash
# End to end on local services: starts etcd and Debian's docker-registry on free loopback ports (installing
# the packages when missing), pushes a few sample kernel images, registers the registry in etcd, runs
# rescan-images and prints the keys it wrote. Everything lives in a temp dir removed at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/services.sh"

ensure_commands etcd:etcd-server docker-registry:docker-registry curl:curl java:default-jre-headless mvn:maven
ensure_jar "$root"

work=$(mktemp -d)
trap 'stop_services; rm -rf "$work"' EXIT
start_etcd "$work"
start_registry "$work"
echo "etcd at $ETCD_ENDPOINT, registry at $REGISTRY_URL" >&2

# No Redis in the demo: do not try to publish progress there.
export IMAGESYNC_ETCD_ENDPOINTS="$ETCD_ENDPOINT" IMAGESYNC_DATA_DIR="$work/data" IMAGESYNC_PROGRESS_REDIS=false
imagesync() { "$root/bin/imagesync" "$@"; }

registry="${REGISTRY_URL#http://}"
imagesync seed-samples --registry-url "$REGISTRY_URL"
imagesync put "config/docker/registry/$(imagesync quote "$registry")" "$REGISTRY_URL"
imagesync rescan-images
echo
echo "== etcd images/ after the scan =="
imagesync get images --prefix
