// The English wording of every message, with explicit ids, extracted by lit-localize into
// locales/*.xlf like the components' strings (`npx lit-localize extract`). Never imported at run
// time: scripts/build-messages.mjs reads this file and the translations into one catalogue module
// per message (src/generated/messages/), so that no message depends on lit-localize's one
// locale per page. Placeholders are written `{name}`; keep them in every translation.
import {msg} from '@lit/localize';

export const wording = () => [
  // Shared by every email.
  msg('Hello {name},', {id: 'messages.common.greeting-name'}),
  msg('Hello,', {id: 'messages.common.greeting'}),
  msg('The {brand} team', {id: 'messages.common.sign-off'}),
  msg('You receive this email because it concerns the security of your {brand} account.', {
    id: 'messages.common.footer',
  }),
  msg('If you have a question, our support team is here to help:', {id: 'messages.common.help'}),
  msg('The button leads to this address, which you can also copy into your browser:', {
    id: 'messages.common.link-intro',
  }),
  msg('We will never ask for your password by email, text message or phone.', {id: 'messages.common.never-ask'}),
  msg('When: {when}', {id: 'messages.common.when'}),
  msg('Device: {device}', {id: 'messages.common.device'}),
  msg('Approximate location: {location}', {id: 'messages.common.location'}),
  msg('If this was you, there is nothing more to do.', {id: 'messages.common.nothing-to-do'}),
  msg('If this was not you', {id: 'messages.common.not-you-heading'}),
  msg('Recover your account', {id: 'messages.common.recover-button'}),
  msg('This code works once, for {duration}.', {id: 'messages.common.code-expiry'}),
  msg('Do not share this code. Nobody from {brand} will ask you for it.', {id: 'messages.common.do-not-share'}),

  // passwordChangeInvitation
  msg('Please choose a new password for {brand}', {id: 'messages.password-change-invitation.subject'}),
  msg('Why we ask, what to do and when.', {id: 'messages.password-change-invitation.preheader'}),
  msg('Please choose a new password', {id: 'messages.password-change-invitation.title'}),
  msg(
    'We ask every {brand} customer to renew their password from time to time. Nothing unusual happened on your account.',
    {id: 'messages.password-change-invitation.reason-routine'},
  ),
  msg(
    'We noticed sign-in attempts on your {brand} account that did not look like you. A new password keeps your account yours.',
    {id: 'messages.password-change-invitation.reason-suspicious-activity'},
  ),
  msg(
    'Your current password appears in a public list of leaked passwords. A new one stops others from using it on your {brand} account.',
    {id: 'messages.password-change-invitation.reason-breach'},
  ),
  msg(
    'Security rules that apply to {brand} ask us to have passwords renewed. This is not because of anything you did.',
    {id: 'messages.password-change-invitation.reason-compliance'},
  ),
  msg('Sign in to {brand} and choose a new password. It takes about a minute.', {
    id: 'messages.password-change-invitation.what-to-do',
  }),
  msg('Choose a new password', {id: 'messages.password-change-invitation.button'}),
  msg('You can choose when, as long as it is before {deadline}.', {
    id: 'messages.password-change-invitation.when-deferrable-deadline',
  }),
  msg('Please do this before {deadline}.', {id: 'messages.password-change-invitation.when-deadline'}),
  msg('You can choose when.', {id: 'messages.password-change-invitation.when-deferrable'}),
  msg('Please do this the next time you sign in.', {id: 'messages.password-change-invitation.when-next-sign-in'}),

  // passwordChanged
  msg('Your {brand} password was changed', {id: 'messages.password-changed.subject'}),
  msg('If you made this change, there is nothing more to do.', {id: 'messages.password-changed.preheader'}),
  msg('Your password was changed', {id: 'messages.password-changed.title'}),
  msg('The password of your {brand} account was changed.', {id: 'messages.password-changed.body'}),
  msg(
    'Recover your account with the link below. You will choose a new password, and the one just set will stop working.',
    {id: 'messages.password-changed.undo'},
  ),

  // passkeyAdded
  msg('A passkey was added to your {brand} account', {id: 'messages.passkey-added.subject'}),
  msg('A new way to sign in. If you added it, there is nothing more to do.', {id: 'messages.passkey-added.preheader'}),
  msg('A passkey was added', {id: 'messages.passkey-added.title'}),
  msg('A passkey was added to your {brand} account.', {id: 'messages.passkey-added.body'}),
  msg('It lets you sign in with the fingerprint, face or screen lock of a device.', {
    id: 'messages.passkey-added.use',
  }),
  msg('Recover your account with the link below, then remove this passkey from your security settings.', {
    id: 'messages.passkey-added.undo',
  }),

  // twoStepChanged
  msg('Two-step verification changed on your {brand} account', {id: 'messages.two-step-changed.subject'}),
  msg('If you made this change, there is nothing more to do.', {id: 'messages.two-step-changed.preheader'}),
  msg('Two-step verification was changed', {id: 'messages.two-step-changed.title'}),
  msg('Two-step verification was turned on for your {brand} account. You will be asked for a code when you sign in.', {
    id: 'messages.two-step-changed.turned-on',
  }),
  msg('Two-step verification was turned off for your {brand} account. Signing in now needs only your password.', {
    id: 'messages.two-step-changed.turned-off',
  }),
  msg('The way you receive sign-in codes for your {brand} account was changed.', {
    id: 'messages.two-step-changed.method-changed',
  }),
  msg('Recover your account with the link below, then check your two-step verification settings.', {
    id: 'messages.two-step-changed.undo',
  }),

  // newSignIn
  msg('New sign-in to your {brand} account', {id: 'messages.new-sign-in.subject'}),
  msg('From a device we had not seen before. If it was you, there is nothing more to do.', {
    id: 'messages.new-sign-in.preheader',
  }),
  msg('New sign-in to your account', {id: 'messages.new-sign-in.title'}),
  msg('Your {brand} account was signed in to from a device we had not seen before.', {
    id: 'messages.new-sign-in.body',
  }),
  msg('Recover your account with the link below and choose a new password.', {id: 'messages.new-sign-in.undo'}),

  // recoveryCode
  msg('Your {brand} recovery code', {id: 'messages.recovery-code.subject'}),
  msg('You asked to recover your account. Here is your code.', {id: 'messages.recovery-code.preheader'}),
  msg('Your recovery code', {id: 'messages.recovery-code.title'}),
  msg('You asked to recover your {brand} account. Enter this code on the recovery page:', {
    id: 'messages.recovery-code.intro',
  }),
  msg('You can also continue with this link. It works only once.', {id: 'messages.recovery-code.link-intro'}),
  msg('Continue recovery', {id: 'messages.recovery-code.button'}),
  msg('If you did not ask for this, ignore this email. Nothing changes on your account.', {
    id: 'messages.recovery-code.not-you',
  }),

  // signInCode
  msg('Your {brand} sign-in code', {id: 'messages.sign-in-code.subject'}),
  msg('The code to finish signing in.', {id: 'messages.sign-in-code.preheader'}),
  msg('Your sign-in code', {id: 'messages.sign-in-code.title'}),
  msg('Enter this code to finish signing in to {brand}:', {id: 'messages.sign-in-code.intro'}),
  msg(
    'If you are not signing in right now, ignore this email. Someone may know your password, so please consider changing it.',
    {id: 'messages.sign-in-code.not-you'},
  ),

  // signInCodeSms
  msg('{code} is your {brand} code. It works for {duration}. Do not share it.', {
    id: 'messages.sign-in-code-sms.text',
  }),
];
