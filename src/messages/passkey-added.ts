import catalogue from '../generated/messages/passkey-added.js';
import {emailContext, words, type EmailMessage} from './core.js';
import {noticeBlocks, type NoticeInput} from './notice.js';
import {renderEmail} from './render.js';

export type PasskeyAddedInput = NoticeInput;

const group = 'passkey-added';

/** The email sent when a passkey is added to the account. */
export function passkeyAdded(input: PasskeyAddedInput): EmailMessage {
  const context = emailContext('passkeyAdded', input);
  const brand = {brand: context.brand};
  return renderEmail(context, {
    subject: words(context, catalogue, group, 'subject', brand),
    preheader: words(context, catalogue, group, 'preheader'),
    title: words(context, catalogue, group, 'title'),
    blocks: noticeBlocks(context, input, catalogue, group, [
      words(context, catalogue, group, 'body', brand),
      words(context, catalogue, group, 'use'),
    ]),
  });
}
