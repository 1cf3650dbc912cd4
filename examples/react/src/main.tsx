import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
// Registers <serein-password-change> and <serein-strength-meter> before React renders them, so
// that React sees their properties.
import 'serein/define/password-change.js';
import {useSereinLocalization} from 'serein/localization.js';
import {setEstimatorWorkerUrl} from 'serein/strength-meter.js';
// The bundler emits the meter's worker and hands over its URL: the estimate runs off the main thread.
import estimatorWorker from 'serein/estimator-worker.js?worker&url';
import {App} from './App.js';

setEstimatorWorkerUrl(estimatorWorker);
void useSereinLocalization();

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
