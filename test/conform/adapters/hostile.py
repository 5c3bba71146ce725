"""A line-protocol "implementation" that misbehaves on purpose, for the robustness test
(test/conform/robustness.test.ts): the same behaviours, byte for byte on the wire, as hostile.mjs.

    python3 -S hostile.py HELLO_BEHAVIOUR PLAN

PLAN is a comma-separated list of behaviours; request with id k gets behaviour PLAN[(k-1) mod n].
Correct answers come from a float64 softmax rounded to float32.

Python because the robustness test starts this program about 1,300 times (every misbehaviour ends
in a restart) and CPython starts in about a third of the CPU time of Node.js; what the runner sees
(the lines, the exits, the hangs, stderr) is the same as from hostile.mjs.
"""
import json
import math
import os
import struct
import sys
import time
from decimal import Decimal

hello_mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
plan = (sys.argv[2] if len(sys.argv) > 2 else "ok").split(",")


def out(s):
    sys.stdout.write(s)
    sys.stdout.flush()


def js_number(v):
    # Number.prototype.toString (ECMA-262 Number::toString): the shortest round-trip digits, as repr
    if isinstance(v, bool) or not isinstance(v, float):
        return json.dumps(v)
    if not math.isfinite(v):
        return "null"  # JSON.stringify
    if v == 0:
        return "0"
    sign, digits, exp = Decimal(repr(v)).as_tuple()
    d = "".join(map(str, digits)).rstrip("0") or "0"
    exp += len(digits) - len(d)
    k = len(d)
    n = exp + k
    if k <= n <= 21:
        t = d + "0" * (n - k)
    elif 0 < n <= 21:
        t = d[:n] + "." + d[n:]
    elif -6 < n <= 0:
        t = "0." + "0" * (-n) + d
    else:
        t = d[0] + ("." + d[1:] if k > 1 else "") + "e" + ("+" if n - 1 > 0 else "-") + str(abs(n - 1))
    return ("-" if sign else "") + t


def stringify(o):
    # JSON.stringify of the plain values used here: no spaces, keys in insertion order
    if isinstance(o, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + stringify(v) for k, v in o.items()) + "}"
    if isinstance(o, list):
        return "[" + ",".join(stringify(v) for v in o) + "]"
    if isinstance(o, str):
        return json.dumps(o, ensure_ascii=False)
    if o is None:
        return "null"
    return js_number(o)


def line(o):
    out(stringify(o) + "\n")


def exit_now(code):
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def fround(v):
    # Math.fround
    if not math.isfinite(v):
        return v
    try:
        return struct.unpack("f", struct.pack("f", v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)


def div(a, b):
    # IEEE division, as JavaScript's /
    if b != 0:
        return a / b
    if a == 0 or math.isnan(a):
        return math.nan
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


def softmax(t):
    x = [float(v) for v in (t if isinstance(t, list) else t["data"])]
    if len(x) == 0:
        return []
    m = math.nan if any(math.isnan(v) for v in x) else max(x)  # Math.max(...x)
    e = [math.exp(v - m) for v in x]
    s = 0.0
    for v in e:
        s += v
    return [fround(div(v, s)) for v in e]


def good(req):
    return [{"ok": softmax(a["x"])} for a in req["batch"]]


while True:
    text = sys.stdin.readline()
    if text == "":
        break
    req = json.loads(text)
    if req.get("type") == "hello":
        if hello_mode == "ok":
            line({"lemmata": 1, "type": "hello", "name": "hostile", "ops": {"nn.softmax": ["float32"]}})
        elif hello_mode == "garbage":
            out("this is not json\n")
        elif hello_mode == "wrong-version":
            line({"lemmata": 2, "type": "hello", "name": "x", "ops": {}})
        elif hello_mode == "no-ops":
            line({"lemmata": 1, "type": "hello", "name": "x"})
        elif hello_mode == "crash":
            exit_now(7)
        elif hello_mode == "hang":
            pass
        else:
            raise ValueError("unknown hello mode " + hello_mode)
        continue
    rid = req["id"]
    b = plan[(rid - 1) % len(plan)]
    if b == "ok":
        line({"id": rid, "results": good(req)})
    elif b == "slow":
        time.sleep(0.03)
        line({"id": rid, "results": good(req)})
    elif b == "garbage":
        out('{"id": oops\n')
    elif b == "not-object":
        line([1, 2, 3])
    elif b == "crash":
        exit_now(3)
    elif b == "partial-then-crash":
        out('{"id":' + str(rid) + ',"results":[')
        exit_now(4)
    elif b == "hang":
        while True:
            time.sleep(3600)
    elif b == "wrong-id":
        line({"id": rid + 1000, "results": good(req)})
    elif b == "wrong-count":
        line({"id": rid, "results": good(req) + [{"ok": [1]}]})
    elif b == "no-results":
        line({"id": rid, "answer": 42})
    elif b == "huge":
        out('{"id":' + str(rid) + ',"results":[{"ok":[' + "0," * 600_000 + "0]}]}\n")
    elif b == "nan":
        line({"id": rid, "results": [{"ok": {"dtype": "float32", "shape": [a["x"]["shape"][0]], "data": ["NaN" for _ in a["x"]["data"]]}} for a in req["batch"]]})
    elif b == "wrong-shape":
        line({"id": rid, "results": [{"ok": [0.5]} for _ in req["batch"]]})
    elif b == "bad-tensor":
        line({"id": rid, "results": [{"ok": {"dtype": "float32", "shape": [3], "data": [1, "x"]}} for _ in req["batch"]]})
    elif b == "bad-b64":
        line({"id": rid, "results": [{"ok": {"dtype": "float32", "shape": [2], "b64": "AAAA"}} for _ in req["batch"]]})
    elif b == "item-error":
        line({"id": rid, "results": [{"error": "deliberate failure"} for _ in req["batch"]]})
    elif b == "request-error":
        line({"id": rid, "error": "deliberate request failure"})
    elif b == "bad-item":
        line({"id": rid, "results": [17 for _ in req["batch"]]})
    elif b == "extra-line":
        line({"id": rid, "results": good(req)})
        line({"note": "unsolicited"})
    elif b == "stderr-spam":
        sys.stderr.write("x" * 100_000 + "\n")
        sys.stderr.flush()
        line({"id": rid, "results": good(req)})
    elif b == "deep":
        out('{"id":' + str(rid) + ',"results":[' + ",".join('{"ok":' + "[" * 200 + "]" * 200 + "}" for _ in req["batch"]) + "]}\n")
    elif b == "proto-key":
        out('{"id":' + str(rid) + ',"results":[{"ok":{"__proto__":{"polluted":true},"x":1}}]}\n')
    else:
        raise ValueError("unknown behaviour " + b)
