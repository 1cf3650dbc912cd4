// The worker is told which word lists its first request needs only where it can find them by
// name: the library's own worker file (built, it sits beside the compact lists) and the compact
// set. A host's bundler that moved the worker (setEstimatorWorkerUrl) gets no hint.
import {expect} from '@open-wc/testing';
import {setEstimatorWorkerUrl, workerName} from './estimator.js';

describe('the estimator worker’s name', () => {
  afterEach(() => setEstimatorWorkerUrl('./estimator-worker.js'));

  it('names the compact lists of the first request’s language, with the library’s own worker', () => {
    expect(workerName({locale: 'fr'})).to.equal('serein-estimator compact-fr');
    expect(workerName({locale: 'pt-BR', dictionary: 'compact', password: 'x'})).to.equal(
      'serein-estimator compact-pt-BR',
    );
  });

  it('names nothing for the full lists, without a first request, or with a host’s worker URL', () => {
    expect(workerName({locale: 'en', dictionary: 'full'})).to.equal('serein-estimator');
    expect(workerName()).to.equal('serein-estimator');
    setEstimatorWorkerUrl('/assets/estimator-worker-1a2b3c.js');
    expect(workerName({locale: 'en'})).to.equal('serein-estimator');
  });
});
