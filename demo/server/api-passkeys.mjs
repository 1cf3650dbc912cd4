// Passkeys with @simplewebauthn/server: registration for a signed-in customer, and sign-in
// without a username (also from the browser's autofill, "conditional mediation").
// The relying party id is the page's host name and the expected origin the page's own origin.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import {ApiError, fail} from './http.mjs';
import {afterSignIn} from './api-account.mjs';

/** @typedef {import('./accounts.mjs').Context} Context */
/** @typedef {import('./app.mjs').Deps} Deps */

const RP_NAME = 'Serein demo';
const CHALLENGE_MINUTES = 5;

/**
 * The challenge inside a response's clientDataJSON (checked again by the library).
 * @param {unknown} response
 */
function challengeOf(response) {
  try {
    const clientData = /** @type {{response?: {clientDataJSON?: unknown}}} */ (response).response?.clientDataJSON;
    return String(JSON.parse(Buffer.from(String(clientData), 'base64url').toString('utf8')).challenge);
  } catch {
    return '';
  }
}

/**
 * @param {Deps} deps
 * @returns {Record<string, (context: Context) => unknown>}
 */
export function passkeyRoutes(deps) {
  const {accounts, store} = deps;
  /** Challenges handed out and not yet used, kept server-side (WebAuthn L3 §13.4.3). */
  /** @type {Map<string, {purpose: 'registration' | 'authentication', userId: number | null, expiresAt: number}>} */
  const challenges = new Map();

  /**
   * @param {string} challenge
   * @param {'registration' | 'authentication'} purpose
   * @param {number | null} userId
   */
  function remember(challenge, purpose, userId) {
    const now = Date.now();
    for (const [key, value] of challenges) if (value.expiresAt <= now) challenges.delete(key);
    if (challenges.size > 10_000) challenges.delete(challenges.keys().next().value ?? '');
    challenges.set(challenge, {purpose, userId, expiresAt: now + CHALLENGE_MINUTES * 60_000});
  }

  /**
   * Takes the response's challenge out of the list (each one works once).
   * @param {unknown} response
   * @param {'registration' | 'authentication'} purpose
   * @param {number | null} userId
   * @returns {string} the challenge, or '' when the server did not hand it out for this
   */
  function take(response, purpose, userId) {
    const challenge = challengeOf(response);
    const entry = challenges.get(challenge);
    challenges.delete(challenge);
    const valid = !!entry && entry.purpose === purpose && entry.userId === userId && entry.expiresAt > Date.now();
    return valid ? challenge : '';
  }

  return {
    'POST /api/passkeys/registration/options': async (context) => {
      const {user} = accounts.signedIn(context);
      const existing = store.all('SELECT id, transports FROM passkeys WHERE user_id = ?', [user.id]);
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID: context.hostname,
        userName: user.email,
        userDisplayName: user.name,
        userID: Buffer.from(user.webauthn_user_id, 'base64url'),
        attestationType: 'none',
        excludeCredentials: existing.map((row) => ({
          id: String(row.id),
          transports: JSON.parse(String(row.transports)),
        })),
        authenticatorSelection: {residentKey: 'required', userVerification: 'preferred'},
      });
      remember(options.challenge, 'registration', user.id);
      return options;
    },

    'POST /api/passkeys/registration/verify': async (context) => {
      const {user} = accounts.signedIn(context);
      const response = /** @type {import('@simplewebauthn/server').RegistrationResponseJSON} */ (context.body.response);
      const challenge = take(response, 'registration', user.id);
      if (!challenge) throw new ApiError(400, 'passkey-not-verified');
      const verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: context.origin,
        expectedRPID: context.hostname,
        requireUserVerification: false,
      }).catch(() => undefined);
      if (!verification?.verified) throw new ApiError(400, 'passkey-not-verified');
      const {credential, credentialBackedUp} = verification.registrationInfo;
      store.run(
        `INSERT INTO passkeys (id, user_id, public_key, counter, transports, backed_up, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          credential.id,
          user.id,
          Buffer.from(credential.publicKey).toString('base64url'),
          credential.counter,
          JSON.stringify(credential.transports ?? []),
          credentialBackedUp ? 1 : 0,
          Date.now(),
        ],
      );
      accounts.notify(user, 'A passkey was added', 'A passkey was added to your Serein demo account', context.origin);
      return {id: credential.id};
    },

    'POST /api/passkeys/authentication/options': async (context) => {
      // No allowCredentials: the authenticator offers the passkeys it holds for this site, so
      // the same options serve a button click and the browser's autofill (conditional).
      const options = await generateAuthenticationOptions({rpID: context.hostname, userVerification: 'preferred'});
      remember(options.challenge, 'authentication', null);
      return options;
    },

    'POST /api/passkeys/authentication/verify': async (context) => {
      const response = /** @type {import('@simplewebauthn/server').AuthenticationResponseJSON} */ (
        context.body.response
      );
      const row =
        typeof response?.id === 'string' ? store.get('SELECT * FROM passkeys WHERE id = ?', [response.id]) : undefined;
      const user = row && accounts.byId(Number(row.user_id));
      if (!row || !user) throw new ApiError(400, 'passkey-unknown-credential');
      const challenge = take(response, 'authentication', null);
      if (!challenge) throw new ApiError(400, 'passkey-not-verified');
      const handle = response.response?.userHandle;
      if (handle && handle !== user.webauthn_user_id) throw new ApiError(400, 'passkey-not-verified');
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: context.origin,
        expectedRPID: context.hostname,
        credential: {
          id: String(row.id),
          publicKey: Buffer.from(String(row.public_key), 'base64url'),
          counter: Number(row.counter),
          transports: JSON.parse(String(row.transports)),
        },
        requireUserVerification: false,
      }).catch(() => undefined);
      if (!verification?.verified) throw new ApiError(400, 'passkey-not-verified');
      store.run('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?', [
        verification.authenticationInfo.newCounter,
        Date.now(),
        String(row.id),
      ]);
      // A passkey is possession and a local unlock at once: no second step after it.
      accounts.startSession(context, user, 'full', 'passkey');
      return {next: afterSignIn(user, context.body.next)};
    },

    'POST /api/passkeys/remove': (context) => {
      const {user} = accounts.signedIn(context);
      const id = typeof context.body.id === 'string' ? context.body.id : '';
      if (store.run('DELETE FROM passkeys WHERE id = ? AND user_id = ?', [id, user.id]).changes === 0) {
        throw fail.badRequest('There is no such passkey on your account.');
      }
      accounts.notify(
        user,
        'A passkey was removed',
        'A passkey was removed from your Serein demo account',
        context.origin,
      );
      return {removed: id};
    },
  };
}
