/** Exact oracles of the alignment domain (Alignment: REINFORCE, reward models, KL penalties, DPO). Imports src/numerics only. */
export {};
