import {unsafeCSS, type CSSResult} from 'lit';

/**
 * The styles of the one alert box (`renderAlert()` in src/internal/alert.ts) and of the
 * error summary, scoped to `scope` (one of Serein's own tag names for the page's DOM, or `''`
 * inside a shadow root). Loaded with the views only, never on the eager path.
 *
 * Each tone takes its colour from a global token (`--serein-color-accent` for info,
 * `--serein-color-success`, `--serein-color-warning`, `--serein-color-danger` for critical) and
 * its background from `--serein-color-<tone>-surface`. The box has a 1 px frame in the tone's
 * colour with a 4 px stripe on the inline-start side (no heavy frame in dark mode); in
 * forced-colours mode the frame and the icon take the system text colour, so the box stays
 * visible. Light and dark follow the page's `color-scheme`.
 */
export function alertStyles(scope: string): CSSResult {
  const s = scope ? `${scope} ` : '';
  return unsafeCSS(`
@layer serein {
  ${s}.serein-alert-box, ${s}.serein-summary {
    --_tone: var(--_danger);
    --_tone-surface: var(--serein-color-critical-surface, light-dark(#fff1f0, #2c1214));
    display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.25rem 0.75rem; align-items: start;
    padding: 0.75rem 1rem; color: var(--_text); background: var(--_tone-surface);
    border: 1px solid var(--_tone); border-inline-start-width: 4px; border-radius: var(--_radius);
  }
  ${s}.serein-alert-box[data-tone='warning'] {
    --_tone: var(--_warning); --_tone-surface: var(--serein-color-warning-surface, light-dark(#fff8e5, #2b2111));
  }
  ${s}.serein-alert-box[data-tone='success'] {
    --_tone: var(--_success); --_tone-surface: var(--serein-color-success-surface, light-dark(#eefbf1, #0f2a19));
  }
  ${s}.serein-alert-box[data-tone='info'] {
    --_tone: var(--_accent); --_tone-surface: var(--serein-color-info-surface, light-dark(#eef6ff, #0c2140));
  }
  ${s}.serein-alert-icon {
    flex: none; inline-size: 1.25rem; block-size: 1.25rem; margin-block-start: 0.125rem; color: var(--_tone);
  }
  ${s}.serein-alert-body, ${s}.serein-summary > div { display: grid; gap: 0.25rem; min-inline-size: 0; }
  ${s}.serein-alert-body p, ${s}.serein-summary h2, ${s}.serein-summary h3, ${s}.serein-summary ul { margin: 0; }
  ${s}.serein-alert-body p:has(> code) { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; }
  ${s}.serein-alert-body code { overflow-wrap: anywhere; }
  ${s}.serein-summary { grid-template-columns: auto minmax(0, 1fr); }
  ${s}.serein-summary .serein-summary__title { font-size: 1.125rem; line-height: 1.3; }
  ${s}.serein-summary ul { display: grid; gap: 0.25rem; padding-inline-start: 1.25rem; }
  ${s}.serein-summary a { display: inline-block; line-height: max(1.5em, 24px); }
  ${s}.serein-summary:focus-visible, ${s}.serein-summary:focus {
    outline: 3px solid var(--_focus); outline-offset: 2px;
  }
  ${s}.serein-summary .serein-alert-icon { color: var(--_danger); }
  ${s}.serein-confirmation-title { display: flex; gap: 0.5rem; align-items: start; }
  ${s}.serein-confirmation-title .serein-alert-icon {
    flex: none; inline-size: 1.5rem; block-size: 1.5rem; margin-block-start: 0.1em; color: var(--_success);
  }
  ${s}.serein-next { display: flex; flex-wrap: wrap; gap: 0.75rem; }
  ${s}a.serein-button { display: inline-flex; align-items: center; justify-content: center; text-decoration: none; box-sizing: border-box; }
  @media (forced-colors: active) {
    ${s}.serein-alert-box, ${s}.serein-summary { border-color: CanvasText; }
    ${s}.serein-alert-icon, ${s}.serein-confirmation-title .serein-alert-icon, ${s}.serein-summary .serein-alert-icon { color: CanvasText; }
  }
}
`);
}
