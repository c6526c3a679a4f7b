import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Feeds come from fixture files served by Storybook itself: no story touches the network.
  staticDirs: [
    { from: '../test/fixtures', to: '/fixtures' },
    { from: '../demo', to: '/demo' },
  ],
  core: { disableTelemetry: true },
};
export default config;
