import {createApp} from 'vue';
import 'serein/define/password-change.js';
import {useSereinLocalization} from 'serein/localization.js';
import App from './App.vue';

void useSereinLocalization();

createApp(App).mount('#app');
