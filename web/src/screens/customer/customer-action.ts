import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Customer } from "../../ui/customer-names";

/**
 * A change to one customer: the hub's answer (the customer as it is now) replaces the profile at
 * once, and everything else on screen that may show it is asked again.
 */
export function useCustomerAction<Input>(
  customerId: number,
  send: (input: Input) => Promise<Customer>,
  onDone?: (customer: Customer) => void,
) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (customer) => {
      queries.setQueryData(["customer", customerId], customer);
      void queries.invalidateQueries({ queryKey: ["customers"] });
      void queries.invalidateQueries({ queryKey: ["customer", customerId], exact: false });
      onDone?.(customer);
    },
  });
}
