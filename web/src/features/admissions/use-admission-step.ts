import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { memberKeys } from '../members/member-queries';
import { admissionKeys } from './admission-queries';

/**
 * Sends one admission step (POST /api/admissions/...): server field errors land on the form, the rest is kept
 * for a FormErrorAlert; on success the lists and records refresh and `done` gets the answer.
 */
export function useAdmissionStep<TBody, TResult>(
  form: FormInstance,
  path: string,
  done: (result: TResult) => string,
  onSuccess: (result: TResult) => void,
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { error, onError, clear } = useFormError(form);
  const mutation = useMutation({
    mutationFn: (body: TBody) => api.post<TResult>(path, body),
    onMutate: clear,
    onError,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: admissionKeys.all }),
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
      ]);
      void message.success(done(result));
      onSuccess(result);
    },
  });
  const reload = () => {
    clear();
    void queryClient.invalidateQueries({ queryKey: admissionKeys.all });
  };
  return { mutation, error, clear, reload };
}
