import {css, type CSSResult} from 'lit';
import {fieldStyles} from '../../internal/field-styles.js';

let shadowStyles: CSSResult | undefined;

/** Shadow styles that come with the view (its `shadowStyles`): the banner's colour, the layout of the base. */
export function passwordChangeShadowStyles(): CSSResult {
  return (shadowStyles ??= css`
    :host {
      --_banner: var(
        --serein-password-change-banner-background,
        var(--serein-color-info-surface, light-dark(#ddf4ff, #0c2d6b))
      );
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
export function passwordChangeLightStyles(): CSSResult {
  return (lightStyles ??= css`
    ${fieldStyles('serein-password-change')}
    @layer serein {
      serein-password-change [data-serein-light] {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      /* The rule above spaces the meter's lines of text too: its reservation counts that gap. */
      serein-password-change serein-strength-meter {
        max-inline-size: none;
        --_meter-text-gap: calc(var(--_space) * 2);
      }
      serein-password-change h2 {
        margin: 0;
        font-family: var(--serein-heading-font, var(--_font));
        font-size: var(--serein-heading-font-size, 1.375rem);
        font-weight: var(--serein-heading-font-weight, 700);
        line-height: 1.3;
      }
      serein-password-change form {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      serein-password-change .serein-password-change__banner {
        display: grid;
        gap: calc(var(--_space) / 2);
        padding: var(--_space) calc(var(--_space) * 2);
        border-radius: var(--_radius);
        background: var(--_banner);
        border-inline-start: 4px solid var(--_accent);
      }
      serein-password-change .serein-password-change__signal dl {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
        margin: calc(var(--_space) / 2) 0 0;
      }
      serein-password-change .serein-password-change__signal dl > div {
        display: contents;
      }
      serein-password-change .serein-password-change__signal dt {
        font-weight: 600;
      }
      serein-password-change .serein-password-change__signal dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      serein-password-change .serein-password-change__banner p,
      serein-password-change .serein-password-change__done p,
      serein-password-change .serein-help {
        margin: 0;
      }
      serein-password-change .serein-password-change__actions {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 1.5);
      }
      serein-password-change .serein-password-change__done {
        display: grid;
        gap: calc(var(--_space) * 1.5);
      }
      serein-password-change .serein-password-change__feedback {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        border: 0;
        padding: 0;
        margin: 0;
      }
      serein-password-change .serein-password-change__feedback legend {
        font-weight: 600;
        margin-block-end: var(--_space);
      }
      serein-password-change .serein-password-change__feedback .serein-hint {
        flex-basis: 100%;
      }
    }
  `);
}
