import type { StorybookConfig } from '@storybook/web-components-vite';
import { storyRelays } from './relays.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The vitest storybook plugin applies these plugins too, so the story tests get the same relays.
  viteFinal: (vite) => ({ ...vite, plugins: [...(vite.plugins ?? []), storyRelays()] }),
};

export default config;
