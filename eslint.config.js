// Lint is part of `npm test`. The import rules below keep the pipeline honest: a stage
// (capture, engine, apply, scheduler) never imports another stage, domain/ imports nothing of ours, and
// connectors never touch the store (ARCHITECTURE.md, "Folders").
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const stages = ["capture", "engine", "apply", "scheduler"];
const stageRules = stages.map((stage) => ({
  files: [`src/${stage}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...stages
            .filter((other) => other !== stage)
            .map((other) => ({
              group: [`**/${other}/*`],
              message: `A stage never imports another stage: ${stage} and ${other} meet in tables and jobs.`,
            })),
          // R8.1: the engine names no vendor; an integration's profile is data (domain/policy.ts)
          ...(stage === "engine"
            ? [
                {
                  group: ["**/connectors/**"],
                  message:
                    "The engine never imports connectors: it reads the integration's profile by name (domain/policy.ts).",
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["node_modules/**", ".tandem/**", "coverage/**", "web/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...stageRules,
  // the console (web/): React's rules of hooks; it talks to the hub over HTTP only
  {
    files: ["web/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/*", "../../src/**", "../../../src/**"],
              message: "The console talks to the hub over its API only (web/src/api/client.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../*", "!./*"],
              message: "domain/ is pure: it imports nothing of ours outside domain/.",
            },
          ],
        },
      ],
    },
  },
  {
    // A folder inside domain/ (domain/matching/) may use the rest of domain/, still nothing outside
    files: ["src/domain/*/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../../*"],
              message: "domain/ is pure: it imports nothing of ours outside domain/.",
            },
          ],
        },
      ],
    },
  },
  {
    // R7.12: every hub route declares its roles; hubRoute (src/api/role-route.ts) is the one way
    // to make a route, so a bare createRoute cannot slip in without them.
    files: ["src/api/**/*.ts"],
    ignores: ["src/api/role-route.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@hono/zod-openapi",
              importNames: ["createRoute"],
              message:
                "Make hub routes with hubRoute from ./role-route.ts: it declares and enforces their roles.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/connectors/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/store/*", "**/engine/*", "**/capture/*", "**/apply/*"],
              message: "Connectors never touch the store or the stages.",
            },
          ],
        },
      ],
    },
  },
);
