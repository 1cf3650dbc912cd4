import {css, type CSSResult} from 'lit';

let shadowStyles: CSSResult | undefined;

/** Shadow styles of the bar, built on first use: only the view asks for them (its `shadowStyles`). */
export function meterShadowStyles(): CSSResult {
  return (shadowStyles ??= css`
    :host {
      --_track: var(--serein-strength-meter-track-color, light-dark(#eaeef2, #21262d));
      --_segment-height: var(--serein-strength-meter-height, 0.375rem);
    }

    .base {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }

    .track {
      display: grid;
      grid-template-columns: repeat(4, 1fr);
      gap: calc(var(--_space) / 2);
    }

    .segment {
      block-size: var(--_segment-height);
      border-radius: 999px;
      background: var(--_track);
      box-shadow: inset 0 0 0 1px var(--_border);
      transition: background-color 150ms ease-out;
    }

    .segment[data-filled] {
      box-shadow: none;
      background: var(--_level-color, var(--_text));
    }

    :host(:state(weak)) {
      --_level-color: var(--_danger);
    }
    :host(:state(fair)) {
      --_level-color: var(--_warning);
    }
    :host(:state(good)) {
      --_level-color: var(--serein-strength-meter-good-color, #12988a);
    }
    :host(:state(strong)) {
      --_level-color: var(--_success);
    }

    /* Found in a breach or refused by the host: every segment hatched in the critical tone (not the
     grey of "empty", nor a full bar that could read as "strong"). */
    :host(:state(breached)),
    :host(:state(rejected)) {
      --_track: repeating-linear-gradient(45deg, var(--_danger) 0 4px, #0000 0 7px);
    }

    /* The current value's estimate is on its way: the previous fill stays, neutral and faded. */
    :host(:state(pending)) .segment[data-filled] {
      background: var(--_muted);
      opacity: 0.5;
    }

    @media (prefers-reduced-motion: reduce) {
      .segment {
        transition: none;
      }
    }

    @media (forced-colors: active) {
      .segment {
        forced-color-adjust: none;
        background: Canvas;
        box-shadow: inset 0 0 0 1px CanvasText;
      }
      .segment[data-filled] {
        background: CanvasText;
      }
      /* The hatch of "breached" and "refused" in the system's colours, not an empty track. */
      :host(:state(breached)) .segment,
      :host(:state(rejected)) .segment {
        background: repeating-linear-gradient(45deg, CanvasText 0 4px, Canvas 0 7px);
      }
    }
  `);
}

/**
 * Light-DOM styles: the text the page can reference. Scoped to the tag, in `@layer serein`. Only
 * the view reads them: the call is marked pure so that a bundle of the element alone leaves them out.
 */
export const meterLightStyles = /* @__PURE__ */ lightCss();

function lightCss(): CSSResult {
  return css`
    @layer serein {
      serein-strength-meter .serein-strength-meter__summary {
        margin: 0;
        font-weight: 600;
      }
      serein-strength-meter .serein-strength-meter__feedback {
        display: grid;
        gap: calc(var(--_space) / 2);
        color: var(--_text);
      }
      serein-strength-meter .serein-strength-meter__feedback:empty {
        display: none;
      }
      serein-strength-meter .serein-strength-meter__feedback p {
        margin: 0;
      }
      serein-strength-meter .serein-strength-meter__feedback ul {
        margin: 0;
        padding-inline-start: 1.25rem;
        color: var(--_muted);
      }
      serein-strength-meter .serein-visually-hidden {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        margin: -1px;
        padding: 0;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
        border: 0;
      }
    }
  `;
}
