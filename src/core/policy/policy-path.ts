/**
 * Where something sits inside a policy document, as the keys and indexes that lead to it, and
 * the way learners read it: `Statement[1].Resource[0]`, `Statement[0].Condition.Bool`.
 */

/** Object keys and array indexes from the document root, e.g. `['Statement', 1, 'Resource', 0]`. */
export type PolicyPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `Statement[1].Condition["ForAnyValue:StringEquals"]["iot:ConnectAttributes"][0]`. */
export function formatPath(path: PolicyPath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (PLAIN_KEY.test(step)) text += text === '' ? step : `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }

  return text === '' ? '(the document)' : text;
}

/** `path` extended by one key or index. */
export function child(path: PolicyPath, step: string | number): PolicyPath {
  return [...path, step];
}
