/**
 * The JSON widgets' schema side (ajv, compiled schemas, the full check), in one module that the
 * page loads after the widgets hydrate, so ajv's weight is not paid before anything is typed.
 */
export { checkJson } from '../../core/json/check.ts';
export { compileSchema } from '../../core/json/schema.ts';
export { builtInSchema } from './schema-cache.ts';
