// Worker threads do not inherit the `tsx` loader; this entry registers it and loads the TypeScript worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./flag-file-worker.ts', import.meta.url);
