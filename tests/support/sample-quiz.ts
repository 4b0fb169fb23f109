/** A small quiz with one question of every type, shared by the lib/quiz and components/quiz tests. */
import type { Quiz } from "../../lib/quiz/schema";

export function sampleQuiz(): Quiz {
  return {
    id: "sample-quiz",
    title: "Sample quiz",
    chapter: "transformer",
    lesson: "three-families",
    passPercent: 60,
    questions: [
      {
        id: "s1",
        type: "single",
        prompt: "Which family does **BERT** belong to?",
        explanation: "BERT reads the whole input at once with an encoder stack and has no decoder.",
        section: "/learn/transformer/three-families#encoder-only",
        options: [
          { id: "enc", text: "Encoder-only", correct: true, feedback: "Right: BERT is a stack of encoders." },
          { id: "dec", text: "Decoder-only", feedback: "That is GPT: it predicts the next token left to right." },
          { id: "encdec", text: "Encoder-decoder", feedback: "That is T5 or BART." },
        ],
      },
      {
        id: "m1",
        type: "multiple",
        prompt: "Which are vision models?",
        explanation: "ViT and INTERN take images as input; ChatGPT and ERNIE Bot take text.",
        section: "/learn/taxonomy/language-and-vision-models",
        options: [
          { id: "vit", text: "ViT", correct: true },
          { id: "intern", text: "INTERN", correct: true },
          { id: "chatgpt", text: "ChatGPT", feedback: "A language model." },
          { id: "ernie", text: "ERNIE Bot", feedback: "A language model from Baidu." },
        ],
      },
      {
        id: "tf1",
        type: "true-false",
        prompt: "AGI already exists.",
        explanation: "AGI is still theoretical.",
        section: "/learn/foundations/aigc-and-agi#agi",
        answer: false,
      },
      {
        id: "o1",
        type: "ordering",
        prompt: "Put the training stages in order.",
        explanation: "Pre-training, then SFT, then the reward model, then RL with PPO.",
        section: "/learn/training/rlhf",
        items: [
          { id: "rl", text: "RL with PPO" },
          { id: "pre", text: "Pre-training" },
          { id: "rm", text: "Reward model" },
          { id: "sft", text: "Supervised fine-tuning" },
        ],
        correctOrder: ["pre", "sft", "rm", "rl"],
      },
      {
        id: "mt1",
        type: "matching",
        prompt: "Match each model to its family.",
        explanation: "BERT is encoder-only, GPT decoder-only, T5 encoder-decoder.",
        section: "/learn/transformer/three-families",
        left: [
          { id: "bert", text: "BERT" },
          { id: "gpt", text: "GPT" },
          { id: "t5", text: "T5" },
        ],
        right: [
          { id: "enc", text: "Encoder-only" },
          { id: "dec", text: "Decoder-only" },
          { id: "encdec", text: "Encoder-decoder" },
          { id: "none", text: "Not a Transformer" },
        ],
        pairs: { bert: "enc", gpt: "dec", t5: "encdec" },
      },
      {
        id: "n1",
        type: "numeric",
        prompt: "What is √d_k for d_k = 64?",
        explanation: "√64 = 8.",
        section: "/learn/transformer/self-attention#scaling",
        answer: 8,
        tolerance: 0,
      },
      {
        id: "t1",
        type: "text",
        prompt: "Which function turns logits into probabilities?",
        explanation: "Softmax exponentiates and normalises.",
        section: "/learn/transformer/from-logits-to-tokens",
        accepted: ["softmax", "soft max"],
      },
    ],
  };
}
