import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A flag file in a temporary directory, for specs. */
export interface FlagFileFixture {
  readonly dir: string;
  readonly file: string;
  remove(): Promise<void>;
}

/** A nutribot-like file: one migration flag with a nested split, one without targeting, one plain flag. */
export const FIXTURE_TEXT = `{
  "$schema": "https://flagd.dev/schema/v0/flags.json",
  "flags": {
    "food": {
      "state": "ENABLED",
      "variants": { "off": "off", "shadow": "shadow", "live": "live", "complete": "complete" },
      "defaultVariant": "shadow",
      "targeting": {
        "if": [
          { "in": [{ "var": "chatId" }, ["internal"]] },
          "live",
          { "fractional": [["live", 10], ["shadow", 90]] }
        ]
      },
      "metadata": { "kind": "migration", "rollbackVariant": "off", "group": "bot" }
    },
    "planner": {
      "state": "ENABLED",
      "variants": { "off": "off", "dualwrite": "dualwrite", "shadow": "shadow", "live": "live", "rampdown": "rampdown", "complete": "complete" },
      "defaultVariant": "off",
      "metadata": { "kind": "migration", "rollbackVariant": "off" }
    },
    "read-only": {
      "state": "ENABLED",
      "variants": { "on": true, "off": false },
      "defaultVariant": "off"
    }
  }
}
`;

/** Writes `text` (default {@link FIXTURE_TEXT}) to `<tmp>/app.flagd.json`. */
export async function flagFileFixture(text = FIXTURE_TEXT): Promise<FlagFileFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-cli-'));
  const file = join(dir, 'app.flagd.json');
  await writeFile(file, text);
  return { dir, file, remove: () => rm(dir, { recursive: true, force: true }) };
}
