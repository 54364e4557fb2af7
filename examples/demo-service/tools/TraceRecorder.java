package com.example.shop;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Triggers each bug of the demo service and prints the real stack traces, which the demo's log
 * template was recorded from. Run: javac -g -d /tmp/demo src/main/java/com/example/shop/*.java tools/TraceRecorder.java
 * && java -cp /tmp/demo com.example.shop.TraceRecorder
 */
public final class TraceRecorder {
  public static void main(String[] args) throws Exception {
    OrderService orders = new OrderService(Map.of("c-1", new Customer("c-1", "Ada", new BigDecimal("0.10"))));
    int unused;
    try (ServerSocket closed = new ServerSocket(0)) {
      unused = closed.getLocalPort();
    }
    // a loopback port nobody listens on: the connection is refused, as when the gateway is down
    PaymentGatewayClient payments = new PaymentGatewayClient(new InetSocketAddress("127.0.0.1", unused), 50);
    CheckoutController checkout = new CheckoutController(orders, payments);
    Order guest = new Order("o-1001", "guest", List.of(new OrderLine("sku-1", 2, new BigDecimal("9.99"))));
    try {
      checkout.checkout(guest);
    } catch (Exception e) {
      e.printStackTrace(System.out);
    }
    List<Order> history = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      history.add(guest);
    }
    try {
      checkout.history(history, 2);
    } catch (Exception e) {
      e.printStackTrace(System.out);
    }
    Order member = new Order("o-1002", "c-1", List.of(new OrderLine("sku-1", 1, new BigDecimal("9.99"))));
    try {
      checkout.checkout(member);
    } catch (Exception e) {
      e.printStackTrace(System.out);
    }
  }
}
