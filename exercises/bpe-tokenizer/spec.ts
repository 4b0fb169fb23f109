import { defineSpec } from "../../lib/grading/spec";
import type { Expect } from "../../lib/grading/types";

type Pair = [number, number];
type BpeModule = {
  mostFrequentPair: (ids: number[]) => Pair | null;
  mergePair: (ids: number[], pair: Pair, newId: number) => number[];
  trainBpe: (text: string, numMerges: number) => Pair[];
  encode: (text: string, merges: Pair[]) => number[];
};

const show = (value: unknown) => (value === undefined ? "undefined" : JSON.stringify(value));

function expectEqual(expect: Expect, actual: unknown, expected: unknown, what: string): void {
  expect.that(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`, {
    expected: show(expected),
    actual: show(actual),
  });
}

export default defineSpec<BpeModule>({
  exercise: "bpe-tokenizer",
  exports: ["mostFrequentPair", "mergePair", "trainBpe", "encode"],
  tests: [
    {
      name: "mostFrequentPair finds the most frequent adjacent pair, and null under 2 ids",
      run: ({ mod, expect }) => {
        expectEqual(expect, mod.mostFrequentPair([1, 2, 3, 1, 2]), [1, 2], "mostFrequentPair([1, 2, 3, 1, 2])");
        expectEqual(expect, mod.mostFrequentPair([4, 9, 9, 4, 9, 4, 9]), [4, 9], "mostFrequentPair([4, 9, 9, 4, 9, 4, 9])");
        expectEqual(expect, mod.mostFrequentPair([7]), null, "mostFrequentPair([7])");
        expectEqual(expect, mod.mostFrequentPair([]), null, "mostFrequentPair([])");
      },
    },
    {
      name: "mostFrequentPair breaks ties in favour of the pair seen first",
      run: ({ mod, expect }) => {
        expectEqual(expect, mod.mostFrequentPair([5, 6, 7, 8, 5, 6, 7, 8]), [5, 6], "mostFrequentPair([5, 6, 7, 8, 5, 6, 7, 8])");
        expectEqual(expect, mod.mostFrequentPair([3, 4, 1, 2, 1, 2, 3, 4]), [3, 4], "mostFrequentPair([3, 4, 1, 2, 1, 2, 3, 4])");
        expectEqual(expect, mod.mostFrequentPair([10, 20]), [10, 20], "mostFrequentPair([10, 20])");
      },
    },
    {
      name: "mergePair replaces the pair left to right without overlaps, and leaves its input alone",
      run: ({ mod, expect }) => {
        expectEqual(expect, mod.mergePair([1, 2, 3, 1, 2], [1, 2], 256), [256, 3, 256], "mergePair([1, 2, 3, 1, 2], (1, 2), 256)");
        expectEqual(expect, mod.mergePair([97, 97, 97], [97, 97], 256), [256, 97], "mergePair([97, 97, 97], (97, 97), 256)");
        expectEqual(expect, mod.mergePair([97, 97, 97, 97], [97, 97], 256), [256, 256], "mergePair([97, 97, 97, 97], (97, 97), 256)");
        expectEqual(expect, mod.mergePair([1, 3, 2], [1, 2], 256), [1, 3, 2], "mergePair([1, 3, 2], (1, 2), 256)");
        const input = [5, 6, 5, 6];
        mod.mergePair(input, [5, 6], 300);
        expectEqual(expect, input, [5, 6, 5, 6], "the array passed to mergePair afterwards");
      },
    },
    {
      name: "encode starts from UTF-8 bytes: 'Hi' is 2 bytes, 'é' 2, '你' 3, an emoji 4",
      run: ({ mod, expect }) => {
        expectEqual(expect, mod.encode("Hi", []), [72, 105], "encode('Hi', [])");
        expectEqual(expect, mod.encode("é", []), [195, 169], "encode('é', [])");
        expectEqual(expect, mod.encode("你", []), [228, 189, 160], "encode('你', [])");
        expectEqual(expect, mod.encode("😀", []), [240, 159, 152, 128], "encode('😀', [])");
      },
    },
    {
      name: "trainBpe learns the textbook merges of 'aaabdaaabac': (a, a), then (256, a), then (257, b)",
      run: ({ mod, expect }) => {
        expectEqual(expect, mod.trainBpe("aaabdaaabac", 3), [[97, 97], [256, 97], [257, 98]], "trainBpe('aaabdaaabac', 3)");
      },
    },
    {
      name: "trainBpe makes exactly numMerges merges, fewer only when fewer than 2 tokens remain",
      run: ({ mod, expect }) => {
        expectEqual(expect, mod.trainBpe("abcd", 3), [[97, 98], [256, 99], [257, 100]], "trainBpe('abcd', 3): each pair occurs once");
        expectEqual(expect, mod.trainBpe("aaaa", 10), [[97, 97], [256, 256]], "trainBpe('aaaa', 10)");
        expectEqual(expect, mod.trainBpe("ab", 5), [[97, 98]], "trainBpe('ab', 5)");
        expectEqual(expect, mod.trainBpe("", 3), [], "trainBpe('', 3)");
        expectEqual(expect, mod.trainBpe("hello", 0), [], "trainBpe('hello', 0)");
      },
    },
    {
      name: "encode applies the merges in training order, and keeps unseen bytes",
      run: ({ mod, expect }) => {
        const merges: Pair[] = [[97, 98], [256, 99]];
        expectEqual(expect, mod.encode("abcab", merges), [257, 256], "encode('abcab', [(a, b), (256, c)])");
        expectEqual(expect, mod.encode("abcx", merges), [257, 120], "encode('abcx', [(a, b), (256, c)])");
        expectEqual(expect, mod.encode("aaabdaaabac", [[97, 97], [256, 97], [257, 98]]), [258, 100, 258, 97, 99], "encode('aaabdaaabac', its 3 merges)");
      },
    },
    {
      name: "Chinese text works byte by byte: 5 merges of '你好你好' make '你好' a single token",
      run: ({ mod, expect }) => {
        const merges = mod.trainBpe("你好你好", 5);
        expectEqual(expect, merges, [[228, 189], [256, 160], [257, 229], [258, 165], [259, 189]], "trainBpe('你好你好', 5)");
        expectEqual(expect, mod.encode("你好", merges), [260], "encode('你好', those merges)");
        expectEqual(expect, mod.encode("你好，你", merges), [260, 239, 188, 140, 257], "encode('你好，你', those merges)");
      },
    },
  ],
});
