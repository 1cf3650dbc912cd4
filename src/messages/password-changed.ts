import catalogue from '../generated/messages/password-changed.js';
import {emailContext, words, type EmailMessage} from './core.js';
import {noticeBlocks, type NoticeInput} from './notice.js';
import {renderEmail} from './render.js';

export type PasswordChangedInput = NoticeInput;

const group = 'password-changed';

/**
 * The email sent after any change or reset of the password: when, on which device, and the
 * recovery link if it was not the customer. Nothing to click if it was them.
 */
export function passwordChanged(input: PasswordChangedInput): EmailMessage {
  const context = emailContext('passwordChanged', input);
  const brand = {brand: context.brand};
  return renderEmail(context, {
    subject: words(context, catalogue, group, 'subject', brand),
    preheader: words(context, catalogue, group, 'preheader'),
    title: words(context, catalogue, group, 'title'),
    blocks: noticeBlocks(context, input, catalogue, group, [words(context, catalogue, group, 'body', brand)]),
  });
}
