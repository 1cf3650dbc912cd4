import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {getStorybookHelpers} from '@wc-toolkit/storybook-helpers';
import {html} from 'lit';
import '../src/define/strength-meter.js';
import type {SereinStrengthMeter} from '../src/define/strength-meter.js';
import {fakeBreachCheck, generatedPassword, meterSettles, storyId} from './story-helpers.js';

const {args, argTypes, template} = getStorybookHelpers<SereinStrengthMeter>('serein-strength-meter');

/**
 * Real passwords and the level zxcvbn-ts gives them at the default `min-length` (15). Each was
 * checked with the dictionaries of every shipped locale (the scores agree in all five), and
 * each story's `play` fails if the meter shows another level.
 */
const PASSWORDS = {
  tooShort: 'sunflower',
  /** A keyboard row and a digit run: score 1. */
  weak: 'qwertyuiop123456',
  /** A common password, repeated, and a year: score 2. */
  fair: 'letmein-letmein-2024',
  /** Two common words, a year and a symbol: score 3. */
  good: 'Football2024!Love',
  /** Four unrelated words: score 4. */
  strong: 'mango kiwi 1987 pear',
  /** Score 3, but reported breached by the story's check. */
  breached: 'Password2024!!!!',
  /** Strong on its own (score 4); only fair once the customer's name and the brand are known. */
  personal: 'Camille Martin Acme',
} as const;

/** The host page's label for the new-password field (not the meter's text). */
const NEW_PASSWORD_LABEL: Record<string, string> = {
  en: 'New password',
  fr: 'Nouveau mot de passe',
  de: 'Neues Passwort',
  es: 'Nueva contraseña',
  ar: 'كلمة المرور الجديدة',
};

const meta: Meta = {
  title: 'Components/Strength meter',
  component: 'serein-strength-meter',
  // The manifest's `[]` default does not fit a text control: the attribute is a comma-separated list.
  args: {...args, 'user-inputs': '', strings: undefined},
  argTypes: {
    ...argTypes,
    // Functions cannot be edited in a control; the breach stories pass one in `render`.
    breachCheck: {...argTypes.breachCheck, control: false},
    strings: {...argTypes.strings, control: 'object'},
  },
  render: (storyArgs) => template(storyArgs),
  parameters: {
    docs: {
      description: {
        component:
          'Set the password with the `password` property, or point `for` at an `<input>` (the main use). ' +
          'Estimates are asynchronous: each story settles on its own once the estimate arrives.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Empty: Story = {
  play: ({canvasElement}) => meterSettles(canvasElement, 'empty'),
};

export const TooShort: Story = {
  args: {password: PASSWORDS.tooShort},
  play: ({canvasElement}) => meterSettles(canvasElement, 'too-short', {advice: true}),
};

export const Weak: Story = {
  args: {password: PASSWORDS.weak},
  play: ({canvasElement}) => meterSettles(canvasElement, 'weak'),
};

export const Fair: Story = {
  args: {password: PASSWORDS.fair},
  play: ({canvasElement}) => meterSettles(canvasElement, 'fair'),
};

export const Good: Story = {
  args: {password: PASSWORDS.good},
  play: ({canvasElement}) => meterSettles(canvasElement, 'good'),
};

export const Strong: Story = {
  args: {password: PASSWORDS.strong},
  play: ({canvasElement}) => meterSettles(canvasElement, 'strong'),
};

/** The customer commits to the password (the breach check is asked then, never while typing). */
async function commit(canvasElement: HTMLElement, fake: ReturnType<typeof fakeBreachCheck>) {
  const meter = canvasElement.querySelector<SereinStrengthMeter>('serein-strength-meter')!;
  await meter.updateComplete;
  await meter.checkBreach();
  await fake.answered();
}

const breached = fakeBreachCheck('breached');
export const Breached: Story = {
  args: {password: PASSWORDS.breached},
  render: (storyArgs) => template({...storyArgs, breachCheck: breached.check}),
  play: async ({canvasElement}) => {
    await commit(canvasElement, breached);
    await meterSettles(canvasElement, 'breached');
  },
  parameters: {
    docs: {description: {story: 'A `breachCheck` that resolves `true`: the level never shows better than breached.'}},
  },
};

const unavailable = fakeBreachCheck('unavailable');
export const BreachCheckUnavailable: Story = {
  args: {password: PASSWORDS.strong},
  render: (storyArgs) => template({...storyArgs, breachCheck: unavailable.check}),
  play: async ({canvasElement}) => {
    await commit(canvasElement, unavailable);
    await meterSettles(canvasElement, 'strong');
  },
  parameters: {
    docs: {
      description: {story: 'A `breachCheck` that rejects: the meter says it could not check, and blocks nothing.'},
    },
  },
};

export const WithUserInputs: Story = {
  args: {password: PASSWORDS.personal, 'user-inputs': 'Camille Martin, camille.martin@example.com, Acme'},
  play: ({canvasElement}) => meterSettles(canvasElement, 'fair'),
  parameters: {
    docs: {
      description: {
        story: `\`${PASSWORDS.personal}\` is strong for a stranger; with the customer's name, email and the brand as \`user-inputs\` it is only fair.`,
      },
    },
  },
};

export const LongInput: Story = {
  args: {password: generatedPassword(200)},
  play: ({canvasElement}) => meterSettles(canvasElement, 'strong'),
  parameters: {
    docs: {
      description: {
        story: 'A generated 200-character password: the estimate stays quick (it judges a bounded prefix).',
      },
    },
  },
};

export const AttachedToInput: Story = {
  render: (storyArgs, {globals}) => {
    const id = storyId('new-password');
    const locale = typeof globals.locale === 'string' ? globals.locale : 'en';
    return html`
      <div style="display: grid; gap: 0.5rem; max-inline-size: 24rem;">
        <label for=${id}>${NEW_PASSWORD_LABEL[locale] ?? NEW_PASSWORD_LABEL.en}</label>
        <input
          id=${id}
          name="new-password"
          type="password"
          autocomplete="new-password"
          style="font: inherit; padding: 0.5rem"
        />
        ${template({...storyArgs, for: id})}
      </div>
    `;
  },
  play: async ({canvasElement}) => {
    const input = canvasElement.querySelector<HTMLInputElement>('input[type="password"]');
    if (!input) throw new Error('The story has no password input.');
    // As a password manager or a paste would: the value changes, then `input` fires.
    input.value = PASSWORDS.good;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await meterSettles(canvasElement, 'good');
  },
  parameters: {
    docs: {
      // Docs pages do not run `play` unless asked: without it this story would stay empty there.
      story: {autoplay: true},
      description: {
        story:
          'The main use: `for` names a labelled `<input type="password" autocomplete="new-password">`; the meter follows its `input` events and adds its text to the input’s `aria-describedby`.',
      },
    },
  },
};

export const Theming: Story = {
  args: {
    password: PASSWORDS.strong,
    // light-dark() keeps the theme readable in both schemes.
    '--serein-color-text': 'light-dark(#3b2a63, #efe9ff)',
    '--serein-color-muted': 'light-dark(#5b4a85, #c9bdf2)',
    '--serein-color-border': 'light-dark(#7c6aa6, #9d8fd0)',
    '--serein-color-success': 'light-dark(#6f42c1, #b392f0)',
    '--serein-strength-meter-track-color': 'light-dark(#efeafc, #2a2145)',
    '--serein-strength-meter-height': '0.75rem',
    // A sans-serif stack that resolves everywhere (Noto Sans and DejaVu Sans on Linux).
    '--serein-font': '"Avenir Next", "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
    '--serein-space': '0.75rem',
  },
  play: ({canvasElement}) => meterSettles(canvasElement, 'strong'),
  parameters: {
    docs: {
      description: {story: 'Global `--serein-*` tokens and the meter’s own `--serein-strength-meter-*` properties.'},
    },
  },
};
