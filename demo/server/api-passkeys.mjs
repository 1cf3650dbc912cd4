// Passkeys with @simplewebauthn/server: registration for a signed-in customer, and sign-in
// without a username (also from the browser's autofill, "conditional mediation").
// The relying party id is the page's host name and the expected origin the page's own origin.
//
// User verification (a PIN, a fingerprint, a face, the screen lock) is what makes a passkey two
// factors at once. Options ask for it (`userVerification: 'required'`), but a browser's answer
// is not proof that it was done: the server reads the flag in the signed authenticator data.
// - Registration: refused without user verification, except the automatic upgrade
//   (conditional create, where the browser adds a passkey with no dialog) within
//   UPGRADE_MINUTES of a full sign-in; signing in with that passkey still needs verification.
// - Sign-in: with verification, a full session. Without it (a security key with no PIN, or a
//   software authenticator), the passkey counts as the password only: an account with two-step
//   verification still gets the second step, as after a password.
// - Confirming who you are before a sensitive change (recent-auth.mjs): verification required.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import {ApiError, fail} from './http.mjs';
import {afterSignIn} from './api-account.mjs';
import {justSignedIn, recordAuthentication, requireRecentAuthentication, REAUTHENTICATE} from './recent-auth.mjs';

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
  /**
   * Challenges handed out and not yet used, kept server-side (WebAuthn L3 §13.4.3). `conditional`:
   * registration options for the automatic upgrade.
   * @typedef {'registration' | 'authentication' | 'reauthentication'} Purpose
   * @type {Map<string, {purpose: Purpose, userId: number | null, conditional: boolean, expiresAt: number}>}
   */
  const challenges = new Map();

  /**
   * @param {string} challenge
   * @param {Purpose} purpose
   * @param {number | null} userId
   * @param {boolean} [conditional]
   */
  function remember(challenge, purpose, userId, conditional = false) {
    const now = Date.now();
    for (const [key, value] of challenges) if (value.expiresAt <= now) challenges.delete(key);
    if (challenges.size > 10_000) challenges.delete(challenges.keys().next().value ?? '');
    challenges.set(challenge, {purpose, userId, conditional, expiresAt: now + CHALLENGE_MINUTES * 60_000});
  }

  /**
   * Takes the response's challenge out of the list (each one works once).
   * @param {unknown} response
   * @param {Purpose} purpose
   * @param {number | null} userId
   * @returns {{challenge: string, conditional: boolean} | undefined} undefined when the server did
   *   not hand it out for this
   */
  function take(response, purpose, userId) {
    const challenge = challengeOf(response);
    const entry = challenges.get(challenge);
    challenges.delete(challenge);
    const valid = !!entry && entry.purpose === purpose && entry.userId === userId && entry.expiresAt > Date.now();
    return valid ? {challenge, conditional: entry.conditional} : undefined;
  }

  /**
   * The automatic upgrade is for the minutes just after signing in; any other time it is
   * refused (the browser then shows nothing, and a visible offer can follow later).
   * @param {{tokenHash: string}} session
   */
  function checkUpgradeWindow(session) {
    if (!justSignedIn(store, session)) {
      throw new ApiError(403, REAUTHENTICATE, {
        message: 'A passkey can be added without asking only just after signing in.',
      });
    }
  }

  /**
   * A stored passkey as @simplewebauthn/server wants it.
   * @param {import('./store.mjs').Row} row
   */
  const storedCredential = (row) => ({
    id: String(row.id),
    publicKey: Buffer.from(String(row.public_key), 'base64url'),
    counter: Number(row.counter),
    transports: JSON.parse(String(row.transports)),
  });

  return {
    'POST /api/passkeys/registration/options': async (context) => {
      const session = accounts.signedIn(context);
      requireRecentAuthentication(store, session);
      const conditional = context.body.conditional === true;
      if (conditional) checkUpgradeWindow(session);
      const {user} = session;
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
        // For the automatic upgrade the browser itself leaves user verification out.
        authenticatorSelection: {residentKey: 'required', userVerification: 'required'},
      });
      remember(options.challenge, 'registration', user.id, conditional);
      return options;
    },

    'POST /api/passkeys/registration/verify': async (context) => {
      const session = accounts.signedIn(context);
      requireRecentAuthentication(store, session);
      const {user} = session;
      const response = /** @type {import('@simplewebauthn/server').RegistrationResponseJSON} */ (context.body.response);
      const taken = take(response, 'registration', user.id);
      if (!taken) throw new ApiError(400, 'passkey-not-verified');
      // Only options made for the automatic upgrade, and still within its window, may skip
      // presence and verification.
      if (taken.conditional) checkUpgradeWindow(session);
      const verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: taken.challenge,
        expectedOrigin: context.origin,
        expectedRPID: context.hostname,
        requireUserPresence: !taken.conditional,
        requireUserVerification: !taken.conditional,
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
      accounts.notify(user, 'passkey-added', context);
      return {id: credential.id};
    },

    'POST /api/passkeys/authentication/options': async (context) => {
      // No allowCredentials: the authenticator offers the passkeys it holds for this site, so
      // the same options serve a button click and the browser's autofill (conditional).
      const options = await generateAuthenticationOptions({rpID: context.hostname, userVerification: 'required'});
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
      const taken = take(response, 'authentication', null);
      if (!taken) throw new ApiError(400, 'passkey-not-verified');
      const handle = response.response?.userHandle;
      if (handle && handle !== user.webauthn_user_id) throw new ApiError(400, 'passkey-not-verified');
      // Verified without requiring the flag, so that a passkey without user verification can
      // still stand for the password; what it is worth is decided below from the signed flag.
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: taken.challenge,
        expectedOrigin: context.origin,
        expectedRPID: context.hostname,
        credential: storedCredential(row),
        requireUserVerification: false,
      }).catch(() => undefined);
      if (!verification?.verified) throw new ApiError(400, 'passkey-not-verified');
      store.run('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?', [
        verification.authenticationInfo.newCounter,
        Date.now(),
        String(row.id),
      ]);
      if (verification.authenticationInfo.userVerified) {
        // Possession and a local unlock at once: two factors, no second step after it.
        accounts.startSession(context, user, 'full', 'passkey');
        return {next: afterSignIn(user, context.body.next)};
      }
      // Possession only: it stands for the password, and the second step is still asked.
      if (user.totp_secret && !accounts.isRememberedDevice(context, user)) {
        accounts.startSession(context, user, 'second-factor', 'passkey-unverified');
        return {next: '/two-factor', secondFactor: true};
      }
      accounts.startSession(context, user, 'full', 'passkey-unverified');
      return {next: afterSignIn(user, context.body.next)};
    },

    'POST /api/passkeys/remove': (context) => {
      const session = accounts.signedIn(context);
      requireRecentAuthentication(store, session);
      const {user} = session;
      const id = typeof context.body.id === 'string' ? context.body.id : '';
      if (store.run('DELETE FROM passkeys WHERE id = ? AND user_id = ?', [id, user.id]).changes === 0) {
        throw fail.badRequest('There is no such passkey on your account.');
      }
      accounts.notify(user, 'passkey-removed', context);
      return {removed: id};
    },

    // Confirming who you are before a sensitive change: one of this account's passkeys, with
    // user verification.
    'POST /api/reauth/passkey/options': async (context) => {
      const {user} = accounts.signedIn(context);
      const existing = store.all('SELECT id, transports FROM passkeys WHERE user_id = ?', [user.id]);
      const options = await generateAuthenticationOptions({
        rpID: context.hostname,
        userVerification: 'required',
        allowCredentials: existing.map((row) => ({id: String(row.id), transports: JSON.parse(String(row.transports))})),
      });
      remember(options.challenge, 'reauthentication', user.id);
      return options;
    },

    'POST /api/reauth/passkey/verify': async (context) => {
      const session = accounts.signedIn(context);
      const {user} = session;
      const response = /** @type {import('@simplewebauthn/server').AuthenticationResponseJSON} */ (
        context.body.response
      );
      const row =
        typeof response?.id === 'string'
          ? store.get('SELECT * FROM passkeys WHERE id = ? AND user_id = ?', [response.id, user.id])
          : undefined;
      if (!row) throw new ApiError(400, 'passkey-unknown-credential');
      const taken = take(response, 'reauthentication', user.id);
      if (!taken) throw new ApiError(400, 'passkey-not-verified');
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: taken.challenge,
        expectedOrigin: context.origin,
        expectedRPID: context.hostname,
        credential: storedCredential(row),
        requireUserVerification: true,
      }).catch(() => undefined);
      if (!verification?.verified) throw new ApiError(400, 'passkey-not-verified');
      store.run('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?', [
        verification.authenticationInfo.newCounter,
        Date.now(),
        String(row.id),
      ]);
      recordAuthentication(store, session.tokenHash, 'passkey');
      return {confirmed: true};
    },
  };
}
