// ESLint for every package's TypeScript (`npm run lint`, a phase of `.ci/run`). The import boundaries between
// packages are dependency-cruiser's job (.dependency-cruiser.cjs); this checks the code itself with
// typescript-eslint's recommended rules (syntactic only: type-aware rules would cost minutes on CI's two cores,
// and `tsc -b` already type-checks).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Compiled output, and the scaffold's templates (placeholders such as __name__; the scaffold's test compiles
    // what they produce).
    ignores: ['**/node_modules/**', '**/dist/**', 'core/templates/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore names what a signature or a destructuring has to mention but does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Input checks match control characters on purpose (NUL and C0 in names, headers, CSV cells) to refuse them.
      'no-control-regex': 'off',
      // `interface FastifyContextConfig extends PreauRouteConfig {}` is how a module augmentation merges a type.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
);
