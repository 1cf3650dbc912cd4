import {expect} from '@open-wc/testing';
import {MAX_CODE_INPUT, groupCode, isCodeShaped, normalizeCode, readPastedCode} from './code-field.js';
import {formatOriginBoundSms} from './sms-format.js';

describe('normalizeCode', () => {
  it('writes the digits of every script in ASCII', () => {
    expect(normalizeCode('١٢٣٤٥٦', 'numeric'), 'Arabic-Indic').to.equal('123456');
    expect(normalizeCode('۱۲۳۴۵۶', 'numeric'), 'Persian').to.equal('123456');
    expect(normalizeCode('１２３４５６', 'numeric'), 'full-width').to.equal('123456');
    expect(normalizeCode('१२३४५६', 'numeric'), 'Devanagari').to.equal('123456');
    expect(normalizeCode('𝟏𝟐𝟑𝟒𝟓𝟔', 'numeric'), 'mathematical bold').to.equal('123456');
    expect(normalizeCode('٠۹０9', 'numeric'), 'zeros and nines').to.equal('0909');
  });

  it('leaves separators and anything else out', () => {
    expect(normalizeCode('123 456', 'numeric')).to.equal('123456');
    expect(normalizeCode('123-456', 'numeric')).to.equal('123456');
    expect(normalizeCode('123–456', 'numeric'), 'en dash').to.equal('123456');
    expect(normalizeCode('Your code: 12a34', 'numeric')).to.equal('1234');
  });

  it('keeps letters of backup codes, in capitals, never truncated', () => {
    expect(normalizeCode('abcd-efgh-ijkl-mnop', 'alphanumeric')).to.equal('ABCDEFGHIJKLMNOP');
    expect(normalizeCode('x'.repeat(40), 'alphanumeric')).to.have.length(40);
  });

  it('tells a code from a message of another shape (WebOTP results are untrusted)', () => {
    expect(isCodeShaped('123 456', 'numeric')).to.equal(true);
    expect(isCodeShaped('MUAHAHA', 'numeric')).to.equal(false);
    expect(isCodeShaped('12ab56', 'numeric')).to.equal(false);
    expect(isCodeShaped('', 'numeric')).to.equal(false);
    expect(isCodeShaped('ABCD-1234', 'alphanumeric')).to.equal(true);
  });

  it('groups backup codes for reading', () => {
    expect(groupCode('ABCDEFGHIJ', 4)).to.equal('ABCD-EFGH-IJ');
    expect(groupCode('ABCDEFGHIJ', 5)).to.equal('ABCDE-FGHIJ');
  });
});

/**
 * The parsing algorithm of "Origin-bound one-time codes delivered via SMS" (WICG): the last line
 * of the message, `@` host, one space, `#` code, and optionally one space, `%` embedded host.
 */
function parseOriginBound(message: string) {
  const line = message.split('\n').at(-1)!;
  const match = /^@([^\s#%]+) #([^\s#%]+)(?: %([^\s#%]+))?$/.exec(line);
  return match ? {topLevelHost: match[1], code: match[2], embeddedHost: match[3]} : undefined;
}

describe('formatOriginBoundSms', () => {
  it('ends the message with the origin-bound line that browsers parse', () => {
    const message = formatOriginBoundSms({text: 'Your code is 747723.', code: '747723', origin: 'https://example.com'});
    expect(message).to.equal('Your code is 747723.\n\n@example.com #747723');
    expect(parseOriginBound(message)).to.deep.equal({
      topLevelHost: 'example.com',
      code: '747723',
      embeddedHost: undefined,
    });
  });

  it('names the iframe’s host after the top-level site when the prompt is embedded', () => {
    const message = formatOriginBoundSms({
      code: '123456',
      origin: 'shop.example',
      embeddedOrigin: 'https://pay.example:8443',
    });
    expect(message).to.equal('@shop.example #123456 %pay.example');
    expect(parseOriginBound(message)?.embeddedHost).to.equal('pay.example');
  });

  it('refuses what would break the format', () => {
    expect(() => formatOriginBoundSms({code: '12 34', origin: 'example.com'})).to.throw(TypeError);
    expect(() => formatOriginBoundSms({code: '1234', origin: 'exa mple.com'})).to.throw(TypeError);
  });
});

describe('readPastedCode', () => {
  it('takes a code, with spaces or dashes, as it is', () => {
    expect(readPastedCode('123 456', 'numeric', 6)).to.deep.equal({kind: 'code', code: '123456'});
    expect(readPastedCode('654-321', 'numeric', 6)).to.deep.equal({kind: 'code', code: '654321'});
    expect(readPastedCode('34', 'numeric', 6)).to.deep.equal({kind: 'code', code: '34'});
    expect(readPastedCode('١٢٣ ٤٥٦', 'numeric', 6)).to.deep.equal({kind: 'code', code: '123456'});
  });

  it('takes the only run of `length` digits of a text, sure of it', () => {
    expect(readPastedCode('Your code is 123456.', 'numeric', 6)).to.deep.equal({
      kind: 'picked',
      code: '123456',
      sure: true,
    });
    expect(readPastedCode('Your code: 987 654', 'numeric', 6)).to.deep.equal({
      kind: 'picked',
      code: '987654',
      sure: true,
    });
  });

  it('takes the last run of exactly `length` digits among others, never sure of it', () => {
    expect(readPastedCode('Ref 42: your code is 123456', 'numeric', 6)).to.deep.equal({
      kind: 'picked',
      code: '123456',
      sure: false,
    });
    expect(readPastedCode('Old code 111111, new code 222222 (ref 7)', 'numeric', 6)).to.deep.equal({
      kind: 'picked',
      code: '222222',
      sure: false,
    });
    expect(readPastedCode('123456 654321', 'numeric', 6)).to.deep.equal({kind: 'picked', code: '654321', sure: false});
    expect(readPastedCode('Order 42/123456', 'numeric', 6)).to.deep.equal({
      kind: 'picked',
      code: '123456',
      sure: false,
    });
  });

  it('finds nothing in a text without a run of `length` digits', () => {
    expect(readPastedCode('Ref 42: call us', 'numeric', 6)).to.deep.equal({kind: 'none'});
    expect(readPastedCode('1234567', 'numeric', 6)).to.deep.equal({kind: 'none'});
    expect(readPastedCode('no digits at all', 'numeric', 6)).to.deep.equal({kind: 'none'});
  });

  it('drops only separators from a backup code', () => {
    expect(readPastedCode('abcd-1234 efgh', 'alphanumeric', 6)).to.deep.equal({kind: 'code', code: 'ABCD1234EFGH'});
  });

  it(`reads no more than the first ${MAX_CODE_INPUT} characters`, () => {
    expect(readPastedCode(`${'x'.repeat(MAX_CODE_INPUT)} 123456`, 'numeric', 6)).to.deep.equal({kind: 'none'});
    expect(readPastedCode(`${'x'.repeat(MAX_CODE_INPUT - 7)} 123456`, 'numeric', 6)).to.deep.equal({
      kind: 'picked',
      code: '123456',
      sure: true,
    });
    expect(readPastedCode('ab'.repeat(500_000), 'alphanumeric', 6)).to.deep.equal({
      kind: 'code',
      code: 'AB'.repeat(MAX_CODE_INPUT / 2),
    });
  });
});
