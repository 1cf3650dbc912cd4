// A virtual passkey authenticator for the browser tests, driven through the DevTools protocol's
// WebAuthn domain on the test's own page (Playwright launcher): real ceremonies, no system dialog.

/**
 * A platform authenticator with resident keys whose user verification succeeds and whose
 * presence is confirmed at once, as a customer who unlocks the device would.
 */
export const PLATFORM_AUTHENTICATOR = Object.freeze({
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
});

/**
 * An authenticator that holds passkeys but cannot verify the user (a security key without a PIN,
 * or a software authenticator): every answer has user presence and no user verification.
 */
export const AUTHENTICATOR_WITHOUT_USER_VERIFICATION = Object.freeze({
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: false,
  automaticPresenceSimulation: true,
});

/**
 * Adds a {@link PLATFORM_AUTHENTICATOR} through a DevTools session whose WebAuthn domain is on.
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<string>} its id
 */
export async function addPlatformAuthenticator(cdp) {
  const {authenticatorId} = await cdp.send('WebAuthn.addVirtualAuthenticator', {options: {...PLATFORM_AUTHENTICATOR}});
  return authenticatorId;
}

/** @type {Map<string, {cdp: import('playwright-core').CDPSession, authenticatorId?: string}>} */
const sessions = new Map();

async function cdpFor(session) {
  let entry = sessions.get(session.id);
  if (!entry) {
    if (session.browser.type !== 'playwright') {
      throw new Error(`The virtual authenticator needs the DevTools protocol (Chromium), not ${session.browser.name}`);
    }
    const page = session.browser.getPage(session.id);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    entry = {cdp};
    sessions.set(session.id, entry);
    page.once('close', () => sessions.delete(session.id));
  }
  return entry;
}

/**
 * Runs a virtual-authenticator command (`webauthn-…`) for a test session; returns undefined for
 * other commands. `webauthn-add` (a platform authenticator with resident keys and user
 * verification that succeeds), `webauthn-user-verified` {verified} (false: the person does not
 * confirm, as when they cancel), `webauthn-credentials` (how many it holds), `webauthn-remove`.
 */
export async function virtualAuthenticatorCommand(session, command, payload = {}) {
  if (!command.startsWith('webauthn-')) return undefined;
  const entry = await cdpFor(session);
  const {cdp} = entry;
  switch (command) {
    case 'webauthn-add': {
      if (entry.authenticatorId) {
        await cdp.send('WebAuthn.removeVirtualAuthenticator', {authenticatorId: entry.authenticatorId});
      }
      entry.authenticatorId = await addPlatformAuthenticator(cdp);
      return true;
    }
    case 'webauthn-user-verified':
      if (!entry.authenticatorId) throw new Error('no virtual authenticator');
      await cdp.send('WebAuthn.setUserVerified', {
        authenticatorId: entry.authenticatorId,
        isUserVerified: payload.verified !== false,
      });
      return true;
    case 'webauthn-credentials': {
      if (!entry.authenticatorId) return 0;
      const {credentials} = await cdp.send('WebAuthn.getCredentials', {authenticatorId: entry.authenticatorId});
      return credentials.length;
    }
    case 'webauthn-remove':
      if (entry.authenticatorId) {
        await cdp.send('WebAuthn.removeVirtualAuthenticator', {authenticatorId: entry.authenticatorId});
        entry.authenticatorId = undefined;
      }
      return true;
    default:
      throw new Error(`unknown virtual-authenticator command ${command}`);
  }
}
