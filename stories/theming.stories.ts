import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/define.js';

const meta: Meta = {
  title: 'Theming',
  parameters: {
    docs: {
      description: {
        component:
          'The `--serein-*` tokens (docs/contract.md, "Theming") set once on a wrapper theme all five elements; ' +
          'the `brand` slot puts a logo at the top of each.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The mark of a made-up second brand, "Nordlys": an inline SVG with a text alternative. */
const logo = () =>
  html`<svg slot="brand" role="img" aria-label="Nordlys" viewBox="0 0 132 28" width="132" height="28">
    <circle cx="14" cy="14" r="12" style="fill:light-dark(#0f766e, #5eead4)" />
    <path
      d="M8 18 14 8l6 10"
      style="fill:none;stroke:light-dark(#ffffff, #042f2e)"
      stroke-width="2.5"
      stroke-linejoin="round"
    />
    <text x="32" y="20" font-size="17" font-weight="700" fill="currentColor" font-family="inherit">Nordlys</text>
  </svg>`;

/** The second brand's tokens: colours (light and dark), radius, fonts, focus ring and compact density. */
const SECOND_BRAND = [
  '--serein-font: "Avenir Next", "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
  '--serein-heading-font-size: 1.25rem',
  '--serein-heading-font-weight: 600',
  '--serein-color-text: light-dark(#134e4a, #ccfbf1)',
  '--serein-color-muted: light-dark(#3f6663, #99c9c3)',
  '--serein-color-surface: light-dark(#ffffff, #04201e)',
  '--serein-color-border: light-dark(#5b8a86, #5eead4)',
  '--serein-color-accent: light-dark(#0f766e, #5eead4)',
  '--serein-color-on-accent: light-dark(#ffffff, #042f2e)',
  '--serein-color-info-surface: light-dark(#e6fffa, #0b3b37)',
  '--serein-color-focus: light-dark(#b45309, #fbbf24)',
  '--serein-focus-width: 2px',
  '--serein-focus-offset: 3px',
  '--serein-radius: 0.75rem',
  '--serein-density: 0.75',
].join(';');

/** All five elements themed at once with a second brand, compact, each with the brand's logo. */
export const SecondBrand: Story = {
  render: () =>
    html`<div style="${SECOND_BRAND};display:grid;gap:2rem;max-inline-size:32rem;color:var(--serein-color-text)">
      <div>
        <label for="theming-new-password" style="display:block;font-weight:600">New password</label>
        <input
          id="theming-new-password"
          type="password"
          autocomplete="new-password"
          style="font: inherit; padding: 0.5rem"
        />
        <serein-strength-meter for="theming-new-password">${logo()}</serein-strength-meter>
      </div>
      <serein-password-change username="camille@example.com" reason="routine">${logo()}</serein-password-change>
      <serein-otp-prompt channel="sms" destination="+33 6 •• •• •• 42">${logo()}</serein-otp-prompt>
      <serein-recovery-wizard>${logo()}</serein-recovery-wizard>
      <serein-passkey-button mode="register" show-unsupported>${logo()}</serein-passkey-button>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          'One wrapper sets colours, radius, fonts, the focus ring and `--serein-density: 0.75` (compact); every element follows, in light and dark.',
      },
    },
  },
};

/** The default theme with a logo in the `brand` slot of the password form. */
export const BrandSlot: Story = {
  render: () =>
    html`<serein-password-change username="camille@example.com" reason="breach" brand="Nordlys">
      ${logo()}
    </serein-password-change>`,
};
