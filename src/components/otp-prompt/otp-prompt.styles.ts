import {css} from 'lit';

/** Shadow styles: layout of the host (the light-DOM styles come with the parts, in otp-prompt.light-styles.ts). */
export const otpPromptStyles = css`
  :host {
    display: block;
    max-inline-size: var(--serein-otp-prompt-max-width, 30rem);
    --_box: var(--serein-otp-prompt-box-size, 2.75rem);
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: grid;
    gap: 1rem;
  }
`;
