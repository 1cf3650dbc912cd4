import {css, type CSSResult} from 'lit';
import {fieldStyles} from '../../internal/field-styles.js';

let shadowStyles: CSSResult | undefined;

/** Shadow styles that come with the view (its `shadowStyles`): the layout of the base. */
export function recoveryWizardShadowStyles(): CSSResult {
  return (shadowStyles ??= css`
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
export function recoveryWizardLightStyles(): CSSResult {
  return (lightStyles ??= css`
    ${fieldStyles('serein-recovery-wizard')}
    @layer serein {
      serein-recovery-wizard [data-serein-light],
      serein-recovery-wizard .serein-recovery-wizard__step,
      serein-recovery-wizard form {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      /* Every step as wide as the wizard: the prompts it nests take its width, not their own. */
      serein-recovery-wizard serein-otp-prompt,
      serein-recovery-wizard serein-password-change {
        max-inline-size: none;
      }
      serein-recovery-wizard .serein-recovery-wizard__step[hidden] {
        display: none;
      }
      serein-recovery-wizard h2 {
        margin: 0;
        font-family: var(--serein-heading-font, var(--_font));
        font-size: var(--serein-heading-font-size, 1.375rem);
        font-weight: var(--serein-heading-font-weight, 700);
        line-height: 1.3;
      }
      serein-recovery-wizard p {
        margin: 0;
      }
      serein-recovery-wizard .serein-recovery-wizard__progress {
        color: var(--_muted);
        font-weight: 600;
      }
      serein-recovery-wizard .serein-recovery-wizard__back {
        justify-self: start;
      }
      serein-recovery-wizard .serein-recovery-wizard__methods {
        display: grid;
        gap: calc(var(--_space) * 1.5);
        border: 0;
        padding: 0;
        margin: 0;
      }
      serein-recovery-wizard .serein-recovery-wizard__actions {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 1.5);
      }
      serein-recovery-wizard .serein-recovery-wizard__lost {
        display: grid;
        gap: var(--_space);
      }
      serein-recovery-wizard .serein-recovery-wizard__support {
        text-decoration: none;
      }
      /* A link in the page's own link colours (a page's unlayered rules for links win). */
      serein-recovery-wizard .serein-recovery-wizard__sign-in {
        font-weight: 600;
        padding-block: var(--_space);
      }
    }
  `);
}
