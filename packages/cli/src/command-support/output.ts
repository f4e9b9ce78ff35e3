import pc from 'picocolors';

/** Where a command prints: stdout for results, stderr for problems; colour only on a terminal. */
export class Output {
  /** Colour functions that are the identity unless stdout is a TTY (and NO_COLOR is unset). */
  readonly colors: ReturnType<typeof pc.createColors>;

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {
    this.colors = pc.createColors(Boolean(stream.isTTY) && !('NO_COLOR' in process.env));
  }

  /** Prints one line (or several) of human output. */
  line(text = ''): void {
    this.stream.write(`${text}\n`);
  }

  /** Prints a value as indented JSON, for `--json`. */
  json(value: unknown): void {
    this.stream.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Prints a problem to stderr. */
  error(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  /** Colours a unified diff: additions green, removals red, headers dim. */
  diff(patch: string): void {
    const { green, red, cyan, dim } = this.colors;
    for (const row of patch.replace(/\n$/, '').split('\n')) {
      if (row.startsWith('+++') || row.startsWith('---') || row.startsWith('Index:') || row.startsWith('===')) this.line(dim(row));
      else if (row.startsWith('+')) this.line(green(row));
      else if (row.startsWith('-')) this.line(red(row));
      else if (row.startsWith('@@')) this.line(cyan(row));
      else this.line(row);
    }
  }
}
