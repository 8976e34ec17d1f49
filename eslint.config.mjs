import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [".next/**", ".next-*/**", ".test-summary/**", "node_modules/**", "server/db/generated/**", "tools/**", "data/**", "skills/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  js.configs.recommended,
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.strict,
  {
    rules: {
      // Small functions with one job, shallow nesting (developers' guide).
      "max-lines-per-function": ["error", { max: 40, skipBlankLines: true, skipComments: true, IIFEs: true }],
      "max-depth": ["error", 3],
      complexity: ["error", 12],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/generated/prisma/*", "@prisma/client"], message: "Only repositories and server/db touch Prisma (SPEC §2)." }] }],
    },
  },
  {
    // Repositories and the database module are the only places allowed to use the Prisma client.
    files: ["server/db/**", "server/**/repositories/**", "server/**/*-repository.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Test suites are long lists of cases by nature; the function-length rule is for product code.
    files: ["tests/**"],
    rules: { "max-lines-per-function": "off", "no-restricted-imports": "off" },
  },
);
