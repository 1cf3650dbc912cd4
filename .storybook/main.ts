import {fileURLToPath} from 'node:url';
import type {StorybookConfig} from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      // Not the project's vite.config.ts, which is a library build (see .storybook/vite.config.ts).
      builder: {viteConfigPath: fileURLToPath(new URL('vite.config.ts', import.meta.url))},
    },
  },
  core: {
    // Offline machine: telemetry only costs time (about 7 s per build).
    disableTelemetry: true,
  },
  features: {
    // The `scheme` toolbar global sets the page colours; a second background switcher would
    // make axe's contrast checks disagree with what the toolbar says.
    backgrounds: false,
  },
};

export default config;
