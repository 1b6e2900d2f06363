#!/usr/bin/env bash
# The installation happy path in Rutin and two peer engines, one after the
# other on this machine (docs/PERFORMANCE.md). The peers are installed from
# their registries into a scratch folder (default /tmp/rutin-peers):
# SpiffWorkflow 3.2 from PyPI, bpmn-engine 25 from npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scratch=${RUTIN_PEERS_DIR:-/tmp/rutin-peers}
mkdir -p "$scratch"
if [ ! -x "$scratch/venv/bin/python" ]; then
  python3 -m venv "$scratch/venv"
  "$scratch/venv/bin/pip" install -q 'SpiffWorkflow==3.2.*'
fi
if [ ! -d "$scratch/node_modules/bpmn-engine" ]; then
  (cd "$scratch" && npm init -y >/dev/null && npm install --silent bpmn-engine@25)
fi
ln -sfn "$scratch/node_modules" "$here/node/node_modules"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$root" && cargo bench -q -p rutin --bench runtime -- --quick 'installation case' 2>/dev/null | grep -A1 '^installation case')
"$scratch/venv/bin/python" "$here/spiff/run.py" "${SPIFF_CASES:-500}"
node "$here/node/run.mjs" "${NODE_CASES:-200}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
