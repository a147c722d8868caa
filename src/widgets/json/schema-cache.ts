import { compileSchema, type SchemaCompilation } from '../../core/json/schema.ts';
import { BUILT_IN_SCHEMAS, type BuiltInSchemaId } from '../../core/json/schemas.ts';

const compiled = new Map<string, SchemaCompilation>();

/** A built-in schema, compiled once per page: ajv compiles each schema to a function. */
export function builtInSchema(id: BuiltInSchemaId): SchemaCompilation {
  let found = compiled.get(id);
  if (!found) {
    const { schema, name } = BUILT_IN_SCHEMAS[id];
    found = compileSchema(schema, name);
    compiled.set(id, found);
  }

  return found;
}
