import {isCodeShaped, normalizeCode} from '../../internal/code-field.js';
import type {SereinOtpPrompt} from './otp-prompt.js';

/**
 * WebOTP: asks the browser for the code of the next text message bound to this site (the
 * customer consents in a browser sheet). Resolves with the code when it has the expected shape
 * (the message is untrusted input), with undefined otherwise or without the API.
 */
export async function requestSmsCode(signal: AbortSignal, length: number): Promise<string | undefined> {
  if (!('OTPCredential' in window) || typeof navigator.credentials?.get !== 'function') return undefined;
  const request = {otp: {transport: ['sms']}, signal} as CredentialRequestOptions;
  const credential = (await navigator.credentials.get(request)) as {code?: string} | null;
  const code = credential?.code ?? '';
  const digits = normalizeCode(code, 'numeric');
  return isCodeShaped(code, 'numeric') && digits.length === length ? digits : undefined;
}

/** Fills the prompt's field with the code of the text message, unless `controller` was aborted or replaced meanwhile. */
export async function fillFromSms(el: SereinOtpPrompt, controller: AbortController): Promise<void> {
  try {
    const code = await requestSmsCode(controller.signal, el.effectiveLength);
    if (el.webOtp !== controller || controller.signal.aborted) return;
    el.webOtp = undefined;
    if (code) el.codeField?.fill(code);
  } catch {
    // Aborted, dismissed or unavailable: typing and pasting still work.
  }
}
