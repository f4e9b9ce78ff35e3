import picocolors from 'picocolors';

/**
 * Prints the demo's story: chapters, facts, and a progress line that redraws in
 * place on a terminal and prints every quarter otherwise (CI logs, pipes).
 */
export class Narrator {
  private readonly tty = Boolean(process.stdout.isTTY);
  // Colour on a terminal only: picocolors alone would also colour CI logs and pipes.
  private readonly pc = picocolors.createColors(this.tty);

  chapter(number: number, title: string): void {
    console.log(`\n${this.pc.bold(this.pc.cyan(`${number}. ${title}`))}`);
  }

  say(text: string): void {
    console.log(`   ${text}`);
  }

  fact(label: string, value: string): void {
    console.log(`   ${this.pc.dim(label.padEnd(22))} ${value}`);
  }

  warn(text: string): void {
    console.log(`   ${this.pc.yellow(text)}`);
  }

  /** Reports `done` of `total`; call with done === total to finish the line. */
  progress(label: string, done: number, total: number, extra = ''): void {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const line = `   ${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(4)}/${total} ${extra}`;
    if (this.tty) {
      process.stdout.write(`\r${line}`);
      if (done === total) process.stdout.write('\n');
    } else if (done === total || done % Math.max(1, Math.ceil(total / 4)) === 0) {
      console.log(line);
    }
  }
}
