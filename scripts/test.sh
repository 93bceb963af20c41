#!/usr/bin/env bash
# Runs the whole test suite. The tests start their own etcd, Redis, docker-registry and PostgreSQL on loopback;
# this script only makes sure the Debian packages that provide them are installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/services.sh"

ensure_commands etcd:etcd-server redis-server:redis-server docker-registry:docker-registry \
  htpasswd:apache2-utils openssl:openssl curl:curl mvn:maven \
  pg_ctlcluster:postgresql setpriv:util-linux
cd "$root"
exec mvn -B verify "$@"
