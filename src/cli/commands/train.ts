// `octoplan train`: thin layer over train() in src/train. Parses options, wires Ctrl-C to a
// checkpoint-and-exit, prints where the outputs went. See docs/TRAINING.md.
import { isPreTokenizerName, PRE_TOKENIZERS, type PreTokenizerName } from "../../model/tokenizer/index.js";
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { functionSetOption, optionalNumber as number } from "../option-values.js";
import { train, type TrainOptions } from "../../train/train.js";
import { DUPLICATES, parseLoraTargets, PRESET_NAMES, type PresetName } from "../../train/options.js";
import { isModelSize, MODEL_SIZES_HINT } from "../../model/config.js";

interface TrainCommandOptions {
  data: string; eval?: string; task: string; out: string; base?: string; init?: string; preset?: string;
  method?: string; rank?: string; alpha?: string; targets?: string; loraDropout?: string; promptLoss?: boolean; duplicates?: string;
  lr?: string; batch?: string; gradAccum?: string; epochs?: string; maxSteps?: string; warmup?: string;
  weightDecay?: string; clip?: string; emaDecay?: string; fillerNoise?: string; insertNoise?: string; decisionWeight?: string; seed?: string; threads?: string; baseType?: string; precision?: string; context?: string; vocabSize?: string; preTokenizer?: string;
  resume?: boolean; checkpointEvery?: string; evalEvery?: string; functions?: string; progress?: boolean;
}

export function register(program: Command): void {
  program
    .command("train")
    .description("Fine-tune a planner (--task plan) or an action model (--task act) with full weights or LoRA, on ggml")
    .requiredOption("--data <file>", "training records (JSONL)")
    .option("--eval <file>", "held-out records for the eval loss")
    .requiredOption("--task <task>", "plan or act")
    .requiredOption("--out <dir>", "output folder (model.gguf or adapter.gguf, training.json, metrics.jsonl, checkpoints/)")
    .option("--base <file>", "start from this GGUF model")
    .option("--init <size>", "start from a fresh model: tiny, base, small or WIDTHxLAYERS (a tokenizer is trained on the data)")
    .option("--preset <name>", `hyperparameter preset: ${PRESET_NAMES.join(", ")} (default: scratch with --init, paper otherwise)`)
    .option("--method <method>", "full or lora")
    .option("--rank <r>", "LoRA rank (paper: 64)")
    .option("--alpha <alpha>", "LoRA alpha (paper: 256)")
    .option("--targets <list>", "LoRA targets: all-linear, all, or a list of q,k,v,o,gate,up,down,output")
    .option("--lora-dropout <p>", "dropout on the LoRA input (0 = off)")
    .option("--prompt-loss", "also train on the request's tokens (helps models trained from scratch)")
    .option("--duplicates <policy>", `repeated examples: ${DUPLICATES.join(", ")} (keep all, the square root of their count, or one; default keep)`)
    .option("--lr <lr>", "peak learning rate (paper: 5e-6; scratch: 1e-3)")
    .option("--batch <n>", "examples per micro-batch")
    .option("--grad-accum <n>", "micro-batches per optimizer step")
    .option("--epochs <n>", "passes over the data")
    .option("--max-steps <n>", "stop after this many optimizer steps")
    .option("--warmup <ratio>", "warmup as a fraction of all steps")
    .option("--weight-decay <wd>", "AdamW weight decay")
    .option("--clip <norm>", "clip the gradient's global norm (0 = off)")
    .option("--filler-noise <share>", "planner only: in this share of the requests, filler words become random English words (0 = off, the default)")
    .option("--insert-noise <share>", "planner only: in this share of the requests, one or two random English words are inserted (0 = off, the default)")
    .option("--decision-weight <n>", "count the tokens that shape the answer (each step's first token, <nexa_split>, <|end|>; the action model's function token) n times in the loss (1 = off, the default)")
    .option("--ema-decay <d>", "write a moving average of the weights with this decay, e.g. 0.999 (0 = off, the default)")
    .option("--seed <n>", "seed for initialisation, shuffling and dropout")
    .option("--threads <n>", "CPU threads (default: all cores)")
    .option("--base-type <type>", "type of the base's matrices in memory: f32, f16 or bf16 (default: the file's; LoRA over bf16 is fastest)")
    .option("--precision <type>", "full training's matrix products: f32, or bf16 over F32 weights (mixed precision, faster; default f32)")
    .option("--context <n>", "cut examples to this many tokens")
    .option("--vocab-size <n>", "tokenizer size for --init (default 4096 for small, else 2048)")
    .option("--pre-tokenizer <name>", "pre-tokenizer for --init: smollm (single digits; default for --task plan) or gpt-2 (default for --task act)")
    .option("--resume", "continue from OUT/checkpoints/latest.json")
    .option("--checkpoint-every <n>", "save a checkpoint every N steps")
    .option("--eval-every <n>", "compute the eval loss every N steps")
    .option("--functions <domains|file>", "function set for --task act (default: the records' domains)")
    .option("--no-progress", "no progress bar")
    .action(async (options: TrainCommandOptions) => {
      if (options.task !== "plan" && options.task !== "act") throw new InputError(`--task: unknown task '${options.task}'`, { hint: "Available tasks: plan, act" });
      if (options.init !== undefined && !isModelSize(options.init)) {
        throw new InputError(`--init: unknown size '${options.init}'`, { hint: MODEL_SIZES_HINT });
      }
      if (options.preset !== undefined && !PRESET_NAMES.includes(options.preset as PresetName)) {
        throw new InputError(`--preset: unknown preset '${options.preset}'`, { hint: `Available presets: ${PRESET_NAMES.join(", ")}` });
      }
      if (options.method !== undefined && options.method !== "full" && options.method !== "lora") {
        throw new InputError(`--method: unknown method '${options.method}'`, { hint: "Available methods: full, lora" });
      }
      const controller = new AbortController();
      const onSignal = () => {
        process.stderr.write("\nstopping: saving a checkpoint after this step (Ctrl-C again to quit now)\n");
        controller.abort();
        process.off("SIGINT", onSignal);
      };
      process.on("SIGINT", onSignal);
      const request: TrainOptions = {
        data: options.data, eval: options.eval, task: options.task, output: options.out, base: options.base,
        init: options.init as TrainOptions["init"], preset: options.preset as PresetName | undefined,
        method: options.method as TrainOptions["method"],
        loraRank: number(options.rank, "--rank", true), loraAlpha: number(options.alpha, "--alpha"),
        loraTargets: options.targets ? parseLoraTargets(options.targets) : undefined, loraDropout: number(options.loraDropout, "--lora-dropout"),
        promptLoss: options.promptLoss, duplicates: options.duplicates as TrainOptions["duplicates"],
        lr: number(options.lr, "--lr"), batchSize: number(options.batch, "--batch", true), gradAccum: number(options.gradAccum, "--grad-accum", true),
        epochs: number(options.epochs, "--epochs", true), maxSteps: number(options.maxSteps, "--max-steps", true),
        warmupRatio: number(options.warmup, "--warmup"), weightDecay: number(options.weightDecay, "--weight-decay"),
        maxGradNorm: number(options.clip, "--clip"), emaDecay: number(options.emaDecay, "--ema-decay"), fillerNoise: number(options.fillerNoise, "--filler-noise"), insertNoise: number(options.insertNoise, "--insert-noise"), decisionWeight: number(options.decisionWeight, "--decision-weight", true), seed: number(options.seed, "--seed", true), threads: number(options.threads, "--threads", true),
        baseType: options.baseType as TrainOptions["baseType"], precision: options.precision as TrainOptions["precision"],
        contextLength: number(options.context, "--context", true), vocabSize: number(options.vocabSize, "--vocab-size", true),
        preTokenizer: preTokenizerOption(options.preTokenizer),
        resume: options.resume, checkpointEvery: number(options.checkpointEvery, "--checkpoint-every", true),
        evalEvery: number(options.evalEvery, "--eval-every", true),
        functions: options.functions ? functionSetOption(options.functions, "--functions") : undefined,
        progressBar: options.progress !== false, signal: controller.signal,
      };
      try {
        const result = await train(request);
        const output = result.modelPath ?? result.adapterPath;
        if (result.interrupted) {
          process.stderr.write(`interrupted at step ${result.steps}/${result.totalSteps}; checkpoint saved. Continue with --resume.\n`);
          process.exitCode = 130;
          return;
        }
        process.stdout.write(`trained ${result.steps} steps: loss ${result.finalLoss.toFixed(4)}` +
          `${result.finalEvalLoss !== undefined ? `, eval loss ${result.finalEvalLoss.toFixed(4)}` : ""}\n` +
          `${result.adapterPath ? `adapter: ${output} (base ${result.basePath})` : `model: ${output}`}\ntraining.json: ${result.trainingJsonPath}\n`);
      } finally {
        process.off("SIGINT", onSignal);
      }
    });
}

function preTokenizerOption(text: string | undefined): PreTokenizerName | undefined {
  if (text === undefined) return undefined;
  if (!isPreTokenizerName(text)) throw new InputError(`unknown pre-tokenizer '${text}'`, { hint: `Available pre-tokenizers: ${PRE_TOKENIZERS.join(", ")}` });
  return text;
}
