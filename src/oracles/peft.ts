/** Exact oracles of the peft domain (Parameter-efficient fine-tuning: LoRA, adapters, (IA)³, prefix tuning). Imports src/numerics only. */
export {};
