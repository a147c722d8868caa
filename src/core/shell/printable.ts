/**
 * Text from the network or a file, made safe to print in a terminal. A payload can hold escape
 * sequences that would move the cursor, retitle the window or hide text, so control characters
 * other than tab and newline are shown in caret notation (ESC as ^[), as `cat -v` shows them.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
    if (code === 0x7f) return '^?';

    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
