import catalogue from '../generated/messages/new-sign-in.js';
import {emailContext, words, type EmailMessage} from './core.js';
import {noticeBlocks, type NoticeInput} from './notice.js';
import {renderEmail} from './render.js';

export type NewSignInInput = NoticeInput;

const group = 'new-sign-in';

/** The email sent when the account is signed in to from a device not seen before. */
export function newSignIn(input: NewSignInInput): EmailMessage {
  const context = emailContext('newSignIn', input);
  const brand = {brand: context.brand};
  return renderEmail(context, {
    subject: words(context, catalogue, group, 'subject', brand),
    preheader: words(context, catalogue, group, 'preheader'),
    title: words(context, catalogue, group, 'title'),
    blocks: noticeBlocks(context, input, catalogue, group, [words(context, catalogue, group, 'body', brand)]),
  });
}
