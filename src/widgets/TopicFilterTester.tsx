interface Props {
  filter?: string;
  topics?: string[];
}

export default function TopicFilterTester({ filter = '', topics = [] }: Props) {
  return <div class="not-content">Topic filter tester (in progress): {filter} {topics.join(', ')}</div>;
}
