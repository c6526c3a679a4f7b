import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Attribute, event, part and CSS property tables come from the components' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Interface language (sets <html lang>)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
          { value: 'pt', title: 'Português' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Widget theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'es', theme: 'light' },
  decorators: [
    (story, context) => {
      const locale = String(context.globals.locale ?? 'es');
      document.documentElement.lang = locale;
      // On a Docs page every story renders inside a wrapper of Storybook's with lang="en"
      // (`parameters.htmlLang`, fixed), nearer to the widget than <html>: a widget takes the
      // nearest lang, so the wrapper (the story's canvas) gets the toolbar's language too.
      context.canvasElement.lang = locale;
      // Read by the stories' render (stories/support.ts) as the widget's `theme`.
      document.body.dataset.miTheme = String(context.globals.theme ?? 'light');
      return story();
    },
  ],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    viewport: {
      options: {
        smallPhone: {
          name: 'Small phone (320 × 568)',
          styles: { width: '320px', height: '568px' },
          type: 'mobile',
        },
        phone: {
          name: 'Phone (360 × 740)',
          styles: { width: '360px', height: '740px' },
          type: 'mobile',
        },
        tablet: {
          name: 'Tablet (768 × 1024)',
          styles: { width: '768px', height: '1024px' },
          type: 'tablet',
        },
      },
    },
  },
};
export default preview;
