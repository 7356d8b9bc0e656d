import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountDto } from '../../../../src/contracts/accounts';
import { errorMessage } from '../../lib/api';
import { accountKeys } from './account-queries';

/** A change to one account: the answer replaces the cached account and the list refreshes. */
export function useAccountMutation<TBody>(
  call: (body: TBody) => Promise<AccountDto>,
  options: { success: string; onSuccess?: () => void; onError?: (e: unknown) => void },
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: call,
    onError: options.onError ?? ((e) => void message.error(errorMessage(e))),
    onSuccess: async (account) => {
      queryClient.setQueryData(accountKeys.detail(account.id), account);
      await queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
      void message.success(options.success);
      options.onSuccess?.();
    },
  });
}
