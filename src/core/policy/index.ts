/**
 * The AWS IoT Core policy engine: parse and validate policy documents, lint them, and decide
 * requests with the reasons. Pure: no DOM, Node or network, so the broker, widgets and the CLI
 * share it.
 */
export { evaluate, evaluateRead, nameStatement } from './evaluate.ts';
export { explainDecision, describeStatement } from './explain.ts';
export { validatePolicy, MAX_POLICY_CHARACTERS, type ValidationResult } from './validate.ts';
export { lintPolicy, lintRead, LINT_RULES } from './lint.ts';
export { checkPolicy, type PolicyCheck } from './check-policy.ts';
export { parsePolicyText, type ParsedPolicyText } from './parse.ts';
export { readPolicy, type ReadPolicy } from './read-policy.ts';
export {
  buildRequest,
  mqttRequests,
  type AuthorizationRequest,
  type RequestTarget,
} from './request.ts';
export {
  readContextKey,
  thingGroupPoliciesApply,
  type ContextValue,
  type KeyLookup,
  type RequestContext,
} from './request-context.ts';
export { readCaseFile, runCase, casePolicies, type CaseRun, type PolicyCase } from './case-file.ts';
export {
  IOT_ACTIONS,
  MQTT_ACTIONS,
  actionMatches,
  canonicalAction,
  type IotAction,
} from './action.ts';
export {
  ACTION_RESOURCE_TYPE,
  DEFAULT_SCOPE,
  RESOURCE_TYPES,
  buildArn,
  parseArn,
  type ArnParts,
  type ArnScope,
  type ResourceType,
} from './resource-arn.ts';
export { globMatch, globTokens, wildcardMatch, type GlobToken } from './glob.ts';
export { substitute, resolveVariable, VARIABLES, type VariableUse } from './policy-variable.ts';
export { formatPath, type PolicyPath } from './policy-path.ts';
export {
  LINT_CODES,
  VALIDATION_CODES,
  type LintCode,
  type PolicyProblem,
  type ProblemCode,
  type Severity,
  type SourceLocation,
  type ValidationCode,
} from './policy-problem.ts';
export {
  CURRENT_VERSION,
  EFFECTS,
  type Effect,
  type Policy,
  type PolicyStatement,
} from './policy-document.ts';
export type {
  AttachedPolicy,
  AttachedTo,
  Decision,
  ElementResult,
  EntryResult,
  NearMiss,
  Outcome,
  PolicyResult,
  StatementRef,
  StatementResult,
} from './decision.ts';
export type { ClauseResult } from './condition.ts';
