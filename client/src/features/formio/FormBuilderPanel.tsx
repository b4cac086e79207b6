import { FormBuilder } from '@formio/react';
import { useCallback, useRef, useState } from 'react';
import { BUILDER_OPTIONS } from './builder-options';
import { setupFormio } from './formio-setup';

interface Props {
  org: string;
  /** Read once: later changes are not pushed into the builder (it must keep a stable initial form). */
  initialForm: { components: unknown[]; display?: string; title?: string };
  onChange: (form: { components: unknown[] }) => void;
}

/** The Form.io builder with a limited palette and no JavaScript options. Loaded lazily. */
export default function FormBuilderPanel({ org, initialForm, onChange }: Props) {
  setupFormio(org, 'build');
  // Stable references: the builder's component editor silently stops saving when these change identity.
  const [initial] = useState(() => structuredClone(initialForm));
  // A copy per builder: Form.io adds properties to its options (e.g. `events`), which the frozen original refuses.
  const [options] = useState(() => structuredClone(BUILDER_OPTIONS));
  const latest = useRef(onChange);
  latest.current = onChange;
  const handleChange = useCallback((form: unknown) => latest.current(form as { components: unknown[] }), []);
  return (
    <div className="formio-host builder-host">
      <FormBuilder initialForm={initial as never} options={options as never} onChange={handleChange} />
    </div>
  );
}
