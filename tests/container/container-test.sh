#!/usr/bin/env bash
# npm run test:container - build the image with podman and check it the way it is run:
# read-only root filesystem, no capabilities, readiness, a filtered query, uid 1000, the
# HEALTHCHECK, and a clean stop on SIGTERM. Prints one PASS/FAIL line per check and exits
# non-zero if any fails. Root only (rootful podman; installs its tools with apt when missing).
#
# No registry is reachable here: the node:24-bookworm[-slim] base images are local stand-ins
# built by ../shared/tools/container-base.sh (beside the repository, in CI too).
# Environment: IMAGE (tag to build, default localhost/trafficking-facts:test),
#   READY_TIMEOUT (seconds to wait for /readyz, default 60), STOP_LIMIT (seconds, default 10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# runc and debootstrap live in /usr/sbin, which a non-login PATH may lack
export PATH="$PATH:/usr/sbin:/sbin"
REPO=$PWD
BASE_SCRIPT="$REPO/../shared/tools/container-base.sh"
IMAGE=${IMAGE:-localhost/trafficking-facts:test}
NAME="trafficking-facts-test-$$"
READY_TIMEOUT=${READY_TIMEOUT:-60}
STOP_LIMIT=${STOP_LIMIT:-10}
LOG=$(mktemp -d "${TMPDIR:-/tmp}/container-test.XXXXXX")
T0=$(date +%s)

passed=0 failed=0
pass() { printf 'PASS  %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %s\n' "$*"; failed=$((failed + 1)); }
say() { printf '[container-test] %s\n' "$*"; }
cleanup() {
  podman rm -f -t 0 "$NAME" >/dev/null 2>&1 || true
  rm -rf "$LOG"
}
trap cleanup EXIT

# GET a URL with node (always here: npm runs this); prints "<status> <body>", or "000 <error>"
http_get() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) })
    .then(async (r) => console.log(r.status, await r.text()))
    .catch((e) => console.log("000", e.message))' "$1"
}

# ---- tools
missing=()
for tool in podman runc debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  say "installing ${missing[*]} (apt)"
  apt-get update >"$LOG/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" </dev/null >>"$LOG/apt.log" 2>&1 \
    || { tail -n 20 "$LOG/apt.log"; fail "install ${missing[*]}"; exit 1; }
fi
[[ -f $BASE_SCRIPT ]] || { fail "base images: $BASE_SCRIPT not found (shared/ must sit beside the repository)"; exit 1; }

# ---- stand-in base images; its stdout is export lines (CONTAINERS_CONF, BUILDAH_FORMAT)
say "base images (container-base.sh; ~2 min the first time)"
exports=$(bash "$BASE_SCRIPT" 2>"$LOG/base.log") || { tail -n 30 "$LOG/base.log"; fail "base images"; exit 1; }
eval "$(grep -E '^export [A-Z_]+=' <<<"$exports")"

# ---- build; --format docker keeps the HEALTHCHECK (the OCI format drops it)
say "podman build --format docker -t $IMAGE"
b0=$(date +%s)
if podman build --pull=never --format docker -t "$IMAGE" "$REPO" >"$LOG/build.log" 2>&1; then
  pass "image builds ($(($(date +%s) - b0)) s)"
else
  tail -n 40 "$LOG/build.log"; fail "image builds"; exit 1
fi
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
say "image size: $((size / 1000000)) MB ($size bytes; podman images shows the same in MB)"
health_cmd=$(podman image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE" 2>/dev/null || true)
if [[ $health_cmd == *readyz* ]]; then pass "the image keeps its HEALTHCHECK"; else fail "the image has no HEALTHCHECK (got: ${health_cmd:-nothing})"; fi

# ---- run as it is deployed: read-only root, tmpfs /tmp, no capabilities, no privilege gain;
# podman picks a free loopback port
podman run -d --name "$NAME" --read-only --tmpfs /tmp:rw,size=64m,mode=1777 \
  --cap-drop=ALL --security-opt=no-new-privileges -p 127.0.0.1::3000 "$IMAGE" >/dev/null 2>"$LOG/run.log" \
  || { cat "$LOG/run.log"; fail "podman run"; exit 1; }
# (without systemd podman logs that it cannot schedule the healthcheck timer: harmless, since
# `podman healthcheck run` below runs the check itself)
port=$(podman port "$NAME" 3000/tcp | head -n 1); port=${port##*:}
base="http://127.0.0.1:$port"
say "running as $NAME on $base"

ready=""
for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
  read -r status _ < <(http_get "$base/readyz")
  if [[ $status == 200 ]]; then ready=$((i / 2)); break; fi
  [[ $(podman inspect --format '{{.State.Running}}' "$NAME") == true ]] || break
  sleep 0.5
done
if [[ -n $ready ]]; then pass "/readyz answers 200 (after ~${ready} s)"
else fail "/readyz never answered 200 within ${READY_TIMEOUT} s"; podman logs --tail 30 "$NAME" 2>&1 || true; fi

read -r status body < <(http_get "$base/v1/facts?year=2013&category=prosecution")
if [[ $status == 200 ]] && node -e '
    const { data } = JSON.parse(process.argv[1])
    const ok = data.length > 0 && data.every((f) => f.year === 2013 && f.categories.includes("prosecution"))
    process.exit(ok ? 0 : 1)' "$body" 2>/dev/null; then
  pass "/v1/facts?year=2013&category=prosecution: 200, every fact from 2013 and about prosecution"
else
  fail "/v1/facts?year=2013&category=prosecution: status $status, body ${body:0:200}"
fi

# the explorer's templates, stylesheet and citation worker are files beside the compiled code:
# a fact page with its quote marked and its APA reference shows they all made it into the image
if node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(30000) })
    .then(async (r) => { const html = await r.text(); process.exit(r.status === 200 && html.includes("<mark>") && html.includes("APA") ? 0 : 1) })
    .catch(() => process.exit(1))' "$base/facts/ru-2013-sex-trafficking-prosecutions"; then
  pass "/facts/{id}: the explorer's page, with its quote marked and its APA reference"
else
  fail "/facts/{id}: no explorer page with a marked quote and an APA reference"
fi

uid=$(podman exec "$NAME" id -u 2>&1 || true)
if [[ $uid == 1000 ]]; then pass "runs as uid 1000"; else fail "runs as uid ${uid}, not 1000"; fi

if podman exec "$NAME" touch /app/write-probe 2>/dev/null; then fail "root filesystem is writable"
else pass "root filesystem is read-only (a write to /app fails)"; fi

health=$(podman healthcheck run "$NAME" 2>&1) && hc=0 || hc=$?
state=$(podman inspect --format '{{.State.Health.Status}}' "$NAME" 2>/dev/null || podman inspect --format '{{.State.Healthcheck.Status}}' "$NAME" 2>/dev/null || true)
if ((hc == 0)) && [[ $state == healthy ]]; then pass "podman healthcheck run: healthy"
else fail "podman healthcheck run: exit $hc, ${health:-no output}, status ${state:-none}"; fi

# podman stop sends SIGTERM, then SIGKILL after STOP_LIMIT seconds (exit code 137)
s0=$(date +%s%N)
podman stop -t "$STOP_LIMIT" "$NAME" >/dev/null 2>&1 || true
ms=$((($(date +%s%N) - s0) / 1000000))
code=$(podman inspect --format '{{.State.ExitCode}}' "$NAME")
if [[ $code == 0 ]] && ((ms < STOP_LIMIT * 1000)); then pass "SIGTERM: exit code 0 after ${ms} ms"
else fail "SIGTERM: exit code $code after ${ms} ms (want 0 within ${STOP_LIMIT} s)"; podman logs --tail 10 "$NAME" 2>&1 || true; fi

say "image size: $((size / 1000000)) MB; took $(($(date +%s) - T0)) s"
if ((failed)); then
  say "FAILED: $failed of $((passed + failed)) checks"
  exit 1
fi
say "all $passed checks passed"
