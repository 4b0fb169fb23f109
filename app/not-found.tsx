import { themeBootScript } from "@/components/layout/theme-toggle";
import "./globals.css";

// Reached only for a request outside every locale (the proxy sends every page path to one), so
// it is bilingual and has its own document, with the same theme start-up as the locale layout.
// A plain link: this boundary is in every page's payload (decision 042).
export default function GlobalNotFound() {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main className="mx-auto max-w-xl px-4 py-24 text-center">
          <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight">We could not find that page · 找不到这个页面</h1>
          <p className="mt-8">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link: decision 042 */}
            <a href="/" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">LLM Academy</a>
          </p>
        </main>
      </body>
    </html>
  );
}
