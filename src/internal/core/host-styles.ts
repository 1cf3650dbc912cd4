import {css} from 'lit';

/**
 * The few host rules every element needs before its view arrives (CONTRIBUTING.md, "The loading
 * rule"): the host is a block (none when `hidden`), the brand slot sits at the top with its gap,
 * and the text takes the theme's font and colour. Only the two tokens read before the view are
 * resolved here (`--_space`: the brand's gap and the meter's `.base.loading`; `--_max-width`: every
 * element's width); the other tokens (src/internal/tokens.ts) and the rest of the shadow styles
 * come with the view.
 */
export const hostStyles = css`
  :host {
    display: block;
    --_space: calc(var(--serein-space, 0.5rem) * var(--serein-density, 1));
    --_max-width: var(--serein-max-width, 32rem);
    font-family: var(--serein-font, inherit);
    color: var(--serein-color-text, light-dark(#1f2328, #e6edf3));
  }

  :host([hidden]) {
    display: none;
  }

  ::slotted([slot='brand']) {
    display: block;
    margin-block-end: calc(var(--_space) * 2);
  }
`;
