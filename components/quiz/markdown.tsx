/**
 * The small Markdown subset quiz text may use (see lib/quiz/schema.ts): paragraphs
 * separated by a blank line, `code`, **bold**, *italic* and [links](/path). Rendered to
 * React elements (never to an HTML string), so quiz text cannot inject markup. Underscores
 * are left alone on purpose: identifiers such as d_model and h_t appear in quiz text.
 */
import type { ReactNode } from "react";

type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] };

/** Only links inside the site, to a fragment, or to https. */
function safeHref(href: string): string | null {
  return /^(\/(?!\/)|#|https:\/\/)/.test(href) ? href : null;
}

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^`([^`]+)`/.exec(rest))) {
      flush();
      out.push({ kind: "code", text: m[1] });
    } else if ((m = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest))) {
      flush();
      out.push({ kind: "strong", children: parseInline(m[1]) });
    } else if ((m = /^\*(?=[^\s*])([\s\S]*?[^\s*])\*(?!\*)/.exec(rest))) {
      flush();
      out.push({ kind: "em", children: parseInline(m[1]) });
    } else if ((m = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest)) && safeHref(m[2])) {
      flush();
      out.push({ kind: "link", href: m[2], children: parseInline(m[1]) });
    } else {
      text += src[i];
      i += 1;
      continue;
    }
    i += m[0].length;
  }
  flush();
  return out;
}

function renderInline(nodes: Inline[], keyPrefix: string): ReactNode[] {
  return nodes.map((node, k) => {
    const key = `${keyPrefix}${k}`;
    switch (node.kind) {
      case "text":
        return node.text;
      case "code":
        return (
          <code key={key} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">
            {node.text}
          </code>
        );
      case "strong":
        return <strong key={key}>{renderInline(node.children, `${key}.`)}</strong>;
      case "em":
        return <em key={key}>{renderInline(node.children, `${key}.`)}</em>;
      case "link":
        return (
          <a key={key} href={node.href} className="underline underline-offset-2 hover:no-underline">
            {renderInline(node.children, `${key}.`)}
          </a>
        );
    }
  });
}

function paragraphs(src: string): string[] {
  return src
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
}

/**
 * Renders quiz Markdown. `inline` keeps everything phrasing content (paragraphs become
 * block-level spans), for use inside <legend>, <label> and <button>.
 */
export function Markdown({ text, inline = false, className }: { text: string; inline?: boolean; className?: string }) {
  const paras = paragraphs(text);
  if (inline) {
    return (
      <span className={className}>
        {paras.map((p, k) => (
          <span key={k} className={paras.length > 1 ? "block [&:not(:first-child)]:mt-2" : undefined}>
            {renderInline(parseInline(p), `${k}.`)}
          </span>
        ))}
      </span>
    );
  }
  return (
    <div className={className}>
      {paras.map((p, k) => (
        <p key={k} className="[&:not(:first-child)]:mt-2">
          {renderInline(parseInline(p), `${k}.`)}
        </p>
      ))}
    </div>
  );
}

/** The text a screen reader should hear for quiz Markdown (for aria-labels and announcements). */
export function plainText(src: string): string {
  const flatten = (nodes: Inline[]): string =>
    nodes.map((n) => (n.kind === "text" || n.kind === "code" ? n.text : flatten(n.children))).join("");
  return paragraphs(src)
    .map((p) => flatten(parseInline(p)))
    .join(" ");
}
