import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx/mdx-components";

/** Renders compiled lesson MDX on the server (the code is our own content, compiled at build time). */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  return (
    <div className="prose-lesson">
      <Content components={mdxComponents} />
    </div>
  );
}
