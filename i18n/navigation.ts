import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Locale-aware Link, redirect and router: an internal href gains /zh on Chinese pages. */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
