#!/usr/bin/env bash
# Run the conformance gate against the real peers and write reports/peers/<peer>-<dtype>/.
# Needs: Debian python3-numpy python3-torch python3-sentencepiece (run with /usr/bin/python3), and `npm ci`
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
# torch 1.13 and NumPy have no float8 dtype: their adapters refuse float8 formats, and quant.type-table (whose
# properties through quant.quantize / quant.dequantize are the float8 ones) is left out of their runs
run torch float32 --impl-cmd "/usr/bin/python3 clients/python/torch_adapter.py" --claims '!quant.type-table' --xfail reports/peers/torch.xfail.json
run torch float64 --impl-cmd "/usr/bin/python3 clients/python/torch_adapter.py" --claims '!quant.type-table'
run numpy float32 --impl-cmd "/usr/bin/python3 clients/python/numpy_adapter.py" --claims '!quant.type-table'
run numpy float64 --impl-cmd "/usr/bin/python3 clients/python/numpy_adapter.py" --claims '!quant.type-table'
run onnxruntime float32 --impl clients/js/onnxruntime-adapter.mjs --xfail reports/peers/onnxruntime.xfail.json
run tokenizers float32 --impl clients/js/tokenizers-adapter.mjs --xfail reports/peers/tokenizers.xfail.json
run sklearn float32 --impl-cmd "/usr/bin/python3 clients/python/sklearn_adapter.py" --ops text.tfidf --xfail reports/peers/sklearn.xfail.json
run sklearn float64 --impl-cmd "/usr/bin/python3 clients/python/sklearn_adapter.py" --ops text.tfidf --xfail reports/peers/sklearn.xfail.json
run nltk float64 --impl-cmd "/usr/bin/python3 clients/python/nltk_adapter.py" --ops text.ngram-prob --xfail reports/peers/nltk.xfail.json
run natural float64 --impl clients/js/natural-adapter.mjs --ops text.tfidf --xfail reports/peers/natural.xfail.json
run okapibm25 float64 --impl clients/js/okapibm25-adapter.mjs --ops text.bm25 --xfail reports/peers/okapibm25.xfail.json
run wink-bm25 float64 --impl clients/js/wink-bm25-adapter.mjs --ops text.bm25 --xfail reports/peers/wink-bm25.xfail.json
run tiktoken float32 --impl clients/js/tiktoken-adapter.mjs --xfail reports/peers/tiktoken.xfail.json
run sentencepiece float32 --impl-cmd "/usr/bin/python3 clients/python/sentencepiece_adapter.py" --ops 'text.bpe-*' --xfail reports/peers/sentencepiece.xfail.json
run tfjs-wasm float32 --backend wasm
run tfjs-cpu float32 --backend cpu
# onnxruntime-node on the generated ONNX Attention / RotaryEmbedding node tests: its own outputs, judged by `lemmata verify`
echo "== onnxruntime node tests (float32)"
ortout=reports/peers/onnxruntime-node-tests; rm -rf "$ortout" reports/tmp/ort-node-tests; mkdir -p "$ortout"
# verify exits 1 on onnxruntime's known deviations: the step passes when the failing cases are exactly
# those listed (with their reasons) in reports/peers/onnxruntime-node-tests.expected-failures.json
{ node scripts/onnx-node-ort-outputs.mjs test/data/onnx-node/generated reports/tmp/ort-node-tests &&
  { node bin/lemmata.mjs verify reports/tmp/ort-node-tests --out "$ortout" --junit "$ortout/junit.xml"; [ $? -le 1 ]; } &&
  node -e '
    const fs = require("fs");
    const got = JSON.parse(fs.readFileSync(process.argv[1] + "/conform.json", "utf8")).properties.filter((p) => p.status !== "pass").map((p) => p.id).sort();
    const want = JSON.parse(fs.readFileSync("reports/peers/onnxruntime-node-tests.expected-failures.json", "utf8")).failures.flatMap((f) => f.cases).sort();
    const extra = got.filter((id) => !want.includes(id)), gone = want.filter((id) => !got.includes(id));
    console.log(`expected failures: ${want.length - gone.length} of ${want.length} as listed; unexpected: ${extra.length}; listed but passing: ${gone.length}`);
    for (const id of extra) console.log(`  unexpected: ${id}`);
    for (const id of gone) console.log(`  now passing: ${id}`);
    process.exit(extra.length + gone.length ? 1 : 0);' "$ortout"; } > "$ortout/console.txt" 2>&1 || { echo "   failed"; status=1; }
grep -E "tests run into|^[0-9]+ passed|^expected failures" "$ortout/console.txt"
exit $status
