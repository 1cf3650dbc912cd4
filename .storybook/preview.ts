/// <reference types="vite/client" />
import {setCustomElementsManifest, type Preview} from '@storybook/web-components-vite';
import {setStorybookHelpersConfig} from '@wc-toolkit/storybook-helpers';
import manifest from '../custom-elements.json' with {type: 'json'};
import {LOCALES, loadSereinGlobals, withSereinGlobals} from './serein-globals.js';
import {setEstimatorWorkerUrl} from '../src/internal/estimator.js';
import estimatorWorkerUrl from '../src/internal/estimator-worker.ts?worker&url';

// Stories run the estimate in its worker, as the published package does: Vite emits the worker
// here (the package itself finds it beside the estimator chunk).
setEstimatorWorkerUrl(estimatorWorkerUrl);

// Controls and docs tables come from the manifest (`cem analyze`, see
// custom-elements-manifest.config.mjs), read by @wc-toolkit/storybook-helpers.
setCustomElementsManifest(manifest);
setStorybookHelpersConfig({
  // Styles set through the CSS property/part controls stay on their own story, also on docs pages.
  useScopedStyles: true,
  hideArgRef: true,
});

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of Serein’s text and of the page',
      toolbar: {title: 'Locale', icon: 'globe', items: [...LOCALES], dynamicTitle: true},
    },
    scheme: {
      description: 'Colour scheme of the page',
      toolbar: {
        title: 'Scheme',
        icon: 'mirror',
        items: [
          {value: 'light', title: 'Light', icon: 'sun'},
          {value: 'dark', title: 'Dark', icon: 'moon'},
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {locale: 'en', scheme: 'light'},
  loaders: [loadSereinGlobals],
  decorators: [withSereinGlobals],
  parameters: {
    controls: {expanded: true},
    a11y: {
      // Violations fail the story (the default, 'todo', only warns).
      test: 'error',
      options: {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
        rules: {
          // Page-level rules: a story iframe shows one isolated component, not a page.
          'landmark-one-main': {enabled: false},
          'page-has-heading-one': {enabled: false},
          region: {enabled: false},
        },
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
