/** Exact oracles of the decoding domain (Decoding: greedy, beam search, top-k, top-p, temperature). Imports src/numerics only. */
export {};
