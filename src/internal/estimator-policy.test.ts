// The `serein` Trusted Types policy lets through the estimator's own worker, or the URL the host
// set, and nothing else.
import {expect} from '@open-wc/testing';
import {setEstimatorWorkerUrl, trustedEstimatorWorkerUrl} from './estimator.js';
import {captureConsole} from '../../test/support/helpers.js';

const own = new URL('./estimator-worker.js', new URL('./estimator.ts', import.meta.url)).href;

/** True when the policy's rule refuses `url`, with one console warning. */
async function refused(url: string): Promise<boolean> {
  let threw = false;
  const lines = await captureConsole(async () => {
    try {
      trustedEstimatorWorkerUrl(url);
    } catch {
      threw = true;
    }
  });
  return threw && lines.length === 1 && lines[0].includes('refused the worker URL');
}

describe('the serein Trusted Types policy', () => {
  afterEach(() => setEstimatorWorkerUrl('./estimator-worker.js'));

  it('accepts the library’s own worker URL', () => {
    expect(trustedEstimatorWorkerUrl(own)).to.equal(own);
  });

  it('refuses other origins, data: and blob: URLs, and other files named like the worker', async () => {
    for (const url of [
      'https://attacker.example/estimator-worker.js',
      `${new URL(own).origin}/uploads/estimator-worker.js`,
      new URL('./estimator-worker-evil.js', own).href,
      `${own}?x=1`,
      'data:text/javascript,postMessage(1)//estimator-worker.js',
      `blob:${new URL(own).origin}/estimator-worker.js`,
    ]) {
      expect(await refused(url), url).to.equal(true);
    }
  });

  it('accepts exactly the URL handed to setEstimatorWorkerUrl()', async () => {
    setEstimatorWorkerUrl('https://cdn.example/assets/estimator-worker-3f2a.js');
    expect(trustedEstimatorWorkerUrl('https://cdn.example/assets/estimator-worker-3f2a.js')).to.equal(
      'https://cdn.example/assets/estimator-worker-3f2a.js',
    );
    expect(await refused('https://cdn.example/assets/estimator-worker-0000.js')).to.equal(true);
    setEstimatorWorkerUrl(new URL('/assets/worker.js', location.href));
    const assets = new URL('/assets/worker.js', location.href).href;
    expect(trustedEstimatorWorkerUrl(assets)).to.equal(assets);
  });

  it('refuses everything but its own worker once the host turned the worker off', async () => {
    setEstimatorWorkerUrl(null);
    expect(await refused('https://attacker.example/estimator-worker.js')).to.equal(true);
    expect(trustedEstimatorWorkerUrl(own)).to.equal(own);
  });
});
