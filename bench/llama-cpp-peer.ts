// The llama.cpp peer of bench/train.ts: full fine-tuning with llama.cpp's own trainer (llama_opt_init +
// llama_opt_epoch in the shipped libllama, through koffi), on the same GGUF model and token count.
// The structs are passed as raw bytes: llama_context_params (160 bytes) and llama_opt_params (48 bytes) are larger
// than 16 bytes, so the x86-64 ABI passes and returns them in memory whatever their fields; we start from
// llama_context_default_params() and patch the few fields we need at their offsets in llama.h (checked at run
// time against the defaults). Deliberately left out: anything but CPU, and evaluation.
import koffi, { type LibraryHandle } from "koffi";
import path from "node:path";
import { loadLibraries } from "../src/ggml/library.js";
import { readTensorFields } from "../src/ggml/bindings.js";

const CONTEXT_PARAMS_BYTES = 160;
const MODEL_PARAMS_BYTES = 80;
const OPT_PARAMS_BYTES = 48;
const GGML_TYPE_F32 = 0;
const GGML_TYPE_I32 = 26;

export interface LlamaCppPeerResult {
  tokensPerSecond: number;
  seconds: number;
  tokens: number;
  finalLoss: number;
}

export interface LlamaCppPeerRequest {
  modelPath: string;
  contextLength: number;
  threads: number;
  /** Tokens to train on in all (rounded up to whole datapoints of the context llama.cpp actually uses). */
  tokens: number;
  vocabSize: number;
  seed: number;
}

export function measureLlamaCppFullFineTuning(options: LlamaCppPeerRequest): LlamaCppPeerResult & { contextUsed: number } {
  const directory = loadLibraries("cpu").directory;
  const llama = koffi.load(path.join(directory, "libllama.v0.4.0.so"));
  const base = koffi.load(path.join(directory, "libggml-base.so"));
  koffi.struct("octoplan_llama_context_params", { raw: koffi.array("uint64_t", CONTEXT_PARAMS_BYTES / 8) });
  koffi.struct("octoplan_llama_model_params", { raw: koffi.array("uint64_t", MODEL_PARAMS_BYTES / 8) });
  koffi.struct("octoplan_llama_opt_params", { raw: koffi.array("uint64_t", OPT_PARAMS_BYTES / 8) });
  const f = (library: LibraryHandle, declaration: string) => library.func(declaration) as (...args: unknown[]) => unknown;
  const registry = koffi.load(path.join(directory, "libggml.v0.4.0.so"));
  const loadBackends = f(registry, "void ggml_backend_load_all_from_path(const char * directory)");
  const backendInit = f(llama, "void llama_backend_init(void)");
  const modelDefaults = f(llama, "octoplan_llama_model_params llama_model_default_params(void)");
  const contextDefaults = f(llama, "octoplan_llama_context_params llama_context_default_params(void)");
  const loadModel = f(llama, "void * llama_model_load_from_file(const char * path, octoplan_llama_model_params params)");
  const initContext = f(llama, "void * llama_init_from_model(void * model, octoplan_llama_context_params params)");
  const contextSize = f(llama, "uint32_t llama_n_ctx(void * ctx)");
  const optInit = f(llama, "void llama_opt_init(void * ctx, void * model, octoplan_llama_opt_params params)");
  const optEpoch = f(llama, "void llama_opt_epoch(void * ctx, void * dataset, void * result_train, void * result_eval, int64_t idata_split, void * callback_train, void * callback_eval)");
  const freeContext = f(llama, "void llama_free(void * ctx)");
  const freeModel = f(llama, "void llama_model_free(void * model)");
  const datasetInit = f(base, "void * ggml_opt_dataset_init(int type_data, int type_label, int64_t ne_datapoint, int64_t ne_label, int64_t ndata, int64_t ndata_shard)");
  const datasetData = f(base, "void * ggml_opt_dataset_data(void * dataset)");
  const datasetLabels = f(base, "void * ggml_opt_dataset_labels(void * dataset)");
  const datasetFree = f(base, "void ggml_opt_dataset_free(void * dataset)");
  const resultInit = f(base, "void * ggml_opt_result_init(void)");
  const resultLoss = f(base, "void ggml_opt_result_loss(void * result, _Out_ double * loss, _Out_ double * unc)");
  const resultFree = f(base, "void ggml_opt_result_free(void * result)");

  backendInit();
  loadBackends(directory); // the CPU variant that fits this processor, as node-llama-cpp does
  const modelDefaultsRaw = modelDefaults() as { raw: Array<number | bigint> };
  const modelBytes = Buffer.alloc(MODEL_PARAMS_BYTES);
  modelDefaultsRaw.raw.forEach((word, index) => modelBytes.writeBigUInt64LE(BigInt(word), index * 8));
  // load_mode NONE (offset 24): weights in writable memory; with the default mmap, AdamW's in-place update segfaults
  // (llama.cpp's finetune example forces the same).
  modelBytes.writeInt32LE(0, 24);
  const model = loadModel(options.modelPath, { raw: Array.from({ length: MODEL_PARAMS_BYTES / 8 }, (_, index) => modelBytes.readBigUInt64LE(index * 8)) });
  if (!model) throw new Error(`llama.cpp could not load ${options.modelPath}`);
  const defaults = contextDefaults() as { raw: Array<number | bigint> };
  const bytes = Buffer.alloc(CONTEXT_PARAMS_BYTES);
  defaults.raw.forEach((word, index) => bytes.writeBigUInt64LE(BigInt(word), index * 8));
  // Sanity check of the layout against llama_context_default_params(): n_batch 2048, n_ubatch 512, type_k F16.
  if (bytes.readUInt32LE(4) !== 2048 || bytes.readUInt32LE(8) !== 512 || bytes.readInt32LE(104) !== 1) {
    throw new Error("llama_context_params layout does not match llama.h (offsets of n_batch/n_ubatch/type_k)");
  }
  bytes.writeUInt32LE(options.contextLength, 0); // n_ctx
  bytes.writeUInt32LE(options.contextLength, 4); // n_batch
  bytes.writeUInt32LE(options.contextLength, 8); // n_ubatch
  bytes.writeInt32LE(options.threads, 28); // n_threads
  bytes.writeInt32LE(options.threads, 32); // n_threads_batch
  bytes.writeInt32LE(0, 52); // flash_attn_type: disabled (the finetune example trains without it)
  bytes.writeInt32LE(GGML_TYPE_F32, 104); // type_k: F32 cache, as llama.cpp's finetune example requires
  bytes.writeInt32LE(GGML_TYPE_F32, 108); // type_v
  const contextParams = { raw: Array.from({ length: CONTEXT_PARAMS_BYTES / 8 }, (_, index) => bytes.readBigUInt64LE(index * 8)) };
  const context = initContext(model, contextParams);
  if (!context) throw new Error("llama_init_from_model failed");

  const optBytes = Buffer.alloc(OPT_PARAMS_BYTES);
  const address = (library: LibraryHandle, name: string) => koffi.address(library.symbol(name, "void"));
  optBytes.writeBigUInt64LE(address(llama, "llama_opt_param_filter_all"), 8); // param_filter
  optBytes.writeBigUInt64LE(address(base, "ggml_opt_get_default_optimizer_params"), 24); // get_opt_pars
  optBytes.writeInt32LE(0, 40); // GGML_OPT_OPTIMIZER_TYPE_ADAMW
  optInit(context, model, { raw: Array.from({ length: OPT_PARAMS_BYTES / 8 }, (_, index) => optBytes.readBigUInt64LE(index * 8)) });

  // Dataset: each datapoint fills llama.cpp's context (it pads n_ctx up to a multiple of 256), labels = next tokens.
  const n = contextSize(context) as number;
  let state = options.seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % options.vocabSize);
  const sequences = Array.from({ length: Math.ceil(options.tokens / n) }, () => Int32Array.from({ length: n + 1 }, next));
  const dataset = datasetInit(GGML_TYPE_I32, GGML_TYPE_I32, n, n, sequences.length, 1);
  const data = new Int32Array(koffi.view(readTensorFields(datasetData(dataset) as object).data!, sequences.length * n * 4));
  const labels = new Int32Array(koffi.view(readTensorFields(datasetLabels(dataset) as object).data!, sequences.length * n * 4));
  sequences.forEach((sequence, index) => {
    data.set(sequence.subarray(0, n), index * n);
    labels.set(sequence.subarray(1, n + 1), index * n);
  });
  const resultTrain = resultInit();
  const resultEval = resultInit();
  const started = performance.now();
  optEpoch(context, dataset, resultTrain, resultEval, sequences.length, null, null);
  const seconds = (performance.now() - started) / 1000;
  const loss = [0];
  resultLoss(resultTrain, loss, [0]);
  resultFree(resultTrain);
  resultFree(resultEval);
  datasetFree(dataset);
  freeContext(context);
  freeModel(model);
  const tokens = sequences.length * n;
  return { tokensPerSecond: tokens / seconds, seconds, tokens, finalLoss: loss[0]!, contextUsed: n };
}

// Run as a child process by bench/train.ts (a crash inside llama.cpp must not take the benchmark down):
//   tsx bench/llama-cpp-peer.ts '{"modelPath":…,"contextLength":128,"threads":2,"tokens":1024,"vocabSize":4096,"seed":1}'
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const request = JSON.parse(process.argv[2] ?? "{}") as LlamaCppPeerRequest;
  process.stdout.write(JSON.stringify(measureLlamaCppFullFineTuning(request)) + "\n");
}
