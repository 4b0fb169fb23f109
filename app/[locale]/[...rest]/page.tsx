import { notFound } from "next/navigation";

// Any path inside a locale that no route matches: the localized not-found page.
export default function UnknownPage() {
  notFound();
}
