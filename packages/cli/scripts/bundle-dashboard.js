// Writes the dashboard's browser script into dist/, where the installed
// package (which ships no sources) reads it. Runs after tsc, from dist/.
import { writeDashboardScript } from '../dist/server/page/dashboard-script.js';

await writeDashboardScript();
