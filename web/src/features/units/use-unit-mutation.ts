import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A restructuring call: on success refresh every unit query, say so and close the dialog. */
export function useUnitMutation<TBody, TResult>(
  call: (body: TBody) => Promise<TResult>,
  options: { success: string; onDone: () => void; onError: (e: unknown) => void; onMutate: () => void },
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: call,
    onMutate: options.onMutate,
    onError: options.onError,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      void message.success(options.success);
      options.onDone();
    },
  });
}
