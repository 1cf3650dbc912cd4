import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {signalAcceptedPasskeys, signalPasskeyUserDetails} from '../../passkey-button.js';
import {until} from '../../../test/support/helpers.js';
import {chromiumOnly, engine} from '../../../test/support/engine.js';

const METHODS = ['signalAllAcceptedCredentials', 'signalCurrentUserDetails'] as const;
const api = () => PublicKeyCredential as unknown as Record<string, unknown>;
const command = <T>(name: string, payload?: object) => executeServerCommand(name, payload) as Promise<T>;

/** Replaces the browser's signal methods for one test; `restore()` puts the browser's back. */
function stubSignals(make: (method: string) => unknown) {
  const saved = METHODS.map((name) => [name, Object.getOwnPropertyDescriptor(api(), name)] as const);
  for (const name of METHODS) Object.defineProperty(api(), name, {configurable: true, value: make(name)});
  return () => {
    for (const [name, descriptor] of saved) {
      Reflect.deleteProperty(api(), name);
      if (descriptor) Object.defineProperty(api(), name, descriptor);
    }
  };
}

const ACCOUNT = {userId: 'dXNlci0x', credentialIds: ['Y3JlZC0x', 'Y3JlZC0y']};
const NAMES = {userId: 'dXNlci0x', name: 'camille@example.com', displayName: 'Camille Martin'};

describe('passkey signals (signalAcceptedPasskeys, signalPasskeyUserDetails)', () => {
  it('hand the account’s passkeys and names to the browser, and resolve true when it takes them', async () => {
    const calls: [string, unknown][] = [];
    const restore = stubSignals((method) => (options: unknown) => {
      calls.push([method, options]);
      return Promise.resolve();
    });
    try {
      expect(await signalAcceptedPasskeys(ACCOUNT)).to.equal(true);
      expect(await signalPasskeyUserDetails({...NAMES, rpId: 'example.com'})).to.equal(true);
    } finally {
      restore();
    }
    expect(calls).to.deep.equal([
      [
        'signalAllAcceptedCredentials',
        {rpId: location.hostname, userId: 'dXNlci0x', allAcceptedCredentialIds: ['Y3JlZC0x', 'Y3JlZC0y']},
      ],
      [
        'signalCurrentUserDetails',
        {rpId: 'example.com', userId: 'dXNlci0x', name: 'camille@example.com', displayName: 'Camille Martin'},
      ],
    ]);
  });

  it('resolve false, never rejecting, when the browser refuses or throws', async () => {
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    let restore = stubSignals(() => () => Promise.reject(new DOMException('opaque', 'SecurityError')));
    try {
      expect(await signalAcceptedPasskeys(ACCOUNT)).to.equal(false);
      expect(await signalPasskeyUserDetails(NAMES)).to.equal(false);
      restore();
      restore = stubSignals(() => () => {
        throw new TypeError('Invalid base64url (test).');
      });
      expect(await signalAcceptedPasskeys({...ACCOUNT, userId: 'not base64url!'})).to.equal(false);
      expect(await signalPasskeyUserDetails(NAMES)).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections).to.deep.equal([]);
    } finally {
      restore();
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('resolve false where the browser has no signal API (as in Firefox), or no WebAuthn at all', async () => {
    if (engine === 'firefox') {
      // Firefox has no signal API: its own answer is the fallback.
      expect(METHODS.filter((name) => name in api())).to.deep.equal([]);
      expect(await signalAcceptedPasskeys(ACCOUNT)).to.equal(false);
      expect(await signalPasskeyUserDetails(NAMES)).to.equal(false);
    }
    const restore = stubSignals(() => undefined);
    try {
      expect(await signalAcceptedPasskeys(ACCOUNT)).to.equal(false);
      expect(await signalPasskeyUserDetails(NAMES)).to.equal(false);
    } finally {
      restore();
    }
    const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Reflect.deleteProperty(window, 'PublicKeyCredential');
    try {
      expect(await signalAcceptedPasskeys(ACCOUNT)).to.equal(false);
      expect(await signalPasskeyUserDetails(NAMES)).to.equal(false);
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', saved);
    }
  });

  chromiumOnly('CDP virtual authenticator').it(
    'are taken by Chromium for a passkey made on this page, and a passkey left out of the list is removed',
    async () => {
      await command('webauthn-add');
      try {
        // A passkey made directly (no ceremony module: the page's requests stay its own).
        const base64url = (bytes: Uint8Array) =>
          btoa(String.fromCharCode(...bytes))
            .replace(/\+/g, '-')
            .replace(/\//g, '_')
            .replace(/=+$/, '');
        const user = crypto.getRandomValues(new Uint8Array(16));
        const credential = (await navigator.credentials.create({
          publicKey: {
            challenge: crypto.getRandomValues(new Uint8Array(32)),
            rp: {name: 'Serein tests', id: location.hostname},
            user: {id: user, name: 'camille@example.com', displayName: 'Camille'},
            pubKeyCredParams: [{type: 'public-key', alg: -7}],
            authenticatorSelection: {residentKey: 'required', userVerification: 'required'},
          },
        })) as PublicKeyCredential;
        const userId = base64url(user);
        const credentialId = base64url(new Uint8Array(credential.rawId));
        expect(credentialId).to.equal(credential.id);
        expect(await command<number>('webauthn-credentials')).to.equal(1);
        expect(await signalPasskeyUserDetails({userId, name: 'camille@example.com', displayName: 'Camille'})).to.equal(
          true,
        );
        expect(await signalAcceptedPasskeys({userId, credentialIds: [credentialId]})).to.equal(true);
        expect(await command<number>('webauthn-credentials')).to.equal(1);
        // The server no longer accepts it: the device forgets it.
        expect(await signalAcceptedPasskeys({userId, credentialIds: []})).to.equal(true);
        await until(async () => (await command<number>('webauthn-credentials')) === 0, 'the passkey to be removed');
      } finally {
        await command('webauthn-remove');
      }
    },
  );
});
