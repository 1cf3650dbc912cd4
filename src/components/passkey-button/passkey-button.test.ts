import {expect, fixture, html} from '@open-wc/testing';
import {emulateMedia, executeServerCommand, sendKeys, sendMouse} from '@web/test-runner-commands';
import '../../define/passkey-button.js';
import type {SereinPasskeyButton} from './passkey-button.js';
import {aheadLifetime} from './passkey-button.prefetch.js';
import {UPGRADE_FAILED_KEY} from './passkey-button.upgrade.js';
import type {
  SereinPasskeyErrorDetail,
  SereinPasskeyOptionsDetail,
  SereinPasskeyResponseJSON,
} from '../../events/passkey.js';
import type {SereinJourneyDetail} from '../../events/journey.js';
import {useSereinLocalization} from '../../localization.js';
import {captureConsole, recordEvents, requestsSince, until} from '../../../test/support/helpers.js';
import {chromiumOnly, engine} from '../../../test/support/engine.js';
import type {ComponentHarness} from '../../../test/suites/harness.js';
import {layoutSuite} from '../../../test/suites/layout.js';
import {strictCspSuite} from '../../../test/suites/csp.js';

// Real ceremonies: a virtual authenticator on this page (DevTools protocol) and a relying party
// on the test server (@simplewebauthn/server), see web-test-runner.config.js.
const cdp = chromiumOnly('CDP virtual authenticator');
/** Headless Firefox offers no passkey autofill; its fallback (none started) is tested in both engines. */
const autofill = chromiumOnly('headless Firefox offers no passkey autofill');

interface Verdict {
  verified: boolean;
  credentialId?: string;
  unknownCredential?: boolean;
  error?: string;
}

const command = <T>(name: string, payload?: object) => executeServerCommand(name, payload) as Promise<T>;

async function mount(attributes = '', before = ''): Promise<SereinPasskeyButton> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  holder.innerHTML = `${before}<serein-passkey-button ${attributes}></serein-passkey-button>`;
  const element = holder.querySelector('serein-passkey-button')!;
  await element.updateComplete;
  return element;
}

const button = (element: SereinPasskeyButton) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!;
const statusOf = (element: SereinPasskeyButton) => element.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
const textOf = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

interface HostOptions {
  /** Sign in without naming the account: the options list no credential. */
  usernameless?: boolean;
  /** Ask the relying party for a second challenge after the first: the answer then fails verification. */
  staleChallenge?: boolean;
}

/** A host whose backend is the test server's relying party; returns its verdicts. */
function relyingPartyHost(element: HTMLElement, host: HostOptions = {}) {
  const verdicts: Verdict[] = [];
  const options: Record<string, unknown>[] = [];
  element.addEventListener('serein-passkey-options', (event) => {
    const {mode, conditional, respondWith} = event.detail;
    const ask = () =>
      mode === 'register'
        ? command<Record<string, unknown>>('rp-registration-options', {})
        : command<Record<string, unknown>>('rp-authentication-options', {
            allowCredentials: !(host.usernameless || conditional),
          });
    respondWith(
      ask().then(async (json) => {
        options.push(json);
        if (host.staleChallenge) await ask();
        return json as never;
      }),
    );
  });
  element.addEventListener('serein-passkey-verify', (event) => {
    const {mode, response, waitUntil} = event.detail;
    waitUntil(
      (async () => {
        const verdict = await command<Verdict>(
          mode === 'register' ? 'rp-verify-registration' : 'rp-verify-authentication',
          {response, origin: location.origin},
        );
        verdicts.push(verdict);
        if (!verdict.verified) {
          throw {code: verdict.unknownCredential ? 'passkey-unknown-credential' : 'passkey-not-verified'};
        }
      })(),
    );
  });
  return {verdicts, options};
}

/** Registers a passkey through a register button; returns the credential id the relying party verified. */
async function registerPasskey(): Promise<string> {
  const element = await mount('mode="register"');
  const {verdicts} = relyingPartyHost(element);
  const success = recordEvents(element, ['serein-passkey-success']);
  button(element).click();
  await until(() => success.length === 1, 'the registration to succeed');
  element.parentElement!.remove();
  return verdicts[0].credentialId!;
}

interface Call {
  method: 'create' | 'get';
  options: CredentialCreationOptions & CredentialRequestOptions;
  outcome?: string;
}

/**
 * Records what reaches `navigator.credentials` (the browser's real methods still run). With
 * `holdConditional`, a conditional request waits as the browser's autofill list does until
 * the person picks a passkey: here, until it is aborted.
 */
function spyOnCredentials({holdConditional = false} = {}) {
  const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
  const realCreate = container.create.bind(container);
  const realGet = container.get.bind(container);
  const calls: Call[] = [];
  const track = (call: Call, promise: Promise<Credential | null>) => {
    promise.then(
      () => (call.outcome = 'resolved'),
      (error: Error) => (call.outcome = error.name),
    );
    return promise;
  };
  container.create = (options?: CredentialCreationOptions) => {
    const call: Call = {method: 'create', options: options as Call['options']};
    calls.push(call);
    return track(call, realCreate(options));
  };
  container.get = (options?: CredentialRequestOptions) => {
    const call: Call = {method: 'get', options: options as Call['options']};
    calls.push(call);
    if (holdConditional && options?.mediation === 'conditional') {
      const held = new Promise<Credential | null>((_resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(options.signal!.reason));
      });
      return track(call, held);
    }
    return track(call, realGet(options));
  };
  return {
    calls,
    restore() {
      Reflect.deleteProperty(container, 'create');
      Reflect.deleteProperty(container, 'get');
    },
  };
}

/** Makes every ceremony end with a DOMException named `name`. */
function failCeremoniesWith(name: string) {
  const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
  const fail = () => Promise.reject(new DOMException('The ceremony ended (test).', name));
  container.create = fail;
  container.get = fail;
  return () => {
    Reflect.deleteProperty(container, 'create');
    Reflect.deleteProperty(container, 'get');
  };
}

// Fixed options for tests that stub the ceremony (no relying party involved).
const REGISTER_OPTIONS = {
  challenge: 'c2VyZWluLXRlc3QtY2hhbGxlbmdl',
  rp: {name: 'Serein tests', id: 'localhost'},
  user: {id: 'dXNlci0x', name: 'camille@example.com', displayName: 'Camille'},
  pubKeyCredParams: [{type: 'public-key', alg: -7}],
  timeout: 300000,
  attestation: 'none',
  excludeCredentials: [],
  authenticatorSelection: {residentKey: 'required', userVerification: 'required'},
};
const SIGNIN_OPTIONS = {
  challenge: 'c2VyZWluLXRlc3QtY2hhbGxlbmdl',
  rpId: 'localhost',
  timeout: 300000,
  userVerification: 'required',
  allowCredentials: [],
};

/** A host that answers the options with fixed JSON and accepts every answer. */
function fixedHost(element: HTMLElement) {
  let optionsEvents = 0;
  element.addEventListener('serein-passkey-options', (event) => {
    optionsEvents += 1;
    event.detail.respondWith((event.detail.mode === 'register' ? REGISTER_OPTIONS : SIGNIN_OPTIONS) as never);
  });
  element.addEventListener('serein-passkey-verify', (event) => event.detail.waitUntil(Promise.resolve()));
  return {optionsEvents: () => optionsEvents};
}

const journeyOf = (events: CustomEvent[]) => events.map((event) => (event.detail as SereinJourneyDetail).action);

function base64urlBytes(value: string): number[] {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  return [...atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))].map((char) => char.charCodeAt(0));
}

const bytes = (source: BufferSource) =>
  [...new Uint8Array(ArrayBuffer.isView(source) ? source.buffer : source)].slice(
    ArrayBuffer.isView(source) ? source.byteOffset : 0,
    ArrayBuffer.isView(source) ? source.byteOffset + source.byteLength : undefined,
  );

/** A sign-in answer from a device (no real passkey: the host decides): `id` base64url of `raw`. */
function fakeAssertion(id: string, raw: string): Credential {
  const buffer = (text: string) => new TextEncoder().encode(text).buffer;
  return {
    id,
    rawId: buffer(raw),
    type: 'public-key',
    authenticatorAttachment: 'platform',
    response: {
      authenticatorData: buffer('authenticator-data'),
      clientDataJSON: buffer('{}'),
      signature: buffer('signature'),
      userHandle: null,
    },
    getClientExtensionResults: () => ({}),
  } as unknown as Credential;
}

describe('<serein-passkey-button>', () => {
  beforeEach(async () => {
    await command('rp-reset');
    if (engine === 'chromium') await command('webauthn-add');
  });
  afterEach(async () => {
    if (engine === 'chromium') await command('webauthn-remove');
  });

  describe('before the system dialog', () => {
    // First in the file: the ceremony module is loaded once per page.
    it('loads @simplewebauthn/browser only when the customer reaches the button', async () => {
      const mark = (await requestsSince(0)).count;
      const element = await mount('mode="register"');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const early = (await requestsSince(mark)).paths;
      expect(early.filter((path) => /simplewebauthn|passkey-button\.webauthn/.test(path))).to.deep.equal([]);
      button(element).focus();
      await until(
        async () => (await requestsSince(mark)).paths.some((path) => path.includes('@simplewebauthn/browser')),
        'the ceremony module to load on focus',
      );
    });

    it('is accessible in both modes, and says what will happen and how the device will ask', async () => {
      for (const attributes of ['mode="register" dismissible', 'mode="signin"']) {
        const element = await mount(attributes);
        await expect(element).to.be.accessible();
        const intro = element.shadowRoot!.querySelector('[part="intro"]')!;
        expect(textOf(intro)).to.match(/passkey/);
        // Headless Chromium runs on Linux: the neutral wording, no guessed product name.
        expect(textOf(intro)).to.include('your fingerprint, your face or your screen lock');
        expect(button(element).getAttribute('aria-describedby')).to.equal(intro.id);
      }
    });

    it('is a native button whose name says “passkey”, at least 24×24, with a decorative icon', async () => {
      const element = await mount('mode="register"');
      const control = button(element);
      expect(control.localName).to.equal('button');
      expect(control.type).to.equal('button');
      expect(textOf(control)).to.equal('Create a passkey');
      const box = control.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
      expect(control.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      const signin = await mount('mode="signin"');
      expect(textOf(button(signin))).to.equal('Sign in with a passkey');
      // The status line exists, empty, before anything happens, and takes no room (no gap under the button).
      expect(textOf(statusOf(signin))).to.equal('');
      expect(statusOf(signin).matches(':empty'), 'nothing inside, not even a space').to.equal(true);
      expect(getComputedStyle(statusOf(signin)).marginBlockStart).to.equal('0px');
    });

    it('works with the keyboard alone: Enter and Space start a ceremony', async () => {
      const element = await mount('mode="register"');
      let asked = 0;
      element.addEventListener('serein-passkey-options', (event) => {
        // Focus also asks ahead (prefetch); only the presses' own requests are counted.
        if (!event.detail.prefetch) asked += 1;
        event.detail.respondWith(Promise.reject({code: 'unavailable'}));
      });
      button(element).focus();
      await sendKeys({press: 'Enter'});
      await until(() => textOf(statusOf(element)).includes('briefly unavailable'), 'the host’s answer');
      expect(asked).to.equal(1);
      await sendKeys({press: ' '}); // the space bar (Puppeteer over BiDi knows no "Space")
      await until(() => asked === 2, 'a second ceremony from Space');
    });

    it('names the device’s own unlock method where it can', async () => {
      const element = await mount('mode="register"');
      // As on Windows: the browser's client hints say so.
      Object.defineProperty(navigator, 'userAgentData', {configurable: true, value: {platform: 'Windows'}});
      try {
        element.requestUpdate();
        await element.updateComplete;
        // A product name, set apart from the sentence by bidi isolates (U+2068 … U+2069).
        expect(textOf(element.shadowRoot!.querySelector('[part="intro"]')!)).to.include(
          'confirm with \u2068Windows Hello\u2069.',
        );
      } finally {
        delete (navigator as unknown as Record<string, unknown>).userAgentData;
      }
    });
  });

  cdp.describe('real ceremonies, verified by the relying party', () => {
    it('registers a passkey, then signs in with it, then signs in without a username', async () => {
      // Register.
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const journey = recordEvents(holder, ['serein-journey']);
      holder.innerHTML = '<serein-passkey-button mode="register"></serein-passkey-button>';
      const register = holder.querySelector('serein-passkey-button')!;
      await register.updateComplete;
      const host = relyingPartyHost(register);
      const success = recordEvents(register, ['serein-passkey-success']);
      const verifyDetails: SereinPasskeyResponseJSON[] = [];
      register.addEventListener('serein-passkey-verify', (event) => verifyDetails.push(event.detail.response));
      button(register).click();
      await until(() => success.length === 1, 'the registration to succeed');
      expect(host.verdicts).to.have.length(1);
      expect(host.verdicts[0].verified, host.verdicts[0].error).to.equal(true);
      const credentialId = host.verdicts[0].credentialId!;
      expect(verifyDetails[0].id).to.equal(credentialId);
      expect(success[0].detail).to.deep.equal({mode: 'register', conditional: false});
      expect(await command<number>('webauthn-credentials')).to.equal(1);
      await register.updateComplete;
      expect(textOf(statusOf(register))).to.include('Your passkey is ready');
      expect(register.shadowRoot!.activeElement).to.equal(statusOf(register));
      expect(register.matches(':state(success)')).to.equal(true);
      expect(journeyOf(journey)).to.deep.equal(['shown', 'started', 'submitted', 'succeeded']);
      expect(JSON.stringify(journey.map((event) => event.detail))).not.to.include(credentialId);

      // Sign in, the account's credentials listed.
      const signin = await mount('mode="signin"');
      const signinHost = relyingPartyHost(signin);
      const signedIn = recordEvents(signin, ['serein-passkey-success']);
      button(signin).click();
      await until(() => signedIn.length === 1, 'the sign-in to succeed');
      expect((signinHost.options[0].allowCredentials as {id: string}[]).map(({id}) => id)).to.deep.equal([
        credentialId,
      ]);
      expect(signinHost.verdicts[0].verified, signinHost.verdicts[0].error).to.equal(true);
      expect(signinHost.verdicts[0].credentialId).to.equal(credentialId);
      await signin.updateComplete;
      expect(textOf(statusOf(signin))).to.equal('You are signed in with your passkey.');

      // Sign in without a username: no credential listed, the device offers its own.
      const usernameless = await mount('mode="signin"');
      const usernamelessHost = relyingPartyHost(usernameless, {usernameless: true});
      const spy = spyOnCredentials();
      const done = recordEvents(usernameless, ['serein-passkey-success']);
      try {
        button(usernameless).click();
        await until(() => done.length === 1, 'the usernameless sign-in to succeed');
      } finally {
        spy.restore();
      }
      expect(usernamelessHost.options[0].allowCredentials).to.deep.equal([]);
      expect(spy.calls[0].options.publicKey!.allowCredentials ?? []).to.deep.equal([]);
      expect(usernamelessHost.verdicts[0].verified, usernamelessHost.verdicts[0].error).to.equal(true);
      expect(usernamelessHost.verdicts[0].credentialId).to.equal(credentialId);
    });

    it('passes the host’s options to the browser unchanged, timeout included (PK-06, PK-09)', async () => {
      const element = await mount('mode="register"');
      const host = relyingPartyHost(element);
      const spy = spyOnCredentials();
      const success = recordEvents(element, ['serein-passkey-success']);
      try {
        button(element).click();
        await until(() => success.length === 1, 'the registration');
      } finally {
        spy.restore();
      }
      const sent = host.options[0] as typeof REGISTER_OPTIONS & {challenge: string; user: {id: string}};
      const publicKey = spy.calls[0].options.publicKey as PublicKeyCredentialCreationOptions;
      expect(bytes(publicKey.challenge)).to.deep.equal(base64urlBytes(sent.challenge));
      expect(bytes(publicKey.user.id)).to.deep.equal(base64urlBytes(sent.user.id));
      expect(publicKey.authenticatorSelection).to.deep.equal(sent.authenticatorSelection);
      expect(publicKey.timeout).to.equal(sent.timeout);
      expect(publicKey.pubKeyCredParams).to.deep.equal(sent.pubKeyCredParams);
      expect(publicKey.rp).to.deep.equal(sent.rp);
    });

    it('keeps the credential to serein-passkey-verify: not in markup, the URL, storage, the console or other events', async () => {
      const element = await mount('mode="register"');
      const host = relyingPartyHost(element);
      const details: {type: string; json: string}[] = [];
      const original = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
        if (event instanceof CustomEvent) details.push({type: event.type, json: JSON.stringify(event.detail) ?? ''});
        return original.call(this, event);
      };
      const href = location.href;
      let logged: string[] = [];
      try {
        logged = await captureConsole(async () => {
          button(element).click();
          await until(() => host.verdicts.length === 1 && element.matches(':state(success)'), 'the registration');
        });
      } finally {
        EventTarget.prototype.dispatchEvent = original;
      }
      const credentialId = host.verdicts[0].credentialId!;
      const verify = details.find(({type}) => type === 'serein-passkey-verify')!;
      expect(verify.json).to.include(credentialId);
      const clientData = (JSON.parse(verify.json) as {response: {response: {clientDataJSON: string}}}).response.response
        .clientDataJSON;
      for (const secret of [credentialId, clientData]) {
        const leaking = details.filter(({type, json}) => type !== 'serein-passkey-verify' && json.includes(secret));
        expect(leaking.map(({type}) => type)).to.deep.equal([]);
        expect(element.outerHTML + element.shadowRoot!.innerHTML).not.to.include(secret);
        expect(location.href).to.equal(href);
        expect(
          JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage}) + document.cookie,
        ).not.to.include(secret);
        expect(logged.join('\n')).not.to.include(secret);
      }
    });
  });

  describe('when the ceremony gives no passkey', () => {
    cdp.it('reads a cancel (the person does not confirm) as “nothing happened”, never as a failure', async () => {
      await command('webauthn-user-verified', {verified: false});
      for (const mode of ['register', 'signin'] as const) {
        const element = await mount(`mode="${mode}"`);
        relyingPartyHost(element, {usernameless: true});
        const errors = recordEvents(element, ['serein-passkey-error']);
        const journey = recordEvents(element, ['serein-journey']);
        button(element).click();
        await until(() => errors.length === 1, 'the ceremony to end');
        await element.updateComplete;
        expect(errors[0].detail).to.deep.equal({mode, conditional: false, name: 'NotAllowedError', cancelled: true});
        const text = textOf(statusOf(element));
        expect(text).to.match(mode === 'register' ? /No passkey was created\. You can try again/ : /You can try again/);
        expect(text).not.to.match(/fail|error|no passkey (was )?found|not registered|does not exist/i);
        expect(statusOf(element).dataset.tone).to.equal('info');
        expect(journeyOf(journey)).not.to.include('failed');
        expect(journey.map((event) => (event.detail as SereinJourneyDetail).step)).to.include('cancelled');
        // Ready again, as it was.
        expect(button(element).getAttribute('aria-disabled')).to.equal('false');
        expect(textOf(button(element))).to.match(/passkey/);
        await expect(element).to.be.accessible();
      }
    });

    cdp.it('says this device already has a passkey when it is registered again (InvalidStateError)', async () => {
      const credentialId = await registerPasskey();
      expect(credentialId).to.be.a('string');
      const element = await mount('mode="register"');
      const host = relyingPartyHost(element);
      const errors = recordEvents(element, ['serein-passkey-error']);
      button(element).click();
      await until(() => errors.length === 1, 'the second registration to end');
      expect((host.options[0].excludeCredentials as {id: string}[]).map(({id}) => id)).to.deep.equal([credentialId]);
      expect((errors[0].detail as SereinPasskeyErrorDetail).name).to.equal('InvalidStateError');
      await element.updateComplete;
      expect(textOf(statusOf(element))).to.include('This device already has a passkey for this account');
      expect(host.verdicts).to.have.length(0);
      expect(await command<number>('webauthn-credentials')).to.equal(1);
    });

    const expectations: [string, 'register' | 'signin', RegExp, boolean][] = [
      ['NotAllowedError', 'signin', /did not finish\. You can try again, or choose another way/, true],
      ['AbortError', 'register', /No passkey was created/, true],
      ['InvalidStateError', 'register', /already has a passkey for this account/, false],
      ['ConstraintError', 'register', /cannot create this kind of passkey/, false],
      ['NotSupportedError', 'register', /Passkeys cannot be used with this device/, false],
      ['SecurityError', 'signin', /Passkeys cannot be used on this page/, false],
      ['TypeError', 'register', /could not use the passkey this time\. Please try again/, false],
      ['UnknownError', 'signin', /could not use the passkey this time\. Please try again/, false],
    ];
    for (const [name, mode, message, cancelled] of expectations) {
      it(`maps ${name} (${mode}) to a calm message and tells the host its name (PK-04)`, async () => {
        const element = await mount(`mode="${mode}"`);
        fixedHost(element);
        const errors = recordEvents(element, ['serein-passkey-error']);
        const restore = failCeremoniesWith(name);
        try {
          await captureConsole(async () => {
            button(element).click();
            await until(() => errors.length === 1, 'the ceremony to end');
          });
        } finally {
          restore();
        }
        expect(errors[0].detail).to.deep.equal({mode, conditional: false, name, cancelled});
        await element.updateComplete;
        const text = textOf(statusOf(element));
        expect(text).to.match(message);
        expect(text).not.to.match(/no passkey (was )?found|not registered/i);
        if (name === 'InvalidStateError') {
          // Settled: nothing more to create on this device.
          expect(button(element)).to.equal(null);
        } else {
          expect(button(element).getAttribute('aria-disabled')).to.equal('false');
        }
      });
    }
  });

  describe('never a dead end', () => {
    const alternativeOf = (element: SereinPasskeyButton) =>
      element.shadowRoot!.querySelector<HTMLElement>('[part="alternative"]');
    const helpOf = (element: SereinPasskeyButton) =>
      element.shadowRoot!.querySelector<HTMLAnchorElement>('.serein-help a');
    /** The ceremony ends with `name`; resolves once the message is shown. */
    async function endWith(element: SereinPasskeyButton, name: string) {
      fixedHost(element);
      const errors = recordEvents(element, ['serein-passkey-error']);
      const restore = failCeremoniesWith(name);
      try {
        await captureConsole(async () => {
          button(element).click();
          await until(() => errors.length === 1, 'the ceremony to end');
        });
      } finally {
        restore();
      }
      await element.updateComplete;
    }

    it('offers the other way with a message that points to it, and asks the host when it has no link', async () => {
      const element = await mount('mode="signin" support-href="/help"');
      expect(alternativeOf(element), 'nothing to point to yet').to.equal(null);
      await endWith(element, 'NotAllowedError');
      expect(textOf(statusOf(element))).to.include('choose another way to sign in');
      const alternative = alternativeOf(element)!;
      expect(alternative.localName).to.equal('button');
      expect(textOf(alternative)).to.equal('Sign in another way');
      const chosen = recordEvents(document, ['serein-passkey-alternative']);
      alternative.click();
      expect(chosen).to.have.length(1);
      expect(chosen[0].detail).to.deep.equal({mode: 'signin'});
      expect(chosen[0].composed, 'heard outside the shadow root').to.equal(true);
      // The help link comes last, after the other way.
      const base = element.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.lastElementChild!.contains(helpOf(element))).to.equal(true);
      expect(helpOf(element)!.getAttribute('href')).to.equal('/help');
      expect(textOf(helpOf(element)!)).to.equal('Need help? Contact support');
      await expect(element).to.be.accessible();
    });

    it('links to alternative-href, or shows the host’s alternative slot instead', async () => {
      const linked = await mount('mode="signin" alternative-href="/sign-in/password"');
      linked.addEventListener('serein-passkey-options', (event) =>
        event.detail.respondWith(Promise.reject({code: 'passkey-unknown-credential'})),
      );
      const chosen = recordEvents(document, ['serein-passkey-alternative']);
      button(linked).click();
      await until(() => alternativeOf(linked), 'the other way');
      expect(textOf(statusOf(linked))).to.include('Please sign in another way');
      expect(alternativeOf(linked)!.localName).to.equal('a');
      expect(alternativeOf(linked)!.getAttribute('href')).to.equal('/sign-in/password');
      expect(chosen, 'a link asks nobody').to.have.length(0);

      const slotted = await mount('mode="signin"');
      slotted.innerHTML = '<a slot="alternative" href="/password">Use your password</a>';
      await endWith(slotted, 'NotAllowedError');
      const slot = slotted.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="alternative"]')!;
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Use your password']);
      // The built-in way is slot fallback: not rendered while the host's own is there.
      expect(alternativeOf(slotted)!.getClientRects().length).to.equal(0);
      await expect(slotted).to.be.accessible();
    });

    it('offers no other way where nothing points to one (register, or no message)', async () => {
      const element = await mount('mode="register" alternative-href="/elsewhere"');
      element.addEventListener('serein-passkey-options', (event) =>
        event.detail.respondWith(Promise.reject({code: 'passkey-not-verified'})),
      );
      button(element).click();
      await until(() => textOf(statusOf(element)).includes('We could not confirm this passkey'), 'the message');
      // Signed in already: the message does not send the customer to sign in another way.
      expect(textOf(statusOf(element))).to.include('You can try again whenever you are ready.');
      expect(textOf(statusOf(element))).not.to.include('sign in another way');
      expect(alternativeOf(element)).to.equal(null);
      expect(button(element).getAttribute('aria-disabled')).to.equal('false');
    });

    it('settles when this device has a passkey already: no button to create another, focus on the line', async () => {
      const element = await mount('mode="register" dismissible support-href="/help"');
      await endWith(element, 'InvalidStateError');
      expect(textOf(statusOf(element))).to.include('nothing more to do');
      expect(button(element)).to.equal(null);
      expect(element.shadowRoot!.querySelector('[part="dismiss"]')).to.equal(null);
      expect(textOf(element.shadowRoot!.querySelector('[part="base"]')!)).not.to.include('Create a passkey');
      await until(() => element.shadowRoot!.activeElement === statusOf(element), 'focus on the status line');
      expect(helpOf(element)!.getAttribute('href')).to.equal('/help');
      expect(alternativeOf(element)).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('keeps the help link last in every state, and shows none without support-href', async () => {
      const element = await mount('mode="signin" support-href="/help" support-label="Questions? Ask us"');
      const helpIsLast = () => {
        const base = element.shadowRoot!.querySelector('[part="base"]')!;
        return !!helpOf(element) && base.lastElementChild!.contains(helpOf(element));
      };
      expect(textOf(helpOf(element)!)).to.equal('Questions? Ask us');
      expect(helpIsLast(), 'before anything happens').to.equal(true);
      let verdict: Promise<void> = Promise.reject({code: 'network'});
      verdict.catch(() => undefined);
      element.addEventListener('serein-passkey-options', (event) => event.detail.respondWith(SIGNIN_OPTIONS as never));
      element.addEventListener('serein-passkey-verify', (event) => event.detail.waitUntil(verdict));
      const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
      // A device that answers at once (no real passkey: the host decides).
      container.get = () => Promise.resolve(fakeAssertion('c29tZS1wYXNza2V5', 'some-passkey'));
      try {
        button(element).click();
        await until(() => textOf(statusOf(element)).includes('We could not reach the server'), 'the error');
        expect(helpIsLast(), 'after an error').to.equal(true);
        verdict = Promise.resolve();
        button(element).click();
        await until(() => element.matches(':state(success)'), 'the success');
        await element.updateComplete;
        expect(helpIsLast(), 'after success').to.equal(true);
      } finally {
        Reflect.deleteProperty(container, 'get');
      }
      const none = await mount('mode="signin"');
      expect(helpOf(none)).to.equal(null);
    });
  });

  describe('as a host answers', () => {
    it('is busy while the system dialog is open, sends one ceremony for a double click, and aborts it when removed', async () => {
      const element = await mount('mode="register"');
      const {optionsEvents} = fixedHost(element);
      const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
      let signal: AbortSignal | undefined;
      // The system dialog stays open until it is aborted.
      container.create = (options?: CredentialCreationOptions) =>
        new Promise((_resolve, reject) => {
          signal = options!.signal!;
          signal.addEventListener('abort', () => reject(signal!.reason));
        });
      try {
        button(element).click();
        await until(() => signal, 'the system dialog');
        await element.updateComplete;
        expect(textOf(button(element))).to.equal('Waiting for your device…');
        expect(button(element).getAttribute('aria-disabled')).to.equal('true');
        expect(element.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
        expect(element.matches(':state(busy)')).to.equal(true);
        button(element).click();
        expect(optionsEvents()).to.equal(1);
        await expect(element).to.be.accessible();
        const errors = recordEvents(document, ['serein-passkey-error']);
        element.remove();
        expect(signal!.aborted, 'the pending ceremony is aborted').to.equal(true);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(errors).to.have.length(0);
      } finally {
        Reflect.deleteProperty(container, 'create');
      }
    });

    it('keeps its width while busy, with a spinner in place of the key, still under reduced motion', async () => {
      const element = await mount('mode="register"');
      fixedHost(element);
      const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
      let signal: AbortSignal | undefined;
      container.create = (options?: CredentialCreationOptions) =>
        new Promise((_resolve, reject) => {
          signal = options!.signal!;
          signal.addEventListener('abort', () => reject(signal!.reason));
        });
      try {
        const idle = button(element).getBoundingClientRect().width;
        expect(button(element).querySelector('.serein-spinner')).to.equal(null);
        button(element).click();
        await until(() => signal, 'the system dialog');
        await element.updateComplete;
        const spinner = button(element).querySelector('.serein-spinner')!;
        expect(spinner, 'the spinner').not.to.equal(null);
        expect(button(element).querySelector('[part="icon"]'), 'in place of the key').to.equal(null);
        expect(textOf(button(element))).to.equal('Waiting for your device…');
        expect(button(element).getBoundingClientRect().width, 'the button keeps its width').to.equal(idle);
        expect(getComputedStyle(spinner).animationName).to.equal('serein-spin');
        if (engine === 'chromium') {
          await emulateMedia({reducedMotion: 'reduce'});
          expect(getComputedStyle(spinner).animationName, 'a still spinner without motion').to.equal('none');
          await emulateMedia({reducedMotion: 'no-preference'});
        }
        element.remove();
      } finally {
        Reflect.deleteProperty(container, 'create');
      }
    });

    cdp.it('shows a verification the relying party rejected calmly, and stays usable', async () => {
      const element = await mount('mode="register"');
      const host = relyingPartyHost(element, {staleChallenge: true});
      const journey = recordEvents(element, ['serein-journey']);
      button(element).click();
      await until(() => host.verdicts.length === 1, 'the verification');
      expect(host.verdicts[0].verified).to.equal(false);
      await until(() => textOf(statusOf(element)).includes('We could not confirm this passkey'), 'the message');
      expect(statusOf(element).dataset.tone).to.equal('error');
      const failed = journey.find((event) => (event.detail as SereinJourneyDetail).action === 'failed');
      expect((failed!.detail as SereinJourneyDetail).errorCode).to.equal('passkey-not-verified');
      expect(button(element).getAttribute('aria-disabled')).to.equal('false');
      await expect(element).to.be.accessible();
    });

    it('shows the host’s support reference with a copy button', async () => {
      const element = await mount('mode="signin"');
      element.addEventListener('serein-passkey-options', (event) =>
        event.detail.respondWith(Promise.reject({code: 'network', reference: 'REF-2K9'})),
      );
      button(element).click();
      await until(() => textOf(statusOf(element)).includes('REF-2K9'), 'the reference');
      expect(textOf(statusOf(element))).to.include('We could not reach the server');
      expect(statusOf(element).querySelector('button')).to.exist;
      // The one alert box, critical, its icon hidden from assistive technology.
      const box = statusOf(element).querySelector<HTMLElement>('[part="alert"]')!;
      expect(box.dataset.tone).to.equal('critical');
      expect(box.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    cdp.it(
      'tells the browser about an unknown credential with the signal API, and never shows its result (PK-08)',
      async () => {
        const credentialId = await registerPasskey();
        // The account (and its passkey) is gone on the server.
        await command('rp-reset');
        const api = PublicKeyCredential as unknown as Record<string, unknown>;
        const own = Object.getOwnPropertyDescriptor(api, 'signalUnknownCredential');
        const signals: unknown[] = [];
        Object.defineProperty(api, 'signalUnknownCredential', {
          configurable: true,
          value: (options: unknown) => {
            signals.push(options);
            return Promise.reject(new DOMException('opaque', 'NotAllowedError'));
          },
        });
        try {
          const element = await mount('mode="signin"');
          relyingPartyHost(element, {usernameless: true});
          button(element).click();
          await until(() => textOf(statusOf(element)).includes('no longer linked to an account'), 'the message');
          expect(signals).to.deep.equal([{rpId: 'localhost', credentialId}]);
          expect(textOf(statusOf(element))).not.to.match(/NotAllowed|opaque/);

          // Without the signal API: the same message, nothing thrown.
          Object.defineProperty(api, 'signalUnknownCredential', {configurable: true, value: undefined});
          const other = await mount('mode="signin"');
          relyingPartyHost(other, {usernameless: true});
          button(other).click();
          await until(() => textOf(statusOf(other)).includes('no longer linked to an account'), 'the message');
        } finally {
          delete api.signalUnknownCredential;
          if (own) Object.defineProperty(api, 'signalUnknownCredential', own);
        }
      },
    );

    it('says an unknown passkey is no longer linked where the browser has no signal API (Firefox), nothing thrown', async () => {
      const api = PublicKeyCredential as unknown as Record<string, unknown>;
      const own = Object.getOwnPropertyDescriptor(api, 'signalUnknownCredential');
      // Firefox has no signal API; elsewhere it is hidden for this test.
      if (engine === 'firefox') expect('signalUnknownCredential' in api, 'Firefox’s signal API').to.equal(false);
      Object.defineProperty(api, 'signalUnknownCredential', {configurable: true, value: undefined});
      const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
      // A passkey the device still offers, for an account the server no longer has.
      container.get = () => Promise.resolve(fakeAssertion('Z29uZS1wYXNza2V5', 'gone-passkey'));
      const rejections: unknown[] = [];
      const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const element = await mount('mode="signin"');
        element.addEventListener('serein-passkey-options', (event) =>
          event.detail.respondWith(SIGNIN_OPTIONS as never),
        );
        const verified: string[] = [];
        element.addEventListener('serein-passkey-verify', (event) => {
          verified.push(event.detail.response.id);
          event.detail.waitUntil(Promise.reject({code: 'passkey-unknown-credential'}));
        });
        button(element).click();
        await until(() => textOf(statusOf(element)).includes('no longer linked to an account'), 'the message');
        expect(verified).to.deep.equal(['Z29uZS1wYXNza2V5']);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(rejections).to.deep.equal([]);
        expect(button(element).getAttribute('aria-disabled')).to.equal('false');
      } finally {
        window.removeEventListener('unhandledrejection', onRejection);
        Reflect.deleteProperty(container, 'get');
        delete api.signalUnknownCredential;
        if (own) Object.defineProperty(api, 'signalUnknownCredential', own);
      }
    });

    it('returns to idle and says so in the console when nobody answers', async () => {
      const element = await mount('mode="register"');
      const logged = await captureConsole(async () => {
        button(element).click();
        await until(
          () => button(element).getAttribute('aria-disabled') === 'false' && !element.matches(':state(busy)'),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
      expect(logged.join('\n')).to.include('serein-passkey-options');
      expect(textOf(statusOf(element))).to.equal('');
    });

    it('warns once and shows a calm message when the options are not WebAuthn options', async () => {
      const element = await mount('mode="register"');
      element.addEventListener('serein-passkey-options', (event) => event.detail.respondWith({} as never));
      const logged = await captureConsole(async () => {
        button(element).click();
        await until(() => textOf(statusOf(element)).includes('Something went wrong on our side'), 'the message');
      });
      expect(logged.join('\n')).to.include('generateRegistrationOptions');
    });
  });

  describe('options fetched ahead of the click (user activation)', () => {
    /** A host whose every options answer has its own challenge; records what it was asked. */
    function aheadHost(element: HTMLElement, answer?: (detail: SereinPasskeyOptionsDetail) => Promise<unknown>) {
      const asked: {prefetch: boolean; conditional: boolean; challenge: string}[] = [];
      element.addEventListener('serein-passkey-options', (event) => {
        const {mode, prefetch, conditional} = event.detail;
        const challenge = btoa(`serein-challenge-${asked.length + 1}`).replace(/=+$/, '');
        asked.push({prefetch, conditional, challenge});
        const json = {...(mode === 'register' ? REGISTER_OPTIONS : SIGNIN_OPTIONS), challenge};
        event.detail.respondWith((answer ? answer(event.detail).then(() => json) : Promise.resolve(json)) as never);
      });
      return asked;
    }

    /** Stubs `navigator.credentials` and records, for each call, whether it came inside `inClick()`. */
    function stubCeremonies() {
      const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
      let clicking = false;
      const calls: {method: string; duringClick: boolean; challenge: number[]}[] = [];
      const record = (method: string) => (options?: CredentialCreationOptions & CredentialRequestOptions) => {
        calls.push({method, duringClick: clicking, challenge: bytes(options!.publicKey!.challenge)});
        // The person closes the dialog.
        return Promise.reject(new DOMException('Closed (test).', 'NotAllowedError'));
      };
      container.create = record('create');
      container.get = record('get');
      return {
        calls,
        /** Clicks; `navigator.credentials` calls made before `click()` returns are in the click's task. */
        click(target: HTMLElement) {
          clicking = true;
          try {
            target.click();
          } finally {
            clicking = false;
          }
        },
        restore() {
          Reflect.deleteProperty(container, 'create');
          Reflect.deleteProperty(container, 'get');
        },
      };
    }

    const challengeBytes = (challenge: string) => base64urlBytes(challenge);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

    for (const [mode, method] of [
      ['register', 'create'],
      ['signin', 'get'],
    ] as const) {
      it(`asks on focus, not on connect, and calls navigator.credentials.${method} in the click’s task (${mode})`, async () => {
        const stub = stubCeremonies();
        try {
          const element = await mount(`mode="${mode}"`);
          const asked = aheadHost(element);
          const errors = recordEvents(element, ['serein-passkey-error']);
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(asked, 'nothing asked on connect').to.deep.equal([]);
          button(element).focus();
          await until(() => asked.length === 1, 'the options asked ahead');
          expect(asked[0]).to.include({prefetch: true, conditional: false});
          await tick();
          stub.click(button(element));
          expect(stub.calls.map(({method: called, duringClick}) => [called, duringClick])).to.deep.equal([
            [method, true],
          ]);
          expect(stub.calls[0].challenge).to.deep.equal(challengeBytes(asked[0].challenge));
          await until(() => errors.length === 1, 'the ceremony to end');
          // Used once: the button, still focused, asks for new options for the next click.
          await until(() => asked.length === 2, 'new options after the ceremony');
          expect(asked[1]).to.include({prefetch: true});
          await tick();
          stub.click(button(element));
          expect(stub.calls).to.have.length(2);
          expect(stub.calls[1].duringClick).to.equal(true);
          expect(stub.calls[1].challenge).to.deep.equal(challengeBytes(asked[1].challenge));
          expect(stub.calls[1].challenge).not.to.deep.equal(stub.calls[0].challenge);
          expect(
            asked.filter(({prefetch}) => !prefetch),
            'no click had to ask',
          ).to.deep.equal([]);
          await until(() => errors.length === 2, 'the second ceremony to end');
        } finally {
          stub.restore();
        }
      });
    }

    it('asks when the pointer first reaches the button', async () => {
      const element = await mount('mode="register"');
      const asked = aheadHost(element);
      const box = button(element).getBoundingClientRect();
      await sendMouse({type: 'move', position: [Math.round(box.left + 5), Math.round(box.top + 5)]});
      try {
        await until(() => asked.length === 1, 'the options asked ahead');
        expect(asked[0].prefetch).to.equal(true);
      } finally {
        await sendMouse({type: 'move', position: [0, 0]});
      }
    });

    it('falls back to asking after the click when the options are not ready, never using one answer twice', async () => {
      const stub = stubCeremonies();
      try {
        const element = await mount('mode="register"');
        let release = () => {};
        const slow = new Promise<void>((resolve) => (release = resolve));
        const asked = aheadHost(element, (detail) => (detail.prefetch ? slow : Promise.resolve()));
        const errors = recordEvents(element, ['serein-passkey-error']);
        button(element).dispatchEvent(new PointerEvent('pointerenter'));
        await until(() => asked.length === 1, 'the options asked ahead');
        // The answer is still on its way: the click waits for it instead of asking again.
        stub.click(button(element));
        expect(stub.calls).to.deep.equal([]);
        await element.updateComplete;
        expect(textOf(button(element))).to.equal('Getting ready…');
        release();
        await until(() => stub.calls.length === 1, 'the ceremony');
        expect(stub.calls[0].duringClick).to.equal(false);
        expect(stub.calls[0].challenge).to.deep.equal(challengeBytes(asked[0].challenge));
        expect(asked).to.have.length(1);
        await until(() => errors.length === 1, 'the ceremony to end');
        // Not near the button any more: nothing is asked until the next click, which asks itself.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(asked).to.have.length(1);
        stub.click(button(element));
        expect(stub.calls).to.have.length(1);
        await until(() => stub.calls.length === 2, 'the second ceremony');
        expect(asked[1].prefetch).to.equal(false);
        expect(stub.calls[1].challenge).to.deep.equal(challengeBytes(asked[1].challenge));
      } finally {
        stub.restore();
      }
    });

    it('shows nothing when the options asked ahead fail; the click asks again and says why', async () => {
      const element = await mount('mode="signin"');
      const asked = aheadHost(element, () => Promise.reject({code: 'network'}));
      button(element).dispatchEvent(new PointerEvent('pointerenter'));
      await until(() => asked.length === 1, 'the options asked ahead');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(textOf(statusOf(element))).to.equal('');
      button(element).click();
      await until(() => textOf(statusOf(element)).includes('We could not reach the server'), 'the message');
      expect(asked.map(({prefetch}) => prefetch)).to.deep.equal([true, false]);
    });

    it('drops options older than half their timeout, and asks again while the customer is at the button', async () => {
      expect(aheadLifetime({timeout: 60000})).to.equal(30000);
      expect(aheadLifetime({})).to.equal(30000);
      expect(aheadLifetime({timeout: 3_600_000})).to.equal(150000);
      const stub = stubCeremonies();
      const saved = SIGNIN_OPTIONS.timeout;
      // A ceremony window of 200 ms: options asked ahead are good for 100 ms.
      SIGNIN_OPTIONS.timeout = 200;
      try {
        const away = await mount('mode="signin"');
        const awayAsked = aheadHost(away);
        button(away).dispatchEvent(new PointerEvent('pointerenter'));
        await until(() => awayAsked.length === 1, 'the options asked ahead');
        await new Promise((resolve) => setTimeout(resolve, 300));
        stub.click(button(away));
        expect(stub.calls, 'expired options are not used').to.deep.equal([]);
        await until(() => stub.calls.length === 1, 'the ceremony');
        expect(awayAsked.map(({prefetch}) => prefetch)).to.deep.equal([true, false]);
        expect(stub.calls[0].challenge).to.deep.equal(challengeBytes(awayAsked[1].challenge));

        const near = await mount('mode="signin"');
        const nearAsked = aheadHost(near);
        button(near).focus();
        await until(() => nearAsked.length >= 2, 'fresh options once the first expired');
        expect(nearAsked.every(({prefetch}) => prefetch)).to.equal(true);
      } finally {
        SIGNIN_OPTIONS.timeout = saved;
        stub.restore();
      }
    });
  });

  describe('passkey autofill (conditional)', () => {
    const field = '<input id="login" name="username" autocomplete="username webauthn" aria-label="Email" />';

    cdp.it('signs in from the autofill list of the page’s field, verified by the relying party', async () => {
      const credentialId = await registerPasskey();
      const spy = spyOnCredentials();
      try {
        const holder = await fixture<HTMLDivElement>(html`<div></div>`);
        const options = recordEvents(holder, ['serein-passkey-options']);
        const success = recordEvents(holder, ['serein-passkey-success']);
        const verdicts: Verdict[] = [];
        holder.addEventListener('serein-passkey-options', (event) =>
          event.detail.respondWith(command('rp-authentication-options', {allowCredentials: false})),
        );
        holder.addEventListener('serein-passkey-verify', (event) =>
          event.detail.waitUntil(
            command<Verdict>('rp-verify-authentication', {
              response: event.detail.response,
              origin: location.origin,
            }).then((verdict) => verdicts.push(verdict)),
          ),
        );
        // The virtual authenticator picks its passkey from the list at once.
        holder.innerHTML = `${field}<serein-passkey-button mode="signin" conditional></serein-passkey-button>`;
        await until(() => success.length === 1, 'the autofill sign-in');
        expect(options[0].detail).to.include({mode: 'signin', conditional: true});
        expect(spy.calls[0].options.mediation).to.equal('conditional');
        expect(spy.calls[0].options.publicKey!.allowCredentials ?? []).to.deep.equal([]);
        expect(success[0].detail).to.deep.equal({mode: 'signin', conditional: true});
        expect(verdicts[0]).to.include({verified: true, credentialId});
      } finally {
        spy.restore();
      }
    });

    cdp.it('is ended quietly by a click on the button, whose own ceremony then runs', async () => {
      const credentialId = await registerPasskey();
      const spy = spyOnCredentials({holdConditional: true});
      try {
        const element = await mount('mode="signin" conditional', field);
        const host = relyingPartyHost(element);
        const errors = recordEvents(element, ['serein-passkey-error']);
        const success = recordEvents(element, ['serein-passkey-success']);
        await until(() => spy.calls.length === 1, 'the autofill request');
        expect(spy.calls[0].options.mediation).to.equal('conditional');
        expect(textOf(button(element))).to.equal('Sign in with a passkey');
        button(element).click();
        await until(() => success.length === 1, 'the button’s sign-in');
        expect(spy.calls[0].outcome).to.equal('AbortError');
        expect(spy.calls[1].options.mediation).not.to.equal('conditional');
        expect(errors, 'no error for our own abort').to.have.length(0);
        expect(host.verdicts.at(-1)).to.include({verified: true, credentialId});
        await element.updateComplete;
        expect(textOf(statusOf(element))).to.equal('You are signed in with your passkey.');
      } finally {
        spy.restore();
      }
    });

    autofill.it('is aborted when the element leaves the page', async () => {
      const spy = spyOnCredentials({holdConditional: true});
      try {
        const element = await mount('mode="signin" conditional', field);
        fixedHost(element);
        const holder = element.parentElement!;
        await until(() => spy.calls.length === 1, 'the autofill request');
        element.remove();
        await until(() => spy.calls[0].outcome, 'the request to end');
        expect(spy.calls[0].outcome).to.equal('AbortError');
        // Back in the page: offered again.
        holder.append(element);
        await until(() => spy.calls.length === 2, 'a new autofill request');
        expect(spy.calls[1].options.mediation).to.equal('conditional');
      } finally {
        spy.restore();
      }
    });

    it('is not started where the browser cannot offer it, nor without a webauthn field (PK-01)', async () => {
      const api = PublicKeyCredential as unknown as Record<string, unknown>;
      const native = ['getClientCapabilities', 'isConditionalMediationAvailable'].map(
        (name) => [name, Object.getOwnPropertyDescriptor(api, name)] as const,
      );
      const spy = spyOnCredentials({holdConditional: true});
      Object.defineProperty(api, 'getClientCapabilities', {
        configurable: true,
        value: () => Promise.resolve({conditionalGet: false}),
      });
      try {
        const element = await mount('mode="signin" conditional', field);
        const {optionsEvents} = fixedHost(element);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(optionsEvents()).to.equal(0);
        // A capability the browser does not report is unknown: the older check decides.
        Object.defineProperty(api, 'getClientCapabilities', {configurable: true, value: () => Promise.resolve({})});
        Object.defineProperty(api, 'isConditionalMediationAvailable', {
          configurable: true,
          value: () => Promise.resolve(false),
        });
        const second = await mount('mode="signin" conditional', field);
        const secondHost = fixedHost(second);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(secondHost.optionsEvents()).to.equal(0);
        // No field with `webauthn` anywhere in the page.
        element.parentElement!.remove();
        second.parentElement!.remove();
        delete api.getClientCapabilities;
        delete api.isConditionalMediationAvailable;
        const logged = await captureConsole(async () => {
          const third = await mount('mode="signin" conditional');
          const thirdHost = fixedHost(third);
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(thirdHost.optionsEvents()).to.equal(0);
        });
        expect(logged.join('\n')).to.include('autocomplete="username webauthn"');
        expect(spy.calls).to.have.length(0);
      } finally {
        for (const [name, descriptor] of native) {
          delete api[name];
          if (descriptor) Object.defineProperty(api, name, descriptor);
        }
        spy.restore();
      }
    });
  });

  describe('automatic passkey upgrade (register, conditional)', () => {
    const api = () => PublicKeyCredential as unknown as Record<string, unknown>;
    let savedCapabilities: PropertyDescriptor | undefined;
    beforeEach(() => {
      savedCapabilities = Object.getOwnPropertyDescriptor(api(), 'getClientCapabilities');
      sessionStorage.removeItem(UPGRADE_FAILED_KEY);
    });
    afterEach(() => {
      Reflect.deleteProperty(api(), 'getClientCapabilities');
      if (savedCapabilities) Object.defineProperty(api(), 'getClientCapabilities', savedCapabilities);
      sessionStorage.removeItem(UPGRADE_FAILED_KEY);
    });
    /** What the browser says it can do (undefined: no getClientCapabilities at all). */
    const capabilities = (value: Record<string, boolean> | undefined) =>
      Object.defineProperty(api(), 'getClientCapabilities', {
        configurable: true,
        value: value && (() => Promise.resolve(value)),
      });

    /** Stubs `navigator.credentials.create`: each call is recorded and settled by the test. */
    function holdCreate() {
      const container = navigator.credentials as CredentialsContainer & Record<string, unknown>;
      const calls: {options: CredentialCreationOptions; resolve: () => void; reject: (name: string) => void}[] = [];
      const buffer = (text: string) => new TextEncoder().encode(text).buffer;
      container.create = (options?: CredentialCreationOptions) =>
        new Promise<Credential | null>((resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(options.signal!.reason));
          calls.push({
            options: options!,
            resolve: () =>
              resolve({
                id: 'dXBncmFkZWQ',
                rawId: buffer('upgraded'),
                type: 'public-key',
                authenticatorAttachment: 'platform',
                response: {clientDataJSON: buffer('{}'), attestationObject: new Uint8Array([0xa0]).buffer},
                getClientExtensionResults: () => ({}),
              } as unknown as Credential),
            reject: (name) => reject(new DOMException('Not created (test).', name)),
          });
        });
      return {calls, restore: () => Reflect.deleteProperty(container, 'create')};
    }

    async function mountUpgrade(attributes = '') {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const events = recordEvents(holder, [
        'serein-journey',
        'serein-passkey-options',
        'serein-passkey-success',
        'serein-passkey-error',
      ]);
      holder.innerHTML = `<serein-passkey-button mode="register" conditional ${attributes}></serein-passkey-button>`;
      const element = holder.querySelector('serein-passkey-button')!;
      const of = (type: string) => events.filter((event) => event.type === type);
      return {element, of};
    }

    const showsNothing = (element: SereinPasskeyButton) =>
      element.shadowRoot!.childElementCount === 0 && element.getBoundingClientRect().height === 0;

    it('creates the passkey without a dialog where the browser can (mediation “conditional”), showing nothing until it succeeds', async () => {
      capabilities({conditionalCreate: true, conditionalGet: true});
      const create = holdCreate();
      try {
        const {element, of} = await mountUpgrade();
        const verified: boolean[] = [];
        fixedHost(element);
        element.addEventListener('serein-passkey-verify', (event) => verified.push(event.detail.conditional));
        await until(() => create.calls.length === 1, 'the silent creation');
        expect(of('serein-passkey-options')[0].detail).to.include({
          mode: 'register',
          conditional: true,
          prefetch: false,
        });
        expect((create.calls[0].options as {mediation?: string}).mediation).to.equal('conditional');
        expect(bytes(create.calls[0].options.publicKey!.challenge)).to.deep.equal(
          base64urlBytes(REGISTER_OPTIONS.challenge),
        );
        await element.updateComplete;
        expect(showsNothing(element), 'nothing on screen').to.equal(true);
        expect(element.matches(':state(upgrading)')).to.equal(true);
        expect(of('serein-journey'), 'an element that shows nothing reports nothing').to.deep.equal([]);
        const focused = document.activeElement;
        create.calls[0].resolve();
        await until(() => of('serein-passkey-success').length === 1, 'the success');
        expect(verified).to.deep.equal([true]);
        expect(of('serein-passkey-success')[0].detail).to.deep.equal({mode: 'register', conditional: true});
        await until(() => of('serein-journey').some((event) => event.detail.action === 'succeeded'), 'the journey');
        expect(of('serein-journey').map((event) => [event.detail.action, event.detail.step])).to.deep.equal([
          ['shown', undefined],
          ['step', 'upgraded'],
          ['succeeded', undefined],
        ]);
        expect(textOf(statusOf(element))).to.include('Your passkey is ready');
        expect(element.matches(':state(upgrading)')).to.equal(false);
        expect(element.matches(':state(success)')).to.equal(true);
        expect(document.activeElement, 'focus stays where the customer is').to.equal(focused);
        expect(sessionStorage.getItem(UPGRADE_FAILED_KEY)).to.equal(null);
        await expect(element).to.be.accessible();
      } finally {
        create.restore();
      }
    });

    it('confirms a success in the success tone with its icon, and shows the host’s next step (success slot)', async () => {
      capabilities({conditionalCreate: true, conditionalGet: true});
      const create = holdCreate();
      try {
        const {element, of} = await mountUpgrade();
        element.insertAdjacentHTML('beforeend', '<a slot="success" href="/account">Continue</a>');
        fixedHost(element);
        await until(() => create.calls.length === 1, 'the silent creation');
        expect(element.shadowRoot!.querySelector('slot[name="success"]'), 'no next step before success').to.equal(null);
        create.calls[0].resolve();
        await until(() => of('serein-passkey-success').length === 1, 'the success');
        await element.updateComplete;
        const box = statusOf(element).querySelector<HTMLElement>('[part="alert"]')!;
        expect(box.dataset.tone).to.equal('success');
        expect(box.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
        const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="success"]')!;
        expect(slot.assignedElements()[0].textContent).to.equal('Continue');
        // Outside the live region: the next step is not read out with the confirmation.
        expect(statusOf(element).contains(slot)).to.equal(false);
        await expect(element).to.be.accessible();
      } finally {
        create.restore();
      }
    });

    for (const failure of ['the browser', 'the host'] as const) {
      it(`shows nothing when ${failure} refuses, and offers it visibly next time in this session`, async () => {
        capabilities({conditionalCreate: true});
        const create = holdCreate();
        try {
          const {element, of} = await mountUpgrade();
          element.addEventListener('serein-passkey-options', (event) =>
            event.detail.respondWith(REGISTER_OPTIONS as never),
          );
          element.addEventListener('serein-passkey-verify', (event) =>
            event.detail.waitUntil(Promise.reject({code: 'passkey-not-verified'})),
          );
          await until(() => create.calls.length === 1, 'the silent creation');
          if (failure === 'the browser') {
            create.calls[0].reject('NotAllowedError');
            await until(() => of('serein-passkey-error').length === 1, 'the diagnostic event');
            expect(of('serein-passkey-error')[0].detail).to.deep.equal({
              mode: 'register',
              conditional: true,
              name: 'NotAllowedError',
              cancelled: true,
            });
          } else {
            create.calls[0].resolve();
          }
          await until(() => sessionStorage.getItem(UPGRADE_FAILED_KEY) !== null, 'the failure to be remembered');
          await element.updateComplete;
          expect(showsNothing(element)).to.equal(true);
          expect(of('serein-passkey-success')).to.deep.equal([]);
          expect(of('serein-journey')).to.deep.equal([]);

          // The next suitable moment: the visible offer, and nothing asked until the customer acts.
          const next = await mountUpgrade();
          fixedHost(next.element);
          await until(() => button(next.element), 'the visible offer');
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(textOf(button(next.element))).to.equal('Create a passkey');
          expect(textOf(next.element.shadowRoot!.querySelector('[part="dismiss"]')!)).to.equal('Not now');
          expect(next.of('serein-passkey-options')).to.deep.equal([]);
          expect(create.calls).to.have.length(1);
        } finally {
          create.restore();
        }
      });
    }

    for (const [label, reported] of [
      ['reports no conditionalCreate', {conditionalCreate: false, conditionalGet: true}],
      ['cannot be asked (no getClientCapabilities)', undefined],
    ] as const) {
      it(`shows the visible offer with “Not now” where the browser ${label}`, async () => {
        capabilities(reported);
        const create = holdCreate();
        try {
          const {element, of} = await mountUpgrade();
          fixedHost(element);
          await until(() => button(element), 'the visible offer');
          expect(element.matches(':state(upgrading)')).to.equal(false);
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(of('serein-passkey-options')).to.deep.equal([]);
          await expect(element).to.be.accessible();
          // The customer acts: an ordinary registration, with its dialog.
          button(element).click();
          await until(() => create.calls.length === 1, 'the registration');
          expect((create.calls[0].options as {mediation?: string}).mediation).to.equal(undefined);
          expect(of('serein-passkey-options')[0].detail).to.include({conditional: false});
          create.calls[0].resolve();
          await until(() => of('serein-passkey-success').length === 1, 'the success');
          expect(of('serein-passkey-success')[0].detail).to.deep.equal({mode: 'register', conditional: false});
          expect(of('serein-journey').map((event) => event.detail.step)).not.to.include('upgraded');

          const declined = await mountUpgrade();
          await until(() => declined.element.shadowRoot!.querySelector('[part="dismiss"]'), 'the offer');
          declined.element.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss"]')!.click();
          expect(declined.element.hidden).to.equal(true);
          expect(declined.of('serein-journey').map((event) => event.detail.action)).to.include('deferred');
        } finally {
          create.restore();
        }
      });
    }

    it('follows the browser’s own answer (Firefox: the visible offer)', async () => {
      const reported = await (
        PublicKeyCredential as unknown as {getClientCapabilities?: () => Promise<Record<string, boolean>>}
      ).getClientCapabilities?.();
      if (engine === 'firefox') expect(reported?.conditionalCreate, 'Firefox’s conditionalCreate').not.to.equal(true);
      const create = holdCreate();
      try {
        const {element} = await mountUpgrade();
        fixedHost(element);
        if (reported?.conditionalCreate === true) {
          await until(() => create.calls.length === 1, 'the silent creation');
          expect(showsNothing(element)).to.equal(true);
        } else {
          await until(() => button(element), 'the visible offer');
          expect(create.calls).to.deep.equal([]);
        }
      } finally {
        create.restore();
      }
    });

    cdp.it(
      'reaches Chromium’s own WebAuthn with mediation “conditional”, shows nothing, and ends when the element leaves',
      async () => {
        // Headless Chromium reports conditionalCreate, but without a password manager that has
        // just been used its virtual authenticator creates nothing: the request waits, silent.
        const spy = spyOnCredentials();
        try {
          const {element, of} = await mountUpgrade();
          relyingPartyHost(element);
          await until(() => spy.calls.length === 1, 'the silent creation');
          expect(spy.calls[0].method).to.equal('create');
          expect(spy.calls[0].options.mediation).to.equal('conditional');
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(showsNothing(element)).to.equal(true);
          expect(await command<number>('webauthn-credentials')).to.equal(0);
          element.remove();
          await until(() => spy.calls[0].outcome, 'the request to end');
          expect(spy.calls[0].outcome).to.equal('AbortError');
          expect(of('serein-passkey-error'), 'no error for our own abort').to.deep.equal([]);
          expect(sessionStorage.getItem(UPGRADE_FAILED_KEY)).to.equal(null);
        } finally {
          spy.restore();
        }
      },
    );
  });

  describe('browsers without passkeys', () => {
    let saved: PropertyDescriptor | undefined;
    beforeEach(() => {
      saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
      // As in a browser without WebAuthn.
      delete (window as unknown as Record<string, unknown>).PublicKeyCredential;
    });
    afterEach(() => {
      if (saved) Object.defineProperty(window, 'PublicKeyCredential', saved);
    });

    it('hides itself, says so to the host, and reports no journey', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const events = recordEvents(holder, ['serein-passkey-unsupported', 'serein-journey']);
      holder.innerHTML = '<serein-passkey-button mode="register"></serein-passkey-button>';
      const element = holder.querySelector('serein-passkey-button')!;
      await until(() => events.length > 0, 'serein-passkey-unsupported');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events.map((event) => event.type)).to.deep.equal(['serein-passkey-unsupported']);
      expect(events[0].detail).to.deep.equal({mode: 'register'});
      expect(getComputedStyle(element).display).to.equal('none');
      expect(element.matches(':state(unsupported)')).to.equal(true);
    });

    it('explains calmly with show-unsupported, with the other way and the help link', async () => {
      const element = await mount('mode="signin" show-unsupported support-href="/help"');
      expect(getComputedStyle(element).display).to.equal('block');
      expect(button(element)).to.equal(null);
      expect(textOf(statusOf(element))).to.equal(
        'This browser cannot use passkeys. You can keep signing in the way you do now.',
      );
      const alternative = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="alternative"]')!;
      expect(textOf(alternative)).to.equal('Sign in another way');
      const chosen = recordEvents(element, ['serein-passkey-alternative']);
      alternative.click();
      expect(chosen.map((event) => event.detail)).to.deep.equal([{mode: 'signin'}]);
      const help = element.shadowRoot!.querySelector<HTMLAnchorElement>('.serein-help a')!;
      expect(help.getAttribute('href')).to.equal('/help');
      expect(element.shadowRoot!.querySelector('[part="base"]')!.lastElementChild!.contains(help)).to.equal(true);
      await expect(element).to.be.accessible();

      // Creating a passkey: nothing to sign in with instead, the help link only.
      const register = await mount('mode="register" show-unsupported support-href="/help"');
      expect(register.shadowRoot!.querySelector('[part="alternative"]')).to.equal(null);
      expect(register.shadowRoot!.querySelector('.serein-help a')).to.exist;
    });
  });

  describe('“Not now”', () => {
    autofill.it(
      'emits serein-passkey-dismiss and a deferred journey, then hides itself unless the host prevents it',
      async () => {
        const spy = spyOnCredentials({holdConditional: true});
        try {
          const element = await mount(
            'mode="signin" dismissible conditional',
            '<input autocomplete="username webauthn" aria-label="Email" />',
          );
          fixedHost(element);
          await until(() => spy.calls.length === 1, 'the autofill request');
          const events = recordEvents(element, ['serein-passkey-dismiss', 'serein-journey']);
          const dismiss = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss"]')!;
          expect(textOf(dismiss)).to.equal('Not now');
          dismiss.focus();
          await sendKeys({press: 'Enter'});
          expect(events.filter((event) => event.type === 'serein-passkey-dismiss')[0].detail).to.deep.equal({
            mode: 'signin',
          });
          expect(journeyOf(events.filter((event) => event.type === 'serein-journey'))).to.include('deferred');
          expect(element.hidden).to.equal(true);
          // Autofill ends with it, and is not offered again while hidden.
          await until(() => spy.calls[0].outcome, 'the autofill request to end');
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(spy.calls.map(({outcome}) => outcome)).to.deep.equal(['AbortError']);
        } finally {
          spy.restore();
        }

        const kept = await mount('mode="register" dismissible');
        kept.addEventListener('serein-passkey-dismiss', (event) => event.preventDefault());
        kept.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss"]')!.click();
        expect(kept.hidden).to.equal(false);
      },
    );
  });

  describe('languages', () => {
    afterEach(async () => {
      await useSereinLocalization({locale: 'en'});
      document.documentElement.removeAttribute('dir');
    });

    it('names the passkey in every language, and uses per-instance wording as text', async () => {
      const element = await mount('mode="register"');
      const words = {fr: /clé d’accès/, de: /Passkey/, es: /llave de acceso/, ar: /مفتاح (ال)?مرور/};
      for (const [locale, word] of Object.entries(words)) {
        await useSereinLocalization({locale});
        await element.updateComplete;
        expect(textOf(button(element)), locale).to.match(word);
        expect(textOf(element.shadowRoot!.querySelector('[part="intro"]')!), locale).not.to.include('passkey ');
      }
      document.documentElement.dir = 'rtl';
      await expect(element).to.be.accessible();
      await useSereinLocalization({locale: 'en'});
      element.strings = {'passkey-button.register': 'Create an <b>Acme</b> passkey'};
      await element.updateComplete;
      expect(textOf(button(element))).to.equal('Create an <b>Acme</b> passkey');
      expect(button(element).querySelector('b')).to.equal(null);
    });
  });
});

const harness: ComponentHarness = {
  tag: 'serein-passkey-button',
  async mount(container) {
    const element = document.createElement('serein-passkey-button');
    element.mode = 'register';
    element.dismissible = true;
    container.append(element);
    await element.updateComplete;
    return element;
  },
  // The layout suite's long text becomes the host's own explanation of a failure, shown as text.
  async enterSecret(element, text) {
    element.addEventListener('serein-passkey-options', (event) =>
      (event as CustomEvent).detail.respondWith(
        Promise.reject({code: 'unavailable', reference: 'ACME-7Q2K-42', message: text}),
      ),
    );
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
  },
  async settle(element) {
    await until(() => element.shadowRoot!.querySelector('[role="status"] code'), 'the message');
    await (element as SereinPasskeyButton).updateComplete;
  },
  secretEvents: ['serein-passkey-verify'],
  lightDomSelectors: [],
};

layoutSuite(harness);

cdp.describe('serein-passkey-button under a strict CSP', () => {
  before(() => command('webauthn-add'));
  after(() => command('webauthn-remove'));
  strictCspSuite('serein-passkey-button', 'passkey-button');
});
