/**
 * lemmata adapter for Hugging Face `tokenizers` (the Node binding of the Rust library), BPE.
 *
 *   npx lemmata conform --impl clients/js/tokenizers-adapter.mjs
 *
 * Ops: text.bpe-train (tieBreak 'none' and 'hf-smallest-id'; byteLevel through HF's ByteLevel pre-tokenizer) and
 * text.bpe-encode (byteLevel likewise).
 *
 * HOW IT MAPS lemmata's CONVENTIONS ONTO HF
 *
 * lemmata: a word is split into code points and the end-of-word marker (`endOfWord`, e.g. '_' or
 * '</w>', '' for none) is appended as ONE SEPARATE SYMBOL; symbols are strings (a '_' inside a
 * word and the marker '_' are the same symbol); pair counts are weighted by word counts; a merge
 * replaces occurrences left to right, non-overlapping; training stops after `merges` merges or
 * when no pair is left. Encoding applies merges by rank (lowest first, leftmost among equals).
 *
 * 1. End-of-word marker. HF's own mechanism, BpeTrainer's `end_of_word_suffix`, GLUES the suffix
 *    onto the last character ("low" → l o w</w>), i.e. it performs, before learning and for free,
 *    a merge (c, </w>) for every word-final character c. HF therefore counts word-final
 *    characters as different symbols from the same characters elsewhere: with the notes' corpus
 *    lemmata counts (s, t) = 9 ("newest", "widest") where HF counts (s, t</w>) = 9 and (s, t) = 0
 *    — the statistics, not just the tie order, differ. An HF suffix-mode merge list translates
 *    into lemmata's symbol space only as [(c, </w>) for every final character c] followed by
 *    HF's merges (symbol strings coincide: HF "t</w>" is lemmata's "t"+"</w>" = "t</w>"); that
 *    list segments words exactly as HF does, but it is not a most-frequent-pair learning
 *    sequence (the implicit merges are taken at whatever count they have, e.g. (r, </w>) at 2),
 *    so lemmata's tie-aware property would reject it for a convention reason, not a bug.
 *    Besides, the Node binding cannot set the suffix at all: `Tokenizer.train(files)` always
 *    uses `BpeTrainer::default()` (no suffix, vocab_size 30000, min_frequency 0, no special
 *    tokens, progress output on) and no trainer object is exposed (tokenizers 0.23.2).
 *    So this adapter appends the marker to every training word AS AN ORDINARY CHARACTER —
 *    exactly lemmata's convention — and HF's merges are then already lemmata merges:
 *      - a one-code-point marker ('_') is appended as itself (no translation at all; a '_'
 *        inside a word is the same symbol in both libraries);
 *      - a longer marker ('</w>') is replaced by a private-use code point absent from the corpus
 *        and translated back in every returned symbol. This is exact unless a word contains the
 *        marker string itself (then lemmata's string-identity of symbols would conflate "w</w>"
 *        spelled out with "w" + marker, which HF cannot); such input is rejected with an Error.
 * 2. Tie-break. HF pops the pair with the highest count and, among equals, the smallest
 *    (left id, right id), where ids are: the alphabet sorted by code point, then merged tokens in
 *    creation order. For two single characters that is code-point order, but once merged tokens
 *    take part it is neither lemmata's 'lexicographic' (string order) nor 'first-occurrence'
 *    (HF aggregates words in a hash map and keeps no corpus order). HF cannot be made to follow
 *    lemmata's pinned rules, so tieBreak 'lexicographic' / 'first-occurrence' throws
 *    "tie-break rule X not supported by HF tokenizers" (an `error` verdict, by design);
 *    tieBreak 'none' is supported (lemmata then accepts any maximal-count merge at each step).
 * 3. Stopping. HF stops on vocabulary size, not on a merge count: a merge whose string already
 *    exists (e.g. (ab, c) after (a, bc) made "abc") is recorded without growing the vocabulary.
 *    The merge sequence itself does not depend on the stop criterion, so the adapter trains to
 *    exhaustion and returns the first `merges` merges. min_frequency is 0 in the default trainer,
 *    so HF, like lemmata, merges as long as some pair occurs at all. The default vocab_size 30000
 *    caps the number of merges at 30000 − |alphabet|; if that cap, not exhaustion, cuts the list
 *    short of `merges`, the adapter throws rather than return a truncated list.
 * 4. Word counts. The binding trains from files only (no iterator, no word-count API), so each
 *    word + marker is written `count` times, one per line, to a temporary file in os.tmpdir()
 *    (removed afterwards); lines are cut with the pre-tokenizer charDelimiterSplit('\n'), no
 *    normalizer. Words containing '\n' therefore cannot be trained on (Error). Words must be
 *    well-formed UTF-16 (lone surrogates cannot cross into Rust strings); HF iterates Unicode
 *    scalar values, which are lemmata's code points (Array.from).
 * 5. Encoding. The merges are loaded with BPE.init(vocab, merges) into a Tokenizer with no
 *    normalizer, no pre-tokenizer (the whole word + marker is one pre-token), no unk token (every
 *    character of the word is put in the vocabulary), no dropout. HF's merge table is a hash map
 *    built in list order, so a pair listed twice keeps its LAST rank, whereas lemmata keeps the
 *    first: the adapter drops later duplicates before loading (exact mapping). HF applies merges
 *    by (rank, position) with a priority queue — the same as lemmata's lowest rank, leftmost.
 * 6. Output hygiene. HF's trainer prints to stdout (a `println!()` per stage, plus indicatif
 *    progress bars when attached to a terminal) and this cannot be switched off from Node, which
 *    would corrupt a line-protocol or JSON stdout of the host. Training therefore runs in a
 *    forked child process of this same module, with its stdout discarded; the child is started on
 *    first use and does not keep the host process alive.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const WORKER_FLAG = '--lemmata-hf-tokenizers-worker';
const DEFAULT_VOCAB_SIZE = 30000; // BpeTrainer::default().vocab_size

const tokenizersVersion = (() => {
  try { return require('tokenizers/package.json').version; } catch { return 'unknown'; }
})();

// ---------------------------------------------------------------------------------------------
// Marker mapping (lemmata space ↔ HF space)

const codePoints = (s) => Array.from(s);

/** How the marker is represented for HF: itself (one code point), a private-use stand-in, or nothing. */
function markerFor(endOfWord, words, others = []) {
  if (endOfWord === '') return { hf: '', toHf: (s) => s, fromHf: (s) => s };
  if (codePoints(endOfWord).length === 1) return { hf: endOfWord, toHf: (s) => s, fromHf: (s) => s };
  for (const w of words) {
    if (w.includes(endOfWord)) {
      throw new Error(`word ${JSON.stringify(w)} contains the end-of-word marker ${JSON.stringify(endOfWord)}: lemmata's symbols ` +
        `are strings, so it would conflate the spelled-out marker with the marker symbol, which HF cannot reproduce`);
    }
  }
  const used = new Set();
  for (const w of [...words, ...others]) for (const c of w) used.add(c);
  let cp = 0xe000;
  while (used.has(String.fromCodePoint(cp))) {
    cp++;
    if (cp > 0xf8ff) throw new Error('no free private-use code point to stand in for the end-of-word marker');
  }
  const pua = String.fromCodePoint(cp);
  return {
    hf: pua,
    toHf: (s) => (s.endsWith(endOfWord) ? s.slice(0, s.length - endOfWord.length) + pua : s),
    fromHf: (s) => s.split(pua).join(endOfWord),
  };
}

function checkWellFormed(s, what) {
  if (typeof s !== 'string') throw new Error(`${what}: expected a string, got ${typeof s}`);
  if (typeof s.isWellFormed === 'function' ? !s.isWellFormed() : /[\uD800-\uDFFF]/u.test(s)) {
    throw new Error(`${what} ${JSON.stringify(s)} has a lone surrogate; HF tokenizers works on Unicode scalar values`);
  }
}

// ---------------------------------------------------------------------------------------------
// Training in a child process (HF writes to stdout while training)

function trainInThisProcess({ lines, tmpRoot, byteLevel }) {
  const tk = require('tokenizers');
  const dir = fs.mkdtempSync(path.join(tmpRoot, 'lemmata-hf-bpe-'));
  try {
    const corpus = path.join(dir, 'corpus.txt');
    fs.writeFileSync(corpus, lines.length ? lines.join('\n') + '\n' : '');
    const tokenizer = new tk.Tokenizer(tk.BPE.empty());
    // byteLevel: HF's own ByteLevel pre-tokenizer (no prefix space, no GPT-2 regex) after the line split
    tokenizer.setPreTokenizer(byteLevel
      ? tk.sequencePreTokenizer([tk.charDelimiterSplit('\n'), tk.byteLevelPreTokenizer(false, false)])
      : tk.charDelimiterSplit('\n'));
    tokenizer.train([corpus]);
    const saved = path.join(dir, 'tokenizer.json');
    tokenizer.save(saved);
    const model = JSON.parse(fs.readFileSync(saved, 'utf8')).model;
    // Newer tokenizer.json stores merges as [left, right]; older as "left right".
    const merges = model.merges.map((m) => (Array.isArray(m) ? m : m.split(' ')));
    return { merges, vocabSize: Object.keys(model.vocab).length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === WORKER_FLAG && typeof process.send === 'function') {
  process.on('message', (msg) => {
    let reply;
    try {
      reply = { id: msg.id, ok: trainInThisProcess(msg) };
    } catch (e) {
      reply = { id: msg.id, error: e instanceof Error ? e.message : String(e) };
    }
    process.send(reply);
  });
  process.on('disconnect', () => process.exit(0));
}

let worker = null;
let stderrTail = '';
let nextId = 1;
const pending = new Map();

function setRef(on) {
  if (!worker) return;
  if (on) { worker.ref(); worker.channel?.ref?.(); } else { worker.unref(); worker.channel?.unref?.(); }
}

function getWorker() {
  if (worker) return worker;
  const w = fork(fileURLToPath(import.meta.url), [WORKER_FLAG], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  w.stderr.setEncoding('utf8');
  w.stderr.on('data', (d) => { stderrTail = (stderrTail + d).slice(-2000); });
  w.stderr.unref?.();
  w.on('message', (msg) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (pending.size === 0) setRef(false);
    if ('error' in msg) p.reject(new Error(`HF tokenizers: ${msg.error}`));
    else p.resolve(msg.ok);
  });
  w.on('exit', (code, signal) => {
    if (worker === w) worker = null;
    const why = `HF tokenizers worker exited (${signal ?? `code ${code}`}); stderr: ${stderrTail.trim().slice(-500)}`;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  });
  worker = w;
  return w;
}

function trainRemote(lines, byteLevel = false) {
  const w = getWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    setRef(true);
    w.send({ id, lines, tmpRoot: os.tmpdir(), byteLevel });
  });
}

// ---------------------------------------------------------------------------------------------
// Ops

/** A one-code-point marker that GPT-2's byte-to-unicode table maps to itself (printable ASCII but space). */
const byteSafeMarker = (m) => m === '' || (codePoints(m).length === 1 && m >= '!' && m <= '~');

export async function bpeTrain({ words, merges, endOfWord, tieBreak, byteLevel }) {
  if (tieBreak === 'lexicographic' || tieBreak === 'first-occurrence') {
    throw new Error(`tie-break rule ${tieBreak} not supported by HF tokenizers (it breaks ties by the smallest pair of ` +
      `token ids: alphabet in code-point order, then merged tokens in creation order); only 'none' and 'hf-smallest-id' can be checked`);
  }
  if (tieBreak !== undefined && tieBreak !== 'none' && tieBreak !== 'hf-smallest-id') throw new Error(`unknown tie-break rule ${JSON.stringify(tieBreak)}`);
  if (!Number.isSafeInteger(merges) || merges < 0) throw new Error(`merges must be a non-negative integer, got ${merges}`);
  const eow = endOfWord ?? '_';
  // lemmata numbers a multi-character marker by its own code points; HF only sees the private-use stand-in
  if (tieBreak === 'hf-smallest-id' && codePoints(eow).length > 1) {
    throw new Error(`tie-break hf-smallest-id with the multi-character marker ${JSON.stringify(eow)}: HF numbers its stand-in ` +
      `code point, not the marker's own characters, so the ids differ by construction`);
  }
  if (byteLevel && !byteSafeMarker(eow)) throw new Error(`byteLevel with marker ${JSON.stringify(eow)}: HF's ByteLevel would byte-map the marker, lemmata does not`);
  const entries = Object.entries(words);
  for (const [w, c] of entries) {
    checkWellFormed(w, 'word');
    if (w.includes('\n')) throw new Error(`word ${JSON.stringify(w)} contains a newline: HF tokenizers trains from files, one word per line`);
    if (!Number.isSafeInteger(c) || c < 1) throw new Error(`count of ${JSON.stringify(w)} must be a positive integer`);
  }
  checkWellFormed(eow, 'endOfWord');
  if (merges === 0) return [];
  const marker = markerFor(eow, entries.map(([w]) => w));
  const lines = [];
  for (const [w, c] of entries) {
    if (w + marker.hf === '') continue; // nothing to count
    for (let i = 0; i < c; i++) lines.push(w + marker.hf);
  }
  const { merges: hf, vocabSize } = await trainRemote(lines, byteLevel === true);
  if (hf.length < merges && vocabSize >= DEFAULT_VOCAB_SIZE) {
    throw new Error(`HF's default BpeTrainer stopped at its vocab_size ${DEFAULT_VOCAB_SIZE} after ${hf.length} merges ` +
      `(${merges} asked); the Node binding cannot raise it`);
  }
  return hf.slice(0, merges).map(([a, b]) => [marker.fromHf(a), marker.fromHf(b)]);
}

async function bpeEncode({ word, merges, endOfWord, byteLevel }) {
  const tk = require('tokenizers');
  const eow = endOfWord ?? '_';
  if (byteLevel) return bpeEncodeByteLevel(tk, word, merges, eow);
  checkWellFormed(word, 'word');
  checkWellFormed(eow, 'endOfWord');
  const text = word + eow;
  if (text === '') return [];
  const marker = markerFor(eow, [word], merges.flat());
  const hfMerges = firstRanks(merges).map(([a, b]) => [marker.toHf(a), marker.toHf(b)]);
  const vocab = {};
  let id = 0;
  const add = (s) => { if (!(s in vocab)) vocab[s] = id++; };
  for (const c of word + marker.hf) add(c);
  for (const [a, b] of hfMerges) { add(a); add(b); add(a + b); }
  const tokenizer = new tk.Tokenizer(tk.BPE.init(vocab, hfMerges));
  const enc = await tokenizer.encode(word + marker.hf);
  return enc.getTokens().map(marker.fromHf);
}

/** lemmata keeps the first rank of a pair listed twice, HF the last: the merges without later duplicates. */
function firstRanks(merges) {
  const seen = new Set();
  return merges.filter(([a, b]) => {
    const key = JSON.stringify([a, b]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Byte-level encoding through HF's own ByteLevel pre-tokenizer (no prefix space, no regex): the
 * word + marker becomes its UTF-8 bytes as GPT-2 characters inside HF; the vocabulary holds the
 * whole byte-level alphabet (tk.byteLevelAlphabet()), every merge operand and result.
 */
async function bpeEncodeByteLevel(tk, word, merges, eow) {
  checkWellFormed(word, 'word');
  if (!byteSafeMarker(eow)) throw new Error(`byteLevel with marker ${JSON.stringify(eow)}: HF's ByteLevel would byte-map the marker, lemmata does not`);
  const text = word + eow;
  if (text === '') return [];
  const hfMerges = firstRanks(merges);
  const vocab = {};
  let id = 0;
  const add = (s) => { if (!(s in vocab)) vocab[s] = id++; };
  for (const c of tk.byteLevelAlphabet()) add(c);
  for (const [a, b] of hfMerges) { add(a); add(b); add(a + b); }
  const tokenizer = new tk.Tokenizer(tk.BPE.init(vocab, hfMerges));
  tokenizer.setPreTokenizer(tk.byteLevelPreTokenizer(false, false));
  const enc = await tokenizer.encode(text);
  return enc.getTokens();
}

export default {
  name: `hf-tokenizers-${tokenizersVersion}`,
  dtype: 'float32',
  ops: {
    'text.bpe-train': bpeTrain,
    'text.bpe-encode': bpeEncode,
  },
};
