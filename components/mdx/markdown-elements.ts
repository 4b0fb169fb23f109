import { CodeBlock } from "./code-block";
import { TableHeader } from "./table-header";

/** Markdown's own elements that need more than the plain tag: keyboard-scrollable code, named table headers (lessons and exercise briefs). */
export const markdownElements = { pre: CodeBlock, th: TableHeader };
