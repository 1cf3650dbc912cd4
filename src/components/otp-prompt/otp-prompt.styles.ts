import {css, type CSSResult} from 'lit';
import {fieldStyles} from '../../internal/field-styles.js';

let shadowStyles: CSSResult | undefined;

/** Shadow styles that come with the view (its `shadowStyles`): the layout of the base. */
export function otpPromptShadowStyles(): CSSResult {
  return (shadowStyles ??= css`
    :host {
      --_box: var(--serein-otp-prompt-box-size, 2.75rem);
    }
    .base {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
  `);
}

let lightStyles: CSSResult | undefined;

/**
 * Page-DOM styles, built on first use: only the view (loaded lazily) asks for them, so they stay
 * out of the element's eager chunk.
 */
export function otpPromptLightStyles(): CSSResult {
  return (lightStyles ??= css`
    ${fieldStyles('serein-otp-prompt')}
    @layer serein {
      serein-otp-prompt [data-serein-light],
      serein-otp-prompt form,
      serein-otp-prompt .serein-otp-prompt__intro,
      serein-otp-prompt .serein-otp-prompt__resend {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      serein-otp-prompt .serein-otp-prompt__intro,
      serein-otp-prompt .serein-otp-prompt__resend {
        gap: var(--_space);
        justify-items: start;
      }
      serein-otp-prompt h2 {
        margin: 0;
        font-family: var(--serein-heading-font, var(--_font));
        font-size: var(--serein-heading-font-size, 1.375rem);
        font-weight: var(--serein-heading-font-weight, 700);
        line-height: 1.3;
      }
      serein-otp-prompt p {
        margin: 0;
      }
      serein-otp-prompt .serein-code {
        position: relative;
        display: flex;
        gap: calc(var(--_space) * 0.75);
        max-inline-size: 100%;
        inline-size: max-content;
        direction: ltr;
      }
      serein-otp-prompt .serein-code__input {
        position: absolute;
        inset: 0;
        inline-size: 100%;
        min-block-size: 0;
        padding: 0;
        border: 0;
        background: transparent;
        color: transparent;
        caret-color: transparent;
        outline: none;
        font-variant-numeric: tabular-nums;
      }
      /* The boxes draw the focus (the active box's ring): the transparent input draws none. */
      serein-otp-prompt .serein-code:not(.serein-code--grouped) .serein-code__input:focus-visible {
        outline: none;
      }
      serein-otp-prompt .serein-code--grouped {
        display: block;
        inline-size: 100%;
      }
      serein-otp-prompt .serein-code--grouped .serein-code__input {
        position: static;
        inline-size: 100%;
        min-block-size: var(--_control);
        padding: var(--_space) calc(var(--_space) * 1.25);
        border: 1px solid var(--_border);
        background: var(--_surface);
        color: var(--_text);
        caret-color: auto;
        font-family: var(--serein-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
        font-size: 1.125rem;
        letter-spacing: 0.08em;
      }
      serein-otp-prompt .serein-code--grouped .serein-code__input:focus-visible {
        outline: var(--serein-focus-width, 3px) solid var(--_focus);
        outline-offset: var(--serein-focus-offset, 2px);
      }
      serein-otp-prompt .serein-code--grouped .serein-code__input[aria-invalid='true'] {
        border: 2px solid var(--_danger);
      }
      serein-otp-prompt .serein-code__boxes {
        display: flex;
        gap: inherit;
        min-inline-size: 0;
        pointer-events: none;
        position: relative;
      }
      serein-otp-prompt .serein-code__box {
        box-sizing: border-box;
        display: grid;
        place-items: center;
        flex: 0 1 var(--_box);
        inline-size: var(--_box);
        min-inline-size: 1.75rem;
        block-size: calc(var(--_control) + 0.25rem);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        font-size: 1.375rem;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      serein-otp-prompt .serein-code__input[aria-invalid='true'] + .serein-code__boxes .serein-code__box {
        border: 2px solid var(--_danger);
      }
      serein-otp-prompt .serein-code__box.is-active {
        outline: var(--serein-focus-width, 3px) solid var(--_focus);
        outline-offset: calc(var(--serein-focus-offset, 2px) / 2);
      }
      serein-otp-prompt .serein-code__box.is-active:not(.is-filled)::after {
        content: '';
        inline-size: 2px;
        block-size: 1.5rem;
        background: var(--_text);
        animation: serein-otp-caret 1.1s steps(1) infinite;
      }
      @keyframes serein-otp-caret {
        50% {
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        serein-otp-prompt .serein-code__box.is-active:not(.is-filled)::after {
          animation: none;
        }
      }
      @media (forced-colors: active) {
        /* The input under the boxes stays invisible: its text is drawn in the boxes. */
        serein-otp-prompt .serein-code:not(.serein-code--grouped) .serein-code__input {
          forced-color-adjust: none;
        }
        serein-otp-prompt .serein-code__box {
          border-color: CanvasText;
        }
        serein-otp-prompt .serein-code__box.is-active {
          outline-color: Highlight;
        }
        serein-otp-prompt .serein-code__box.is-active:not(.is-filled)::after {
          background: CanvasText;
        }
      }
      serein-otp-prompt .serein-otp-prompt__actions {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 1.5);
      }
      serein-otp-prompt .serein-otp-prompt__others button {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        text-align: start;
      }
      /* The disclosure's button reads as a control that opens, not as one more outlined action. */
      serein-otp-prompt .serein-otp-prompt__others-toggle {
        padding-inline: 0.5rem;
        border-color: transparent;
      }
      serein-otp-prompt .serein-otp-prompt__chevron,
      serein-otp-prompt .serein-otp-prompt__icon {
        flex: none;
        inline-size: 1.25rem;
        block-size: 1.25rem;
      }
      serein-otp-prompt .serein-otp-prompt__others-toggle[aria-expanded='true'] .serein-otp-prompt__chevron {
        transform: rotate(180deg);
      }
      /* The other ways: one column of buttons of the same (full) width, icon first. */
      serein-otp-prompt .serein-otp-prompt__others ul {
        list-style: none;
        margin: var(--_space) 0 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      serein-otp-prompt .serein-otp-prompt__others li button {
        inline-size: 100%;
        justify-content: start;
        border-color: var(--_border);
        color: var(--_text);
        font-weight: 500;
      }
      serein-otp-prompt .serein-otp-prompt__others li .serein-otp-prompt__icon {
        color: var(--_accent);
      }
      serein-otp-prompt .serein-otp-prompt__others ul[hidden] {
        display: none;
      }
    }
  `);
}
