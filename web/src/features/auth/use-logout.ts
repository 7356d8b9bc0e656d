import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../lib/api';

/** Ends the session, forgets every cached answer and goes to the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: boolean }>('/auth/logout'),
    meta: { skipAuthRedirect: true },
    onSettled: async () => {
      // Leave the signed-in pages first, then forget everything cached for this account.
      await navigate({ to: '/login', replace: true });
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
    },
  });
}
