// A flag editor that never stops: moves a migration flag back and forth
// between two stages with setStage, prints "ack <n>" once the edit is
// written, and goes on until it is killed. Run as a child:
//   flag-editor.ts <flag file> <flag key> <stage> <other stage>
import { setStage } from '@cutover/cli';

const [file, flagKey, ...stages] = process.argv.slice(2);
for (let n = 0; ; n++) {
  const stage = stages[n % 2]!;
  await setStage(file!, flagKey!, stage, { force: true });
  process.stdout.write(`ack ${n}\n`);
}
