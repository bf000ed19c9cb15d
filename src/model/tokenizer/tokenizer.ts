// The interface every tokenizer in octoplan implements: our trained byte-level BPE (bpe.ts) and
// the vocabulary of a real model read through node-llama-cpp (llama-vocab.ts). Special tokens
// such as <|end|> in the text are always parsed as their single token, as llama.cpp does with
// `parse_special = true`; no BOS is ever added.

export interface Tokenizer {
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
  /** The id of a token given its exact text (typically a special token); throws when absent. */
  tokenId(text: string): number;
  readonly vocabSize: number;
  readonly eosId: number;
}
