/** Exact oracles of the scaling domain (Scaling laws and multilingual sampling). Imports src/numerics only. */
export {};
