// Lint is part of `npm test`. The import rules below keep the pipeline honest: a stage
// (capture, engine, apply) never imports another stage, domain/ imports nothing of ours, and
// connectors never touch the store (ARCHITECTURE.md, "Folders").
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const stages = ["capture", "engine", "apply"];
const stageRules = stages.map((stage) => ({
  files: [`src/${stage}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: stages
          .filter((other) => other !== stage)
          .map((other) => ({
            group: [`**/${other}/*`],
            message: `A stage never imports another stage: ${stage} and ${other} meet in tables and jobs.`,
          })),
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
