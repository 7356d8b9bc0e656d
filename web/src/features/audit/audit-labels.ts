import { useTranslation } from 'react-i18next';
import { vi } from '../../i18n/vi';

export const AUDIT_ENTITIES = Object.keys(vi.audit.entities);
export const AUDIT_ACTIONS = Object.keys(vi.audit.actions);

/** Known entity and action codes in words; unknown codes are shown as they are. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const entities: Record<string, string> = t('audit.entities', { returnObjects: true });
  const actions: Record<string, string> = t('audit.actions', { returnObjects: true });
  return {
    entity: (code: string) => (Object.hasOwn(entities, code) ? (entities[code] ?? code) : code),
    action: (code: string) => (Object.hasOwn(actions, code) ? (actions[code] ?? code) : code),
  };
}
