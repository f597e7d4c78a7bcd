import { Field, Input, Select } from "@/components/ui";
import { CURRENCY_CODES, SUPPORTED_CURRENCIES, type CurrencyCode } from "@/lib/domain/money";

/**
 * The appointment fee, typed in major units ("45.50") with its currency; the
 * server stores minor units (parseMoneyInput). 0 means visits are free.
 * Required, and empty by default with no placeholder: a grey "50.00" read as
 * a value already filled in. The currency is uncontrolled unless `currency`
 * is given (sign-up defaults it from the chosen time zone).
 */
export function FeeFields({
  errors,
  defaultCurrency = "USD",
  defaultFee = "",
  currency,
  onCurrencyChange,
}: {
  errors: Record<string, string>;
  defaultCurrency?: CurrencyCode;
  defaultFee?: string;
  currency?: CurrencyCode;
  onCurrencyChange?: (currency: CurrencyCode) => void;
}) {
  const controlled = currency !== undefined ? { value: currency } : { defaultValue: defaultCurrency };
  return (
    <div className="grid gap-5 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
      <Field label="Currency" error={errors.currency}>
        {(props) => (
          <Select {...props} name="currency" {...controlled} onChange={(event) => onCurrencyChange?.(event.target.value as CurrencyCode)}>
            {CURRENCY_CODES.map((code) => (
              <option key={code} value={code}>
                {code} · {SUPPORTED_CURRENCIES[code].name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Appointment fee"
        hint="What patients pay to confirm a visit, in the currency chosen, like 45 or 45.50. Enter 0 if visits are free."
        error={errors.fee}
      >
        {(props) => (
          <Input {...props} name="fee" inputMode="decimal" required aria-required="true" defaultValue={defaultFee} className="tabular-nums" />
        )}
      </Field>
    </div>
  );
}
