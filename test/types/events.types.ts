// Compile-time checks of the public typings (run by `npm run typecheck`; never executed).
import type {SereinPasskeyButton, SereinPasskeyOptionsJSON, SereinStrengthMeter} from '../../src/index.js';
import '../../src/define/strength-meter.js';
import '../../src/define/otp-prompt.js';
import '../../src/define/recovery-wizard.js';
import '../../src/define/passkey-button.js';

const meter = document.querySelector('serein-strength-meter');
// querySelector knows the tag.
const typed: SereinStrengthMeter | null = meter;

typed?.addEventListener('serein-strength-change', (event) => {
  const score: 0 | 1 | 2 | 3 | 4 = event.detail.score;
  const acceptable: boolean = event.detail.acceptable;
  const advice: string[] = [event.detail.warning, ...event.detail.suggestions];
  // @ts-expect-error the event never carries the password
  void event.detail.password;
  void [score, acceptable, advice];
});

document.addEventListener('serein-journey', (event) => {
  const action: 'shown' | 'started' | 'step' | 'submitted' | 'succeeded' | 'failed' | 'deferred' | 'abandoned' =
    event.detail.action;
  const attempt: number = event.detail.attempt;
  void [action, attempt];
});

if (typed) {
  typed.userInputs = ['camille', 'acme'];
  typed.breachCheck = async (password: string) => password.length > 100;
  typed.strings = {'strength-meter.label': 'Acme password strength'};
  // @ts-expect-error user inputs are strings
  typed.userInputs = [42];
}

const otp = document.querySelector('serein-otp-prompt');
otp?.addEventListener('serein-otp-submit', (event) => {
  const code: string = event.detail.code;
  const remember: boolean = event.detail.rememberDevice;
  event.detail.waitUntil(fetch('/verify'));
  void [code, remember];
});
document.addEventListener('serein-otp-resend', (event) => event.detail.waitUntil(Promise.resolve()));
otp?.addEventListener('serein-otp-switch', (event) => {
  const channel: 'app' | 'sms' | 'email' | 'backup-code' = event.detail.channel;
  // @ts-expect-error switching never carries a code
  void event.detail.code;
  void channel;
});
if (otp) {
  otp.alternatives = [{channel: 'email', destination: 'c•••@example.com'}];
  // @ts-expect-error channels are a closed list
  otp.channel = 'pigeon';
}

const wizard = document.querySelector('serein-recovery-wizard');
wizard?.addEventListener('serein-recovery-identify', (event) => {
  const identifier: string = event.detail.identifier;
  event.detail.respondWith([{id: 'email', channel: 'email', destination: 'c•••@example.com'}]);
  // @ts-expect-error a method needs an id
  event.detail.respondWith([{channel: 'email'}]);
  void identifier;
});
wizard?.addEventListener('serein-recovery-verify', (event) => {
  const code: string = event.detail.code;
  const methodId: string = event.detail.method.id;
  void [code, methodId];
});
wizard?.addEventListener('serein-recovery-reset', (event) => {
  const password: string = event.detail.newPassword;
  const signOut: boolean = event.detail.signOutOthers;
  void [password, signOut];
});
wizard?.addEventListener('serein-recovery-complete', (event) => {
  const signOut: boolean = event.detail.signOutOthers;
  // @ts-expect-error completing never carries the password
  void event.detail.newPassword;
  void signOut;
});
// <serein-passkey-button>: tag, events and their details.

const passkey: SereinPasskeyButton | null = document.querySelector('serein-passkey-button');
if (passkey) {
  passkey.mode = 'register';
  // @ts-expect-error only register and signin
  passkey.mode = 'login';
  passkey.conditional = true;
}

passkey?.addEventListener('serein-passkey-options', (event) => {
  const mode: 'register' | 'signin' = event.detail.mode;
  const conditional: boolean = event.detail.conditional;
  const options: Promise<SereinPasskeyOptionsJSON> = fetch('/passkey/options').then((response) => response.json());
  event.detail.respondWith(options);
  void [mode, conditional];
});

document.addEventListener('serein-passkey-verify', (event) => {
  const id: string = event.detail.response.id;
  event.detail.waitUntil(fetch('/passkey/verify', {method: 'POST', body: JSON.stringify(event.detail.response)}));
  void id;
});

passkey?.addEventListener('serein-passkey-success', (event) => {
  const conditional: boolean = event.detail.conditional;
  // @ts-expect-error success never carries the credential
  void event.detail.response;
  void conditional;
});

passkey?.addEventListener('serein-passkey-error', (event) => {
  const name: string = event.detail.name;
  const cancelled: boolean = event.detail.cancelled;
  void [name, cancelled];
});

document.addEventListener('serein-passkey-dismiss', (event) => {
  const mode: 'register' | 'signin' = event.detail.mode;
  void mode;
});
document.addEventListener('serein-passkey-unsupported', (event) => void event.detail.mode);

// SereinElement.emit(): the event name and its detail are checked against the event maps.
import {SereinElement} from '../../src/internal/core/serein-element.js';
export class EmitProbe extends SereinElement {
  check(): void {
    this.emit('serein-password-changed', {signOutOthers: true});
    this.emit('serein-passkey-dismiss', {mode: 'signin'}, {cancelable: true});
    // @ts-expect-error a misspelt event name
    this.emit('serein-pasword-changed', {signOutOthers: true});
    // @ts-expect-error a detail of the wrong shape
    this.emit('serein-password-changed', {signOutOthers: 'yes'});
    // @ts-expect-error a detail that misses a field
    this.emit('serein-otp-verified', {channel: 'sms'});
    // @ts-expect-error not a Serein event
    this.emit('click', {});
  }
}
