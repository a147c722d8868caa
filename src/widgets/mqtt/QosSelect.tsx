import type { QoS } from '../../browser/connection/connection.ts';

/** QoS 0 and 1 only: AWS IoT Core has no QoS 2, and the course teaches what it supports. */
export default function QosSelect({
  value,
  onChange,
}: {
  value: QoS;
  onChange: (qos: QoS) => void;
}) {
  return (
    <label class="hs-field">
      <span>QoS</span>
      <select value={value} onChange={(e) => onChange(Number(e.currentTarget.value) as QoS)}>
        <option value="0">0</option>
        <option value="1">1</option>
      </select>
    </label>
  );
}
