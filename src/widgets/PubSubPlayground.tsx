export default function PubSubPlayground() {
  return <div class="not-content">Playground (in progress)</div>;
}
