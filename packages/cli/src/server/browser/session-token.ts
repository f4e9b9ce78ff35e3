import { findElement } from './find-element.js';

/** Kept per tab, for this session only: closing the tab forgets the token. */
const TOKEN_KEY = 'cutover.dashboard.token';

/** The bearer token the operator entered, or `''`. */
export function getToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch {
    // Storage can be refused (a sandboxed or privacy-locked tab): act without a token.
    return '';
  }
}

/** Wires the token form in the header: `Use` keeps the token, `Forget` drops it; the state beside it says which. */
export function setupTokenForm(): void {
  const input = findElement('#token', HTMLInputElement);
  findElement('#token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    input.value = '';
    showTokenState();
  });
  findElement('#forget-token').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
  });
  showTokenState();
}

function showTokenState(): void {
  const state = findElement('#token-state');
  const set = getToken() !== '';
  state.textContent = set ? 'token set' : 'no token';
  state.classList.toggle('set', set);
}
