import {expect} from '@open-wc/testing';
import {unlockMethod} from './unlock-method.js';

describe('unlockMethod()', () => {
  it('trusts the client hints first', () => {
    expect(unlockMethod({userAgentData: {platform: 'macOS'}, platform: 'Win32'})).to.equal('touch-id');
    expect(unlockMethod({userAgentData: {platform: 'Windows'}})).to.equal('windows-hello');
    expect(unlockMethod({userAgentData: {platform: 'iOS'}})).to.equal('face-id-or-touch-id');
    for (const platform of ['Android', 'Chrome OS', 'Linux', 'Unknown']) {
      expect(unlockMethod({userAgentData: {platform}}), platform).to.equal('device');
    }
  });

  it('falls back to navigator.platform and the user agent', () => {
    expect(unlockMethod({platform: 'MacIntel', maxTouchPoints: 0})).to.equal('touch-id');
    // iPadOS says it is a Mac; its touch screen gives it away.
    expect(unlockMethod({platform: 'MacIntel', maxTouchPoints: 5})).to.equal('face-id-or-touch-id');
    expect(unlockMethod({platform: 'iPhone'})).to.equal('face-id-or-touch-id');
    expect(unlockMethod({platform: 'Win32'})).to.equal('windows-hello');
    expect(unlockMethod({platform: 'Linux armv8l', userAgent: 'Mozilla/5.0 (Linux; Android 14)'})).to.equal('device');
    expect(
      unlockMethod({platform: '', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit'}),
    ).to.equal('face-id-or-touch-id');
    expect(unlockMethod({platform: '', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)'})).to.equal(
      'windows-hello',
    );
  });

  it('stays neutral when nothing tells', () => {
    expect(unlockMethod({})).to.equal('device');
    expect(unlockMethod({platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)'})).to.equal('device');
  });
});
