import {createApp} from 'vue';
import 'serein/define/password-change.js';
import {useSereinLocalization} from 'serein/localization.js';
import {setEstimatorWorkerUrl} from 'serein/strength-meter.js';
// The bundler emits the meter's worker and hands over its URL: the estimate runs off the main thread.
import estimatorWorker from 'serein/estimator-worker.js?worker&url';
import App from './App.vue';

setEstimatorWorkerUrl(estimatorWorker);
void useSereinLocalization();

createApp(App).mount('#app');
