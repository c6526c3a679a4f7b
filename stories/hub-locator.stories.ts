import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/hub-locator/mi-hub-locator.js';

interface Args {
  src: string;
  country: string;
  service: string;
  map: boolean;
  lang: string;
}

const theme = () => document.body.dataset.miTheme ?? 'light';

const meta: Meta<Args> = {
  title: 'Widgets/Hub locator',
  component: 'mi-hub-locator',
  args: { src: '/demo/feed.json', country: '', service: '', map: false, lang: '' },
  render: ({ src, country, service, map, lang }) =>
    html`<mi-hub-locator
      src=${src}
      country=${country || nothing}
      service=${service || nothing}
      ?map=${map}
      tiles="/fixtures/pixel.png?{z}/{x}/{y}"
      tiles-attribution="Blank tiles (Storybook works offline)"
      lang=${lang || nothing}
      theme=${theme()}
    ></mi-hub-locator>`,
};
export default meta;
type Story = StoryObj<Args>;

export const List: Story = {};
export const PresetCountryAndService: Story = { args: { country: 'GT', service: 'legal' } };
export const WithMap: Story = { args: { map: true } };
export const BareGeoJson: Story = { args: { src: '/fixtures/hubs-test.geojson' } };
export const Empty: Story = { args: { src: '/fixtures/feed.json' } };
export const Error: Story = { args: { src: '/fixtures/malformed.json' } };
