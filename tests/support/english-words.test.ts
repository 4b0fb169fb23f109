import { describe, expect, it } from "@jest/globals";
import { englishLeftIn } from "./english-words";

describe("English left in a Chinese page", () => {
  it("finds an English sentence and an English button", () => {
    expect(englishLeftIn("你的组件 Try another code 继续").map((w) => w.split(" … ")[0])).toEqual(["Try", "another", "code"]);
    expect(englishLeftIn("服务器复核结果：12 / 12 tests passed.").map((w) => w.split(" … ")[0])).toEqual(["tests", "passed"]);
  });

  it("lets through terms in parentheses, acronyms, identifiers, variables and product names", () => {
    const text = "注意力机制（attention）与层归一化（layer normalization）；RLHF 和 KV 缓存；d_model = 64，调用 tf.softmax 与 crossAttention；Q、K、V；LLM Academy 用 TensorFlow.js 训练 GPT。";
    expect(englishLeftIn(text)).toEqual([]);
  });
});
