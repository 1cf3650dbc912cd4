/**
 * How this device will most likely ask the customer to confirm a passkey:
 * - `touch-id` on macOS,
 * - `face-id-or-touch-id` on iPhone and iPad (recent ones have Face ID, older ones Touch ID),
 * - `windows-hello` on Windows,
 * - `device` anywhere else, or when the platform cannot be told (Android, ChromeOS, Linux…):
 *   the copy then names the fingerprint, the face or the screen lock, without guessing.
 */
export type SereinUnlockMethod = 'touch-id' | 'face-id-or-touch-id' | 'windows-hello' | 'device';

/** What {@link unlockMethod} reads: a subset of `navigator`, so that tests can pass their own. */
export interface PlatformHints {
  userAgentData?: {platform?: string} | undefined;
  platform?: string;
  userAgent?: string;
  maxTouchPoints?: number;
}

/** The unlock method of the device described by `hints` (default: this browser's `navigator`). */
export function unlockMethod(hints: PlatformHints = navigator as PlatformHints): SereinUnlockMethod {
  const clientHint = (hints.userAgentData?.platform ?? '').toLowerCase();
  const platform = (hints.platform ?? '').toLowerCase();
  const agent = (hints.userAgent ?? '').toLowerCase();
  if (clientHint) {
    if (clientHint === 'ios') return 'face-id-or-touch-id';
    if (clientHint === 'macos') return 'touch-id';
    if (clientHint === 'windows') return 'windows-hello';
    // Android, Chrome OS, Linux and the rest: no single name to give.
    return 'device';
  }
  if (/iphone|ipad|ipod/.test(platform) || /iphone|ipad|ipod/.test(agent)) return 'face-id-or-touch-id';
  if (platform.startsWith('mac') || (!platform && /mac os x/.test(agent))) {
    // iPadOS presents itself as a Mac; only its touch screen tells them apart.
    return (hints.maxTouchPoints ?? 0) > 1 ? 'face-id-or-touch-id' : 'touch-id';
  }
  if (platform.startsWith('win') || (!platform && /windows/.test(agent))) return 'windows-hello';
  return 'device';
}
