// serein/messages.js: the emails and text messages around each security moment, in every
// shipped locale, for servers (Node 20+, Deno, Bun, edge runtimes). No DOM, no Lit, no global
// locale: each call takes its own `locale`. Import only the messages you send; the others and
// their wording are left out of your bundle.
export {MESSAGE_LOCALES, MessageInputError, resolveLocale} from './messages/core.js';
export type {EmailInput, EmailMessage, MessageInputProblem, MessageLocale} from './messages/core.js';
export type {SmsEncoding} from './messages/sms.js';
export type {NoticeInput} from './messages/notice.js';
export type {CodeInput} from './messages/code.js';
export {passwordChangeInvitation, PASSWORD_CHANGE_REASONS} from './messages/password-change-invitation.js';
export type {PasswordChangeInvitationInput, PasswordChangeReason} from './messages/password-change-invitation.js';
export {passwordChanged} from './messages/password-changed.js';
export type {PasswordChangedInput} from './messages/password-changed.js';
export {recoveryCode} from './messages/recovery-code.js';
export type {RecoveryCodeInput} from './messages/recovery-code.js';
export {signInCode} from './messages/sign-in-code.js';
export type {SignInCodeInput} from './messages/sign-in-code.js';
export {signInCodeSms} from './messages/sign-in-code-sms.js';
export type {SignInCodeSmsInput, TextMessage} from './messages/sign-in-code-sms.js';
export {passkeyAdded} from './messages/passkey-added.js';
export type {PasskeyAddedInput} from './messages/passkey-added.js';
export {twoStepChanged, TWO_STEP_CHANGES} from './messages/two-step-changed.js';
export type {TwoStepChange, TwoStepChangedInput} from './messages/two-step-changed.js';
export {newSignIn} from './messages/new-sign-in.js';
export type {NewSignInInput} from './messages/new-sign-in.js';
