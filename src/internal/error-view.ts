import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import {errorText} from './error-messages.js';
import type {SereinError} from './errors.js';
import type {SereinStrings} from './core/strings.js';
import {pickString} from './wording.js';
import {renderAlert, type AlertTone} from './alert.js';

/** A wait is not a failure: the errors that ask to wait a while are told in the warning tone. */
const WAITS = new Set(['rate-limited', 'too-many-attempts']);

/** The tone of a form-level error. */
export function errorTone(error: SereinError): AlertTone {
  return WAITS.has(error.code) ? 'warning' : 'critical';
}

/**
 * A form-level error: the calm sentence for its code, the host's own `message` as plain text,
 * and the support `reference` with a copy button (`onCopied` runs once the clipboard has it; if
 * the clipboard refuses, the reference stays visible and selectable), in the one alert box with
 * the icon of its tone (`errorTone()`). Rendered inside a live region that exists before the
 * error does.
 */
export function renderFormError(
  error: SereinError | undefined,
  strings: SereinStrings | undefined,
  copied: boolean,
  onCopied: () => void,
) {
  if (!error) return nothing;
  const reference = error.reference;
  return renderAlert(
    errorTone(error),
    html`<p>${errorText(error, strings)}</p>
      ${error.message ? html`<p>${error.message}</p>` : nothing}
      ${
        reference
          ? html`<p>
              ${pickString(strings, 'error.reference', msg('If you contact support, give this reference:', {id: 'error.reference'}))}
              <code dir="auto">${reference}</code>
              <button
                type="button"
                class="serein-button serein-button--quiet"
                @click=${() => navigator.clipboard.writeText(reference).then(onCopied, () => undefined)}
              >
                ${
                  copied
                    ? pickString(strings, 'error.reference-copied', msg('Copied', {id: 'error.reference-copied'}))
                    : pickString(strings, 'error.reference-copy', msg('Copy reference', {id: 'error.reference-copy'}))
                }
              </button>
            </p>`
          : nothing
      }`,
  );
}
