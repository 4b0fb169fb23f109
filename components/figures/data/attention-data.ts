/**
 * Builds the toy attention model in content/figures/attention.json.
 *
 * The figure computes softmax(QKᵀ/√d_k) from these matrices at run time; this file
 * explains, and reproduces, how the matrices were made. Regenerate the JSON with
 *   npx tsx components/figures/data/write-attention-data.ts
 * (a test fails if the JSON and this builder drift apart).
 *
 * The model: d_model = 16, four heads of d_k = d_v = 4 (4 × 4 = 16, as in a real
 * multi-head layer). To keep the numbers readable, the 16 input dimensions are split:
 * dimensions 0-9 carry the word embedding, made of hand-named features (is it a
 * noun? animate? ...), and dimensions 10-15 carry the sinusoidal positional encoding
 * of the standard formula with d_model = 16 (its three fastest sine/cosine pairs,
 * frequencies 1, 10000^(-2/16) ≈ 0.316 and 10000^(-4/16) = 0.1). Embedding rows are 0
 * in the position dimensions and position rows are 0 in the feature dimensions, so
 * "embedding + positional encoding" is a plain sum, exactly as in a Transformer; a
 * trained model mixes both through all dimensions instead.
 *
 * How each head gets its pattern. A score is q_i·k_j with q = x·Wq and k = x·Wk.
 *  - Feature matches: a query column that reads feature A paired with a key column
 *    that reads feature B scores high when word i has A and word j has B
 *    (pronoun → animate noun, determiner → noun, ...).
 *  - Relative position: for a sine/cosine pair, (sin ωp, cos ωp) rotated by an angle
 *    ωs is (sin ω(p+s), cos ω(p+s)). With that rotation in Wq and the identity in Wk,
 *    q_i·k_j = cos(ω(i + s - j)) summed over the pairs used: largest when j = i + s.
 *    s = -1 gives a previous-word head, s = 0 a same-word head, s = +1 a look-ahead.
 */
import type { AttentionData, AttentionHeadParams } from "../math/attention";

export const sentence = "The animal didn't cross the street because it was too tired";
export const tokens = sentence.split(" ");

const featureNames = [
  "determiner",
  "noun",
  "animate",
  "pronoun",
  "verb",
  "adjective",
  "adverb",
  "negation",
  "conjunction",
  "place",
] as const;
type Feature = (typeof featureNames)[number];

const D_MODEL = 16;
const D_K = 4;
const FEATURE_DIMS = featureNames.length; // 10
/** Angular frequencies of the three sine/cosine pairs in dimensions 10-15. */
const FREQUENCIES = [0, 1, 2].map((i) => 1 / Math.pow(10000, (2 * i) / D_MODEL));
const pairStart = (pair: number) => FEATURE_DIMS + 2 * pair;

const wordFeatures: Record<string, Partial<Record<Feature, number>>> = {
  The: { determiner: 1 },
  animal: { noun: 1, animate: 1 },
  "didn't": { verb: 1, negation: 1 },
  cross: { verb: 1 },
  the: { determiner: 1 },
  street: { noun: 1, place: 1 },
  because: { conjunction: 1 },
  it: { pronoun: 1 },
  was: { verb: 1 },
  too: { adverb: 1 },
  tired: { adjective: 1 },
};

const f = (name: Feature) => featureNames.indexOf(name);
const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

function embeddingRow(word: string): number[] {
  const row = new Array<number>(D_MODEL).fill(0);
  const features = wordFeatures[word];
  if (!features) throw new Error(`no features for "${word}"`);
  for (const [name, value] of Object.entries(features)) row[f(name as Feature)] = value ?? 0;
  return row;
}

function positionalRow(pos: number): number[] {
  const row = new Array<number>(D_MODEL).fill(0);
  FREQUENCIES.forEach((w, pair) => {
    row[pairStart(pair)] = Math.sin(w * pos);
    row[pairStart(pair) + 1] = Math.cos(w * pos);
  });
  return row;
}

/**
 * Writes into `m` (a [D_MODEL, D_K] projection) the map that sends the sine/cosine pair
 * `pair` of a position p to scale·(sin ω(p+shift), cos ω(p+shift)) in columns col, col+1.
 */
function addRotation(m: number[][], pair: number, col: number, shift: number, scale: number): void {
  const w = FREQUENCIES[pair];
  const c = Math.cos(w * shift);
  const s = Math.sin(w * shift);
  const r = pairStart(pair);
  // sin(a + b) = sin a cos b + cos a sin b;  cos(a + b) = cos a cos b - sin a sin b
  m[r][col] += scale * c;
  m[r + 1][col] += scale * s;
  m[r][col + 1] += -scale * s;
  m[r + 1][col + 1] += scale * c;
}

/** Values: every head passes on the same four named features (noun, animate, verb, adjective). */
const valueFeatures: Feature[] = ["noun", "animate", "verb", "adjective"];
function valueProjection(): number[][] {
  const m = zeros(D_MODEL, valueFeatures.length);
  valueFeatures.forEach((name, col) => (m[f(name)][col] = 1));
  return m;
}

/**
 * A head: `build` writes its query and key projections into Wq and Wk (both [D_MODEL, D_K],
 * zero to begin with); every head shares the value projection.
 */
function head(name: string, summary: string, build: (wq: number[][], wk: number[][]) => void): AttentionHeadParams {
  const wq = zeros(D_MODEL, D_K);
  const wk = zeros(D_MODEL, D_K);
  build(wq, wk);
  return { name, summary, wq, wk, wv: valueProjection() };
}

/**
 * Relative position through the sine/cosine pair `pair` in columns col, col+1: the rotation by
 * `shift` in Wq and the identity in Wk, so word i scores highest on word i + shift.
 */
function addRelativePosition(wq: number[][], wk: number[][], pair: number, col: number, shift: number, scale: number): void {
  addRotation(wq, pair, col, shift, scale);
  addRotation(wk, pair, col, 0, scale);
}

/**
 * Feature matches, one query/key column pair each: the query column reads the `query` features and
 * the key column the `key` features, with these weights.
 */
interface FeatureMatch {
  col: number;
  query: Partial<Record<Feature, number>>;
  key: Partial<Record<Feature, number>>;
}

/**
 * A head that looks for features: its matches in columns 0-1, and in columns 2-3 a broad
 * preference for nearby words (pair 1, shifted by `nearby.shift`) as the background.
 */
function featureHead(name: string, summary: string, matches: FeatureMatch[], nearby: { shift: number; scale: number }): AttentionHeadParams {
  return head(name, summary, (wq, wk) => {
    for (const { col, query, key } of matches) {
      for (const [feature, weight] of Object.entries(query)) wq[f(feature as Feature)][col] = weight;
      for (const [feature, weight] of Object.entries(key)) wk[f(feature as Feature)][col] = weight;
    }
    addRelativePosition(wq, wk, 1, 2, nearby.shift, nearby.scale);
  });
}

const PRONOUN = 3.1;
const pronounHead = () =>
  featureHead(
    "Pronoun → noun",
    "“it” looks back at the noun it refers to, “animal”, and gives a little weight to “street”, the other candidate. Words with nothing to resolve spread their attention over their neighbours.",
    // A pronoun looks for an animate noun (any noun scores a little).
    [{ col: 0, query: { pronoun: PRONOUN }, key: { animate: PRONOUN, noun: 0.4 * PRONOUN } }],
    // Nearby words, no shift: the background for words that have nothing to look for.
    { shift: 0, scale: 2 },
  );

const positionHead = (shift: number, name: string, summary: string) =>
  head(name, summary, (wq, wk) => {
    const scale = 3.2;
    addRelativePosition(wq, wk, 0, 0, shift, scale);
    addRelativePosition(wq, wk, 1, 2, shift, scale);
  });

const modifierHead = () =>
  featureHead(
    "Modifier → word",
    "A word that points at or describes another looks at it: “The” → “animal”, “the” → “street”, “too” → “tired”, “tired” → “it”. This head looks ahead, so the causal mask breaks it.",
    [
      // Determiners look for nouns, adverbs for adjectives.
      { col: 0, query: { determiner: 3, adverb: 3 }, key: { noun: 3, adjective: 3 } },
      // An adjective looks for the animate thing or pronoun it describes.
      { col: 1, query: { adjective: 3 }, key: { animate: 3, pronoun: 3 } },
    ],
    // The next few words (shift +1), which picks the nearest match: "The" -> "animal" rather than "street".
    { shift: 1, scale: 2.4 },
  );

const round = (x: number) => Math.round(x * 1e4) / 1e4 + 0; // + 0 turns -0 into 0
const roundMatrix = (m: number[][]) => m.map((row) => row.map(round));

export function buildAttentionData(): AttentionData {
  const heads = [
    pronounHead(),
    positionHead(
      -1,
      "Previous word",
      "Every word attends to the word just before it; the first word, having none, attends to itself. Heads like this help a model keep track of local word order.",
    ),
    positionHead(
      0,
      "Same word",
      "Each word attends mostly to itself, so its own meaning stays in the mix. The pattern is a bright diagonal.",
    ),
    modifierHead(),
  ].map((h) => ({ ...h, wq: roundMatrix(h.wq), wk: roundMatrix(h.wk), wv: roundMatrix(h.wv) }));

  const dimensionLabels = [
    ...featureNames,
    ...FREQUENCIES.flatMap((w) => {
      const label = w === 1 ? "p" : `${round(w)}p`;
      return [`sin(${label})`, `cos(${label})`];
    }),
  ];

  return {
    sentence,
    tokens,
    dModel: D_MODEL,
    dimensionLabels,
    valueLabels: [...valueFeatures],
    embeddings: tokens.map((t) => roundMatrix([embeddingRow(t)])[0]),
    positional: tokens.map((_, p) => roundMatrix([positionalRow(p)])[0]),
    heads,
    notes: [
      "A hand-made toy, not a trained model: the matrices were built so that each head shows one clear pattern. Heads in trained models are learned and usually messier.",
      "Dimensions 0-9 of each input vector are named word features; dimensions 10-15 are sinusoidal positional encoding (d_model = 16, the three fastest sine/cosine pairs). Input = embedding + positional encoding.",
      "Built by components/figures/data/attention-data.ts.",
    ],
  };
}

/**
 * JSON with two-space indentation, except that a list of plain numbers or strings
 * stays on one line, so each matrix row reads as a row.
 */
export function formatAttentionJson(data: AttentionData): string {
  const pretty = JSON.stringify(data, null, 2);
  const flat = pretty.replace(/\[\n\s*((?:-?[\d.e+-]+|"[^"\n]*")(?:,\n\s*(?:-?[\d.e+-]+|"[^"\n]*"))*)\n\s*\]/g, (_, items: string) =>
    `[${items.split(/,\n\s*/).join(", ")}]`,
  );
  return flat + "\n";
}
