// A small linear text classifier in TypeScript: hashed features (lower-cased word unigrams and
// bigrams, character trigrams inside words; 2^16 buckets by default) and one weight row per
// class, trained by SGD on the softmax cross-entropy (one label per text) or on per-class logistic
// losses (multiLabel: a text may carry several labels, e.g. a query that mixes two domains).
// It routes requests to adapters (labels = domains) and, in the Table 2 benchmark, maps planned
// steps to function names. Deliberately left out: embeddings from the base model, feature
// selection, and class weighting (the training records are roughly balanced).
import { InputError } from "../errors.js";
import { SeededRandom } from "../model/random.js";

export interface LabelledText {
  text: string;
  labels: string[];
}

export interface ClassifierOptions {
  multiLabel?: boolean;
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update, applied to the touched weights. */
  l2?: number;
  buckets?: number;
  seed?: number;
}

export interface ClassifierJson {
  format: "octoplan-text-classifier/1";
  labels: string[];
  multiLabel: boolean;
  buckets: number;
  bias: number[];
  /** Non-zero weights: [bucket, class, value]. */
  weights: Array<[number, number, number]>;
}

function fnv1a(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value;
}

/** Bucket ids of a text's features (repeats kept: counts matter), scaled to unit length by the caller. */
export function hashedFeatures(text: string, buckets: number): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const features: number[] = [];
  words.forEach((word, index) => {
    features.push(fnv1a(`w:${word}`) % buckets);
    if (index > 0) features.push(fnv1a(`b:${words[index - 1]} ${word}`) % buckets);
    const padded = `^${word}$`;
    for (let i = 0; i + 3 <= padded.length; i++) features.push(fnv1a(`c:${padded.slice(i, i + 3)}`) % buckets);
  });
  return features;
}

export class TextClassifier {
  private constructor(
    readonly labels: string[],
    readonly multiLabel: boolean,
    readonly buckets: number,
    private readonly bias: Float64Array,
    /** weights[bucket · classes + class] */
    private readonly weights: Float64Array,
  ) {}

  static train(examples: LabelledText[], options: ClassifierOptions = {}): TextClassifier {
    if (examples.length === 0) throw new InputError("no examples to train the classifier on", { hint: "give it labelled records" });
    const labels = [...new Set(examples.flatMap((example) => example.labels))].sort();
    const buckets = options.buckets ?? 1 << 16;
    const classes = labels.length;
    const classifier = new TextClassifier(labels, options.multiLabel ?? false, buckets, new Float64Array(classes), new Float64Array(buckets * classes));
    const encoded = examples.map((example) => ({ features: hashedFeatures(example.text, buckets), targets: example.labels.map((label) => labels.indexOf(label)) }));
    const random = new SeededRandom(options.seed ?? 0);
    const order = encoded.map((_, index) => index);
    const epochs = options.epochs ?? 8, l2 = options.l2 ?? 1e-6;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random.next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const rate = (options.learningRate ?? 0.5) / (1 + epoch);
      for (const index of order) classifier.step(encoded[index]!.features, encoded[index]!.targets, rate, l2);
    }
    return classifier;
  }

  static fromJson(json: ClassifierJson): TextClassifier {
    if (json.format !== "octoplan-text-classifier/1") throw new InputError(`not a text classifier (format ${String(json.format)})`, { hint: "write it with TextClassifier.toJson" });
    const classes = json.labels.length;
    const weights = new Float64Array(json.buckets * classes);
    for (const [bucket, label, value] of json.weights) weights[bucket * classes + label] = value;
    return new TextClassifier(json.labels, json.multiLabel, json.buckets, Float64Array.from(json.bias), weights);
  }

  toJson(): ClassifierJson {
    const weights: Array<[number, number, number]> = [];
    const classes = this.labels.length;
    this.weights.forEach((value, index) => { if (value !== 0) weights.push([Math.floor(index / classes), index % classes, Math.fround(value)]); });
    return { format: "octoplan-text-classifier/1", labels: this.labels, multiLabel: this.multiLabel, buckets: this.buckets, bias: [...this.bias], weights };
  }

  private scores(features: number[]): Float64Array {
    const classes = this.labels.length;
    const scale = 1 / Math.sqrt(Math.max(features.length, 1));
    const scores = Float64Array.from(this.bias);
    for (const bucket of features) for (let c = 0; c < classes; c++) scores[c]! += scale * this.weights[bucket * classes + c]!;
    return scores;
  }

  private probabilitiesOf(scores: Float64Array): Float64Array {
    if (this.multiLabel) return scores.map((score) => 1 / (1 + Math.exp(-score)));
    const max = Math.max(...scores);
    const exponentials = scores.map((score) => Math.exp(score - max));
    const sum = exponentials.reduce((total, value) => total + value, 0);
    return exponentials.map((value) => value / sum);
  }

  private step(features: number[], targets: number[], rate: number, l2: number): void {
    const classes = this.labels.length;
    const probabilities = this.probabilitiesOf(this.scores(features));
    const scale = 1 / Math.sqrt(Math.max(features.length, 1));
    // d loss / d score_c = p_c − y_c for both softmax cross-entropy and per-class logistic loss.
    const gradient = probabilities.map((p, c) => p - (targets.includes(c) ? 1 : 0));
    for (let c = 0; c < classes; c++) this.bias[c]! -= rate * gradient[c]!;
    for (const bucket of features) {
      for (let c = 0; c < classes; c++) {
        const index = bucket * classes + c;
        this.weights[index] = this.weights[index]! * (1 - rate * l2) - rate * scale * gradient[c]!;
      }
    }
  }

  /** Probability per label, in `labels` order. */
  probabilities(text: string): Map<string, number> {
    const probabilities = this.probabilitiesOf(this.scores(hashedFeatures(text, this.buckets)));
    return new Map(this.labels.map((label, index) => [label, probabilities[index]!]));
  }

  /** The most likely label, or (multiLabel) every label above the threshold, at least the most likely one. */
  predict(text: string, threshold = 0.5): string[] {
    const ranked = [...this.probabilities(text)].sort((x, y) => y[1] - x[1]);
    if (!this.multiLabel) return [ranked[0]![0]];
    const chosen = ranked.filter(([, p]) => p >= threshold).map(([label]) => label);
    return chosen.length > 0 ? chosen : [ranked[0]![0]];
  }
}
