// serein/messages.js as a host's server uses it (the built module, dist/messages.js): every
// message in every shipped locale, its required parts, escaping, right-to-left text, text message
// lengths, the mail-client rules, the HTML validator and the copy rules. Runs after `npm run build`.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';
import {HtmlValidate} from 'html-validate';
import {mailClientProblems} from '../support/email-rules.mjs';
import {decodeXml} from '../../scripts/xml-text.mjs';

const root = resolve(import.meta.dirname, '../..');
const messages = await import(join(root, 'dist/messages.js'));
const {MessageInputError} = messages;
const LOCALES = [...messages.MESSAGE_LOCALES];

/** The wording of every messages.* unit, read from the translation files (en from the sources). */
const decode = decodeXml;
const wording = {en: {}};
for (const locale of LOCALES.slice(1)) {
  wording[locale] = {};
  const xml = readFileSync(join(root, 'locales', `${locale}.xlf`), 'utf8');
  for (const [, id, body] of xml.matchAll(/<trans-unit id="messages\.([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    wording.en[id] = decode(/<source>([\s\S]*?)<\/source>/.exec(body)[1]);
    wording[locale][id] = decode(/<target>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? '');
  }
}
/** A unit's text with its placeholders filled. */
const t = (locale, id, values = {}) =>
  wording[locale][id].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
/** The text of an email part without bidi isolates (they surround values in right-to-left text). */
const bare = (text) => text.replace(/[\u2068\u2069]/g, '');
/** The visible text of the HTML (tags out, entities decoded). */
const visible = (html) => decode(html.replace(/<(style|title)>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ''));

const when = new Date('2026-12-02T09:30:00Z');
const base = {
  brand: 'Acme',
  customerName: 'Ada Lovelace',
  supportHref: 'https://acme.example/help',
  when,
  device: 'Firefox on Linux',
  location: 'near Lyon, France',
  links: {recovery: 'https://acme.example/recover?t=abc&u=1'},
};
const notices = {
  passwordChanged: {},
  passkeyAdded: {},
  twoStepChanged: {change: 'turned-off'},
  newSignIn: {},
};
/** One sample of every email, for a locale. */
const samples = (locale) => ({
  passwordChangeInvitation: messages.passwordChangeInvitation({
    ...base,
    locale,
    reason: 'breach',
    site: 'https://acme.example/account',
    deadline: '2026-12-20T12:00:00Z',
    deferrable: true,
  }),
  ...Object.fromEntries(
    Object.entries(notices).map(([name, extra]) => [name, messages[name]({...base, locale, ...extra})]),
  ),
  recoveryCode: messages.recoveryCode({...base, locale, code: 'K7Q2M9', expiresInMinutes: 15}),
  signInCode: messages.signInCode({...base, locale, code: '482913', expiresInMinutes: 10}),
});
const groups = {
  passwordChangeInvitation: 'password-change-invitation',
  passwordChanged: 'password-changed',
  passkeyAdded: 'passkey-added',
  twoStepChanged: 'two-step-changed',
  newSignIn: 'new-sign-in',
  recoveryCode: 'recovery-code',
  signInCode: 'sign-in-code',
};

test('every email renders in every locale, with its subject, preheader, text and HTML in that language', () => {
  for (const locale of LOCALES) {
    for (const [name, email] of Object.entries(samples(locale))) {
      const group = groups[name];
      assert.equal(email.locale, locale);
      assert.equal(email.dir, locale === 'ar' ? 'rtl' : 'ltr');
      assert.equal(email.subject, t(locale, `${group}.subject`, {brand: 'Acme'}), `${locale} ${name} subject`);
      assert.equal(email.preheader, t(locale, `${group}.preheader`), `${locale} ${name} preheader`);
      assert.doesNotMatch(email.subject, /[\r\n]/);
      assert.match(email.html, new RegExp(`<html lang="${locale}" dir="${email.dir}">`));
      for (const part of [bare(email.text), visible(email.html)]) {
        assert.ok(part.includes(t(locale, `${group}.title`)), `${locale} ${name}: title`);
        assert.ok(
          part.includes(t(locale, 'common.greeting-name', {name: 'Ada Lovelace'})),
          `${locale} ${name}: greeting`,
        );
        assert.ok(part.includes(t(locale, 'common.sign-off', {brand: 'Acme'})), `${locale} ${name}: sign-off`);
        assert.ok(part.includes('https://acme.example/help'), `${locale} ${name}: help link written out`);
        assert.doesNotMatch(part, /\{\w+\}|undefined|null|NaN/, `${locale} ${name}: no unfilled placeholder`);
      }
      assert.ok(
        email.html.includes(escape(t(locale, `${group}.title`))),
        `${locale} ${name}: the HTML shows the title`,
      );
    }
  }
});
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

test('the invitation says why (in each reason’s words), what to do, when, where, and that we never ask for passwords', () => {
  for (const locale of LOCALES) {
    for (const reason of messages.PASSWORD_CHANGE_REASONS) {
      for (const [deadline, deferrable, unit] of [
        ['2026-12-20T12:00:00Z', true, 'when-deferrable-deadline'],
        ['2026-12-20T12:00:00Z', false, 'when-deadline'],
        [undefined, true, 'when-deferrable'],
        [undefined, false, 'when-next-sign-in'],
      ]) {
        const email = messages.passwordChangeInvitation({
          brand: 'Acme',
          locale,
          reason,
          site: 'https://acme.example/any/page',
          deadline,
          deferrable,
        });
        const date = new Intl.DateTimeFormat(locale, {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: 'UTC',
          timeZoneName: 'short',
        }).format(new Date('2026-12-20T12:00:00Z'));
        for (const part of [bare(email.text), visible(email.html)]) {
          const expect = (text, what) => assert.ok(part.includes(text), `${locale} ${reason} ${unit}: ${what}`);
          expect(t(locale, `password-change-invitation.reason-${reason}`, {brand: 'Acme'}), 'why');
          expect(t(locale, 'password-change-invitation.what-to-do', {brand: 'Acme'}), 'what to do');
          expect(t(locale, `password-change-invitation.${unit}`, {deadline: date}), 'when');
          expect(t(locale, 'common.never-ask'), 'never asks for passwords');
          expect('https://acme.example/.well-known/change-password', 'the well-known change-password link');
        }
        if (locale === 'en')
          assert.match(email.text, /We will never ask for your password by email, text message or phone\./);
        if (!deadline) assert.doesNotMatch(email.text, /2026/);
      }
    }
  }
});

test('every notice says what changed, when and on which device, and how to undo it if it was not them', () => {
  for (const locale of LOCALES) {
    for (const [name, extra] of Object.entries(notices)) {
      const email = messages[name]({...base, locale, ...extra});
      const group = groups[name];
      for (const part of [bare(email.text), visible(email.html)]) {
        const expect = (text, what) => assert.ok(part.includes(text), `${locale} ${name}: ${what}`);
        expect(t(locale, 'common.device', {device: 'Firefox on Linux'}), 'device');
        expect(t(locale, 'common.location', {location: 'near Lyon, France'}), 'location');
        expect(t(locale, 'common.nothing-to-do'), 'nothing to do if it was them');
        expect(t(locale, 'common.not-you-heading'), 'if this was not you');
        expect(t(locale, `${group}.undo`), 'the undo path');
        expect('https://acme.example/recover?t=abc&u=1', 'the recovery link');
      }
      assert.match(email.html, /<h2\b[^>]*>[^<]+<\/h2>/, `${locale} ${name}: "if this was not you" is a heading`);
      assert.ok(email.html.includes('href="https://acme.example/recover?t=abc&amp;u=1"'));
      assert.ok(bare(email.text).includes('2026'), `${locale} ${name}: when`);
    }
    const twoStep = (change) => bare(messages.twoStepChanged({...base, locale, change}).text);
    for (const change of messages.TWO_STEP_CHANGES) {
      assert.ok(
        twoStep(change).includes(t(locale, `two-step-changed.${change}`, {brand: 'Acme'})),
        `${locale} ${change}`,
      );
    }
  }
  const english = messages.passwordChanged({...base, locale: 'en'}).text;
  assert.match(english, /When: December 2, 2026(,| at) 09:30 AM UTC/);
  const paris = messages.passwordChanged({...base, locale: 'fr', timeZone: 'Europe/Paris'}).text;
  assert.match(paris, /2 décembre 2026 à 10:30 UTC\+1/);
  // French writes the first of the month as an ordinal.
  const first = new Date('2026-12-01T08:30:00Z');
  assert.match(messages.passwordChanged({...base, locale: 'fr', when: first}).text, /1er décembre 2026/);
  assert.match(messages.passwordChanged({...base, locale: 'en', when: first}).text, /December 1, 2026/);
});

test('the code emails give the code, how long it lasts, that it works once, and what to do if it was not them', () => {
  const minutes = {
    en: '15 minutes',
    fr: '15 minutes',
    de: '15 Minuten',
    es: '15 minutos',
    ar: '15 دقيقة',
    it: '15 minuti',
    'pt-BR': '15 minutos',
    nl: '15 minuten',
    pl: '15 minut',
    ja: '15 分',
  };
  for (const locale of LOCALES) {
    const recovery = messages.recoveryCode({
      ...base,
      locale,
      code: 'K7Q2-M9',
      expiresInMinutes: 15,
      links: {recovery: 'https://acme.example/r/one-time'},
    });
    for (const part of [bare(recovery.text), visible(recovery.html)]) {
      const expect = (text, what) => assert.ok(part.includes(text), `${locale} recoveryCode: ${what}`);
      expect('K7Q2M9', 'the code');
      expect(t(locale, 'common.code-expiry', {duration: minutes[locale]}), 'the expiry');
      expect(t(locale, 'recovery-code.intro', {brand: 'Acme'}), 'you asked to recover your account');
      expect(t(locale, 'recovery-code.not-you'), 'if not, ignore this email, nothing changes');
      expect(t(locale, 'recovery-code.link-intro'), 'the link works once');
      expect('https://acme.example/r/one-time', 'the single-use link');
    }
    assert.doesNotMatch(recovery.subject, /K7Q2M9/, 'the code is not in the subject (lock screens show it)');
    const withoutLink = messages.recoveryCode({brand: 'Acme', locale, code: '123456', expiresInMinutes: 60});
    assert.ok(!withoutLink.text.includes(t(locale, 'recovery-code.link-intro')), 'no link: its sentence is left out');
    assert.ok(bare(withoutLink.text).includes(t(locale, 'common.code-expiry', {duration: hourIn(locale)})));

    const signIn = messages.signInCode({brand: 'Acme', locale, code: '482913', expiresInMinutes: 10});
    assert.ok(signIn.text.includes('482913'));
    assert.ok(bare(signIn.text).includes(t(locale, 'common.do-not-share', {brand: 'Acme'})));
    assert.ok(bare(signIn.text).includes(t(locale, 'sign-in-code.not-you')));
  }
});
const hourIn = (locale) => new Intl.NumberFormat(locale, {style: 'unit', unit: 'hour', unitDisplay: 'long'}).format(1);

test('a missing optional input leaves its sentence out cleanly', () => {
  for (const locale of LOCALES) {
    const email = messages.passwordChanged({brand: 'Acme', locale, when, links: base.links});
    const text = bare(email.text);
    assert.ok(text.includes(t(locale, 'common.greeting')), 'greeting without a name');
    for (const id of ['common.device', 'common.location', 'common.help']) {
      const label = t(locale, id).split('{')[0].trim();
      assert.ok(!text.includes(label), `${locale}: "${label}" is left out`);
    }
    assert.doesNotMatch(email.html, /<p[^>]*>\s*<\/p>|<bdi><\/bdi>/, 'no empty paragraph or value');
    assert.doesNotMatch(text, /\n{3}/, 'no empty paragraph in the text');
  }
});

test('a missing or unusable input throws MessageInputError naming it (never its value)', () => {
  const cases = [
    [() => messages.passwordChanged({...base, brand: ''}), 'brand', 'missing'],
    [() => messages.passwordChanged({...base, when: undefined}), 'when', 'missing'],
    [() => messages.passwordChanged({...base, when: 'yesterday'}), 'when', 'invalid'],
    [() => messages.passwordChanged({...base, links: {}}), 'links.recovery', 'missing'],
    [
      () => messages.passwordChanged({...base, links: {recovery: 'http://acme.example/r'}}),
      'links.recovery',
      'invalid',
    ],
    [() => messages.passwordChanged({...base, links: {recovery: 'javascript:alert(1)'}}), 'links.recovery', 'invalid'],
    [
      () => messages.passwordChanged({...base, supportHref: 'https://user:secret@acme.example'}),
      'supportHref',
      'invalid',
    ],
    [() => messages.passwordChanged({...base, colors: {accent: 'red;background:url(x)'}}), 'colors.accent', 'invalid'],
    [
      () => messages.passwordChanged({...base, colors: {accent: '#ffff00', onAccent: '#ffffff'}}),
      'colors.onAccent',
      'invalid',
    ],
    [() => messages.passwordChanged({...base, timeZone: 'Mars/Olympus'}), 'timeZone', 'invalid'],
    [() => messages.passwordChangeInvitation({brand: 'Acme', site: 'https://acme.example'}), 'reason', 'missing'],
    [() => messages.passwordChangeInvitation({brand: 'Acme', reason: 'because'}), 'reason', 'invalid'],
    [() => messages.passwordChangeInvitation({brand: 'Acme', reason: 'routine'}), 'site', 'missing'],
    [() => messages.twoStepChanged({...base}), 'change', 'missing'],
    [() => messages.recoveryCode({brand: 'Acme', expiresInMinutes: 5}), 'code', 'missing'],
    [() => messages.recoveryCode({brand: 'Acme', code: '12<34', expiresInMinutes: 5}), 'code', 'invalid'],
    [() => messages.signInCode({brand: 'Acme', code: '123456'}), 'expiresInMinutes', 'missing'],
    [() => messages.signInCode({brand: 'Acme', code: '123456', expiresInMinutes: 0}), 'expiresInMinutes', 'invalid'],
    [() => messages.signInCodeSms({brand: 'Acme', code: '123456', expiresInMinutes: 5}), 'site', 'missing'],
    [
      () => messages.signInCodeSms({brand: 'Acme', code: '123456', expiresInMinutes: 5, site: 'a b'}),
      'site',
      'invalid',
    ],
    [
      () =>
        messages.signInCodeSms({
          brand: 'Acme',
          code: '123456',
          expiresInMinutes: 5,
          site: 'a.example',
          embeddedSite: '-/',
        }),
      'embeddedSite',
      'invalid',
    ],
  ];
  for (const [render, input, problem] of cases) {
    assert.throws(render, (error) => {
      assert.ok(error instanceof MessageInputError, `${input}: a MessageInputError`);
      assert.ok(error instanceof TypeError);
      assert.equal(error.name, 'MessageInputError');
      assert.equal(error.input, input);
      assert.equal(error.problem, problem);
      assert.match(error.message, new RegExp(`"${input.replace('.', '\\.')}"`));
      assert.doesNotMatch(error.message, /secret|javascript|12<34|background/);
      return true;
    });
  }
});

const HOSTILE = `<script>alert("x")</script>'"\u202E\u2066evil\u2069\u200F&amp;`;

test('allowInsecureLinksFor accepts http: links to loopback hosts only, and only loopback hosts', () => {
  const local = {
    ...base,
    allowInsecureLinksFor: ['localhost', '127.0.0.1', '::1'],
    links: {recovery: 'http://localhost:8080/recover'},
    supportHref: 'http://127.0.0.1:8080/help',
  };
  const email = messages.passwordChanged(local);
  assert.match(email.html, /href="http:\/\/localhost:8080\/recover"/);
  assert.match(email.text, /http:\/\/127\.0\.0\.1:8080\/help/);
  assert.match(messages.passwordChanged({...local, links: {recovery: 'http://[::1]:8080/recover'}}).html, /\[::1\]/);
  const code = messages.recoveryCode({
    ...local,
    code: '123456',
    expiresInMinutes: 15,
    links: {recovery: 'http://localhost:1/l'},
  });
  assert.match(code.html, /href="http:\/\/localhost:1\/l"/);
  const invitation = messages.passwordChangeInvitation({...local, reason: 'breach', site: 'http://localhost:8080'});
  assert.match(invitation.text, /http:\/\/localhost:8080\/\.well-known\/change-password/);
  const refused = [
    // Without the option, http: stays refused (the default every production host gets).
    [() => messages.passwordChanged({...base, links: {recovery: 'http://localhost/recover'}}), 'links.recovery'],
    // A host that is not in the list.
    [() => messages.passwordChanged({...local, links: {recovery: 'http://acme.example/recover'}}), 'links.recovery'],
    [() => messages.passwordChanged({...local, allowInsecureLinksFor: ['acme.example']}), 'allowInsecureLinksFor'],
    [
      () => messages.passwordChanged({...local, allowInsecureLinksFor: ['localhost.acme.example']}),
      'allowInsecureLinksFor',
    ],
    [() => messages.passwordChanged({...local, allowInsecureLinksFor: 'localhost'}), 'allowInsecureLinksFor'],
    // Credentials stay refused on loopback too.
    [() => messages.passwordChanged({...local, links: {recovery: 'http://a:b@localhost/recover'}}), 'links.recovery'],
  ];
  for (const [render, input] of refused) {
    assert.throws(
      render,
      (error) => error instanceof MessageInputError && error.input === input && error.problem === 'invalid',
    );
  }
});

test('every inserted value is escaped and cannot reorder the text around it', () => {
  for (const locale of LOCALES) {
    const hostile = {
      ...base,
      locale,
      brand: `Acme ${HOSTILE}`,
      customerName: HOSTILE,
      device: HOSTILE,
      location: HOSTILE,
      strings: {'messages.password-changed.title': `Title ${HOSTILE}`},
    };
    const emails = {
      ...Object.fromEntries(
        Object.entries(notices).map(([name, extra]) => [name, messages[name]({...hostile, ...extra})]),
      ),
      passwordChangeInvitation: messages.passwordChangeInvitation({
        ...hostile,
        reason: 'routine',
        site: 'https://acme.example',
      }),
      recoveryCode: messages.recoveryCode({...hostile, code: '123456', expiresInMinutes: 5}),
      signInCode: messages.signInCode({...hostile, code: '123456', expiresInMinutes: 5}),
    };
    for (const [name, email] of Object.entries(emails)) {
      assert.doesNotMatch(email.html, /<script|<\/script/i, `${locale} ${name}: no markup from inputs`);
      assert.ok(
        email.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&quot;'),
        `${locale} ${name}: shown as text`,
      );
      assert.ok(email.html.includes('&amp;amp;'), `${locale} ${name}: entities are escaped too`);
      for (const part of [email.subject, email.preheader, email.text, email.html]) {
        assert.doesNotMatch(
          part,
          /[\u202A-\u202E\u2066\u2067\u200E\u200F]/,
          `${locale} ${name}: bidi controls removed`,
        );
      }
      assert.doesNotMatch(email.subject, /[\r\n]/);
      assert.deepEqual(mailClientProblems(email.html), [], `${locale} ${name}`);
    }
    assert.ok(emails.passwordChanged.text.includes('Title <script>'), 'an override is plain text');
  }
  const url = messages.passwordChanged({...base, links: {recovery: 'https://acme.example/r?a="><script>'}});
  assert.doesNotMatch(url.html, /<script/);
});

test('right-to-left messages set dir="rtl" and isolate the values they insert', () => {
  const email = messages.passwordChanged({...base, locale: 'ar-EG'});
  assert.equal(email.locale, 'ar');
  assert.match(email.html, /<html lang="ar" dir="rtl">/);
  assert.match(email.html, /align="right"[^>]*text-align:right/);
  assert.ok(email.html.includes('<bdi>Firefox on Linux</bdi>'));
  assert.ok(email.html.includes('<bdi>Acme</bdi>'));
  assert.match(email.html, /<a class="sr-link" href="https:[^"]*"[^>]* dir="ltr">/, 'addresses read left to right');
  assert.ok(email.text.includes('\u2068Firefox on Linux\u2069'), 'first-strong isolates in the text version');
  assert.ok(
    !messages.passwordChanged({...base, locale: 'fr'}).text.includes('\u2068'),
    'no isolates in left-to-right text',
  );
  assert.equal(
    messages.passwordChanged({...base, locale: 'sv-SE'}).locale,
    'en',
    'an unshipped locale falls back to English',
  );
  assert.equal(messages.passwordChanged({...base, locale: 'pt-PT'}).locale, 'pt-BR', 'the one Portuguese shipped');
  assert.equal(messages.passwordChanged({...base, locale: 'de_AT'}).locale, 'de');
});

test('text messages: the code, its lifetime, the origin-bound last line, and an honest segment count', () => {
  const expected = {
    en: 'GSM-7',
    fr: 'GSM-7',
    de: 'GSM-7',
    es: 'GSM-7',
    ar: 'UCS-2',
    it: 'GSM-7',
    'pt-BR': 'GSM-7',
    nl: 'GSM-7',
    pl: 'GSM-7',
    ja: 'UCS-2',
  };
  for (const locale of LOCALES) {
    const sms = messages.signInCodeSms({
      brand: 'Acme',
      code: '482913',
      expiresInMinutes: 5,
      site: 'https://acme.example',
      locale,
    });
    const lines = sms.text.split('\n');
    assert.equal(lines.at(-1), '@acme.example #482913', `${locale}: origin-bound last line`);
    assert.equal(lines.at(-2), '', 'a blank line before it');
    assert.ok(
      bare(sms.text).includes(
        t(locale, 'sign-in-code-sms.text', {code: '482913', brand: 'Acme', duration: fiveMinutes(locale)}),
      ),
    );
    assert.equal(sms.encoding, expected[locale], `${locale} encoding`);
    // Isolates only in right-to-left text (UCS-2 anyway); never in a GSM-7 message.
    if (locale === 'ar') {
      assert.ok(
        sms.text.includes('\u2068Acme\u2069') && sms.text.includes('\u2068482913\u2069'),
        'ar: isolated values',
      );
    } else {
      assert.ok(!/[\u2068\u2069]/.test(sms.text), `${locale}: no isolates`);
    }
    if (sms.encoding === 'GSM-7') {
      assert.ok(sms.text.length < 160, `${locale}: under 160 GSM-7 characters (${sms.text.length})`);
      assert.equal(sms.segments, 1);
    } else {
      assert.equal(sms.segments, sms.text.length <= 70 ? 1 : Math.ceil(sms.text.length / 67), `${locale} segments`);
    }
  }
  const embedded = messages.signInCodeSms({
    brand: 'Acme',
    code: '12 34 56',
    expiresInMinutes: 5,
    site: 'acme.example',
    embeddedSite: 'pay.example',
  });
  assert.match(embedded.text, /\n@acme\.example #123456 %pay\.example$/);
  // Counting: the extension table takes two septets; a long text is split into 153-septet segments.
  const count = (text) =>
    messages.signInCodeSms({
      brand: text,
      code: '1',
      expiresInMinutes: 1,
      site: 'a.example',
      strings: {'messages.sign-in-code-sms.text': '{brand}'},
    });
  assert.throws(() => count('x'), MessageInputError, 'codes are at least 4 characters');
  const long = (brand) =>
    messages.signInCodeSms({
      brand,
      code: '1234',
      expiresInMinutes: 1,
      site: 'a.example',
      strings: {'messages.sign-in-code-sms.text': '{brand}'},
    });
  const tail = '\n\n@a.example #1234'.length; // 17
  assert.deepEqual(pick(long('a'.repeat(160 - tail))), {encoding: 'GSM-7', segments: 1});
  assert.deepEqual(pick(long('a'.repeat(161 - tail))), {encoding: 'GSM-7', segments: 2});
  assert.deepEqual(pick(long('€'.repeat(72))), {encoding: 'GSM-7', segments: 2}, '€ counts twice');
  assert.deepEqual(pick(long('e'.repeat(72))), {encoding: 'GSM-7', segments: 1});
  assert.deepEqual(pick(long('é'.repeat(160 - tail))), {encoding: 'GSM-7', segments: 1}, 'é is in the GSM alphabet');
  assert.deepEqual(pick(long('ó'.repeat(70 - tail))), {encoding: 'UCS-2', segments: 1});
  assert.deepEqual(pick(long('ó'.repeat(71 - tail))), {encoding: 'UCS-2', segments: 2});
});
const fiveMinutes = (locale) =>
  new Intl.NumberFormat(locale, {style: 'unit', unit: 'minute', unitDisplay: 'long'}).format(5);
const pick = ({encoding, segments}) => ({encoding, segments});

test('every email follows the mail-client rules and passes the HTML validator', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // What Outlook and older clients need: presentational attributes on layout tables.
      'no-deprecated-attr': 'off',
      // Inline styles are the only styles most mail clients keep.
      'no-inline-style': 'off',
      // The preheader is hidden on purpose (inbox preview text only).
      'hidden-focusable': 'off',
      'long-title': 'off',
      // role="article" on a <div>: clients that drop unknown HTML5 elements keep it.
      'prefer-native-element': ['error', {exclude: ['article']}],
    },
  });
  let count = 0;
  for (const locale of LOCALES) {
    const all = {
      ...samples(locale),
      minimal: messages.passwordChanged({brand: 'Acme', locale, when, links: base.links}),
      branded: messages.newSignIn({
        ...base,
        locale,
        colors: {accent: '#0b6e4f', onAccent: '#ffffff'},
        supportHref: 'mailto:help@acme.example',
      }),
    };
    for (const [name, email] of Object.entries(all)) {
      assert.deepEqual(mailClientProblems(email.html), [], `${locale} ${name}`);
      const report = await validator.validateString(email.html);
      const errors = report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(errors, [], `${locale} ${name}`);
      assert.ok(email.html.length < 20 * 1024, `${locale} ${name}: ${email.html.length} bytes`);
      count++;
    }
  }
  assert.equal(count, 9 * LOCALES.length);
  const branded = messages.newSignIn({...base, colors: {accent: '#0B6E4F', onAccent: '#fffff0'}});
  assert.match(branded.html, /bgcolor="#0b6e4f"[^>]*background-color:#0b6e4f/);
  assert.match(branded.html, /color:#fffff0;text-decoration:none/);
});

/** Sentences of a text: split after . ? : and line ends. */
const sentences = (text) =>
  text
    .split(/(?<=[.?:؟])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

test('the copy rules hold for every unit in every locale: calm, plain and short', () => {
  let units = 0;
  for (const locale of LOCALES) {
    for (const [id, text] of Object.entries(wording[locale])) {
      units++;
      const where = `${locale}: messages.${id}`;
      assert.doesNotMatch(text, /[!¡]/, `${where}: no exclamation mark`);
      assert.doesNotMatch(text, /[;؛]/, `${where}: no semicolon`);
      assert.doesNotMatch(text, /\b\p{Lu}{4,}\b/u, `${where}: no all-caps word`);
      assert.doesNotMatch(text, /n['’]t\b/i, `${where}: "do not", not "don't"`);
      assert.doesNotMatch(
        text,
        /phishing[- ]proof|100 ?%|unhackable|urgent|immediately|sofort|inmediatamente|immédiatement|فورًا/i,
        `${where}: no alarm, no absolute claims`,
      );
      for (const sentence of sentences(text)) {
        const count = sentence.split(/\s+/).length;
        assert.ok(count <= 25, `${where}: ${count} words in "${sentence}"`);
      }
    }
  }
  assert.equal(units, 64 * LOCALES.length);
});

test('every locale file carries the messages, with each placeholder kept', () => {
  for (const locale of LOCALES.slice(1)) {
    assert.equal(Object.keys(wording[locale]).length, 64, locale);
    for (const [id, text] of Object.entries(wording[locale])) {
      const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(names(text), names(wording.en[id]), `${locale}: messages.${id}`);
      assert.notEqual(text, wording.en[id], `${locale}: messages.${id} is translated`);
    }
  }
});

test('a server renders many locales at once: no global locale', async () => {
  const render = (locale) => Promise.resolve().then(() => messages.passwordChanged({...base, locale}));
  const rendered = await Promise.all([...LOCALES, ...LOCALES].map(render));
  rendered.forEach((email, index) => {
    const locale = LOCALES[index % LOCALES.length];
    assert.equal(email.locale, locale);
    assert.equal(email.subject, t(locale, 'password-changed.subject', {brand: 'Acme'}));
  });
});

test('the module runs without a DOM or Lit, and each message can be bundled on its own', () => {
  const files = ['dist/messages.js', ...imports('dist/messages.js')];
  for (const file of files) {
    const code = readFileSync(join(root, file), 'utf8');
    assert.doesNotMatch(code, /\b(document|window|customElements|HTMLElement)\b/, `${file}: no DOM`);
    assert.doesNotMatch(code, /from\s*["'](lit|@lit\/)/, `${file}: no Lit`);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.exports['./messages.js'], {types: './dist/messages.d.ts', default: './dist/messages.js'});
  assert.ok(
    !pkg.sideEffects.some((entry) => entry.includes('messages')),
    'no side effects: unused messages are dropped',
  );
  assert.ok(readdirSync(join(root, 'dist')).includes('messages.d.ts'));
});

/** The relative static imports of a built file, recursively. */
function imports(file, seen = new Set()) {
  const code = readFileSync(join(root, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)[^"']*?from\s*["'](\.[^"']+)["']/g)) {
    const target = join(file, '..', spec);
    if (!seen.has(target)) {
      seen.add(target);
      imports(target, seen);
    }
  }
  return [...seen];
}
