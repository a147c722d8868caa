/**
 * Text that is the name of a JSON file rather than JSON: `./policy.json` pasted where the
 * document belongs, or an AWS CLI argument written without `file://`. The AWS CLI reads a
 * parameter from a file only when its value starts with `file://` (AWS CLI User Guide,
 * "Loading a parameter from a file"); without it the CLI sends the path itself as the text.
 */
import type { Finding } from './finding.ts';

const PATH_LIKE = [
  /^file:\/\//i,
  /^fileb:\/\//i,
  /^\.{1,2}[\\/]/,
  /^~[\\/]/,
  /^\/(?![/*])/,
  /^[A-Za-z]:[\\/]/,
  /^[^\s{}[\]"':,]+\.(?:json|jsonc|json5|txt)$/i,
];

/** True for a single line that reads as a file path or a `file://` URL. */
export function looksLikeFilePath(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 500 || /[\r\n{}[\]"]/.test(trimmed)) return false;

  return PATH_LIKE.some((pattern) => pattern.test(trimmed));
}

/** The AWS CLI argument that would read this file: `file://` and the path. */
export function awsCliFileArgument(path: string): string {
  const bare = path.replace(/^fileb?:\/\//i, '').replace(/^\.\//, '');
  return `file://${bare}`;
}

export function filePathFinding(text: string): Finding {
  const path = text.trim();
  const offset = text.indexOf(path);
  const argument = awsCliFileArgument(path);
  const isUrl = /^fileb?:\/\//i.test(path);

  return {
    kind: 'file-path',
    offset,
    message: isUrl
      ? `${path} is how the AWS CLI is told to read a file: it replaces the argument with the ` +
        "file's contents before sending. Here, paste the contents of the file instead."
      : `This is the file path ${path}, not JSON. Put the contents of the file here instead. ` +
        `With the AWS CLI, write ${argument} (for example --policy-document ${argument}) so ` +
        'the CLI reads the file and sends what is inside; without file:// it sends the path ' +
        'itself as the document.',
  };
}
