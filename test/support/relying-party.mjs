// A real WebAuthn relying party for the browser tests, on the test server's side: it makes the
// options a host's backend would send and verifies the browser's answers with
// @simplewebauthn/server. Credentials are kept in memory, per test session (one page each).
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

const RP_ID = 'localhost';
const RP_NAME = 'Serein tests';

/** One relying party per test session: its users' credentials and the challenge it expects. */
class RelyingParty {
  /** @type {{id: string, publicKey: Uint8Array, counter: number, transports?: string[], userName: string}[]} */
  credentials = [];
  /** @type {string | undefined} */
  challenge;

  /** Registration options for `userName`; with `exclude`, the credentials already known are excluded. */
  async registrationOptions({userName = 'camille@example.com', exclude = true} = {}) {
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: RP_ID,
      userName,
      attestationType: 'none',
      excludeCredentials: exclude ? this.credentials.map(({id, transports}) => ({id, transports})) : [],
      authenticatorSelection: {residentKey: 'required', userVerification: 'required'},
    });
    this.challenge = options.challenge;
    return options;
  }

  async verifyRegistration({response, origin, userName = 'camille@example.com'}) {
    const expectedChallenge = this.challenge;
    this.challenge = undefined;
    try {
      const result = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: RP_ID,
        requireUserVerification: true,
      });
      if (!result.verified) return {verified: false};
      const {credential} = result.registrationInfo;
      this.credentials.push({...credential, userName});
      return {verified: true, credentialId: credential.id, userVerified: result.registrationInfo.userVerified};
    } catch (error) {
      return {verified: false, error: String(error?.message ?? error)};
    }
  }

  /** Sign-in options: naming the known credentials, or none at all (usernameless / autofill). */
  async authenticationOptions({allowCredentials = true} = {}) {
    const options = await generateAuthenticationOptions({
      rpID: RP_ID,
      allowCredentials: allowCredentials ? this.credentials.map(({id, transports}) => ({id, transports})) : [],
      userVerification: 'required',
    });
    this.challenge = options.challenge;
    return options;
  }

  async verifyAuthentication({response, origin}) {
    const expectedChallenge = this.challenge;
    this.challenge = undefined;
    const credential = this.credentials.find(({id}) => id === response?.id);
    if (!credential) return {verified: false, unknownCredential: true};
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: RP_ID,
        credential,
        requireUserVerification: true,
      });
      if (result.verified) credential.counter = result.authenticationInfo.newCounter;
      return {
        verified: result.verified,
        credentialId: result.authenticationInfo.credentialID,
        userName: credential.userName,
      };
    } catch (error) {
      return {verified: false, error: String(error?.message ?? error)};
    }
  }
}

/** @type {Map<string, RelyingParty>} */
const parties = new Map();

/**
 * Runs a relying-party command (`rp-…`) for a test session; returns undefined for other commands.
 * Payloads: `rp-registration-options` {userName?, exclude?}, `rp-verify-registration` {response,
 * origin}, `rp-authentication-options` {allowCredentials?}, `rp-verify-authentication`
 * {response, origin}, `rp-reset`.
 */
export async function relyingPartyCommand(sessionId, command, payload = {}) {
  if (!command.startsWith('rp-')) return undefined;
  let party = parties.get(sessionId);
  if (!party || command === 'rp-reset') parties.set(sessionId, (party = new RelyingParty()));
  switch (command) {
    case 'rp-reset':
      return true;
    case 'rp-registration-options':
      return party.registrationOptions(payload);
    case 'rp-verify-registration':
      return party.verifyRegistration(payload);
    case 'rp-authentication-options':
      return party.authenticationOptions(payload);
    case 'rp-verify-authentication':
      return party.verifyAuthentication(payload);
    default:
      throw new Error(`unknown relying-party command ${command}`);
  }
}
