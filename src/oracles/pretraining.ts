/** Exact oracles of the pretraining domain (Pretraining objectives: MLM, span corruption, denoising, QA heads). Imports src/numerics only. */
export {};
