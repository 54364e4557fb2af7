package com.example.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Prices orders. */
public final class OrderService {
  private final Map<String, Customer> customers;

  public OrderService(Map<String, Customer> customers) {
    this.customers = Map.copyOf(customers);
  }

  /** Total price of an order after the customer's loyalty discount. */
  public BigDecimal total(Order order) {
    BigDecimal subtotal = BigDecimal.ZERO;
    for (OrderLine line : order.lines()) {
      subtotal = subtotal.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
    }
    Customer customer = customers.get(order.customerId());
    BigDecimal discount = subtotal.multiply(customer.loyaltyDiscount());
    return subtotal.subtract(discount).setScale(2, RoundingMode.HALF_UP);
  }
}
