// A rollback writer that never stops: adds an entry to the overlay under its
// lock, prints "ack <n>" once the write is published, and goes on until it is
// killed. Run as a child: overlay-writer.ts <overlay> <writer id> <lockStaleMs>
import { OverlayFile } from '@cutover/rollback';

const [path, id, staleMs] = process.argv.slice(2);
const overlay = new OverlayFile(path!, { lockStaleMs: Number(staleMs) });
for (let n = 0; ; n++) {
  await overlay.update((flags) => {
    flags[`${id}-${n}`] = { state: 'ENABLED', variants: { off: 'off', live: 'live' }, defaultVariant: 'off', metadata: { rolledBack: true, reason: 'x'.repeat(2_000) } };
  });
  process.stdout.write(`ack ${n}\n`);
}
