"""lemmata adapter for SentencePiece in BPE mode (Debian python3-sentencepiece), line protocol.

    node bin/lemmata.mjs conform --impl-cmd "/usr/bin/python3 clients/python/sentencepiece_adapter.py" \
        --ops text.bpe-train,text.bpe-encode --xfail reports/peers/sentencepiece.xfail.json

Ops: text.bpe-train (tieBreak 'sentencepiece' and 'none') and text.bpe-encode. Byte-level BPE is
refused (SentencePiece has no GPT-2 byte-to-unicode alphabet; its byte_fallback only spells
UNKNOWN characters as <0xNN> pieces). Everything below was read in bpe_model_trainer.cc /
trainer_interface.cc / bpe_model.cc of v0.1.97 and checked on this build.

HOW lemmata's CONVENTIONS MAP ONTO SentencePiece (the training options the adapter sets)

1. Input. Each word is one TSV line "word<TAB>count" (input_format='tsv': the count is the
   sentence frequency, exact), fed through a sentence iterator; normalization_rule_name='identity'
   (the default nmt_nfkc would rewrite characters), remove_extra_whitespaces=False,
   character_coverage=1.0 (every character is a required char: none becomes <unk>),
   split_by_unicode_script=False, split_by_number=False, split_digits=False (the defaults forbid
   pieces across scripts / letters+digits), max_sentencepiece_length=512 (the most it accepts;
   default 16), byte_fallback=False, bos/eos disabled, one thread. Words holding whitespace,
   control characters, U+2581 or U+2047 are refused (SentencePiece escapes/splits/skips them).
2. End-of-word marker. SentencePiece's marker is the whitespace symbol U+2581 '▁', by default a
   word PREFIX (the "dummy prefix": "low" -> "▁low"); with treat_whitespace_as_suffix it is a
   suffix, which is lemmata's convention: endOfWord '▁' <-> add_dummy_prefix + suffix mode;
   endOfWord '' <-> add_dummy_prefix=False; any other one-code-point marker is appended to each
   word as an ordinary character (the same symbol strings). A longer marker ('</w>', one symbol
   of four characters in lemmata) is a single private-use character inside SentencePiece (mapped
   back in the result) - exact for tieBreak 'none'; with tieBreak 'sentencepiece' it is refused,
   because the rule compares merged strings by length and SentencePiece would see one character
   where lemmata sees four.
3. Tie rule (tieBreak 'sentencepiece'). Among pairs of equal frequency SentencePiece takes the
   SHORTEST merged piece (Unicode characters), then the smaller piece as std::string (UTF-8
   bytes = code-point order). lemmata's 'sentencepiece' rule is exactly that (equal merged
   strings from different pairs: lemmata takes the smaller left symbol; SentencePiece's order
   there is the address order of its symbol objects, unspecified). lexicographic /
   first-occurrence / hf-smallest-id cannot be followed: refused with an error.
4. Vocabulary size vs merges. vocab_size counts pieces: <unk> + merged pieces + every required
   character (appended at the end). The adapter asks for 1 + merges + |alphabet| with
   hard_vocab_limit=False and reads the merged pieces back in score order.
5. Duplicates. A merge whose piece string already exists ((ab, c) after (a, bc) made "abc") is
   dropped by SentencePiece WITHOUT being applied and does not count; lemmata applies it.
6. Stopping. SentencePiece does not stop when no pair is left: it goes on emitting pieces of
   frequency 0 (pairs that once existed, e.g. "ow" after "low" on {low: 1}) until its candidate
   set is empty or the vocabulary is full. lemmata stops; the adapter cuts the list at the first
   piece that no adjacent pair of the current segmentation can form.
7. Merges are pieces, not pairs. The model stores piece strings only. The adapter recovers each
   merge's (left, right) by replaying the pieces on the corpus: the adjacent pair(s) whose
   concatenation is the piece; two different pairs with the same string and the same count are
   ambiguous (SentencePiece's choice is not observable) and raise an error.
8. Known deviations of 0.1.97 itself, kept as they are (declared in
   reports/peers/sentencepiece.xfail.json with counterexamples): (a) overlapping pairs in a run
   are counted once ("aaa": (a, a) once, left-greedy, not twice as in lemmata, subword-nmt and HF;
   ComputeFreq's "avoids double-count"); (b) the skipped overlapping positions are erased for
   good, so after a neighbouring merge the pair is not seen again ({baaa: 1, ba: 1}: after ba,
   [ba, a, a] still holds (a, a) but SentencePiece counts 0 and learns baa, baaa); (c) only the
   "active" candidate pairs (the max(1000, 5 % of all) most frequent, refreshed every 100 pieces,
   plus pairs created since) are searched: on large corpora a tie can be decided among a subset.
9. Encoding (text.bpe-encode). A BPE ModelProto is built from the merge list: one NORMAL piece
   per distinct merged string, score = -(rank of its first listing), plus every character of the
   word (lower scores), identity normalizer, no dummy prefix, no whitespace escaping. SentencePiece
   then merges, repeatedly, the adjacent pair whose CONCATENATION is the best-scored piece
   (leftmost among equals): rank by merged string, not by pair - (x, y) is merged whenever x + y
   is a piece even if (x, y) is not a listed merge. Equal to lemmata for merge lists whose pieces
   are formed only by their own pair; otherwise a declared convention difference.
"""
import io
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sentencepiece as spm  # noqa: E402
from sentencepiece import sentencepiece_model_pb2 as model_pb2  # noqa: E402

from lemmata_protocol import serve  # noqa: E402

NAME = "sentencepiece-%s-bpe" % spm.__version__
PROFILE = {
    "elementaryUlps": 0,
    "flushToZero": False,
    "algorithms": {"text.bpe-train": "incremental counts", "text.bpe-encode": "one merge at a time"},
    # The conventions this peer follows (read by people; the gate ignores the field): see the module docstring.
    "conventions": {
        "text.bpe-train": "tieBreak 'sentencepiece' only (shortest merged piece, then code-point order); runs counted "
                          "non-overlapping (pairCount 'non-overlapping', 0.1.97), the skipped run positions are lost for good; "
                          "endOfWord '\u2581' = suffix mode, '' = no dummy prefix; duplicate pieces dropped unapplied; "
                          "frequency-0 pieces after exhaustion cut; no byte level",
        "text.bpe-encode": "rank by merged piece string (best score = earliest listing), not by pair; leftmost; no byte level",
    },
}

WS = "\u2581"  # SentencePiece's whitespace symbol
UNK_CHAR = "\u2047"  # kUNKChar: a sentence holding " \u2047 " is skipped; the character is invalid in pieces
PUA = "\ue000"


def _check_word(w, allowed=""):
    for ch in w:
        if ch in allowed:
            continue
        if ch.isspace() or ord(ch) < 0x20 or ch in (WS, UNK_CHAR, "\x7f") or 0xD800 <= ord(ch) <= 0xDFFF:
            raise ValueError("word %r holds %r, which SentencePiece escapes, splits or rejects" % (w, ch))


def _marker(eow, words, tie):
    """(text appended to each word, add_dummy_prefix, suffix mode, marker as SentencePiece sees it)."""
    if eow == "":
        return "", False, False, ""
    if eow == WS:
        return "", True, True, WS
    if len(eow) == 1:
        _check_word(eow)
        return eow, False, False, eow
    if tie == "sentencepiece":
        raise ValueError("a marker of %d code points is one character inside SentencePiece, so its "
                         "length-first tie rule orders it differently; only tieBreak 'none' is mapped" % len(eow))
    if any(PUA in w or eow in w for w in words):
        raise ValueError("the marker's private-use stand-in or the marker itself occurs in a word")
    return PUA, False, False, PUA


def _train_pieces(words, n_merges, eow, tie):
    append, dummy, suffix, mark = _marker(eow, words, tie)
    for w in words:
        _check_word(w)
    lines = ["%s%s\t%d" % (w, append, c) for w, c in words.items() if w + append]
    alphabet = {ch for w in words for ch in w} | ({mark} if mark else set())
    if not lines or all(len(w) + (1 if mark else 0) < 2 for w in words):
        return [], alphabet, mark  # no character pair anywhere (SentencePiece refuses an empty corpus)
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buf, model_type="bpe", input_format="tsv",
        vocab_size=1 + n_merges + len(alphabet), hard_vocab_limit=False, character_coverage=1.0,
        normalization_rule_name="identity", add_dummy_prefix=dummy, treat_whitespace_as_suffix=suffix,
        remove_extra_whitespaces=False, split_by_unicode_script=False, split_by_number=False,
        split_digits=False, split_by_whitespace=True, max_sentencepiece_length=512, byte_fallback=False,
        bos_id=-1, eos_id=-1, unk_id=0, num_threads=1, minloglevel=2, shuffle_input_sentence=False,
        max_sentence_length=1 << 20)
    m = model_pb2.ModelProto()
    m.ParseFromString(buf.getvalue())
    normal = model_pb2.ModelProto.SentencePiece.NORMAL
    pieces = [p.piece for p in m.pieces if p.type == normal and len(p.piece) >= 2]
    return pieces, alphabet, mark


def _replay(words, pieces, eow_symbol):
    """Recover (left, right) of each piece by replaying on the corpus; stop at the first piece that
    no adjacent pair forms (SentencePiece's frequency-0 pieces)."""
    state = []
    for w, c in words.items():
        syms = list(w) + ([eow_symbol] if eow_symbol else [])
        state.append((syms, c, "".join(syms)))
    merges = []
    for piece in pieces:
        cand = {}
        hit = [k for k, (_, _, text) in enumerate(state) if piece in text]  # a piece spells a substring of its words
        for k in hit:
            syms, c, _ = state[k]
            for i in range(len(syms) - 1):
                if syms[i] + syms[i + 1] == piece:
                    key = (syms[i], syms[i + 1])
                    cand[key] = cand.get(key, 0) + c
        if not cand:
            break  # frequency 0: SentencePiece went on after no pair was left
        best = max(cand.values())
        top = sorted(k for k, v in cand.items() if v == best)
        if len(top) > 1:
            raise ValueError("piece %r can be formed by %r with equal counts; SentencePiece's choice is not observable" % (piece, top))
        a, b = top[0]
        merges.append([a, b])
        for k in hit:
            syms, c, text = state[k]
            out, i = [], 0
            while i < len(syms):
                if i + 1 < len(syms) and syms[i] == a and syms[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(syms[i])
                    i += 1
            state[k] = (out, c, text)
    return merges


def bpe_train(args, dtype):
    if args.get("byteLevel"):
        raise ValueError("SentencePiece has no GPT-2 byte-level alphabet (byte_fallback spells unknown characters only)")
    tie = args["tieBreak"]
    if tie not in ("sentencepiece", "none"):
        raise ValueError("tie-break rule %r not supported by SentencePiece (it breaks ties by the shortest merged piece, "
                         "then code-point order: tieBreak 'sentencepiece')" % (tie,))
    words = {w: int(c) for w, c in args["words"].items()}
    eow = args["endOfWord"]
    n = int(args["merges"])
    pieces, _alphabet, mark = _train_pieces(words, n, eow, tie)
    merges = _replay(words, pieces, mark)[:n]
    if mark == PUA:
        merges = [[x.replace(PUA, eow) for x in m] for m in merges]
    return merges


def bpe_encode(args, dtype):
    if args.get("byteLevel"):
        raise ValueError("SentencePiece has no GPT-2 byte-level alphabet")
    word, eow = args["word"], args["endOfWord"]
    merges = [list(m) for m in args["merges"]]
    _check_word(word)
    mark = eow
    if len(eow) > 1:
        if PUA in word or eow in word or any(PUA in x for m in merges for x in m):
            raise ValueError("the marker's private-use stand-in or the marker occurs in the input")
        mark = PUA
        merges = [[x.replace(eow, PUA) for x in m] for m in merges]
    elif eow:
        _check_word(eow, allowed=WS)
    text = word + mark
    if not text:
        return []
    m = model_pb2.ModelProto()
    m.trainer_spec.model_type = model_pb2.TrainerSpec.BPE
    m.trainer_spec.unk_id = 0
    m.trainer_spec.bos_id = -1
    m.trainer_spec.eos_id = -1
    m.trainer_spec.pad_id = -1
    m.normalizer_spec.name = "identity"
    m.normalizer_spec.add_dummy_prefix = False
    m.normalizer_spec.remove_extra_whitespaces = False
    m.normalizer_spec.escape_whitespaces = False
    unk = m.pieces.add()
    unk.piece, unk.score, unk.type = "<unk>", 0.0, model_pb2.ModelProto.SentencePiece.UNKNOWN
    seen = set()
    rank = 0
    for a, b in merges:
        s = a + b
        if s in seen or len(s) < 2:
            rank += 1
            continue
        seen.add(s)
        p = m.pieces.add()
        p.piece, p.score = s, -float(rank)
        rank += 1
    for ch in sorted(set(text) | {ch for mm in merges for x in mm for ch in x}):
        if ch in seen:
            continue
        seen.add(ch)
        p = m.pieces.add()
        p.piece, p.score = ch, -float(rank + 1)
    sp = spm.SentencePieceProcessor()
    sp.LoadFromSerializedProto(m.SerializeToString())
    out = sp.encode(text, out_type=str)
    if mark == PUA:
        out = [x.replace(PUA, eow) for x in out]
    return out


OPS = {
    "text.bpe-train": (bpe_train, ["float32", "float64"]),
    "text.bpe-encode": (bpe_encode, ["float32", "float64"]),
}

if __name__ == "__main__":
    serve(NAME, OPS, PROFILE)
