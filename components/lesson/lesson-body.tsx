import { createElement } from "react";
import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx/mdx-components";

/**
 * Renders compiled lesson MDX on the server (the code is our own content, compiled at build time).
 * A server component renders once per page, so making the component here resets no state.
 */
export function LessonBody({ code }: { code: string }) {
  return <div className="prose-lesson">{createElement(getMDXComponent(code), { components: mdxComponents })}</div>;
}
