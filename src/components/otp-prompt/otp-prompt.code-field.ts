import {CodeFieldController} from '../../internal/code-field.js';
import type {SereinOtpPrompt} from './otp-prompt.js';

// The code input's behaviour (typing, paste, the browser's and password managers' autofill),
// wired to the prompt. Its import starts with the element module, like the view: the form
// appears with its code field, never without it.

/** The default of the element's `group-size`, used when the one set is not a positive whole number. */
const DEFAULT_GROUP_SIZE = 4;

/** The controller of the prompt's one code input, reading the element's settings as they change. */
export function attachCodeField(el: SereinOtpPrompt): CodeFieldController {
  return new CodeFieldController(el, {
    input: () => el.codeInput,
    kind: () => (el.numeric ? 'numeric' : 'alphanumeric'),
    length: () => el.effectiveLength,
    groupSize: () => (Number.isInteger(el.groupSize) && el.groupSize >= 1 ? el.groupSize : DEFAULT_GROUP_SIZE),
    onEdit: () => el.onEdit(),
    onComplete: () => {
      if (el.autoSubmit) el.light.container.querySelector('form')?.requestSubmit();
    },
  });
}
