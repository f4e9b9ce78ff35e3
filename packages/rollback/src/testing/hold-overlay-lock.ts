// A writer that takes the overlay's lock, leaves a temporary beside it as a
// write in progress would, says "locked" and waits to be killed: what a
// process killed mid-write leaves behind. Run as a child by the specs:
//   node --conditions=source --import tsx hold-overlay-lock.ts <overlay> <lockStaleMs>
import { acquireOverlayLock } from '../overlay/overlay-lock.js';
import { writeTempFile } from '../overlay/temp-files.js';

const [path, staleMs] = process.argv.slice(2);
await acquireOverlayLock(path!, Number(staleMs));
await writeTempFile(path!, '{ "flags": { "half-written": ');
process.stdout.write('locked\n');
setInterval(() => undefined, 60_000);
