import {unsafeCSS, type CSSResult} from 'lit';

/**
 * Light-DOM styles shared by every component whose fields live in the page: labels, inputs,
 * show/hide toggles, hints, errors, buttons and the visually-hidden helper. Scoped to `tag` and
 * wrapped in `@layer serein`, so a page's own unlayered rules win. `tag` is always one of
 * Serein's own tag names (never host input). Checkboxes, radios and the help link are at least
 * 24 × 24 CSS px, and nothing is wider than a 320 px screen (docs/requirements.md, WCAG target
 * size and reflow).
 */
export function fieldStyles(tag: string): CSSResult {
  return unsafeCSS(`
@layer serein {
  ${tag} .serein-field { display: grid; grid-template-columns: minmax(0, 1fr); gap: calc(var(--_space) / 2); }
  ${tag} .serein-label { font-weight: 600; }
  ${tag} .serein-control { display: flex; gap: var(--_space); align-items: stretch; }
  ${tag} .serein-input {
    flex: 1 1 0; min-inline-size: 0; font: inherit; color: var(--_text); background: var(--_surface);
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space) calc(var(--_space) * 1.25); min-block-size: var(--_control);
    box-sizing: border-box;
  }
  ${tag} .serein-input[aria-invalid='true'] { border-color: var(--_danger); border-width: 2px; }
  ${tag} .serein-input:focus-visible, ${tag} .serein-button:focus-visible, ${tag} .serein-link:focus-visible,
  ${tag} .serein-check input:focus-visible {
    outline: var(--serein-focus-width, 3px) solid var(--_focus); outline-offset: var(--serein-focus-offset, 2px);
  }
  ${tag} .serein-button {
    font: inherit; min-block-size: var(--_control); min-inline-size: var(--_control); padding: var(--_space) calc(var(--_space) * 2); border-radius: var(--_radius);
    border: 1px solid var(--_accent); background: var(--_accent); color: var(--serein-color-on-accent, var(--_surface)); cursor: pointer; font-weight: 600;
  }
  ${tag} .serein-button[aria-disabled='true'], ${tag} .serein-button:disabled { cursor: not-allowed; opacity: 0.75; }
  ${tag} .serein-button--quiet { background: transparent; color: var(--_accent); }
  ${tag} .serein-toggle { padding-inline: calc(var(--_space) * 1.5); font-weight: 500; }
  ${tag} .serein-toggle[aria-pressed='true'] { background: var(--_accent); color: var(--serein-color-on-accent, var(--_surface)); }
  ${tag} .serein-hint { margin: 0; color: var(--_muted); }
  ${tag} .serein-error { margin: 0; color: var(--_danger); font-weight: 600; }
  ${tag} .serein-error:empty { display: none; }
  ${tag} .serein-error::before { content: '⚠ '; }
  ${tag} .serein-check { display: flex; gap: var(--_space); align-items: start; }
  ${tag} .serein-check > div { padding-block-start: 0.125rem; min-inline-size: 0; }
  ${tag} .serein-check input {
    flex: none; inline-size: max(1.5rem, 24px); block-size: max(1.5rem, 24px); margin: 0; accent-color: var(--_accent);
  }
  ${tag} .serein-link { color: var(--_accent); text-underline-offset: 0.15em; }
  ${tag} .serein-help .serein-link { display: inline-block; line-height: max(1.5em, 24px); }
  ${tag} .serein-alert {
    display: grid; gap: calc(var(--_space) / 2); padding: calc(var(--_space) * 1.5); border: 2px solid var(--_danger); border-radius: var(--_radius);
  }
  ${tag} .serein-alert:not(:has(p)) { padding: 0; border: 0; }
  ${tag} .serein-alert p { margin: 0; }
  ${tag} .serein-visually-hidden {
    position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; border: 0;
  }
  @media (forced-colors: active) {
    ${tag} .serein-button { border: 1px solid ButtonText; }
    ${tag} .serein-error::before { forced-color-adjust: auto; }
  }
}
`);
}
