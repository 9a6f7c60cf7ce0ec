import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

// The workflow sandbox and the pure kernel must never reach Node built-ins or I/O.
const noNodeInSandbox = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https'],
          message: 'domain/ and workflows/ run in the Temporal sandbox: no Node built-ins.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', '.tools', '.data', 'dist', 'test-results', 'reports-out'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  { files: ['domain/**/*.ts', 'workflows/**/*.ts'], rules: noNodeInSandbox },
);
