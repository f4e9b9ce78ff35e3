// Entry point for running the CLI from the TypeScript sources (`pnpm cutover ...`).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
