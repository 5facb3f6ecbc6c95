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
    // better-sqlite3 handles must stay reachable on Node 24: open them through src/database/sqlite.ts
    ignores: ['src/database/sqlite.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'better-sqlite3', message: 'Use openSqlite() from src/database/sqlite.ts.', allowTypeImports: true }] }
      ],
      'no-restricted-properties': ['error', { property: 'pragma', message: "Use db.exec('PRAGMA …'): pragma() drops its statement." }]
    }
  },
  {
    files: ['src/cli/**', 'bench/**'],
    rules: { 'no-console': 'off' }
  }
)
