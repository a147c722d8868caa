/**
 * The broker flows of the shared corpus, read from where it lives beside the project
 * (`../shared/cases/policy-cases.json`), so the tests name each flow as the corpus states it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Flow {
  id: string;
  scenario: string;
  expected_outcome: string;
}

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const CASE_FILE = path.resolve(repoRoot, '../shared/cases/policy-cases.json');
const flows = (JSON.parse(readFileSync(CASE_FILE, 'utf8')) as { flows: Flow[] }).flows;

/** The flow with this id; a test title reads `flow-03: <scenario>`. */
export function flow(id: string): Flow & { title: string } {
  const found = flows.find((f) => f.id === id);
  if (!found) throw new Error(`${CASE_FILE} has no flow "${id}"`);
  return { ...found, title: `${found.id}: ${found.scenario}` };
}
