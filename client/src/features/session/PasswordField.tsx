import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'>;

/** A labelled password input, as the sign-in, sign-in-again and set-password forms draw it. */
export function PasswordField({ id, label, value, onChange, ...input }: { id: string; label: string; value: string; onChange: (value: string) => void } & InputProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </div>
  );
}

