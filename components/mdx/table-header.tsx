import { Children, isValidElement, type ComponentProps, type ReactNode } from "react";

type Props = { className?: string; children?: ReactNode };

const classOf = (node: ReactNode) => (isValidElement<Props>(node) ? (node.props.className ?? "") : "");
const isMath = (node: ReactNode) => /\bkatex(-display)?\b/.test(classOf(node));

/** The text of a subtree; `skipMath` leaves the math out, else a formula counts as its MathML's glyphs (not its TeX source). */
function textOf(node: ReactNode, skipMath: boolean): string {
  return Children.toArray(node)
    .map((child) => {
      if (typeof child === "string" || typeof child === "number") return String(child);
      if (!isValidElement<Props>(child)) return "";
      if (skipMath && isMath(child)) return "";
      if (child.type === "annotation") return "";
      return textOf(child.props.children, skipMath);
    })
    .join("");
}

/**
 * A Markdown table's header cell. Two kinds of header give a screen reader nothing to say, so
 * axe flags them (empty-table-header): an empty corner cell, which is not a header and becomes a
 * data cell; and one that is only a formula (e.g. `$\sigma(d)$`), whose MathML is not read as the
 * column's name: it gets the drawn formula as text, and the formula is hidden from screen readers
 * so the header is not read twice.
 */
export function TableHeader({ children, ...props }: ComponentProps<"th">) {
  if (!textOf(children, false).trim()) return <td {...(props as ComponentProps<"td">)} />;
  if (textOf(children, true).trim()) return <th {...props}>{children}</th>;
  return (
    <th {...props}>
      <span className="sr-only">{textOf(children, false)}</span>
      <span aria-hidden="true">{children}</span>
    </th>
  );
}
