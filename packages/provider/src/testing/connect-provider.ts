import { OpenFeature } from '@openfeature/server-sdk';
import type { Client } from '@openfeature/server-sdk';
import { CutoverProvider } from '../cutover-provider.js';
import type { CutoverProviderOptions } from '../cutover-provider-options.js';

let domains = 0;

/** A started provider (not watching, an empty environment unless given) registered in a fresh domain, and its client. */
export async function connectProvider(options: CutoverProviderOptions = {}): Promise<{ provider: CutoverProvider; client: Client }> {
  const provider = new CutoverProvider({ watch: false, env: {}, ...options });
  const name = `connected-provider-${domains++}`;
  await OpenFeature.setProviderAndWait(name, provider);
  return { provider, client: OpenFeature.getClient(name) };
}
