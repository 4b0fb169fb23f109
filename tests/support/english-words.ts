/**
 * English words left in a Chinese page's text (the /zh page scan, tests/e2e/chinese-pages.e2e.ts).
 * Allowed, because a Chinese ML text uses them too: the English term in parentheses after its
 * Chinese one, acronyms (GPT, RLHF, KV), code identifiers (camelCase, snake_case, with digits or
 * dots, such as d_model or tf.softmax), single letters (variables: Q, K, V, x), and the names below.
 */

/** Product, library and model names, and the locale switch's "English": written in Latin in Chinese too. */
const NAMES = new Set([
  "LLM", "Academy", "English", "TensorFlow", "TensorFlow.js", "TypeScript", "JavaScript", "Monaco", "GitHub", "Chromium",
  "Transformer", "Transformers", "softmax", "Softmax", "ReLU", "GELU", "Adam", "AdamW", "ChatGPT", "Claude", "Gemini",
  "LLaMA", "Llama", "BERT", "Word2Vec", "GloVe", "ImageNet", "AlexNet", "Top", "top", "Tab", "Ctrl", "Enter", "Alt", "Shift",
  "Mac", "Esc", "Markdown", "KaTeX", "CSV", "UTF", "BOM",
]);

/** A term in parentheses after its Chinese name ("注意力机制（attention）"), Latin inside, no CJK. */
const PARENTHESISED_LATIN = /[（(][^（）()\u3400-\u9fff]*[A-Za-z][^（）()\u3400-\u9fff]*[）)]/g;
const WORD = /[A-Za-z][A-Za-z0-9_.'’-]*[A-Za-z0-9]|[A-Za-z]/g;
const ACRONYM = /^[A-Z][A-Z0-9]{1,7}s?$/;
const IDENTIFIER = /[a-z][A-Z]|[_\d]|\.[a-z]/;

const allowed = (word: string) => word.length === 1 || NAMES.has(word) || ACRONYM.test(word) || IDENTIFIER.test(word);

/** The English words of `text` that are none of the above, each with a little of the text around it. */
export function englishLeftIn(text: string): string[] {
  const flat = text.replace(/\s+/g, " ").replace(PARENTHESISED_LATIN, " ");
  const found: string[] = [];
  for (const match of flat.matchAll(WORD)) {
    const word = match[0].replace(/[.'’-]+$/, "");
    if (allowed(word)) continue;
    const at = match.index ?? 0;
    found.push(`${word} … ${flat.slice(Math.max(0, at - 20), at + word.length + 20).trim()}`);
  }
  return found;
}
