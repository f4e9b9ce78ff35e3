#!/usr/bin/env node
// Runs the built CLI; in the workspace, `pnpm cutover` runs the TypeScript sources instead.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
