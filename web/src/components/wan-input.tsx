// An amount typed in 万元 (wan.ts converts it exactly to the 元 the API takes).
import { Input, type InputProps } from 'antd';
import { useI18n } from '../i18n';
import { wanToYuan } from './wan';

export { wanToYuan, yuanToWan } from './wan';

/** A form rule: empty passes (add `required` separately), otherwise a valid 万元 amount. */
export function wanRule(message: string) {
  return {
    validator: (_: unknown, value: unknown) =>
      value === undefined ||
      value === null ||
      String(value).trim() === '' ||
      wanToYuan(String(value)) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

/** A text input for an amount in 万元 (the unit shown after it). */
export function WanInput(props: InputProps) {
  const { t } = useI18n();
  return <Input inputMode="decimal" autoComplete="off" suffix={t('form.wan')} {...props} />;
}
