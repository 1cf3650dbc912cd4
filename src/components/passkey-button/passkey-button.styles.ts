import {css} from 'lit';

/** Shadow styles: the explanation, the buttons and the status line. */
export const passkeyButtonStyles = css`
  :host {
    display: block;
    max-inline-size: var(--serein-passkey-button-max-width, 32rem);
  }
  :host([hidden]),
  :host(:state(unsupported):not([show-unsupported])) {
    display: none;
  }
  .base {
    display: grid;
  }
  /* While the view loads: the explanation and the button keep their space. */
  .base.loading {
    min-block-size: 6.5rem;
  }
  :host(:state(unsupported)) .base.loading {
    min-block-size: 0;
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
    cursor: progress;
    opacity: 0.85;
  }
  .serein-button:focus-visible,
  .status:focus-visible {
    outline: var(--serein-focus-width, 3px) solid var(--_focus);
    outline-offset: var(--serein-focus-offset, 2px);
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
  .status[data-tone='error'] {
    padding: calc(var(--_space) * 1.5);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .status[data-tone='success'] {
    padding: calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_success);
  }
  .status p {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  code {
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .serein-button {
      border: 1px solid ButtonText;
    }
  }
`;
