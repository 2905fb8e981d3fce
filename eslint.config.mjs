import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true }
      ],
      '@typescript-eslint/promise-function-async': 'error',
      '@typescript-eslint/require-array-sort-compare': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_'
        }
      ]
    }
  },
  {
    // DESIGN.md: a function fits on a screen; a file past ~300 lines owns two things.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60 }]
    }
  },
  // core/ is pure; its top level and its folders reach outside core/ at
  // different depths, so one rule per depth.
  coreImports(['src/core/*.ts'], '../*'),
  coreImports(['src/core/*/**/*.ts'], '../../*'),
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**', 'demo/**', '__tests__/**'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': 'off'
    }
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node
    }
  }
)

/** No I/O, no GitHub, nothing outside core/ (`outside`: the parent pattern at that depth). */
function coreImports(files, outside) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'http', 'https', 'child_process'],
              message: 'core/ is pure: no I/O.'
            },
            {
              group: ['@actions/*', '@octokit/*'],
              message: 'core/ knows nothing of GitHub.'
            },
            { group: [outside], message: 'core/ imports only core/.' }
          ]
        }
      ]
    }
  }
}
