import { Field, Input, Select } from "@/components/ui";
import { CURRENCY_CODES, SUPPORTED_CURRENCIES, type CurrencyCode } from "@/lib/domain/money";

/**
 * The appointment fee, typed in major units ("45.50") with its currency; the
 * server stores minor units (parseMoneyInput). 0 means visits are free.
 */
export function FeeFields({
  errors,
  defaultCurrency = "USD",
  defaultFee = "",
}: {
  errors: Record<string, string>;
  defaultCurrency?: CurrencyCode;
  defaultFee?: string;
}) {
  return (
    <div className="grid gap-5 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
      <Field label="Currency" error={errors.currency}>
        {(props) => (
          <Select {...props} name="currency" defaultValue={defaultCurrency}>
            {CURRENCY_CODES.map((code) => (
              <option key={code} value={code}>
                {code} · {SUPPORTED_CURRENCIES[code].name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Appointment fee" hint="Patients pay this to confirm a visit. Enter 0 if visits are free." error={errors.fee}>
        {(props) => (
          <Input {...props} name="fee" inputMode="decimal" defaultValue={defaultFee} placeholder="50.00" className="tabular-nums" />
        )}
      </Field>
    </div>
  );
}
