// Settings of the Table 2 experiment (paper §5.2: one LoRA per domain, merged; accuracy for 1..4 domains).
// "full" follows the paper's adapter shape (r 64, alpha 256); "fast" is sized for ~10 minutes of CPU on
// two free cores, so its numbers are noisy and say little about the methods (docs/MULTI_LORA.md).
import type { MergeMethod } from "../adapters/merge-settings.js";
import type { DomainName } from "../functions/index.js";

export const TABLE2_DOMAINS: readonly DomainName[] = ["android", "ecommerce", "video", "travel"];
/** The paper's Table 2: accuracy of the merged planner for 1, 2, 3, 4 domains. */
export const PAPER_TABLE2 = [0.851, 0.822, 0.789, 0.697];

export interface Table2Settings {
  /** Records of the all-domain mix the base is pretrained on, and its optimizer steps. */
  pretrainRecords: number;
  pretrainSteps: number;
  /** Peak learning rate of the base's pretraining (the demo's 3e-3: tiny models from scratch learn faster with it). */
  pretrainLearningRate: number;
  /** Training records per domain and LoRA steps per domain adapter. */
  recordsPerDomain: number;
  adapterSteps: number;
  rank: number;
  alpha: number;
  learningRate: number;
  batchSize: number;
  /** Union LoRAs are trained for these domain counts (steps = adapterSteps × count). */
  unionCounts: number[];
  /** Benchmark queries per domain count. */
  testRecords: number;
  methods: MergeMethod[];
  density: number;
  /** PEFT's weights: every adapter gets this weight (task arithmetic's λ). */
  weight: number;
  seed: number;
  threads?: number;
}

const METHODS: MergeMethod[] = ["linear", "cat", "svd", "ties", "dare_linear", "dare_ties", "magnitude_prune"];

export const TABLE2_SETTINGS: Record<"fast" | "full", Table2Settings> = {
  fast: {
    pretrainRecords: 1000, pretrainSteps: 150, pretrainLearningRate: 3e-3, recordsPerDomain: 300, adapterSteps: 15, rank: 16, alpha: 64, learningRate: 1e-3,
    batchSize: 4, unionCounts: [4], testRecords: 20, methods: METHODS, density: 0.5, weight: 1, seed: 0,
  },
  full: {
    // The base sees each pretraining record about once (fresh data generalises better than epochs, docs/RESULTS.md).
    pretrainRecords: 24000, pretrainSteps: 3000, pretrainLearningRate: 3e-3, recordsPerDomain: 1200, adapterSteps: 400, rank: 64, alpha: 256, learningRate: 5e-4,
    batchSize: 8, unionCounts: [2, 3, 4], testRecords: 100, methods: METHODS, density: 0.5, weight: 1, seed: 0,
  },
};

/** Names of the evaluated configurations besides the merge methods. */
/** "base" is the pretrained base with no adapter: what the adapters add. */
export const EXTRA_CONFIGURATIONS = ["mixing", "routing", "union", "base"] as const;
