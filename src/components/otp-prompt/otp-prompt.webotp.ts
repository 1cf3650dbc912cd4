import {isCodeShaped, normalizeCode} from '../../internal/code-field.js';

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
