import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

/**
 * Import boundaries (docs/architecture.md, "Layers"). Each layer lists what it must not import; an import is
 * matched on its specifier, relative (`../skills/x`) or aliased (`@/server/skills/x`). ESLint applies the last
 * matching block's options, so every block repeats the rules that hold everywhere (Prisma only in repositories).
 */
const PRISMA = {
  group: ["**/generated/prisma/*", "@prisma/client"],
  message: "Only repositories and server/db touch Prisma (docs/architecture.md).",
};

/** Specifiers that reach one of `folders` of server/ from inside server/ (or through the @/server alias). */
const serverFolders = (folders) => `^((\\.\\./)+|@/server/)(${folders.join("|")})(/|$)`;
/** Specifiers that reach one of the repository's top-level `folders`. */
const topFolders = (folders) => `^((\\.\\./)+|@/)(${folders.join("|")})(/|$)`;

const FRAMEWORK = {
  regex: "^(next|next/.*|@trpc/.*|react|react-dom)$",
  message: "Domain code knows nothing of tRPC, Next or React: map at the edge (server/trpc, app/).",
};

function layer(files, rules, { mayUsePrisma = false } = {}) {
  const patterns = mayUsePrisma ? rules : [PRISMA, ...rules];
  return { files, rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] } };
}

const outward = (layerName, folders, top = ["app", "cli", "dev"]) => [
  { regex: serverFolders(folders), message: `${layerName} must not depend on ${folders.join(", ")}.` },
  { regex: topFolders(top), message: `${layerName} must not depend on ${top.join(", ")}.` },
];

const ABOVE_DURABLE = ["llm", "skills", "workflows", "trpc", "services", "system", "boot", "dev-tools"];
const AUTH_MUST_NOT = ["durable", "http", ...ABOVE_DURABLE];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".test-summary/**",
      "node_modules/**",
      "server/db/generated/**",
      "tools/**",
      "data/**",
      "skills/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.strict,
  // Formatting is Prettier's job (npm run format): this turns off the stylistic rules that would fight it.
  prettier,
  {
    rules: {
      // Small functions with one job, shallow nesting (developers' guide).
      "max-lines-per-function": ["error", { max: 40, skipBlankLines: true, skipComments: true, IIFEs: true }],
      "max-depth": ["error", 3],
      complexity: ["error", 12],
      // Prettier wraps code at 120; this catches what it cannot wrap (comments). Long strings and URLs may stay.
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [PRISMA] }],
    },
  },
  // contracts/: pure, browser-safe shapes shared by the server, the UI and the CLI.
  layer(["contracts/**"], [{ regex: topFolders(["server", "app", "cli", "dev"]), message: "contracts/ is pure." }]),
  // The layers of server/, bottom up: common → db → durable → skills / llm → workflows → services → trpc.
  layer(
    ["server/common/**"],
    [...outward("server/common", ["db", "durable", "auth", "http", "observability", ...ABOVE_DURABLE]), FRAMEWORK],
  ),
  // The metrics registry (docs/operations.md): recorded into from every layer above it, so it uses only common.
  layer(
    ["server/observability/**"],
    [...outward("server/observability", ["db", "durable", "auth", "http", ...ABOVE_DURABLE]), FRAMEWORK],
  ),
  // The database module and the repositories are the only places allowed to use the Prisma client.
  layer(["server/db/**"], [...outward("server/db", ["durable", ...ABOVE_DURABLE]), FRAMEWORK], { mayUsePrisma: true }),
  layer(["server/durable/**"], [...outward("The durable engine", ABOVE_DURABLE), FRAMEWORK]),
  layer(["server/durable/repositories/**"], [...outward("The durable engine", ABOVE_DURABLE), FRAMEWORK], {
    mayUsePrisma: true,
  }),
  layer(
    ["server/skills/**"],
    [...outward("server/skills", ["durable", "llm", "workflows", "trpc", "services", "boot"]), FRAMEWORK],
  ),
  layer(
    ["server/skills/repositories/**"],
    [...outward("server/skills", ["durable", "llm", "workflows", "trpc", "services", "boot"]), FRAMEWORK],
    { mayUsePrisma: true },
  ),
  layer(["server/llm/**"], [...outward("server/llm", ["durable", "workflows", "trpc", "services", "boot"]), FRAMEWORK]),
  layer(["server/workflows/**"], [...outward("Workflows", ["trpc", "services", "boot", "dev-tools"]), FRAMEWORK]),
  // Finished eval runs of a skill, read from the jobs table (docs/evals.md).
  layer(
    ["server/workflows/eval/repositories/**"],
    [...outward("Workflows", ["trpc", "services", "boot", "dev-tools"]), FRAMEWORK],
    { mayUsePrisma: true },
  ),
  // Sign-in and API tokens (docs/security.md): above common and db, below the edge; tokens live in a repository.
  layer(["server/auth/**"], [...outward("server/auth", AUTH_MUST_NOT), FRAMEWORK]),
  layer(["server/auth/repositories/**"], [...outward("server/auth", AUTH_MUST_NOT), FRAMEWORK], { mayUsePrisma: true }),
  // HTTP guards shared by proxy.ts and the routes: pure functions over requests.
  layer(["server/http/**"], [...outward("server/http", ["db", "durable", "auth", ...ABOVE_DURABLE]), FRAMEWORK]),
  layer(["server/system/**"], [...outward("server/system", ["trpc", "services", "boot"]), FRAMEWORK]),
  // The readiness probe's reads and the metrics scrape's aggregate over the jobs table.
  layer(["server/system/repositories/**"], [...outward("server/system", ["trpc", "services", "boot"]), FRAMEWORK], {
    mayUsePrisma: true,
  }),
  layer(["server/services.ts"], [...outward("The composition root", ["trpc", "boot"]), FRAMEWORK]),
  layer(["server/trpc/**"], outward("server/trpc", ["boot", "dev-tools"])),
  // The MCP edge (docs/distribution.md) sits beside tRPC: it reuses the services and the procedures' schemas.
  layer(["server/mcp/**"], outward("server/mcp", ["boot", "dev-tools"])),
  // dev/ is reached only through server/dev-tools.ts (a production process never loads it).
  layer(["server/dev-tools.ts", "server/boot.ts"], [{ regex: topFolders(["app", "cli"]), message: "no." }]),
  // Browser code: types from the server only (the AppRouter type); values come through tRPC.
  layer(
    ["app/**"],
    [
      {
        regex: topFolders(["server", "dev", "cli"]),
        allowTypeImports: true,
        message: "Browser code takes only types from the server; values come through tRPC (or contracts/).",
      },
    ],
  ),
  // Server-side edges of app/: the route handlers (tRPC, downloads, health, metrics) and the in-process caller.
  layer(
    ["app/api/**", "app/metrics/**", "app/_lib/server-caller.ts"],
    [{ regex: topFolders(["dev", "cli"]), message: "no." }],
  ),
  // The CLI is a client of the API: contracts, local file helpers of server/skills, and types only otherwise.
  layer(
    ["cli/**"],
    [
      {
        regex: serverFolders(["db", "durable", "llm", "workflows", "trpc", "services", "system", "boot"]),
        allowTypeImports: true,
        message: "The CLI talks to the server over its API; it may import types only from the server's inside.",
      },
      { regex: topFolders(["app", "dev"]), message: "The CLI does not use the UI or dev/." },
    ],
  ),
  {
    // A React component's markup counts as lines: components get more room, their logic still goes in hooks.
    files: ["app/**/*.tsx"],
    rules: { "max-lines-per-function": ["error", { max: 70, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Test suites are long lists of cases by nature; the function-length rule is for product code.
    files: ["tests/**"],
    rules: { "max-lines-per-function": "off", "@typescript-eslint/no-restricted-imports": "off" },
  },
);
