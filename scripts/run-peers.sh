#!/usr/bin/env bash
# Run the conformance gate against the real peers and write reports/peers/<peer>-<dtype>/.
# Needs: Debian python3-numpy python3-torch (run with /usr/bin/python3), and `npm ci`
# (onnxruntime-node, tokenizers). Exit status: non-zero if any peer fails unexpectedly.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run -s build >/dev/null
status=0
run() { # name dtype args...
  local name=$1 dtype=$2; shift 2
  local out="reports/peers/$name-$dtype"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $name ($dtype)"
  node bin/lemmata.mjs conform "$@" --dtype "$dtype" --out "$out" --junit "$out/junit.xml" > "$out/console.txt" 2>&1
  local rc=$?
  tail -3 "$out/console.txt"
  [ $rc -eq 0 ] || { echo "   exit $rc"; status=1; }
}
run torch float32 --impl-cmd "/usr/bin/python3 clients/python/torch_adapter.py"
run torch float64 --impl-cmd "/usr/bin/python3 clients/python/torch_adapter.py"
run numpy float32 --impl-cmd "/usr/bin/python3 clients/python/numpy_adapter.py"
run numpy float64 --impl-cmd "/usr/bin/python3 clients/python/numpy_adapter.py"
run onnxruntime float32 --impl clients/js/onnxruntime-adapter.mjs --xfail reports/peers/onnxruntime.xfail.json
run tokenizers float32 --impl clients/js/tokenizers-adapter.mjs --xfail reports/peers/tokenizers.xfail.json
run tiktoken float32 --impl clients/js/tiktoken-adapter.mjs --xfail reports/peers/tiktoken.xfail.json
run tfjs-wasm float32 --backend wasm
run tfjs-cpu float32 --backend cpu
exit $status
