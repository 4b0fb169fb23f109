/**
 * English words left in a Chinese page's text (the /zh page scan, tests/e2e/chinese-pages.e2e.ts).
 * Allowed, because a Chinese ML text uses them too: the English term in parentheses after its
 * Chinese one, quoted English examples (what a tokenizer or an English model is given), acronyms (GPT, RLHF, KV), code identifiers (camelCase, snake_case, with digits or
 * dots, such as d_model or tf.softmax), single letters (variables: Q, K, V, x), and the names below.
 */

/** Product, library and model names, and the locale switch's "English": written in Latin in Chinese too. */
const NAMES = new Set([
  "LLM", "Academy", "English", "TensorFlow", "TensorFlow.js", "TypeScript", "JavaScript", "Monaco", "GitHub", "Chromium",
  "Transformer", "Transformers", "softmax", "Softmax", "ReLU", "GELU", "Adam", "AdamW", "ChatGPT", "Claude", "Gemini",
  "LLaMA", "Llama", "BERT", "Word2Vec", "GloVe", "ImageNet", "AlexNet", "Top", "top", "Tab", "Ctrl", "Enter", "Alt", "Shift",
  "top-k", "top-p", "log-sum-exp", "ln", "log", "exp", "sigmoid", "log-sigmoid", "softplus", "tanh", "argmax", "ref", "Mac", "Esc", "Markdown", "KaTeX", "CSV", "UTF", "BOM", "Unicode", "emoji", "BERT-Large", "Switch", "Moodle",
  // Authors cited in the lessons ("Tenney等人（2019）").
  "Tenney", "Sennrich", "Devlin", "Raffel", "Lewis", "Vaswani", "Radford", "Brown", "Ouyang", "Mikolov",
]);

/** A term in parentheses after its Chinese name: "注意力机制（attention）", "（large model，大规模预训练模型的简称）". */
const PARENTHESISED_TERM = /[（(]\s*[A-Za-z][^（）()]*[）)]/g;
/** The same after its Chinese name inside the parentheses: "（查询，query）", "（二元模型，bigram）". */
const PARENTHESISED_AFTER_COMMA = /[（(][^（）()]*[，,]\s*[A-Za-z][^（）()]*[）)]/g;
/** A sequence of model tokens with their markers: "<user> Capital of France ? <assistant> Paris . <end>". */
const TOKEN_SEQUENCE = /<[a-z]+>(?:[^<\u3400-\u9fff]*<[a-z]+>)+/g;
/** A path: "/join/K7QX-M3PA". */
const PATH = /\/[\w/-]+/g;
/** A quoted example, kept in English on purpose (a tokenizer's or a model's English input): “cats chase mice”. */
const QUOTED = /"[^"\n]*"|“[^”\n]*”|(?<![A-Za-z])'[^'\n]+'(?![A-Za-z])/g;
const WORD = /[A-Za-z][A-Za-z0-9_.'’-]*[A-Za-z0-9]|[A-Za-z]/g;
const ACRONYM = /^[A-Z][A-Z0-9]{1,7}s?$/;
const IDENTIFIER = /[a-z][A-Z]|[_\d]|\.[a-z]/;

const allowed = (word: string) => word.length === 1 || NAMES.has(word) || ACRONYM.test(word) || IDENTIFIER.test(word);

/** The English words of `text` that are none of the above, each with a little of the text around it. */
export function englishLeftIn(text: string): string[] {
  const flat = [TOKEN_SEQUENCE, QUOTED, PARENTHESISED_TERM, PARENTHESISED_AFTER_COMMA, PATH].reduce((t, pattern) => t.replace(pattern, " "), text.replace(/\s+/g, " "));
  const found: string[] = [];
  for (const match of flat.matchAll(WORD)) {
    const word = match[0].replace(/[.'’-]+$/, "");
    if (allowed(word)) continue;
    const at = match.index ?? 0;
    found.push(`${word} … ${flat.slice(Math.max(0, at - 20), at + word.length + 20).trim()}`);
  }
  return found;
}
