import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";

type Module = { embed: (tokenIds: number[], table: TF.Tensor2D) => TF.Tensor2D };

// A 5-word vocabulary with 3-dimensional embeddings; row i is easy to recognise.
const TABLE = [
  [0.0, 0.1, 0.2],
  [1.0, 1.1, 1.2],
  [2.0, 2.1, 2.2],
  [3.0, 3.1, 3.2],
  [4.0, 4.1, 4.2],
];

export default defineSpec<Module>({
  exercise: "embedding-lookup",
  exports: ["embed"],
  tests: [
    {
      name: "returns a tensor of shape [number of ids, dModel]",
      run: ({ tf, mod, expect }) => {
        const out = mod.embed([4, 0, 2, 1], tf.tensor2d(TABLE));
        expect.shape(out, [4, 3], "embed([4, 0, 2, 1], table of shape [5, 3])");
      },
    },
    {
      name: "row j of the result is row tokenIds[j] of the table, in the order given",
      run: ({ tf, mod, expect }) => {
        const out = mod.embed([3, 0, 4], tf.tensor2d(TABLE));
        expect.close(out, [TABLE[3], TABLE[0], TABLE[4]], { what: "embed([3, 0, 4], table)" });
      },
    },
    {
      name: "a repeated id gets its own copy of the row each time",
      run: ({ tf, mod, expect }) => {
        const out = mod.embed([2, 2, 1, 2], tf.tensor2d(TABLE));
        expect.close(out, [TABLE[2], TABLE[2], TABLE[1], TABLE[2]], { what: "embed([2, 2, 1, 2], table)" });
      },
    },
    {
      name: "works on a random 50 x 8 table (first and last ids included)",
      run: ({ tf, mod, expect }) => {
        const table = tf.randomNormal([50, 8], 0, 1, "float32", 11) as TF.Tensor2D;
        const rows = table.arraySync();
        const ids = [49, 7, 0, 23, 7, 31];
        const out = mod.embed(ids, table);
        expect.close(out, ids.map((id) => rows[id]), { what: "embed(ids, randomTable)" });
      },
    },
    {
      name: "an empty list of ids gives shape [0, dModel]",
      run: ({ tf, mod, expect }) => {
        const out = mod.embed([], tf.tensor2d(TABLE));
        expect.shape(out, [0, 3], "embed([], table)");
      },
    },
    {
      name: "an id equal to the vocabulary size throws an error saying it is out of range",
      run: ({ tf, mod, expect }) => {
        const table = tf.tensor2d(TABLE);
        expect.throws(() => mod.embed([1, 5], table), /out of range/i, "embed([1, 5], table with 5 rows) should throw an \"out of range\" error: valid ids are 0 to 4");
      },
    },
    {
      name: "a negative id throws an error saying it is out of range and naming the id",
      run: ({ tf, mod, expect }) => {
        const table = tf.tensor2d(TABLE);
        expect.throws(() => mod.embed([0, -1, 2], table), /out of range/i, "embed([0, -1, 2], table) should throw an \"out of range\" error");
        expect.throws(() => mod.embed([0, -1, 2], table), /-1/, "the error message should name the bad id (-1)");
      },
    },
    {
      name: "the error message names the offending id",
      run: ({ tf, mod, expect }) => {
        const table = tf.tensor2d(TABLE);
        expect.throws(() => mod.embed([0, 1, 7], table), /\b7\b/, "embed([0, 1, 7], table with 5 rows) should throw an error that mentions the id 7");
      },
    },
    {
      name: "the table is left intact after the lookup",
      run: ({ tf, mod, expect }) => {
        const table = tf.tensor2d(TABLE);
        const out = mod.embed([1], table);
        expect.that(!table.isDisposed, "embed() disposed the table it was given: only dispose tensors you created");
        expect.close(table, TABLE, { what: "the table after embed()" });
        expect.close(out, [TABLE[1]], { what: "embed([1], table)" });
      },
    },
  ],
});
