import type {SereinError} from '../../internal/errors.js';
import type {SereinOtpAlternative, SereinOtpResendBody, SereinOtpSubmitBody} from '../../events/otp-prompt.js';
import type {SereinOtpPrompt} from './otp-prompt.js';

// What the prompt sends to the host and how it shows the outcome: the submission of the code,
// "Send a new code" and the choice of another way. The element fetches this module once the browser is idle after connecting,
// well before a code can be typed; a submission that comes first waits for it (the form flow's
// guard has already kept the browser from submitting).

/** Codes rejected in a way that makes the typed code useless: it is cleared. */
const CODE_REJECTIONS = new Set(['code-incorrect', 'code-expired', 'too-many-attempts']);

/** The submission of the code, under the form flow's guard. */
export async function submit(el: SereinOtpPrompt): Promise<void> {
  el.status = '';
  el.flow.reset();
  // Read at submit time: an autofill may have filled the field without events.
  const code = el.codeField?.read() ?? '';
  if (el.numeric ? code.length !== el.effectiveLength : code === '') {
    el.fieldError = 'incomplete';
    await el.updateComplete;
    el.codeInput?.focus();
    return;
  }
  el.fieldError = '';
  el.stopWebOtp();
  const rememberDevice =
    el.rememberDevice && (el.light.container.querySelector<HTMLInputElement>(`#${el.ids.remember}`)?.checked ?? false);
  const status = await el.flow.run<unknown, SereinOtpSubmitBody>(
    'serein-otp-submit',
    {code, channel: el.effectiveChannel, rememberDevice},
    {done: () => succeed(el, rememberDevice)},
  );
  if (status === 'failed') el.startWebOtp();
}

function succeed(el: SereinOtpPrompt, rememberDevice: boolean): void {
  el.codeField?.clear();
  el.stopWebOtp();
  el.resendWait.stop();
  el.success = true;
  el.journey.succeeded();
  el.emit('serein-otp-verified', {channel: el.effectiveChannel, rememberDevice});
  void el.updateComplete.then(() => el.light.container.querySelector<HTMLElement>(`#${el.ids.success}`)?.focus());
}

/** A refused code: cleared, and the words go under the field it is about. */
export function place(el: SereinOtpPrompt, error: SereinError): HTMLInputElement | null | undefined {
  if (CODE_REJECTIONS.has(error.code)) el.codeField?.clear();
  // An expired code: a new one can be asked for at once.
  if (error.code === 'code-expired' && el.canResend) el.resendWait.stop();
  if (error.code !== 'code-incorrect' && error.code !== 'code-expired') return undefined;
  el.fieldError = error;
  return el.codeInput;
}

/** "Send a new code", unless a wait, another action or the success stands in the way. */
export async function resend(el: SereinOtpPrompt): Promise<void> {
  const flow = el.flow;
  if (el.resendWait.left > 0 || flow.blocked || el.resending || flow.submitting || el.success) return;
  // A new attempt: the last error and the lock-out's "now" are over.
  flow.reset();
  el.status = '';
  el.resending = true;
  try {
    await sendAgain(el);
  } finally {
    el.resending = false;
  }
}

async function sendAgain(el: SereinOtpPrompt): Promise<void> {
  const actions = await el.flow.ensureActions();
  el.journey.step('resend');
  const outcome = await actions.run<unknown, SereinOtpResendBody>('serein-otp-resend', {
    channel: el.effectiveChannel,
  });
  if (outcome.status === 'done') {
    el.codeField?.clear();
    el.fieldError = '';
    el.status = 'resend-sent';
    el.restartResendWait();
    el.startWebOtp();
  } else if (outcome.status === 'failed') {
    if (outcome.error.retryAfterSeconds) el.resendWait.start(outcome.error.retryAfterSeconds);
    await el.updateComplete;
    el.light.container.querySelector<HTMLElement>(`#${el.ids.alert}`)?.focus();
  }
}

/** The customer chose another way under "Try another way". */
export function switchTo(el: SereinOtpPrompt, alternative: SereinOtpAlternative): void {
  el.switching = true;
  el.journey.step('switch');
  el.emit('serein-otp-switch', {
    channel: alternative.channel,
    ...(alternative.destination ? {destination: alternative.destination} : {}),
  });
}
