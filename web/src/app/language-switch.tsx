import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

/** Tiếng Việt / English, remembered in localStorage. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const value: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Select<Language>
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={value}
      onChange={setLanguage}
      prefix={compact ? undefined : <GlobalOutlined />}
      popupMatchSelectWidth={false}
      style={{ width: compact ? 72 : 150 }}
      // A phone header has room for "VI"/"EN" only; the list always shows the full names.
      labelRender={(option) => (compact ? String(option.value).toUpperCase() : option.label)}
      options={[
        { value: 'vi', label: t('language.vi') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
