import {msg, str} from '@lit/localize';
import type {SereinStrings} from './core/strings.js';
import {pickString} from './wording.js';
import {formatNumber, formatWait, plural} from './format.js';
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
        msg(
          'This service is briefly unavailable. Nothing you entered is lost. Please try again in a few minutes. If this keeps happening, contact support.',
          {
            id: 'error.unavailable',
          },
        ),
      );
    case 'rate-limited':
      return wait
        ? pickString(
            strings,
            'error.rate-limited-wait',
            msg(
              str`There have been several tries in a short time. For your security, please wait ${wait} before trying again.`,
              {id: 'error.rate-limited-wait'},
            ),
            {wait},
          )
        : pickString(
            strings,
            'error.rate-limited',
            msg(
              'There have been several tries in a short time. For your security, please wait a few minutes before trying again.',
              {id: 'error.rate-limited'},
            ),
          );
    case 'current-password-incorrect':
      return pickString(
        strings,
        'error.current-password-incorrect',
        msg(
          'This is not your current password. Check it and try again, or use your password manager. If you have forgotten it, you can reset it from the sign-in page.',
          {
            id: 'error.current-password-incorrect',
          },
        ),
      );
    case 'password-rejected':
      return pickString(
        strings,
        'error.password-rejected',
        msg('This password is not accepted here. Please choose another one.', {id: 'error.password-rejected'}),
      );
    case 'password-breached':
      return pickString(
        strings,
        'error.password-breached',
        msg(
          'This password appears in data breaches on other sites, so it is easy to guess. Please choose another one.',
          {id: 'error.password-breached'},
        ),
      );
    case 'password-reused':
      return pickString(
        strings,
        'error.password-reused',
        msg('You have used this password here before. Please choose a new one.', {
          id: 'error.password-reused',
        }),
      );
    case 'code-incorrect':
      if (error.attemptsLeft !== undefined && error.attemptsLeft <= 0) {
        // Never "0 tries left": say what happens now.
        return pickString(
          strings,
          'error.code-incorrect-last',
          msg('That is not the right code, and it was the last try for this one. Ask for a new code to continue.', {
            id: 'error.code-incorrect-last',
          }),
        );
      }
      return error.attemptsLeft === undefined
        ? pickString(
            strings,
            'error.code-incorrect',
            msg('That is not the right code. Check it and try again.', {id: 'error.code-incorrect'}),
          )
        : pickString(
            strings,
            'error.code-incorrect-attempts',
            plural(error.attemptsLeft, {
              zero: () =>
                msg(str`That is not the right code. You can try ${left} more times before you need a new code.`, {
                  id: 'error.code-incorrect-attempts.zero',
                }),
              one: () =>
                msg(str`That is not the right code. You can try ${left} more time before you need a new code.`, {
                  id: 'error.code-incorrect-attempts.one',
                }),
              two: () =>
                msg(str`That is not the right code. You can try ${left} more times before you need a new code.`, {
                  id: 'error.code-incorrect-attempts.two',
                }),
              few: () =>
                msg(str`That is not the right code. You can try ${left} more times before you need a new code.`, {
                  id: 'error.code-incorrect-attempts.few',
                }),
              many: () =>
                msg(str`That is not the right code. You can try ${left} more times before you need a new code.`, {
                  id: 'error.code-incorrect-attempts.many',
                }),
              other: () =>
                msg(str`That is not the right code. You can try ${left} more times before you need a new code.`, {
                  id: 'error.code-incorrect-attempts.other',
                }),
            }),
            {left},
          );
    case 'code-expired':
      return pickString(
        strings,
        'error.code-expired',
        msg(
          'This code has expired. Codes work for a few minutes only. Ask for a new one and use it soon after it arrives.',
          {id: 'error.code-expired'},
        ),
      );
    case 'too-many-attempts':
      return wait
        ? pickString(
            strings,
            'error.too-many-attempts-wait',
            msg(str`There have been too many tries. For your security, please wait ${wait}, then ask for a new code.`, {
              id: 'error.too-many-attempts-wait',
            }),
            {wait},
          )
        : pickString(
            strings,
            'error.too-many-attempts',
            msg(
              'There have been too many tries. For your security, please wait a few minutes, then ask for a new code.',
              {
                id: 'error.too-many-attempts',
              },
            ),
          );
    case 'passkey-not-verified':
      return pickString(
        strings,
        'error.passkey-not-verified',
        msg('We could not confirm this passkey. Please try again, or sign in another way.', {
          id: 'error.passkey-not-verified',
        }),
      );
    case 'passkey-unknown-credential':
      return pickString(
        strings,
        'error.passkey-unknown-credential',
        msg(
          'This passkey is no longer linked to an account here. It may have been removed. Please sign in another way.',
          {
            id: 'error.passkey-unknown-credential',
          },
        ),
      );
    default:
      return pickString(
        strings,
        'error.unknown',
        msg(
          'Something went wrong on our side. Nothing you entered is lost. Please try again. If this keeps happening, contact support.',
          {id: 'error.unknown'},
        ),
      );
  }
}
