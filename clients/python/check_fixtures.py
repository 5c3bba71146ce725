#!/usr/bin/env python3
"""check_fixtures.py -- check a Python lemmata adapter against the golden fixtures.

Standard library only (json, fractions, struct, math, importlib, argparse, hashlib).

    /usr/bin/python3 clients/python/check_fixtures.py --adapter clients/python/torch_adapter.py [--dtype float64 | float32,float64]
        [--fixtures DIR] [--ops 'nn.*,attn.sdpa'] [--max-failures N]

What it does:

1. Verifies fixtures/manifest.json first: the SHA-256 of every listed file, the SHA-256 over the
   sorted listing, and that no unlisted .json file is present. Tampered or stale fixtures are
   refused (exit 2) -- regenerate them with `npx lemmata fixtures`.
2. Imports the adapter module by path (its `if __name__ == "__main__": serve(...)` does not run)
   and reads its OPS = {"op.id": (fn, ["float32", "float64"])}.
3. For every fixture whose op the adapter supports in --dtype, calls fn(args, dtype) on each case
   (tensor arguments decoded to nested lists exactly as spec/protocol.md and lemmata_protocol do)
   and checks acceptance EXACTLY with fractions.Fraction: Fraction(float) is exact, and
   Fraction("p/q") parses the fixtures' rationals. The rules are in each fixture's "acceptance"
   field and in the manifest's "format".

Output: one line per op (PASS / FAIL / SKIP), then "N passed, N failed" (ops).
Exit status: 0 all checked ops pass, 1 some op fails, 2 refused (fixtures do not match their
manifest, malformed fixtures, adapter cannot be imported, usage).
"""

import argparse
import fnmatch
import hashlib
import importlib.util
import json
import math
import os
import re
import struct
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # importing an adapter must leave no __pycache__ in the repository

DTYPES = ("float32", "float64")
_NONFINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_TENSOR_DTYPES = ("float32", "float64", "int32", "int64")


class Refused(Exception):
    """The fixtures (or the adapter) cannot be trusted or used: exit 2."""


class CaseFailure(Exception):
    """One case does not meet its acceptance rule."""


# ----------------------------------------------------------------------------------------------
# Manifest
# ----------------------------------------------------------------------------------------------

def _sha256_bytes(b):
    return hashlib.sha256(b).hexdigest()


def verify_manifest(fixtures_dir):
    """Return the manifest (a dict) after checking every hash; raise Refused otherwise."""
    mpath = os.path.join(fixtures_dir, "manifest.json")
    if not os.path.isfile(mpath):
        raise Refused("no manifest.json in %s" % fixtures_dir)
    try:
        with open(mpath, "rb") as f:
            manifest = json.loads(f.read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise Refused("manifest.json is not valid JSON: %s" % exc)
    files = manifest.get("files")
    if not isinstance(files, list) or not isinstance(manifest.get("sha256"), str):
        raise Refused("manifest.json has no files list or no sha256")
    problems = []
    listed = set()
    lines = []
    for e in files:
        name, want = e.get("name"), e.get("sha256")
        if not isinstance(name, str) or "/" in name or "\\" in name or not isinstance(want, str):
            problems.append("malformed manifest entry %r" % (e,))
            continue
        listed.add(name)
        lines.append((name, want))
        p = os.path.join(fixtures_dir, name)
        if not os.path.isfile(p):
            problems.append("%s is listed in the manifest but missing" % name)
            continue
        with open(p, "rb") as f:
            got = _sha256_bytes(f.read())
        if got != want:
            problems.append("%s: sha256 %s, manifest says %s (tampered or stale)" % (name, got, want))
    listing = "".join("%s  %s\n" % (sha, name) for name, sha in sorted(lines))
    if _sha256_bytes(listing.encode("utf-8")) != manifest["sha256"]:
        problems.append("the manifest's sha256 over its file list does not match (manifest edited?)")
    for name in sorted(os.listdir(fixtures_dir)):
        if name.endswith(".json") and name != "manifest.json" and name not in listed:
            problems.append("%s is not listed in the manifest" % name)
    if problems:
        raise Refused("fixtures in %s do not match their manifest:\n  %s\nRegenerate them with `npx lemmata fixtures`."
                      % (fixtures_dir, "\n  ".join(problems)))
    return manifest


# ----------------------------------------------------------------------------------------------
# Adapter
# ----------------------------------------------------------------------------------------------

def load_adapter(path):
    """Import an adapter module by path without running its __main__ block."""
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise Refused("adapter %s does not exist" % path)
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)  # so that `from lemmata_protocol import serve` resolves
    modname = "_lemmata_adapter_" + re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
    spec = importlib.util.spec_from_file_location(modname, path)
    if spec is None or spec.loader is None:
        raise Refused("cannot import %s" % path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[modname] = mod
    try:
        spec.loader.exec_module(mod)
    except Exception as exc:  # noqa: BLE001 -- report any import failure
        raise Refused("importing %s failed: %s: %s" % (path, type(exc).__name__, exc))
    ops = getattr(mod, "OPS", None)
    if not isinstance(ops, dict):
        raise Refused("adapter %s defines no OPS dict" % path)
    out = {}
    for op, spec_ in ops.items():
        if not isinstance(spec_, (tuple, list)) or len(spec_) != 2 or not callable(spec_[0]):
            raise Refused("OPS[%r] must be (function, [dtypes])" % (op,))
        out[str(op)] = (spec_[0], [str(d) for d in spec_[1]])
    return getattr(mod, "NAME", os.path.basename(path)), out


# ----------------------------------------------------------------------------------------------
# Values
# ----------------------------------------------------------------------------------------------

def _is_tensor(v):
    return (isinstance(v, dict) and v.get("dtype") in _TENSOR_DTYPES and isinstance(v.get("shape"), list)
            and isinstance(v.get("data"), list))


def _reshape(flat, shape):
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return list(flat)
    step = 1
    for d in shape[1:]:
        step *= d
    return [_reshape(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _float_of(x):
    if isinstance(x, str) and x in _NONFINITE:
        return _NONFINITE[x]
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ValueError("bad float element %r" % (x,))
    return float(x)


def decode_fixture_tensor(t):
    """A fixture tensor -> nested lists, checking data against bits (float32 bit patterns)."""
    n = 1
    for d in t["shape"]:
        n *= d
    data = t["data"]
    if len(data) != n:
        raise Refused("tensor data has %d elements, shape %r needs %d" % (len(data), t["shape"], n))
    if t["dtype"] in ("float32", "float64"):
        flat = [_float_of(x) for x in data]
        bits = t.get("bits")
        if bits is not None:
            if len(bits) != n:
                raise Refused("tensor bits/data length mismatch")
            for x, b in zip(flat, bits):
                y = struct.unpack(">f", bytes.fromhex(b[2:] if b.startswith("0x") else b))[0]
                if not (x == y or (math.isnan(x) and math.isnan(y))):
                    raise Refused("tensor data %r disagrees with its bits %s (= %r)" % (x, b, y))
    else:
        flat = [int(x) for x in data]
    return _reshape(flat, t["shape"])


def decode_args(args):
    """Fixture args -> the dict an adapter function receives (fresh copy on every call)."""
    out = {}
    for k, v in args.items():
        out[k] = decode_fixture_tensor(v) if _is_tensor(v) else json.loads(json.dumps(v))
    return out


def plain(v):
    """An adapter's result -> plain Python (lists, dicts, numbers, strings), as the wire would carry it."""
    if hasattr(v, "tolist") and not isinstance(v, (list, tuple, dict, str)):
        v = v.tolist()
    if isinstance(v, tuple):
        v = list(v)
    if isinstance(v, dict):
        if _is_tensor(v):
            flat = [_float_of(x) if v["dtype"] in ("float32", "float64") else x for x in v["data"]]
            n = 1
            for d in v["shape"]:
                n *= d
            if len(flat) != n:
                raise CaseFailure("result tensor has %d elements, its shape %r needs %d" % (len(flat), v["shape"], n))
            return _reshape(flat, v["shape"])
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, str) and v in _NONFINITE:
        return _NONFINITE[v]
    return v


def shape_of(v):
    if not isinstance(v, list):
        return []
    if not v:
        return [0]
    inner = shape_of(v[0])
    for x in v[1:]:
        if shape_of(x) != inner:
            raise CaseFailure("ragged result")
    return [len(v)] + inner


def flatten(v):
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(flatten(x))
        return out
    return [v]


def _num(y, what):
    if isinstance(y, bool) or not isinstance(y, (int, float)):
        raise CaseFailure("%s: got %r, not a number" % (what, y))
    if isinstance(y, float) and not math.isfinite(y):
        raise CaseFailure("%s: got %r" % (what, y))
    return Fraction(y)


def _int(y, what):
    if isinstance(y, bool) or not isinstance(y, (int, float)) or (isinstance(y, float) and (not math.isfinite(y) or y != int(y))):
        raise CaseFailure("%s: got %r, not an integer" % (what, y))
    return int(y)


def _fmt(q):
    return "%.17g" % float(q)


def _ratio(err, bound):
    if err == 0:
        return 0.0
    if bound == 0:
        return math.inf
    r = err / bound
    return math.inf if r > 10 ** 300 else float(r)


# ----------------------------------------------------------------------------------------------
# Acceptance rules (one per expected.kind)
# ----------------------------------------------------------------------------------------------

def _within(y, e, dtype, what):
    """Exact distance from y to e's exact value or enclosure, vs e's bound. Returns err/bound."""
    Y = _num(y, what)
    if "exact" in e:
        lo = hi = Fraction(e["exact"])
    else:
        lo, hi = Fraction(e["lo"]), Fraction(e["hi"])
    dist = lo - Y if Y < lo else (Y - hi if Y > hi else Fraction(0))
    bound = Fraction(e["bound"][dtype])
    r = _ratio(dist, bound)
    if dist > bound:
        where = ("exact %s" % _fmt(lo)) if lo == hi else ("exact in [%s, %s]" % (_fmt(lo), _fmt(hi)))
        raise CaseFailure("%s: got %r, %s, distance %.6g > bound %.6g (err/bound %.4g)" % (what, y, where, float(dist), float(bound), r))
    return r


def check_elementwise(exp, got, dtype, args):
    shape = exp["shape"]
    n = 1
    for d in shape:
        n *= d
    gshape = shape_of(got)
    if n == 0:
        if not isinstance(got, list) or flatten(got):
            raise CaseFailure("expected an empty result of shape %r, got %r" % (shape, got))
        return 0.0
    if gshape != shape:
        raise CaseFailure("result shape %r, expected %r" % (gshape, shape))
    worst = 0.0
    for i, (e, y) in enumerate(zip(exp["elements"], flatten(got))):
        worst = max(worst, _within(y, e, dtype, "element %d" % i))
    return worst


def check_integers(exp, got, dtype, args):
    shape = exp["shape"]
    flat = flatten(got) if isinstance(got, list) else [got]
    if len(exp["elements"]) == 0:
        if isinstance(got, list) and not flat:
            return None
        raise CaseFailure("expected an empty result, got %r" % (got,))
    if shape_of(got) != shape:
        raise CaseFailure("result shape %r, expected %r" % (shape_of(got), shape))
    for i, (e, y) in enumerate(zip(exp["elements"], flat)):
        q = _int(y, "element %d" % i)
        if q not in e["admissible"][dtype]:
            raise CaseFailure("element %d: got %d, admissible %s (exact, ties to even: %d)" % (i, q, e["admissible"][dtype], e["exact"]))
    return None


def check_quant_params(exp, got, dtype, args):
    if not isinstance(got, dict) or "scale" not in got or "zeroPoint" not in got:
        raise CaseFailure("expected {scale, zeroPoint}, got %r" % (got,))
    r = _within(got["scale"], exp["scale"], dtype, "scale")
    z = _int(got["zeroPoint"], "zeroPoint")
    adm = exp["zeroPoint"]["admissible"][dtype]
    if z not in adm:
        raise CaseFailure("zeroPoint: got %d, admissible %s (exact, ties to even: %d)" % (z, adm, exp["zeroPoint"]["exact"]))
    return r


def check_value(exp, got, dtype, args):
    if got != exp["value"]:
        raise CaseFailure("got %s, expected %s" % (json.dumps(got, ensure_ascii=False), json.dumps(exp["value"], ensure_ascii=False)))
    return None


def _initial_symbols(word, eow):
    s = list(word)  # code points, like JavaScript's Array.from
    if eow != "":
        s.append(eow)
    return s


def _apply_merge(sy, a, b):
    out, i = [], 0
    while i < len(sy):
        if i + 1 < len(sy) and sy[i] == a and sy[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(sy[i])
            i += 1
    return out


def check_bpe_maximal(exp, got, dtype, args):
    if not isinstance(got, list) or not all(isinstance(m, list) and len(m) == 2 and all(isinstance(s, str) for s in m) for m in got):
        raise CaseFailure("expected a list of [left, right] string pairs, got %r" % (got,))
    if len(got) > exp["maxMerges"]:
        raise CaseFailure("%d merges, at most %d asked for" % (len(got), exp["maxMerges"]))
    eow = args["endOfWord"]
    words = [(_initial_symbols(w, eow), c) for w, c in args["words"].items()]
    for step, (a, b) in enumerate(got):
        counts = {}
        for sy, c in words:
            for i in range(len(sy) - 1):
                counts[(sy[i], sy[i + 1])] = counts.get((sy[i], sy[i + 1]), 0) + c
        mine = counts.get((a, b), 0)
        if mine == 0:
            raise CaseFailure("merge %d (%r, %r) does not occur at its step" % (step + 1, a, b))
        best = max(counts.values())
        if mine < best:
            better = sorted(p for p, c in counts.items() if c == best)
            raise CaseFailure("merge %d (%r, %r) has count %d < maximal count %d of %s" % (step + 1, a, b, mine, best, better[:4]))
        words = [(_apply_merge(sy, a, b), c) for sy, c in words]
    if len(got) < exp["maxMerges"] and any(len(sy) > 1 for sy, _ in words):
        raise CaseFailure("stopped after %d of %d merges while pairs remain" % (len(got), exp["maxMerges"]))
    return None


def _crf_terms(args, path):
    E, A = args["emissions"], args["transitions"]
    start, end = args.get("start"), args.get("end")
    T = len(E)
    if T == 0:
        return []
    out = []
    if start is not None:
        out.append(start[path[0]])
    out.append(E[0][path[0]])
    for t in range(1, T):
        out.append(A[path[t - 1]][path[t]])
        out.append(E[t][path[t]])
    if end is not None:
        out.append(end[path[T - 1]])
    return [Fraction(x) for x in out]


def check_viterbi(exp, got, dtype, args):
    if not isinstance(got, dict) or "path" not in got or "score" not in got:
        raise CaseFailure("expected {path, score}, got %r" % (got,))
    T, L = len(args["emissions"]), len(args["transitions"])
    path = got["path"]
    if not isinstance(path, list) or len(path) != T:
        raise CaseFailure("path %r: expected a list of length T = %d" % (path, T))
    path = [_int(y, "path[%d]" % i) for i, y in enumerate(path)]
    if any(y < 0 or y >= L for y in path):
        raise CaseFailure("path %r has a label outside [0, %d)" % (path, L))
    terms = _crf_terms(args, path)
    score = sum(terms, Fraction(0))
    opt = Fraction(exp["optimum"])
    slack = Fraction(exp["slack"][dtype])
    if score < opt - slack:
        raise CaseFailure("path %r has exact score %s < optimum %s - slack %.6g (optimal paths: %s)"
                          % (path, _fmt(score), _fmt(opt), float(slack), exp["optimalPaths"][:3]))
    sb = exp["scoreBound"]
    bound = Fraction(sb["gamma"][dtype]) * sum((abs(x) for x in terms), Fraction(0)) + Fraction(sb["tiny"][dtype])
    got_score = _num(got["score"], "score")
    err = abs(got_score - score)
    r = _ratio(err, bound)
    if err > bound:
        raise CaseFailure("score %r for path %r whose exact score is %s: |error| %.6g > bound %.6g (err/bound %.4g)"
                          % (got["score"], path, _fmt(score), float(err), float(bound), r))
    return r


CHECKS = {
    "exact": check_elementwise,
    "enclosure": check_elementwise,
    "integers": check_integers,
    "quant-params": check_quant_params,
    "value": check_value,
    "bpe-maximal": check_bpe_maximal,
    "viterbi": check_viterbi,
}


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------

def _glob_pred(globs):
    if not globs:
        return lambda op: True
    pats = [g.strip() for g in globs.split(",") if g.strip()]
    return lambda op: any(fnmatch.fnmatchcase(op, p) for p in pats)


def run_op(fixture, fn, dtype, max_failures):
    """Check every case of one fixture. Returns (passed, failures [(case, msg)], worst ratio or None)."""
    passed, failures, worst, any_ratio = 0, [], 0.0, False
    for case in fixture["cases"]:
        exp = case["expected"]
        check = CHECKS.get(exp.get("kind"))
        if check is None:
            raise Refused("%s case %s: unknown expected.kind %r (update check_fixtures.py)" % (fixture["op"], case["name"], exp.get("kind")))
        args = decode_args(case["args"])
        try:
            got = plain(fn(decode_args(case["args"]), dtype))
            if fixture["op"] == "lstm.cell" and isinstance(got, dict):
                # the fixture flattens the record {h, c} as [c, h] (its conventions say so)
                got = [got.get("c"), got.get("h")]
            if fixture["op"] == "loss.dpo" and isinstance(got, dict):
                # the fixture flattens {loss, gradChosen, gradRejected} as [loss, *gradChosen, *gradRejected]
                got = [got.get("loss")] + list(got.get("gradChosen") or []) + list(got.get("gradRejected") or [])
        except Exception as exc:  # noqa: BLE001 -- an adapter error fails the case
            failures.append((case["name"], "raised %s: %s" % (type(exc).__name__, exc)))
            continue
        try:
            r = check(exp, got, dtype, args)
        except CaseFailure as f:
            failures.append((case["name"], str(f)))
            continue
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError) as exc:
            failures.append((case["name"], "malformed result %.200r (%s: %s)" % (got, type(exc).__name__, exc)))
            continue
        passed += 1
        if r is not None:
            any_ratio = True
            worst = max(worst, r)
    return passed, failures[:max_failures] if max_failures else failures, (worst if any_ratio else None), len(failures)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Check a Python lemmata adapter against the golden fixtures (exact acceptance with fractions).")
    ap.add_argument("--adapter", required=True, help="path of the adapter module (defines NAME and OPS)")
    ap.add_argument("--fixtures", default=os.path.normpath(os.path.join(here, "..", "..", "fixtures")), help="fixture folder (default: the repository's fixtures/)")
    ap.add_argument("--dtype", default="float32", help="float32, float64, or both comma-separated (one block of output and one summary line per dtype)")
    ap.add_argument("--ops", default=None, help="comma-separated globs on op ids, e.g. 'nn.*,attn.sdpa'")
    ap.add_argument("--max-failures", type=int, default=5, help="failing cases printed per op (default 5; 0 = all)")
    a = ap.parse_args(argv)

    try:
        manifest = verify_manifest(a.fixtures)
        name, ops = load_adapter(a.adapter)
        pred = _glob_pred(a.ops)
        fixtures = []
        for e in sorted(manifest["files"], key=lambda e: e["name"]):
            if not pred(e["op"]):
                continue
            with open(os.path.join(a.fixtures, e["name"]), "rb") as f:
                fx = json.loads(f.read().decode("utf-8"))
            if fx.get("lemmata") != 1 or fx.get("op") != e["op"] or len(fx.get("cases", [])) != e["cases"]:
                raise Refused("%s does not match its manifest entry (op %r, %d cases)" % (e["name"], e["op"], e["cases"]))
            fixtures.append(fx)
    except Refused as r:
        print("REFUSED: %s" % r)
        return 2

    dtypes = [d.strip() for d in a.dtype.split(",") if d.strip()]
    if not dtypes or any(d not in DTYPES for d in dtypes):
        ap.error("--dtype: want %s (comma-separated), got %r" % (" or ".join(DTYPES), a.dtype))
    status = 0
    for dtype in dtypes:
        status = max(status, check_dtype(name, ops, fixtures, manifest, a, dtype))
    return status


def check_dtype(name, ops, fixtures, manifest, a, dtype):
    """One dtype's block: a line per fixture op, then "N passed, N failed". 0 when all pass, 1 otherwise, 2 on a refusal."""
    print("adapter %s (%s), dtype %s, fixtures %s (oracleVersion %s)" % (name, a.adapter, dtype, a.fixtures, manifest.get("oracleVersion")))
    n_pass = n_fail = 0
    skipped = []
    try:
        for fx in fixtures:
            op = fx["op"]
            if op not in ops or dtype not in ops[op][1]:
                skipped.append(op)
                print("SKIP %s (not supported by the adapter in %s)" % (op, dtype))
                continue
            passed, failures, worst, n_failed = run_op(fx, ops[op][0], dtype, a.max_failures)
            total = len(fx["cases"])
            tail = "exact" if worst is None else "worst err/bound %.3g" % worst
            if n_failed == 0:
                n_pass += 1
                print("PASS %s %d/%d cases, %s" % (op, passed, total, tail))
            else:
                n_fail += 1
                case, msg = failures[0]
                print("FAIL %s %d/%d cases; case %s %s" % (op, passed, total, case, msg))
                for case, msg in failures[1:]:
                    print("     case %s %s" % (case, msg))
                if n_failed > len(failures):
                    print("     ... and %d more failing cases" % (n_failed - len(failures)))
    except Refused as r:
        print("REFUSED: %s" % r)
        return 2
    if skipped:
        print("skipped (unsupported in %s): %s" % (dtype, ", ".join(skipped)))
    if n_pass + n_fail == 0:
        print("nothing checked: the adapter supports none of the selected ops in %s" % dtype)
    print("%d passed, %d failed" % (n_pass, n_fail))
    return 0 if n_fail == 0 and n_pass > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
