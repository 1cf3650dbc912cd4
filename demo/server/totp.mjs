// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s) with otplib, and their QR code.
import {generateSecret, generateURI, verify} from 'otplib';
import QRCode from 'qrcode';

export const ISSUER = 'Serein demo';

/**
 * A new secret, its otpauth:// URI and a QR code of the URI (an SVG data URL).
 * @param {string} label the account's email
 */
export async function newTotpSecret(label) {
  const secret = generateSecret();
  const uri = generateURI({issuer: ISSUER, label, secret});
  const svg = await QRCode.toString(uri, {type: 'svg', errorCorrectionLevel: 'M', margin: 2});
  return {secret, uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`};
}

/**
 * Checks a code with one 30-second step of tolerance either way. A code of a step at or before
 * `lastStep` (the last accepted one) is refused: each code works once.
 * @param {string} secret
 * @param {string} code
 * @param {number | null} lastStep
 * @returns {Promise<number | undefined>} the code's time step when it is accepted
 */
export async function checkTotp(secret, code, lastStep) {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep === null ? {} : {afterTimeStep: lastStep}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
