// The button's own ceremony: options (when none were fetched ahead), the system dialog, the
// host's verification, and what each outcome shows. Loaded with the WebAuthn capability (on the
// first pointer, focus or click) and used through the element's `ceremony`, by the button and by
// its autofill and upgrade paths for the verification and the errors.
import type {SereinError} from '../../internal/errors.js';
import type {SereinPasskeyMode, SereinPasskeyResponseJSON} from '../../events/passkey.js';
import type {SereinPasskeyButton} from './passkey-button.js';
import type {Ceremony} from './passkey-button.js';

/**
 * The click found no options ready (the element is `preparing` since `generation`): waits for
 * those on their way, or asks for new ones.
 */
export async function fetchThenRun(
  el: SereinPasskeyButton,
  ceremony: Ceremony,
  mode: SereinPasskeyMode,
  generation: number,
): Promise<void> {
  if (generation !== el.generation) return;
  const coming = el.ahead?.coming(mode);
  if (coming) await coming;
  if (generation !== el.generation) return;
  const ready = el.ahead?.take(mode);
  if (ready !== undefined) {
    await runCeremony(el, ceremony, mode, ready);
    return;
  }
  const actions = (el.actions ??= new ceremony.ActionController(el));
  const options = await actions.run('serein-passkey-options', {mode, conditional: false, prefetch: false});
  if (generation !== el.generation) return;
  if (options.status !== 'done') {
    el.phase = 'idle';
    if (options.status === 'failed') fail(el, options.error);
    return;
  }
  if (!ceremony.validOptions(mode, options.value)) {
    el.warnOnce(
      `serein-passkey-options must be answered with the options JSON of @simplewebauthn/server (${
        mode === 'register' ? 'generateRegistrationOptions' : 'generateAuthenticationOptions'
      }).`,
    );
    el.phase = 'idle';
    fail(el, {code: 'unknown'});
    return;
  }
  await runCeremony(el, ceremony, mode, options.value);
}

/**
 * The system dialog, then the host's verification. Everything before `perform()` is
 * synchronous, so a caller in a click handler reaches `navigator.credentials` in that task.
 */
export async function runCeremony(
  el: SereinPasskeyButton,
  ceremony: Ceremony,
  mode: SereinPasskeyMode,
  options: unknown,
): Promise<void> {
  const generation = el.generation;
  el.phase = 'waiting';
  el.dialogOpen = true;
  const outcome = await ceremony.perform(mode, options, false);
  el.dialogOpen = false;
  if (generation !== el.generation) return;
  if (outcome.status === 'error') {
    el.phase = 'idle';
    reportError(el, outcome.name, false);
  } else {
    await verify(el, ceremony, options, outcome.response, false);
    if (generation !== el.generation) return;
  }
  // Ready for another try: the next click finds fresh options if the customer is still here.
  if (el.phase === 'idle') {
    await el.updateComplete;
    el.refetchIfNear();
  }
}

/** The host's verification of the device's answer, then success or a calm message. */
export async function verify(
  el: SereinPasskeyButton,
  ceremony: Ceremony,
  options: unknown,
  response: SereinPasskeyResponseJSON,
  conditional: boolean,
): Promise<void> {
  const generation = el.generation;
  const mode = el.effectiveMode;
  const actions = (el.actions ??= new ceremony.ActionController(el));
  el.phase = 'verifying';
  el.journey.submitted();
  const result = await actions.run('serein-passkey-verify', {mode, conditional, response});
  if (generation !== el.generation) return;
  if (result.status === 'done') {
    el.phase = 'success';
    el.notice = {kind: 'success'};
    if (el.upgrade === 'silent') {
      // The customer did nothing: the line appears, focus stays where they are.
      el.upgrade = 'upgraded';
      el.emit('serein-passkey-success', {mode, conditional});
      await el.updateComplete;
      el.journey.step('upgraded');
      el.journey.succeeded();
      return;
    }
    el.journey.succeeded();
    el.emit('serein-passkey-success', {mode, conditional});
    // The buttons are gone: focus goes to the line that says what happened.
    await el.updateComplete;
    el.renderRoot.querySelector<HTMLElement>('.status')?.focus();
    return;
  }
  el.phase = 'idle';
  if (result.status === 'failed') {
    if (result.error.code === 'passkey-unknown-credential') ceremony.signalUnknownCredential(options, response.id);
    fail(el, result.error);
  }
}

export function fail(el: SereinPasskeyButton, error: SereinError): void {
  el.journey.failed(error.code);
  el.notice = {kind: 'error', error};
}

/** A WebAuthn error: the diagnostic event, then (for the button's own ceremony) a calm line. */
export function reportError(el: SereinPasskeyButton, name: string, conditional: boolean): void {
  const ceremony = el.ceremony!;
  const mode = el.effectiveMode;
  const cancelled = ceremony.isCancel(name);
  el.emit('serein-passkey-error', {mode, conditional, name, cancelled});
  if (conditional) return;
  const problem = ceremony.problemOf(name, mode);
  if (problem === 'not-allowed-here') {
    el.warnOnce(
      'WebAuthn refused this page (SecurityError): check that the RP ID of your options is this page’s domain or a parent of it, and that an iframe has allow="publickey-credentials-get; publickey-credentials-create".',
    );
  }
  // A cancel is a step of the journey, not a failure.
  if (cancelled) el.journey.step('cancelled');
  else el.journey.failed(name);
  el.notice = {kind: 'problem', problem};
  // Nothing more to do on this device: the buttons are gone, focus goes to the line that says so.
  if (problem === 'already-registered') {
    void el.updateComplete.then(() => el.renderRoot.querySelector<HTMLElement>('.status')?.focus());
  }
}
