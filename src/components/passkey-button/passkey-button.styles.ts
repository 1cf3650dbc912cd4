import {css, unsafeCSS, type CSSResult} from 'lit';
import {busyCss} from '../../internal/busy-styles.js';

let shadowStyles: CSSResult | undefined;

/**
 * Shadow styles of the view, built on first use (only the view asks for them): the explanation,
 * the buttons and the status line (its notices in the one alert box, styled by `alertStyles('')`,
 * which the view adds before these).
 */
export function passkeyButtonShadowStyles(): CSSResult {
  return (shadowStyles ??= css`
    .base {
      display: grid;
    }
    .base > * + * {
      margin-block-start: calc(var(--_space) * 1.5);
    }
    p {
      margin: 0;
    }
    .intro {
      color: var(--_text);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 1.5);
      align-items: center;
    }
    .serein-button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--_space);
      box-sizing: border-box;
      min-block-size: var(--_control);
      min-inline-size: var(--_control);
      max-inline-size: 100%;
      padding: var(--_space) calc(var(--_space) * 2);
      font: inherit;
      font-weight: 600;
      text-align: center;
      color: var(--serein-color-on-accent, var(--_surface));
      background: var(--_accent);
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    .serein-button--quiet {
      color: var(--_accent);
      background: transparent;
    }
    .serein-button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.75;
    }
    a.serein-button {
      text-decoration: none;
    }
    /* The other way to continue, and the help link: links in the accent colour, 24 px tall at least. */
    .alternative {
      display: flex;
      flex-wrap: wrap;
    }
    .serein-link {
      color: var(--_accent);
      text-underline-offset: 0.15em;
    }
    .serein-help .serein-link {
      display: inline-block;
      line-height: max(1.5em, 24px);
    }
    ${unsafeCSS(busyCss(':host'))}
    /* The spinner takes the key's place, at the key's size. */
  .serein-button .serein-spinner {
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    .serein-button:focus-visible,
    .serein-link:focus-visible,
    .status:focus-visible {
      outline: var(--serein-focus-width, 3px) solid var(--_focus);
      outline-offset: var(--serein-focus-offset, 2px);
    }
    /* Focus moved to the status (after the system dialog): a ring well clear of its border. */
    .status:focus-visible {
      outline: var(--serein-focus-width, 3px) solid var(--_focus);
      outline-offset: 0.25rem;
      border-radius: var(--_radius);
    }
    .icon {
      flex: none;
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    .status {
      display: grid;
      gap: var(--_space);
    }
    /* The live region stays in the page (and in the accessibility tree) while it is empty. */
    .base > .status:empty {
      margin-block-start: 0;
    }
    code {
      overflow-wrap: anywhere;
    }
    @media (forced-colors: active) {
      .serein-button {
        border: 1px solid ButtonText;
        background: ButtonFace;
        color: ButtonText;
      }
    }
  `);
}
