package com.example.shop;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** The checkout endpoint. */
public final class CheckoutController {
  private final OrderService orders;
  private final PaymentGatewayClient payments;

  public CheckoutController(OrderService orders, PaymentGatewayClient payments) {
    this.orders = orders;
    this.payments = payments;
  }

  /** Prices and charges an order. */
  public BigDecimal checkout(Order order) throws IOException {
    BigDecimal total = orders.total(order);
    payments.charge(order.id(), total.movePointRight(2).longValueExact());
    return total;
  }

  /** One page of an order history. */
  public List<Order> history(List<Order> all, int page) {
    return Pages.slice(all, page, 10);
  }
}
