// The second step after the password: a code from the authenticator app, or by text message.
import {api, describeError, on, say} from './demo.js';

const prompt = /** @type {HTMLElement & {alternatives?: unknown}} */ (document.querySelector('serein-otp-prompt'));
/** @type {{channel: string, destination?: string}[]} */
let channels = [{channel: 'app'}];

api('/api/two-factor')
  .then((state) => {
    channels = [{channel: state.channel}, ...state.alternatives];
    showChannel(state.channel);
  })
  .catch(() => location.assign('/sign-in'));

/** @param {string} channel */
function showChannel(channel) {
  const current = channels.find((item) => item.channel === channel);
  prompt.setAttribute('channel', channel);
  if (current?.destination) prompt.setAttribute('destination', current.destination);
  else prompt.removeAttribute('destination');
  prompt.alternatives = channels.filter((item) => item.channel !== channel);
}

on(prompt, 'serein-otp-submit', (/** @type {import('./contracts').OtpSubmitDetail} */ detail) => {
  const {code, channel, rememberDevice, waitUntil} = detail;
  const check = api('/api/two-factor', {code, channel, rememberDevice});
  waitUntil(check);
  check
    .then((result) => {
      // The whole sign-in is done (second step included): the account page may now try the
      // automatic passkey upgrade.
      sessionStorage.setItem('serein-demo-signed-in-with-password', '1');
      location.assign(result.next);
    })
    .catch(() => {});
});

on(prompt, 'serein-otp-resend', (/** @type {import('./contracts').OtpResendDetail} */ detail) => {
  detail.waitUntil(api('/api/two-factor/send', {channel: detail.channel}));
});

// "Try another way": switch the prompt, and send a text message when that is the new way.
on(prompt, 'serein-otp-switch', async (/** @type {import('./contracts').OtpSwitchDetail} */ {channel}) => {
  showChannel(channel);
  say('#two-factor-status', '');
  if (channel !== 'sms') return;
  try {
    await api('/api/two-factor/send', {channel});
  } catch (error) {
    say('#two-factor-status', describeError(error));
  }
});
