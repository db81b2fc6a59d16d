/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';
import { publicManifest, type Manifest } from '../stories/support/manifest.js';
import { signerLoader } from '../stories/support/signers.js';
import '../components/define.js';

// `npm run analyze` writes custom-elements.json (git-ignored); every script that builds these docs runs it
// first. Globbed rather than imported so that type checking never depends on the generated file.
const found = import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(found)[0];
if (manifest) setCustomElementsManifest(publicManifest(manifest));
else console.warn('custom-elements.json is missing: run `npm run analyze` for the API tables.');

// A condition wait's 1-second default failed stories on a loaded 2-core machine while the condition was on its
// way: the deadline only bounds a wait for something that never comes, so it is generous.
configure({ asyncUtilTimeout: 10_000 });

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [signerLoader],
  parameters: {
    controls: { expanded: true },
    // Any accessibility violation fails the story's test.
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
