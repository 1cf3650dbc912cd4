import {msg, str} from '@lit/localize';
import {pickString, type SereinStrings} from './core/strings.js';
import {formatNumber, formatWait} from './core/format.js';
import type {SereinError} from './errors.js';

// Loaded when a message is needed (after a failure), not with the components.

/**
 * The calm, localised sentence for an error: what happened and what to do next. The host's
 * `message` and `reference` are shown separately by the component.
 */
export function errorText(error: SereinError, strings?: SereinStrings): string {
  const wait = error.retryAfterSeconds === undefined ? '' : formatWait(error.retryAfterSeconds);
  const left = formatNumber(error.attemptsLeft ?? 0);
  switch (error.code) {
    case 'network':
      return pickString(
        strings,
        'error.network',
        msg('We could not reach the server. Check your connection, then try again.', {id: 'error.network'}),
      );
    case 'unavailable':
      return pickString(
        strings,
        'error.unavailable',
        msg('This service is briefly unavailable. Nothing you entered is lost; please try again in a few minutes.', {
          id: 'error.unavailable',
        }),
      );
    case 'rate-limited':
      return wait
        ? pickString(
            strings,
            'error.rate-limited-wait',
            msg(str`For your security, please wait ${wait} before trying again.`, {id: 'error.rate-limited-wait'}),
            {wait},
          )
        : pickString(
            strings,
            'error.rate-limited',
            msg('For your security, please wait a little before trying again.', {id: 'error.rate-limited'}),
          );
    case 'current-password-incorrect':
      return pickString(
        strings,
        'error.current-password-incorrect',
        msg('This does not match your current password. Check it and try again, or use your password manager.', {
          id: 'error.current-password-incorrect',
        }),
      );
    case 'password-rejected':
      return pickString(
        strings,
        'error.password-rejected',
        msg('This password cannot be used here. Please choose a different one.', {id: 'error.password-rejected'}),
      );
    case 'password-breached':
      return pickString(
        strings,
        'error.password-breached',
        msg(
          'This password appears in a list of passwords exposed by data breaches on other sites, so it is easy to guess. Please choose a different one.',
          {id: 'error.password-breached'},
        ),
      );
    case 'password-reused':
      return pickString(
        strings,
        'error.password-reused',
        msg('You have used this password before. Please choose one you have not used here.', {
          id: 'error.password-reused',
        }),
      );
    case 'code-incorrect':
      return error.attemptsLeft === undefined
        ? pickString(
            strings,
            'error.code-incorrect',
            msg('That code did not match. Check it and try again.', {id: 'error.code-incorrect'}),
          )
        : pickString(
            strings,
            'error.code-incorrect-attempts',
            msg(str`That code did not match. Attempts left: ${left}.`, {id: 'error.code-incorrect-attempts'}),
            {left},
          );
    case 'code-expired':
      return pickString(
        strings,
        'error.code-expired',
        msg('This code has expired. Ask for a new one and use it within a few minutes.', {id: 'error.code-expired'}),
      );
    case 'too-many-attempts':
      return wait
        ? pickString(
            strings,
            'error.too-many-attempts-wait',
            msg(str`Too many attempts. For your security, please wait ${wait}, then ask for a new code.`, {
              id: 'error.too-many-attempts-wait',
            }),
            {wait},
          )
        : pickString(
            strings,
            'error.too-many-attempts',
            msg('Too many attempts. For your security, please wait a little, then ask for a new code.', {
              id: 'error.too-many-attempts',
            }),
          );
    case 'passkey-not-verified':
      return pickString(
        strings,
        'error.passkey-not-verified',
        msg('We could not confirm this passkey. Please try again, or use another way to continue.', {
          id: 'error.passkey-not-verified',
        }),
      );
    case 'passkey-unknown-credential':
      return pickString(
        strings,
        'error.passkey-unknown-credential',
        msg('This passkey is no longer linked to an account here. Please use another way to continue.', {
          id: 'error.passkey-unknown-credential',
        }),
      );
    default:
      return pickString(
        strings,
        'error.unknown',
        msg('Something went wrong on our side. Nothing you entered is lost; please try again.', {id: 'error.unknown'}),
      );
  }
}
