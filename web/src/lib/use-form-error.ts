import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { applyFieldErrors } from './form-errors';

/**
 * The error state of a form: server field issues go onto the fields;
 * anything left (or a plain error) is kept to show in a FormErrorAlert.
 */
export function useFormError(form: FormInstance, rename?: Record<string, string>) {
  const [error, setError] = useState<unknown>(null);
  const onError = useCallback(
    (err: unknown) => {
      const allOnFields = applyFieldErrors(form, err, rename);
      setError(allOnFields ? null : err);
    },
    [form, rename],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, onError, clear };
}
