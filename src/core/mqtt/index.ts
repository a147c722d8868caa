/** Topic names, topic filters and matching, under the `mqtt` or `aws-iot` profile. */
export { PROFILES, PROFILE_DESCRIPTIONS, isProfile, type Profile } from './profile.ts';
export { TOPIC_RULES, type TopicProblem, type TopicRuleId } from './topic-problem.ts';
export { AWS_TOPIC_NAME_MAX_BYTES, basicIngestPrefix, validateTopicName } from './topic-name.ts';
export {
  AWS_SHARED_FILTER_MAX_CHARS,
  AWS_SHARE_NAME_MAX_CHARS,
  parseSharedSubscription,
  validateTopicFilter,
  type SharedSubscription,
} from './topic-filter.ts';
export { matchTopic, topicLevels, type TopicMatch } from './topic-match.ts';
