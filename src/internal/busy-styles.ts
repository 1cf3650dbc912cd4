// The styles of the busy buttons drawn by `busyLabel()` (src/internal/busy-label.ts), apart from
// its templates so that only the views (loaded lazily) carry those.

/**
 * The styles of `busyLabel()` and of busy buttons, under `scope` (a tag name for the page's DOM,
 * or `:host` for a shadow tree). The spinner is 1em with a 0.5em gap; the copies of busy labels
 * keep that space. Where motion is reduced, the spinner stands still.
 */
export function busyCss(scope: string): string {
  return `
  ${scope} .serein-busy { display: inline-grid; align-items: center; justify-items: center; }
  ${scope} .serein-busy > * { grid-area: 1 / 1; }
  ${scope} .serein-busy__now { display: inline-flex; align-items: center; gap: 0.5em; }
  ${scope} .serein-busy__sizer { display: grid; visibility: hidden; }
  ${scope} .serein-busy__sizer::before, ${scope} .serein-busy__sizer::after { grid-area: 1 / 1; }
  ${scope} .serein-busy__sizer[data-first]::before { content: attr(data-first); content: attr(data-first) / ''; }
  ${scope} .serein-busy__sizer[data-second]::after { content: attr(data-second); content: attr(data-second) / ''; }
  ${scope} .serein-busy__sizer[data-first-busy]::before, ${scope} .serein-busy__sizer[data-second-busy]::after {
    padding-inline-start: 1.5em;
  }
  ${scope} .serein-spinner { flex: none; inline-size: 1em; block-size: 1em; animation: serein-spin 0.9s linear infinite; }
  ${scope} .serein-button:has(.serein-spinner) { cursor: progress; opacity: 1; }
  @keyframes serein-spin { to { transform: rotate(1turn); } }
  @media (prefers-reduced-motion: reduce) {
    ${scope} .serein-spinner { animation: none; }
  }`;
}
