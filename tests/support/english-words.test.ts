import { describe, expect, it } from "@jest/globals";
import { englishLeftIn } from "./english-words";

describe("English left in a Chinese page", () => {
  it("finds an English sentence and an English button", () => {
    expect(englishLeftIn("你的组件 Try another code 继续").map((w) => w.split(" … ")[0])).toEqual(["Try", "another", "code"]);
    expect(englishLeftIn("服务器复核结果：12 / 12 tests passed.").map((w) => w.split(" … ")[0])).toEqual(["tests", "passed"]);
    // Parentheses that open with Chinese are read as usual.
    expect(englishLeftIn("（共 12 项 tests）").map((w) => w.split(" … ")[0])).toEqual(["tests"]);
  });

  it("lets through terms in parentheses, acronyms, identifiers, variables and product names", () => {
    const text = "注意力机制（attention）与层归一化（layer normalization）；RLHF 和 KV 缓存；d_model = 64，调用 tf.softmax 与 crossAttention；Q、K、V；LLM Academy 用 TensorFlow.js 训练 GPT。";
    expect(englishLeftIn(text)).toEqual([]);
    expect(englishLeftIn("取三个词元“cats chase mice”（猫追老鼠）；（large model，大规模预训练模型的简称）；Tenney等人")).toEqual([]);
    expect(englishLeftIn("（查询，query）；英文版（'Large language models predict the next token.'）；示范数据是<user> Capital of France ? <assistant> Paris . <end>；链接 /join/K7QX-M3PA；didn't").map((w) => w.split(" … ")[0])).toEqual(["didn't"]);
  });
});
