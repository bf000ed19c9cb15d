// Tokenizers: our trained byte-level BPE (llama.cpp "gpt2"/"gpt-2" vocabulary) and real models'
// vocabularies through node-llama-cpp.
export type { Tokenizer } from "./tokenizer.js";
export { BpeTokenizer } from "./bpe.js";
export { isPreTokenizerName, PRE_TOKENIZERS, type PreTokenizerName } from "./pretokenize.js";
export { TOKEN_TYPE, trainBpe, type BpeTrainOptions, type BpeData } from "./bpe-train.js";
export { LlamaVocabTokenizer, type LlamaVocabOptions } from "./llama-vocab.js";
export { gpt2Split, partitionSpecial } from "./pretokenize.js";
export { BYTE_TO_CHAR, byteEncode } from "./byte-level.js";
