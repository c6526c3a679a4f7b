// custom-elements.json, from the components' JSDoc: the API that Storybook's Docs pages and
// editors show. Only the public API: private and protected members are left out.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/test/**', 'src/**/*.test.ts', 'src/generated/**', 'src/types/**'],
  litelement: true,
  plugins: [
    {
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (m) => !m.privacy || m.privacy === 'public',
              );
            }
          }
        }
      },
    },
  ],
};
