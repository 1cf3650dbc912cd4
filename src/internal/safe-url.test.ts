import {expect} from '@open-wc/testing';
import {safeUrl} from './safe-url.js';
import {captureConsole} from '../../test/support/helpers.js';
import {GOOD_URLS, HOSTILE_URLS} from '../../test/support/urls.js';

describe('safeUrl', () => {
  it('lets relative URLs and http, https, mailto and tel URLs through unchanged', async () => {
    const element = document.createElement('serein-probe');
    const lines = await captureConsole(async () => {
      for (const url of GOOD_URLS) expect(safeUrl(url, {attribute: 'support-href', element}), url).to.equal(url);
    });
    expect(lines).to.deep.equal([]);
  });

  it('drops every other scheme in every disguise', async () => {
    for (const url of HOSTILE_URLS) {
      const element = document.createElement('serein-probe');
      const lines = await captureConsole(async () => {
        expect(safeUrl(url, {attribute: 'action', element}), JSON.stringify(url)).to.equal('');
      });
      expect(lines, JSON.stringify(url)).to.have.length(1);
      expect(lines[0]).to.include('serein-probe: action');
    }
  });

  it('warns once per element and attribute, however often it is asked', async () => {
    const first = document.createElement('serein-probe');
    const second = document.createElement('serein-probe');
    const lines = await captureConsole(async () => {
      for (let round = 0; round < 3; round++) {
        safeUrl('javascript:alert(1)', {attribute: 'support-href', element: first});
        safeUrl('data:,x', {attribute: 'support-href', element: first});
        safeUrl('javascript:alert(1)', {attribute: 'sign-in-href', element: first});
        safeUrl('javascript:alert(1)', {attribute: 'support-href', element: second});
      }
    });
    expect(lines).to.have.length(3);
  });

  it('gives nothing, silently, for an empty value', async () => {
    const element = document.createElement('serein-probe');
    const lines = await captureConsole(async () => {
      for (const url of ['', '   ', null, undefined]) expect(safeUrl(url, {attribute: 'action', element})).to.equal('');
    });
    expect(lines).to.deep.equal([]);
  });
});
