# Shared by the demo, benchmark and test scripts: install and start local services on loopback.
# Source it; it defines functions only.

# Installs the Debian packages that provide the given commands when a command is missing.
# Usage: ensure_commands etcd:etcd-server docker-registry:docker-registry
ensure_commands() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing ${missing[*]} and no apt-get here; install them by hand" >&2
    return 1
  fi
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "error: no free port found" >&2
  return 1
}

# Waits until a command succeeds, up to N seconds.
wait_for() {
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "error: $what did not come up within ${seconds}s" >&2
  return 1
}

# isolate_registry_cpu: gives the registry started next CPU 0 alone and everything run through on_client_cpus
# (etcd, the JVMs) the other CPUs, as when the registry runs on a host of its own; needs 2 CPUs or more. Sets
# REGISTRY_CPUS and CLIENT_CPUS.
isolate_registry_cpu() {
  local cpus
  cpus=$(nproc)
  if [ "$cpus" -lt 2 ]; then
    echo "error: isolating the registry needs at least 2 CPUs, this machine has $cpus" >&2
    return 1
  fi
  REGISTRY_CPUS=0
  CLIENT_CPUS="1-$((cpus - 1))"
}

# on_cpus CPUS COMMAND [ARG...]: execs COMMAND on the CPUs listed (all when CPUS is empty); call it in the
# background or in a subshell: a background one's $! is then the command's own pid.
on_cpus() {
  local cpus=$1
  shift
  if [ -n "$cpus" ]; then
    exec taskset -c "$cpus" "$@"
  fi
  exec "$@"
}

# on_client_cpus COMMAND [ARG...]: runs COMMAND on CLIENT_CPUS when isolate_registry_cpu was called.
on_client_cpus() {
  (on_cpus "${CLIENT_CPUS:-}" "$@")
}

# start_etcd DIR: starts etcd with data in DIR; sets ETCD_ENDPOINT and ETCD_PID.
start_etcd() {
  local dir=$1 client peer
  client=$(free_port); peer=$(free_port)
  mkdir -p "$dir"
  on_cpus "${CLIENT_CPUS:-}" etcd --name imagesync --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "imagesync=http://127.0.0.1:$peer" >"$dir/etcd.log" 2>&1 &
  ETCD_PID=$!
  ETCD_ENDPOINT="http://127.0.0.1:$client"
  wait_for 30 "etcd ($dir/etcd.log)" curl -sf "$ETCD_ENDPOINT/health"
}

# start_registry DIR: starts Debian's docker-registry (distribution 2.8) over HTTP, on REGISTRY_CPUS when set; sets
# REGISTRY_URL and REGISTRY_PID.
start_registry() {
  local dir=$1 port
  port=$(free_port)
  mkdir -p "$dir/registry"
  cat >"$dir/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
  on_cpus "${REGISTRY_CPUS:-}" docker-registry serve "$dir/registry.yml" >"$dir/registry.log" 2>&1 &
  REGISTRY_PID=$!
  REGISTRY_URL="http://127.0.0.1:$port"
  wait_for 30 "docker-registry ($dir/registry.log)" curl -sf "$REGISTRY_URL/v2/"
}

stop_services() {
  for pid in ${REGISTRY_PID:-} ${ETCD_PID:-}; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}

# Builds target/imagesync.jar unless it is newer than every source file.
ensure_jar() {
  local root=$1
  if [ ! -f "$root/target/imagesync.jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$root/target/imagesync.jar" -print -quit)" ]; then
    echo "building target/imagesync.jar" >&2
    (cd "$root" && mvn -B -q -DskipTests package) >&2
  fi
}

# bench_java ROOT [JAVA_OPTION...] CLASS [ARG...]: runs a benchmark main class from the test classes (built
# first) with the test classpath, on the client CPUs.
bench_java() {
  local root=$1 log
  shift
  log=$(mktemp)
  # Maven's output only when the build fails: a quiet build still leaves terminal escapes in piped output.
  if ! (cd "$root" && mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench.classpath) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  on_client_cpus java -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/bench.classpath")" "$@"
}
