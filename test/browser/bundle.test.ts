// The single-file bundle a plain HTML page loads with one <script type="module">: Lit inside,
// every element registered, the page's <html lang> followed, lazy chunks beside it.
// (Built by `npm run build`, which `npm test` runs first.)
import {expect} from '@open-wc/testing';
import {recordWorkers, until} from '../support/helpers.js';

describe('dist/bundle/serein.js (plain HTML pages)', () => {
  it('registers the elements, follows <html lang> and judges a password in its worker', async () => {
    const workers = recordWorkers();
    document.documentElement.lang = 'fr';
    const bundleUrl = '/dist/bundle/serein.js';
    const bundle = (await import(/* @vite-ignore */ bundleUrl)) as {getActiveLocale(): string};
    for (const tag of ['serein-strength-meter', 'serein-password-change', 'serein-passkey-button']) {
      expect(customElements.get(tag), `${tag} registered by the bundle`).to.exist;
    }
    await until(() => bundle.getActiveLocale() === 'fr', 'the page language to load');
    const holder = document.createElement('div');
    holder.innerHTML = `<label for="pw">Mot de passe</label><input id="pw" type="password" autocomplete="new-password">
      <serein-strength-meter for="pw"></serein-strength-meter>`;
    document.body.append(holder);
    const input = holder.querySelector('input')!;
    const meter = holder.querySelector('serein-strength-meter') as HTMLElement & {level: string};
    input.value = 'mango kiwi 1987 pear';
    input.dispatchEvent(new InputEvent('input', {bubbles: true}));
    await until(() => meter.level === 'strong', 'a verdict');
    expect(meter.querySelector('[role="meter"]')!.getAttribute('aria-label')).not.to.equal('Password strength');
    expect(workers.some((url) => url.includes('/dist/bundle/chunks/estimator-worker.js'))).to.equal(true);
    holder.remove();
  });
});
