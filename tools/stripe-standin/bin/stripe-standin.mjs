#!/usr/bin/env node
// The package ships TypeScript source: tsx (a dependency) loads it, so the
// command works wherever the package is installed, without a build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
