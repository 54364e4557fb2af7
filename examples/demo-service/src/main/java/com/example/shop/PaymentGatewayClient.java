package com.example.shop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Talks to the payment gateway. */
public final class PaymentGatewayClient {
  private final InetSocketAddress gateway;
  private final int connectTimeoutMillis;

  public PaymentGatewayClient(InetSocketAddress gateway, int connectTimeoutMillis) {
    this.gateway = gateway;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /** Charges an amount; fails when the gateway cannot be reached. */
  public void charge(String orderId, long cents) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(gateway, connectTimeoutMillis);
      s.getOutputStream().write(("CHARGE " + orderId + " " + cents + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
