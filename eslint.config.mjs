import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
    { ignores: ['dist/**', 'out/**', 'media/dist/**', 'node_modules/**', 'sample-workspace/**', '.vscode-test/**', 'test-results/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ['**/*.ts'],
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            'no-restricted-imports': 'off',
            eqeqeq: ['error', 'always'],
            curly: 'error',
        },
    },
    {
        // The layers that must stay free of `vscode` (unit-testable on plain Node).
        files: ['src/docker/**/*.ts', 'src/lessons/**/*.ts', 'src/dockerfile/analysis/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'This layer must not import vscode (see DESIGN.md).' }] }],
        },
    },
    {
        files: ['webview/**/*.ts'],
        languageOptions: { globals: { ...globals.browser } },
    },
    {
        files: ['**/*.mjs', '**/*.js'],
        languageOptions: { globals: { ...globals.node }, sourceType: 'module' },
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
);
