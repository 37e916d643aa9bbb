// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test/generated/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  { files: ['bench/**', '.ci/**'], rules: { 'no-console': 'off' } },
  // Tests poke at arbitrary upstream JSON; typing every probe would add noise, not safety.
  { files: ['**/*.spec.ts', '**/*-test-helpers.ts', 'test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
