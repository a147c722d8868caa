import { WORKSHOP_ALGORITHMS, type WorkshopAlgorithm } from './identity-store.ts';
import { ALGORITHM_LABELS } from './workshop-input.ts';

interface Props {
  value: WorkshopAlgorithm;
  onChange: (value: WorkshopAlgorithm) => void;
  label: string;
}

/** The two key types AWS IoT takes for device certificates (x509-client-certs). */
export default function AlgorithmSelect({ value, onChange, label }: Props) {
  return (
    <label class="hs-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as WorkshopAlgorithm)}>
        {WORKSHOP_ALGORITHMS.map((a) => (
          <option key={a} value={a}>
            {ALGORITHM_LABELS[a]}
          </option>
        ))}
      </select>
    </label>
  );
}
