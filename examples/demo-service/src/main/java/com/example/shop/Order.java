package com.example.shop;

import java.util.List;

/** An order; customerId is null-free but may name no registered customer (guest checkout). */
public record Order(String id, String customerId, List<OrderLine> lines) {}
