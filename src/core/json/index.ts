/** JSON with precise errors, formatting and schema checks (DESIGN.md: src/core/json). */
export { checkJson, looksLikeJson, type JsonCheck } from './check.ts';
export { minify, prettyPrint, type Formatted } from './format.ts';
export {
  AWS_IOT_MAX_PAYLOAD_BYTES,
  base64,
  hexDump,
  payloadSize,
  type PayloadSize,
} from './payload.ts';
export { excerptAt, positionAt, type Excerpt, type Position } from './position.ts';
export {
  JSON_PROBLEM_KINDS,
  hasErrors,
  sortProblems,
  type JsonProblem,
  type JsonProblemKind,
  type Severity,
} from './problem.ts';
export {
  compileSchema,
  validateAgainst,
  type CompiledSchema,
  type SchemaCompilation,
} from './schema.ts';
export {
  BUILT_IN_SCHEMAS,
  POLICY_SCHEMA,
  SHADOW_UPDATE_SCHEMA,
  TELEMETRY_SCHEMA,
} from './schemas.ts';
export { checkSyntax, MAX_ERRORS, type SyntaxCheck } from './syntax.ts';
export { decodeUtf8, type Decoded } from './utf8.ts';
