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
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      await navigate({ to: '/login' });
    },
  });
}
