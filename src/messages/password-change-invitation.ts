import common from '../generated/messages/common.js';
import catalogue from '../generated/messages/password-change-invitation.js';
import {
  emailContext,
  formatDate,
  MessageInputError,
  optionalDate,
  requiredChoice,
  requiredLink,
  words,
  type EmailInput,
  type EmailMessage,
} from './core.js';
import {renderEmail, type Block} from './render.js';

export const PASSWORD_CHANGE_REASONS = ['routine', 'suspicious-activity', 'breach', 'compliance'] as const;
export type PasswordChangeReason = (typeof PASSWORD_CHANGE_REASONS)[number];

export interface PasswordChangeInvitationInput extends EmailInput {
  /** Why the customer is asked: each reason has its own explanation. Required. */
  reason: PasswordChangeReason;
  /**
   * The host's site (`https://acme.example`). The email links to its
   * `/.well-known/change-password`, which leads to the password form. Required.
   */
  site: string;
  /** The date by which the password must be changed. Without it, no date is given. */
  deadline?: Date | string | number;
  /** `true` when the customer may choose when to change it ("You can choose when"). */
  deferrable?: boolean;
}

const group = 'password-change-invitation';

/** The address of the change-password page of a site (the well-known URL of the W3C draft). */
function changePasswordUrl(site: string, message: string, insecureHosts: ReadonlySet<string>): string {
  const origin = new URL(requiredLink(site, message, 'site', insecureHosts)).origin;
  if (origin === 'null') throw new MessageInputError(message, 'site', 'invalid');
  return `${origin}/.well-known/change-password`;
}

/**
 * The email that asks a customer to choose a new password: why (the reason's own words), what to
 * do, by when, the link to the site's change-password page, and the reminder that the host never
 * asks for a password by email, text message or phone.
 */
export function passwordChangeInvitation(input: PasswordChangeInvitationInput): EmailMessage {
  const context = emailContext('passwordChangeInvitation', input);
  const reason = requiredChoice(input.reason, PASSWORD_CHANGE_REASONS, context.message, 'reason');
  const href = changePasswordUrl(input.site, context.message, context.insecureHosts);
  const deadlineDate = optionalDate(input.deadline, context.message, 'deadline');
  const deadline = deadlineDate ? formatDate(context, deadlineDate) : undefined;
  const brand = {brand: context.brand};
  const when = deadline
    ? words(context, catalogue, group, input.deferrable ? 'when-deferrable-deadline' : 'when-deadline', {deadline})
    : words(context, catalogue, group, input.deferrable ? 'when-deferrable' : 'when-next-sign-in');
  const blocks: Block[] = [
    {kind: 'paragraph', parts: words(context, catalogue, group, `reason-${reason}`, brand)},
    {kind: 'paragraph', parts: words(context, catalogue, group, 'what-to-do', brand)},
    {kind: 'button', label: words(context, catalogue, group, 'button'), href},
    {kind: 'paragraph', parts: when},
    {kind: 'paragraph', parts: words(context, common, 'common', 'never-ask')},
  ];
  return renderEmail(context, {
    subject: words(context, catalogue, group, 'subject', brand),
    preheader: words(context, catalogue, group, 'preheader'),
    title: words(context, catalogue, group, 'title'),
    blocks,
  });
}
