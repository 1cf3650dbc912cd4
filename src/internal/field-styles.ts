import {unsafeCSS, type CSSResult} from 'lit';
import {busyCss} from './busy-styles.js';

/**
 * Light-DOM styles shared by every component whose fields live in the page: labels, inputs,
 * show/hide toggles, hints, errors, buttons and the visually-hidden helper. Scoped to `tag` and
 * wrapped in `@layer serein`, so a page's own unlayered rules win. `tag` is always one of
 * Serein's own tag names (never host input). Checkboxes, radios and the help link are at least
 * 24 × 24 CSS px, and nothing is wider than a 320 px screen (docs/requirements.md, WCAG target
 * size and reflow). The form-level `.serein-alert` is only the live region (unstyled): the box inside
 * it is the one alert pattern (src/internal/alert.styles.ts, loaded with the views).
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
  ${tag} .serein-input::placeholder { color: var(--_muted); opacity: 1; font-style: italic; }
  ${tag} .serein-input[aria-invalid='true'] { border-color: var(--_danger); border-width: 2px; }
  ${tag} form[aria-busy='true'] :is(.serein-input:not(.serein-code__input), .serein-code--grouped .serein-code__input, .serein-code__box) {
    background: color-mix(in srgb, var(--_muted) 14%, var(--_surface)); color: var(--_muted); cursor: progress;
  }
  ${tag} .serein-input:focus-visible, ${tag} .serein-button:focus-visible, ${tag} .serein-link:focus-visible,
  ${tag} .serein-check input:focus-visible {
    outline: var(--serein-focus-width, 3px) solid var(--_focus); outline-offset: var(--serein-focus-offset, 2px);
  }
  ${tag} h2[tabindex='-1'] { border-radius: var(--_radius); }
  ${tag} h2[tabindex='-1']:focus-visible, ${tag} .serein-alert[tabindex='-1']:focus-visible {
    outline: var(--serein-focus-width, 3px) solid var(--_focus); outline-offset: 0.25rem;
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
  ${tag} .serein-check > div { flex: 1 1 0; padding-block-start: 0.125rem; min-inline-size: 0; }
  ${tag} .serein-check input {
    appearance: none; display: grid; place-content: center; box-sizing: border-box; flex: none;
    inline-size: max(1.5rem, 24px); min-inline-size: max(1.5rem, 24px); block-size: max(1.5rem, 24px);
    margin: 0; border: 2px solid var(--_border); border-radius: 0.25rem; background: var(--_surface); cursor: pointer;
  }
  ${tag} .serein-check input[type='radio'] { border-radius: 50%; }
  ${tag} .serein-check input:checked { border-color: var(--_accent); }
  ${tag} .serein-check input[type='radio']:checked::before {
    content: ''; inline-size: 0.75rem; block-size: 0.75rem; border-radius: 50%; background: var(--_accent);
  }
  ${tag} .serein-check input[type='checkbox']:checked { background: var(--_accent); }
  ${tag} .serein-check input[type='checkbox']:checked::before {
    content: ''; inline-size: 0.375rem; block-size: 0.75rem; margin-block-start: -0.1875rem;
    border: solid var(--_surface); border-width: 0 0.1875rem 0.1875rem 0; transform: rotate(45deg);
  }
  ${tag} .serein-link { color: var(--_accent); text-underline-offset: 0.15em; }
  ${tag} .serein-help .serein-link { display: inline-block; line-height: max(1.5em, 24px); }
  ${tag} .serein-visually-hidden {
    position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; border: 0;
  }
  ${busyCss(tag)}
  @media (forced-colors: active) {
    ${tag} form[aria-busy='true'] :is(.serein-input:not(.serein-code__input), .serein-code--grouped .serein-code__input, .serein-code__box) { color: GrayText; }
    ${tag} .serein-check input { appearance: auto; border: 0; }
    ${tag} .serein-button { border: 1px solid ButtonText; background: ButtonFace; color: ButtonText; }
    ${tag} .serein-error::before { forced-color-adjust: auto; }
  }
}
`);
}
