/**
 * The parts of a Markdown/MDX text that a translation must keep exactly as the English has them:
 * heading levels, MDX component tags with their non-prose props, code blocks (comments aside),
 * math blocks, link targets and table shapes. A line scanner rather than the remark parser, so
 * it runs under Jest's CommonJS transform as well as in the content check.
 */

export interface Outline {
  /** Heading levels in document order (2 for ##). */
  headings: number[];
  /** Component tags in document order, e.g. `<Exercise id="softmax"/>`, `<Callout type="note">`, `</Callout>`. */
  components: string[];
  /** Fenced code blocks: language and code with comment lines and blank lines dropped. */
  codeBlocks: { lang: string; code: string }[];
  /** Display math blocks ($$ ... $$). */
  mathBlocks: number;
  /** Link targets, sorted (a translation may reorder the links of one sentence). */
  links: string[];
  /** Column count of each table row, in order. */
  tableRows: number[];
}

/** Props whose values are prose for the reader; every other prop is compared verbatim. */
export const PROSE_PROPS = new Set(["alt", "caption", "def", "title", "label", "summary", "description"]);

const FENCE_OPEN = /^\s*(`{3,}|~{3,})\s*([^\s`]*)/;

function isFenceClose(line: string, marker: string): boolean {
  const t = line.trim();
  return t.length >= marker.length && t.startsWith(marker) && /^[`~]+$/.test(t) && t[0] === marker[0];
}

/** Code as the check compares it: comment lines, trailing `//` comments and blank lines removed. */
export function codeWithoutComments(code: string, lang: string): string {
  const hashComments = !/^(ts|tsx|typescript|js|jsx|javascript|json)$/i.test(lang);
  return code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.replace(/\s+\/\/.*$/, "").replace(/\s+$/, ""))
    .filter((line) => {
      const t = line.trim();
      if (t === "" || t.startsWith("//")) return false;
      return !(hashComments && t.startsWith("#"));
    })
    .join("\n");
}

/** Reads the tags of MDX components (names starting with a capital letter) from prose text. */
function componentTags(text: string): string[] {
  const tags: string[] = [];
  const start = /<(\/?)([A-Z][A-Za-z0-9]*)/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text))) {
    if (match[1]) {
      tags.push(`</${match[2]}>`);
      continue;
    }
    let i = match.index + match[0].length;
    const props: string[] = [];
    let end = ">";
    while (i < text.length) {
      while (/\s/.test(text[i] ?? "")) i++;
      if (text.startsWith("/>", i)) {
        end = "/>";
        i += 2;
        break;
      }
      if (text[i] === ">") {
        i++;
        break;
      }
      const name = /^[A-Za-z_:][-A-Za-z0-9_:.]*/.exec(text.slice(i))?.[0];
      if (!name) {
        i++;
        continue;
      }
      i += name.length;
      let value = "";
      if (text[i] === "=") {
        i++;
        const quote = text[i];
        if (quote === '"' || quote === "'") {
          const close = text.indexOf(quote, i + 1);
          value = text.slice(i, close === -1 ? text.length : close + 1);
          i = close === -1 ? text.length : close + 1;
        } else if (quote === "{") {
          let depth = 0;
          const from = i;
          for (; i < text.length; i++) {
            if (text[i] === "{") depth++;
            if (text[i] === "}" && --depth === 0) break;
          }
          value = text.slice(from, ++i);
        }
      }
      if (!PROSE_PROPS.has(name)) props.push(value ? `${name}=${value}` : name);
    }
    start.lastIndex = i;
    props.sort();
    tags.push(`<${[match[2], ...props].join(" ")}${end}`);
  }
  return tags;
}

export function outline(markdown: string): Outline {
  const result: Outline = { headings: [], components: [], codeBlocks: [], mathBlocks: 0, links: [], tableRows: [] };
  const prose: string[] = [];
  let fence: { marker: string; lang: string; lines: string[] } | null = null;
  for (const line of markdown.split("\n")) {
    if (fence) {
      if (isFenceClose(line, fence.marker)) {
        result.codeBlocks.push({ lang: fence.lang, code: codeWithoutComments(fence.lines.join("\n"), fence.lang) });
        fence = null;
      } else fence.lines.push(line);
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = { marker: open[1], lang: open[2], lines: [] };
      continue;
    }
    const heading = /^(#{1,6})\s+\S/.exec(line);
    if (heading) result.headings.push(heading[1].length);
    if (/^\s*\|.*\|\s*$/.test(line)) result.tableRows.push(line.trim().replace(/\\\|/g, "").split("|").length - 2);
    prose.push(line);
  }
  if (fence) result.codeBlocks.push({ lang: fence.lang, code: codeWithoutComments(fence.lines.join("\n"), fence.lang) });

  // Inline code can hold anything (`Array<number>`, `$$`), so it is left out of the prose scan.
  const text = prose.join("\n").replace(/`[^`\n]*`/g, "``");
  result.mathBlocks = Math.floor((text.match(/\$\$/g) ?? []).length / 2);
  result.components = componentTags(text);
  result.links = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]).sort();
  return result;
}

const show = (levels: number[]) => levels.map((n) => "#".repeat(n)).join(" ") || "(none)";

/** Every way the translation's outline differs from the English one, as readable sentences. */
export function compareOutlines(english: Outline, translation: Outline, { hints = false } = {}): string[] {
  const problems: string[] = [];
  if (hints) {
    const count = (o: Outline) => o.headings.filter((h) => h === 2).length;
    if (count(english) !== count(translation)) problems.push(`has ${count(translation)} hints (## headings), the English has ${count(english)}`);
  } else if (english.headings.join() !== translation.headings.join()) {
    problems.push(`heading levels differ: English ${show(english.headings)}, translation ${show(translation.headings)}`);
  }
  const firstDifference = <T>(a: T[], b: T[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
    return -1;
  };
  const c = firstDifference(english.components, translation.components);
  if (c >= 0) {
    problems.push(
      `MDX components differ from the English (${english.components.length} tags there, ${translation.components.length} here): ` +
        `tag ${c + 1} is ${english.components[c] ?? "(none)"} in English, ${translation.components[c] ?? "(none)"} here`,
    );
  }
  if (english.codeBlocks.length !== translation.codeBlocks.length) {
    problems.push(`has ${translation.codeBlocks.length} code blocks, the English has ${english.codeBlocks.length}`);
  } else {
    english.codeBlocks.forEach((block, i) => {
      const other = translation.codeBlocks[i];
      if (block.lang !== other.lang) problems.push(`code block ${i + 1} is \`\`\`${other.lang}, the English is \`\`\`${block.lang}`);
      else if (block.code !== other.code) {
        const a = block.code.split("\n");
        const b = other.code.split("\n");
        const line = firstDifference(a, b);
        problems.push(`code block ${i + 1} differs from the English (only comments may be translated): English "${a[line] ?? ""}", here "${b[line] ?? ""}"`);
      }
    });
  }
  if (english.mathBlocks !== translation.mathBlocks) problems.push(`has ${translation.mathBlocks} math blocks ($$), the English has ${english.mathBlocks}`);
  if (english.links.join("\n") !== translation.links.join("\n")) {
    const missing = english.links.filter((l) => !translation.links.includes(l));
    const extra = translation.links.filter((l) => !english.links.includes(l));
    problems.push(`link targets differ from the English${missing.length ? `: missing ${missing.join(", ")}` : ""}${extra.length ? `; not in the English: ${extra.join(", ")}` : ""}${!missing.length && !extra.length ? " (a link is repeated or dropped)" : ""}`);
  }
  if (english.tableRows.join() !== translation.tableRows.join()) {
    problems.push(`tables differ in shape: English rows have ${english.tableRows.join(",") || "none"} columns, here ${translation.tableRows.join(",") || "none"}`);
  }
  return problems;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunct = (c: string | undefined) => c !== undefined && PUNCTUATION.test(c);

/**
 * Emphasis that CommonMark will not render, a classic slip in Chinese: in `**理解。**人工智能`
 * the closing `**` follows punctuation and is followed by a letter, so it cannot close and the
 * reader sees the asterisks. Pairs `*` and `**` runs within a line (lines with an odd count are
 * left alone) and checks the flanking rules; returns 1-based line numbers with the offending span.
 */
export function unrenderedEmphasis(text: string): { line: number; span: string }[] {
  const found: { line: number; span: string }[] = [];
  let fence: string | null = null;
  text.split("\n").forEach((raw, index) => {
    const open = FENCE_OPEN.exec(raw);
    if (fence) {
      if (isFenceClose(raw, fence)) fence = null;
      return;
    }
    if (open) {
      fence = open[1];
      return;
    }
    // Asterisks inside inline code and math are not emphasis; their delimiters (` and $) count
    // as punctuation, as in the parser. List bullets are not emphasis either. Lengths are kept.
    const blank = (m: string) => m[0] + "x".repeat(m.length - 2) + m[m.length - 1];
    const line = raw.replace(/`[^`]+`/g, blank).replace(/\$[^$]+\$/g, blank).replace(/^(\s*)[*-](\s+)/, (_m, a: string, b: string) => `${a} ${b}`);
    const runs = [...line.matchAll(/\*+/g)].map((m) => ({ at: m.index!, length: m[0].length }));
    for (const size of [1, 2]) {
      const same = runs.filter((r) => r.length === size);
      if (same.length % 2 !== 0) continue;
      for (let i = 0; i < same.length; i += 2) {
        const [opener, closer] = [same[i], same[i + 1]];
        const before = line[opener.at - 1];
        const after = line[opener.at + size];
        const canOpen = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
        const lastInside = line[closer.at - 1];
        const next = line[closer.at + size];
        const canClose = !isSpace(lastInside) && (!isPunct(lastInside) || isSpace(next) || isPunct(next));
        if (!canOpen || !canClose) found.push({ line: index + 1, span: raw.slice(Math.max(0, opener.at - 2), closer.at + size + 2) });
      }
    }
  });
  return found;
}
