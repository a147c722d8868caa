/** Node's `assert(value)`, the only form mqemitter uses. */
export default function assert(value: unknown, message?: string): asserts value {
  if (value) return;

  const error = new Error(message ?? 'The expression evaluated to a falsy value');
  error.name = 'AssertionError';
  throw error;
}
