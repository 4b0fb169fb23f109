/**
 * The interface messages of two locales side by side (messages/<locale>/<namespace>.json): the same
 * namespaces, the same keys, and in each message the same ICU arguments and rich-text tags, so a
 * Chinese page never shows a raw key or loses a number. Also flags a Chinese message left in
 * English (no Chinese character in it). Framework-free: used by a Jest test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Tree = { [key: string]: string | Tree };

export function readLocaleMessages(root: string, locale: string): Record<string, Tree> {
  const dir = path.join(root, "messages", locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => [f.slice(0, -".json".length), JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Tree]),
  );
}

/** Every message of a namespace as "a.b.c" -> text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else for (const [k, v] of flatten(value, at)) out.set(k, v);
  }
  return out;
}

/**
 * The arguments ("count") and tags ("<link>") a message uses, sorted. The kind of an argument may
 * differ: Chinese has no plural forms, so an English plural is often a plain number in Chinese.
 * A small reader of the ICU syntax next-intl uses (arguments, plural/select options, tags);
 * throws on unbalanced braces.
 */
export function messageSlots(message: string): string[] {
  const slots = new Set<string>();
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (/\s/.test(message[i] ?? "")) i++;
  };
  const word = () => {
    const from = i;
    while (i < message.length && /[^\s{},<>]/.test(message[i])) i++;
    return message.slice(from, i);
  };
  // Text up to the "}" that closes an option (nested) or the end (top level).
  const text = (nested: boolean): void => {
    while (i < message.length) {
      const c = message[i];
      if (c === "}") {
        if (!nested) fail("unexpected }");
        return;
      }
      if (c === "{") argument();
      else if (c === "<") {
        const tag = /^<\/?([A-Za-z][\w-]*)>/.exec(message.slice(i));
        if (tag) slots.add(`<${tag[1]}>`);
        i += tag ? tag[0].length : 1;
      } else i++;
    }
    if (nested) fail("unclosed {");
  };
  const argument = (): void => {
    i++; // "{"
    skipSpace();
    const name = word();
    if (!name) fail("an argument without a name");
    slots.add(name);
    skipSpace();
    if (message[i] === "}") {
      i++;
      return;
    }
    if (message[i] !== ",") fail("expected , or }");
    i++;
    skipSpace();
    const kind = word();
    skipSpace();
    if (kind === "plural" || kind === "select" || kind === "selectordinal") {
      if (message[i] !== ",") fail("expected , after the argument's kind");
      i++;
      for (;;) {
        skipSpace();
        if (i >= message.length) fail("unclosed {");
        if (message[i] === "}") {
          i++;
          return;
        }
        if (!word()) fail("an option without a selector");
        skipSpace();
        if (message[i] !== "{") fail("expected { after a selector");
        i++;
        text(true);
        i++; // the option's "}"
      }
    }
    // number, date, time with an optional style: up to the closing brace.
    while (i < message.length && message[i] !== "}") i++;
    if (message[i] !== "}") fail("unclosed {");
    i++;
  };
  text(false);
  return [...slots].sort();
}

const CJK = /[\u3400-\u9fff]/;
/** Messages that are the same in every language: product names, symbols, formats ("{step} / {steps}"), an example e-mail address. */
const LANGUAGE_NEUTRAL = /^[^A-Za-z]*$|^(LLM Academy|TensorFlow\.js)$|^[\w.+-]+@[\w-]+(\.[\w-]+)+$/;
const withoutSlots = (text: string) => text.replace(/\{[\w-]+\}/g, "").replace(/<\/?[\w-]+>/g, "");

/** Problems between a reference locale (English) and a translation, one line each. */
export function messageParityProblems(english: Record<string, Tree>, translated: Record<string, Tree>, locale: string): string[] {
  const problems: string[] = [];
  for (const ns of Object.keys(english)) if (!(ns in translated)) problems.push(`messages/${locale}/${ns}.json is missing`);
  for (const ns of Object.keys(translated)) if (!(ns in english)) problems.push(`messages/${locale}/${ns}.json has no English messages/en/${ns}.json`);
  for (const ns of Object.keys(english).filter((n) => n in translated)) {
    const en = flatten(english[ns]);
    const other = flatten(translated[ns]);
    for (const key of en.keys()) if (!other.has(key)) problems.push(`${ns}.${key}: missing in ${locale}`);
    for (const [key, text] of other) {
      const source = en.get(key);
      if (source === undefined) {
        problems.push(`${ns}.${key}: in ${locale} but not in English`);
        continue;
      }
      let a: string[], b: string[];
      try {
        a = messageSlots(source);
        b = messageSlots(text);
      } catch (error) {
        problems.push(`${ns}.${key}: not a valid ICU message (${(error as Error).message})`);
        continue;
      }
      if (a.join() !== b.join()) problems.push(`${ns}.${key}: English uses ${a.join(", ") || "nothing"}, ${locale} uses ${b.join(", ") || "nothing"}`);
      if (locale === "zh" && !CJK.test(text) && !LANGUAGE_NEUTRAL.test(withoutSlots(text))) problems.push(`${ns}.${key}: "${text}" has no Chinese in it`);
    }
  }
  return problems;
}
