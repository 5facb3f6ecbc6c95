// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }]
    }
  },
  {
    // the explorer's one script runs in the browser
    files: ['src/views/assets/**/*.js'],
    languageOptions: { globals: { document: 'readonly', navigator: 'readonly', setTimeout: 'readonly' } }
  },
  {
    files: ['src/cli/**', 'bench/**'],
    rules: { 'no-console': 'off' }
  }
)
