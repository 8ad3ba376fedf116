#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (Node 20 has no built-in type stripping).
import { register } from "tsx/esm/api";
register();
await import("../src/cli/main.ts");
