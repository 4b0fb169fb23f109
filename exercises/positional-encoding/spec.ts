import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";
import type { Expect, SpecTest } from "../../lib/grading/types";

type EncodingModule = { positionalEncoding: (seqLen: number, dModel: number) => TF.Tensor2D };

/** positionalEncoding(seqLen, dModel), checked to be a tensor of shape [seqLen, dModel]. */
function encoding(mod: EncodingModule, expect: Expect, seqLen: number, dModel: number, what?: string): TF.Tensor2D {
  const out = mod.positionalEncoding(seqLen, dModel);
  expect.tensor(out);
  expect.shape(out, [seqLen, dModel], what);
  return out;
}

/** A test that positionalEncoding(seqLen, dModel) returns a tensor equal to `table` within `atol`. */
function matchesTable(seqLen: number, dModel: number, atol: number, table: number[][]): SpecTest<EncodingModule>["run"] {
  return ({ mod, expect }) => {
    const out = mod.positionalEncoding(seqLen, dModel);
    expect.tensor(out);
    expect.close(out, table, { atol });
  };
}

// Expected values below were computed in float64 from PE[p, 2i] = sin(p / 10000^(2i/d)),
// PE[p, 2i+1] = cos(p / 10000^(2i/d)).

export default defineSpec<EncodingModule>({
  exercise: "positional-encoding",
  exports: ["positionalEncoding"],
  tests: [
    {
      name: "returns a [seqLen, dModel] tensor",
      run: ({ mod, expect }) => {
        encoding(mod, expect, 4, 8, "positionalEncoding(4, 8)");
        encoding(mod, expect, 1, 6, "positionalEncoding(1, 6)");
      },
    },
    {
      name: "position 0 is [0, 1, 0, 1, 0, 1]: sine in even columns, cosine in odd ones",
      run: matchesTable(1, 6, 1e-6, [[0, 1, 0, 1, 0, 1]]),
    },
    {
      name: "matches the formula for seqLen 3, dModel 4",
      run: matchesTable(3, 4, 1e-5, [
        [0, 1, 0, 1],
        [0.841471, 0.5403023, 0.009999833, 0.99995],
        [0.9092974, -0.4161468, 0.01999867, 0.9998],
      ]),
    },
    {
      name: "dModel 8, position 5: the column pairs use frequencies 1, 1/10, 1/100 and 1/1000",
      run: ({ tf, mod, expect }) => {
        const out = encoding(mod, expect, 6, 8);
        expect.close(
          tf.slice(out, [5, 0], [1, 8]),
          [[-0.9589243, 0.2836622, 0.4794255, 0.8775826, 0.04997917, 0.9987503, 0.004999979, 0.9999875]],
          { atol: 1e-5, what: "row 5" },
        );
      },
    },
    {
      name: "an odd dModel (5) ends with a sine column",
      run: matchesTable(3, 5, 1e-5, [
        [0, 1, 0, 1, 0],
        [0.841471, 0.5403023, 0.02511622, 0.9996845, 0.0006309573],
        [0.9092974, -0.4161468, 0.0502166, 0.9987384, 0.001261914],
      ]),
    },
    {
      name: "a far position (99) is still right",
      run: ({ tf, mod, expect }) => {
        const out = encoding(mod, expect, 100, 4);
        expect.close(tf.slice(out, [99, 0], [1, 4]), [[-0.9992068, 0.03982088, 0.836026, 0.5486899]], { atol: 1e-4, what: "row 99" });
      },
    },
    {
      name: "a position's encoding does not depend on seqLen",
      run: ({ tf, mod, expect }) => {
        const long = mod.positionalEncoding(10, 16);
        const short = mod.positionalEncoding(6, 16);
        expect.tensor(long);
        expect.tensor(short);
        expect.shape(long, [10, 16], "positionalEncoding(10, 16)");
        expect.close(tf.slice(long, [0, 0], [6, 16]), short, {
          atol: 1e-5,
          what: "first 6 rows of positionalEncoding(10, 16) compared with positionalEncoding(6, 16)",
        });
      },
    },
    {
      name: "every sine/cosine pair shares one angle: PE[p, 2i]² + PE[p, 2i+1]² = 1",
      run: ({ tf, mod, expect }) => {
        const out = encoding(mod, expect, 50, 16);
        const pairs = tf.reshape(out, [50, 8, 2]);
        expect.close(tf.sum(tf.square(pairs), 2), tf.ones([50, 8]), { atol: 1e-4, what: "sin² + cos² of each column pair" });
      },
    },
  ],
});
