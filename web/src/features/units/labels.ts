import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../src/domain/auth/permissions';
import type { Sector, UnitPower } from '../../../../src/domain/org/unit-kind';

/** Translated names of roles, sectors and powers. */
export function useLabels() {
  const { t } = useTranslation();
  return {
    role: (role: Role) => t(`roles.${role}`),
    sector: (sector: Sector) => t(`sectors.${sector}`),
    power: (power: UnitPower) => t(`powers.${power}`),
  };
}
