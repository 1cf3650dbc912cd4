// What the two code emails share: the code in large type, how long it lasts, "do not share it".
import common from '../generated/messages/common.js';
import {formatDuration, requiredCode, requiredMinutes, words, type Context, type EmailInput} from './core.js';
import type {Block} from './render.js';

export interface CodeInput extends EmailInput {
  /** The one-time code (ASCII letters and digits). Required. */
  code: string;
  /** How long the code works, in minutes. Required. */
  expiresInMinutes: number;
}

export function codeBlocks(context: Context, input: CodeInput): {code: Block; expiry: Block; share: Block} {
  const code = requiredCode(input.code, context.message);
  const duration = formatDuration(context.tag, requiredMinutes(input.expiresInMinutes, context.message));
  return {
    code: {kind: 'code', code},
    expiry: {kind: 'paragraph', parts: words(context, common, 'common', 'code-expiry', {duration})},
    share: {kind: 'paragraph', parts: words(context, common, 'common', 'do-not-share', {brand: context.brand})},
  };
}
