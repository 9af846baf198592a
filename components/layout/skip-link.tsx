// WCAG 2.4.1 (bypass blocks): the first Tab stop of every page jumps past the
// header to <main id="main">, which takes focus because it has tabIndex -1.
// Hidden until focused, so only keyboard users see it.
export const MAIN_ID = "main";

export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow-md focus:outline-none focus:ring-2 focus:ring-indigo-500"
    >
      Skip to content
    </a>
  );
}
