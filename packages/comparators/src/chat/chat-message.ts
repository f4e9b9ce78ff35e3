/** A button under a message; `data` (a callback) or `url` is what pressing it does. */
export interface ChatButton {
  /** The label the user sees. */
  readonly text: string;
  /** Callback data sent back when pressed. */
  readonly data?: string;
  /** A link opened when pressed. */
  readonly url?: string;
}

/** A message a bot sends: text and an optional keyboard, as rows of buttons. */
export interface ChatMessage {
  readonly text: string;
  readonly buttons?: readonly (readonly ChatButton[])[];
}
