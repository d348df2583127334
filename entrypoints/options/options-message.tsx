/** A result line on the options page: what a change did, or why it failed. */
export interface OptionsMessageValue {
  tone: 'ok' | 'error';
  text: string;
}

/** Shows `message` as a status (ok) or an alert (error); nothing when null. */
export function OptionsMessage({ message }: { message: OptionsMessageValue | null }) {
  if (!message) return null;
  return (
    <p class={message.tone === 'error' ? 'options-error' : 'options-ok'} role={message.tone === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}
