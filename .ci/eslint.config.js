// ESLint for samdok (npm run lint): the recommended JavaScript and
// TypeScript rules, without type information so that it stays fast; the
// line width is Prettier's (package.json "prettier"). Lives in .ci/ to keep
// the top level as the project's layout names it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "dist/**", "node_modules/**", "test/fixtures/**", "**/*.d.mts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        performance: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        structuredClone: "readonly",
        queueMicrotask: "readonly",
        setImmediate: "readonly",
        AbortController: "readonly",
        MessageChannel: "readonly",
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      // samdok matches control characters on purpose (safe-text.ts, the XML writers, the tests that attack them).
      "no-control-regex": "off",
      eqeqeq: ["error", "always"],
      "prefer-const": "error",
    },
  },
);
