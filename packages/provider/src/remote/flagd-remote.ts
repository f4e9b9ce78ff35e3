import { FlagdRemoteLayer } from './flagd-remote-layer.js';
import type { FlagdRemoteOptions } from './flagd-remote-options.js';

/**
 * The remote layer for `new CutoverProvider({ remote: flagdRemote({ host, port }) })`:
 * flagd answers between the environment and the flag files.
 * @example
 * const provider = new CutoverProvider({ files: ['flags/nutribot.flagd.json'], remote: flagdRemote({ host: 'flagd', timeoutMs: 150 }) });
 */
export function flagdRemote(options: FlagdRemoteOptions = {}): FlagdRemoteLayer {
  return new FlagdRemoteLayer(options);
}
