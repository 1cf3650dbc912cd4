// The second-factor step of recovery (the host's answer to the code asked for it): reading that
// answer, and the embedded prompt's actions on that step. Loaded only when a host asks for it.
import type {SereinActionOutcome} from '../../internal/action-controller.js';
import type {SereinOtpSubmitBody} from '../../events/otp-prompt.js';
import type {
  SereinRecoverySecondFactor,
  SereinRecoverySecondFactorBody,
  SereinRecoverySecondFactorChannel,
  SereinRecoverySecondFactorSendBody,
} from '../../events/recovery-wizard.js';
import type {SereinRecoveryWizard} from './recovery-wizard.js';

const SECOND_CHANNELS: readonly SereinRecoverySecondFactorChannel[] = ['app', 'sms', 'backup-code'];

/**
 * The second step the host's answer to the code asks for, or none. An answer that asks for it
 * in a shape the wizard cannot read still asks for it (with no usable channel, so the step
 * leads to support): a recovery never skips a second step by mistake.
 */
export function readSecondFactor(el: SereinRecoveryWizard, value: unknown): SereinRecoverySecondFactor | undefined {
  if (typeof value !== 'object' || value === null || !('secondFactor' in value)) return undefined;
  const given = (value as {secondFactor: unknown}).secondFactor;
  if (given === undefined || given === null) return undefined;
  const {channels, destination} = given as Partial<SereinRecoverySecondFactor>;
  if (!Array.isArray(channels)) {
    el.warnOnce('secondFactor needs channels: an array among app, sms, backup-code.');
    return {channels: []};
  }
  const usable = channels.filter((channel, index) => {
    const ok = SECOND_CHANNELS.includes(channel);
    if (!ok) el.warnOnce(`a second-factor channel was ignored: each is one of ${SECOND_CHANNELS.join(', ')}.`);
    return ok && channels.indexOf(channel) === index;
  });
  return {channels: usable, ...(typeof destination === 'string' && destination ? {destination} : {})};
}

/** The second-factor prompt's actions, answered with `serein-recovery-second-factor` (and `-send`). */
export async function secondAction(
  el: SereinRecoveryWizard,
  type: string,
  detail: object,
): Promise<SereinActionOutcome<unknown>> {
  const actions = await el.flow.ensureActions();
  const channel = el.secondChannel;
  if (type === 'serein-otp-submit' && channel) {
    const code = (detail as SereinOtpSubmitBody).code;
    return actions.run<unknown, SereinRecoverySecondFactorBody>('serein-recovery-second-factor', {channel, code});
  }
  if (type === 'serein-otp-resend' && channel === 'sms') {
    return actions.run<unknown, SereinRecoverySecondFactorSendBody>('serein-recovery-second-factor-send', {channel});
  }
  return {status: 'busy'};
}

/** Sends the second step's code by text message; true when the customer can go on. */
export async function sendSecond(
  el: SereinRecoveryWizard,
  channel: SereinRecoverySecondFactorChannel,
): Promise<boolean> {
  if (channel !== 'sms') return true;
  const actions = await el.flow.ensureActions();
  el.flow.copied = false;
  const outcome = await actions.run<unknown, SereinRecoverySecondFactorSendBody>('serein-recovery-second-factor-send', {
    channel,
  });
  if (outcome.status === 'failed') {
    el.journey.failed(outcome.error.code, 'second-factor');
    await el.flow.fail(outcome.error);
  }
  return outcome.status === 'done';
}
