import catalogue from '../generated/messages/recovery-code.js';
import {codeBlocks, type CodeInput} from './code.js';
import {emailContext, optionalLink, words, type EmailMessage} from './core.js';
import {renderEmail, type Block} from './render.js';

export interface RecoveryCodeInput extends CodeInput {
  links?: {
    /** A single-use link that continues the recovery (`https:`). Without it, only the code is given. */
    recovery?: string;
  };
}

const group = 'recovery-code';

/**
 * The email of a recovery by email: the code, how long it lasts, the single-use link, and "if
 * you did not ask for this, ignore this email, nothing changes".
 */
export function recoveryCode(input: RecoveryCodeInput): EmailMessage {
  const context = emailContext('recoveryCode', input);
  const {code, expiry, share} = codeBlocks(context, input);
  const link = optionalLink(input.links?.recovery, context.message, 'links.recovery', false, context.insecureHosts);
  const brand = {brand: context.brand};
  const blocks: Block[] = [{kind: 'paragraph', parts: words(context, catalogue, group, 'intro', brand)}, code, expiry];
  if (link) {
    blocks.push(
      {kind: 'paragraph', parts: words(context, catalogue, group, 'link-intro')},
      {kind: 'button', label: words(context, catalogue, group, 'button'), href: link},
    );
  }
  blocks.push({kind: 'paragraph', parts: words(context, catalogue, group, 'not-you')}, share);
  return renderEmail(context, {
    subject: words(context, catalogue, group, 'subject', brand),
    preheader: words(context, catalogue, group, 'preheader'),
    title: words(context, catalogue, group, 'title'),
    blocks,
  });
}
