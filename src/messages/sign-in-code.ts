import catalogue from '../generated/messages/sign-in-code.js';
import {codeBlocks, type CodeInput} from './code.js';
import {emailContext, words, type EmailMessage} from './core.js';
import {renderEmail} from './render.js';

export type SignInCodeInput = CodeInput;

const group = 'sign-in-code';

/** The email that carries the code of the second sign-in step. */
export function signInCode(input: SignInCodeInput): EmailMessage {
  const context = emailContext('signInCode', input);
  const {code, expiry, share} = codeBlocks(context, input);
  const brand = {brand: context.brand};
  return renderEmail(context, {
    subject: words(context, catalogue, group, 'subject', brand),
    preheader: words(context, catalogue, group, 'preheader'),
    title: words(context, catalogue, group, 'title'),
    blocks: [
      {kind: 'paragraph', parts: words(context, catalogue, group, 'intro', brand)},
      code,
      expiry,
      {kind: 'paragraph', parts: words(context, catalogue, group, 'not-you')},
      share,
    ],
  });
}
